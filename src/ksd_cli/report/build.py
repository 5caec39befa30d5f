"""Building the evaluation report: one pass over the records for facts, pandas for the counts."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, get_args

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
from ksd_cli.messages import Lang, message
from ksd_cli.models import (
    Agreement,
    JenisKerjaSama,
    JenisNaskah,
    Monev,
    Potential,
    Prioritas,
    Rekomendasi,
)
from ksd_cli.naming import (
    FLAG_CODES,
    KATEGORI,
    NO_THRESHOLD,
    NOT_APPLICABLE,
    URUTAN_TAHAP,
    flag_title,
    jenis_short,
    jenis_title,
    kategori_title,
    naskah_short,
    naskah_title,
    partner_names,
    party_name,
    prioritas_title,
    record_region,
    rekomendasi_title,
    repository_name,
    repository_region,
    status_title,
    sumber_dana_text,
    tahap_title,
)
from ksd_cli.reference import ReferenceData
from ksd_cli.report.model import Cell, Column, ColumnKind, Figure, Period, Report, Share, Table
from ksd_cli.stalled import Flag, find_stalled

if TYPE_CHECKING:
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    from ksd_cli.validate import SoundRecords


def _t(key: str, lang: Lang, /, **args: object) -> str:
    """The report's catalog entry ``laporan.<key>`` in ``lang``."""
    return message(f"laporan.{key}", lang, **args)


