"""ksd show as text: nothing cut short, whatever the terminal's width."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ksd_cli.cli import main


@pytest.mark.parametrize("width", [80, 60])
def test_show_wraps_numbers_and_dates_instead_of_cutting_them(
    width: int,
    project_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    args = ["show", "KSD-6402-2020-001", "--root", str(project_root), "--as-of", "2025-06-30"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= width
    assert "…" not in out
    # Every document number is there in full once the folded cells are joined again.
    cells = "".join(part.strip() for line in out.splitlines() for part in line.split("│")[3:4])
    for number in ("180/015/HK/III/2021", "100.3.7/12/KS-Smd/2021", "180/042/HK/VIII/2021"):
        assert number in re.sub(r"pihak_ke(satu|dua):", "", cells)
