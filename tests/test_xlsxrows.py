"""Rows written as XML read back as the cells openpyxl itself writes (values, types, styles)."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ksd_cli.tanggal import TanggalBulan
from ksd_cli.xlsxrows import SheetXml, cell_xml, row_xml, workbook_bytes_with_rows

#: Values whose writing has a catch: XML markup, a carriage return, edge whitespace, formula
#: and error look-alikes (text stays text), text longer than a cell holds, dates, numbers.
TRICKY: list[Any] = [
    "plain",
    "a < b & c > d",
    "line\r\nbreak",
    "  leading and trailing  ",
    " ",
    "",
    '=HYPERLINK("http://x")',
    "#N/A",
    "-1",
    "x" * 40000,
    "kontrol\x01\x1b",
    0,
    -7,
    1234567890123,
    0.125,
    2 / 3,
    True,
    False,
    date(2024, 3, 15),
    date(1900, 2, 1),
    datetime(2024, 3, 15, 13, 45, 30),
]


def _read(data: bytes) -> list[tuple[Any, str, str, bool]]:
    from openpyxl import load_workbook

    ws: Any = load_workbook(io.BytesIO(data)).worksheets[0]
    return [
        (cell.value, cell.data_type, cell.number_format, bool(cell.font.b))
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None or cell.has_style
    ]


def test_rows_read_back_as_openpyxl_writes_them() -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell as new_cell
    from openpyxl.styles import Font

    from ksd_cli.xlsx import text_cell, workbook_bytes

    # Any: the cells' private _style, and dates, are not in openpyxl's stubs.
    WriteOnlyCell: Any = new_cell

    def workbook_and_style() -> tuple[Any, Any, Any]:
        workbook = Workbook(write_only=True)
        ws = workbook.create_sheet("T")
        styled = WriteOnlyCell(ws)
        styled.font = Font(bold=True)
        styled.number_format = "0.00"
        return workbook, ws, styled

    # openpyxl's own writer: a text cell forced to text, as ksd does, or the bare value.
    workbook, ws, styled = workbook_and_style()
    for value in TRICKY:
        cell = WriteOnlyCell(ws)
        text_cell(cell, value)
        bold = WriteOnlyCell(ws)
        text_cell(bold, value)
        bold._style = styled._style
        ws.append([cell, bold])
    expected = _read(workbook_bytes(workbook))

    workbook, ws, styled = workbook_and_style()
    sheet = SheetXml()
    date_style = WriteOnlyCell(ws, date(2024, 1, 1))  # openpyxl's format for a bare date
    datetime_style = WriteOnlyCell(ws, datetime(2024, 1, 1))
    for number, value in enumerate(TRICKY, 1):
        bare = {date: date_style, datetime: datetime_style}.get(type(value))
        cells = cell_xml(f"A{number}", value, None if bare is None else bare.style_id)
        cells += cell_xml(f"B{number}", value, styled.style_id)
        sheet.rows.append(row_xml(number, cells))
    assert _read(workbook_bytes_with_rows(workbook, {ws: sheet})) == expected


def test_a_cell_without_value_or_style_is_left_out_and_a_height_is_fixed() -> None:
    assert cell_xml("A1", None, None) == ""
    assert cell_xml("A1", None, 3) == '<c r="A1" s="3" t="n"></c>'
    assert row_xml(2, "", 45) == '<row r="2" ht="45" customHeight="1"></row>'


def test_a_month_only_date_is_a_date_of_its_first_day() -> None:
    # Its style (set by the caller) shows the month without a day.
    month = TanggalBulan.dari(2018, 10)
    assert cell_xml("A1", month, 4) == cell_xml("A1", date(2018, 10, 1), 4)


def test_links_within_the_workbook_are_written_after_the_rows() -> None:
    from openpyxl import Workbook, load_workbook

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("Isi")
    workbook.create_sheet("Daftar 'A'")
    sheet = SheetXml([row_xml(1, cell_xml("A1", "Daftar", None))], [("A1", "'Daftar ''A'''!A1")])
    back: Any = load_workbook(io.BytesIO(workbook_bytes_with_rows(workbook, {ws: sheet})))
    assert back["Isi"]["A1"].hyperlink.location == "'Daftar ''A'''!A1"
    assert back["Isi"]["A1"].value == "Daftar"


def test_rows_over_many_chunks_read_back_in_order() -> None:
    """Rows are compressed by a second thread a chunk at a time: every row, in order."""
    from openpyxl import Workbook, load_workbook

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("Banyak")
    count = 3 * 4096 + 17
    sheet = SheetXml([row_xml(1, cell_xml("A1", "judul", None))])
    sheet.rows.append(
        row_xml(n, cell_xml(f"A{n}", f"baris {n}", None) + cell_xml(f"B{n}", n, None))
        for n in range(2, count + 1)
    )
    back: Any = load_workbook(io.BytesIO(workbook_bytes_with_rows(workbook, {ws: sheet})))
    values = [tuple(c.value for c in row) for row in back["Banyak"].iter_rows()]
    assert values == [("judul", None), *((f"baris {n}", n) for n in range(2, count + 1))]


def _many_rows_workbook() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("Banyak")
    sheet = SheetXml([row_xml(n, cell_xml(f"A{n}", f"baris {n}", None)) for n in range(1, 5000)])
    return workbook_bytes_with_rows(workbook, {ws: sheet})


def test_the_rows_are_deflated_by_zlib_ng_into_the_same_sheet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """zlib-ng deflates the sheet that holds the rows; it inflates to what zlib's gave."""
    import zipfile

    from zlib_ng import zlib_ng

    made: list[object] = []
    real = zlib_ng.compressobj

    def spy(*args: Any) -> Any:
        made.append(args)
        return real(*args)

    monkeypatch.setattr(zlib_ng, "compressobj", spy)
    with_ng = _many_rows_workbook()
    assert made == [(zlib_ng.Z_DEFAULT_COMPRESSION, zlib_ng.DEFLATED, -15)]
    monkeypatch.setattr("ksd_cli.xlsxrows._ZLIB_COMPRESS", type(None))  # zlib's deflate kept
    with_zlib = _many_rows_workbook()
    assert len(made) == 1
    sheet = "xl/worksheets/sheet1.xml"
    # Reading checks each member's CRC; the sheets' XML is the same, its deflate is not.
    ng, plain = zipfile.ZipFile(io.BytesIO(with_ng)), zipfile.ZipFile(io.BytesIO(with_zlib))
    assert ng.testzip() is None
    assert ng.read(sheet) == plain.read(sheet)
    assert b"baris 4999" in ng.read(sheet)
    assert ng.getinfo(sheet).compress_type == zipfile.ZIP_DEFLATED


