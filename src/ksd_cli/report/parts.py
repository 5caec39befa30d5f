"""What each record gives the report, worked out where the record is loaded.

:func:`report_part` runs in the worker that parses a record file (``validate.load_assessed``)
or, for records already loaded, in the process that holds them: it reduces one record to
the cells and counts the report's tables take from it, and to ``ksd stalled``'s
:class:`~ksd_cli.stalled.Assessment`. Only that small value crosses between processes; the
tables are built from the parts alone (:mod:`ksd_cli.report.build`). What needs every record
(the owning region, who follows a potential up, which flags a record has in the sorted whole)
is left to the whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import fmean
from typing import TYPE_CHECKING

from ksd_cli.config import Config
from ksd_cli.documents import is_kb
from ksd_cli.lifecycle import ENDED_STATUSES, DocumentState, Lifecycle, lifecycle
from ksd_cli.messages import Lang, message
from ksd_cli.models import Agreement, Monev, Potential
from ksd_cli.naming import (
    jenis_short,
    naskah_short,
    naskah_title,
    party_name,
    prioritas_title,
    rekomendasi_title,
    status_title,
    sumber_dana_text,
    tahap_title,
)
from ksd_cli.reference import ReferenceData, load_reference
from ksd_cli.report.model import Cell, Period
from ksd_cli.stalled import Assessment, assess_record

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ksd_cli.loading import LoadedRecord, Record
    from ksd_cli.repository import SourceFile

#: The events that open a proposal: a request registered, an offer letter sent or received.
OPENING = frozenset({"permohonan", "penawaran_dikirim", "penawaran_diterima"})
#: Where :attr:`AgreementPart.daftar` leaves the cells the whole fills in: the partners
#: (named for the repository's owner) and the findings (in the order of the sorted flags).
DAFTAR_MITRA = 4
DAFTAR_TEMUAN = 16

Row = tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class AgreementPart:
    """What the report takes from one agreement (see the module's docstring).

    ``tahap`` is ``None`` before any stage; ``naskah_periode`` the kind of every document
    signed within the period, ``monev_periode`` the recommendation ("" for none) of every
    monev held within it; ``kb`` (year signed, followed up, still young) for each signed
    KB-kind document; ``rekomendasi_terakhir`` the latest monev's recommendation ("" for none;
    ``None`` without a monev). The rows are those of the tables listing agreements, ``None``
    where the agreement is not listed; ``daftar`` has ``""`` at :data:`DAFTAR_MITRA` and
    :data:`DAFTAR_TEMUAN`. ``dokumen`` gives the documents that ``akan_berakhir`` flags name
    (position: kind, numbers, date signed), ``pihak`` every party's (tipe, region, category).
    """

    stalled: Assessment
    id: str
    jenis: str
    status: str
    tahap: str | None
    nilai: int | None
    nilai_aktif: int
    naskah_periode: tuple[str, ...]
    monev_periode: tuple[str, ...]
    berakhir_periode: bool
    kb: tuple[tuple[int, bool, bool], ...]
    urusan: tuple[tuple[str, str], ...]
    perangkat_daerah: tuple[str, ...]
    rekomendasi_terakhir: str | None
    daftar: Row
    monev_terakhir: Row | None
    tanpa_monev: Row | None
    dokumen: tuple[tuple[int, str, str, date | None], ...]
    pihak: tuple[tuple[str, str | None, str | None], ...]
    pembiayaan: Row | None
    penilaian: Row | None
    kriteria: tuple[tuple[str, int], ...]
    usulan_masuk: bool
    usulan_ditolak: bool

    @property
    def potential(self) -> bool:
        """An agreement, not a potential."""
        return False


@dataclass(frozen=True, slots=True)
class PotentialPart:
    """What the report takes from one mapped potential.

    ``belum`` is its row in the list of potentials not followed up, without the last cell
    (whether it is past its time, which the flags of the whole tell).
    """

    stalled: Assessment
    id: str
    tahun: int
    urusan: str
    prioritas: str
    belum: Row

    @property
    def potential(self) -> bool:
        """A potential."""
        return True


ReportPart = AgreementPart | PotentialPart


def report_part(
    source: SourceFile,
    record: Record,
    *,
    config: Config,
    as_of: date,
    period: Period,
    lang: Lang,
    reference: ReferenceData | None = None,
    state: Lifecycle | None = None,
) -> ReportPart:
    """What one record without errors gives the report of ``period`` as of ``as_of``.

    ``reference`` is loaded here when not given (in a worker); ``state``: the agreement's
    lifecycle on ``as_of`` when the caller derived it already.
    """
    if reference is None:
        reference = load_reference()
    if isinstance(record, Potential):
        assessment = assess_record(
            source, record, config=config, as_of=as_of, lang=lang, reference=reference
        )
        return _potential_part(assessment, record, reference, lang)
    if state is None or state.record is not record or state.as_of != as_of:
        state = lifecycle(record, as_of)
    assessment = assess_record(
        source, record, config=config, as_of=as_of, lang=lang, reference=reference, state=state
    )
    return _agreement_part(assessment, state, config, period, reference, lang)


def parts_of(
    records: Iterable[LoadedRecord],
    *,
    config: Config,
    as_of: date,
    period: Period,
    lang: Lang,
    reference: ReferenceData,
) -> list[ReportPart]:
    """:func:`report_part` of each record already held, in this process, in their order."""
    return [
        report_part(
            r.source,
            r.record,
            config=config,
            as_of=as_of,
            period=period,
            lang=lang,
            reference=reference,
        )
        for r in records
    ]


def _agreement_part(
    assessment: Assessment,
    state: Lifecycle,
    config: Config,
    period: Period,
    reference: ReferenceData,
    lang: Lang,
) -> AgreementPart:
    record, as_of = state.record, state.as_of
    counted_until = min(period.end, as_of)
    # An adendum is part of the document it amends (its extension is already in ``sampai``).
    own = [d for d in state.signed if not (d.naskah.jenis == "adendum" and d.induk is not None)]
    starts = [d.mulai for d in own if d.mulai is not None]
    ends = [d.sampai for d in own]
    mulai = min(starts) if starts else None
    # v1.1: an end the source does not give is "tidak diketahui", never open, never past.
    unknown = any(d.sampai_tidak_diketahui for d in own)
    open_ended = any(d.sampai is None and not d.sampai_tidak_diketahui for d in own)
    sampai = None if not own or any(e is None for e in ends) else max(e for e in ends if e)
    sampai_teks: Cell = (
        message("tambahan.sampai-tidak-diketahui", lang) if unknown and not open_ended else sampai
    )
    monev = [m for m in record.monev or () if m.tanggal <= as_of]
    latest = max(enumerate(monev), key=lambda im: (im[1].tanggal, im[0]))[1] if monev else None
    in_period = [m for m in monev if period.start <= m.tanggal <= counted_until]
    signed_in_period = [
        d
        for d in state.signed
        if d.naskah.tanggal_ttd is not None
        and period.start <= d.naskah.tanggal_ttd <= counted_until
    ]
    nama_pihak = {p.peran: party_name(p, reference) for p in record.pihak}
    pembiayaan = record.pembiayaan
    nilai = pembiayaan.nilai if pembiayaan is not None else None
    sumber_dana = sumber_dana_text(
        (pembiayaan.sumber or []) if pembiayaan is not None else [], nama_pihak, lang
    )
    berakhir = state.tanggal("berakhir")
    kb_limit = config.stalled.for_jenis(record.jenis).kb_tanpa_pks

    def young(kb: DocumentState) -> bool:
        """A KB not yet followed whose kb_tanpa_pks time has not run out: not "unconverted"."""
        signed = kb.naskah.tanggal_ttd
        return signed is not None and (as_of - signed).days <= kb_limit

    kb = tuple(
        (d.naskah.tanggal_ttd.year, followed := bool(state.followers(d)), not followed and young(d))
        for d in (state.signed if record.jenis != "sinergi" else ())
        if is_kb(d.naskah) and d.naskah.tanggal_ttd is not None
    )
    terakhir = latest.tanggal if latest else None
    rekomendasi = rekomendasi_title(latest.rekomendasi, lang) if latest else ""
    tahap = tahap_title(state.tahap_terakhir, lang)
    status = status_title(state.status, lang)
    perangkat_daerah = "; ".join(record.perangkat_daerah or ())
    daftar: Row = (
        record.id,
        record.judul,
        jenis_short(record.jenis, lang),
        "; ".join(urusan_nama(c, reference) for c in record.urusan),
        "",
        perangkat_daerah,
        tahap,
        status,
        state.tanggal("penandatanganan_kb"),
        state.tanggal("penandatanganan_pks"),
        mulai,
        sampai_teks,
        nilai,
        terakhir,
        _capaian(latest),
        rekomendasi,
        "",
        _nomor_naskah(state, nama_pihak, lang),
        _dprd(record, lang),
        sumber_dana,
        _perencanaan(record, lang),
        (latest.realisasi or "") if latest else "",
        (latest.kendala or "") if latest else "",
    )
    monev_terakhir: Row | None = None
    if latest is not None:
        monev_terakhir = (
            record.id,
            record.judul,
            jenis_short(record.jenis, lang),
            latest.tanggal,
            latest.periode or "",
            _capaian(latest),
            rekomendasi,
            len(in_period),
        )
    tanpa_monev: Row | None = None
    if _in_force_during(state, own, period.start, counted_until) and not in_period:
        tanpa_monev = (
            record.id,
            record.judul,
            jenis_short(record.jenis, lang),
            tahap,
            status,
            mulai,
            sampai_teks,
            terakhir,
            perangkat_daerah,
        )
    expiring = {f.naskah for f in assessment.flags if f.code == "akan_berakhir"} - {None}
    dokumen = tuple(
        (d.position, naskah_title(d.naskah.jenis, lang), d.nomor, d.naskah.tanggal_ttd)
        for d in state.documents
        if d.position in expiring
    )
    aktif = state.status == "aktif"
    return AgreementPart(
        stalled=assessment,
        id=record.id,
        jenis=record.jenis,
        status=state.status,
        tahap=state.tahap_terakhir,
        nilai=nilai,
        nilai_aktif=(nilai or 0) if aktif and not _awaiting_dprd(record) else 0,
        naskah_periode=tuple(d.naskah.jenis for d in signed_in_period),
        monev_periode=tuple(m.rekomendasi or "" for m in in_period),
        berakhir_periode=berakhir is not None and period.start <= berakhir <= counted_until,
        kb=kb,
        urusan=tuple((c, urusan_nama(c, reference)) for c in dict.fromkeys(record.urusan)),
        perangkat_daerah=tuple(
            dict.fromkeys(record.perangkat_daerah or [message("laporan.not-named", lang)])
        ),
        rekomendasi_terakhir=(latest.rekomendasi or "") if latest else None,
        daftar=daftar,
        monev_terakhir=monev_terakhir,
        tanpa_monev=tanpa_monev,
        dokumen=dokumen,
        pihak=tuple((p.tipe, p.kode_wilayah, p.kategori) for p in record.pihak),
        pembiayaan=_pembiayaan(record, status, sumber_dana, lang),
        penilaian=_penilaian(record, latest, lang),
        kriteria=tuple(latest.penilaian.items()) if latest and latest.penilaian else (),
        usulan_masuk=_within(record, OPENING, period, counted_until),
        usulan_ditolak=_within(record, frozenset({"ditolak"}), period, counted_until),
    )


def _potential_part(
    assessment: Assessment, potential: Potential, reference: ReferenceData, lang: Lang
) -> PotentialPart:
    mitra = [party_name(calon, reference) for calon in potential.calon_mitra or ()]
    return PotentialPart(
        stalled=assessment,
        id=potential.id,
        tahun=potential.tahun,
        urusan=potential.urusan,
        prioritas=potential.prioritas,
        belum=(
            potential.id,
            " ".join(potential.potensi.split()),
            urusan_nama(potential.urusan, reference),
            prioritas_title(potential.prioritas, lang),
            potential.tahun,
            potential.perangkat_daerah,
            "; ".join(mitra),
        ),
    )


def urusan_nama(code: str, reference: ReferenceData) -> str:
    """An urusan's name, capitalised; the code itself when the code list does not know it."""
    urusan = reference.cari_urusan(code)
    if urusan is None:
        return code
    return urusan.nama[:1].upper() + urusan.nama[1:]


