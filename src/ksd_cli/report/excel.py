"""Writing the report as an Excel workbook: a cover sheet, one sheet per section, two charts.

The workbook is written in openpyxl's write-only mode, row after row, so that a report on ten
thousand agreements neither holds every cell in memory nor pays for styling each cell anew:
each kind of cell gets its style once and shares it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ksd_cli.escaping import FORMULA_STARTS, xml_text
from ksd_cli.idformat import tanggal
from ksd_cli.report.model import Cell, Column, ColumnKind, Report, Table
from ksd_cli.xlsx import (
    INTEGER_FORMAT,
    PERCENT_FORMAT,
    RUPIAH_FORMAT,
    workbook_bytes,
)

#: Day, Indonesian month name, year whatever the language of Excel: "15 Maret 2024".
TANGGAL_FORMAT = "[$-421]d mmmm yyyy"
NUMBER_FORMATS: dict[ColumnKind, str | None] = {
    "teks": None,
    "bilangan": INTEGER_FORMAT,
    "rupiah": RUPIAH_FORMAT,
    "persen": PERCENT_FORMAT,
    "tanggal": TANGGAL_FORMAT,
}
#: Sheet names users build on: never rename them.
SHEETS = ("Sampul", "Ringkasan", "Rincian", "Temuan", "Akan Berakhir", "Potensi", "Monev", "Daftar")
ISI = {
    "Ringkasan": "I. Ringkasan: jumlah menurut jenis, status dan tahap; konversi KB menjadi PKS; "
    "nilai pembiayaan",
    "Rincian": "II. Rincian menurut urusan, mitra dan perangkat daerah",
    "Temuan": "III. Temuan: kerja sama yang macet, satu baris per temuan",
    "Akan Berakhir": "IV. Naskah yang akan berakhir",
    "Potensi": "V. Pemetaan potensi dan tindak lanjutnya",
    "Monev": "VI. Monitoring dan evaluasi",
    "Daftar": "VII. Daftar kerja sama",
}
TITLE_COLOR = "1F4E78"
LINE_HEIGHT = 15
MAX_LINES = 10
#: First row of a sheet's table under its title, subtitle and note.
TABLE_ROW = 4


def write_xlsx(report: Report, path: Path) -> None:
    """Write ``report`` to ``path`` as a workbook (atomically: never a half-written file)."""
    from ksd_cli.atomic import write_bytes_atomic

    write_bytes_atomic(path, xlsx_bytes(report))


def xlsx_bytes(report: Report) -> bytes:
    """The report as an ``.xlsx`` workbook."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheets = {name: _Sheet(workbook.create_sheet(name)) for name in SHEETS}
    _sampul(sheets["Sampul"], report)
    _ringkasan(sheets["Ringkasan"], report)
    _single(sheets["Rincian"], "II. Rincian", rincian(report), report)
    _single(sheets["Temuan"], "III. Temuan", report.temuan, report)
    _single(sheets["Akan Berakhir"], "IV. Akan berakhir", report.akan_berakhir, report)
    _blocks(
        sheets["Potensi"],
        "V. Pemetaan potensi",
        [report.potensi_per_urusan, report.potensi_belum_ditindaklanjuti],
        report,
    )
    _blocks(
        sheets["Monev"],
        "VI. Monitoring dan evaluasi",
        [report.rekomendasi, report.tanpa_monev, report.monev_terakhir],
        report,
    )
    _single(sheets["Daftar"], "VII. Daftar kerja sama", report.daftar, report)
    return workbook_bytes(workbook)


def rincian(report: Report) -> Table:
    """The three breakdowns of section II as one filterable table with a "Menurut" column."""
    parts = (
        ("Urusan", report.menurut_urusan),
        ("Mitra", report.menurut_mitra),
        ("Perangkat daerah", report.menurut_perangkat_daerah),
    )
    first = report.menurut_urusan
    columns = (
        Column("Menurut", width=16),
        first.columns[0],
        Column("Nama", width=44),
        *first.columns[2:],
    )
    return Table(
        "Kerja sama menurut urusan, mitra dan perangkat daerah",
        columns,
        tuple((label, *row) for label, table in parts for row in table.rows),
        note="Satu kerja sama dapat tercatat pada lebih dari satu urusan, mitra atau perangkat "
        "daerah; angka per baris tidak dijumlahkan menjadi total.",
    )


# Writing rows -----------------------------------------------------------------------------------


