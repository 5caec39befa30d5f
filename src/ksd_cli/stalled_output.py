"""Writing a ``StalledResult``: a rich table, JSON, CSV, Markdown for job summaries, Excel."""

from __future__ import annotations

import csv
import io
from datetime import date
from json.encoder import encode_basestring
from typing import Any, TextIO

from ksd_cli.escaping import (
    csv_cell,
    markdown_cell,
    markdown_code,
    markup_text,
    terminal_text,
    text_console,
)
from ksd_cli.idformat import date_text, number
from ksd_cli.jsonlayout import dumps_indented
from ksd_cli.messages import Lang, counted, message
from ksd_cli.naming import NO_THRESHOLD, NOT_APPLICABLE, flag_title, kategori_title, tahap_title
from ksd_cli.stalled import Flag, StalledResult


def write_text(
    result: StalledResult, stream: TextIO, *, color: bool | None = None, lang: Lang = "id"
) -> None:
    """A table sorted by days past the threshold, then a count per flag."""
    from rich.table import Table

    from ksd_cli.texttable import print_table

    console = text_console(stream, color=color)
    day = date_text(result.as_of, lang)
    if result.flags and console.width < TABLE_MIN_WIDTH:
        _write_stacked(result, console, lang, day)
    elif result.flags:

        def make_table() -> Table:
            table = Table(title=message("stalled.title", lang, tanggal=day), expand=True)
            table.add_column(message("col.id", lang), no_wrap=True)
            table.add_column(message("col.temuan", lang), max_width=14)
            table.add_column(message("col.hari", lang), justify="right", no_wrap=True)
            table.add_column(message("col.batas", lang), justify="right", no_wrap=True)
            table.add_column(message("col.keterangan", lang), ratio=1)
            return table

        # A national register's thousands of flags: rich lays out the table, its rows are
        # written in its layout (see ``texttable``).
        print_table(
            console,
            make_table,
            [
                (
                    terminal_text(f.id),
                    flag_title(f.code, lang),
                    number(f.days, lang),
                    _threshold(f.code, f.threshold, lang),
                    terminal_text(f.message),
                )
                for f in result.flags
            ],
            ["yellow" if f.kategori == "pengingat" else None for f in result.flags],
        )
    else:
        console.print(f"[green]{message('stalled.none', lang, tanggal=day)}[/]")
    counts = "  ".join(f"{code}: {n}" for code, n in result.counts().items() if n)
    summary = message(
        "stalled.summary",
        lang,
        flags=len(result.flags),
        flagged=len({f.id for f in result.flags}),
        records=result.records,
    )
    _print_lines(console, summary + (f" ({counts})" if counts else ""))
    if result.sampai_tidak_diketahui:
        ids = ", ".join(markup_text(i) for i in result.sampai_tidak_diketahui)
        _print_lines(console, f"{message('lanjutan.sampai-tidak-diketahui', lang)}: {ids}")
    _write_invalid_note(result, console, lang)


#: The narrowest terminal the table reads well on: below it, each flag is a few lines.
TABLE_MIN_WIDTH = 80


def _write_stacked(result: StalledResult, console: Any, lang: Lang, day: str) -> None:
    """The flags one under another, for a narrow terminal (a phone's, a split pane's).

    A table of five columns at 40 or 60 columns gave its findings and details no room at all:
    each flag's id and title, then its days and threshold, then its details, indented.
    """
    from rich.text import Text

    _print_wrapped(console, Text(message("stalled.title", lang, tanggal=day), style="bold"))
    hari, batas = message("col.hari", lang), message("col.batas", lang)
    for f in result.flags:
        style = "yellow" if f.kategori == "pengingat" else "bold"
        console.print()
        head = Text.assemble((terminal_text(f.id), "bold"), "  ", (flag_title(f.code, lang), style))
        _print_wrapped(console, head)
        days = f"{hari} {number(f.days, lang)} · {batas} {_threshold(f.code, f.threshold, lang)}"
        _print_wrapped(console, Text(days), indent=2)
        _print_wrapped(console, Text(terminal_text(f.message)), indent=2)
    console.print()


def _print_lines(console: Any, markup: str) -> None:
    """``markup`` printed as :func:`_print_wrapped` prints it."""
    _print_wrapped(console, console.render_str(markup))