def _column(key: str, lang: Lang, kind: ColumnKind = "teks", width: int = 14) -> Column:
    """A column headed by the catalog entry ``laporan.col.<key>``."""
    return Column(_t(f"col.{key}", lang), kind, width)


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
    #: v1.1: the last end is not known (``berlaku_sampai: tidak_diketahui``).
    sampai_tidak_diketahui: bool = False
    #: Each party's display name by its ``peran``: numbers and sources name parties, not roles.
    nama_pihak: dict[str, str] = field(default_factory=dict)

    def sumber_dana(self, lang: Lang) -> str:
        """The financing sources in words, "; "-separated."""
        pembiayaan = self.record.pembiayaan
        codes = (pembiayaan.sumber or []) if pembiayaan is not None else []
        return sumber_dana_text(codes, self.nama_pihak, lang)

    def sampai_teks(self, lang: Lang) -> Cell:
        """The end for a table: the date, or "masa berlaku tidak diketahui"."""
        if self.sampai_tidak_diketahui:
            return message("tambahan.sampai-tidak-diketahui", lang)
        return self.sampai

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
    lang: Lang = "id",
) -> Report:
    """The evaluation report of the loaded records.

    Stage, status and findings are those on ``as_of``; events (documents signed, monev held,
    potentials mapped) are counted when dated within ``period`` and not after ``as_of``.
    ``data_commit`` names the commit of the data on the cover
    (see :func:`ksd_cli.gitio.head_commit`). Only the records without errors are counted;
    the others are listed as invalid.
    """
    loaded = sound.loaded
    agreements = [r.record for r in loaded.records if isinstance(r.record, Agreement)]
    # Each agreement's lifecycle once, for the findings and for the tables.
    states = [lifecycle(a, as_of) for a in agreements]
    stalled = find_stalled(sound, config, reference, as_of=as_of, lang=lang, states=states)
    potentials = [r.record for r in loaded.records if isinstance(r.record, Potential)]
    owner = repository_region(config, sound.ids)
    daerah_nama = repository_name(config, owner, reference, lang, sound.ids)
    counted_until = min(period.end, as_of)
    # Without one owner (v1.1), each record's owner is the region its id names.
    facts = [
        _facts(state, period, counted_until, owner or record_region(a.id), reference)
        for a, state in zip(agreements, states, strict=True)
    ]
    by_id = {f.record.id: f for f in facts}
    for flag in stalled.flags:
        if flag.id in by_id:
            by_id[flag.id].flags.append(flag)
    followed = find_tindak_lanjut(potentials, agreements)
    flagged_potentials = {f.id for f in stalled.flags if f.code == "potensi_tanpa_tindak_lanjut"}

    def young(f: _AgreementFacts, kb: DocumentState) -> bool:
        """A KB not yet followed whose kb_tanpa_pks time has not run out: not "unconverted"."""
        signed = kb.naskah.tanggal_ttd
        limit = config.stalled.for_jenis(f.record.jenis).kb_tanpa_pks
        return signed is not None and (as_of - signed).days <= limit

    frames = _frames(facts, reference, lang, young)
    konversi = Share(int(frames.kb["diikuti"].sum()), len(frames.kb))
    potensi_share = Share(sum(1 for t in followed if t.ditindaklanjuti), len(followed))
    in_period_potentials = [
        p for p in potentials if period.start.year <= p.tahun <= counted_until.year
    ]
    events = _kegiatan_counts(facts, in_period_potentials, period, counted_until)
    tambahan = _tambahan(facts, stalled.flags, owner, config, reference, period, as_of, lang)
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
        ikhtisar=_ikhtisar(facts, frames, konversi, potensi_share, stalled.flags, events, lang),
        konversi=konversi,
        menurut_jenis=_menurut_jenis(frames.agreements, lang),
        menurut_status=_menurut_status(frames.agreements, lang),
        menurut_tahap=_menurut_tahap(frames.agreements, lang),
        kegiatan=_kegiatan(events, lang),
        konversi_per_tahun=_konversi_per_tahun(frames.kb, lang),
        temuan_per_kode=_temuan_per_kode(stalled.counts(), lang),
        menurut_urusan=_rincian(frames, "urusan", lang),
        menurut_mitra=_rincian(frames, "mitra", lang),
        menurut_perangkat_daerah=_rincian(frames, "perangkat_daerah", lang),
        temuan=_temuan(stalled.flags, lang),
        akan_berakhir=_akan_berakhir(stalled.flags, by_id, lang),
        tindak_lanjut_potensi=potensi_share,
        potensi_per_urusan=_potensi_per_urusan(followed, in_period_potentials, reference, lang),
        potensi_belum_ditindaklanjuti=_potensi_belum(
            [
                t.potential
                for t in followed
                if not t.ditindaklanjuti and t.potential.id not in sound.named_potentials
            ],
            flagged_potentials,
            reference,
            lang,
        ),
        rekomendasi=_rekomendasi(frames.monev, facts, lang),
        monev_terakhir=_monev_terakhir(facts, lang),
        tanpa_monev=_tanpa_monev(facts, lang),
        daftar=_daftar(facts, reference, lang),
        stalled=stalled,
        lang=lang,
        menurut_kategori_mitra=tambahan["menurut_kategori_mitra"],
        pembiayaan=tambahan["pembiayaan"],
        penilaian_monev=tambahan["penilaian_monev"],
        penilaian_per_kriteria=tambahan["penilaian_per_kriteria"],
        usulan=tambahan["usulan"],
        berbatasan=tambahan["berbatasan"],
        kelembagaan=tambahan["kelembagaan"],
    )


def _tambahan(
    facts: Sequence[_AgreementFacts],
    flags: Sequence[Flag],
    owner: str | None,
    config: Config,
    reference: ReferenceData,
    period: Period,
    as_of: date,
    lang: Lang,
) -> dict[str, Table]:
    """The issue 13 tables: partner categories, costs and revenue, ratings, proposals, TKKSD."""
    from ksd_cli.report import evaluasi

    fakta = [evaluasi.Fakta(f.state, f.nilai, f.latest_monev, f.nama_pihak) for f in facts]
    return {
        "menurut_kategori_mitra": evaluasi.menurut_kategori_mitra(fakta, owner, lang),
        "pembiayaan": evaluasi.pembiayaan(fakta, lang),
        "penilaian_monev": evaluasi.penilaian_monev(fakta, lang),
        "penilaian_per_kriteria": evaluasi.penilaian_per_kriteria(fakta, lang),
        "usulan": evaluasi.usulan(fakta, flags, lang, period, min(period.end, as_of)),
        "berbatasan": evaluasi.berbatasan(fakta, config, reference, lang),
        "kelembagaan": evaluasi.kelembagaan(config, period, lang),
    }


