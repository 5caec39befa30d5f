"""The report's workbook, read back with openpyxl cell by cell."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from ksd_cli.messages import message
from ksd_cli.report import (
    SHEETS,
    Period,
    Report,
    write_xlsx,
)
from ksd_cli.report.excel import DAFTAR_PRINT_SCALE, TANGGAL_FORMAT
from ksd_cli.xlsx import PERCENT_FORMAT, RUPIAH_FORMAT
from report.conftest import KUKAR, find_row, kb, report_of, sheet_rows, write_repo


def _fits(ws: Any) -> bool:
    """Whether the sheet prints fitted to the page (openpyxl types these as optional)."""
    setup = ws.sheet_properties.pageSetUpPr
    return setup is not None and bool(setup.fitToPage)


def _footer(ws: Any, side: str) -> str | None:
    """The text of one side of the sheet's odd-page footer."""
    item = getattr(ws.oddFooter, side)
    return None if item is None else str(item.text)


@pytest.fixture(scope="module")
def workbook(sample_2024: Report, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from openpyxl import load_workbook

    target = tmp_path_factory.mktemp("xlsx") / "laporan.xlsx"
    write_xlsx(sample_2024, target)
    return load_workbook(target)


def test_workbook_sheets_and_cover(workbook: Any) -> None:
    assert (
        workbook.sheetnames
        == list(SHEETS)
        == [
            "Sampul",
            "Ringkasan",
            "Rincian",
            "Temuan",
            "Akan Berakhir",
            "Potensi",
            "Monev",
            "Daftar",
            "Pembiayaan",
            "Kerja Sama Wajib",
        ]
    )
    cover = workbook["Sampul"]
    assert cover["A1"].value == "Laporan Evaluasi Kerja Sama Daerah"
    assert cover["A2"].value == "Kabupaten Kutai Kartanegara"
    facts = {row[0].value: row[1] for row in cover.iter_rows(min_row=4, max_row=10, max_col=2)}
    assert facts["Periode"].value == "Tahun 2024 (1 Januari 2024 s.d. 31 Desember 2024)"
    assert facts["Keadaan per"].value == datetime(2025, 6, 30)
    assert facts["Keadaan per"].number_format == TANGGAL_FORMAT
    assert facts["Dibuat"].value == "dibuat dengan ksd 0.1.0 dari commit data abc1234"
    links = [c.hyperlink.location for c in cover["A"] if c.hyperlink is not None]
    assert links == [f"'{name}'!A1" for name in SHEETS[1:]]


def test_temuan_sheet_has_one_row_per_flag(workbook: Any, sample_2024: Report) -> None:
    ws = workbook["Temuan"]
    assert [c.value for c in ws[4]][:3] == ["ID", "Temuan", "Kode temuan"]
    assert ws["A4"].font.b and ws["A4"].fill.fgColor.rgb.endswith("1F4E78")
    rows = sheet_rows(ws, 4)
    flags = sample_2024.stalled.flags
    assert [(r["ID"].value, r["Kode temuan"].value, r["Hari"].value) for r in rows] == [
        (f.id, f.code, f.days) for f in flags
    ]
    assert all(isinstance(r["Sejak"].value, datetime) for r in rows)
    assert {r["Sejak"].number_format for r in rows} == {TANGGAL_FORMAT}
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == f"A4:L{4 + len(flags)}"


def test_daftar_cells_are_typed_and_formatted(workbook: Any) -> None:
    ws = workbook["Daftar"]
    rows = {r["ID"].value: r for r in sheet_rows(ws, 4)}
    assert len(rows) == 26
    row = rows["KSD-6402-2020-001"]
    assert row["Tanggal ttd PKS"].value == datetime(2021, 8, 10)
    assert row["Tanggal ttd PKS"].number_format == TANGGAL_FORMAT
    nilai = row["Nilai pembiayaan"]
    assert type(nilai.value) is int and nilai.value == 14_250_000_000
    assert nilai.number_format == RUPIAH_FORMAT
    assert row["Capaian"].value == pytest.approx(0.91)
    assert row["Capaian"].number_format == PERCENT_FORMAT
    assert rows["KSD-6402-2021-002"]["Status"].value == "Dibatalkan"
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == "A4:W30"  # 26 agreements, 23 columns
    # v1.1: a PKS signed "Oktober 2018" (day unknown) is a date shown without its day.
    month = rows["KSD-6402-2018-001"]["Tanggal ttd PKS"]
    assert month.value == datetime(2018, 10, 1) and month.number_format == "[$-421]mmmm yyyy"
    assert ws.column_dimensions["B"].width >= 40


def test_every_section_sheet_is_filled_and_frozen(workbook: Any) -> None:
    rincian = workbook["Rincian"]
    blocks = [c.value for c in rincian["A"] if isinstance(c.value, str)]
    assert blocks.index("Kerja sama menurut urusan") < blocks.index("Kerja sama menurut mitra")
    assert "Kerja sama menurut perangkat daerah" in blocks
    assert workbook["Akan Berakhir"]["A5"].value == "KSD-6402-2022-003"
    assert workbook["Akan Berakhir"]["F5"].value == datetime(2025, 9, 15)
    potensi = workbook["Potensi"]
    belum = sheet_rows(potensi, find_row(potensi, "ID"))
    assert {r["ID"].value for r in belum} == {
        "POT-6402-2022-003",
        "POT-6402-2023-002",
        "POT-6402-2024-001",
    }
    monev = workbook["Monev"]
    rekomendasi = sheet_rows(monev, find_row(monev, "Rekomendasi"))
    assert [r["Monev dalam periode"].value for r in rekomendasi] == [3, 2, 0, 0, 0]
    for name in SHEETS[1:]:
        assert workbook[name].freeze_panes in ("A3", "A5")
        assert workbook[name]["A1"].font.b


def test_native_charts_on_the_summary_by_kind_status_stage_and_year(workbook: Any) -> None:
    from openpyxl.chart import BarChart

    charts = workbook["Ringkasan"]._charts
    assert len(charts) == 4
    assert all(isinstance(c, BarChart) for c in charts)
    assert {c.type for c in charts} == {"bar", "col"}


def test_record_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    judul = '=HYPERLINK("http://contoh.invalid","klik")'
    root = write_repo(
        tmp_path,
        {
            "id": "KSD-6402-2024-001",
            "judul": judul,
            "jenis": "ksdpk",
            "pihak": [KUKAR, {"peran": "pihak_kedua", "tipe": "pihak_ketiga", "nama": "@SUM(1+1)"}],
            "perangkat_daerah": ["-Dinas Uji", "+62 Dinas"],
            "naskah": [kb("2024-01-10")],
        },
    )
    target = tmp_path / "f.xlsx"
    write_xlsx(report_of(root, Period.year(2024)), target)
    ws = load_workbook(target)["Daftar"]
    (row,) = sheet_rows(ws, 4)
    for header, text in (
        ("Judul", judul),
        ("Mitra", "@SUM(1+1)"),
        ("Perangkat daerah", "-Dinas Uji; +62 Dinas"),
    ):
        assert row[header].value == text
        assert row[header].data_type == "s"
    with zipfile.ZipFile(target) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in archive.read(name).decode("utf-8")


def test_every_sheet_prints_a4_one_page_wide_with_a_footer(
    sample_2024: Report, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "laporan.xlsx"
    write_xlsx(sample_2024, target)
    for ws in load_workbook(target).worksheets:
        assert int(ws.page_setup.paperSize or 0) == 9, ws.title  # A4
        if ws.title == "Daftar":
            continue  # 23 columns: printed at a legible scale over several pages (below)
        assert ws.page_setup.fitToWidth == 1 and _fits(ws)
        assert _footer(ws, "left") == "&A", ws.title
        assert _footer(ws, "right") == "Halaman &P dari &N", ws.title
        if ws.title != "Sampul":
            assert ws.print_title_rows, ws.title


def test_rincian_is_one_table_per_dimension_with_a_subtotal(
    workbook: Any, sample_2024: Report
) -> None:
    ws = workbook["Rincian"]
    label = message("laporan.subtotal", "id")
    subtotals = [row for row in ws.iter_rows() if row[1].value == label]
    assert len(subtotals) == 3
    header = sheet_rows(ws, find_row(ws, "Kode"))
    opd_value = "Nilai kerja sama yang melibatkan OPD ini"
    headers = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert opd_value in headers and "Nilai pembiayaan" not in headers
    urusan_total = sum(
        int(str(r["Jumlah kerja sama"])) for r in sample_2024.menurut_urusan.records()
    )
    assert header[-1]["Jumlah kerja sama"].value == urusan_total


def test_daftar_prints_legibly_with_its_key_columns_on_every_page(
    sample_2024: Report, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "laporan.xlsx"
    write_xlsx(sample_2024, target)
    ws = load_workbook(target)["Daftar"]
    # Not squeezed to one page wide: a fixed scale that keeps 11-point text legible.
    assert not _fits(ws)
    assert ws.page_setup.scale == DAFTAR_PRINT_SCALE >= 70
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_cols == "$A:$B"  # ID and Judul on every page
    assert ws.print_title_rows == "$4:$4"  # and the header row
    assert _footer(ws, "right") == "Halaman &P dari &N"


def test_new_sheets_carry_financing_neighbours_and_tkksd(workbook: Any) -> None:
    financing = workbook["Pembiayaan"]
    rows = sheet_rows(financing, 4)
    assert "Pendapatan daerah" in rows[0]
    assert {r["ID"].value for r in rows} >= {"KSD-6402-2020-001"}
    wajib = workbook["Kerja Sama Wajib"]
    neighbours = sheet_rows(wajib, find_row(wajib, "Kode"))
    assert [r["Daerah berbatasan"].value for r in neighbours][:2] == [
        "Kabupaten Malinau",
        "Kabupaten Kutai Timur",
    ]
    assert neighbours[0]["Kerja sama antardaerah"].value == "Belum ada"
    institutions = sheet_rows(wajib, find_row(wajib, "Uraian"))
    assert institutions[0]["Keterangan"].value == "100.3.3.2/052/HK/2024"


def test_a_value_repeated_in_a_column_is_written_as_its_first_appearance(
    sample_2024: Report,
) -> None:
    """Each distinct value of a column is made into a cell once (issue 14) and reused: the
    same value repeated, and values equal as keys but not the same (``1``, ``1.0`` and
    ``True``; a month-only date and its month's first day), each read back as itself."""
    import dataclasses
    import io
    from datetime import date

    from openpyxl import load_workbook

    from ksd_cli.report import Column, Table
    from ksd_cli.report.excel import xlsx_bytes
    from ksd_cli.tanggal import TanggalBulan

    long = "teks yang jauh lebih panjang daripada lebar kolomnya " * 3
    month = TanggalBulan.dari(2018, 10)
    day = date(2018, 10, 1)
    columns = (
        Column("Teks", "teks", 20),
        Column("Jumlah", "bilangan"),
        Column("Tanggal", "tanggal", 16),
        Column("Bebas", "teks"),
    )
    rows = (
        ("pendek", 1, day, 1),
        (long, True, month, True),
        ("pendek", 1.0, day, 1.0),
        (long, 1, month, None),
        ("pendek", True, day, day),
        (None, 1, month, month),
    )
    report = dataclasses.replace(
        sample_2024, daftar=Table("Daftar", columns, rows, sample_2024.daftar.note)
    )
    ws: Any = load_workbook(io.BytesIO(xlsx_bytes(report)))["Daftar"]
    cells = [
        [(c.value, type(c.value).__name__, c.number_format, bool(c.alignment.wrap_text)) for c in r]
        for r in ws.iter_rows(min_row=5, max_row=10, max_col=4)
    ]
    tanggal, bulan, bilangan = TANGGAL_FORMAT, "[$-421]mmmm yyyy", "#,##0"
    at = datetime(2018, 10, 1)
    text = ("pendek", "str", "General", False)
    wrapped = (long, "str", "General", True)
    assert cells == [
        [text, (1, "int", bilangan, False), (at, "datetime", tanggal, False), (1, "int", "General", False)],
        [wrapped, (True, "bool", bilangan, False), (at, "datetime", bulan, False), (True, "bool", "General", False)],
        [text, (1, "int", bilangan, False), (at, "datetime", tanggal, False), (1, "int", "General", False)],
        [wrapped, (1, "int", bilangan, False), (at, "datetime", bulan, False), (None, "NoneType", "General", False)],
        [text, (True, "bool", bilangan, False), (at, "datetime", tanggal, False), (at, "datetime", "yyyy-mm-dd", False)],
        [(None, "NoneType", "General", False), (1, "int", bilangan, False), (at, "datetime", bulan, False), (at, "datetime", "yyyy-mm-dd", False)],
    ]  # fmt: skip
    # A wrapped text makes its row as tall as its lines, wherever it appears.
    heights = [ws.row_dimensions[r].height for r in range(5, 11)]
    assert heights[1] == heights[3] and heights[1] is not None and heights[1] > 15
    assert heights[0] is heights[2] is heights[4] is heights[5] is None


def test_the_workbook_streamed_to_a_file_is_the_one_made_in_memory(
    sample_2024: Report, tmp_path: Path
) -> None:
    """``write_xlsx`` (as ``ksd report`` writes, zipped into the file) equals ``xlsx_bytes``.

    Part by part, as read from the archive: only the creation time of the workbook differs.
    """
    import io

    from ksd_cli.outputs import FORMATS, render
    from ksd_cli.report.excel import write_xlsx, xlsx_bytes

    target = tmp_path / "laporan.xlsx"
    write_xlsx(sample_2024, target)
    made = [zipfile.ZipFile(io.BytesIO(xlsx_bytes(sample_2024)))]
    made.append(zipfile.ZipFile(io.BytesIO(render(FORMATS["report"]["xlsx"], sample_2024))))  # type: ignore[arg-type]
    written = zipfile.ZipFile(target)
    for expected in made:
        assert written.namelist() == expected.namelist()
        for name in written.namelist():
            if name != "docProps/core.xml":
                assert written.read(name) == expected.read(name), name
