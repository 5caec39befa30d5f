"""Rows of a register to parsed values: a text read once serves every row that has it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksd_cli.register.grouping import CellReader, parse_row
from ksd_cli.register.headings import detect_layout
from ksd_cli.register.readers import read_sheet

REGISTERS = Path(__file__).parent.parent / "fixtures" / "registers"


@pytest.mark.parametrize(
    "register",
    ["per_kerja_sama.xlsx", "per_kerja_sama.xls", "per_naskah.xlsx", "judul_bertingkat.xlsx",
     "tanggal_teks.csv", "campuran_libreoffice.xlsx"],
)  # fmt: skip
def test_rows_read_with_one_reader_are_rows_read_alone(register: str) -> None:
    sheet = read_sheet(REGISTERS / register)
    layout = detect_layout(sheet.rows)
    assert layout is not None
    numbers = range(layout.first_data_row, len(sheet.rows) + 1)
    # Twice over, so that the second pass reads every text from what the first remembered.
    reader = CellReader()
    shared = [parse_row(sheet.rows[n - 1], n, layout, "64.02", reader) for n in [*numbers] * 2]
    alone = [parse_row(sheet.rows[n - 1], n, layout, "64.02") for n in [*numbers] * 2]
    assert shared == alone
    assert any(row is not None for row, _ in shared)


def test_rows_with_the_same_cells_get_their_own_lists_and_their_own_findings() -> None:
    rows = [
        ["Judul", "Mitra", "Urusan", "OPD", "Tanggal Penandatanganan"],
        ["Satu", "Pemkot Samarinda", "pendidikan; kesehatan", "Dinas A", "31 Juni 2021"],
        ["Dua", "Pemkot Samarinda", "pendidikan; kesehatan", "Dinas A", "31 Juni 2021"],
    ]
    layout = detect_layout(rows)
    assert layout is not None
    reader = CellReader()
    (first, first_problems), (second, second_problems) = (
        parse_row(rows[n - 1], n, layout, "64.02", reader) for n in (2, 3)
    )
    assert first is not None and second is not None
    first.record["urusan"].append("9.99")
    first.record["perangkat_daerah"].clear()
    assert second.record["urusan"] == ["1.01", "1.02"]
    assert second.record["perangkat_daerah"] == ["Dinas A"]
    # A value that cannot be read is a finding on every row that has it, never remembered.
    errors = [(f.row, f.column) for f in first_problems + second_problems if f.level == "error"]
    assert errors == [(2, 4), (3, 4)]
