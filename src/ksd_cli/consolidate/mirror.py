"""Mirrored records: one KSDD kept by both partner regions, matched and compared.

A record of region A and a record of region B are the same cooperation when, in this order
of strength:

1. one names the other in ``rekaman_mitra`` (record format v1.1);
2. they share a document number of the same party (``naskah[].nomor``, compared without
   case or spaces);
3. they have the same regions as parties and the same kind, a document signed within
   :data:`DAYS_APART` days of each other, and titles alike (``difflib`` ratio of at least
   :data:`TITLE_RATIO`; unsigned on both sides, :data:`TITLE_RATIO_UNSIGNED`).

Each record is paired with at most one record of each partner region. A KSDD whose partner
region keeps no matching record is "tercatat sepihak".
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ksd_cli.consolidate.model import Difference, MatchedBy, MirroredPair, OneSided, Position
from ksd_cli.lifecycle import lifecycle
from ksd_cli.models import JENIS_KB, Agreement, Naskah
from ksd_cli.naming import region_name

if TYPE_CHECKING:
    from ksd_cli.reference import ReferenceData

#: The kinds of cooperation recorded by both partner regions.
KSDD = frozenset({"ksdd_wajib", "ksdd_sukarela"})
#: The most days apart two records may date the signing of the same document.
DAYS_APART = 7
#: How alike two titles must be (difflib's ratio, 0..1) for a match without a shared number.
TITLE_RATIO = 0.6
TITLE_RATIO_UNSIGNED = 0.85
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class MirrorRecord:
    """An agreement that a partner region keeps too: who keeps it, where, and its text."""

    owner: str | None
    repository: str
    path: str
    record: Agreement
    text: str
    _lines: dict[tuple[str | int, ...], int] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def regions(self) -> frozenset[str]:
        """The regions among the parties."""
        return frozenset(
            p.kode_wilayah for p in self.record.pihak if p.tipe == "pemda" and p.kode_wilayah
        )

    @property
    def partners(self) -> tuple[str, ...]:
        """The partner regions, in party order."""
        return tuple(sorted(self.regions - {self.owner or ""}))

    def position(self, *loc: str | int) -> Position:
        """Where ``loc`` is written in this record's file (the nearest written parent)."""
        if loc not in self._lines:
            from ksd_cli.yamlread import Document, read_document

            document = read_document(self.text)
            line = document.locate(loc).line if isinstance(document, Document) else 1
            self._lines[loc] = line
        return Position(self.owner, self.repository, self.path, self._lines[loc], self.record.id)


def is_mirrorable(record: Agreement) -> bool:
    """Whether both partner regions keep this record: a KSDD with two regions or more."""
    regions = {p.kode_wilayah for p in record.pihak if p.tipe == "pemda" and p.kode_wilayah}
    return record.jenis in KSDD and len(regions) >= 2


