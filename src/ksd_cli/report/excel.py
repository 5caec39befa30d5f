"""Writing the report as an Excel workbook: a cover sheet, one sheet per section, two charts.

The workbook is written in openpyxl's write-only mode, row after row, so that a report on ten
thousand agreements neither holds every cell in memory nor pays for styling each cell anew:
each kind of cell gets its style once and shares it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, NamedTuple

from ksd_cli.idformat import date_text, number
from ksd_cli.messages import Lang, counted, message
from ksd_cli.report.model import Cell, ColumnKind, Report, Table
from ksd_cli.tanggal import TanggalBulan
from ksd_cli.xlsx import INTEGER_FORMAT, PERCENT_FORMAT, RUPIAH_FORMAT
from ksd_cli.xlsxrows import (
    DEFAULT_DATE_FORMATS,
    SheetXml,
    cell_tail,
    cell_xml,
    column_letters,
    row_xml,
    style_attribute,
    text_tail,
    write_workbook_with_rows,
)

#: Day, Indonesian month name, year whatever the language of Excel: "15 Maret 2024".
TANGGAL_FORMAT = "[$-421]d mmmm yyyy"
#: The same in English: "15 March 2024".
DATE_FORMAT_EN = "[$-409]d mmmm yyyy"
DATE_FORMATS: dict[Lang, str] = {"id": TANGGAL_FORMAT, "en": DATE_FORMAT_EN}
#: v1.1: a date known only to the month is shown without a day ("Oktober 2018").
MONTH_FORMATS: dict[str, str] = {
    TANGGAL_FORMAT: "[$-421]mmmm yyyy",
    DATE_FORMAT_EN: "[$-409]mmmm yyyy",
}
NUMBER_FORMATS: dict[ColumnKind, str | None] = {
    "teks": None,
    "bilangan": INTEGER_FORMAT,
    "rupiah": RUPIAH_FORMAT,
    "persen": PERCENT_FORMAT,
    "tanggal": TANGGAL_FORMAT,
}
#: The sheets by id, in order; their names come from the catalog (``laporan.sheet.<id>``).
SHEET_IDS = (
    "sampul",
    "ringkasan",
    "rincian",
    "temuan",
    "akan_berakhir",
    "potensi",
    "monev",
    "daftar",
    # issue 13: costs beside revenue; bordering regions and the TKKSD
    "pembiayaan",
    "kewilayahan",
)


def sheet_names(lang: Lang) -> tuple[str, ...]:
    """The sheet names in ``lang``, in order. Users build on them: never rename them."""
    return tuple(message(f"laporan.sheet.{sheet}", lang) for sheet in SHEET_IDS)


#: Sheet names of the Indonesian report.
SHEETS = sheet_names("id")


def _number_formats(lang: Lang) -> dict[ColumnKind, str | None]:
    return {**NUMBER_FORMATS, "tanggal": DATE_FORMATS[lang]}


TITLE_COLOR = "1F4E78"
LINE_HEIGHT = 15
MAX_LINES = 10
#: First row of a sheet's table under its title, subtitle and note.
TABLE_ROW = 4


def write_xlsx(report: Report, path: Path) -> None:
    """Write ``report`` to ``path`` as a workbook (atomically: never a half-written file)."""
    from ksd_cli.atomic import open_bytes_atomic

    with open_bytes_atomic(path) as stream:
        write_workbook(report, stream)


def xlsx_bytes(report: Report) -> bytes:
    """The report as an ``.xlsx`` workbook."""
    buffer = io.BytesIO()
    write_workbook(report, buffer)
    return buffer.getvalue()


def write_workbook(report: Report, stream: IO[bytes]) -> None:
    """The report as an ``.xlsx`` workbook, written to ``stream`` (seekable) as it is zipped.

    The output writer of ``ksd report --format xlsx`` (see :mod:`ksd_cli.outputs`): the
    workbook is not held whole (some 35 MB at 100,000 agreements).
    """
    from openpyxl import Workbook

    lang = report.lang
    workbook = Workbook(write_only=True)
    names = dict(zip(SHEET_IDS, sheet_names(lang), strict=True))
    sheets = {key: _Sheet(workbook.create_sheet(name), lang) for key, name in names.items()}

    def section(key: str) -> str:
        return _t(f"section.{key}", lang)

    _sampul(sheets["sampul"], report, names)
    _ringkasan(sheets["ringkasan"], report)
    _blocks(
        sheets["rincian"],
        section("rincian"),
        [*rincian_tables(report), *_present(report.menurut_kategori_mitra, report.usulan)],
        report,
    )
    _single(sheets["temuan"], section("temuan"), report.temuan, report)
    _single(sheets["akan_berakhir"], section("akan_berakhir"), report.akan_berakhir, report)
    _blocks(
        sheets["potensi"],
        section("potensi"),
        [report.potensi_per_urusan, report.potensi_belum_ditindaklanjuti],
        report,
    )
    _blocks(
        sheets["monev"],
        section("monev"),
        [
            report.rekomendasi,
            *_present(report.penilaian_per_kriteria, report.penilaian_monev),
            report.tanpa_monev,
            report.monev_terakhir,
        ],
        report,
    )
    _daftar(sheets["daftar"], section("daftar"), report.daftar, report)
    if report.pembiayaan is not None:
        _single(sheets["pembiayaan"], section("pembiayaan"), report.pembiayaan, report)
    else:
        _blocks(sheets["pembiayaan"], section("pembiayaan"), [], report)
    _blocks(
        sheets["kewilayahan"],
        section("kewilayahan"),
        _present(report.berbatasan, report.kelembagaan),
        report,
    )
    write_workbook_with_rows(workbook, {sheet.ws: sheet.xml for sheet in sheets.values()}, stream)


def _present(*tables: Table | None) -> list[Table]:
    """The issue 13 tables that were built (a report made without them has ``None``)."""
    return [t for t in tables if t is not None]


#: The key columns of the Daftar sheet repeated on every printed page (ID and Judul).
DAFTAR_PRINT_COLUMNS = "A:B"
#: The print scale of the Daftar sheet: 11-point text printed at about 8 points.
DAFTAR_PRINT_SCALE = 75


def _daftar(sheet: _Sheet, title: str, table: Table, report: Report) -> None:
    """The list of agreements: 23 columns printed legibly across several pages.

    Fitting 23 columns to one page wide prints them at an unreadable size; the sheet is instead
    printed landscape at a fixed legible scale, its columns running over as many pages as they
    need, with the ID and title columns and the header row repeated on each page.
    """
    # A write-only sheet takes its page setup before its first row.
    sheet.setup(_widths([table]), f"A{TABLE_ROW + 1}")
    ws = sheet.ws
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = DAFTAR_PRINT_SCALE
    ws.page_setup.pageOrder = "overThenDown"
    ws.print_title_rows = f"{TABLE_ROW}:{TABLE_ROW}"
    ws.print_title_cols = DAFTAR_PRINT_COLUMNS
    _heading(sheet, title, report, table.note)
    sheet.table(table, autofilter=True)


def _t(key: str, lang: Lang, /, **args: object) -> str:
    """The report's catalog entry ``laporan.<key>`` in ``lang``."""
    return message(f"laporan.{key}", lang, **args)


