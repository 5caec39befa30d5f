"""Excel cells: record text is always text, never a formula, and never crashes the writer."""

from __future__ import annotations

import io

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
