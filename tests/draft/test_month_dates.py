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


def test_a_month_only_date_reads_as_the_month_wherever_the_naskah_names_it(
    project_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["draft", "KSD-6402-2018-001", "--root", str(project_root), "--draft"]
    pks, adendum = tmp_path / "pks.md", tmp_path / "adendum.md"
    assert main([*args, "-n", "2", "-o", str(pks)]) == 0
    assert main([*args, "-n", "3", "-o", str(adendum)]) == 0
    capsys.readouterr()
    body = pks.read_text(encoding="utf-8")
    # validity counted from a signing of "Oktober 2018": the month, never "tanggal Oktober 2018"
    assert "berlaku terhitung sejak bulan Oktober 2018 " in body
    changed = adendum.read_text(encoding="utf-8")
    assert "\n# BULAN OKTOBER 2018\n" in changed  # the title names the PKS it amends
    assert "690/112/PDAM-TK/X/2018 bulan Oktober 2018 tentang" in changed
    for text in (body, changed):
        assert "tanggal Oktober" not in text and "TANGGAL OKTOBER" not in text