def rincian_tables(report: Report) -> list[Table]:
    """Section II as one table per dimension, each closed by a subtotal row.

    An agreement with two urusan (partners, OPD) is in two rows: the value column says it is
    the value of the cooperation *involving* that urusan, and the subtotal says it may count a
    cooperation more than once.
    """
    lang = report.lang
    tables = []
    for key, table in (
        ("urusan", report.menurut_urusan),
        ("mitra", report.menurut_mitra),
        ("perangkat-daerah", report.menurut_perangkat_daerah),
    ):
        columns = tuple(
            replace(c, header=_t(f"col.nilai-melibatkan.{key}", lang)) if c.kind == "rupiah" else c
            for c in table.columns
        )
        subtotal: list[Cell] = []
        for index, column in enumerate(table.columns):
            if index == 1:
                subtotal.append(_t("subtotal", lang))
            elif column.kind in ("bilangan", "rupiah"):
                subtotal.append(sum(v for v in table.column(column.header) if isinstance(v, int)))
            else:
                subtotal.append(None)
        tables.append(Table(table.title, columns, (*table.rows, tuple(subtotal)), table.note))
    return tables


# Writing rows -----------------------------------------------------------------------------------


class _Styled(NamedTuple):
    """A cell value with the workbook's index of its style."""

    value: Cell
    style: int | None


