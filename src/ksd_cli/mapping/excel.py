"""``ksd mapping --format xlsx``: the matrix as a landscape A4 sheet ready to print."""

from __future__ import annotations

from typing import Any

from ksd_cli.idformat import date_text
from ksd_cli.mapping.model import Mapping
from ksd_cli.mapping.table import Column, cells, columns, coverage_lines, group_title, period_title
from ksd_cli.messages import Lang, message
from ksd_cli.xlsx import INTEGER_FORMAT, RUPIAH_FORMAT, set_cell, workbook_bytes

#: The matrix's first row: title, region, period and as-of date come above it.
HEADER_ROW = 5


def xlsx_bytes(mapping: Mapping) -> bytes:
    """The workbook: sheet "Matriks" (grouped by urusan) and sheet "Cakupan"."""
    from openpyxl import Workbook

    workbook = Workbook()
    matrix = workbook.create_sheet()
    workbook.remove(workbook.worksheets[0])
    matrix.title = message("pemetaan.matrix", mapping.lang)[:31]
    _matrix(matrix, mapping)
    _coverage(workbook.create_sheet(message("pemetaan.cakupan", mapping.lang)[:31]), mapping)
    return workbook_bytes(workbook)


def _matrix(ws: Any, mapping: Mapping) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    lang = mapping.lang
    cols = columns(lang)
    last = get_column_letter(len(cols))
    set_cell(ws, 1, 1, message("pemetaan.title", lang).upper()).font = Font(bold=True, size=13)
    set_cell(ws, 2, 1, mapping.daerah_nama).font = Font(bold=True)
    set_cell(
        ws,
        3,
        1,
        f"{period_title(mapping)} · {message('pemetaan.keadaan-per', lang)} "
        f"{date_text(mapping.as_of, lang)}",
    )
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_fill = PatternFill("solid", fgColor="1F4E78")
    group_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(cols, 1):
        cell = set_cell(ws, HEADER_ROW, index, column.header)
        cell.font = Font(bold=True, color="FFFFFF", size=9)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = border
        ws.column_dimensions[get_column_letter(index)].width = column.width
    row_number = HEADER_ROW + 1
    counter = 0
    for group in mapping.groups:
        cell = set_cell(ws, row_number, 1, group_title(group))
        cell.font = Font(bold=True, size=9)
        for c in range(1, len(cols) + 1):
            ws.cell(row=row_number, column=c).fill = group_fill
            ws.cell(row=row_number, column=c).border = border
        ws.merge_cells(f"A{row_number}:{last}{row_number}")
        row_number += 1
        if not group.rows:
            set_cell(ws, row_number, 2, message("pemetaan.belum", lang)).font = Font(
                italic=True, size=9
            )
            ws.merge_cells(f"B{row_number}:{last}{row_number}")
            for c in range(1, len(cols) + 1):
                ws.cell(row=row_number, column=c).border = border
            row_number += 1
            continue
        for row in group.rows:
            counter += 1
            values = cells(row, counter, lang)
            ws.row_dimensions[row_number].height = _height(values, cols)
            for c, (column, value) in enumerate(zip(cols, values, strict=True), 1):
                fmt = RUPIAH_FORMAT if column.key == "anggaran" else None
                if column.key == "no":
                    fmt = INTEGER_FORMAT
                target = set_cell(ws, row_number, c, value, fmt)
                if column.key in ("rkpd", "tahun_rencana"):
                    target.number_format = "0"
                target.alignment = wrap
                target.font = Font(size=9)
                target.border = border
            row_number += 1
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    print_setup(ws, lang, landscape=True, header_rows=f"{HEADER_ROW}:{HEADER_ROW}")


def _height(values: tuple[object, ...], cols: tuple[Column, ...]) -> float:
    """A row tall enough for its longest wrapped cell (Excel does not grow merged-sheet rows)."""
    lines = max(
        (len(str(v)) // max(c.width - 1, 1) + 1 for v, c in zip(values, cols, strict=True)),
        default=1,
    )
    return 12.0 * lines + 2


def _coverage(ws: Any, mapping: Mapping) -> None:
    from openpyxl.styles import Font

    lang = mapping.lang
    set_cell(ws, 1, 1, message("pemetaan.cakupan", lang)).font = Font(bold=True, size=12)
    for offset, (label, value) in enumerate(coverage_lines(mapping), 3):
        set_cell(ws, offset, 1, label)
        set_cell(ws, offset, 2, value)
    ws.column_dimensions["A"].width = 60
    ws.column_dimensions["B"].width = 16
    print_setup(ws, lang, landscape=False, header_rows=None)


def print_setup(ws: Any, lang: Lang, *, landscape: bool, header_rows: str | None) -> None:
    """A4, one page wide, repeated header rows, footer "sheet · Halaman N dari M"."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if header_rows:
        ws.print_title_rows = header_rows
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.right.text = message("pemetaan.halaman", lang)