# One pass over the records -------------------------------------------------------------------


def _facts(
    state: Lifecycle,
    period: Period,
    counted_until: date,
    owner: str | None,
    reference: ReferenceData,
) -> _AgreementFacts:
    record, as_of = state.record, state.as_of
    # An adendum is part of the document it amends (its extension is already in ``sampai``).
    own = [d for d in state.signed if not (d.naskah.jenis == "adendum" and d.induk is not None)]
    starts = [d.mulai for d in own if d.mulai is not None]
    ends = [d.sampai for d in own]
    mulai = min(starts) if starts else None
    # v1.1: an end the source does not give is "tidak diketahui", never open, never past.
    unknown = any(d.sampai_tidak_diketahui for d in own)
    open_ended = any(d.sampai is None and not d.sampai_tidak_diketahui for d in own)
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
        mitra=list(partner_names(record, owner, reference)),
        mulai=mulai,
        sampai=sampai,
        latest_monev=latest,
        monev_in_period=in_period,
        signed_in_period=signed_in_period,
        in_force_in_period=_in_force_during(state, own, period.start, counted_until),
        sampai_tidak_diketahui=unknown and not open_ended,
        nama_pihak={p.peran: party_name(p, reference) for p in record.pihak},
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


# Data frames --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Frames:
    agreements: pd.DataFrame
    kb: pd.DataFrame
    monev: pd.DataFrame
    urusan: pd.DataFrame
    mitra: pd.DataFrame
    perangkat_daerah: pd.DataFrame


def _frames(
    facts: Sequence[_AgreementFacts],
    reference: ReferenceData,
    lang: Lang,
    young: Callable[[_AgreementFacts, DocumentState], bool],
) -> _Frames:
    agreements = _frame(
        {
            "id": "object",
            "jenis": "object",
            "status": "object",
            "tahap": "object",
            "aktif": "bool",
            "nilai": "int64",
            "nilai_aktif": "int64",
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
                (f.nilai or 0) if f.state.status == "aktif" and not _awaiting_dprd(f.record) else 0,
                len(f.signed_in_period),
                len(f.monev_in_period),
            )
            for f in facts
        ),
    )
    kb = _frame(
        {"id": "object", "tahun": "int64", "diikuti": "bool", "muda": "bool"},
        (
            (
                f.record.id,
                d.naskah.tanggal_ttd.year,
                followed := bool(f.state.followers(d)),
                not followed and young(f, d),
            )
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
            for name in dict.fromkeys(f.record.perangkat_daerah or [_t("not-named", lang)])
        ),
    )
    return _Frames(agreements, kb, monev, urusan, mitra, opd)


def _frame(dtypes: dict[str, str], rows: Iterable[tuple[Any, ...]]) -> pd.DataFrame:
    """A frame of ``rows`` with these column types, also when there are no rows."""
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    return pd.DataFrame(list(rows), columns=list(dtypes)).astype(dtypes)


def _urusan_nama(code: str, reference: ReferenceData) -> str:
    urusan = reference.cari_urusan(code)
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


def _jumlah(lang: Lang) -> Column:
    return _column("jumlah-kerja-sama", lang, "bilangan", 12)


def _aktif(lang: Lang) -> Column:
    return _column("aktif", lang, "bilangan", 9)


def _nilai(lang: Lang) -> Column:
    return _column("nilai", lang, "rupiah", 20)


def _count_by(frame: pd.DataFrame, key: str, order: Iterable[str]) -> pd.DataFrame:
    grouped = frame.groupby(key).agg(
        jumlah=("id", "size"), aktif=("aktif", "sum"), nilai=("nilai", "sum")
    )
    return grouped.reindex(list(order), fill_value=0).astype("int64")


