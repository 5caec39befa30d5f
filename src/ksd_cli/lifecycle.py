"""The lifecycle of a cooperation as of a date: stage reached, status, documents in force.

Everything here is derived, never stored, and a pure function of the record and the as-of date.
What happened after the as-of date has not happened yet: later events and signatures are
ignored, so ``--as-of`` in the past shows the cooperation as it stood then.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ksd_cli.documents import induk_index, is_kb, is_operational
from ksd_cli.models import (
    PERISTIWA_PENAWARAN,
    URUTAN_TAHAP,
    Agreement,
    NamaTahap,
    Naskah,
    Potential,
)

Status = Literal[
    "draf",
    "aktif",
    "belum_berlaku",
    "kedaluwarsa",
    "berakhir",
    "dibatalkan",
    "diakhiri",
    "ditolak",
    "pernyataan_kehendak",
]
STATUSES: tuple[Status, ...] = (
    "draf",
    "aktif",
    "belum_berlaku",
    "kedaluwarsa",
    "berakhir",
    "dibatalkan",
    "diakhiri",
    "ditolak",
    "pernyataan_kehendak",
)
#: The letter of intent (``surat_pernyataan_kehendak``): a statement of will, not an agreement.
LOI = "surat_pernyataan_kehendak"
ENDED_STATUSES = frozenset({"berakhir", "dibatalkan", "diakhiri", "ditolak"})

#: Sets a frozen value's fields from its own ``__init__``.
_set = object.__setattr__


@dataclass(frozen=True, init=False)
class DocumentState:
    """One naskah as of the date: signed or not, its validity, and what it relates to."""

    position: int
    naskah: Naskah
    signed: bool
    mulai: date | None
    sampai: date | None
    induk: int | None
    in_force: bool
    started: bool
    ended: bool
    #: v1.1: the source does not say until when (``berlaku_sampai: tidak_diketahui``): never
    #: ended, never "no end"; outputs say "masa berlaku tidak diketahui".
    sampai_tidak_diketahui: bool = False

    def __init__(
        self,
        position: int,
        naskah: Naskah,
        signed: bool,
        mulai: date | None,
        sampai: date | None,
        induk: int | None,
        in_force: bool,
        started: bool,
        ended: bool,
        sampai_tidak_diketahui: bool = False,
    ) -> None:
        # The fields set at once: the generated frozen ``__init__`` sets them one call each,
        # and ``ksd stalled`` makes one for every document of a national register.
        _set(
            self,
            "__dict__",
            {
                "position": position,
                "naskah": naskah,
                "signed": signed,
                "mulai": mulai,
                "sampai": sampai,
                "induk": induk,
                "in_force": in_force,
                "started": started,
                "ended": ended,
                "sampai_tidak_diketahui": sampai_tidak_diketahui,
            },
        )

    @property
    def nomor(self) -> str:
        """The numbers per party, "pihak_kesatu: 180/015; pihak_kedua: 100/12"."""
        return "; ".join(f"{k}: {v}" for k, v in (self.naskah.nomor or {}).items())


@dataclass(frozen=True, init=False)
class Lifecycle:
    """Where one cooperation stands on ``as_of``."""

    record: Agreement
    as_of: date
    tahap_terakhir: NamaTahap | None
    tanggal_tahap: tuple[tuple[NamaTahap, date], ...]
    status: Status
    documents: tuple[DocumentState, ...]

    #: The signed documents in force on the as-of date.
    in_force: tuple[DocumentState, ...] = field(init=False, repr=False, compare=False)
    #: The documents signed on or before the as-of date.
    signed: tuple[DocumentState, ...] = field(init=False, repr=False, compare=False)
    _operational: tuple[DocumentState, ...] = field(init=False, repr=False, compare=False)

    def __init__(
        self,
        record: Agreement,
        as_of: date,
        tahap_terakhir: NamaTahap | None,
        tanggal_tahap: tuple[tuple[NamaTahap, date], ...],
        status: Status,
        documents: tuple[DocumentState, ...],
    ) -> None:
        # The derived fields are made once, when made: the flags of ``ksd stalled`` and the
        # report's tables ask again and again (a ``cached_property`` takes a lock at each
        # first look on 3.11). All set at once, as :class:`DocumentState`'s.
        # One pass sorts the documents (a document in force is signed).
        signed: list[DocumentState] = []
        in_force: list[DocumentState] = []
        operational: list[DocumentState] = []
        for d in documents:
            if d.signed:
                signed.append(d)
                if d.in_force:
                    in_force.append(d)
                if is_operational(d.naskah, record):
                    operational.append(d)
        _set(
            self,
            "__dict__",
            {
                "record": record,
                "as_of": as_of,
                "tahap_terakhir": tahap_terakhir,
                "tanggal_tahap": tanggal_tahap,
                "status": status,
                "documents": documents,
                "in_force": tuple(in_force),
                "signed": tuple(signed),
                "_operational": tuple(operational),
            },
        )

    def tanggal(self, tahap: NamaTahap) -> date | None:
        """The date a stage was first reached, if it was."""
        return dict(self.tanggal_tahap).get(tahap)

    def operational(self) -> tuple[DocumentState, ...]:
        """Signed operational documents (PKS; for sinergi the nota kesepakatan)."""
        return self._operational

    def followers(self, kb: DocumentState) -> tuple[DocumentState, ...]:
        """Signed PKS that follow the KB-kind document ``kb``."""
        return tuple(
            d
            for d in self.signed
            if d.naskah.jenis == "perjanjian_kerja_sama" and d.induk == kb.position
        )

    def continued(self, document: DocumentState) -> bool:
        """Whether a later signed document of the same family carries ``document`` on.

        A later KB-kind document continues a KB, a later PKS continues a PKS; its end must be
        later than ``document``'s, or open. (Extension by adendum is already in ``sampai``.)
        """
        family = _family(document.naskah, self.record)
        for other in self.signed:
            if other.position == document.position or other.naskah.jenis == "adendum":
                continue
            if _family(other.naskah, self.record) != family:
                continue
            later = (other.naskah.tanggal_ttd, other.position) > (
                document.naskah.tanggal_ttd,
                document.position,
            )
            if later and (
                other.sampai is None
                or (document.sampai is not None and other.sampai > document.sampai)
            ):
                return True
        return False


def _family(naskah: Naskah, record: Agreement) -> str:
    if is_operational(naskah, record):
        return "pks"
    if is_kb(naskah):
        return "kb"
    return naskah.jenis


def lifecycle(record: Agreement, as_of: date) -> Lifecycle:
    """Derive stage, stage dates, status and document states of ``record`` on ``as_of``."""
    documents = _documents(record, as_of)
    # Every dated step that reaches a stage, in the order the record gives them; the earliest
    # date on or before ``as_of`` is the stage's (a plain loop: ``ksd stalled`` derives this
    # for every record of a national register).
    steps: list[tuple[NamaTahap, date]] = [(e.tahap, e.tanggal) for e in record.tahapan or ()]
    for peristiwa in record.peristiwa or ():
        # An offer letter, sent or received, is the penawaran stage; other events are no stage.
        if peristiwa.jenis in PERISTIWA_PENAWARAN:
            steps.append(("penawaran", peristiwa.tanggal))
    for doc in documents:
        ttd = doc.naskah.tanggal_ttd
        if doc.signed and ttd is not None:
            if is_operational(doc.naskah, record):
                steps.append(("penandatanganan_pks", ttd))
            elif is_kb(doc.naskah):
                steps.append(("penandatanganan_kb", ttd))
    steps.extend(("monev", m.tanggal) for m in record.monev or ())
    reached: dict[NamaTahap, date] = {}
    for tahap, when in steps:
        if when <= as_of:
            known = reached.get(tahap)
            if known is None or when < known:
                reached[tahap] = when
    ordered = tuple((t, reached[t]) for t in URUTAN_TAHAP if t in reached)
    tahap_terakhir = ordered[-1][0] if ordered else None
    return Lifecycle(
        record,
        as_of,
        tahap_terakhir,
        ordered,
        _status(record, documents, reached, as_of),
        documents,
    )


#: The kinds of document that follow (or amend) an earlier one without naming it.
_FOLLOWING = frozenset({"perjanjian_kerja_sama", "adendum"})


def _documents(record: Agreement, as_of: date) -> tuple[DocumentState, ...]:
    naskah_list = record.naskah or []
    signed: list[bool] = []
    induk: list[int | None] = []
    # A signed adendum with a berlaku_sampai extends the document it amends (the latest such
    # adendum wins, as it is the last word of the parties).
    extended: dict[int, tuple[date, date]] = {}
    for i, naskah in enumerate(naskah_list):
        ttd = naskah.tanggal_ttd
        is_signed = ttd is not None and ttd <= as_of
        signed.append(is_signed)
        # Only a document with an ``induk`` of its own, a PKS or an adendum follows another.
        jenis = naskah.jenis
        target = induk_index(record, i) if naskah.induk is not None or jenis in _FOLLOWING else None
        induk.append(target)
        if jenis == "adendum" and is_signed and target is not None and naskah.sampai:
            assert ttd is not None
            if target not in extended or ttd >= extended[target][0]:
                extended[target] = (ttd, naskah.sampai)
    states = []
    for i, naskah in enumerate(naskah_list):
        mulai = naskah.mulai
        own_end = i not in extended
        sampai = naskah.sampai if own_end else extended[i][1]
        started = signed[i] and mulai is not None and mulai <= as_of
        ended = signed[i] and sampai is not None and sampai < as_of
        # Positional: ``ksd stalled`` makes one for every document of a national register.
        states.append(
            DocumentState(
                i,
                naskah,
                signed[i],
                mulai,
                sampai,
                induk[i],
                started and not ended,
                started,
                ended,
                own_end and naskah.sampai_tidak_diketahui,
            )
        )
    return tuple(states)


def deciding_documents(documents: Iterable[DocumentState]) -> list[DocumentState]:
    """The signed documents whose validity is the cooperation's: its status, start and end.

    An adendum is part of the document it amends (its extension is in that one's ``sampai``),
    not a document of its own. A letter of intent binds no one to anything: once a KB or PKS
    is signed, those decide alone; until then, the letters of intent (all of them, or none).
    """
    # One pass: the report asks this of every agreement of a national register.
    binding: list[DocumentState] = []
    letters: list[DocumentState] = []
    for d in documents:
        if d.signed:
            jenis = d.naskah.jenis
            if jenis == LOI:
                letters.append(d)
            elif jenis != "adendum" or d.induk is None:
                binding.append(d)
    return binding or letters


def _status(
    record: Agreement,
    documents: Sequence[DocumentState],
    reached: dict[NamaTahap, date],
    as_of: date,
) -> Status:
    if record.status is not None:
        return record.status
    if "berakhir" in reached:
        return "berakhir"
    signed = deciding_documents(documents)
    if not signed:
        return "ditolak" if _rejected(record, as_of) else "draf"
    # A letter of intent never makes a cooperation "aktif" (and its value never active
    # value), with or without an end date: alone, it is its own status.
    if signed[0].naskah.jenis == LOI:
        if all(d.ended for d in signed):
            return "kedaluwarsa"
        return "pernyataan_kehendak" if any(d.started for d in signed) else "belum_berlaku"
    if any(d.in_force for d in signed):
        return "aktif"
    if all(d.ended for d in signed):
        return "kedaluwarsa"
    # Signed, nothing in force, and at least one document still to start.
    return "belum_berlaku"


# v1.1, before signing (issue 10 §1) -----------------------------------------------------------

#: What a step is: a stage event, a non-stage event, a signed document, a monev, a DPRD date.
JenisLangkah = Literal["tahap", "peristiwa", "naskah", "monev", "dprd_permohonan", "dprd_keputusan"]


@dataclass(frozen=True)
class Langkah:
    """One dated step of a cooperation: ``kind`` and its ``code`` (a stage, event or document)."""

    tanggal: date
    kind: JenisLangkah
    code: str


def langkah(record: Agreement, as_of: date) -> tuple[Langkah, ...]:
    """Every dated step on or before ``as_of``, oldest first (record order within a day)."""
    # Only the steps kept are made (sorting is stable: record order within a day holds).
    steps: list[Langkah] = [
        Langkah(e.tanggal, "tahap", e.tahap) for e in record.tahapan or () if e.tanggal <= as_of
    ]
    steps += [
        Langkah(p.tanggal, "peristiwa", p.jenis)
        for p in record.peristiwa or ()
        if p.tanggal <= as_of
    ]
    steps += [
        Langkah(n.tanggal_ttd, "naskah", n.jenis)
        for n in record.naskah or ()
        if n.tanggal_ttd is not None and n.tanggal_ttd <= as_of
    ]
    steps += [
        Langkah(m.tanggal, "monev", "monev") for m in record.monev or () if m.tanggal <= as_of
    ]
    dprd = record.persetujuan_dprd
    if dprd is not None:
        asked, decided = dprd.tanggal_permohonan, dprd.tanggal_keputusan
        if asked is not None and asked <= as_of:
            steps.append(Langkah(asked, "dprd_permohonan", "persetujuan_dprd"))
        if decided is not None and decided <= as_of:
            steps.append(Langkah(decided, "dprd_keputusan", "persetujuan_dprd"))
    steps.sort(key=_tanggal)
    return tuple(steps)


_tanggal = operator.attrgetter("tanggal")


def _rejected(record: Agreement, as_of: date) -> bool:
    """A ``ditolak`` event with nothing after it: the proposal ended (a later step reopens it)."""
    if not any(p.jenis == "ditolak" and p.tanggal <= as_of for p in record.peristiwa or ()):
        return False  # the common case, without listing every step
    steps = langkah(record, as_of)
    rejections = [s.tanggal for s in steps if s.kind == "peristiwa" and s.code == "ditolak"]
    return bool(rejections) and not any(s.tanggal > rejections[-1] for s in steps)


# ------------------------------------------------------------------------------------------------


def mapped_by(tahun: int, as_of: date) -> bool:
    """Whether a potential of mapping year ``tahun`` is mapped on ``as_of``.

    A potential counts from its mapping year (``tahun``, the record's only date): on a day
    of an earlier year it was not mapped yet. ``ksd mapping``, ``ksd report`` and ``ksd
    consolidate`` count the potentials of a date by this one rule.
    """
    return tahun <= as_of.year


@dataclass(frozen=True)
class TindakLanjut:
    """Whether a mapped potential was followed up, and by which agreements."""

    potential: Potential
    agreements: tuple[str, ...]

    @property
    def ditindaklanjuti(self) -> bool:
        """Followed up by at least one agreement."""
        return bool(self.agreements)


def tindak_lanjut(
    potentials: Sequence[Potential], agreements: Sequence[Agreement]
) -> tuple[TindakLanjut, ...]:
    """For every potential, the agreements whose ``potensi`` names it."""
    by_potential = followers_by_potential((a.id, a.potensi or ()) for a in agreements)
    return tuple(TindakLanjut(p, tuple(by_potential.get(p.id, ()))) for p in potentials)


def followers_by_potential(
    agreements: Iterable[tuple[str, Iterable[str]]],
) -> dict[str, list[str]]:
    """The ids of the agreements that name each potential, from (id, ``potensi``) pairs."""
    by_potential: dict[str, list[str]] = {}
    for agreement_id, potensi in agreements:
        for potensi_id in potensi:
            by_potential.setdefault(potensi_id, []).append(agreement_id)
    return by_potential