class _Sheet:
    """A worksheet filled top to bottom, with one shared style per kind of cell.

    Its rows are XML text (:mod:`ksd_cli.xlsxrows`), written as openpyxl would write them;
    the openpyxl write-only sheet ``ws`` keeps the rest: column widths, frozen panes, page
    setup, filters, hyperlinks and charts, all set before the workbook is saved.
    """

    def __init__(self, ws: Any, lang: Lang = "id") -> None:
        self.ws = ws
        self.lang = lang
        self.formats = _number_formats(lang)
        self.row = 0
        self.xml = SheetXml()
        self.rows = self.xml.rows
        self._styles: dict[tuple[str, str | None], int] = {}
        self.widths: dict[int, float] = {}
        self._letters: list[str] = []

    def style(self, name: str, number_format: str | None = None) -> int:
        """The workbook's index of the style of a kind of cell, made on first use."""
        key = (name, number_format)
        if key not in self._styles:
            from openpyxl.cell import WriteOnlyCell
            from openpyxl.styles import Alignment, Font, PatternFill

            cell = WriteOnlyCell(self.ws)
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
            self._styles[key] = cell.style_id
        return self._styles[key]

    def _unstyled(self, value: object) -> int | None:
        """The style of a value written without one: openpyxl gives a date its ISO format."""
        if isinstance(value, date):
            kind = datetime if isinstance(value, datetime) else date
            return self.style("plain", DEFAULT_DATE_FORMATS[kind])
        return None

    def cell(self, value: Cell, style: str | None = None, number_format: str | None = None) -> Any:
        """A styled cell; text stays text (never a formula), without characters XML refuses."""
        if value.__class__ is TanggalBulan and number_format in MONTH_FORMATS:
            number_format = MONTH_FORMATS[number_format]
        if style is not None or (number_format and value is not None):
            return _Styled(value, self.style(style or "plain", number_format))
        return _Styled(value, self._unstyled(value))

    def letters(self, count: int) -> list[str]:
        """The letters of the first ``count`` columns."""
        if len(self._letters) < count:
            self._letters = column_letters(count)
        return self._letters[:count]

    def append(self, values: Sequence[Any] = (), height: float | None = None) -> int:
        """Write the next row of values and cells; returns its number."""
        self.row += 1
        cells = []
        for letter, value in zip(self.letters(len(values)), values, strict=True):
            if value.__class__ is _Styled:
                cells.append(cell_xml(f"{letter}{self.row}", value.value, value.style))
            elif value is not None:
                cells.append(cell_xml(f"{letter}{self.row}", value, self._unstyled(value)))
        self.rows.append(row_xml(self.row, "".join(cells), height))
        return self.row

    def text(self, value: str, style: str, column: int = 1) -> int:
        """A row with one styled text cell."""
        return self.append([None] * (column - 1) + [self.cell(value, style)])

    def link(self, row: int, location: str) -> None:
        """Make the first cell of ``row`` a link to ``location`` in the workbook."""
        self.xml.links.append((f"A{row}", location))

    def setup(self, widths: dict[int, float], freeze: str | None, landscape: bool = True) -> None:
        """Column widths, frozen panes and page setup."""
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
        self.ws.print_options.horizontalCentered = True
        # Every printed page says which sheet it is and where it stands.
        self.ws.oddFooter.left.text = "&A"
        self.ws.oddFooter.right.text = message("pemetaan.halaman", self.lang)
        if freeze and freeze != f"A{TABLE_ROW + 1}":
            # Sheets of several tables repeat their title and subtitle rows.
            self.ws.print_title_rows = "1:2"

    def table(self, table: Table, *, autofilter: bool = False) -> tuple[int, int]:
        """Header and rows; returns the header row and the last row.

        Long text wraps, and its row is made tall enough: neither Excel nor LibreOffice fits
        row heights to wrapped text when opening a file. Cells keep Excel's default bottom
        alignment, wrapped ones too, so a row reads level without styling every cell.
        """
        # The sheet's column may be wider than this table asks for (several tables share it).
        widths = [int(max(c.width, self.widths.get(i, 0))) for i, c in enumerate(table.columns, 1)]
        header = [
            self.cell(c.header, "header" if c.kind == "teks" else "header-right")
            for c in table.columns
        ]
        lines = max(_lines(c.header, w) for c, w in zip(table.columns, widths, strict=True))
        first = self.append(header, LINE_HEIGHT * lines if lines > 1 else None)
        formats = [self.formats[c.kind] for c in table.columns]
        letters = self.letters(len(table.columns))
        # The rows' XML is made while the workbook is written, one row at a time: held until
        # then, a large report's rows cost more memory than its values.
        self.rows.append(self._rows(table.rows, self.row + 1, letters, widths, formats))
        self.row += len(table.rows)
        last = self.row
        if autofilter:
            self.ws.auto_filter.ref = f"A{first}:{letters[-1]}{max(last, first + 1)}"
        return first, last

    def _rows(
        self,
        rows: Iterable[Sequence[Cell]],
        first: int,
        letters: Sequence[str],
        widths: Sequence[int],
        formats: Sequence[str | None],
    ) -> Iterator[str]:
        """The XML of a table's ``rows`` from row ``first`` on (see :meth:`table`)."""
        # The hot loop of a large report: one pass over the values, no object per cell, and
        # each distinct value of a column made into XML once (names, labels, dates and
        # counts repeat from row to row).
        columns = [
            _TableColumn(self, letter, width, number_format)
            for letter, width, number_format in zip(letters, widths, formats, strict=True)
        ]
        # Each column with what the loop reads of it at every cell (its dictionaries are
        # cleared, never replaced).
        looked_up = [(column, column.start, column.texts, column.others) for column in columns]
        for row, values in enumerate(rows, first):
            number = str(row)
            cells = []
            lines = 1
            for (column, start, texts, others), value in zip(looked_up, values, strict=True):
                if value is None:
                    continue  # neither value nor style: no cell at all
                kind = value.__class__
                made = texts.get(value) if kind is str else others.get((kind, value))
                if made is None:
                    made = column.make(value)
                cells.append(f"{start}{number}{made[0]}")
                if made[1] > lines:
                    lines = made[1]
            height = LINE_HEIGHT * min(lines, MAX_LINES) if lines > 1 else None
            yield row_xml(row, "".join(cells), height)


