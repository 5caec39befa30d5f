"""The tables record format v1.1 and an evaluator's questions add to the report (issue 13).

Partners by category, costs beside revenue, monev ratings per criterion, proposals that never
reached a signature, mandatory cooperation with every bordering region, and the TKKSD. Each
builder takes the report's part of every agreement (:mod:`ksd_cli.report.parts`) and returns
a plain :class:`Table`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from statistics import fmean
from typing import TYPE_CHECKING, get_args

from ksd_cli.idformat import date_text
from ksd_cli.messages import Lang, message
from ksd_cli.models import KategoriPihak, KriteriaMonev, TipePihak
from ksd_cli.naming import kategori_pihak_title, region_name, status_title, tahap_title
from ksd_cli.report.model import Cell, Column, ColumnKind, Table

if TYPE_CHECKING:
    from ksd_cli.config import Config
    from ksd_cli.reference import ReferenceData
    from ksd_cli.report.model import Period
    from ksd_cli.report.parts import AgreementPart
    from ksd_cli.stalled import Flag


def _t(key: str, lang: Lang, /, **args: object) -> str:
    """The catalog entry ``evaluasi.<key>`` in ``lang``."""
    return message(f"evaluasi.{key}", lang, **args)


def _col(key: str, lang: Lang, kind: ColumnKind = "teks", width: int = 14) -> Column:
    """A column headed by ``laporan.col.<key>`` when the report has it, else ``evaluasi.col``."""
    from ksd_cli.messages import CATALOG

    name = f"laporan.col.{key}" if f"laporan.col.{key}" in CATALOG else f"evaluasi.col.{key}"
    return Column(message(name, lang), kind, width)


# Partners by category (BAB II) --------------------------------------------------------------


def menurut_kategori_mitra(facts: Sequence[AgreementPart], owner: str | None, lang: Lang) -> Table:
    """Cooperations per kind of partner: the v1.1 ``kategori``, else the party's ``tipe``.

    A cooperation with partners of two categories is in both rows (see the note); its value is
    "the value of cooperation involving" that category, never a sum to add up.
    """
    order: list[str] = [*get_args(KategoriPihak)]
    order += [f"tipe.{t}" for t in get_args(TipePihak)]
    counts: dict[str, list[int]] = {key: [0, 0, 0] for key in order}
    # The categories of each set of parties, found once: a region's partners recur.
    known: dict[tuple[tuple[str, str | None, str | None], ...], tuple[str, ...]] = {}
    for f in facts:
        keys = known.get(f.pihak)
        if keys is None:
            keys = known[f.pihak] = tuple(
                dict.fromkeys(
                    kategori or f"tipe.{tipe}"
                    for tipe, kode_wilayah, kategori in f.pihak
                    if tipe != "pemda" or kode_wilayah != owner
                )
            )
        for key in keys:
            counts[key][0] += 1
            counts[key][1] += int(f.status == "aktif")
            counts[key][2] += f.nilai or 0
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (_kategori_title(key, lang), *counts[key]) for key in order if counts[key][0] > 0
    )
    return Table(
        _t("table.kategori", lang),
        (
            _col("kategori-mitra", lang, width=40),
            _col("jumlah-kerja-sama", lang, "bilangan", 12),
            _col("aktif", lang, "bilangan", 9),
            _col("nilai-melibatkan", lang, "rupiah", 22),
        ),
        rows,
        note=_t("note.kategori", lang),
    )


def _kategori_title(key: str, lang: Lang) -> str:
    if key.startswith("tipe."):
        return _t(key, lang)
    return kategori_pihak_title(key, lang)


# Costs and revenue (BAB III) ----------------------------------------------------------------


def pembiayaan(facts: Sequence[AgreementPart], lang: Lang) -> Table:
    """Each cooperation with a cost or a revenue: the two side by side (v1.1 ``pendapatan``)."""
    rows = tuple(f.pembiayaan for f in facts if f.pembiayaan is not None)
    return Table(
        _t("table.pembiayaan", lang),
        (
            _col("id", lang, width=20),
            _col("judul", lang, width=40),
            _col("status", lang, width=16),
            _col("sumber-dana", lang, width=24),
            _col("biaya", lang, "rupiah", 20),
            _col("pendapatan", lang, "rupiah", 20),
            _col("jenis-pendapatan", lang, width=24),
        ),
        rows,
        note=_t("note.pembiayaan", lang),
    )


# Monev ratings (BAB III) ----------------------------------------------------------------------


def penilaian_monev(facts: Sequence[AgreementPart], lang: Lang) -> Table:
    """Per cooperation, its latest monev's ratings: the mean, the weakest criteria, who rated."""
    rows = [f.penilaian for f in facts if f.penilaian is not None]
    return Table(
        _t("table.penilaian", lang),
        (
            _col("id", lang, width=20),
            _col("judul", lang, width=40),
            _col("tanggal-monev-terakhir", lang, "tanggal", 17),
            _col("jumlah-kriteria", lang, "bilangan", 10),
            _col("rata-rata", lang, "teks", 10),
            _col("kriteria-terendah", lang, width=32),
            _col("penilai", lang, width=20),
        ),
        tuple((*row[:4], _score(row[4], lang), *row[5:]) for row in rows),
        note=_t("note.penilaian", lang),
    )


