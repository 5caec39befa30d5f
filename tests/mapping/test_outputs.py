from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import check_golden
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from ksd_cli.cli import app
from ksd_cli.idformat import number
from ksd_cli.jinja import make_environment
from ksd_cli.mapping import Mapping
from ksd_cli.mapping.document import docx_bytes
from ksd_cli.mapping.excel import HEADER_ROW, xlsx_bytes
from ksd_cli.mapping.markdown import render_markdown
from ksd_cli.mapping.table import group_title
from ksd_cli.repository import open_repository

from .conftest import GOLDEN, PROJECT_ROOT, mapping_of


def _fits(ws: Any) -> bool:
    """Whether the sheet prints fitted to the page (openpyxl types these as optional)."""
    setup = ws.sheet_properties.pageSetUpPr
    return setup is not None and bool(setup.fitToPage)


def _footer(ws: Any, side: str) -> str | None:
    """The text of one side of the sheet's odd-page footer."""
    item = getattr(ws.oddFooter, side)
    return None if item is None else str(item.text)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden_markdown(lang: str, update_golden: bool) -> None:
    mapping = mapping_of(PROJECT_ROOT, lang=lang)  # type: ignore[arg-type]
    text = render_markdown(mapping, make_environment(open_repository(PROJECT_ROOT)))
    suffix = "" if lang == "id" else ".en"
    check_golden(GOLDEN / f"sample{suffix}.md", text, update_golden)


def test_xlsx_lists_every_urusan_as_a_merged_group_row(sample: Mapping) -> None:
    ws = load_workbook(io.BytesIO(xlsx_bytes(sample))).worksheets[0]
    firsts = [ws.cell(row=r, column=1).value for r in range(HEADER_ROW + 1, ws.max_row + 1)]
    for group in sample.groups:
        assert group_title(group) in firsts
    merged = {str(m) for m in ws.merged_cells.ranges}
    row = HEADER_ROW + 1
    assert f"A{row}:S{row}" in merged
    empty = [ws.cell(row=r, column=2).value for r in range(HEADER_ROW + 1, ws.max_row + 1)]
    assert empty.count("belum teridentifikasi") == 32 - sample.coverage.urusan_terpetakan


def test_xlsx_shows_titles_not_codes(sample: Mapping) -> None:
    ws = load_workbook(io.BytesIO(xlsx_bytes(sample))).worksheets[0]
    headers = [c.value for c in ws[HEADER_ROW]]
    jenis = headers.index("Jenis kerja sama") + 1
    prioritas = headers.index("Prioritas") + 1
    values = {ws.cell(row=r, column=jenis).value for r in range(HEADER_ROW + 1, ws.max_row + 1)}
    assert "KSDD wajib" in values
    assert not any(isinstance(v, str) and v.startswith("ksd") for v in values)
    priorities = {
        ws.cell(row=r, column=prioritas).value for r in range(HEADER_ROW + 1, ws.max_row + 1)
    }
    assert "Tinggi" in priorities and "tinggi" not in priorities


def test_xlsx_print_setup_on_every_sheet(sample: Mapping) -> None:
    workbook = load_workbook(io.BytesIO(xlsx_bytes(sample)))
    assert len(workbook.worksheets) == 2
    for ws in workbook.worksheets:
        assert int(ws.page_setup.paperSize or 0) == 9  # A4
        assert ws.page_setup.fitToWidth == 1
        assert _fits(ws)
        assert _footer(ws, "left") == "&A"
        assert _footer(ws, "right") == "Halaman &P dari &N"
    matrix = workbook.worksheets[0]
    assert matrix.page_setup.orientation == "landscape"
    assert matrix.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def _paragraphs(content: bytes) -> list[str]:
    document = Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(c.text for c in row.cells)
    return texts


def test_docx_chapters_and_keputusan_parts_in_order(sample: Mapping) -> None:
    document = Document(io.BytesIO(docx_bytes(sample)))
    text = "\n".join(p.text for p in document.paragraphs)
    chapters = [
        "I. Pendahuluan",
        "II. Dasar Hukum",
        "III. Metode",
        "IV. Ringkasan per Urusan",
        "V. Integrasi ke dalam RKPD",
        "KEPUTUSAN BUPATI KUTAI KARTANEGARA",
        "MEMUTUSKAN:",
        "LAMPIRAN KEPUTUSAN BUPATI KUTAI KARTANEGARA",
        "MATRIKS PEMETAAN POTENSI",
    ]
    positions = [text.index(c) for c in chapters]
    assert positions == sorted(positions)
    labels = [t.rows[0].cells[0].text for t in document.tables]
    for part in ("Menimbang", "Mengingat", "Menetapkan", "KESATU", "KEDUA", "KETIGA", "KEEMPAT"):
        assert part in labels
    assert labels.index("Menimbang") < labels.index("Mengingat") < labels.index("KESATU")