def match_records(
    records: Sequence[MirrorRecord],
    *,
    present: Iterable[str],
    as_of: date,
    reference: ReferenceData,
) -> tuple[tuple[MirroredPair, ...], tuple[OneSided, ...]]:
    """Pair the records of partner regions, compare each pair, list the one-sided ones.

    ``present`` are the regions whose repository was read: a one-sided record says whether
    its partner has a repository at all.
    """
    usable = sorted(
        (r for r in records if r.owner is not None), key=lambda r: (r.owner or "", r.path)
    )
    paired: dict[int, dict[str, int]] = defaultdict(dict)  # record -> partner region -> record
    found: list[tuple[int, int, MatchedBy]] = []

    def pair(i: int, j: int, how: MatchedBy) -> None:
        a, b = usable[i], usable[j]
        if a.owner == b.owner or b.owner not in a.partners or a.owner not in b.partners:
            return
        assert a.owner is not None and b.owner is not None
        if b.owner in paired[i] or a.owner in paired[j]:
            return
        paired[i][b.owner] = j
        paired[j][a.owner] = i
        found.append((i, j, how))

    by_id: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(usable):
        by_id[item.record.id].append(index)
    for index, item in enumerate(usable):
        for named in getattr(item.record, "rekaman_mitra", None) or ():
            for other in by_id.get(named, ()):
                pair(index, other, "rekaman_mitra")
    by_number: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, item in enumerate(usable):
        for key in sorted(_numbers(item.record)):
            by_number[key].append(index)
    for indexes in by_number.values():
        for x, i in enumerate(indexes):
            for j in indexes[x + 1 :]:
                pair(i, j, "nomor")
    by_parties: dict[tuple[str, frozenset[str]], list[int]] = defaultdict(list)
    for index, item in enumerate(usable):
        by_parties[(item.record.jenis, item.regions)].append(index)
    for indexes in by_parties.values():
        for x, i in enumerate(indexes):
            for j in indexes[x + 1 :]:
                if usable[i].owner != usable[j].owner and _alike(usable[i], usable[j]):
                    pair(i, j, "kemiripan")
    pairs = []
    for i, j, how in sorted(found):
        a, b = usable[i], usable[j]
        differences = tuple(compare(a, b, as_of=as_of, reference=reference))
        pairs.append(
            MirroredPair(a.position("id"), b.position("id"), a.record.judul, how, differences)
        )
    have = frozenset(present)
    one_sided = []
    for index, item in enumerate(usable):
        for partner in item.partners:
            if partner in paired[index]:
                continue
            at = item.position("pihak", _party_index(item.record, partner))
            one_sided.append(
                OneSided(
                    at,
                    item.record.judul,
                    partner,
                    region_name(partner, reference),
                    partner in have,
                )
            )
    return tuple(pairs), tuple(one_sided)


def _party_index(record: Agreement, kode: str) -> int:
    return next(i for i, p in enumerate(record.pihak) if p.kode_wilayah == kode)


def _normal(text: str) -> str:
    return _SPACE.sub("", text).casefold()


def _party_of(record: Agreement) -> dict[str, str]:
    """Each ``peran`` to the party it names: a region's code, else the party's name."""
    return {p.peran: p.kode_wilayah or p.nama or p.peran for p in record.pihak}


def _numbers_of(record: Agreement, naskah: Naskah) -> dict[str, str]:
    """A document's numbers by party (region code or name), as written."""
    parties = _party_of(record)
    return {parties.get(peran, peran): nomor for peran, nomor in (naskah.nomor or {}).items()}


def _numbers(record: Agreement) -> set[tuple[str, str]]:
    """Every (party, normalised number) of the record's documents."""
    return {
        (party, _normal(nomor))
        for naskah in record.naskah or ()
        for party, nomor in _numbers_of(record, naskah).items()
    }


def _signed(record: Agreement) -> list[date]:
    return [n.tanggal_ttd for n in record.naskah or () if n.tanggal_ttd is not None]


def _alike(a: MirrorRecord, b: MirrorRecord) -> bool:
    """Same parties and kind (the caller's bucket), signing days close, titles alike."""
    ratio = difflib.SequenceMatcher(
        None, a.record.judul.casefold(), b.record.judul.casefold()
    ).ratio()
    dates_a, dates_b = _signed(a.record), _signed(b.record)
    if not dates_a and not dates_b:
        return ratio >= TITLE_RATIO_UNSIGNED
    close = any(abs((x - y).days) <= DAYS_APART for x in dates_a for y in dates_b)
    return close and ratio >= TITLE_RATIO


def _family(naskah: Naskah) -> str:
    return "kb" if naskah.jenis in JENIS_KB else naskah.jenis