def penilaian_per_kriteria(facts: Sequence[AgreementPart], lang: Lang) -> Table:
    """Each criterion over the latest rated monev of every cooperation: how many, the mean."""
    scores: dict[str, list[int]] = {k: [] for k in get_args(KriteriaMonev)}
    for f in facts:
        for key, value in f.kriteria:
            scores[key].append(value)
    rows = tuple(
        (_t(f"kriteria.{k}", lang), len(v), _score(round(fmean(v), 2), lang))
        for k, v in scores.items()
        if v
    )
    return Table(
        _t("table.kriteria", lang),
        (
            _col("kriteria", lang, width=36),
            _col("jumlah-kerja-sama", lang, "bilangan", 12),
            _col("rata-rata", lang, "teks", 10),
        ),
        rows,
        note=_t("note.penilaian", lang),
    )


def _score(value: Cell, lang: Lang) -> str:
    """A mean rating on the 1-5 scale: "3,67" (English "3.67")."""
    text = f"{value:.2f}" if isinstance(value, float | int) else ""
    return text.replace(".", ",") if lang == "id" else text


# Proposals before signing -------------------------------------------------------------------


def usulan(facts: Sequence[AgreementPart], flags: Sequence[Flag], lang: Lang) -> Table:
    """Cooperations with nothing signed: rejected, moving, stopped; offers never answered.

    Rows two to four part the first; the fifth is a part of the moving and stopped ones. Two
    rows of events of the period follow: the cooperations whose request or offer letter, and
    whose rejection, is dated within it (each cooperation once).
    """
    unsigned = [f for f in facts if f.status in ("draf", "ditolak")]
    stopped = {x.id for x in flags if x.code == "usulan_tanpa_kemajuan"}
    unanswered = {x.id for x in flags if x.code == "penawaran_tanpa_jawaban"}
    ditolak = [f for f in unsigned if f.status == "ditolak"]
    moving = [f for f in unsigned if f.status == "draf" and f.id not in stopped]
    idle = [f for f in unsigned if f.status == "draf" and f.id in stopped]
    offered = [f for f in unsigned if f.id in unanswered]
    rows: tuple[tuple[Cell, ...], ...] = (
        (_t("usulan.jumlah", lang), len(unsigned), _ids(unsigned)),
        (_t("usulan.ditolak", lang), len(ditolak), _ids(ditolak)),
        (_t("usulan.berproses", lang), len(moving), _ids(moving)),
        (_t("usulan.tanpa-kemajuan", lang), len(idle), _ids(idle)),
        (_t("usulan.penawaran", lang), len(offered), _ids(offered)),
    )
    opened = [f for f in facts if f.usulan_masuk]
    refused = [f for f in facts if f.usulan_ditolak]
    rows += (
        (_t("usulan.masuk-periode", lang), len(opened), _ids(opened)),
        (_t("usulan.ditolak-periode", lang), len(refused), _ids(refused)),
    )
    return Table(
        _t("table.usulan", lang),
        (
            _col("uraian", lang, width=48),
            _col("jumlah-kerja-sama", lang, "bilangan", 12),
            _col("id", lang, width=40),
        ),
        rows,
        note=_t("note.usulan", lang),
    )


