"""The workbook read back with openpyxl, sheet by sheet."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from ksd_cli.consolidate import Consolidation
from ksd_cli.consolidate.excel import HEADER_ROW, xlsx_bytes


def test_sheets_and_their_rows(result: Consolidation) -> None:
    book = load_workbook(io.BytesIO(xlsx_bytes(result)))
    assert book.sheetnames == [
        "Ringkasan per daerah",
        "Temuan lintas daerah",
        "Pemetaan per daerah",
        "Rekaman tidak lolos validasi",
        "Belum melapor",
    ]
    summary = book["Ringkasan per daerah"]
    header = [c.value for c in summary[HEADER_ROW]]
    rows = [
        [c.value for c in row]
        for row in summary.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + 4)
    ]
    assert [r[1] for r in rows] == ["64", "64.02", "64.71", "64.72"]
    assert rows[2][header.index("Validasi")] == "gagal"
    assert rows[2][header.index("Error")] == 1
    assert rows[1][header.index("Konversi KB→PKS")] is None  # its one KB is not yet due
    # ... as its row says: the ratio's base is there to read beside it.
    assert rows[1][header.index("KB ditandatangani")] == 1
    assert rows[1][header.index("KB belum jatuh tempo (di luar rasio)")] == 1
    for row in rows:
        signed, followed, young, ratio = (
            row[header.index(h)]
            for h in (
                "KB ditandatangani",
                "KB diikuti PKS",
                "KB belum jatuh tempo (di luar rasio)",
                "Konversi KB→PKS",
            )
        )
        counts = (signed, followed, young)
        if all(isinstance(n, int) for n in counts) and signed != young:
            assert ratio == followed / (signed - young)  # type: ignore[operator]
    assert len(summary._charts) == 1  # type: ignore[attr-defined]
    assert summary.page_setup.orientation == "landscape"

    findings = [
        [c.value for c in row]
        for row in book["Temuan lintas daerah"].iter_rows(min_row=HEADER_ROW + 1)
    ]
    titles = [r[0] for r in findings]
    assert "Nomor naskah berbeda (Kesepakatan Bersama, nomor Kota Balikpapan)" in titles
    assert "Tercatat sepihak" in titles
    dated = next(r for r in findings if str(r[0]).startswith("Tanggal penandatanganan"))
    assert dated[3:5] == ["20 Agustus 2024", "kukar/data/agreements/KSD-6402-2023-001.yaml:19"]

    mapping = [
        [c.value for c in row]
        for row in book["Pemetaan per daerah"].iter_rows(min_row=HEADER_ROW + 1)
    ]
    samarinda = next(r for r in mapping if r[0] == "64.72")
    assert samarinda[2] == 0 and samarinda[-1] == "belum memetakan potensi"

    missing = [
        [c.value for c in row]
        for row in book["Belum melapor"].iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + 1)
    ]
    assert missing == [["64.03", "Kabupaten Berau", "kabupaten"]]


def test_every_sheet_name_is_whole() -> None:
    # Excel's limit is 31 characters: a longer title was cut ("... tidak lolos valida").
    from ksd_cli.consolidate.excel import sheet_name

    for lang in ("id", "en"):
        for key in ("ringkasan", "temuan-lintas", "pemetaan", "rekaman-gagal", "belum-melapor"):
            assert 0 < len(sheet_name(key, lang)) <= 31