class _Sheet:
    """A write-only worksheet filled top to bottom, with one shared style per kind of cell.

    Column widths, frozen panes and page setup must be set before the first row is written;
    a row's height before that row.
    """

    def __init__(self, ws: Any) -> None:
        from openpyxl.cell import WriteOnlyCell

        self.ws = ws
        self.row = 0
        self._styles: dict[tuple[str, str | None], Any] = {}
        self._new_cell = WriteOnlyCell
        self.widths: dict[int, float] = {}

    def style(self, name: str, number_format: str | None = None) -> Any:
        """The style array of a kind of cell, made on first use."""
        key = (name, number_format)
        if key not in self._styles:
            from openpyxl.styles import Alignment, Font, PatternFill

            cell = self._new_cell(self.ws)
            if name == "title":
                cell.font = Font(name="Calibri", bold=True, size=16, color=TITLE_COLOR)
            elif name == "cover":
                cell.font = Font(name="Calibri", bold=True, size=20, color=TITLE_COLOR)
            elif name == "region":
                cell.font = Font(name="Calibri", bold=True, size=14)
            elif name == "subtitle":
                cell.font = Font(name="Calibri", size=11, color="404040")
            elif name == "block":
                cell.font = Font(name="Calibri", bold=True, size=12, color=TITLE_COLOR)
            elif name == "note":
                cell.font = Font(name="Calibri", italic=True, size=9, color="595959")
            elif name == "bold":
                cell.font = Font(name="Calibri", bold=True)
            elif name == "warning":
                cell.font = Font(name="Calibri", bold=True, color="C00000")
            elif name == "link":
                cell.font = Font(name="Calibri", color="0563C1", underline="single")
            elif name.startswith("header"):
                cell.font = Font(name="Calibri", bold=True, color="FFFFFF")
                cell.fill = PatternFill("solid", fgColor=TITLE_COLOR)
                horizontal = "right" if name == "header-right" else None
                cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
            elif name == "wrap":
                cell.alignment = Alignment(wrap_text=True)
            elif name == "right":
                cell.alignment = Alignment(horizontal="right")
            elif name == "left":
                cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
            if number_format:
                cell.number_format = number_format
            self._styles[key] = cell._style
        return self._styles[key]

    def cell(self, value: Cell, style: str | None = None, number_format: str | None = None) -> Any:
        """A cell; text is stored as text (never a formula), without characters XML refuses."""
        if value.__class__ is str:
            cell = self._new_cell(self.ws, xml_text(str(value)))
            cell.data_type = "s"
        else:
            cell = self._new_cell(self.ws, value)
        if style is not None or (number_format and value is not None):
            cell._style = self.style(style or "plain", number_format)
        return cell

    def append(self, values: Sequence[Any] = (), height: float | None = None) -> int:
        """Write the next row; returns its number."""
        self.row += 1
        if height is not None:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(list(values))
        return self.row

    def text(self, value: str, style: str, column: int = 1) -> int:
        """A row with one styled text cell."""
        return self.append([None] * (column - 1) + [self.cell(value, style)])

    def setup(self, widths: dict[int, float], freeze: str | None, landscape: bool = True) -> None:
        """Column widths, frozen panes and page setup (before the first row)."""
        from openpyxl.utils import get_column_letter

        self.widths = dict(widths)
        for index, width in widths.items():
            self.ws.column_dimensions[get_column_letter(index)].width = width
        if freeze:
            self.ws.freeze_panes = freeze
        self.ws.page_setup.orientation = "landscape" if landscape else "portrait"
        self.ws.page_setup.paperSize = "9"  # A4
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True

    def table(self, table: Table, *, autofilter: bool = False) -> tuple[int, int]:
        """Header and rows; returns the header row and the last row.

        Long text wraps, and its row is made tall enough: neither Excel nor LibreOffice fits
        row heights to wrapped text when opening a file. Cells keep Excel's default bottom
        alignment, wrapped ones too, so a row reads level without styling every cell.
        """
        from openpyxl.utils import get_column_letter

        # The sheet's column may be wider than this table asks for (several tables share it).
        widths = [int(max(c.width, self.widths.get(i, 0))) for i, c in enumerate(table.columns, 1)]
        header = [
            self.cell(c.header, "header" if c.kind == "teks" else "header-right")
            for c in table.columns
        ]
        lines = max(_lines(c.header, w) for c, w in zip(table.columns, widths, strict=True))
        first = self.append(header, LINE_HEIGHT * lines if lines > 1 else None)
        formats = [NUMBER_FORMATS[c.kind] for c in table.columns]
        plain = [f is None for f in formats]
        for values in table.rows:
            row: list[Any] = []
            lines = 1
            for value, width, number_format, is_plain in zip(
                values, widths, formats, plain, strict=True
            ):
                if value.__class__ is str and len(value) > width:
                    row.append(self.cell(value, "wrap", number_format))
                    lines = max(lines, _lines(value, width))
                elif is_plain and not _needs_cell(value):
                    row.append(value)  # unstyled: the cheapest cell openpyxl writes
                else:
                    row.append(self.cell(value, None, number_format))
            self.append(row, LINE_HEIGHT * min(lines, MAX_LINES) if lines > 1 else None)
        last = self.row
        if autofilter:
            letter = get_column_letter(len(table.columns))
            self.ws.auto_filter.ref = f"A{first}:{letter}{max(last, first + 1)}"
        return first, last


