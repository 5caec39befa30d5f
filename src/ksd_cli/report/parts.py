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

import operator
from collections.abc import Callable, Hashable
from datetime import date
from statistics import fmean
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from ksd_cli.config import Config
from ksd_cli.documents import is_kb
from ksd_cli.lifecycle import (
    ENDED_STATUSES,
    LOI,
    DocumentState,
    Lifecycle,
    deciding_documents,
    lifecycle,
)
from ksd_cli.messages import Lang, message
from ksd_cli.models import Agreement, CalonMitra, Monev, Peristiwa, Pihak, Potential
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
from ksd_cli.stalled import (
    Assessment,
    Named,
    assess_record,
    named_partners,
    owner_of,
    thresholds_for,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ksd_cli.loading import LoadedRecord, Record
    from ksd_cli.repository import SourceFile

#: The events that open a proposal: a request registered, an offer letter sent or received.
OPENING = frozenset({"permohonan", "penawaran_dikirim", "penawaran_diterima"})
#: The event that closes one unsigned.
DITOLAK = frozenset({"ditolak"})
#: Where :attr:`AgreementPart.daftar` leaves the cells the whole fills in: the partners
#: (named for the repository's owner) and the findings (in the order of the sorted flags).
DAFTAR_MITRA = 4
DAFTAR_TEMUAN = 16

Row = tuple[Cell, ...]


class AgreementPart(NamedTuple):
    """What the report takes from one agreement (see the module's docstring).

    ``tahap`` is ``None`` before any stage; ``naskah_periode`` the kind of every document
    signed within the period, ``monev_periode`` the recommendation ("" for none) of every
    monev held within it; ``kb`` (year signed, followed up, still young) for each signed
    KB-kind document; ``rekomendasi_terakhir`` the latest monev's recommendation ("" for none;
    ``None`` without a monev). The rows are those of the tables listing agreements, ``None``
    where the agreement is not listed; ``daftar`` has ``""`` at :data:`DAFTAR_MITRA` and
    :data:`DAFTAR_TEMUAN`. ``dokumen`` gives the documents that ``akan_berakhir`` flags name
    (position: kind, numbers, date signed), ``pihak`` every party's (tipe, region, category).

    A named tuple, not a frozen dataclass: one is made, pickled in a worker and unpickled in
    the parent for every agreement of the repository, and a tuple is built and rebuilt in a
    fraction of the time (a frozen dataclass sets each of its 25 fields through
    ``object.__setattr__``, in ``__init__`` and again when unpickled).
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


class PotentialPart(NamedTuple):
    """What the report takes from one mapped potential (a named tuple, as :class:`AgreementPart`).

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


class _Parties(NamedTuple):
    """What an agreement's parties give its part, worked out once per set of parties.

    ``nama``: each party's name by role; ``each``: every party's (tipe, region, category);
    ``named``: ``stalled.named_partners`` by owning region; ``sumber_dana``: the sources of
    funds worded with these names, by their codes (filled as met).
    """

    nama: dict[str, str]
    each: tuple[tuple[str, str | None, str | None], ...]
    named: dict[str | None, Named]
    sumber_dana: dict[tuple[str, ...], str]


class _Words:
    """The texts that recur from record to record, worded once in a process and held once.

    Titles, the names of parties and urusan, sources of funds: each record would otherwise
    word (and hold) its own copy. One copy for all is quicker to make, makes a part smaller
    where every part is held (the parent of a national report holds 100,000), and is pickled
    once in each batch of parts a worker sends back. Equal texts only: nothing else depends
    on it. One per reference data and language (see :func:`_words`).
    """

    __slots__ = ("_held", "lang", "reference")

    def __init__(self, reference: ReferenceData, lang: Lang) -> None:
        self.reference = reference
        self.lang = lang
        self._held: dict[tuple[object, ...], object] = {}

    def title(self, key: str) -> str:
        """The catalog entry ``key`` (without arguments)."""
        found = self._held.get(("title", key))
        if found is None:
            found = self._held["title", key] = message(key, self.lang)
        return found  # type: ignore[return-value]

    def named(self, name: Callable[[Any, Lang], str], value: object) -> str:
        """``name(value, lang)``: a title from :mod:`ksd_cli.naming` (``tahap_title``...)."""
        found = self._held.get((name, value))
        if found is None:
            found = self._held[name, value] = name(value, self.lang)
        return found  # type: ignore[return-value]

    def party(self, party: Pihak | CalonMitra) -> str:
        """:func:`~ksd_cli.naming.party_name` of ``party``."""
        key = ("party", party.tipe, party.kode_wilayah, party.nama)
        found = self._held.get(key)
        if found is None:
            found = self._held[key] = party_name(party, self.reference)
        return found  # type: ignore[return-value]

    def urusan(self, codes: tuple[str, ...]) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The urusan of ``codes`` "; "-joined as listed, and each once as (code, name)."""
        key = ("urusan", *codes)
        found = self._held.get(key)
        if found is None:
            names = {code: urusan_nama(code, self.reference) for code in codes}
            each = tuple(self.shared(pair) for pair in names.items())
            found = self._held[key] = ("; ".join(names[c] for c in codes), each)
        return found  # type: ignore[return-value]

    def perangkat_daerah(self, names: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
        """The organisations "; "-joined, and each once (one "not named" for none)."""
        key = ("perangkat_daerah", *names)
        found = self._held.get(key)
        if found is None:
            each = tuple(dict.fromkeys(names or (message("laporan.not-named", self.lang),)))
            found = self._held[key] = ("; ".join(names), each)
        return found  # type: ignore[return-value]

    def shared(self, value: _Shared) -> _Shared:
        """The first value equal to ``value`` met, held in its place."""
        return self._held.setdefault(("shared", value), value)  # type: ignore[return-value]

    def parties(self, pihak: Sequence[Pihak]) -> _Parties:
        """The :class:`_Parties` of an agreement's ``pihak`` (one key for all it holds)."""
        key = ("parties", *map(_PARTY_KEY, pihak))
        found = self._held.get(key)
        if found is None:
            each = self.shared(
                tuple([self.shared((p.tipe, p.kode_wilayah, p.kategori)) for p in pihak])
            )
            found = self._held[key] = _Parties(
                {p.peran: self.party(p) for p in pihak}, each, {}, {}
            )
        return found  # type: ignore[return-value]

    def sumber_dana(self, codes: tuple[str, ...], parties: _Parties) -> str:
        """:func:`~ksd_cli.naming.sumber_dana_text` of ``codes``, parties named by ``parties``."""
        if not codes:
            return ""
        found = parties.sumber_dana.get(codes)
        if found is None:
            found = parties.sumber_dana[codes] = sumber_dana_text(codes, parties.nama, self.lang)
        return found


#: What tells one party from another for :meth:`_Words.parties` (read in C, not in a loop).
_PARTY_KEY = operator.attrgetter("peran", "tipe", "kode_wilayah", "nama", "kategori")
#: A value :meth:`_Words.shared` holds once: a text, or a tuple of small values.
_Shared = TypeVar("_Shared", bound=Hashable)
#: The most texts a :class:`_Words` holds before it starts again (a process that reports on
#: many repositories, ``ksd consolidate``, would otherwise keep every distinct text it met).
_HELD_AT_MOST = 100_000
#: The latest :class:`_Words`, at most a few (one per reference data and language in use).
_WORDS: list[_Words] = []


def _words(reference: ReferenceData, lang: Lang) -> _Words:
    """The :class:`_Words` of ``reference`` and ``lang`` in this process."""
    for words in _WORDS:
        if words.reference is reference and words.lang == lang:
            if len(words._held) > _HELD_AT_MOST:
                words._held.clear()  # sharing lost, nothing else: a long run holds no more
            return words
    words = _Words(reference, lang)
    _WORDS[:] = [words, *_WORDS[:3]]
    return words


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
        return _potential_part(assessment, record, _words(reference, lang))
    if state is None or state.record is not record or state.as_of != as_of:
        state = lifecycle(record, as_of)
    words = _words(reference, lang)
    parties = words.parties(record.pihak)
    owner = owner_of(config, record)
    partners = parties.named.get(owner)
    if partners is None:
        partners = parties.named[owner] = named_partners(record, owner, reference)
    assessment = assess_record(
        source,
        record,
        config=config,
        as_of=as_of,
        lang=lang,
        reference=reference,
        state=state,
        partners=partners,
    )
    return _agreement_part(assessment, state, config, period, words, parties)


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
    words: _Words,
    parties: _Parties,
) -> AgreementPart:
    record, as_of = state.record, state.as_of
    start = period.start
    counted_until = min(period.end, as_of)
    signed = state.signed
    # Every document signed in the period is an event of it, a letter of intent too.
    signed_in_period = [
        d.naskah.jenis
        for d in signed
        if d.naskah.tanggal_ttd is not None and start <= d.naskah.tanggal_ttd <= counted_until
    ]
    # The validity is that of the documents the status follows (``lifecycle``): no adendum of
    # its own (its extension is already in ``sampai``), no letter of intent once a KB or PKS
    # is signed. The earliest start and the latest end: the first of equals, as ``min`` and
    # ``max`` give it (a month-only date equals the first of its month).
    own = deciding_documents(signed)
    mulai: date | None = None
    sampai: date | None = None
    # v1.1: an end the source does not give is "tidak diketahui", never open, never past.
    unknown = open_ended = without_end = False
    for d in own:
        if d.mulai is not None and (mulai is None or d.mulai < mulai):
            mulai = d.mulai
        if d.sampai_tidak_diketahui:
            unknown = True
        if d.sampai is None:
            without_end = True
            open_ended = open_ended or not d.sampai_tidak_diketahui
        elif sampai is None or d.sampai > sampai:
            sampai = d.sampai
    if without_end:
        sampai = None
    sampai_teks: Cell = (
        words.title("tambahan.sampai-tidak-diketahui") if unknown and not open_ended else sampai
    )
    # The latest monev held by ``as_of`` (the last of those on its day), and those of the period.
    latest: Monev | None = None
    in_period: list[Monev] = []
    for m in record.monev or ():
        held = m.tanggal
        if held <= as_of:
            if latest is None or held >= latest.tanggal:
                latest = m
            if start <= held <= counted_until:
                in_period.append(m)
    nama_pihak = parties.nama
    pembiayaan = record.pembiayaan
    nilai = pembiayaan.nilai if pembiayaan is not None else None
    sumber_dana = words.sumber_dana(
        tuple(pembiayaan.sumber or ()) if pembiayaan is not None else (), parties
    )
    reached = dict(state.tanggal_tahap)
    berakhir = reached.get("berakhir")
    kb = words.shared(_kb(state, config, record)) if record.jenis != "sinergi" else ()
    terakhir = latest.tanggal if latest else None
    rekomendasi = words.named(rekomendasi_title, latest.rekomendasi) if latest else ""
    tahap = words.named(tahap_title, state.tahap_terakhir)
    status = words.named(status_title, state.status)
    jenis = words.named(jenis_short, record.jenis)
    urusan_teks, urusan = words.urusan(tuple(record.urusan))
    perangkat_daerah, perangkat_daerah_each = words.perangkat_daerah(
        tuple(record.perangkat_daerah or ())
    )
    capaian = _capaian(latest)
    daftar: Row = (
        record.id,
        record.judul,
        jenis,
        urusan_teks,
        "",
        perangkat_daerah,
        tahap,
        status,
        reached.get("penandatanganan_kb"),
        reached.get("penandatanganan_pks"),
        mulai,
        sampai_teks,
        nilai,
        terakhir,
        capaian,
        rekomendasi,
        "",
        _nomor_naskah(signed, nama_pihak, words),
        _dprd(record, words),
        sumber_dana,
        words.shared(_perencanaan(record, words)),
        (latest.realisasi or "") if latest else "",
        (latest.kendala or "") if latest else "",
    )
    monev_terakhir: Row | None = None
    if latest is not None:
        monev_terakhir = (
            record.id,
            record.judul,
            jenis,
            latest.tanggal,
            latest.periode or "",
            capaian,
            rekomendasi,
            len(in_period),
        )
    tanpa_monev: Row | None = None
    if not in_period and _in_force_during(state, own, period.start, counted_until):
        tanpa_monev = (
            record.id,
            record.judul,
            jenis,
            tahap,
            status,
            mulai,
            sampai_teks,
            terakhir,
            perangkat_daerah,
        )
    dokumen: tuple[tuple[int, str, str, date | None], ...] = ()
    expiring = (
        {f.naskah for f in assessment.flags if f.code == "akan_berakhir"} - {None}
        if assessment.flags
        else None
    )
    if expiring:
        dokumen = tuple(
            (d.position, words.named(naskah_title, d.naskah.jenis), d.nomor, d.naskah.tanggal_ttd)
            for d in state.documents
            if d.position in expiring
        )
    aktif = state.status == "aktif"
    peristiwa = record.peristiwa or ()
    return AgreementPart(
        assessment,
        record.id,
        record.jenis,
        state.status,
        state.tahap_terakhir,
        nilai,
        (nilai or 0) if aktif and not _awaiting_dprd(record) else 0,
        words.shared(tuple(signed_in_period)) if signed_in_period else (),
        words.shared(tuple([m.rekomendasi or "" for m in in_period])) if in_period else (),
        berakhir is not None and period.start <= berakhir <= counted_until,
        kb,
        urusan,
        perangkat_daerah_each,
        (latest.rekomendasi or "") if latest else None,
        daftar,
        monev_terakhir,
        tanpa_monev,
        dokumen,
        parties.each,
        _pembiayaan(record, status, sumber_dana, words),
        _penilaian(record, latest, words),
        tuple(latest.penilaian.items()) if latest and latest.penilaian else (),
        bool(peristiwa) and _within(peristiwa, OPENING, period, counted_until),
        bool(peristiwa) and _within(peristiwa, DITOLAK, period, counted_until),
    )


