"""The quick .xlsx reader (calamine) gives exactly the rows openpyxl's read-only reader gives.

Values, their types and every row's length, on every .xlsx register fixture and on workbooks
made here with each kind of cell; where calamine cannot give the same, openpyxl reads.
``campuran_libreoffice.xlsx`` is a register with mixed cells (dates and times as Excel values,
numbers for rupiah, formulas with their cached results, merged cells, a line break, a bool)
saved by LibreOffice (``soffice --convert-to xlsx``): another writer than openpyxl.
"""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import pytest
from helpers import worksheet
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from ksd_cli.register import readers
from ksd_cli.register.readers import Sheet, read_sheet
from ksd_cli.register.xlsxquick import read_quick

REGISTERS = Path(__file__).parent.parent / "fixtures" / "registers"


def by_openpyxl(path: Path, sheet: str | None = None) -> Sheet:
    return readers._read_xlsx_openpyxl(path, sheet)


def exact(sheet: Sheet) -> tuple[str | None, list[list[tuple[type, object]]]]:
    return sheet.name, [[(type(v), v) for v in row] for row in sheet.rows]


@pytest.mark.parametrize("name", sorted(p.name for p in REGISTERS.glob("*.xlsx")))
def test_every_xlsx_fixture_reads_as_openpyxl_reads_it(name: str) -> None:
    path = REGISTERS / name
    assert read_quick(path, None) is not None  # the quick reader did read it
    assert exact(read_sheet(path)) == exact(by_openpyxl(path))


FORMATS = ["General", "0", "0.00", "dd/mm/yyyy", "d mmmm yyyy", "[$-421]dd mmmm yyyy",
           "mm-dd-yy", "h:mm", "[h]:mm", "mm:ss", '0 "tahun"', '"Rp"#,##0', "dd/mm/yyyy hh:mm",
           "mmm-yy", "@", "0%", "0.00E+00", "d/m/yy;@", "[$-409]d-mmm-yy;@"]  # fmt: skip
NUMBERS = [44270, 44270.5, 1.5, 0.25, 400000, 3, 0, -2, -2.5]
#: Numbers as registers hold them (dates as Excel days, amounts): the quick reader reads them.
DAYS = [44270, 44270.5, 1.5, 400000, 3, 1250000.75]


def numbers_workbook(path: Path, numbers: list[float], mac_1904: bool, times: bool) -> Path:
    workbook = Workbook()
    if mac_1904:
        workbook.epoch = CALENDAR_MAC_1904
    sheet = worksheet(workbook)
    formats = [f for f in FORMATS if times or ":" not in f]
    for r, number_format in enumerate(formats, 1):
        for c, number in enumerate(numbers, 1):
            sheet.cell(r, c, number).number_format = number_format
    workbook.save(path)
    return path


@pytest.mark.parametrize("mac_1904", [False, True])
def test_numbers_dates_and_times_under_every_number_format(tmp_path: Path, mac_1904: bool) -> None:
    path = numbers_workbook(tmp_path / "angka.xlsx", NUMBERS, mac_1904, times=True)
    assert exact(read_sheet(path)) == exact(by_openpyxl(path))


@pytest.mark.parametrize("mac_1904", [False, True])
def test_dates_and_amounts_are_read_by_calamine(tmp_path: Path, mac_1904: bool) -> None:
    path = numbers_workbook(tmp_path / "hari.xlsx", DAYS, mac_1904, times=False)
    assert read_quick(path, None) is not None
    assert exact(read_sheet(path)) == exact(by_openpyxl(path))


def test_cells_of_every_kind_and_the_rows_lengths(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = worksheet(workbook)
    sheet.title = "Daftar"
    sheet["C3"] = "dimulai di C3, di bawah dua baris kosong"
    sheet["D3"] = datetime(2021, 3, 15)
    sheet["E3"] = datetime(2021, 3, 5, 13, 30)
    sheet["F3"] = "10.30"
    sheet["G3"] = True
    sheet["H3"] = 1250000.75
    sheet["I3"] = "  spasi  di tepi "
    sheet["J3"] = "dua\nbaris"
    sheet["K3"] = "=ROW()"  # no cached value: empty to both
    sheet["B5"] = -0.0
    sheet["C5"] = 10**15
    sheet["F5"].number_format = "0.00"  # a styled empty cell: the row ends there for openpyxl
    sheet["A7"] = "judul gabungan"
    sheet.merge_cells("A7:C8")
    sheet["B9"].number_format = "0"  # a row with only a styled empty cell
    other = workbook.create_sheet("Lain")
    other["A1"] = "lembar kedua"
    path = tmp_path / "macam.xlsx"
    workbook.save(path)
    for name in (None, "Daftar", "Lain"):
        assert read_quick(path, name) is not None
        assert exact(read_sheet(path, name)) == exact(by_openpyxl(path, name))
    rows = read_sheet(path).rows
    assert [len(r) for r in rows] == [0, 0, 11, 0, 6, 0, 3, 3, 2]
    assert rows[7][:3] == ["judul gabungan"] * 3


def test_an_error_cell_is_read_by_openpyxl_with_its_text(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = worksheet(workbook)
    sheet.append(["Judul", "Tanggal"])
    sheet.append(["Kerja Sama", "#N/A"])  # openpyxl stores a cell of type "e"
    path = tmp_path / "galat.xlsx"
    workbook.save(path)
    assert read_quick(path, None) is None  # calamine would read the error as an empty cell
    assert read_sheet(path).rows[1] == ["Kerja Sama", "#N/A"]


def test_a_missing_sheet_is_openpyxl_s_message(tmp_path: Path) -> None:
    path = REGISTERS / "per_kerja_sama.xlsx"
    assert read_quick(path, "Tidak Ada") is None


def test_a_time_of_day_is_read_by_openpyxl(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = worksheet(workbook)
    sheet.append(["Judul", "Pukul", "Tanggal"])
    sheet.append(["Rapat", time(10, 30), -2])
    sheet["C2"].number_format = "dd/mm/yyyy"  # calamine: a time of day; openpyxl: 28/12/1899
    path = tmp_path / "pukul.xlsx"
    workbook.save(path)
    assert read_quick(path, None) is None
    assert read_sheet(path).rows[1] == ["Rapat", time(10, 30), datetime(1899, 12, 28)]


def test_column_letters_and_merged_ranges_are_openpyxl_s() -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import range_boundaries

    from ksd_cli.register.xlsxquick import column_letters, column_number, merged_in

    for number in range(1, 18279):  # A to XFD
        assert column_letters(number) == get_column_letter(number)
        assert column_number(get_column_letter(number)) == number
    for ref in ("A1", "B2:D9", "AA10:XFD1048576"):
        assert merged_in(f'<mergeCell ref="{ref}"/>'.encode()) == [range_boundaries(ref)]
