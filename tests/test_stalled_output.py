"""Writing the stalled list: every format carries every flag; Excel rows with real dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SAMPLE_EXPECTED_2025_06_30, run_json

from ksd_cli.cli import main

# The sample repository ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "lang", "words"),
    [
        ("text", "id", "Masa berlaku tidak diketahui (naskah yang berlaku"),
        ("text", "en", "Validity end unknown (a document in force"),
        ("md", "id", "Masa berlaku tidak diketahui (naskah yang berlaku"),
    ],
)
def test_records_in_force_with_an_unknown_end_are_named(
    fmt: str, lang: str, words: str, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["stalled", "--root", str(project_root), "--as-of", "2025-06-30", "-f", fmt]
    assert main([*args, "--lang", lang]) == 0
    out = " ".join(capsys.readouterr().out.split())  # the terminal folds long lines
    assert words in out
    # KSD-6402-2018-001: a PKS of "Oktober 2018" whose copy gives no end
    assert out.split(words)[1].split(")", 1)[1].lstrip(": `").startswith("KSD-6402-2018-001")


@pytest.mark.parametrize("fmt", ["md", "csv", "text"])
def test_every_format_carries_every_flag(
    fmt: str, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stalled", "--root", str(project_root), "--as-of", "2025-06-30", "-f", fmt]) == 0
    out = capsys.readouterr().out
    for record_id, _ in SAMPLE_EXPECTED_2025_06_30:
        assert record_id in out


def test_xlsx_has_one_row_per_flag_with_real_dates(
    project_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "stalled.xlsx"
    assert (
        main(
            [
                "stalled",
                "--root",
                str(project_root),
                "--as-of",
                "2025-06-30",
                "-f",
                "xlsx",
                "-o",
                str(target),
            ]
        )
        == 0
    )
    sheet = load_workbook(target)["Temuan"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {(r[0], r[2]) for r in rows} == SAMPLE_EXPECTED_2025_06_30
    assert all(hasattr(r[4], "year") for r in rows)
    assert sheet.freeze_panes == "A2"


def test_xlsx_tells_what_the_text_tells(
    sample_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    from ksd_cli.naming import NO_THRESHOLD, NOT_APPLICABLE, flag_title

    broken = sample_repo / "data" / "agreements" / "KSD-6402-2024-006.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "jenis_salah: 1\n", encoding="utf-8")
    target = tmp_path / "stalled.xlsx"
    args = ["stalled", "--root", str(sample_repo), "--as-of", "2025-06-30"]
    assert main([*args, "-f", "xlsx", "-o", str(target)]) == 0
    workbook = load_workbook(target)
    assert workbook.properties.title == "Kerja sama yang perlu perhatian per 30 Juni 2025"
    # A flag a date passing raises has no threshold: "–", never a misleading 0.
    thresholds = {(r[0], r[2]): r[6] for r in workbook["Temuan"].iter_rows(2, values_only=True)}
    assert thresholds[("KSD-6402-2019-001", "kb_kedaluwarsa_tanpa_pks")] == NOT_APPLICABLE
    assert thresholds[("KSD-6402-2019-003", "kb_tanpa_pks")] == 365
    assert all((t == NOT_APPLICABLE) == (c in NO_THRESHOLD) for (_, c), t in thresholds.items())
    # Readable when opened or printed: rows as tall as their wrapped details, one page wide.
    sheet = workbook["Temuan"]
    width = sheet.column_dimensions["L"].width - 2
    for number, row in enumerate(sheet.iter_rows(2, values_only=True), 2):
        lines = -(-len(str(row[11])) // width)
        assert (sheet.row_dimensions[number].height or 12.75) >= 12.75 * lines
    assert any(sheet.row_dimensions[n].height for n in range(2, sheet.max_row + 1))
    fit = sheet.sheet_properties.pageSetUpPr
    assert fit is not None and fit.fitToPage and sheet.page_setup.fitToWidth == 1
    summary = [r for r in workbook["Ringkasan"].iter_rows(values_only=True) if any(r)]
    assert summary[0][0] == "Kerja sama yang perlu perhatian per 30 Juni 2025"
    assert summary[1] == ("Kode temuan", "Temuan", "Jumlah")
    counts = {r[0]: (r[1], r[2]) for r in summary[2:] if isinstance(r[2], int)}
    found = {c for _, c in thresholds}
    assert {c for c, (_, n) in counts.items() if n} == found
    assert counts["kb_tanpa_pks"] == (flag_title("kb_tanpa_pks", "id"), 5)
    notes = [str(r[0]) for r in summary if r[1] is None]
    # The same notes as the text form: validity end unknown, and the record not assessed.
    assert main([*args, "-f", "md"]) == 0
    markdown = capsys.readouterr().out
    unknown = next(n for n in notes if n.startswith("Masa berlaku tidak diketahui"))
    assert unknown in markdown and notes[notes.index(unknown) + 1] == "KSD-6402-2018-001"
    assert notes[-2] == "1 rekaman tidak valid dan tidak dinilai (jalankan `ksd validate`)"
    assert notes[-1] == "data/agreements/KSD-6402-2024-006.yaml (1 galat)"
    assert "`data/agreements/KSD-6402-2024-006.yaml` (1 galat)" in markdown


def test_days_are_numbers_of_the_language_and_a_date_flag_has_no_threshold(
    project_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    args = ["stalled", "--root", str(project_root), "--as-of", "2025-06-30"]
    assert main([*args, "-f", "md"]) == 0
    markdown = capsys.readouterr().out
    # KB berakhir tanpa PKS: 1.437 days since, raised by a date (no threshold of days).
    assert (
        "| KSD-6402-2019-001 | KB berakhir tanpa PKS | Penandatanganan KB | 1.437 | – |" in markdown
    )
    assert main([*args, "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "1,437" in text and "1.437" not in text


@pytest.mark.parametrize("width", [40, 60, 79])
def test_text_on_a_narrow_terminal_stacks_each_flag_whole(
    width: int,
    project_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # At 40 columns the table gave its findings and details no width at all, at 60 a "…".
    from ksd_cli.naming import flag_title

    args = ["stalled", "--root", str(project_root), "--as-of", "2025-06-30"]
    _, found = run_json(capsys, *args, "-f", "json")
    flags = found["flags"]
    monkeypatch.setenv("COLUMNS", str(width))
    assert main(args) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert all(len(line) <= width and line == line.rstrip() for line in lines)
    assert not any("┃" in line or "…" in line for line in lines)
    words = " ".join(out.split())
    assert flags
    for f in flags:
        assert f"{f['id']} {flag_title(f['code'], 'id')}" in words
        assert " ".join(f["message"].split()) in words
    monkeypatch.setenv("COLUMNS", "80")
    assert main(args) == 0
    assert "┃ ID" in capsys.readouterr().out  # the table from 80 columns on