def _kb(state: Lifecycle, config: Config, record: Agreement) -> tuple[tuple[int, bool, bool], ...]:
    """(year signed, followed up, still young) of each signed KB-kind document.

    Young: not followed yet, and its ``kb_tanpa_pks`` time has not run out (not
    "unconverted").
    """
    found = []
    limit: int | None = None
    for d in state.signed:
        signed = d.naskah.tanggal_ttd
        if not is_kb(d.naskah) or signed is None:
            continue
        followed = bool(state.followers(d))
        young = False
        if not followed:
            if limit is None:
                limit = thresholds_for(config, record.jenis).kb_tanpa_pks
            young = (state.as_of - signed).days <= limit
        found.append((signed.year, followed, young))
    return tuple(found)


def _potential_part(assessment: Assessment, potential: Potential, words: _Words) -> PotentialPart:
    mitra = [words.party(calon) for calon in potential.calon_mitra or ()]
    return PotentialPart(
        assessment,
        potential.id,
        potential.tahun,
        potential.urusan,
        potential.prioritas,
        (
            potential.id,
            " ".join(potential.potensi.split()),
            words.urusan((potential.urusan,))[0],
            words.named(prioritas_title, potential.prioritas),
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
    """Whether a binding document of ``own`` was in force on some day from ``start`` to ``end``.

    ``own``: :func:`~ksd_cli.lifecycle.deciding_documents`. A letter of intent binds no one
    (the cooperation is never "aktif" by it): there is nothing to evaluate.
    """
    if end < start:
        return False
    if state.status in ENDED_STATUSES:
        ended = state.tanggal("berakhir")
        if ended is None or ended < start:
            return False
        end = min(end, ended)
    return any(
        d.mulai is not None
        and d.mulai <= end
        and (d.sampai is None or d.sampai >= start)
        and d.naskah.jenis != LOI
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


def _nomor_naskah(
    signed: tuple[DocumentState, ...], nama_pihak: dict[str, str], words: _Words
) -> str:
    """The numbers of each signed document, by party: "KB: Kabupaten Kutai Timur 180/015; ..."."""
    parts = []
    for document in signed:
        if document.naskah.nomor:
            numbers = ", ".join(
                f"{nama_pihak.get(peran, peran)} {nomor}"
                for peran, nomor in document.naskah.nomor.items()
            )
            parts.append(f"{words.named(naskah_short, document.naskah.jenis)}: {numbers}")
    return "; ".join(parts)


def _dprd(record: Agreement, words: _Words) -> str:
    """Whether DPRD approval is needed and where it stands."""
    dprd = record.persetujuan_dprd
    if dprd is None:
        return ""
    if not dprd.diperlukan:
        return words.title("laporan.dprd.tidak-perlu")
    if dprd.hasil:
        return words.title(f"laporan.dprd.{dprd.hasil}")
    if dprd.tanggal_permohonan:
        return words.title("laporan.dprd.menunggu")
    return words.title("laporan.dprd.belum-diajukan")


def _perencanaan(record: Agreement, words: _Words) -> str:
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
        parts.append(words.title("laporan.dpa"))
    return "; ".join(parts)


def _pembiayaan(record: Agreement, status: str, sumber_dana: str, words: _Words) -> Row | None:
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
        "; ".join(dict.fromkeys(words.title(f"evaluasi.pendapatan.{p.jenis}") for p in revenue)),
    )


def _penilaian(record: Agreement, latest: Monev | None, words: _Words) -> Row | None:
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
        "; ".join(words.title(f"evaluasi.kriteria.{k}") for k, v in scores.items() if v == lowest),
        "; ".join(words.title(f"evaluasi.penilai.{p}") for p in latest.penilai or ()),
    )


def _within(
    events: Iterable[Peristiwa], kinds: frozenset[str], period: Period, until: date
) -> bool:
    """Whether an event of one of these kinds is dated within the period (up to ``until``)."""
    return any(p.jenis in kinds and period.start <= p.tanggal <= until for p in events)