def _menurut_jenis(frame: pd.DataFrame, lang: Lang) -> Table:
    counts = _count_by(frame, "jenis", get_args(JenisKerjaSama))
    counts.insert(0, "label", [jenis_title(k, lang) for k in counts.index])
    return Table(
        _t("table.menurut_jenis", lang),
        (_column("jenis-kerja-sama", lang, width=44), _jumlah(lang), _aktif(lang), _nilai(lang)),
        _rows(counts),
    )


def _menurut_status(frame: pd.DataFrame, lang: Lang) -> Table:
    counts = _count_by(frame, "status", STATUSES)
    counts.insert(0, "label", [status_title(k, lang) for k in counts.index])
    return Table(
        _t("table.menurut_status", lang),
        (_column("status", lang, width=44), _jumlah(lang), _nilai(lang)),
        _rows(counts[["label", "jumlah", "nilai"]]),
        note=f"{_t('note.status', lang)} {_t('note.status-dprd', lang)}",
    )


def _menurut_tahap(frame: pd.DataFrame, lang: Lang) -> Table:
    order: list[str] = list(URUTAN_TAHAP)
    if (frame["tahap"] == "").any():
        order.insert(0, "")
    counts = frame.groupby("tahap").size().reindex(order, fill_value=0).astype("int64")
    rows = tuple(
        (tahap_title(key or None, lang), n)
        for key, n in zip(counts.index, counts.tolist(), strict=True)
    )
    return Table(
        _t("table.menurut_tahap", lang),
        (_column("tahap-terakhir", lang, width=44), _jumlah(lang)),
        rows,
    )


def _kegiatan_counts(
    facts: Sequence[_AgreementFacts],
    potentials: Sequence[Potential],
    period: Period,
    counted_until: date,
) -> dict[str, int]:
    """Events of the period by id: signed ``naskah.<jenis>``, ``monev``, ``potensi``, ``berakhir``.

    Keyed by id, not by label, so the summary finds its figures in any language.
    """
    counts: dict[str, int] = {f"naskah.{jenis}": 0 for jenis in get_args(JenisNaskah)}
    for f in facts:
        for d in f.signed_in_period:
            counts[f"naskah.{d.naskah.jenis}"] += 1
    counts["monev"] = sum(len(f.monev_in_period) for f in facts)
    counts["potensi"] = len(potentials)
    counts["berakhir"] = sum(
        1
        for f in facts
        if (day := f.state.tanggal("berakhir")) is not None and period.start <= day <= counted_until
    )
    return counts


def _kegiatan(counts: dict[str, int], lang: Lang) -> Table:
    rows = tuple(
        (
            message("naskah.signed", lang, naskah=naskah_title(key[len("naskah.") :], lang))
            if key.startswith("naskah.")
            else _t(f"kegiatan.{key}", lang),
            n,
        )
        for key, n in counts.items()
    )
    return Table(
        _t("table.kegiatan", lang),
        (_column("kegiatan", lang, width=44), _column("jumlah", lang, "bilangan", 12)),
        rows,
    )


def _awaiting_dprd(record: Agreement) -> bool:
    """Whether the cooperation needs a DPRD approval it does not have (yet)."""
    dprd = record.persetujuan_dprd
    return dprd is not None and dprd.diperlukan and dprd.hasil != "disetujui"


