"""A naskah signed in a month whose day is unknown (format v1.1): no weekday is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksd_cli.cli import main


def test_the_opening_of_a_month_only_naskah_leaves_the_day_blank(
    project_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pks.md"
    args = ["draft", "KSD-6402-2018-001", "-n", "2", "--root", str(project_root)]
    assert main([*args, "--draft", "-o", str(out)]) == 0
    capsys.readouterr()
    body = out.read_text(encoding="utf-8")
    assert (
        "Pada hari ini ........ tanggal ........ bulan Oktober tahun dua ribu delapan belas, "
        "bertempat di Tenggarong"
    ) in body
    for weekday in ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"):
        assert f"hari ini {weekday}" not in body