def test_docx_narrative_numbers_equal_the_coverage(sample: Mapping) -> None:
    text = "\n".join(_paragraphs(docx_bytes(sample)))
    c = sample.coverage
    assert (
        f"Dari {c.urusan} urusan pemerintahan konkuren, {c.urusan_terpetakan} urusan memiliki "
        f"potensi kerja sama yang terpetakan, dengan {number(c.potensi, 'id')} potensi. "
        f"Sebanyak {c.potensi_rkpd} potensi telah masuk RKPD dan {c.potensi_ditindaklanjuti} "
        "potensi telah ditindaklanjuti"
    ) in text


def test_docx_matrix_has_every_urusan(sample: Mapping) -> None:
    document = Document(io.BytesIO(docx_bytes(sample)))
    matrix = document.tables[-1]
    firsts = {row.cells[0].text for row in matrix.rows}
    for group in sample.groups:
        assert group_title(group) in firsts


def test_docx_matrix_carries_the_planning_fields_in_one_column(sample: Mapping) -> None:
    document = Document(io.BytesIO(docx_bytes(sample)))
    matrix = document.tables[-1]
    header = [c.text for c in matrix.rows[0].cells]
    plan = header.index("Indikator, target, anggaran indikatif, tahun rencana")
    texts = {cell.text for row in matrix.rows[1:] for cell in row.cells[plan : plan + 1]}
    assert (
        "Indikator: Luas lahan rawa yang dioptimasi; target 1.000 hektare; Rp3.200.000.000; "
        "tahun 2024"
    ) in texts
    assert "Indikator: UMKM binaan yang naik kelas; target 120 UMKM; tahun 2025" in texts


def test_docx_head_of_a_city_is_wali_kota(tmp_path: Path) -> None:
    from .conftest import write_potentials

    mapping = mapping_of(write_potentials(tmp_path, "64.72", {"id": "POT-6472-2024-001"}))
    text = "\n".join(_paragraphs(docx_bytes(mapping)))
    assert "KEPUTUSAN WALI KOTA SAMARINDA" in text
    assert "BUPATI" not in text


def test_cli_json_equals_the_library_result(sample: Mapping) -> None:
    result = CliRunner().invoke(
        app,
        ["mapping", "--root", str(PROJECT_ROOT), "--as-of", "2025-06-30", "-f", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    expected = sample.as_dict()
    data.pop("dibuat_dengan")
    expected.pop("dibuat_dengan")
    assert data == expected


def test_cli_xlsx_goes_to_a_file_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "peta.xlsx"
    args = ["mapping", "--root", str(PROJECT_ROOT), "--as-of", "2025-06-30", "-o", str(target)]
    first = CliRunner().invoke(app, args, catch_exceptions=False)
    assert first.exit_code == 0 and target.is_file()
    again = CliRunner().invoke(app, args, catch_exceptions=False)
    assert again.exit_code == 1
    assert str(load_workbook(target).worksheets[0].cell(row=1, column=1).value).startswith(
        "RANCANGAN"
    )


def test_cli_refuses_a_year_out_of_range() -> None:
    result = CliRunner().invoke(
        app, ["mapping", "--root", str(PROJECT_ROOT), "--tahun", "12"], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert "--tahun" in result.output


def test_cli_lists_a_broken_potential_as_left_out(sample_repo: Path) -> None:
    broken = sample_repo / "data" / "potentials" / "POT-6402-2024-001.yaml"
    broken.write_text("id: POT-6402-2024-001\nprioritas: [\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["mapping", "--root", str(sample_repo), "--as-of", "2025-06-30", "-f", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["tidak_terbaca"] == ["data/potentials/POT-6402-2024-001.yaml"]
    assert "1 berkas potensi tidak dimuat" in result.stderr
    ids = [p["id"] for u in data["urusan"] for p in u["potensi"]]
    assert "POT-6402-2024-001" not in ids and len(ids) == 12


def test_cli_refuses_a_year_not_begun_on_the_as_of_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As `ksd report --periode 2030` does: a mapping of 2030 as of mid-2025 was written empty.
    from ksd_cli.cli import main

    target = tmp_path / "peta.md"
    args = ["mapping", "--root", str(PROJECT_ROOT), "--as-of", "2025-06-30", "-o", str(target)]
    assert main([*args, "--tahun", "2030"]) == 2
    assert (
        "nilai tidak sah untuk --as-of: 2025-06-30 lebih awal dari awal periode (2030-01-01)"
        in (capsys.readouterr().err)
    )
    assert not target.exists()
    assert main([*args, "--tahun", "2025"]) == 0 and target.exists()