def _konversi_per_tahun(kb: pd.DataFrame, lang: Lang) -> Table:
    grouped = kb.groupby("tahun").agg(
        kb=("id", "size"), diikuti=("diikuti", "sum"), muda=("muda", "sum")
    )
    grouped = grouped.astype("int64").sort_index()
    # Only KBs older than the kb_tanpa_pks threshold count as "not converted"; the young
    # ones still have time and are shown apart, outside the rate.
    grouped["belum"] = grouped["kb"] - grouped["diikuti"] - grouped["muda"]
    rows = tuple(
        (
            str(year),
            n,
            followed,
            missing,
            waiting,
            followed / (n - waiting) if n > waiting else None,
        )
        for year, n, followed, missing, waiting in zip(
            grouped.index.tolist(),
            grouped["kb"].tolist(),
            grouped["diikuti"].tolist(),
            grouped["belum"].tolist(),
            grouped["muda"].tolist(),
            strict=True,
        )
    )
    return Table(
        _t("table.konversi_per_tahun", lang),
        (
            _column("tahun-kb", lang, width=12),
            _column("kb-ditandatangani", lang, "bilangan", 14),
            _column("diikuti-pks", lang, "bilangan", 12),
            _column("belum-diikuti-pks", lang, "bilangan", 14),
            _column("kb-muda", lang, "bilangan", 16),
            _column("rasio-konversi", lang, "persen", 12),
        ),
        rows,
        note=_t("note.konversi", lang),
    )


def _temuan_per_kode(counts: dict[str, int], lang: Lang) -> Table:
    return Table(
        _t("table.temuan_per_kode", lang),
        (
            _column("temuan", lang, width=32),
            _column("kode-temuan", lang, width=28),
            _column("kategori", lang, width=11),
            _column("jumlah", lang, "bilangan", 10),
        ),
        tuple(
            (flag_title(code, lang), code, kategori_title(KATEGORI[code], lang), counts[code])
            for code in FLAG_CODES
        ),
    )


def _ikhtisar(
    facts: Sequence[_AgreementFacts],
    frames: _Frames,
    konversi: Share,
    potensi: Share,
    flags: Sequence[Flag],
    events: dict[str, int],
    lang: Lang,
) -> tuple[Figure, ...]:
    agreements = frames.agreements
    signed = sum(n for key, n in events.items() if key.startswith("naskah."))
    macet = sum(1 for f in flags if f.kategori == "macet")
    return (
        Figure(_t("fig.jumlah", lang), len(facts)),
        Figure(_t("fig.aktif", lang), int(agreements["aktif"].sum())),
        Figure(_t("fig.naskah", lang), signed),
        Figure(_t("fig.monev", lang), int(frames.monev.shape[0])),
        Figure(_t("fig.konversi", lang), konversi.ratio, "persen"),
        Figure(_t("fig.nilai", lang), int(agreements["nilai"].sum()), "rupiah"),
        Figure(
            _t("fig.nilai-aktif", lang),
            int(agreements["nilai_aktif"].sum()),
            "rupiah",
        ),
        Figure(_t("fig.macet", lang), macet),
        Figure(_t("fig.pengingat", lang), len(flags) - macet),
        Figure(_t("fig.potensi", lang), potensi.ratio, "persen"),
    )


# II. Rincian ----------------------------------------------------------------------------------


def _rincian(frames: _Frames, name: str, lang: Lang) -> Table:
    what = _t(f"what.{name}", lang)
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
        _t("table.rincian", lang, what=what),
        (
            _column("kode", lang, width=9),
            _column(name.replace("_", "-"), lang, width=44),
            _jumlah(lang),
            _aktif(lang),
            _column("naskah-periode", lang, "bilangan", 16),
            _column("monev-periode", lang, "bilangan", 12),
            _nilai(lang),
        ),
        _rows(grouped[["kode", "nama", "jumlah", "aktif", "naskah", "monev", "nilai"]]),
        note=_t("note.multi", lang, what=what),
    )


# III. Temuan, IV. Akan berakhir ---------------------------------------------------------------


def _temuan(flags: Sequence[Flag], lang: Lang) -> Table:
    return Table(
        _t("table.temuan", lang),
        (
            _column("id", lang, width=20),
            _column("temuan", lang, width=24),
            _column("kode-temuan", lang, width=28),
            _column("kategori", lang, width=11),
            _column("judul", lang, width=40),
            _column("tahap", lang, width=20),
            _column("sejak", lang, "tanggal", 17),
            _column("hari", lang, "bilangan", 10),
            _column("batas-hari", lang, "bilangan", 11),
            _column("mitra", lang, width=30),
            _column("perangkat-daerah", lang, width=30),
            _column("keterangan", lang, width=70),
        ),
        tuple(
            (
                f.id,
                flag_title(f.code, lang),
                f.code,
                kategori_title(f.kategori, lang),
                f.judul,
                tahap_title(f.stage, lang) if f.stage else "",
                f.since,
                f.days,
                f.threshold if f.code not in NO_THRESHOLD else NOT_APPLICABLE,
                "; ".join(f.mitra),
                "; ".join(f.perangkat_daerah),
                f.message,
            )
            for f in flags
        ),
        note=_t("note.temuan", lang),
    )


