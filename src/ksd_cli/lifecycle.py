"""The lifecycle of a cooperation as of a date: stage reached, status, documents in force.

Everything here is derived, never stored, and a pure function of the record and the as-of date.
What happened after the as-of date has not happened yet: later events and signatures are
ignored, so ``--as-of`` in the past shows the cooperation as it stood then.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
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

    @property
    def nomor(self) -> str:
        """The numbers per party, "pihak_kesatu: 180/015; pihak_kedua: 100/12"."""
        return "; ".join(f"{k}: {v}" for k, v in (self.naskah.nomor or {}).items())


@dataclass(frozen=True)
class Lifecycle:
    """Where one cooperation stands on ``as_of``."""

    record: Agreement
    as_of: date
    tahap_terakhir: NamaTahap | None
    tanggal_tahap: tuple[tuple[NamaTahap, date], ...]
    status: Status
    documents: tuple[DocumentState, ...]

    # Derived once: the flags of ``ksd stalled`` and the report's tables ask again and again.
    @functools.cached_property
    def in_force(self) -> tuple[DocumentState, ...]:
        """The signed documents in force on the as-of date."""
        return tuple(d for d in self.documents if d.in_force)

    @functools.cached_property
    def signed(self) -> tuple[DocumentState, ...]:
        """The documents signed on or before the as-of date."""
        return tuple(d for d in self.documents if d.signed)

    def tanggal(self, tahap: NamaTahap) -> date | None:
        """The date a stage was first reached, if it was."""
        return dict(self.tanggal_tahap).get(tahap)

    def operational(self) -> tuple[DocumentState, ...]:
        """Signed operational documents (PKS; for sinergi the nota kesepakatan)."""
        return tuple(d for d in self.signed if is_operational(d.naskah, self.record))

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
    reached: dict[NamaTahap, date] = {}

    def reach(tahap: NamaTahap, when: date) -> None:
        if when <= as_of and (tahap not in reached or when < reached[tahap]):
            reached[tahap] = when

    for event in record.tahapan or ():
        reach(event.tahap, event.tanggal)
    for peristiwa in record.peristiwa or ():
        # An offer letter, sent or received, is the penawaran stage; other events are no stage.
        if peristiwa.jenis in PERISTIWA_PENAWARAN:
            reach("penawaran", peristiwa.tanggal)
    for doc in documents:
        if doc.signed and doc.naskah.tanggal_ttd is not None:
            if is_operational(doc.naskah, record):
                reach("penandatanganan_pks", doc.naskah.tanggal_ttd)
            elif is_kb(doc.naskah):
                reach("penandatanganan_kb", doc.naskah.tanggal_ttd)
    for monev in record.monev or ():
        reach("monev", monev.tanggal)
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


def _documents(record: Agreement, as_of: date) -> tuple[DocumentState, ...]:
    naskah_list = record.naskah or []
    signed = [n.tanggal_ttd is not None and n.tanggal_ttd <= as_of for n in naskah_list]
    induk = [induk_index(record, i) for i in range(len(naskah_list))]
    # A signed adendum with a berlaku_sampai extends the document it amends (the latest such
    # adendum wins, as it is the last word of the parties).
    extended: dict[int, tuple[date, date]] = {}
    for i, naskah in enumerate(naskah_list):
        target = induk[i]
        if naskah.jenis == "adendum" and signed[i] and target is not None and naskah.sampai:
            assert naskah.tanggal_ttd is not None
            if target not in extended or naskah.tanggal_ttd >= extended[target][0]:
                extended[target] = (naskah.tanggal_ttd, naskah.sampai)
    states = []
    for i, naskah in enumerate(naskah_list):
        mulai = naskah.mulai
        sampai = extended[i][1] if i in extended else naskah.sampai
        started = signed[i] and mulai is not None and mulai <= as_of
        ended = signed[i] and sampai is not None and sampai < as_of
        states.append(
            DocumentState(
                position=i,
                naskah=naskah,
                signed=signed[i],
                mulai=mulai,
                sampai=sampai,
                induk=induk[i],
                in_force=started and not ended,
                started=started,
                ended=ended,
                sampai_tidak_diketahui=i not in extended and naskah.sampai_tidak_diketahui,
            )
        )
    return tuple(states)


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
    # An adendum is part of the document it amends, not a document of its own.
    signed = [
        d
        for d in documents
        if d.signed and not (d.naskah.jenis == "adendum" and d.induk is not None)
    ]
    if not signed:
        return "ditolak" if _rejected(record, as_of) else "draf"
    # A letter of intent binds no one to anything: it never makes a cooperation "aktif" (and
    # its value never active value), with or without an end date. Alone, it is its own status
    # until a KB or PKS follows it; the binding documents decide once there are any.
    binding = [d for d in signed if d.naskah.jenis != LOI]
    if not binding:
        if all(d.ended for d in signed):
            return "kedaluwarsa"
        return "pernyataan_kehendak" if any(d.started for d in signed) else "belum_berlaku"
    signed = binding
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
    steps: list[Langkah] = [Langkah(e.tanggal, "tahap", e.tahap) for e in record.tahapan or ()]
    steps += [Langkah(p.tanggal, "peristiwa", p.jenis) for p in record.peristiwa or ()]
    steps += [
        Langkah(n.tanggal_ttd, "naskah", n.jenis)
        for n in record.naskah or ()
        if n.tanggal_ttd is not None
    ]
    steps += [Langkah(m.tanggal, "monev", "monev") for m in record.monev or ()]
    dprd = record.persetujuan_dprd
    if dprd is not None and dprd.tanggal_permohonan is not None:
        steps.append(Langkah(dprd.tanggal_permohonan, "dprd_permohonan", "persetujuan_dprd"))
    if dprd is not None and dprd.tanggal_keputusan is not None:
        steps.append(Langkah(dprd.tanggal_keputusan, "dprd_keputusan", "persetujuan_dprd"))
    return tuple(sorted((s for s in steps if s.tanggal <= as_of), key=lambda s: s.tanggal))


def _rejected(record: Agreement, as_of: date) -> bool:
    """A ``ditolak`` event with nothing after it: the proposal ended (a later step reopens it)."""
    steps = langkah(record, as_of)
    rejections = [s.tanggal for s in steps if s.kind == "peristiwa" and s.code == "ditolak"]
    return bool(rejections) and not any(s.tanggal > rejections[-1] for s in steps)


# ------------------------------------------------------------------------------------------------


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
