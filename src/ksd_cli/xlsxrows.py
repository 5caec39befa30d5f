"""Worksheet rows written as XML text into an openpyxl write-only workbook (issue 14).

openpyxl builds a cell object for every cell it writes, binds and checks its value, looks its
style up and streams it through lxml: about 20 microseconds a cell, seconds for a report of ten
thousand agreements. Here a sheet's rows are plain text, written the way openpyxl writes them
(inline strings, dates as serial numbers, the same style indices), and spliced into the sheet
openpyxl writes with no rows: openpyxl keeps everything else (column widths, frozen panes,
filters, page setup, hyperlinks, charts, the styles part).
"""

from __future__ import annotations

import datetime as dt
import re
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from ksd_cli.escaping import xml_text

#: Rows encoded and handed to the compressing thread at a time: enough that a write is not
#: a call per row (1,024 cost ~3 % more CPU in writing), few enough that the chunks queued
#: (see ``_BackgroundWriter.QUEUED``) stay small (4,096 rows of the list of agreements were
#: ~6 MB each, three or four of them held).
ROWS_PER_WRITE = 2048
#: Excel keeps at most this many characters in a cell; openpyxl cuts longer text there too.
MAX_TEXT = 32767
#: The number formats openpyxl gives a date or a timestamp written without one.
DEFAULT_DATE_FORMATS: dict[type, str] = {dt.date: "yyyy-mm-dd", dt.datetime: "yyyy-mm-dd h:mm:ss"}
_EMPTY_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")
#: The elements a worksheet may have after its hyperlinks, in their schema order.
_AFTER_HYPERLINKS = re.compile(
    rb"<(printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties"
    rb"|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|picture|oleObjects|controls"
    rb"|webPublishItems|tableParts|extLst)[\s/>]|</worksheet>"
)


@dataclass
class SheetXml:
    """What a sheet gets besides what openpyxl writes: its rows, and links within the workbook."""

    #: Each row's XML, or an iterable of rows' XML made only when the sheet is written.
    rows: list[str | Iterable[str]] = field(default_factory=list)
    #: (cell, location) pairs: "A13" links to "'Ringkasan'!A1".
    links: list[tuple[str, str]] = field(default_factory=list)

    def hyperlinks_xml(self) -> bytes:
        """The ``<hyperlinks>`` element of the links (empty without links)."""
        if not self.links:
            return b""
        links = "".join(
            f'<hyperlink ref="{ref}" location="{_attribute(location)}"/>'
            for ref, location in self.links
        )
        return f"<hyperlinks>{links}</hyperlinks>".encode()


def column_letters(count: int) -> list[str]:
    """The letters of columns 1 to ``count``, at index ``column - 1``."""
    from openpyxl.utils import get_column_letter

    return [get_column_letter(index) for index in range(1, count + 1)]