def _akan_berakhir(flags: Sequence[Flag], by_id: dict[str, _AgreementFacts], lang: Lang) -> Table:
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
                naskah_title(doc.naskah.jenis, lang) if doc else "",
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
        _t("table.akan_berakhir", lang),
        (
            _column("id", lang, width=20),
            _column("judul", lang, width=40),
            _column("naskah", lang, width=22),
            _column("nomor", lang, width=36),
            _column("tanggal-ttd", lang, "tanggal", 17),
            _column("berlaku-sampai", lang, "tanggal", 17),
            _column("sisa-hari", lang, "bilangan", 10),
            _column("batas-hari", lang, "bilangan", 11),
            _column("mitra", lang, width=30),
            _column("perangkat-daerah", lang, width=30),
        ),
        tuple(rows),
        note=_t("note.akan_berakhir", lang),
    )


# V. Pemetaan potensi ----------------------------------------------------------------------------


def _potensi_per_urusan(
    followed: Sequence[TindakLanjut],
    in_period: Sequence[Potential],
    reference: ReferenceData,
    lang: Lang,
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
        .reindex(columns=list(get_args(Prioritas)), fill_value=0)
        .astype("int64")
    )
    totals = frame.groupby("urusan").agg(
        jumlah=("prioritas", "size"), diikuti=("diikuti", "sum"), periode=("periode", "sum")
    )
    table = by_priority.join(totals.astype("int64")).sort_index()
    counts = table.to_dict("index")  # {urusan: {column: count}}, in the table's order
    rows = tuple(
        (
            str(code),
            _urusan_nama(str(code), reference),
            *[int(n[p]) for p in get_args(Prioritas)],
            int(n["jumlah"]),
            int(n["diikuti"]),
            _ratio(int(n["diikuti"]), int(n["jumlah"])),
            int(n["periode"]),
        )
        for code, n in counts.items()
    )
    return Table(
        _t("table.potensi_per_urusan", lang),
        (
            _column("kode", lang, width=9),
            _column("urusan", lang, width=40),
            *(_column(f"prioritas.{p}", lang, "bilangan", 11) for p in get_args(Prioritas)),
            _column("jumlah-potensi", lang, "bilangan", 11),
            _column("ditindaklanjuti", lang, "bilangan", 13),
            _column("persen-ditindaklanjuti", lang, "persen", 14),
            _column("dipetakan-periode", lang, "bilangan", 13),
        ),
        rows,
        note=_t("note.potensi_per_urusan", lang),
    )


def _potensi_belum(
    potentials: Sequence[Potential],
    flagged: set[str],
    reference: ReferenceData,
    lang: Lang,
) -> Table:
    rank = {p: i for i, p in enumerate(get_args(Prioritas))}
    ordered = sorted(potentials, key=lambda p: (rank[p.prioritas], p.tahun, p.id))
    rows = []
    for p in ordered:
        mitra = [party_name(calon, reference) for calon in p.calon_mitra or ()]
        rows.append(
            (
                p.id,
                " ".join(p.potensi.split()),
                _urusan_nama(p.urusan, reference),
                prioritas_title(p.prioritas, lang),
                p.tahun,
                p.perangkat_daerah,
                "; ".join(mitra),
                _t("yes" if p.id in flagged else "no", lang),
            )
        )
    return Table(
        _t("table.potensi_belum", lang),
        (
            _column("id", lang, width=20),
            _column("potensi", lang, width=50),
            _column("urusan", lang, width=28),
            _column("prioritas-only", lang, width=10),
            _column("tahun", lang, width=8),
            _column("perangkat-daerah", lang, width=30),
            _column("calon-mitra", lang, width=30),
            _column("lewat-batas", lang, width=14),
        ),
        tuple(rows),
    )