def _in_force_during(state: Lifecycle, own: list[DocumentState], start: date, end: date) -> bool:
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


def _capaian(monev: Monev | None) -> float | None:
    if monev is None or monev.capaian is None:
        return None
    return monev.capaian / 100


def _awaiting_dprd(record: Agreement) -> bool:
    """Whether the cooperation needs a DPRD approval it does not have (yet)."""
    dprd = record.persetujuan_dprd
    return dprd is not None and dprd.diperlukan and dprd.hasil != "disetujui"


def _nomor_naskah(state: Lifecycle, nama_pihak: dict[str, str], lang: Lang) -> str:
    """The numbers of each signed document, by party: "KB: Kabupaten Kutai Timur 180/015; ..."."""
    parts = []
    for document in state.signed:
        if document.naskah.nomor:
            numbers = ", ".join(
                f"{nama_pihak.get(peran, peran)} {nomor}"
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
        return message("laporan.dprd.tidak-perlu", lang)
    if dprd.hasil:
        return message(f"laporan.dprd.{dprd.hasil}", lang)
    if dprd.tanggal_permohonan:
        return message("laporan.dprd.menunggu", lang)
    return message("laporan.dprd.belum-diajukan", lang)


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
        parts.append(message("laporan.dpa", lang))
    return "; ".join(parts)


def _pembiayaan(record: Agreement, status: str, sumber_dana: str, lang: Lang) -> Row | None:
    """The row of the table of costs and revenue, when there is a cost or a revenue."""
    financing = record.pembiayaan
    if financing is None:
        return None
    revenue = financing.pendapatan or []
    if financing.nilai is None and not revenue:
        return None
    amounts = [p.nilai for p in revenue if p.nilai is not None]
    return (
        record.id,
        record.judul,
        status,
        sumber_dana,
        financing.nilai,
        sum(amounts) if amounts else None,
        "; ".join(dict.fromkeys(message(f"evaluasi.pendapatan.{p.jenis}", lang) for p in revenue)),
    )


def _penilaian(record: Agreement, latest: Monev | None, lang: Lang) -> Row | None:
    """The latest monev's ratings: the mean (not yet worded), the weakest criteria, who rated."""
    if latest is None or not latest.penilaian:
        return None
    scores = latest.penilaian
    lowest = min(scores.values())
    return (
        record.id,
        record.judul,
        latest.tanggal,
        len(scores),
        round(fmean(scores.values()), 2),
        "; ".join(
            message(f"evaluasi.kriteria.{k}", lang) for k, v in scores.items() if v == lowest
        ),
        "; ".join(message(f"evaluasi.penilai.{p}", lang) for p in latest.penilai or ()),
    )


def _within(record: Agreement, kinds: frozenset[str], period: Period, until: date) -> bool:
    """Whether an event of one of these kinds is dated within the period (up to ``until``)."""
    return any(
        p.jenis in kinds and period.start <= p.tanggal <= until for p in record.peristiwa or ()
    )
