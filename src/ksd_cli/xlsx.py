"""Writing Excel sheets that read well: styled header, frozen panes, filters, safe cells.

openpyxl is imported inside the functions, so that commands that never write Excel do not
pay for it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ksd_cli.atomic import replace_keeping_mode

FORMULA_PREFIXES = ("=", "+", "-", "@")
# [$-421] is the Indonesian locale: month names read "15 Maret 2021" in any Excel.
DATE_FORMAT = "[$-421]d mmmm yyyy"
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
    """Write one cell; text that Excel would read as a formula stays text."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        cell.data_type = "s"
    if number_format:
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


def save_workbook(workbook: Any, path: Path) -> None:
    """Save atomically: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        workbook.save(temporary)
        replace_keeping_mode(Path(temporary), path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
