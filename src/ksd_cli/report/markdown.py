"""Rendering the report as GitHub-flavoured Markdown from the ``laporan.md.j2`` template."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TextIO

from ksd_cli.escaping import markdown_cell
from ksd_cli.idformat import angka, tanggal
from ksd_cli.report.model import Cell, ColumnKind, Report, Table

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


def render_markdown(report: Report, env: Any) -> str:
    """The report as Markdown, rendered with ``env`` (the ksd Jinja environment).

    The template receives ``report`` (the raw values), ``tabel`` (every table, formatted),
    ``ikhtisar`` (label, text) pairs, and ``grafik`` (the data of the two Mermaid charts).
    """
    dates: dict[date, str] = {}
    tables = {
        name: markdown_table(getattr(report, name), dates)
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
    ikhtisar = [(f.label, format_cell(f.value, f.kind, dates)) for f in report.ikhtisar]
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
    template = env.get_template(TEMPLATE)
    text: str = template.render(
        report=report,
        tabel=tables,
        ikhtisar=ikhtisar,
        grafik=grafik,
        konversi=format_cell(report.konversi.ratio, "persen", dates),
        tindak_lanjut=format_cell(report.tindak_lanjut_potensi.ratio, "persen", dates),
    )
    return text.rstrip("\n") + "\n"


def write_markdown(report: Report, stream: TextIO, *, env: Any) -> None:
    """The output writer of ``ksd report --format md`` (see :mod:`ksd_cli.outputs`)."""
    stream.write(render_markdown(report, env))


def markdown_table(table: Table, dates: dict[date, str] | None = None) -> MarkdownTable:
    """``table`` with every cell written out in Indonesian style and escaped for Markdown."""
    cache = {} if dates is None else dates
    kinds = [c.kind for c in table.columns]
    return MarkdownTable(
        title=table.title,
        note=table.note,
        header=tuple(markdown_cell(c.header) for c in table.columns),
        align=tuple("---" if k == "teks" else "--:" for k in kinds),
        rows=tuple(
            tuple(format_cell(v, k, cache) for v, k in zip(row, kinds, strict=True))
            for row in table.rows
        ),
    )


def format_cell(value: Cell, kind: ColumnKind, dates: dict[date, str] | None = None) -> str:
    """One value as Markdown table text: "1.250", "Rp1.250.000", "66,7%", "5 Januari 2024"."""
    if value is None or value == "":
        return "-"
    if kind == "persen" and isinstance(value, int | float):
        return f"{value * 100:.1f}".replace(".", ",") + "%"
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int):
        if kind == "teks":
            return str(value)
        return f"Rp{angka(value)}" if kind == "rupiah" else angka(value)
    if isinstance(value, date):
        if dates is None:
            return tanggal(value)
        if value not in dates:
            dates[value] = tanggal(value)
        return dates[value]
    return markdown_cell(value)
