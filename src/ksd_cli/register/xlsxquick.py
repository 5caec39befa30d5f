"""An .xlsx sheet read by calamine, as openpyxl's read-only reader would give it.

openpyxl parses the sheet's XML in Python and builds an object per cell and per shared
string: most of ``ksd import``'s time on a register of ten thousand rows. calamine
(``python-calamine``, Rust) reads the same cells in a tenth of it; what it gives differently
is put back here, so that every consumer of the rows sees what it saw with openpyxl:

- an empty cell is ``""`` in calamine, ``None`` in openpyxl;
- a whole number is a float (``5.0``): it becomes the int openpyxl gives (a file that writes
  ``5.0`` got a float from openpyxl; every reader of cells treats the two alike: ``cell_text``,
  ``parse_rupiah``);
- a date without a time is a ``date``: openpyxl gives a ``datetime`` at midnight;
- calamine pads every row to the sheet's width; openpyxl ends a row at its last cell
  element and yields an empty row for a missing one: the lengths are taken from the XML.

Where calamine cannot give the same answer, :func:`read_quick` gives ``None`` and openpyxl
reads the sheet: an error cell (``#N/A``: calamine reads it as empty), a cell or row without
its reference, a time of day (calamine also gives one for a negative number under a date
format, where openpyxl gives a date in 1899), a value of another kind, a workbook with chart
sheets, a part it cannot find, a file either of them finds broken (openpyxl then says why).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from datetime import date, datetime, timedelta
from operator import itemgetter
from pathlib import Path
from xml.etree import ElementTree

Bounds = tuple[int, int, int, int]

_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"')
_ROW_REF = re.compile(rb'<row r="([0-9]+)"')
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"')
_PREFIXED = re.compile(rb"<\w+:(?:c|row)[\s/>]")
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"


def read_quick(
    path: Path, sheet: str | None
) -> tuple[str, list[list[object]], list[Bounds]] | None:
    """The sheet's name, rows and merged ranges; ``None`` where openpyxl must read it."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    try:
        with zipfile.ZipFile(path) as archive:
            parts = _sheet_parts(archive)
            if parts is None:
                return None
            name = sheet if sheet is not None else next(iter(parts), None)
            if name is None or name not in parts:
                return None  # openpyxl names the sheets there are
            xml = archive.read(parts[name])
        book = CalamineWorkbook.from_path(str(path))
        if any(m.typ != SheetTypeEnum.WorkSheet for m in book.sheets_metadata):
            return None  # openpyxl's first sheet is its first worksheet
        grid = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception:  # anything either reader finds wrong, openpyxl reports as before
        return None
    if b' t="e"' in xml:  # an error cell (or, at worst, text that reads like one)
        return None
    lengths = _row_lengths(xml)
    if lengths is None:
        return None
    if len(grid) > len(lengths) and any(v != "" for cells in grid[len(lengths) :] for v in cells):
        return None  # a value in no row element: not the part read here
    rows: list[list[object]] = []
    for number, length in enumerate(lengths):
        cells = grid[number] if number < len(grid) else []
        if any(v != "" for v in cells[length:]):
            return None  # a value beyond the row's last cell element: as above
        row = [_value(v) for v in cells[:length]]
        if _UNKNOWN in row:
            return None
        row.extend([None] * (length - len(row)))
        rows.append(row)
    return name, rows, merged_in(xml)


_UNKNOWN = object()


def _value(value: object) -> object:
    """A calamine value as openpyxl gives it (``_UNKNOWN``: a kind it may not give alike)."""
    # The common kinds first, without the checks below (a register has 100,000 cells and more).
    if type(value) is str:
        return value if value else None
    if type(value) is float:
        return int(value) if value.is_integer() else value
    if isinstance(value, str):
        return value if value else None
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, datetime | timedelta):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, int):
        return value
    return _UNKNOWN


def _row_lengths(xml: bytes) -> list[int] | None:
    """Each row's length as openpyxl yields it: to its last cell element (0: no cells).

    Read where every row and cell element starts with its reference, as Excel, LibreOffice and
    openpyxl write them (``<row r="5"``, ``<c r="F5"``); anything else is left to openpyxl.
    """
    refs = _CELL_REF.findall(xml)
    rows = _ROW_REF.findall(xml)
    cells = xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b"<c/>")
    if len(refs) != cells or len(rows) != xml.count(b"<row ") + xml.count(b"<row>"):
        return None
    if _PREFIXED.search(xml):
        return None  # cells written with a namespace prefix: not counted above
    last: dict[bytes, bytes] = dict(map(itemgetter(1, 0), refs))  # the last cell of each row
    count = max(map(int, [*rows, *last]), default=0)
    lengths = [0] * count
    for number, column in last.items():
        lengths[int(number) - 1] = column_number(column.decode("ascii"))
    return lengths


def merged_in(xml: bytes) -> list[Bounds]:
    """The merged ranges of a sheet's XML, as (min_col, min_row, max_col, max_row), 1-based."""
    bounds: list[Bounds] = []
    if b"mergeCell" not in xml:  # a quick look first: the pattern has no fixed start to seek
        return bounds
    for ref in _MERGE_CELL.findall(xml):
        first, _, last = ref.decode("ascii").partition(":")
        (min_col, min_row), (max_col, max_row) = _cell(first), _cell(last or first)
        bounds.append((min_col, min_row, max_col, max_row))
    return bounds


def _cell(name: str) -> tuple[int, int]:
    """(column, row), 1-based, of a cell name such as ``F12``."""
    letters = name.rstrip("0123456789")
    return column_number(letters), int(name[len(letters) :])


def column_number(letters: str) -> int:
    """The 1-based column of ``letters`` ("A" 1, "Z" 26, "AA" 27), as openpyxl numbers them."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    """The letters of the 1-based column ``number``: the inverse of :func:`column_number`."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str] | None:
    """Sheet name -> its part in the archive, in the workbook's order (``None``: not found)."""
    book = _target(archive, "_rels/.rels", "", "/officeDocument")
    if book is None:
        return None
    folder, base = posixpath.split(book)
    rels = posixpath.join(folder, "_rels", f"{base}.rels")
    tree = ElementTree.fromstring(archive.read(book))
    sheets = tree.find(f"{_MAIN}sheets")
    if sheets is None:
        return None
    targets = {
        rel.get("Id"): (rel.get("Type"), rel.get("Target"))
        for rel in ElementTree.fromstring(archive.read(rels)).iter(_REL)
    }
    parts: dict[str, str] = {}
    for element in sheets.iter(f"{_MAIN}sheet"):
        kind, target = targets.get(element.get(_REL_ID), (None, None))
        name = element.get("name")
        if kind != _WORKSHEET or target is None or name is None:
            return None
        parts[name] = _resolve(folder, target)
    return parts


def _target(archive: zipfile.ZipFile, rels: str, folder: str, kind: str) -> str | None:
    for rel in ElementTree.fromstring(archive.read(rels)).iter(_REL):
        if (rel.get("Type") or "").endswith(kind) and rel.get("Target"):
            return _resolve(folder, str(rel.get("Target")))
    return None


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))
