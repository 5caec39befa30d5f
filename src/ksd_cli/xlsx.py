"""Writing Excel sheets that read well: styled header, frozen panes, filters, safe cells.

openpyxl is imported inside the functions, so that commands that never write Excel do not
pay for it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ksd_cli.escaping import xml_text
from ksd_cli.tanggal import TanggalBulan

# [$-421] is the Indonesian locale: month names read "15 Maret 2021" in any Excel.
DATE_FORMAT = "[$-421]d mmmm yyyy"
#: A date known only to the month (format v1.1): "Oktober 2018", no day shown.
MONTH_FORMAT = "[$-421]mmmm yyyy"
RUPIAH_FORMAT = '"Rp"#,##0'
PERCENT_FORMAT = "0.0%"
INTEGER_FORMAT = "#,##0"


@dataclass(frozen=True)
class Column:
    """A column of a table sheet: header text, width in characters, number format."""

    header: str
    width: int = 14
    number_format: str | None = None


def set_cell(ws: Any, row: int, column: int, value: Any, number_format: str | None = None) -> Any:
    """Write one cell; text is always text (never a formula) and holds no character XML refuses."""
    cell = ws.cell(row=row, column=column)
    text_cell(cell, value)
    if isinstance(value, TanggalBulan):
        cell.number_format = MONTH_FORMAT  # v1.1: never show a day that is not known
    elif number_format:
        cell.number_format = number_format
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    return cell


def write_table(
    ws: Any, columns: Sequence[Column], rows: Sequence[Sequence[Any]], start_row: int = 1
) -> None:
    """A header row and data rows, with a styled header, frozen panes and an auto-filter."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F4E78")
    for index, column in enumerate(columns, 1):
        cell = set_cell(ws, start_row, index, column.header)
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for r, values in enumerate(rows, start_row + 1):
        for c, (column, value) in enumerate(zip(columns, values, strict=True), 1):
            cell = set_cell(ws, r, c, value, column.number_format)
            if isinstance(value, str) and len(value) > column.width:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = get_column_letter(len(columns))
    ws.freeze_panes = ws.cell(row=start_row + 1, column=1)
    ws.auto_filter.ref = f"A{start_row}:{last}{start_row + max(len(rows), 1)}"


#: Points a wrapped line of the default font takes; the most a row may be.
LINE_POINTS = 12.75
MAX_ROW_POINTS = 409


def fit_row_heights(ws: Any, first_row: int) -> None:
    """Rows from ``first_row`` on made tall enough for their wrapped text (roughly).

    Neither Excel nor LibreOffice grows a row to its wrapped cells when opening a file: a
    long text wrapped in a row of one line's height is cut, or runs over the next row.
    """
    from openpyxl.utils import get_column_letter

    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if isinstance(cell.value, str) and cell.alignment.wrap_text:
                width = widths.get(cell.column)
                if width is None:
                    given = ws.column_dimensions[get_column_letter(cell.column)].width
                    width = widths[cell.column] = max(int(given or 10) - 2, 1)
                lines = max(lines, -(-len(cell.value) // width))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = min(LINE_POINTS * lines, MAX_ROW_POINTS)


def text_cell(cell: Any, value: Any) -> None:
    r"""Set ``cell`` to ``value``; a string is stored as text, whatever it starts with.

    openpyxl would store ``=HYPERLINK(...)`` as a formula (formula injection), and refuses
    control characters such as ``\x01`` or ``\x1b`` with an exception: both are neutralised.
    """
    if isinstance(value, str):
        cell.value = xml_text(value)
        cell.data_type = "s"
    else:
        cell.value = value


def workbook_bytes(workbook: Any) -> bytes:
    """The ``.xlsx`` file of ``workbook``; the caller writes it (atomically, see outputs)."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
