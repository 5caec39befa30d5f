"""Fixtures of the command tests: a data repository just made by ``ksd init``."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksd_cli.cli import main


@pytest.fixture
def fresh(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "kerja-sama"
    assert main(["init", str(root), "--daerah", "64.02"]) == 0
    capsys.readouterr()
    return root
