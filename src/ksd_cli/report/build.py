"""Building the evaluation report: one pass over the records for facts, pandas for the counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ksd_cli import __version__
from ksd_cli.config import Config
from ksd_cli.documents import is_kb
from ksd_cli.lifecycle import (
    ENDED_STATUSES,
    STATUSES,
    DocumentState,
    Lifecycle,
    TindakLanjut,
    lifecycle,
)
from ksd_cli.lifecycle import tindak_lanjut as find_tindak_lanjut
from ksd_cli.models import URUTAN_TAHAP, Agreement, Monev, Potential
from ksd_cli.reference import ReferenceData
from ksd_cli.report import labels
from ksd_cli.report.model import Cell, Column, Figure, Period, Report, Share, Table
from ksd_cli.stalled import FLAG_CODES, KATEGORI, Flag, find_stalled, owning_region

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    from ksd_cli.validate import SoundRecords

NOT_NAMED = "(tidak disebutkan)"
_MULTI_NOTE = (
    "Satu kerja sama dapat tercatat pada lebih dari satu {what}; angka per baris tidak "
    "dijumlahkan menjadi total."
)


@dataclass
class _AgreementFacts:
    """What the report needs of one agreement, computed once."""

    record: Agreement
    state: Lifecycle
    mitra: list[tuple[str, str]]
    mulai: date | None
    sampai: date | None
    latest_monev: Monev | None
    monev_in_period: list[Monev]
    signed_in_period: list[DocumentState]
    in_force_in_period: bool
    flags: list[Flag] = field(default_factory=list)

    @property
    def nilai(self) -> int | None:
        pembiayaan = self.record.pembiayaan
        return pembiayaan.nilai if pembiayaan is not None else None


def build_report(
    sound: SoundRecords,
    config: Config,
    reference: ReferenceData,
    *,
    as_of: date,
    period: Period,
    data_commit: str | None = None,
    data_changed: bool = False,
) -> Report:
    """The evaluation report of the loaded records.

    Stage, status and findings are those on ``as_of``; events (documents signed, monev held,
    potentials mapped) are counted when dated within ``period`` and not after ``as_of``.
    ``data_commit`` names the commit of the data on the cover
    (see :func:`ksd_cli.gitio.head_commit`). Only the records without errors are counted;
    the others are listed as invalid.
    """
    stalled = find_stalled(sound, config, reference, as_of=as_of)
    loaded = sound.loaded
    agreements = [r.record for r in loaded.records if isinstance(r.record, Agreement)]
    potentials = [r.record for r in loaded.records if isinstance(r.record, Potential)]
    owner = owning_region(config, sound.ids)
    wilayah = reference.wilayah.get(owner) if owner else None
    daerah_nama = config.daerah.nama or (wilayah.nama if wilayah else "(daerah tidak diketahui)")
    counted_until = min(period.end, as_of)
    facts = [_facts(a, as_of, period, counted_until, owner, reference) for a in agreements]
    by_id = {f.record.id: f for f in facts}
    for flag in stalled.flags:
        if flag.id in by_id:
            by_id[flag.id].flags.append(flag)
    followed = find_tindak_lanjut(potentials, agreements)
    flagged_potentials = {f.id for f in stalled.flags if f.code == "potensi_tanpa_tindak_lanjut"}

    frames = _frames(facts, reference)
    konversi = Share(int(frames.kb["diikuti"].sum()), len(frames.kb))
    potensi_share = Share(sum(1 for t in followed if t.ditindaklanjuti), len(followed))
    in_period_potentials = [
        p for p in potentials if period.start.year <= p.tahun <= counted_until.year
    ]
    kegiatan = _kegiatan(facts, in_period_potentials, period, counted_until)
    return Report(
        daerah_kode=owner,
        daerah_nama=daerah_nama,
        period=period,
        as_of=as_of,
        ksd_version=__version__,
        data_commit=data_commit,
        data_changed=data_changed,
        agreements=len(agreements),
        potentials=len(potentials),
        invalid=stalled.invalid,
        ikhtisar=_ikhtisar(facts, frames, konversi, potensi_share, stalled.flags, kegiatan),
        konversi=konversi,
        menurut_jenis=_menurut_jenis(frames.agreements),
        menurut_status=_menurut_status(frames.agreements),
        menurut_tahap=_menurut_tahap(frames.agreements),
        kegiatan=kegiatan,
        konversi_per_tahun=_konversi_per_tahun(frames.kb),
        temuan_per_kode=_temuan_per_kode(stalled.counts()),
        menurut_urusan=_rincian(frames, "urusan", "Urusan", "urusan"),
        menurut_mitra=_rincian(frames, "mitra", "Mitra", "mitra"),
        menurut_perangkat_daerah=_rincian(
            frames, "perangkat_daerah", "Perangkat daerah", "perangkat daerah"
        ),
        temuan=_temuan(stalled.flags),
        akan_berakhir=_akan_berakhir(stalled.flags, by_id),
        tindak_lanjut_potensi=potensi_share,
        potensi_per_urusan=_potensi_per_urusan(followed, in_period_potentials, reference),
        potensi_belum_ditindaklanjuti=_potensi_belum(
            [
                t.potential
                for t in followed
                if not t.ditindaklanjuti and t.potential.id not in sound.named_potentials
            ],
            flagged_potentials,
            reference,
        ),
        rekomendasi=_rekomendasi(frames.monev, facts),
        monev_terakhir=_monev_terakhir(facts),
        tanpa_monev=_tanpa_monev(facts),
        daftar=_daftar(facts, reference),
        stalled=stalled,
    )


# One pass over the records -------------------------------------------------------------------


def _facts(
    record: Agreement,
    as_of: date,
    period: Period,
    counted_until: date,
    owner: str | None,
    reference: ReferenceData,
) -> _AgreementFacts:
    state = lifecycle(record, as_of)
    # An adendum is part of the document it amends (its extension is already in ``sampai``).
    own = [d for d in state.signed if not (d.naskah.jenis == "adendum" and d.induk is not None)]
    starts = [d.mulai for d in own if d.mulai is not None]
    ends = [d.sampai for d in own]
    mulai = min(starts) if starts else None
    sampai = None if not own or any(e is None for e in ends) else max(e for e in ends if e)
    monev = [m for m in record.monev or () if m.tanggal <= as_of]
    latest = max(enumerate(monev), key=lambda im: (im[1].tanggal, im[0]))[1] if monev else None
    in_period = [m for m in monev if period.start <= m.tanggal <= counted_until]
    signed_in_period = [
        d
        for d in state.signed
        if d.naskah.tanggal_ttd is not None
        and period.start <= d.naskah.tanggal_ttd <= counted_until
    ]
    return _AgreementFacts(
        record=record,
        state=state,
        mitra=_mitra(record, owner, reference),
        mulai=mulai,
        sampai=sampai,
        latest_monev=latest,
        monev_in_period=in_period,
        signed_in_period=signed_in_period,
        in_force_in_period=_in_force_during(state, own, period.start, counted_until),
    )


def _in_force_during(
    state: Lifecycle, own: Sequence[DocumentState], start: date, end: date
) -> bool:
    """Whether a signed document was in force on some day from ``start`` to ``end``."""
    if end < start:
        return False
    if state.status in ENDED_STATUSES:
        ended = state.tanggal("berakhir")
        if ended is None or ended < start:
            return False
        end = min(end, ended)
    return any(
        d.mulai is not None and d.mulai <= end and (d.sampai is None or d.sampai >= start)
        for d in own
    )


def _mitra(record: Agreement, owner: str | None, reference: ReferenceData) -> list[tuple[str, str]]:
    """(code, name) of every partner: a region by its code-list name, others by ``nama``."""
    partners = []
    for party in record.pihak:
        if party.tipe == "pemda" and party.kode_wilayah is not None:
            if party.kode_wilayah == owner:
                continue
            wilayah = reference.wilayah.get(party.kode_wilayah)
            name = party.nama or (wilayah.nama if wilayah else party.kode_wilayah)
            partners.append((party.kode_wilayah, name))
        elif party.nama:
            partners.append(("", party.nama))
    return partners


# Data frames --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Frames:
    agreements: pd.DataFrame
    kb: pd.DataFrame
    monev: pd.DataFrame
    urusan: pd.DataFrame
    mitra: pd.DataFrame
    perangkat_daerah: pd.DataFrame


def _frames(facts: Sequence[_AgreementFacts], reference: ReferenceData) -> _Frames:
    agreements = _frame(
        {
            "id": "object",
            "jenis": "object",
            "status": "object",
            "tahap": "object",
            "aktif": "bool",
            "nilai": "int64",
            "naskah_periode": "int64",
            "monev_periode": "int64",
        },
        (
            (
                f.record.id,
                f.record.jenis,
                f.state.status,
                f.state.tahap_terakhir or "",
                f.state.status == "aktif",
                f.nilai or 0,
                len(f.signed_in_period),
                len(f.monev_in_period),
            )
            for f in facts
        ),
    )
    kb = _frame(
        {"id": "object", "tahun": "int64", "diikuti": "bool"},
        (
            (f.record.id, d.naskah.tanggal_ttd.year, bool(f.state.followers(d)))
            for f in facts
            if f.record.jenis != "sinergi"
            for d in f.state.signed
            if is_kb(d.naskah) and d.naskah.tanggal_ttd is not None
        ),
    )
    monev = _frame(
        {"id": "object", "rekomendasi": "object"},
        ((f.record.id, m.rekomendasi or "") for f in facts for m in f.monev_in_period),
    )
    links = {"id": "object", "kode": "object", "nama": "object"}
    urusan = _frame(
        links,
        (
            (f.record.id, code, _urusan_nama(code, reference))
            for f in facts
            for code in dict.fromkeys(f.record.urusan)
        ),
    )
    mitra = _frame(
        links, ((f.record.id, code, name) for f in facts for code, name in dict.fromkeys(f.mitra))
    )
    opd = _frame(
        links,
        (
            (f.record.id, "", name)
            for f in facts
            for name in dict.fromkeys(f.record.perangkat_daerah or [NOT_NAMED])
        ),
    )
    return _Frames(agreements, kb, monev, urusan, mitra, opd)


def _frame(dtypes: dict[str, str], rows: Iterable[tuple[Any, ...]]) -> pd.DataFrame:
    """A frame of ``rows`` with these column types, also when there are no rows."""
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    return pd.DataFrame(list(rows), columns=list(dtypes)).astype(dtypes)


def _urusan_nama(code: str, reference: ReferenceData) -> str:
    urusan = reference.urusan.get(code)
    if urusan is None:
        return code
    return urusan.nama[:1].upper() + urusan.nama[1:]


def _rows(frame: pd.DataFrame) -> tuple[tuple[Cell, ...], ...]:
    """Plain Python values (no numpy scalars) row by row."""
    columns = [frame[c].tolist() for c in frame.columns]
    return tuple(zip(*columns, strict=True)) if columns else ()


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# I. Ringkasan ----------------------------------------------------------------------------------

JUMLAH = Column("Jumlah kerja sama", "bilangan", 12)
AKTIF = Column("Aktif", "bilangan", 9)
NILAI = Column("Nilai pembiayaan", "rupiah", 20)


def _count_by(frame: pd.DataFrame, key: str, order: Iterable[str]) -> pd.DataFrame:
    grouped = frame.groupby(key).agg(
        jumlah=("id", "size"), aktif=("aktif", "sum"), nilai=("nilai", "sum")
    )
    return grouped.reindex(list(order), fill_value=0).astype("int64")


def _menurut_jenis(frame: pd.DataFrame) -> Table:
    counts = _count_by(frame, "jenis", labels.JENIS)
    counts.insert(0, "label", [labels.JENIS[k] for k in counts.index])
    return Table(
        "Kerja sama menurut jenis",
        (Column("Jenis kerja sama", width=44), JUMLAH, AKTIF, NILAI),
        _rows(counts),
    )


def _menurut_status(frame: pd.DataFrame) -> Table:
    counts = _count_by(frame, "status", STATUSES)
    counts.insert(0, "label", [labels.STATUS[k] for k in counts.index])
    return Table(
        "Kerja sama menurut status",
        (Column("Status", width=44), JUMLAH, NILAI),
        _rows(counts[["label", "jumlah", "nilai"]]),
        note="Status per tanggal keadaan: aktif bila ada naskah yang berlaku; kedaluwarsa bila "
        "semua naskah yang ditandatangani telah habis masa berlakunya.",
    )


def _menurut_tahap(frame: pd.DataFrame) -> Table:
    order: list[str] = list(URUTAN_TAHAP)
    if (frame["tahap"] == "").any():
        order.insert(0, "")
    counts = frame.groupby("tahap").size().reindex(order, fill_value=0).astype("int64")
    rows = tuple(
        (labels.TAHAP[key or None], n) for key, n in zip(counts.index, counts.tolist(), strict=True)
    )
    return Table(
        "Kerja sama menurut tahap terakhir",
        (Column("Tahap terakhir", width=44), JUMLAH),
        rows,
    )


def _kegiatan(
    facts: Sequence[_AgreementFacts],
    potentials: Sequence[Potential],
    period: Period,
    counted_until: date,
) -> Table:
    signed: dict[str, int] = dict.fromkeys(labels.NASKAH, 0)
    for f in facts:
        for d in f.signed_in_period:
            signed[d.naskah.jenis] += 1
    ended = sum(
        1
        for f in facts
        if (day := f.state.tanggal("berakhir")) is not None and period.start <= day <= counted_until
    )
    rows: list[tuple[Cell, ...]] = [
        (f"{labels.NASKAH[jenis]} ditandatangani", n) for jenis, n in signed.items()
    ]
    rows += [
        ("Monev dilaksanakan", sum(len(f.monev_in_period) for f in facts)),
        ("Potensi dipetakan (menurut tahun pemetaan)", len(potentials)),
        ("Kerja sama berakhir atau diakhiri", ended),
    ]
    return Table(
        "Kegiatan dalam periode",
        (Column("Kegiatan", width=44), Column("Jumlah", "bilangan", 12)),
        tuple(rows),
    )


def _konversi_per_tahun(kb: pd.DataFrame) -> Table:
    grouped = kb.groupby("tahun").agg(kb=("id", "size"), diikuti=("diikuti", "sum"))
    grouped = grouped.astype("int64").sort_index()
    grouped["belum"] = grouped["kb"] - grouped["diikuti"]
    grouped["rasio"] = grouped["diikuti"] / grouped["kb"]
    rows = tuple(
        (str(year), n, followed, missing, ratio)
        for year, n, followed, missing, ratio in zip(
            grouped.index.tolist(),
            grouped["kb"].tolist(),
            grouped["diikuti"].tolist(),
            grouped["belum"].tolist(),
            grouped["rasio"].tolist(),
            strict=True,
        )
    )
    return Table(
        "Konversi KB menjadi PKS menurut tahun penandatanganan KB",
        (
            Column("Tahun KB", width=12),
            Column("KB ditandatangani", "bilangan", 14),
            Column("Diikuti PKS", "bilangan", 12),
            Column("Belum diikuti PKS", "bilangan", 14),
            Column("Rasio konversi", "persen", 12),
        ),
        rows,
        note="KB: kesepakatan bersama, nota kesepahaman dan nota kesepakatan yang telah "
        "ditandatangani; diikuti PKS bila paling sedikit satu PKS yang ditandatangani "
        "mengikutinya. Kerja sama sinergi tidak dihitung.",
    )


def _temuan_per_kode(counts: dict[str, int]) -> Table:
    return Table(
        "Temuan menurut jenis",
        (
            Column("Temuan", width=32),
            Column("Kode temuan", width=28),
            Column("Kategori", width=11),
            Column("Jumlah", "bilangan", 10),
        ),
        tuple(
            (labels.TEMUAN[code], code, labels.KATEGORI[KATEGORI[code]], counts[code])
            for code in FLAG_CODES
        ),
    )


def _ikhtisar(
    facts: Sequence[_AgreementFacts],
    frames: _Frames,
    konversi: Share,
    potensi: Share,
    flags: Sequence[Flag],
    kegiatan: Table,
) -> tuple[Figure, ...]:
    agreements = frames.agreements
    events = dict(zip(kegiatan.column("Kegiatan"), kegiatan.column("Jumlah"), strict=True))
    signed = sum(
        v for k, v in events.items() if isinstance(v, int) and str(k).endswith("ditandatangani")
    )
    macet = sum(1 for f in flags if f.kategori == "macet")
    return (
        Figure("Jumlah kerja sama", len(facts)),
        Figure("Kerja sama aktif", int(agreements["aktif"].sum())),
        Figure("Naskah ditandatangani dalam periode", signed),
        Figure("Monev dilaksanakan dalam periode", int(frames.monev.shape[0])),
        Figure("Rasio konversi KB menjadi PKS", konversi.ratio, "persen"),
        Figure("Nilai pembiayaan seluruh kerja sama", int(agreements["nilai"].sum()), "rupiah"),
        Figure(
            "Nilai pembiayaan kerja sama aktif",
            int(agreements.loc[agreements["aktif"], "nilai"].sum()),
            "rupiah",
        ),
        Figure("Temuan kerja sama macet", macet),
        Figure("Pengingat naskah akan berakhir", len(flags) - macet),
        Figure("Potensi yang ditindaklanjuti", potensi.ratio, "persen"),
    )


# II. Rincian ----------------------------------------------------------------------------------


def _rincian(frames: _Frames, name: str, title: str, what: str) -> Table:
    links: pd.DataFrame = getattr(frames, name)
    metrics = frames.agreements[["id", "aktif", "nilai", "naskah_periode", "monev_periode"]]
    joined = links.merge(metrics, on="id", how="left")
    grouped = (
        joined.groupby(["kode", "nama"], sort=False)
        .agg(
            jumlah=("id", "size"),
            aktif=("aktif", "sum"),
            naskah=("naskah_periode", "sum"),
            monev=("monev_periode", "sum"),
            nilai=("nilai", "sum"),
        )
        .reset_index()
    )
    grouped[["jumlah", "aktif", "naskah", "monev", "nilai"]] = grouped[
        ["jumlah", "aktif", "naskah", "monev", "nilai"]
    ].astype("int64")
    grouped = grouped.sort_values(["jumlah", "nama", "kode"], ascending=[False, True, True])
    return Table(
        f"Kerja sama menurut {what}",
        (
            Column("Kode", width=9),
            Column(title, width=44),
            JUMLAH,
            AKTIF,
            Column("Naskah ditandatangani dalam periode", "bilangan", 16),
            Column("Monev dalam periode", "bilangan", 12),
            NILAI,
        ),
        _rows(grouped[["kode", "nama", "jumlah", "aktif", "naskah", "monev", "nilai"]]),
        note=_MULTI_NOTE.format(what=what),
    )


# III. Temuan, IV. Akan berakhir ---------------------------------------------------------------


def _temuan(flags: Sequence[Flag]) -> Table:
    return Table(
        "Temuan",
        (
            Column("ID", width=20),
            Column("Kode temuan", width=28),
            Column("Temuan", width=24),
            Column("Kategori", width=11),
            Column("Judul", width=40),
            Column("Tahap", width=20),
            Column("Sejak", "tanggal", 17),
            Column("Hari", "bilangan", 10),
            Column("Batas (hari)", "bilangan", 11),
            Column("Mitra", width=30),
            Column("Perangkat daerah", width=30),
            Column("Keterangan", width=70),
        ),
        tuple(
            (
                f.id,
                f.code,
                labels.TEMUAN[f.code],
                labels.KATEGORI[f.kategori],
                f.judul,
                labels.TAHAP.get(f.stage, f.stage or ""),
                f.since,
                f.days,
                f.threshold,
                "; ".join(f.mitra),
                "; ".join(f.perangkat_daerah),
                f.message,
            )
            for f in flags
        ),
        note="Hari: hari sejak tanggal pada kolom Sejak (untuk pengingat: sisa hari sampai "
        "naskah berakhir). Batas: ambang batas dalam ksd.toml, kebijakan daerah, bukan "
        "ketentuan peraturan.",
    )


def _akan_berakhir(flags: Sequence[Flag], by_id: dict[str, _AgreementFacts]) -> Table:
    rows = []
    for flag in sorted(
        (f for f in flags if f.code == "akan_berakhir"), key=lambda f: (f.days, f.id)
    ):
        facts = by_id[flag.id]
        doc = facts.state.documents[flag.naskah] if flag.naskah is not None else None
        rows.append(
            (
                flag.id,
                flag.judul,
                labels.NASKAH[doc.naskah.jenis] if doc else "",
                doc.nomor if doc else "",
                doc.naskah.tanggal_ttd if doc else None,
                flag.since,
                flag.days,
                flag.threshold,
                "; ".join(flag.mitra),
                "; ".join(flag.perangkat_daerah),
            )
        )
    return Table(
        "Naskah yang akan berakhir",
        (
            Column("ID", width=20),
            Column("Judul", width=40),
            Column("Naskah", width=22),
            Column("Nomor", width=36),
            Column("Tanggal ttd", "tanggal", 17),
            Column("Berlaku sampai", "tanggal", 17),
            Column("Sisa hari", "bilangan", 10),
            Column("Batas (hari)", "bilangan", 11),
            Column("Mitra", width=30),
            Column("Perangkat daerah", width=30),
        ),
        tuple(rows),
        note="Naskah yang berlaku dan berakhir dalam ambang batas akan_berakhir, tanpa naskah "
        "atau adendum yang melanjutkannya.",
    )


# V. Pemetaan potensi ----------------------------------------------------------------------------


def _potensi_per_urusan(
    followed: Sequence[TindakLanjut],
    in_period: Sequence[Potential],
    reference: ReferenceData,
) -> Table:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    mapped = {p.id for p in in_period}
    frame = pd.DataFrame(
        [
            (
                t.potential.urusan,
                t.potential.prioritas,
                t.ditindaklanjuti,
                t.potential.id in mapped,
            )
            for t in followed
        ],
        columns=["urusan", "prioritas", "diikuti", "periode"],
    )
    by_priority = (
        pd.crosstab(frame["urusan"], frame["prioritas"])
        .reindex(columns=list(labels.PRIORITAS), fill_value=0)
        .astype("int64")
    )
    totals = frame.groupby("urusan").agg(
        jumlah=("prioritas", "size"), diikuti=("diikuti", "sum"), periode=("periode", "sum")
    )
    table = by_priority.join(totals.astype("int64")).sort_index()
    rows = tuple(
        (
            code,
            _urusan_nama(code, reference),
            *[int(table.at[code, p]) for p in labels.PRIORITAS],
            int(table.at[code, "jumlah"]),
            int(table.at[code, "diikuti"]),
            _ratio(int(table.at[code, "diikuti"]), int(table.at[code, "jumlah"])),
            int(table.at[code, "periode"]),
        )
        for code in table.index.tolist()
    )
    return Table(
        "Potensi menurut urusan dan prioritas",
        (
            Column("Kode", width=9),
            Column("Urusan", width=40),
            *(
                Column(f"Prioritas {label.lower()}", "bilangan", 11)
                for label in labels.PRIORITAS.values()
            ),
            Column("Jumlah potensi", "bilangan", 11),
            Column("Ditindaklanjuti", "bilangan", 13),
            Column("Persentase ditindaklanjuti", "persen", 14),
            Column("Dipetakan dalam periode", "bilangan", 13),
        ),
        rows,
        note="Ditindaklanjuti: paling sedikit satu kerja sama menyebut potensi ini pada `potensi`.",
    )


def _potensi_belum(
    potentials: Sequence[Potential],
    flagged: set[str],
    reference: ReferenceData,
) -> Table:
    rank = {p: i for i, p in enumerate(labels.PRIORITAS)}
    ordered = sorted(potentials, key=lambda p: (rank[p.prioritas], p.tahun, p.id))
    rows = []
    for p in ordered:
        mitra = []
        for calon in p.calon_mitra or ():
            wilayah = reference.wilayah.get(calon.kode_wilayah) if calon.kode_wilayah else None
            mitra.append(calon.nama or (wilayah.nama if wilayah else calon.kode_wilayah or ""))
        rows.append(
            (
                p.id,
                " ".join(p.potensi.split()),
                _urusan_nama(p.urusan, reference),
                labels.PRIORITAS[p.prioritas],
                p.tahun,
                p.perangkat_daerah,
                "; ".join(mitra),
                "Ya" if p.id in flagged else "Tidak",
            )
        )
    return Table(
        "Potensi yang belum ditindaklanjuti",
        (
            Column("ID", width=20),
            Column("Potensi", width=50),
            Column("Urusan", width=28),
            Column("Prioritas", width=10),
            Column("Tahun", width=8),
            Column("Perangkat daerah", width=30),
            Column("Calon mitra", width=30),
            Column("Melewati batas tindak lanjut", width=14),
        ),
        tuple(rows),
    )


# VI. Monev -------------------------------------------------------------------------------------


def _rekomendasi(monev: pd.DataFrame, facts: Sequence[_AgreementFacts]) -> Table:
    keys = [*(k for k in labels.REKOMENDASI if k), ""]
    in_period = monev.groupby("rekomendasi").size().reindex(keys, fill_value=0).tolist()
    total = sum(in_period)
    latest: dict[str, int] = dict.fromkeys(keys, 0)
    for f in facts:
        if f.latest_monev is not None:
            latest[f.latest_monev.rekomendasi or ""] += 1
    rows = tuple(
        (labels.REKOMENDASI[key or None], n, _ratio(n, total), latest[key])
        for key, n in zip(keys, in_period, strict=True)
    )
    return Table(
        "Rekomendasi monev",
        (
            Column("Rekomendasi", width=20),
            Column("Monev dalam periode", "bilangan", 12),
            Column("Persentase", "persen", 11),
            Column("Rekomendasi terakhir per kerja sama", "bilangan", 16),
        ),
        rows,
        note="Kolom terakhir: rekomendasi monev terakhir setiap kerja sama per tanggal keadaan.",
    )


def _monev_terakhir(facts: Sequence[_AgreementFacts]) -> Table:
    rows = tuple(
        (
            f.record.id,
            f.record.judul,
            labels.JENIS_SINGKAT[f.record.jenis],
            f.latest_monev.tanggal,
            f.latest_monev.periode or "",
            _capaian(f.latest_monev),
            labels.REKOMENDASI[f.latest_monev.rekomendasi],
            len(f.monev_in_period),
        )
        for f in facts
        if f.latest_monev is not None
    )
    return Table(
        "Monev terakhir per kerja sama",
        (
            Column("ID", width=20),
            Column("Judul", width=44),
            Column("Jenis", width=14),
            Column("Tanggal monev terakhir", "tanggal", 17),
            Column("Periode monev", width=12),
            Column("Capaian", "persen", 10),
            Column("Rekomendasi", width=13),
            Column("Monev dalam periode", "bilangan", 11),
        ),
        rows,
    )


def _capaian(monev: Monev | None) -> float | None:
    if monev is None or monev.capaian is None:
        return None
    return monev.capaian / 100


def _tanpa_monev(facts: Sequence[_AgreementFacts]) -> Table:
    rows = tuple(
        (
            f.record.id,
            f.record.judul,
            labels.JENIS_SINGKAT[f.record.jenis],
            labels.TAHAP[f.state.tahap_terakhir],
            labels.STATUS[f.state.status],
            f.mulai,
            f.sampai,
            f.latest_monev.tanggal if f.latest_monev else None,
            "; ".join(f.record.perangkat_daerah or ()),
        )
        for f in facts
        if f.in_force_in_period and not f.monev_in_period
    )
    return Table(
        "Kerja sama berlaku tanpa monev dalam periode",
        (
            Column("ID", width=20),
            Column("Judul", width=44),
            Column("Jenis", width=14),
            Column("Tahap", width=20),
            Column("Status", width=13),
            Column("Berlaku mulai", "tanggal", 17),
            Column("Berlaku sampai", "tanggal", 17),
            Column("Monev terakhir", "tanggal", 17),
            Column("Perangkat daerah", width=30),
        ),
        rows,
        note="Kerja sama dengan naskah yang berlaku pada suatu hari dalam periode, tanpa monev "
        "bertanggal dalam periode.",
    )


# VII. Daftar kerja sama -------------------------------------------------------------------------


def _daftar(facts: Sequence[_AgreementFacts], reference: ReferenceData) -> Table:
    rows = tuple(
        (
            f.record.id,
            f.record.judul,
            labels.JENIS_SINGKAT[f.record.jenis],
            "; ".join(_urusan_nama(c, reference) for c in f.record.urusan),
            "; ".join(name for _, name in f.mitra),
            "; ".join(f.record.perangkat_daerah or ()),
            labels.TAHAP[f.state.tahap_terakhir],
            labels.STATUS[f.state.status],
            f.state.tanggal("penandatanganan_kb"),
            f.state.tanggal("penandatanganan_pks"),
            f.mulai,
            f.sampai,
            f.nilai,
            f.latest_monev.tanggal if f.latest_monev else None,
            _capaian(f.latest_monev),
            labels.REKOMENDASI[f.latest_monev.rekomendasi] if f.latest_monev else "",
            ", ".join(flag.code for flag in f.flags),
        )
        for f in facts
    )
    return Table(
        "Daftar kerja sama",
        (
            Column("ID", width=20),
            Column("Judul", width=44),
            Column("Jenis", width=14),
            Column("Urusan", width=28),
            Column("Mitra", width=30),
            Column("Perangkat daerah", width=30),
            Column("Tahap", width=20),
            Column("Status", width=13),
            Column("Tanggal ttd KB", "tanggal", 17),
            Column("Tanggal ttd PKS", "tanggal", 17),
            Column("Berlaku mulai", "tanggal", 17),
            Column("Berlaku sampai", "tanggal", 17),
            Column("Nilai pembiayaan", "rupiah", 20),
            Column("Monev terakhir", "tanggal", 17),
            Column("Capaian", "persen", 10),
            Column("Rekomendasi", width=13),
            Column("Temuan", width=28),
        ),
        rows,
        note="Tanggal ttd KB/PKS: tanggal tahap penandatanganan KB/PKS pertama kali dicapai "
        "(untuk sinergi, nota kesepakatan berperan sebagai PKS). Berlaku sampai kosong: tanpa "
        "batas akhir atau belum ada naskah yang ditandatangani.",
    )
