"""Loading files: special files and sizes that lie."""

from __future__ import annotations

import os
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


def test_reading_goes_on_past_a_size_of_zero_and_stops_at_the_limit(tmp_path: Path) -> None:
    from ksd_cli.loading import _read_at_most

    # A pipe says its size is 0, like files under /proc that still hold content.
    read_end, write_end = os.pipe()
    os.write(write_end, b"id: x\n" * 10)
    os.close(write_end)
    try:
        assert _read_at_most(read_end, 1000, os.fstat(read_end).st_size) == b"id: x\n" * 10
    finally:
        os.close(read_end)
    path = tmp_path / "a.yaml"
    path.write_bytes(b"0123456789")
    fd = os.open(path, os.O_RDONLY)
    try:
        assert _read_at_most(fd, 4, 10) == b"0123"
    finally:
        os.close(fd)


@pytest.mark.parametrize("kept", [False, True])
def test_what_a_paused_collection_keeps_is_left_out_of_later_collections(kept: bool) -> None:
    import gc

    from ksd_cli.collector import collection_paused

    frozen = gc.get_freeze_count()
    try:
        with collection_paused(kept=kept):
            assert not gc.isenabled()
            result = [{"id": n} for n in range(3)]
        assert gc.isenabled()
        # Frozen objects are out of every generation the collector scans.
        scanned = {id(o) for o in gc.get_objects()}
        assert (id(result) in scanned) is not kept
        assert (gc.get_freeze_count() > frozen) is kept
    finally:
        gc.unfreeze()
