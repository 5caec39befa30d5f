"""Shared by the register tests: a new data repository to import into."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksd_cli.cli import main


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A repository just made by ``ksd init`` for Kabupaten Kutai Kartanegara (64.02)."""
    root = tmp_path / "kerja-sama"
    assert main(["init", str(root), "--daerah", "64.02"]) == 0
    capsys.readouterr()
    return root
