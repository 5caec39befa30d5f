"""The matrix as columns and worded cells, shared by the Markdown, Excel and Word writers."""

from __future__ import annotations

from dataclasses import dataclass

from ksd_cli.idformat import number
from ksd_cli.mapping.model import Mapping, MappingRow, UrusanGroup
from ksd_cli.messages import Lang, message
from ksd_cli.naming import jenis_short, prioritas_title, status_title, tahap_title

#: The matrix's columns in order (catalog ``pemetaan.col.<key>``) and their width in Excel.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("no", 5),
    ("sub_urusan", 14),
    ("isu", 26),
    ("potensi", 26),
    ("eksternalitas", 11),
    ("opd", 16),
    ("mitra", 18),
    ("jenis", 13),
    ("bentuk", 16),
    ("peran", 16),
    ("prioritas", 9),
    ("rpjmd", 14),
    ("program", 18),
    ("rkpd", 8),
    ("indikator", 14),
    ("target", 10),
    ("anggaran", 14),
    ("tahun_rencana", 8),
    ("tindak_lanjut", 22),
)


@dataclass(frozen=True)
class Column:
    """A worded column: its key, header and Excel width."""

    key: str
    header: str
    width: int


def columns(lang: Lang) -> tuple[Column, ...]:
    """The matrix's columns with their headers in ``lang``."""
    return tuple(Column(k, message(f"pemetaan.col.{k}", lang), w) for k, w in COLUMNS)


def group_title(group: UrusanGroup) -> str:
    """The title of an urusan's group row: "2.11 Lingkungan Hidup"."""
    return f"{group.kode} {group.nama[:1].upper()}{group.nama[1:]}"


def follow_up_text(row: MappingRow, lang: Lang) -> str:
    """Where the potential's follow-up stands: agreements with stage, or the finding."""
    if row.tindak_lanjut:
        return "; ".join(
            message(
                "pemetaan.follow",
                lang,
                id=f.id,
                tahap=tahap_title(f.tahap, lang),
                status=status_title(f.status, lang),
            )
            for f in row.tindak_lanjut
        )
    if row.ditindaklanjuti:
        return message("pemetaan.follow.named", lang)
    if row.temuan_hari is not None:
        return message("pemetaan.follow.finding", lang, days=number(row.temuan_hari, lang))
    return message("pemetaan.follow.none", lang)


def cells(row: MappingRow, index: int, lang: Lang) -> tuple[str | int | None, ...]:
    """One row's cells in column order: text, whole numbers (rupiah, years) or ``None``."""
    yes_no = {True: message("pemetaan.ya", lang), False: message("pemetaan.tidak", lang)}
    return (
        index,
        row.sub_urusan,
        row.isu,
        row.potensi,
        yes_no[row.eksternalitas] if row.eksternalitas is not None else None,
        row.perangkat_daerah,
        "; ".join(row.calon_mitra) or None,
        jenis_short(row.jenis_usulan, lang) if row.jenis_usulan else None,
        row.bentuk_kerja_sama,
        row.peran_daerah,
        prioritas_title(row.prioritas, lang),
        row.rpjmd,
        row.program,
        row.rkpd_tahun,
        row.indikator,
        row.target,
        row.anggaran_indikatif,
        row.tahun_rencana,
        follow_up_text(row, lang),
    )


def text_cells(row: MappingRow, index: int, lang: Lang) -> tuple[str, ...]:
    """``cells`` as text: rupiah and counts written out, an empty value as "–"."""
    out = []
    for (key, _), value in zip(COLUMNS, cells(row, index, lang), strict=True):
        if value is None or value == "":
            out.append("–")
        elif key == "anggaran" and isinstance(value, int):
            out.append(f"Rp{number(value, lang)}")
        else:
            out.append(str(value))
    return tuple(out)


def plan_text(row: MappingRow, lang: Lang) -> str:
    """The v1.1 planning fields in one cell ("–" when the potential has none of them).

    "Indikator: Luas lahan rawa yang dioptimasi; target 1.000 hektare; Rp3.200.000.000;
    tahun 2024".
    """
    parts = []
    if row.indikator:
        parts.append(message("evaluasi.rencana.indikator", lang, indikator=row.indikator))
    if row.target:
        parts.append(message("evaluasi.rencana.target", lang, target=row.target))
    if row.anggaran_indikatif is not None:
        parts.append(f"Rp{number(row.anggaran_indikatif, lang)}")
    if row.tahun_rencana is not None:
        parts.append(message("evaluasi.rencana.tahun", lang, tahun=row.tahun_rencana))
    return "; ".join(parts) or "–"


def coverage_lines(mapping: Mapping) -> tuple[tuple[str, str], ...]:
    """The coverage summary as (label, "part of whole") pairs."""
    lang = mapping.lang
    c = mapping.coverage

    def of(part: int, whole: int) -> str:
        return message("pemetaan.dari", lang, part=number(part, lang), whole=number(whole, lang))

    return (
        (message("pemetaan.cakupan.urusan", lang), of(c.urusan_terpetakan, c.urusan)),
        (message("pemetaan.cakupan.potensi", lang), number(c.potensi, lang)),
        (message("pemetaan.cakupan.rkpd", lang), of(c.potensi_rkpd, c.potensi)),
        (message("pemetaan.cakupan.tindak-lanjut", lang), of(c.potensi_ditindaklanjuti, c.potensi)),
        (message("pemetaan.cakupan.temuan", lang), number(c.potensi_tanpa_tindak_lanjut, lang)),
    )


def period_title(mapping: Mapping) -> str:
    """The period's title: "Tahun 2024", or "Sampai dengan tahun 2025" for every year."""
    if mapping.tahun is not None:
        return message("pemetaan.tahun", mapping.lang, tahun=mapping.tahun)
    return message("pemetaan.semua-tahun", mapping.lang, tahun=mapping.as_of.year)
