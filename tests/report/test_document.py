from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path
from typing import Any

from docx import Document

from ksd_cli.config import Laporan, load_config
from ksd_cli.report import Period, Report
from ksd_cli.report.document import docx_bytes, sentences

from .conftest import report_of

ROOT = Path(__file__).resolve().parent.parent.parent


def _document(report: Report, kop: Laporan | None = None) -> Any:
    return Document(io.BytesIO(docx_bytes(report, kop=kop)))


def _text(document: Any) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_chapters_present_and_in_order(sample_2024: Report) -> None:
    text = _text(_document(sample_2024))
    marks = [
        "LAPORAN EVALUASI PELAKSANAAN KERJA SAMA DAERAH",
        "BAB I\nPENDAHULUAN",
        "Dasar Hukum",
        "BAB II\nGAMBARAN UMUM KERJA SAMA DAERAH",
        "BAB III\nHASIL EVALUASI",
        "BAB IV\nPERMASALAHAN DAN REKOMENDASI",
        "BAB V\nPENUTUP",
        "LAMPIRAN: DAFTAR KERJA SAMA DAERAH",
    ]
    positions = [text.index(m) for m in marks]
    assert positions == sorted(positions)


def test_numbers_in_the_narrative_equal_the_annex(sample_2024: Report) -> None:
    document = _document(sample_2024)
    text = _text(document)
    annex = document.tables[-1]
    header = [c.text for c in annex.rows[0].cells]
    rows = [[c.text for c in r.cells] for r in annex.rows[1:]]
    status = header.index("Status")
    found = re.search(r"Dari (\d+) kerja sama, (\d+) berstatus aktif", text)
    assert found is not None
    assert int(found.group(1)) == len(rows) == sample_2024.agreements
    assert int(found.group(2)) == sum(1 for r in rows if r[status] == "Aktif")
    kb = re.search(r"Sebanyak (\d+) kesepakatan bersama belum ditindaklanjuti", text)
    assert kb is not None
    ids = {r[0] for r in rows}
    waiting = {f.id for f in sample_2024.stalled.flags if f.code == "kb_tanpa_pks"}
    assert int(kb.group(1)) == len(waiting) and waiting <= ids


def test_findings_show_titles_and_codes_apart(sample_2024: Report) -> None:
    document = _document(sample_2024)
    finding_tables = [t for t in document.tables if t.rows[0].cells[0].text == "Temuan"]
    assert finding_tables
    for table in finding_tables:
        for row in table.rows[1:]:
            title, code = row.cells[0].text, row.cells[1].text
            assert "_" not in title  # a title, never a code
            assert re.fullmatch(r"[a-z_]+", code)


def test_signature_names_from_ksd_toml() -> None:
    kop = load_config(ROOT).laporan
    report = report_of(ROOT, Period.year(2024))
    text = _text(_document(report, kop))
    assert kop.penandatangan_nama and kop.penandatangan_nama in text
    assert f"NIP. {kop.penandatangan_nip}" in text


def test_missing_names_are_blanks_to_fill(sample_2024: Report) -> None:
    text = _text(_document(sample_2024, Laporan()))
    assert "Kepala Bagian Kerja Sama" in text
    assert "NIP. ...................." in text


def test_charts_are_images(sample_2024: Report) -> None:
    document = _document(sample_2024)
    text = _text(document)
    # Stage, status, kind, and the KBs per year with their follow-up: one image each.
    assert len(document.inline_shapes) == 4
    for caption in (
        "Gambar 1. Kerja sama menurut tahap terakhir",
        "Gambar 2. Kerja sama menurut status",
        "Gambar 3. Kerja sama menurut jenis",
        "Gambar 4. KB menurut tahun dan tindak lanjut",
    ):
        assert caption in text
    assert text.index("Gambar 3.") < text.index("BAB III") < text.index("Gambar 4.")


def test_english_headings() -> None:
    report = report_of(ROOT, Period.year(2024))
    english = dataclasses.replace(report, lang="en")
    text = _text(_document(english))
    assert "CHAPTER I\nINTRODUCTION" in text
    assert "CHAPTER V\nCLOSING" in text


def test_sentences_use_the_report_figures(sample_2024: Report) -> None:
    words = sentences(sample_2024)
    assert f"Dari {sample_2024.agreements} kerja sama" in words.gambaran
    assert f"{sample_2024.konversi.part} telah diikuti" in words.konversi


def test_every_flag_has_the_follow_up_asked_of_the_opd() -> None:
    from ksd_cli.messages import CATALOG
    from ksd_cli.naming import FLAG_CODES

    assert [code for code in FLAG_CODES if f"lapdoc.tl.{code}" not in CATALOG] == []


def test_v1_1_tables_and_their_sentences_agree(sample_2024: Report) -> None:
    document = _document(sample_2024)
    text = _text(document)
    assert sample_2024.berbatasan is not None and sample_2024.usulan is not None
    neighbours = sample_2024.berbatasan.rows
    found = re.search(r"Dari (\d+) daerah yang berbatasan, (\d+) telah memiliki", text)
    assert found is not None
    assert int(found.group(1)) == len(neighbours) == 7
    assert int(found.group(2)) == sum(1 for row in neighbours if row[2] != "Belum ada")
    proposals = re.search(r"Sebanyak (\d+) usulan kerja sama belum sampai", text)
    assert proposals is not None and int(proposals.group(1)) == sample_2024.usulan.rows[0][1]
    for heading in (
        "Kerja Sama dengan Daerah yang Berbatasan",
        "Kelembagaan Kerja Sama",
        "Tabel 5. Kerja sama menurut kategori mitra",
    ):
        assert heading in text
    # BAB II and III come before BAB IV, the neighbours inside BAB III.
    assert text.index("BAB III") < text.index("Kerja Sama dengan Daerah") < text.index("BAB IV")


def test_tables_share_the_text_width_by_their_columns(sample_2024: Report) -> None:
    document = _document(sample_2024)
    kelembagaan = next(
        t for t in document.tables if t.rows[0].cells[0].text == "Uraian" and len(t.columns) == 2
    )
    first, second = (c.width for c in kelembagaan.rows[0].cells)
    assert second > first  # the details column is the wider one
