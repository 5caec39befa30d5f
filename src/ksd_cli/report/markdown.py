"""Rendering the report as GitHub-flavoured Markdown from the ``laporan.md.j2`` template."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO, cast

from ksd_cli.escaping import markdown_cell
from ksd_cli.idformat import date_text, number
from ksd_cli.messages import Lang, counted, message
from ksd_cli.report.model import Cell, ColumnKind, Report, Table
from ksd_cli.tanggal import TanggalBulan

#: Template name; a data repository overrides it with its own ``templates/laporan.md.j2``.
TEMPLATE = "laporan.md.j2"


@dataclass(frozen=True)
class MarkdownTable:
    """A table ready for a template: title, note, header cells, alignment markers, text rows."""

    title: str
    note: str | None
    header: tuple[str, ...]
    align: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Slice:
    """One slice or bar of a Mermaid chart."""

    label: str
    value: float


#: The tables issue 13 adds, by their names on ``Report`` and in the template's ``tabel``.
TAMBAHAN = (
    "menurut_kategori_mitra",
    "usulan",
    "pembiayaan",
    "penilaian_per_kriteria",
    "penilaian_monev",
    "berbatasan",
    "kelembagaan",
)


#: Table cells the template's bundled limits are held to (see ``jinja.MAX_OUTPUT``).
CELLS_PER_SCALE = 250_000


def render_markdown(report: Report, env: Any) -> str:
    """The report as Markdown, rendered with ``env`` (the ksd Jinja environment).

    See :func:`markdown_chunks` for what the template receives.
    """
    return "".join(markdown_chunks(report, env)).rstrip("\n") + "\n"


def markdown_chunks(report: Report, env: Any) -> Iterator[str]:
    """The template's output a piece at a time, as it renders (:func:`render_markdown` whole).

    The template receives ``report`` (the raw values), ``tabel`` (every table, formatted),
    ``ikhtisar`` (label, text) pairs, ``grafik`` (the data of the two Mermaid charts), and
    ``teks`` (the report's headings and sentences in its language, from the catalog).

    With the bundled template, each table's rows are written here rather than by its loop
    (see :func:`_bundled_rows`): the same text, without Jinja's work per row and without
    every table formatted and held at once.
    """
    lang = report.lang
    dates: dict[date, str] = {}
    # issue 13: the v1.1 tables, under their own names when the report has them
    source: dict[str, Table] = {name: getattr(report, name) for name in TABLES} | {
        name: table for name in TAMBAHAN if (table := getattr(report, name)) is not None
    }
    template = env.get_template(TEMPLATE)
    bundled = _is_bundled(template, env)
    tables = {
        name: _marked(name, table) if bundled else markdown_table(table, dates, lang)
        for name, table in source.items()
    }
    ikhtisar = [(f.label, format_cell(f.value, f.kind, dates, lang)) for f in report.ikhtisar]
    grafik = {
        "tahap": [
            Slice(str(label), n)
            for label, n in report.menurut_tahap.rows
            if isinstance(n, int) and n
        ],
        "konversi": [
            Slice(str(year), round(float(ratio) * 100, 1))
            for year, *_, ratio in report.konversi_per_tahun.rows
            if isinstance(ratio, float)
        ],
    }
    konversi = format_cell(report.konversi.ratio, "persen", dates, lang)
    tindak_lanjut = format_cell(report.tindak_lanjut_potensi.ratio, "persen", dates, lang)
    # The bundled limits hold a report of some 10,000 agreements (13 MB, 480,000 cells); a
    # larger register's report may be as much larger (a template still does no more than
    # the data it is given asks).
    cells = sum(len(t.rows) * len(t.columns) for t in source.values())
    chunks: Iterator[str] = template.generate_scaled(
        -(-cells // CELLS_PER_SCALE),
        report=report,
        tabel=tables,
        ikhtisar=ikhtisar,
        grafik=grafik,
        konversi=konversi,
        tindak_lanjut=tindak_lanjut,
        teks=_teks(report, konversi, tindak_lanjut),
        tidak_terbaca=[(item.path, _errors(item.errors, lang)) for item in report.invalid],
    )
    return _bundled_rows(chunks, source, dates, lang) if bundled else chunks


#: The tables every report has, by their names on ``Report`` and in the template's ``tabel``.
TABLES = (
    "menurut_jenis",
    "menurut_status",
    "menurut_tahap",
    "kegiatan",
    "konversi_per_tahun",
    "temuan_per_kode",
    "menurut_urusan",
    "menurut_mitra",
    "menurut_perangkat_daerah",
    "temuan",
    "akan_berakhir",
    "potensi_per_urusan",
    "potensi_belum_ditindaklanjuti",
    "rekomendasi",
    "monev_terakhir",
    "tanpa_monev",
    "daftar",
)


# The bundled template's table rows ---------------------------------------------------------------

#: Stands for a table's rows in what the bundled template is given: a character that no
#: text of a report keeps (``markdown_cell`` drops control characters), around the table's name.
_MARK = "\x00"
#: The line the bundled template's loop writes for a table whose only row is its mark.
_MARKED_LINE = re.compile(f"\\| {_MARK}([a-z_]+){_MARK} \\|\n")
#: Rows joined into one piece of output.
ROWS_PER_CHUNK = 1024


def _is_bundled(template: Any, env: Any) -> bool:
    """Whether ``template`` is the bundled ``laporan.md.j2``, loaded by ksd's environment."""
    from ksd_cli.jinja import KsdEnvironment, bundled_templates

    return (
        isinstance(env, KsdEnvironment)
        and env.trim_blocks
        and template.filename is not None
        and Path(template.filename) == bundled_templates() / TEMPLATE
    )


def _marked(name: str, table: Table) -> MarkdownTable:
    """``table`` for the bundled template: its header, and one row that marks where its rows go.

    The template's loop writes ``| {{ row | join(" | ") }} |`` for each row: for the mark,
    the line :data:`_MARKED_LINE` matches, which :func:`_bundled_rows` replaces with the
    table's rows written the same way.
    """
    return MarkdownTable(
        title=table.title,
        note=table.note,
        header=_header(table),
        align=_align(table),
        rows=((f"{_MARK}{name}{_MARK}",),) if table.rows else (),
    )


def _bundled_rows(
    chunks: Iterator[str], tables: dict[str, Table], dates: dict[date, str], lang: Lang
) -> Iterator[str]:
    """The template's ``chunks``, each table's marked line replaced by the table's rows."""
    known = _Known(dates)  # one for every table: their ids and names repeat
    for chunk in chunks:
        if _MARK not in chunk:
            yield chunk
            continue
        # [text, name, text, name, ..., text]
        pieces = _MARKED_LINE.split(chunk)
        for index, piece in enumerate(pieces):
            if index % 2:
                yield from _row_lines(tables[piece], known, lang)
            elif piece:
                if _MARK in piece:  # the template no longer writes rows as this module knows
                    raise AssertionError(f"a table row mark left in the output: {piece!r}")
                yield piece


def _row_lines(table: Table, known: _Known, lang: Lang) -> Iterator[str]:
    """The lines the bundled template's loop writes for ``table``'s rows, many at a time."""
    for texts in _row_texts(table, known, lang):
        yield "| " + " |\n| ".join(map(" | ".join, texts)) + " |\n"


def _errors(n: int, lang: Lang) -> str:
    """How many errors a record has: "1 galat", "3 errors"."""
    return counted(("stalled.errors.one", "stalled.errors"), lang, n, count=number(n, lang))


def _teks(report: Report, konversi: str, tindak_lanjut: str) -> dict[str, str]:
    """The template's own words in the report's language: headings, sentences, empty tables."""
    lang = report.lang

    def t(key: str, **args: object) -> str:
        return message(f"laporan.{key}", lang, **args)

    keadaan = date_text(report.as_of, lang)
    words = {
        key.replace("-", "_").replace(".", "_"): t(key)
        for key in (
            "title",
            "daerah",
            "periode",
            "keadaan-per",
            "sumber",
            "none",
            "catatan",
            "uraian",
            "nilai",
            "konversi",
            "chart.tahap",
            "chart.konversi-md",
            "chart.tahun-kb",
            "chart.persen",
            *(f"section.{s}" for s in SECTIONS),
            "section.pembiayaan",
            "section.kewilayahan",
            *(f"empty.{e}" for e in EMPTY),
        )
    }
    words |= {
        "periode_judul": report.period.title(lang),
        "keadaan": keadaan,
        "intro": t("md-intro", tanggal=keadaan),
        "invalid": counted(
            ("laporan.md-invalid.one", "laporan.md-invalid"),
            lang,
            len(report.invalid),
            count=number(len(report.invalid), lang),
        ),
        "konversi_text": t(
            "konversi-text-muda" if report.kb_muda else "konversi-text",
            signed=number(report.konversi.whole + report.kb_muda, lang),
            young=number(report.kb_muda, lang),
            whole=number(report.konversi.whole, lang),
            part=number(report.konversi.part, lang),
            ratio=konversi,
        ),
        "potensi_text": t(
            "potensi-text",
            whole=number(report.tindak_lanjut_potensi.whole, lang),
            part=number(report.tindak_lanjut_potensi.part, lang),
            ratio=tindak_lanjut,
        ),
    }
    return words


#: The report's sections, in order (catalog ``laporan.section.<name>``).
SECTIONS = ("ringkasan", "rincian", "temuan", "akan_berakhir", "potensi", "monev", "daftar")
#: What an empty table says (catalog ``laporan.empty.<name>``).
EMPTY = (
    "konversi",
    "temuan",
    "akan_berakhir",
    "potensi",
    "potensi_belum",
    "tanpa_monev",
    "monev",
    "daftar",
)


def write_markdown(report: Report, stream: TextIO, *, env: Any) -> None:
    """The output writer of ``ksd report --format md`` (see :mod:`ksd_cli.outputs`).

    Written as the template renders it (a report of 100,000 agreements is some 130 MB of
    text), ending as :func:`render_markdown` ends: in one line feed.
    """
    held = ""  # line feeds that may be the text's last
    for chunk in markdown_chunks(report, env):
        text = chunk.rstrip("\n")
        if text:
            stream.write(held + text if held else text)
            held = chunk[len(text) :]
        else:
            held += chunk
    stream.write("\n")


def markdown_table(
    table: Table, dates: dict[date, str] | None = None, lang: Lang = "id"
) -> MarkdownTable:
    """``table`` with every cell written out for ``lang`` and escaped for Markdown."""
    known = _Known({} if dates is None else dates)
    return MarkdownTable(
        title=table.title,
        note=table.note,
        header=_header(table),
        align=_align(table),
        rows=tuple(row for texts in _row_texts(table, known, lang) for row in texts),
    )


def _header(table: Table) -> tuple[str, ...]:
    return tuple(markdown_cell(c.header) for c in table.columns)


def _align(table: Table) -> tuple[str, ...]:
    return tuple("---" if c.kind == "teks" else "--:" for c in table.columns)


def _row_texts(table: Table, known: _Known, lang: Lang) -> Iterator[list[tuple[str, ...]]]:
    """``table``'s rows with each cell as Markdown text (:func:`format_cell` of each).

    A few rows at a time, a column at a time: a column's values are mostly of one class
    (texts, counts, rupiah, dates, with gaps) and, when so, are looked up in one table of
    what each value is worded as, without a Python call per cell (a report of 10,000
    agreements has ~400,000 cells).
    """
    kinds = [c.kind for c in table.columns]
    rows = table.rows
    for start in range(0, len(rows), ROWS_PER_CHUNK):
        chunk = rows[start : start + ROWS_PER_CHUNK]
        if not kinds:  # no column to turn into rows: a row is no cell
            yield [() for _ in chunk]
            continue
        columns = zip(*chunk, strict=True)
        texts = [_column_texts(c, k, known, lang) for c, k in zip(columns, kinds, strict=True)]
        yield list(zip(*texts, strict=True))


#: Classes of values each worded the same wherever they stand in a column of one kind, and
#: equal to no value of another class a column holds (``True == 1``; a month-only date equals
#: its month's first day; ``-0.0 == 0.0`` but is worded apart).
_WORDED_ALIKE = (int, date)


def _column_texts(
    column: Sequence[Cell], kind: ColumnKind, known: _Known, lang: Lang
) -> Sequence[str]:
    """The cells of one column (of ``kind``) as Markdown text (:func:`format_cell` of each)."""
    try:  # text, and gaps: most columns, told without looking at every value's class first
        return list(map(known.inert.__getitem__, cast("Sequence[str | None]", column)))
    except _NotText:
        pass
    classes = set(map(type, column))
    classes.discard(str)
    classes.discard(type(None))
    if len(classes) == 1 and (cls := classes.pop()) in _WORDED_ALIKE:
        return list(map(known.worded(kind, cls, lang).__getitem__, column))
    inert = known.inert
    return [inert[v] if v.__class__ is str else known.text(v, kind, lang) for v in column]


class _NotText(Exception):  # noqa: N818 - not an error: a column of other values
    """A value that is neither text nor a gap, met by :class:`_Inert`."""


class _Inert(dict[str | None, str]):
    """``format_cell`` of texts and gaps, whatever the column: each text escaped once.

    It holds nothing else, and no other value equals a text or ``None``: any other value
    is missing, and raises :class:`_NotText`.
    """

    def __missing__(self, text: str | None) -> str:
        if text.__class__ is not str and text is not None:
            raise _NotText
        inert = self[text] = markdown_cell(text) if text else "-"
        return inert


class _Worded(dict[Cell, str]):
    """``format_cell`` of one column kind's values of one class, texts and gaps (up to a bound)."""

    def __init__(self, kind: ColumnKind, dates: dict[date, str], lang: Lang) -> None:
        super().__init__()
        self.kind = kind
        self.dates = dates
        self.lang = lang

    def __missing__(self, value: Cell) -> str:
        if len(self) >= _Known.LIMIT:
            self.clear()
        text = self[value] = format_cell(value, self.kind, self.dates, self.lang)
        return text


class _Known:
    """:func:`format_cell` of the values of the tables, each worded once (up to a bound)."""

    #: Values remembered before starting over (a large register's rupiah values are many).
    LIMIT = 4_096

    def __init__(self, dates: dict[date, str]) -> None:
        self.dates = dates
        # Keyed by class too: ``True == 1``, and a month-only date equals its first day.
        self.texts: dict[tuple[ColumnKind, type, Cell], str] = {}
        #: Every text of the tables escaped once, for as long as they are written: at
        #: 100,000 agreements they hold more distinct texts (ids, titles: 312,000) than
        #: :func:`_inert` keeps, and each one missed was escaped again (4.8 s of writing).
        self.inert = _Inert()
        self._worded: dict[tuple[ColumnKind, type, Lang], _Worded] = {}

    def worded(self, kind: ColumnKind, cls: type, lang: Lang) -> _Worded:
        """The wording of ``kind``'s values of class ``cls`` (one of :data:`_WORDED_ALIKE`)."""
        key = (kind, cls, lang)
        worded = self._worded.get(key)
        if worded is None:
            worded = self._worded[key] = _Worded(kind, self.dates, lang)
        return worded

    def text(self, value: Cell, kind: ColumnKind, lang: Lang) -> str:
        """``format_cell(value, kind, lang=lang)``."""
        key = (kind, value.__class__, value)
        text = self.texts.get(key)
        if text is None:
            if len(self.texts) >= self.LIMIT:
                self.texts.clear()
            text = self.texts[key] = format_cell(value, kind, self.dates, lang)
        return text


def format_cell(
    value: Cell, kind: ColumnKind, dates: dict[date, str] | None = None, lang: Lang = "id"
) -> str:
    """One value as Markdown table text: "1.250", "Rp1.250.000", "66,7%", "5 Januari 2024".

    In English: "1,250", "Rp1,250,000", "66.7%", "5 January 2024". ``dates`` caches the
    wording of dates, which all share one language.
    """
    if value.__class__ is str:  # most cells: text is written as it is, whatever the column
        return _inert(value) if value else "-"
    if value is None or value == "":
        return "-"
    if kind == "persen" and isinstance(value, int | float):
        percent = f"{value * 100:.1f}"
        return (percent.replace(".", ",") if lang == "id" else percent) + "%"
    if isinstance(value, bool):
        return message("laporan.yes" if value else "laporan.no", lang)
    if isinstance(value, int):
        if kind == "teks":
            return str(value)
        return f"Rp{number(value, lang)}" if kind == "rupiah" else number(value, lang)
    if isinstance(value, date):
        # A month-only date equals its month's first day as a key: it is worded on its own.
        if dates is None or isinstance(value, TanggalBulan):
            return date_text(value, lang)
        if value not in dates:
            dates[value] = date_text(value, lang)
        return dates[value]
    return _inert(value) if isinstance(value, str) else markdown_cell(value)


@functools.lru_cache(maxsize=1 << 16)
def _inert(text: str) -> str:
    """``markdown_cell`` of a text, once per distinct text: names and labels repeat a lot."""
    return markdown_cell(text)