def _needs_cell(value: object) -> bool:
    """Text that a bare value would turn into a formula, or with characters XML refuses."""
    return isinstance(value, str) and (value.startswith(FORMULA_STARTS) or xml_text(value) != value)


def _lines(text: str, width: int) -> int:
    """Lines that ``text`` takes when wrapped in a column ``width`` characters wide (roughly)."""
    return -(-len(text) // max(width - 2, 1))


def _widths(tables: Iterable[Table], first: float = 0) -> dict[int, float]:
    """The widest width of each column over ``tables``; the first column at least ``first``."""
    widths: dict[int, float] = {1: first}
    for table in tables:
        for index, column in enumerate(table.columns, 1):
            widths[index] = max(widths.get(index, 0), column.width)
    return widths


# Sheet layouts ----------------------------------------------------------------------------------


def _heading(sheet: _Sheet, title: str, report: Report, note: str | None = None) -> None:
    """Rows 1-3: section title, region, period and as-of date, and a note."""
    sheet.row += 1
    sheet.ws.row_dimensions[sheet.row].height = 24
    sheet.ws.append([sheet.cell(title, "title")])
    subtitle = (
        f"{report.daerah_nama} · Periode {report.period.judul} · "
        f"Keadaan per {tanggal(report.as_of)}"
    )
    sheet.text(subtitle, "subtitle")
    if note:
        sheet.text(note, "note")
    else:
        sheet.append()


def _single(sheet: _Sheet, title: str, table: Table, report: Report) -> None:
    """One table under the heading: header on row 4, frozen under it, with an auto-filter."""
    sheet.setup(_widths([table]), f"A{TABLE_ROW + 1}")
    sheet.ws.print_title_rows = f"{TABLE_ROW}:{TABLE_ROW}"
    _heading(sheet, title, report, table.note)
    sheet.table(table, autofilter=True)


def _blocks(sheet: _Sheet, title: str, tables: Sequence[Table], report: Report) -> None:
    """Several titled tables one under the other; the last, the longest, gets the filter."""
    sheet.setup(_widths(tables), "A3")
    _heading(sheet, title, report)
    for index, table in enumerate(tables):
        sheet.text(table.title, "block")
        if table.note:
            sheet.text(table.note, "note")
        sheet.table(table, autofilter=index == len(tables) - 1)
        sheet.append()


# Cover ------------------------------------------------------------------------------------------


def _sampul(sheet: _Sheet, report: Report) -> None:
    from openpyxl.worksheet.hyperlink import Hyperlink

    sheet.setup({1: 30, 2: 90}, None, landscape=False)
    sheet.row += 1
    sheet.ws.row_dimensions[sheet.row].height = 30
    sheet.ws.append([sheet.cell("Laporan Evaluasi Kerja Sama Daerah", "cover")])
    sheet.text(report.daerah_nama, "region")
    sheet.append()
    facts: list[tuple[str, Any, str | None]] = [
        ("Periode", report.period.judul, None),
        ("Awal periode", report.period.start, TANGGAL_FORMAT),
        ("Akhir periode", report.period.end, TANGGAL_FORMAT),
        ("Keadaan per", report.as_of, TANGGAL_FORMAT),
        ("Kerja sama", report.agreements, INTEGER_FORMAT),
        ("Potensi kerja sama", report.potentials, INTEGER_FORMAT),
        ("Dibuat", report.dibuat_dengan, None),
    ]
    for label, value, number_format in facts:
        sheet.append([sheet.cell(label, "bold"), sheet.cell(value, "left", number_format)])
    sheet.append()
    sheet.text("Isi laporan", "block")
    for name, text in ISI.items():
        link = sheet.cell(name, "link")
        link.hyperlink = Hyperlink(ref="", location=f"'{name}'!A1")
        sheet.append([link, text])
    sheet.append()
    sheet.text("Cara membaca", "block")
    for line in (
        f"Status, tahap dan temuan adalah keadaan per {tanggal(report.as_of)}.",
        "Penandatanganan naskah, monev dan pemetaan potensi dihitung bila bertanggal dalam "
        "periode.",
        "Ambang batas temuan ditetapkan dalam ksd.toml sebagai kebijakan daerah, bukan "
        "ketentuan peraturan.",
    ):
        sheet.append([None, line])
    if report.invalid:
        sheet.append()
        sheet.append(
            [
                sheet.cell(f"Rekaman yang tidak dapat dibaca: {len(report.invalid)}", "warning"),
                sheet.cell(
                    "Rekaman ini tidak tercakup dalam laporan; perbaiki dengan bantuan "
                    "`ksd validate`.",
                    "warning",
                ),
            ]
        )
        for item in report.invalid:
            sheet.append([sheet.cell(item.path), f"{item.errors} galat"])


# Summary with charts ----------------------------------------------------------------------------


def _ringkasan(sheet: _Sheet, report: Report) -> None:
    tables = [
        report.menurut_jenis,
        report.menurut_status,
        report.menurut_tahap,
        report.kegiatan,
        report.konversi_per_tahun,
        report.temuan_per_kode,
    ]
    widths = _widths(tables, first=46)
    widths[2] = max(widths[2], 20)
    sheet.setup(widths, "A3")
    _heading(sheet, "I. Ringkasan", report)
    sheet.text("Ikhtisar", "block")
    sheet.append([sheet.cell("Uraian", "header"), sheet.cell("Nilai", "header-right")])
    for figure in report.ikhtisar:
        if figure.value is None:
            value = sheet.cell("-", "right")
        else:
            value = sheet.cell(figure.value, "plain", NUMBER_FORMATS[figure.kind])
        sheet.append([figure.label, value])
    sheet.append()
    headers: dict[str, int] = {}
    for key, table in zip(
        ("jenis", "status", "tahap", "kegiatan", "konversi", "temuan"), tables, strict=True
    ):
        sheet.text(table.title, "block")
        if table.note:
            sheet.text(table.note, "note")
        headers[key] = sheet.table(table)[0]
        sheet.append()
    _charts(sheet, report, headers)


def _charts(sheet: _Sheet, report: Report, headers: dict[str, int]) -> None:
    """Agreements by stage, and KB→PKS conversion by year, beside their tables."""
    from openpyxl.chart import BarChart, Reference

    ws = sheet.ws
    tahap, n_tahap = headers["tahap"], len(report.menurut_tahap.rows)
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Kerja sama menurut tahap terakhir"
    chart.legend = None
    chart.y_axis.title = "Jumlah kerja sama"
    chart.y_axis.majorGridlines = None
    chart.add_data(
        Reference(ws, min_col=2, min_row=tahap, max_row=tahap + n_tahap), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=tahap + 1, max_row=tahap + n_tahap))
    chart.x_axis.scaling.orientation = "maxMin"  # the first stage on top
    _show_axes(chart)
    chart.height, chart.width = 9, 16
    ws.add_chart(chart, f"F{tahap - 1}")

    konversi, n_years = headers["konversi"], len(report.konversi_per_tahun.rows)
    chart = BarChart()
    chart.type = "col"
    chart.title = "Konversi KB menjadi PKS menurut tahun KB"
    chart.legend = None
    chart.y_axis.title = "Rasio konversi"
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.add_data(
        Reference(ws, min_col=5, min_row=konversi, max_row=konversi + max(n_years, 1)),
        titles_from_data=True,
    )
    chart.set_categories(
        Reference(ws, min_col=1, min_row=konversi + 1, max_row=konversi + max(n_years, 1))
    )
    _show_axes(chart)
    chart.height, chart.width = 8, 16
    ws.add_chart(chart, f"G{konversi}")


def _show_axes(chart: Any) -> None:
    # openpyxl 3.1 marks axes as deleted by default; Excel then draws a chart without them.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