def _documents(a: Agreement, b: Agreement) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair the documents of two records: a shared number first, else kind and order.

    Returns the pairs (index in a, index in b) and the documents of each left unpaired.
    """
    docs_a, docs_b = list(a.naskah or ()), list(b.naskah or ())
    left_a, left_b = list(range(len(docs_a))), list(range(len(docs_b)))
    pairs: list[tuple[int, int]] = []
    numbers_b = [{(k, _normal(v)) for k, v in _numbers_of(b, n).items()} for n in docs_b]
    for i in list(left_a):
        mine = {(k, _normal(v)) for k, v in _numbers_of(a, docs_a[i]).items()}
        match = next((j for j in left_b if mine & numbers_b[j]), None)
        if mine and match is not None:
            pairs.append((i, match))
            left_a.remove(i)
            left_b.remove(match)
    for i in list(left_a):
        match = next((j for j in left_b if _family(docs_b[j]) == _family(docs_a[i])), None)
        if match is not None:
            pairs.append((i, match))
            left_a.remove(i)
            left_b.remove(match)
    return sorted(pairs), left_a, left_b


def _text(value: object) -> str:
    if value is None:
        return "–"
    return value.isoformat() if isinstance(value, date) else str(value)


def compare(
    a: MirrorRecord, b: MirrorRecord, *, as_of: date, reference: ReferenceData
) -> list[Difference]:
    """What a reviewer must resolve between two records of one cooperation."""
    found: list[Difference] = []
    docs_a, docs_b = a.record.naskah or [], b.record.naskah or []
    pairs, only_a, only_b = _documents(a.record, b.record)
    for i, j in pairs:
        x, y = docs_a[i], docs_b[j]
        jenis = x.jenis
        for name in ("tanggal_ttd", "berlaku_mulai", "berlaku_sampai"):
            value_a, value_b = getattr(x, name), getattr(y, name)
            if value_a != value_b:
                found.append(
                    Difference(
                        name,
                        _text(value_a),
                        _text(value_b),
                        a.position("naskah", i, name),
                        b.position("naskah", j, name),
                        dokumen=jenis,
                    )
                )
        numbers_a, numbers_b = _numbers_of(a.record, x), _numbers_of(b.record, y)
        peran_a = {v: k for k, v in _party_of(a.record).items()}
        peran_b = {v: k for k, v in _party_of(b.record).items()}
        for party in sorted(numbers_a.keys() & numbers_b.keys()):
            if _normal(numbers_a[party]) != _normal(numbers_b[party]):
                found.append(
                    Difference(
                        "nomor",
                        numbers_a[party],
                        numbers_b[party],
                        a.position("naskah", i, "nomor", peran_a.get(party, party)),
                        b.position("naskah", j, "nomor", peran_b.get(party, party)),
                        dokumen=jenis,
                        pihak=region_name(party, reference),
                    )
                )
    for side, only in (("a", only_a), ("b", only_b)):
        docs = docs_a if side == "a" else docs_b
        for index in only:
            naskah = docs[index]
            if naskah.tanggal_ttd is None:
                continue  # a draft one side keeps is no disagreement
            here = (a if side == "a" else b).position("naskah", index)
            there = (b if side == "a" else a).position("naskah")
            signed = naskah.tanggal_ttd.isoformat()
            found.append(
                Difference(
                    "naskah_sepihak",
                    signed if side == "a" else "–",
                    "–" if side == "a" else signed,
                    here if side == "a" else there,
                    there if side == "a" else here,
                    dokumen=naskah.jenis,
                )
            )
    state_a, state_b = lifecycle(a.record, as_of), lifecycle(b.record, as_of)
    if state_a.tahap_terakhir != state_b.tahap_terakhir:
        found.append(
            Difference(
                "tahap",
                state_a.tahap_terakhir or "–",
                state_b.tahap_terakhir or "–",
                a.position("tahapan"),
                b.position("tahapan"),
            )
        )
    if state_a.status != state_b.status:
        found.append(
            Difference("status", state_a.status, state_b.status, a.position("id"), b.position("id"))
        )
    return found
