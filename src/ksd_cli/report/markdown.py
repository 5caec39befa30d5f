"""Rendering the report as GitHub-flavoured Markdown from the ``laporan.md.j2`` template."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, TextIO

from ksd_cli.escaping import markdown_cell
from ksd_cli.idformat import date_text, number
from ksd_cli.messages import Lang, message
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
    """
    lang = report.lang
    dates: dict[date, str] = {}
    tables = {
        name: markdown_table(getattr(report, name), dates, lang)
        for name in (
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
    }
    # issue 13: the v1.1 tables, under their own names when the report has them
    tables |= {
        name: markdown_table(table, dates, lang)
        for name in TAMBAHAN
        if (table := getattr(report, name)) is not None
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
    template = env.get_template(TEMPLATE)
    # The bundled limits hold a report of some 10,000 agreements (13 MB, 480,000 cells); a
    # larger register's report may be as much larger (a template still does no more than
    # the data it is given asks).
    cells = sum(len(t.rows) * len(t.header) for t in tables.values())
    chunks: Iterator[str] = template.generate_scaled(
        -(-cells // CELLS_PER_SCALE),
        report=report,
        tabel=tables,
        ikhtisar=ikhtisar,
        grafik=grafik,
        konversi=konversi,
        tindak_lanjut=tindak_lanjut,
        teks=_teks(report, konversi, tindak_lanjut),
        tidak_terbaca=[
            (item.path, message("stalled.errors", lang, count=number(item.errors, lang)))
            for item in report.invalid
        ],
    )
    return chunks


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
        "invalid": t("md-invalid", count=number(len(report.invalid), lang)),
        "konversi_text": t(
            "konversi-text",
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
    cache = {} if dates is None else dates
    kinds = [c.kind for c in table.columns]
    return MarkdownTable(
        title=table.title,
        note=table.note,
        header=tuple(markdown_cell(c.header) for c in table.columns),
        align=tuple("---" if k == "teks" else "--:" for k in kinds),
        # Most cells are text, written as it is whatever the column (``format_cell``'s first
        # case, here without a call per cell: a report has ~480,000 cells).
        rows=tuple(
            tuple(
                (_inert(v) if v else "-") if v.__class__ is str else format_cell(v, k, cache, lang)
                for v, k in zip(row, kinds, strict=True)
            )
            for row in table.rows
        ),
    )


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