def _print_wrapped(console: Any, text: Any, indent: int = 0) -> None:
    """``text`` wrapped to the console's width, ``indent`` columns in, no line ending in spaces.

    Rich's own wrapping keeps the spaces it breaks at (the summary's double spaces) at the
    end of the line, and pads a padded block out to the margin.
    """
    from rich.text import Text

    for line in text.wrap(console, max(console.width - indent, 1)):
        line.rstrip()
        if indent:
            line = Text.assemble(" " * indent, line)
        console.print(line, overflow="fold")


def _errors(n: int, lang: Lang) -> str:
    return counted(("stalled.errors.one", "stalled.errors"), lang, n, count=n)


def _invalid(n: int, lang: Lang) -> str:
    return counted(("stalled.invalid.one", "stalled.invalid"), lang, n, count=n)


def _write_invalid_note(result: StalledResult, console: object, lang: Lang) -> None:
    if not result.invalid:
        return
    lines = [
        f"{markup_text(r.path, keep_newlines=False)} ({_errors(r.errors, lang)})"
        for r in result.invalid
    ]
    _print_lines(
        console,
        f"[bold red]{_invalid(len(result.invalid), lang)}[/] "
        f"({message('stalled.run-validate', lang)}): " + "; ".join(lines),
    )


def write_json(result: StalledResult, stream: TextIO) -> None:
    """The stable JSON form (as ``json.dump(..., indent=2, ensure_ascii=False)`` writes it).

    The flags, most of the text, are laid out by :func:`flag_json` and written a few hundred
    at a time; the rest of the form through ``jsonlayout``. A value laid out alone and
    indented one level more is the same text: JSON strings hold no raw newline.
    """
    separator = "{\n  "
    for key, value in result.as_dict(lazy=True).items():
        stream.write(f"{separator}{encode_basestring(key)}: ")
        separator = ",\n  "
        if key != "flags":
            stream.write(dumps_indented(value).replace("\n", "\n  "))
            continue
        if not result.flags:
            stream.write("[]")
            continue
        flags = result.flags
        layout = FlagLayout()
        stream.write("[")
        for start in range(0, len(flags), _FLAGS_AT_ONCE):
            batch = ",".join(map(layout.text, flags[start : start + _FLAGS_AT_ONCE]))
            stream.write(f",{batch}" if start else batch)
        stream.write("\n  ]")
    stream.write("\n}\n")


#: Flags laid out before they are written (the text of a national register's flags is never
#: held whole).
_FLAGS_AT_ONCE = 500


def flag_json(flag: Flag) -> str:
    """``flag.as_dict()`` laid out as an item of the ``flags`` list: a newline first."""
    return FlagLayout().text(flag)


class FlagLayout:
    """:func:`flag_json` for many flags, each part that recurs laid out once.

    Partners, organisations, codes, stages and dates recur from flag to flag (the partners and
    organisations of a record are one value held for all, ``stalled._shared``). What is
    laid out is kept only as long as the layout: one ``write_json``.
    """

    def __init__(self) -> None:
        self._lists: dict[tuple[str, ...], str] = {}
        self._words: dict[str, str] = {}
        self._days: dict[date, str] = {}

    def text(self, flag: Flag) -> str:
        """``flag.as_dict()`` laid out as an item of the ``flags`` list: a newline first."""
        text = encode_basestring
        words, lists = self._words, self._lists
        code = words.get(flag.code) or words.setdefault(flag.code, text(flag.code))
        kategori = words.get(flag.kategori) or words.setdefault(flag.kategori, text(flag.kategori))
        mitra = lists.get(flag.mitra) or lists.setdefault(flag.mitra, _strings(flag.mitra))
        units = flag.perangkat_daerah
        perangkat = lists.get(units) or lists.setdefault(units, _strings(units))
        stage = flag.stage
        if stage is None:
            tahap = "null"
        else:
            tahap = words.get(stage) or words.setdefault(stage, text(stage))
        since = flag.since
        if type(since) is date:  # a month-only date (a subclass) reads otherwise
            day = self._days.get(since) or self._days.setdefault(since, since.isoformat())
        else:
            day = since.isoformat()
        return (
            f'\n    {{\n      "id": {text(flag.id)},'
            f'\n      "judul": {text(flag.judul)},'
            f'\n      "code": {code},'
            f'\n      "kategori": {kategori},'
            f'\n      "since": "{day}",'
            f'\n      "days": {int.__repr__(flag.days)},'
            f'\n      "threshold": {int.__repr__(flag.threshold)},'
            f'\n      "stage": {tahap},'
            f'\n      "mitra": {mitra},'
            f'\n      "perangkat_daerah": {perangkat},'
            f'\n      "naskah": {"null" if flag.naskah is None else int.__repr__(flag.naskah + 1)},'
            f'\n      "dokumen": {_numbers(flag.dokumen)},'
            f'\n      "path": {text(flag.path)},'
            f'\n      "message": {text(flag.message)}'
            "\n    }"
        )


