"""Reading a register file into rows of cell values: .xlsx, .ods/.xls (pandas), .csv.

An .xlsx sheet is read by calamine (Rust, ``python-calamine``), with the values and the row
lengths openpyxl's read-only reader gives, or by openpyxl itself where calamine could not give
the same (an error cell, a cell without its reference, a part calamine does not read).

.ods is read by pandas' "odf" engine (odfpy), .xls by its "xlrd" engine: both are in the
optional extra ``register`` (``pip install 'ksd-cli[register]'``), since only ``ksd import``
needs them; a missing one is a message with that command, never a traceback.

Merged cells are filled with their top-left value in every cell they cover, so a heading merged
over two columns, or a title merged down over a KB row and its PKS rows, reads in each cell.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ksd_cli.errors import UserError
from ksd_cli.messages import Msg

Rows = list[list[object]]


@dataclass(frozen=True)
class Sheet:
    """The cells of one sheet (``name`` is ``None`` for a CSV file)."""

    file: Path
    name: str | None
    rows: Rows


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """The sheet ``sheet`` of ``path`` (default: the first), by the file's extension."""
    if not path.is_file():
        raise UserError(Msg("register.not-found", file=str(path)))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return Sheet(path, None, _read_csv(path.read_bytes()))
    if suffix in (".ods", ".xls"):
        return _read_pandas(path, sheet)
    raise UserError(Msg("register.unknown-format", file=path.name))


def _read_xlsx(path: Path, sheet: str | None) -> Sheet:
    from ksd_cli.register.xlsxquick import read_quick

    quick = read_quick(path, sheet)
    if quick is not None:
        name, rows, merged = quick
        _fill_merged(rows, merged)
        return Sheet(path, name, rows)
    return _read_xlsx_openpyxl(path, sheet)


def _read_xlsx_openpyxl(path: Path, sheet: str | None) -> Sheet:
    from openpyxl import load_workbook

    try:
        # Read-only mode streams the sheet: twice as fast on a register of ten thousand rows.
        workbook = load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise UserError(Msg("register.unreadable", file=path.name, reason=str(exc))) from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise UserError(
                Msg(
                    "register.no-sheet",
                    file=path.name,
                    sheet=sheet,
                    sheets=", ".join(workbook.sheetnames),
                )
            )
        ws = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        title = ws.title
        merged = _merged_ranges(path, getattr(ws, "_worksheet_path", None))
        if merged is None:  # not a plain worksheet part: read it whole, as openpyxl models it
            return _read_xlsx_whole(path, title)
        reset = getattr(ws, "reset_dimensions", None)
        if reset is not None:
            reset()  # some programs write a wrong <dimension>: read every row there is
        rows: Rows = [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        workbook.close()
    _fill_merged(rows, merged)
    return Sheet(path, title, rows)


def _read_xlsx_whole(path: Path, title: str) -> Sheet:
    from openpyxl import load_workbook

    ws = load_workbook(path, data_only=True)[title]
    rows: Rows = [list(r) for r in ws.iter_rows(values_only=True)]
    bounds = [(m.min_col, m.min_row, m.max_col, m.max_row) for m in ws.merged_cells.ranges]
    _fill_merged(rows, bounds)
    return Sheet(path, title, rows)


def _merged_ranges(path: Path, part: str | None) -> list[tuple[int, int, int, int]] | None:
    """The merged ranges of a sheet, read from its XML part (read-only mode does not give them)."""
    import zipfile

    from ksd_cli.register.xlsxquick import merged_in

    if not part:
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read(part.lstrip("/"))
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    return merged_in(xml)


def _fill_merged(rows: Rows, merged: list[tuple[int, int, int, int]]) -> None:
    """Every cell of a merged range holds its top-left value."""
    for min_col, min_row, max_col, max_row in merged:
        if min_row > len(rows):
            continue
        top_row = rows[min_row - 1]
        top = top_row[min_col - 1] if min_col <= len(top_row) else None
        for r in range(min_row, min(max_row, len(rows)) + 1):
            row = rows[r - 1]
            row.extend([None] * (max_col - len(row)))
            for c in range(min_col, max_col + 1):
                row[c - 1] = top


def _read_pandas(path: Path, sheet: str | None) -> Sheet:
    import pandas as pd

    engine: Literal["odf", "xlrd"] = "odf" if path.suffix.lower() == ".ods" else "xlrd"
    _require_reader(path, engine)
    try:
        with warnings.catch_warnings():
            # pandas announces the end of its xlrd engine; until then it reads .xls well.
            warnings.simplefilter("ignore")
            book = pd.ExcelFile(path, engine=engine)
            names = [str(n) for n in book.sheet_names]
            if sheet is not None and sheet not in names:
                raise UserError(
                    Msg("register.no-sheet", file=path.name, sheet=sheet, sheets=", ".join(names))
                )
            name = sheet if sheet is not None else names[0]
            frame = book.parse(name, header=None)
    except UserError:
        raise
    except Exception as exc:  # each engine raises its own kinds for a file it cannot read
        raise UserError(Msg("register.unreadable", file=path.name, reason=str(exc))) from None
    rows: Rows = [[None if pd.isna(v) else v for v in row] for row in frame.itertuples(index=False)]
    return Sheet(path, name, rows)


#: The package pandas needs for each reader, and the name it is imported by.
READER_PACKAGES: dict[str, tuple[str, str]] = {"odf": ("odfpy", "odf"), "xlrd": ("xlrd", "xlrd")}


def _require_reader(path: Path, engine: str) -> None:
    """A clear message with the pip command when the package reading ``path`` is missing."""
    import importlib.util

    package, module = READER_PACKAGES[engine]
    if importlib.util.find_spec(module) is None:
        raise UserError(
            Msg("impor.reader-missing", file=path.name, package=package),
            hint=Msg("impor.reader-missing.hint", package=package),
        )


def decode(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(data: bytes) -> Rows:
    text = decode(data)
    sample = text[:20000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    return [list[object](row) for row in reader]


def cell_name(column: int, row: int) -> str:
    """The cell name "F12" for 0-based ``column`` 5 and 1-based ``row`` 12."""
    from ksd_cli.register.xlsxquick import column_letters

    return f"{column_letters(column + 1)}{row}"


def padded(row: Sequence[object], width: int) -> list[object]:
    """``row`` with ``None`` up to ``width`` cells."""
    return list(row) + [None] * (width - len(row))