# VI. Monev -------------------------------------------------------------------------------------


def _rekomendasi(monev: pd.DataFrame, facts: Sequence[_AgreementFacts], lang: Lang) -> Table:
    keys = [*get_args(Rekomendasi), ""]
    in_period = monev.groupby("rekomendasi").size().reindex(keys, fill_value=0).tolist()
    total = sum(in_period)
    latest: dict[str, int] = dict.fromkeys(keys, 0)
    for f in facts:
        if f.latest_monev is not None:
            latest[f.latest_monev.rekomendasi or ""] += 1
    rows = tuple(
        (rekomendasi_title(key or None, lang), n, _ratio(n, total), latest[key])
        for key, n in zip(keys, in_period, strict=True)
    )
    return Table(
        _t("table.rekomendasi", lang),
        (
            _column("rekomendasi", lang, width=20),
            _column("monev-periode", lang, "bilangan", 12),
            _column("persentase", lang, "persen", 11),
            _column("rekomendasi-terakhir", lang, "bilangan", 16),
        ),
        rows,
        note=_t("note.rekomendasi", lang),
    )


def _monev_terakhir(facts: Sequence[_AgreementFacts], lang: Lang) -> Table:
    rows = tuple(
        (
            f.record.id,
            f.record.judul,
            jenis_short(f.record.jenis, lang),
            f.latest_monev.tanggal,
            f.latest_monev.periode or "",
            _capaian(f.latest_monev),
            rekomendasi_title(f.latest_monev.rekomendasi, lang),
            len(f.monev_in_period),
        )
        for f in facts
        if f.latest_monev is not None
    )
    return Table(
        _t("table.monev_terakhir", lang),
        (
            _column("id", lang, width=20),
            _column("judul", lang, width=44),
            _column("jenis", lang, width=14),
            _column("tanggal-monev-terakhir", lang, "tanggal", 17),
            _column("periode-monev", lang, width=12),
            _column("capaian", lang, "persen", 10),
            _column("rekomendasi", lang, width=13),
            _column("monev-periode", lang, "bilangan", 11),
        ),
        rows,
    )


def _capaian(monev: Monev | None) -> float | None:
    if monev is None or monev.capaian is None:
        return None
    return monev.capaian / 100


def _tanpa_monev(facts: Sequence[_AgreementFacts], lang: Lang) -> Table:
    rows = tuple(
        (
            f.record.id,
            f.record.judul,
            jenis_short(f.record.jenis, lang),
            tahap_title(f.state.tahap_terakhir, lang),
            status_title(f.state.status, lang),
            f.mulai,
            f.sampai_teks(lang),
            f.latest_monev.tanggal if f.latest_monev else None,
            "; ".join(f.record.perangkat_daerah or ()),
        )
        for f in facts
        if f.in_force_in_period and not f.monev_in_period
    )
    return Table(
        _t("table.tanpa_monev", lang),
        (
            _column("id", lang, width=20),
            _column("judul", lang, width=44),
            _column("jenis", lang, width=14),
            _column("tahap", lang, width=20),
            _column("status", lang, width=13),
            _column("berlaku-mulai", lang, "tanggal", 17),
            _column("berlaku-sampai", lang, "tanggal", 17),
            _column("monev-terakhir", lang, "tanggal", 17),
            _column("perangkat-daerah", lang, width=30),
        ),
        rows,
        note=_t("note.tanpa_monev", lang),
    )


# VII. Daftar kerja sama -------------------------------------------------------------------------