def _strings(items: tuple[str, ...]) -> str:
    if not items:
        return "[]"
    return "[\n        " + ",\n        ".join(map(encode_basestring, items)) + "\n      ]"


def _numbers(positions: tuple[int, ...]) -> str:
    """Documents' positions, 1-based as the JSON form writes them."""
    if not positions:
        return "[]"
    return "[\n        " + ",\n        ".join(str(p + 1) for p in positions) + "\n      ]"


CSV_COLUMNS = (
    "id",
    "code",
    "kategori",
    "since",
    "days",
    "threshold",
    "stage",
    "judul",
    "mitra",
    "perangkat_daerah",
    "naskah",
    "dokumen",
    "path",
    "message",
)


def write_csv(result: StalledResult, stream: TextIO) -> None:
    """One row per finding; lists joined with "; " (``dokumen``: the documents it covers)."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in result.flags:
        row = f.as_dict()
        writer.writerow(_csv_value(row[c]) for c in CSV_COLUMNS)


def _csv_value(value: object) -> object:
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return csv_cell(value)


def write_markdown(result: StalledResult, stream: TextIO, *, lang: Lang = "id") -> None:
    """GitHub-flavoured Markdown, ready for a pull request comment or a job summary."""
    out = io.StringIO()
    out.write(f"### {message('stalled.title', lang, tanggal=date_text(result.as_of, lang))}\n\n")
    col = {k: message(f"col.{k}", lang) for k in ("id", "temuan", "tahap", "hari", "batas")}
    if result.flags:
        out.write(
            f"| {col['id']} | {col['temuan']} | {col['tahap']} | {col['hari']} | "
            f"{col['batas']} | {message('col.keterangan', lang)} |\n|---|---|---|--:|--:|---|\n"
        )
        for f in result.flags:
            stage = tahap_title(f.stage, lang) if f.stage else "-"
            out.write(
                f"| {markdown_cell(f.id)} | {markdown_cell(flag_title(f.code, lang))} "
                f"| {markdown_cell(stage)} "
                f"| {number(f.days, lang)} | {_threshold(f.code, f.threshold, lang)} "
                f"| {markdown_cell(f.message)} |\n"
            )
    else:
        out.write(f"{message('stalled.none-short', lang)}\n")
    out.write(f"\n| {col['temuan']} | {message('col.jumlah', lang)} |\n|---|--:|\n")
    for code, n in result.counts().items():
        out.write(f"| {flag_title(code, lang)} (`{code}`) | {n} |\n")
    if result.sampai_tidak_diketahui:
        ids = ", ".join(markdown_code(i) for i in result.sampai_tidak_diketahui)
        out.write(f"\n{message('lanjutan.sampai-tidak-diketahui', lang)}: {ids}\n")
    if result.invalid:
        out.write(
            f"\n**{_invalid(len(result.invalid), lang)}** "
            f"({message('stalled.run-validate', lang)}):\n\n"
        )
        for r in result.invalid:
            out.write(f"- {markdown_code(r.path)} ({_errors(r.errors, lang)})\n")
    stream.write(out.getvalue())


def xlsx_bytes(result: StalledResult, *, lang: Lang = "id") -> bytes:
    """A workbook of two sheets, as the text and Markdown forms tell it.

    ``Temuan`` (``Findings``): one row per flag from the first row on, dates as dates, the
    threshold "–" for a flag a date passing raises (never a misleading 0). ``Ringkasan``
    (``Summary``): the as-of date, the count of each flag with its title, the records whose
    validity ends on a day not known, and the records not assessed for their errors.
    """
    from openpyxl import Workbook

    from ksd_cli.mapping.excel import print_setup
    from ksd_cli.xlsx import (
        INTEGER_FORMAT,
        Column,
        fit_row_heights,
        set_cell,
        workbook_bytes,
        write_table,
    )

    title = message("stalled.title", lang, tanggal=date_text(result.as_of, lang))
    workbook = Workbook()
    workbook.properties.title = title
    ws = workbook.active
    assert ws is not None  # a new workbook has one sheet
    ws.title = message("sheet.temuan", lang)

    def col(key: str) -> str:
        return message(f"col.{key}", lang)

    columns = [
        Column(col("id"), 20),
        Column(col("judul"), 40),
        Column(col("kode-temuan"), 26),
        Column(col("kategori"), 11),
        Column(col("sejak"), 19),  # "20 September 2022" whole, not "###"
        Column(col("hari"), 8, INTEGER_FORMAT),
        Column(col("batas-hari"), 11, INTEGER_FORMAT),
        Column(col("tahap"), 20),
        Column(col("naskah"), 12),
        Column(col("mitra"), 30),
        Column(col("perangkat-daerah"), 30),
        Column(col("keterangan"), 70),
    ]
    rows = [
        [
            f.id,
            f.judul,
            f.code,
            kategori_title(f.kategori, lang),
            f.since,
            f.days,
            NOT_APPLICABLE if f.code in NO_THRESHOLD else f.threshold,
            tahap_title(f.stage, lang) if f.stage else "",
            ", ".join(str(d + 1) for d in f.dokumen),
            "; ".join(f.mitra),
            "; ".join(f.perangkat_daerah),
            f.message,
        ]
        for f in result.flags
    ]
    write_table(ws, columns, rows)
    _top_aligned(ws)
    fit_row_heights(ws, 2)
    # Printed, each sheet is one page wide, its header row on every page.
    print_setup(ws, lang, landscape=True, header_rows="1:1")
    summary = workbook.create_sheet(message("sheet.ringkasan", lang))
    print_setup(summary, lang, landscape=False, header_rows=None)
    set_cell(summary, 1, 1, title).font = _bold()
    counts = result.counts()
    write_table(
        summary,
        [
            Column(col("kode-temuan"), 30),
            Column(col("temuan"), 50),
            Column(col("jumlah"), 10, INTEGER_FORMAT),
        ],
        [[code, flag_title(code, lang), n] for code, n in counts.items()],
        start_row=3,
    )
    row = 3 + len(counts) + 2
    notes: list[tuple[str, list[str]]] = []
    if result.sampai_tidak_diketahui:
        notes.append(
            (message("lanjutan.sampai-tidak-diketahui", lang), list(result.sampai_tidak_diketahui))
        )
    if result.invalid:
        heading = f"{_invalid(len(result.invalid), lang)} ({message('stalled.run-validate', lang)})"
        errors = [f"{r.path} ({_errors(r.errors, lang)})" for r in result.invalid]
        notes.append((heading, errors))
    for heading, items in notes:
        set_cell(summary, row, 1, heading).font = _bold()
        for item in items:
            row += 1
            set_cell(summary, row, 1, item)
        row += 2
    return workbook_bytes(workbook)


def _top_aligned(ws: Any) -> None:
    """Every row's cells read from its top line; a threshold's "–" stands where numbers do."""
    from openpyxl.styles import Alignment

    wrapped = Alignment(wrap_text=True, vertical="top")
    plain = Alignment(vertical="top")
    dash = Alignment(vertical="top", horizontal="right")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = (
                dash
                if cell.value == NOT_APPLICABLE
                else wrapped
                if cell.alignment.wrap_text
                else plain
            )


def _bold() -> object:
    from openpyxl.styles import Font

    return Font(bold=True)


def _threshold(code: str, days: int, lang: Lang) -> str:
    """A flag's threshold in days, or "–" for a flag that a date passing raises."""
    return NOT_APPLICABLE if code in NO_THRESHOLD else number(days, lang)
