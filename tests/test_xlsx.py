"""Excel cells: record text is always text, never a formula, and never crashes the writer."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from helpers import worksheet
from openpyxl import Workbook, load_workbook

from ksd_cli.xlsx import Column, workbook_bytes, write_table


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil","x")', '=HYPERLINK("http://evil","x")'),
        ("+1+2", "+1+2"),
        ("@SUM(A1)", "@SUM(A1)"),
        ("judul\x01\x1b[2J\x00\ufffe", "judul[2J"),
    ],
)
def test_text_cells_are_text_without_characters_xml_refuses(value: str, expected: str) -> None:
    workbook = Workbook()
    write_table(worksheet(workbook), [Column("Judul")], [[value]])
    sheet = worksheet(load_workbook(io.BytesIO(workbook_bytes(workbook))))
    cell = sheet.cell(row=2, column=1)
    assert cell.value == expected
    assert cell.data_type == "s"


def test_a_month_only_date_is_shown_without_a_day() -> None:
    from openpyxl import Workbook, load_workbook

    from ksd_cli.tanggal import TanggalBulan
    from ksd_cli.xlsx import DATE_FORMAT, MONTH_FORMAT, set_cell

    ws: Any = Workbook().active
    month = set_cell(ws, 1, 1, TanggalBulan.dari(2018, 10), DATE_FORMAT)
    day = set_cell(ws, 1, 2, date(2018, 10, 5), DATE_FORMAT)
    assert (month.number_format, day.number_format) == (MONTH_FORMAT, DATE_FORMAT)
    saved = io.BytesIO()
    ws.parent.save(saved)
    cell: Any = load_workbook(saved).active.cell(1, 1)  # type: ignore[union-attr]
    assert (cell.value.date(), cell.number_format) == (date(2018, 10, 1), MONTH_FORMAT)