def _daftar(facts: Sequence[_AgreementFacts], reference: ReferenceData, lang: Lang) -> Table:
    rows = tuple(
        (
            f.record.id,
            f.record.judul,
            jenis_short(f.record.jenis, lang),
            "; ".join(_urusan_nama(c, reference) for c in f.record.urusan),
            "; ".join(name for _, name in f.mitra),
            "; ".join(f.record.perangkat_daerah or ()),
            tahap_title(f.state.tahap_terakhir, lang),
            status_title(f.state.status, lang),
            f.state.tanggal("penandatanganan_kb"),
            f.state.tanggal("penandatanganan_pks"),
            f.mulai,
            f.sampai_teks(lang),
            f.nilai,
            f.latest_monev.tanggal if f.latest_monev else None,
            _capaian(f.latest_monev),
            rekomendasi_title(f.latest_monev.rekomendasi, lang) if f.latest_monev else "",
            "; ".join(flag_title(flag.code, lang) for flag in f.flags),
            _nomor_naskah(f, lang),
            _dprd(f.record, lang),
            f.sumber_dana(lang),
            _perencanaan(f.record, lang),
            (f.latest_monev.realisasi or "") if f.latest_monev else "",
            (f.latest_monev.kendala or "") if f.latest_monev else "",
        )
        for f in facts
    )
    return Table(
        _t("table.daftar", lang),
        (
            _column("id", lang, width=20),
            _column("judul", lang, width=44),
            _column("jenis", lang, width=14),
            _column("urusan", lang, width=28),
            _column("mitra", lang, width=30),
            _column("perangkat-daerah", lang, width=30),
            _column("tahap", lang, width=20),
            _column("status", lang, width=13),
            _column("ttd-kb", lang, "tanggal", 17),
            _column("ttd-pks", lang, "tanggal", 17),
            _column("berlaku-mulai", lang, "tanggal", 17),
            _column("berlaku-sampai", lang, "tanggal", 17),
            _column("nilai", lang, "rupiah", 20),
            _column("monev-terakhir", lang, "tanggal", 17),
            _column("capaian", lang, "persen", 10),
            _column("rekomendasi", lang, width=13),
            _column("temuan", lang, width=28),
            _column("nomor-naskah", lang, width=44),
            _column("dprd", lang, width=22),
            _column("sumber-dana", lang, width=24),
            _column("perencanaan", lang, width=30),
            _column("realisasi", lang, width=40),
            _column("kendala", lang, width=40),
        ),
        rows,
        note=_t("note.daftar", lang),
    )


def _nomor_naskah(facts: _AgreementFacts, lang: Lang) -> str:
    """The numbers of each signed document, by party: "KB: Kabupaten Kutai Timur 180/015; ..."."""
    parts = []
    for document in facts.state.signed:
        if document.naskah.nomor:
            numbers = ", ".join(
                f"{facts.nama_pihak.get(peran, peran)} {nomor}"
                for peran, nomor in document.naskah.nomor.items()
            )
            parts.append(f"{naskah_short(document.naskah.jenis, lang)}: {numbers}")
    return "; ".join(parts)


def _dprd(record: Agreement, lang: Lang) -> str:
    """Whether DPRD approval is needed and where it stands."""
    dprd = record.persetujuan_dprd
    if dprd is None:
        return ""
    if not dprd.diperlukan:
        return _t("dprd.tidak-perlu", lang)
    if dprd.hasil:
        return _t(f"dprd.{dprd.hasil}", lang)
    if dprd.tanggal_permohonan:
        return _t("dprd.menunggu", lang)
    return _t("dprd.belum-diajukan", lang)


def _perencanaan(record: Agreement, lang: Lang) -> str:
    """RPJMD, RKPD year, programme and DPA, as far as the record says."""
    plan = record.integrasi_perencanaan
    if plan is None:
        return ""
    parts = []
    if plan.rpjmd:
        parts.append(f"RPJMD {plan.rpjmd}")
    if plan.rkpd_tahun:
        parts.append(f"RKPD {plan.rkpd_tahun}")
    if plan.program:
        parts.append(plan.program)
    if plan.dpa:
        parts.append(_t("dpa", lang))
    return "; ".join(parts)