def _escape(text: str) -> str:
    # As lxml writes text: markup characters as entities, a carriage return as a reference
    # (a literal one would be read back as a line feed).
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _attribute(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


def cell_xml(ref: str, value: object, style: int | None) -> str:
    """One ``<c>`` element: text as an inline string (never a formula), numbers, dates, booleans.

    Dates are serial numbers (their style carries a date format); a cell with neither value
    nor style is left out, as openpyxl leaves it out.
    """
    tail = cell_tail(value, style)
    return f'<c r="{ref}{tail}' if tail else ""


def cell_tail(value: object, style: int | None) -> str:
    """:func:`cell_xml` after the cell's reference (``'" s="3" t="n"><v>7</v></c>'``).

    The same value in the same style has the same tail in every row: a writer of many rows
    makes it once (``""`` when the cell is left out).
    """
    s = style_attribute(style)
    kind = value.__class__
    if kind is str:
        return text_tail(value, s)  # type: ignore[arg-type]
    if kind is int and -_EXACT < value < _EXACT:  # type: ignore[operator]
        return f'{s} t="n"><v>{value}</v></c>'  # as ``_number`` writes it, without its checks
    if kind is int or kind is float:
        return f'{s} t="n"><v>{_number(value)}</v></c>'
    if value is None:
        return f'{s} t="n"></c>' if style is not None else ""
    if isinstance(value, bool):
        return f'{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'{s} t="n"><v>{_number(value)}</v></c>'
    if isinstance(value, dt.datetime):
        from openpyxl.utils.datetime import to_excel

        serial = to_excel(value)  # type: ignore[no-untyped-call]
        return f'{s} t="n"><v>{_number(serial)}</v></c>'
    if isinstance(value, dt.date):
        return f'{s} t="n"><v>{date_serial(value)}</v></c>'
    raise TypeError(f"no worksheet cell for a {kind.__name__}: {value!r}")


def style_attribute(style: int | None) -> str:
    """What a cell's tail starts with: the end of its reference, and its style if any."""
    return '"' if style is None else f'" s="{style}"'


def text_tail(text: str, attribute: str) -> str:
    """:func:`cell_tail` of a text, after its :func:`style_attribute` (``attribute``)."""
    text = xml_text(text)
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
    elif not text:
        return f'{attribute} t="inlineStr"></c>'
    # Whether ``text.strip()`` would take anything away, without copying a long text.
    space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
    return f'{attribute} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'


#: Integers below this are written by ``_number`` as ``str`` writes them (``_number``
#: formats a float: exact up to here, and 16 digits at most).
_EXACT = 2**53
#: The day before Excel's day 1 (1900-01-01 is 1; Excel counts a 29 February 1900 that was not).
_EPOCH = dt.date(1899, 12, 30).toordinal()


def date_serial(day: dt.date) -> int:
    """A day's serial number as openpyxl's ``to_excel`` gives it, by arithmetic on ordinals."""
    serial = day.toordinal() - _EPOCH
    # openpyxl's shift of the days before 1 March 1900 (Excel's day 60 is a false leap day).
    return serial - 1 if 0 < serial <= 60 else serial


def _number(value: Any) -> str:
    """A number as openpyxl writes it (16 significant digits; NaN and infinity as nothing)."""
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    return f"{value:.16g}"


def row_xml(number: int, cells: str, height: float | None = None) -> str:
    """One ``<row>`` element around its cells' XML, with a fixed height when given."""
    if height is None:
        return f'<row r="{number}">{cells}</row>'
    return f'<row r="{number}" ht="{_number(height)}" customHeight="1">{cells}</row>'


class _RowsArchive(zipfile.ZipFile):
    """The workbook's zip file; puts the rows in the sheets openpyxl wrote without them."""

    #: What each sheet gets; the sheets' file names are known only while openpyxl saves.
    sheets: dict[Any, SheetXml]

    def write(
        self,
        filename: Any,
        arcname: Any = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        extra = next((x for ws, x in self.sheets.items() if ws.path[1:] == arcname), None)
        if extra is None:
            super().write(filename, arcname, compress_type, compresslevel)
            return
        with open(filename, "rb") as sheet:
            xml = sheet.read()
        empty = _EMPTY_SHEET_DATA.search(xml)
        if empty is None or b"<hyperlinks" in xml:
            raise ValueError(f"{arcname}: openpyxl wrote rows or links into a sheet written here")
        after = _AFTER_HYPERLINKS.search(xml, empty.end())
        assert after is not None  # a worksheet ends
        # As writestr would make it, which openpyxl uses for every other part.
        info = zipfile.ZipInfo(arcname, date_time=time.localtime(time.time())[:6])
        info.compress_type = self.compression
        info.external_attr = 0o600 << 16
        with self.open(info, "w", force_zip64=True) as out:
            _deflate_with_zlib_ng(out)
            out.write(xml[: empty.start()])
            out.write(b"<sheetData>")
            _write_chunks(out, extra.rows)
            out.write(b"</sheetData>")
            out.write(xml[empty.end() : after.start()])
            out.write(extra.hyperlinks_xml())
            out.write(xml[after.start() :])


def _deflate_with_zlib_ng(member: IO[bytes]) -> None:
    """Let zlib-ng, not zlib, deflate the zip ``member`` just opened for writing.

    A report's rows are most of the workbook (~30 MB of XML at 10,000 agreements): zlib-ng
    deflates them at the same level in about 60 % of zlib's time, a few per cent smaller,
    in the same format any zip reader reads. ``zipfile`` has no way to choose its deflater:
    its writer's compressor is replaced before the first byte, when it is the zlib
    compressor ``zipfile`` makes for :data:`zipfile.ZIP_DEFLATED` (nothing changes if
    ``zipfile`` ever makes it otherwise, or zlib-ng is not installed).
    """
    try:
        from zlib_ng import zlib_ng
    except ImportError:  # pragma: no cover - a declared dependency; zlib is then used
        return
    if isinstance(getattr(member, "_compressor", None), _ZLIB_COMPRESS):
        member._compressor = zlib_ng.compressobj(  # type: ignore[attr-defined]
            zlib_ng.Z_DEFAULT_COMPRESSION, zlib_ng.DEFLATED, -15
        )


#: The type of zlib's compressor (``zlib.Compress`` is not importable by name).
_ZLIB_COMPRESS = type(zlib.compressobj())


def _write_chunks(out: IO[bytes], rows: Iterable[str | Iterable[str]]) -> None:
    """The rows, encoded ``ROWS_PER_WRITE`` at a time (one write per row is slow to compress).

    The chunks are compressed by a second thread while the next ones are made: zlib lets go
    of the interpreter's lock while it deflates, so a large sheet's rows and their
    compression run on two cores, each chunk compressed exactly as it would be here.
    """
    with _BackgroundWriter(out) as write:
        chunk: list[str] = []
        for item in rows:
            for row in (item,) if isinstance(item, str) else item:
                chunk.append(row)
                if len(chunk) == ROWS_PER_WRITE:
                    write("".join(chunk).encode("utf-8"))
                    chunk.clear()
        write("".join(chunk).encode("utf-8"))


class _BackgroundWriter:
    """Bytes written to a stream by a second thread, in order; its error raised here."""

    #: Chunks made and not yet written, at most (what this holds in memory at once).
    QUEUED = 2

    def __init__(self, out: IO[bytes]) -> None:
        import queue
        import threading

        self._out = out
        self._queue: queue.Queue[bytes | None] = queue.Queue(self.QUEUED)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="ksd-xlsx-deflate", daemon=True)

    def __enter__(self) -> Callable[[bytes], None]:
        self._thread.start()
        return self._put

    def __exit__(self, *exc: object) -> None:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None and exc[0] is None:
            raise self._error

    def _put(self, data: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(data)

    def _work(self) -> None:
        while (data := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._out.write(data)
                except BaseException as exc:  # noqa: BLE001 - raised in the writing thread
                    self._error = exc


def workbook_bytes_with_rows(workbook: Any, sheets: dict[Any, SheetXml]) -> bytes:
    """The ``.xlsx`` file of a write-only ``workbook`` whose worksheets get these rows and links.

    The worksheets in ``sheets`` must have had no row appended through openpyxl; the styles
    their cells name must be in the workbook (made through openpyxl before this is called).
    """
    import io

    buffer = io.BytesIO()
    write_workbook_with_rows(workbook, sheets, buffer)
    return buffer.getvalue()


def write_workbook_with_rows(workbook: Any, sheets: dict[Any, SheetXml], stream: IO[bytes]) -> None:
    """:func:`workbook_bytes_with_rows` written to ``stream`` (seekable) as it is zipped.

    A national report's workbook is some 35 MB: held whole, and copied once, it was the
    peak of ``ksd report``'s memory.
    """
    from openpyxl.writer.excel import ExcelWriter

    with _RowsArchive(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        archive.sheets = sheets
        # As openpyxl's own save does.
        now = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
        workbook.properties.modified = now
        ExcelWriter(workbook, archive).save()
