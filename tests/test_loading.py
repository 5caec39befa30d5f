"""Loading files: special files and sizes that lie."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksd_cli.loading import read_bytes
from ksd_cli.repository import SourceFile
from ksd_cli.yamlread import LoadProblem


def test_reading_stops_at_the_limit_even_when_the_size_says_otherwise() -> None:
    proc = Path("/proc/self/status")
    if not proc.exists():
        pytest.skip("no /proc on this system")
    source = SourceFile(proc, "data/agreements/x.yaml", "agreement")
    assert proc.stat().st_size == 0
    result = read_bytes(source, 16)
    assert isinstance(result, LoadProblem) and result.code == "file-too-large"


def test_a_file_within_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"id: x\n")
    assert read_bytes(SourceFile(path, "a.yaml", "agreement"), 6) == b"id: x\n"