def test_a_stream_that_fails_while_rows_are_written_raises_its_error() -> None:
    import pytest

    from ksd_cli.xlsxrows import _write_chunks

    class Full(io.BytesIO):
        def write(self, data: Any) -> int:
            raise OSError(28, "No space left on device")

    rows = (row_xml(n, cell_xml(f"A{n}", "x" * 100, None)) for n in range(1, 20_000))
    with pytest.raises(OSError, match="No space left"):
        _write_chunks(Full(), [rows])


def test_an_error_making_the_rows_stops_the_writing_thread() -> None:
    import threading

    import pytest

    from ksd_cli.xlsxrows import _write_chunks

    def rows() -> Any:
        yield from (row_xml(n, "") for n in range(1, 5000))
        raise ValueError("a row that cannot be made")

    out = io.BytesIO()
    with pytest.raises(ValueError, match="cannot be made"):
        _write_chunks(out, [rows()])
    assert threading.active_count() == 1
    assert out.getvalue().startswith(b'<row r="1"></row>')


def test_a_day_is_the_serial_number_openpyxl_gives_it() -> None:
    from datetime import date, timedelta

    from openpyxl.utils.datetime import to_excel

    from ksd_cli.tanggal import TanggalBulan
    from ksd_cli.xlsxrows import _number, date_serial

    start = date(1899, 12, 1)
    days = [start + timedelta(days=n) for n in range(0, 80_000, 7)]
    days += [date(1900, 2, 28), date(1900, 3, 1), date(1, 1, 1), TanggalBulan.dari(2018, 10)]
    for day in days:
        serial = _number(to_excel(day))  # type: ignore[no-untyped-call]
        assert _number(date_serial(day)) == serial, day
        assert cell_xml("A1", day, 3) == f'<c r="A1" s="3" t="n"><v>{serial}</v></c>'


def test_an_integer_is_written_as_openpyxl_writes_it() -> None:
    from ksd_cli.xlsxrows import _number

    values = (0, 7, -7, 10**15, 2**53 - 1, 2**53, 2**53 + 1, 10**16 - 1, -(10**16), 3**40)
    for value in values:
        assert cell_xml("B2", value, None) == f'<c r="B2" t="n"><v>{_number(value)}</v></c>'
    assert _number(10**16 - 1) == "1e+16"


def _text_tail_as_it_was(value: str, style: int | None) -> str:
    """``cell_tail`` of a text before ``text_tail``: the reference it must equal."""
    from ksd_cli.escaping import xml_text
    from ksd_cli.xlsxrows import MAX_TEXT, _escape

    s = '"' if style is None else f'" s="{style}"'
    text = xml_text(value)[:MAX_TEXT]
    if not text:
        return f'{s} t="inlineStr"></c>'
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'{s} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'


@given(
    st.text(
        st.sampled_from(
            [*"ab <&>\r\n\t\x00\x01\x0b\x1c\x85", "\xa0", "\u3000", "\u2028", "\ud800"]
        ),
        max_size=12,
    ),
    st.sampled_from([None, 0, 7]),
)
def test_text_tail_equals_the_text_cell_as_it_was_made(text: str, style: int | None) -> None:
    from ksd_cli.xlsxrows import cell_tail, style_attribute, text_tail

    expected = _text_tail_as_it_was(text, style)
    assert text_tail(text, style_attribute(style)) == expected == cell_tail(text, style)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 32766 + " " + "y" * 10,  # cut where a space ends it
        " " + "x" * 40000,
        "x" * 40000 + " ",
        "\x01" * 40000,
        "\u3000kop",
        "kop\xa0",
    ],
)
def test_text_tail_of_long_and_edged_texts(text: str) -> None:
    from ksd_cli.xlsxrows import style_attribute, text_tail

    assert text_tail(text, style_attribute(3)) == _text_tail_as_it_was(text, 3)