class _TableColumn:
    """One column of a table being written: its cells' XML after their reference, by value.

    A value's style is worked out as it always was, on the value's first appearance in the
    column (so styles enter the workbook in the same order); later appearances reuse the
    XML. What is remembered is bounded: a column of distinct values (ids, titles) starts
    over now and then.
    """

    #: The values a column remembers before it starts over.
    MAX_REMEMBERED = 2_048

    def __init__(self, sheet: _Sheet, letter: str, width: int, number_format: str | None) -> None:
        self.sheet = sheet
        self.start = f'<c r="{letter}'
        self.width = width
        self.number_format = number_format
        self.plain: int | None = None
        #: a long text's style attribute, once made
        self.wrapped: str | None = None
        #: a short text's style attribute, once made
        self.unwrapped: str | None = None
        #: text -> (the cell's XML after its row number, the lines it takes when wrapped)
        self.texts: dict[object, tuple[str, int]] = {}
        #: (class, value) -> the same, for other values (``1``, ``1.0`` and ``True`` are
        #: equal keys, and so are a month-only date and its first day)
        self.others: dict[object, tuple[str, int]] = {}

    def make(self, value: Cell) -> tuple[str, int]:
        """The XML of ``value``'s cell after its row number, and its wrapped lines."""
        if isinstance(value, str) and value.__class__ is str:
            return self._text(value)
        sheet, number_format = self.sheet, self.number_format
        kind = value.__class__
        lines = 1
        style: int | None
        if number_format is None:
            # Only a date gets a style of its own without a number format.
            style = None if kind is str or kind is int else sheet._unstyled(value)
        elif kind is TanggalBulan and number_format in MONTH_FORMATS:
            style = sheet.style("plain", MONTH_FORMATS[number_format])
        else:
            if self.plain is None:
                self.plain = sheet.style("plain", number_format)
            style = self.plain
        made = (cell_tail(value, style), lines)
        if len(self.others) >= self.MAX_REMEMBERED:
            self.others.clear()
        self.others[(kind, value)] = made
        return made

    def _text(self, text: str) -> tuple[str, int]:
        """:meth:`make` of a text: the most made of cells (ids, titles, names)."""
        if len(text) > self.width:
            if self.wrapped is None:  # made on the first long text, as it always was
                self.wrapped = style_attribute(self.sheet.style("wrap", self.number_format))
            made = (text_tail(text, self.wrapped), _lines(text, self.width))
        else:
            if self.unwrapped is None:
                number_format = self.number_format
                if number_format is not None and self.plain is None:
                    self.plain = self.sheet.style("plain", number_format)
                self.unwrapped = style_attribute(None if number_format is None else self.plain)
            made = (text_tail(text, self.unwrapped), 1)
        if len(self.texts) >= self.MAX_REMEMBERED:
            self.texts.clear()
        self.texts[text] = made
        return made


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
    sheet.append([sheet.cell(title, "title")], 24)
    lang = report.lang
    subtitle = _t(
        "subtitle",
        lang,
        daerah=report.daerah_nama,
        periode=report.period.title(lang),
        tanggal=date_text(report.as_of, lang),
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


def _sampul(sheet: _Sheet, report: Report, names: dict[str, str]) -> None:
    lang = report.lang
    date_format = DATE_FORMATS[lang]
    sheet.setup({1: 30, 2: 90}, None, landscape=False)
    sheet.append([sheet.cell(_t("title", lang), "cover")], 30)
    sheet.text(report.daerah_nama, "region")
    sheet.append()
    facts: list[tuple[str, Any, str | None]] = [
        (_t("periode", lang), report.period.title(lang), None),
        (_t("awal-periode", lang), report.period.start, date_format),
        (_t("akhir-periode", lang), report.period.end, date_format),
        (_t("keadaan-per", lang), report.as_of, date_format),
        (_t("kerja-sama", lang), report.agreements, INTEGER_FORMAT),
        (_t("potensi-kerja-sama", lang), report.potentials, INTEGER_FORMAT),
        (_t("dibuat", lang), report.dibuat_dengan, None),
    ]
    for label, value, number_format in facts:
        sheet.append([sheet.cell(label, "bold"), sheet.cell(value, "left", number_format)])
    sheet.append()
    sheet.text(_t("isi", lang), "block")
    for key in SHEET_IDS[1:]:
        name = names[key]
        row = sheet.append([sheet.cell(name, "link"), _t(f"isi.{key}", lang)])
        sheet.link(row, f"'{name}'!A1")
    sheet.append()
    sheet.text(_t("cara-membaca", lang), "block")
    for line in (
        _t("reading", lang, tanggal=date_text(report.as_of, lang)),
        _t("reading-events", lang),
        _t("reading-thresholds", lang),
    ):
        sheet.append([None, line])
    if report.invalid:
        sheet.append()
        sheet.append(
            [
                sheet.cell(
                    _t("invalid-count", lang, count=number(len(report.invalid), lang)), "warning"
                ),
                sheet.cell(_t("invalid-note", lang), "warning"),
            ]
        )
        for item in report.invalid:
            errors = counted(
                ("stalled.errors.one", "stalled.errors"),
                lang,
                item.errors,
                count=number(item.errors, lang),
            )
            sheet.append([sheet.cell(item.path), errors])


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
    lang = report.lang
    _heading(sheet, _t("section.ringkasan", lang), report)
    ikhtisar = sheet.text(_t("ikhtisar", lang), "block")
    sheet.append(
        [sheet.cell(_t("uraian", lang), "header"), sheet.cell(_t("nilai", lang), "header-right")]
    )
    for figure in report.ikhtisar:
        if figure.value is None:
            value = sheet.cell("-", "right")
        else:
            value = sheet.cell(figure.value, "plain", sheet.formats[figure.kind])
        sheet.append([figure.label, value])
    sheet.append()
    headers: dict[str, int] = {"ikhtisar": ikhtisar}
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
    """Agreements by kind, status and stage, and KB→PKS conversion by year, beside their tables."""
    from openpyxl.chart import BarChart, Reference

    ws = sheet.ws
    lang = report.lang
    tahap, n_tahap = headers["tahap"], len(report.menurut_tahap.rows)
    chart = BarChart()
    chart.type = "bar"
    chart.title = _t("chart.tahap", lang)
    chart.legend = None
    chart.y_axis.title = _t("col.jumlah-kerja-sama", lang)
    chart.y_axis.majorGridlines = None
    chart.add_data(
        Reference(ws, min_col=2, min_row=tahap, max_row=tahap + n_tahap), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=tahap + 1, max_row=tahap + n_tahap))
    chart.x_axis.scaling.orientation = "maxMin"  # the first stage on top
    _show_axes(chart)
    chart.height, chart.width = _span(tahap - 1, tahap + n_tahap), 16
    ws.add_chart(chart, f"F{tahap - 1}")

    # issue 13: agreements by kind and by status, stacked beside the key figures and the two
    # tables, each as tall as the rows it stands beside (the stage chart follows below).
    end_jenis = headers["jenis"] + len(report.menurut_jenis.rows)
    spans = {
        "jenis": (headers["ikhtisar"], end_jenis),
        "status": (end_jenis + 2, headers["tahap"] - 3),
    }
    for key, table, title in (
        ("jenis", report.menurut_jenis, "evaluasi.chart.jenis"),
        ("status", report.menurut_status, "evaluasi.chart.status"),
    ):
        first, n_rows = headers[key], len(table.rows)
        chart = BarChart()
        chart.type = "bar"
        chart.title = message(title, lang)
        chart.legend = None
        chart.y_axis.majorGridlines = None
        chart.add_data(
            Reference(ws, min_col=2, min_row=first, max_row=first + n_rows), titles_from_data=True
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=first + 1, max_row=first + n_rows))
        chart.x_axis.scaling.orientation = "maxMin"
        _show_axes(chart)
        top, bottom = spans[key]
        chart.height, chart.width = _span(top, bottom), 16
        ws.add_chart(chart, f"F{top}")

    konversi, n_years = headers["konversi"], len(report.konversi_per_tahun.rows)
    chart = BarChart()
    chart.type = "col"
    chart.title = _t("chart.konversi", lang)
    chart.legend = None
    chart.y_axis.title = _t("col.rasio-konversi", lang)
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.add_data(
        Reference(ws, min_col=6, min_row=konversi, max_row=konversi + max(n_years, 1)),
        titles_from_data=True,
    )
    chart.set_categories(
        Reference(ws, min_col=1, min_row=konversi + 1, max_row=konversi + max(n_years, 1))
    )
    _show_axes(chart)
    chart.height, chart.width = 8, 16
    ws.add_chart(chart, f"G{konversi}")


#: The height of a default row (15 points) in centimetres, for sizing charts to rows.
ROW_CM = 15 / 72 * 2.54


def _span(top: int, bottom: int) -> float:
    """The height in centimetres of rows ``top`` to ``bottom`` (at least a readable 5 cm)."""
    return max(5.0, (bottom - top + 1) * ROW_CM - 0.2)


def _show_axes(chart: Any) -> None:
    # openpyxl 3.1 marks axes as deleted by default; Excel then draws a chart without them.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