def _ids(facts: Sequence[AgreementPart]) -> str:
    return "; ".join(sorted(f.id for f in facts))


# Mandatory cooperation with the neighbours, and the TKKSD -------------------------------------


def berbatasan(
    facts: Sequence[AgreementPart], config: Config, reference: ReferenceData, lang: Lang
) -> Table:
    """Each bordering region of ``[daerah] berbatasan``: its KSDD, stage and status, if any.

    A KSDD (mandatory or voluntary) counts when the neighbour is one of its parties; cancelled,
    ended and rejected ones are listed for what they are, not as coverage.
    """
    rows: list[tuple[Cell, ...]] = []
    for kode in config.daerah.berbatasan:
        found = [
            f
            for f in facts
            if f.jenis in ("ksdd_wajib", "ksdd_sukarela")
            and any(tipe == "pemda" and kode_wilayah == kode for tipe, kode_wilayah, _ in f.pihak)
        ]
        rows.append(
            (
                kode,
                region_name(kode, reference),
                _t(
                    "ksdd.berlaku"
                    if any(f.status == "aktif" for f in found)
                    else "ksdd.ada"
                    if found
                    else "ksdd.belum",
                    lang,
                ),
                "; ".join(f.id for f in found),
                "; ".join(tahap_title(f.tahap, lang) for f in found),
                "; ".join(status_title(f.status, lang) for f in found),
            )
        )
    return Table(
        _t("table.berbatasan", lang),
        (
            _col("kode", lang, width=9),
            _col("daerah-berbatasan", lang, width=34),
            _col("ada-ksdd", lang, width=22),
            _col("id", lang, width=24),
            _col("tahap", lang, width=24),
            _col("status", lang, width=16),
        ),
        tuple(rows),
        note=_t("note.berbatasan" if config.daerah.berbatasan else "note.berbatasan-kosong", lang),
    )


def kelembagaan(config: Config, period: Period, lang: Lang) -> Table:
    """The TKKSD's decree and its meetings (``[kelembagaan]``); blanks where ksd.toml is silent."""
    settings = config.kelembagaan
    blank = message("lapdoc.kosong", lang)
    in_period = [r for r in settings.rapat if period.start <= r.tanggal <= period.end]
    rows: list[tuple[Cell, ...]] = [
        (_t("kelembagaan.keputusan", lang), settings.tkksd_keputusan or blank),
        (
            _t("kelembagaan.tanggal", lang),
            date_text(settings.tkksd_tanggal, lang) if settings.tkksd_tanggal else blank,
        ),
        (_t("kelembagaan.rapat", lang), len(in_period)),
    ]
    rows += [
        (_t("kelembagaan.rapat-ke", lang, n=n), _rapat(r.tanggal, r.agenda, lang))
        for n, r in enumerate(sorted(in_period, key=lambda r: r.tanggal), 1)
    ]
    return Table(
        _t("table.kelembagaan", lang),
        (_col("uraian", lang, width=40), _col("keterangan", lang, width=60)),
        tuple(rows),
        note=_t("note.kelembagaan", lang),
    )


def _rapat(day: date, agenda: str | None, lang: Lang) -> str:
    return f"{date_text(day, lang)}: {agenda}" if agenda else date_text(day, lang)
