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
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ksd_cli.consolidate.model import Difference, MatchedBy, MirroredPair, OneSided, Position
from ksd_cli.lifecycle import lifecycle
from ksd_cli.models import JENIS_KB, Agreement
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
class Document:
    """What the comparison needs of one naskah: kind, numbers by party, dates."""

    jenis: str
    #: (party, peran, number as written): the party is a region's code, else its name.
    nomor: tuple[tuple[str, str, str], ...]
    tanggal_ttd: date | None
    berlaku_mulai: date | None
    berlaku_sampai: str | None

    def numbers(self) -> dict[str, str]:
        """The numbers by party, as written."""
        return {party: nomor for party, _, nomor in self.nomor}

    def peran(self, party: str) -> str:
        """The ``peran`` key under which ``party``'s number is written."""
        return next((peran for p, peran, _ in self.nomor if p == party), party)


@dataclass(frozen=True)
class MirrorRecord:
    """An agreement that a partner region keeps too, as much of it as matching needs.

    Made in the worker that read the repository (small to send back, no record text);
    positions of differences are read from the file again, only for the pairs that differ.
    ``pihak_line`` is the line of the record's ``pihak`` key (where a one-sided record's
    partner is named).
    """

    owner: str | None
    repository: str
    root: str
    path: str
    id: str
    judul: str
    jenis: str
    regions: frozenset[str]
    rekaman_mitra: tuple[str, ...]
    naskah: tuple[Document, ...]
    tahap: str | None
    status: str
    pihak_line: int

    @property
    def partners(self) -> tuple[str, ...]:
        """The partner regions, in code order."""
        return tuple(sorted(self.regions - {self.owner or ""}))

    def at(self, line: int) -> Position:
        """A position in this record's file."""
        return Position(self.owner, self.repository, self.path, line, self.id)


def mirror_record(
    record: Agreement,
    *,
    owner: str | None,
    repository: str,
    root: str,
    path: str,
    text: str,
    as_of: date,
) -> MirrorRecord:
    """The matching form of ``record`` (read from ``text`` at ``root``/``path``)."""
    parties = _party_of(record)
    state = lifecycle(record, as_of)
    documents = tuple(
        Document(
            n.jenis,
            tuple(
                (parties.get(peran, peran), peran, nomor)
                for peran, nomor in (n.nomor or {}).items()
            ),
            n.tanggal_ttd,
            n.berlaku_mulai,
            n.berlaku_sampai if isinstance(n.berlaku_sampai, str) else _iso(n.berlaku_sampai),
        )
        for n in record.naskah or ()
    )
    return MirrorRecord(
        owner=owner,
        repository=repository,
        root=root,
        path=path,
        id=record.id,
        judul=record.judul,
        jenis=record.jenis,
        regions=frozenset(
            p.kode_wilayah for p in record.pihak if p.tipe == "pemda" and p.kode_wilayah
        ),
        rekaman_mitra=tuple(getattr(record, "rekaman_mitra", None) or ()),
        naskah=documents,
        tahap=state.tahap_terakhir,
        status=state.status,
        pihak_line=top_level_line(text, "pihak"),
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def top_level_line(text: str, key: str) -> int:
    """The line of a top-level ``key:`` in block YAML (1 when it is not written so)."""
    found = re.search(rf"^{re.escape(key)}[ \t]*:", text, re.M)
    return text.count("\n", 0, found.start()) + 1 if found else 1


class _Locator:
    """Positions in one record's file, the file read and parsed once, when first asked."""

    def __init__(self, record: MirrorRecord) -> None:
        self.record = record
        self.document: object = None

    def __call__(self, *loc: str | int) -> Position:
        from ksd_cli.yamlread import Document, read_document

        if self.document is None:
            try:
                text = (Path(self.record.root) / self.record.path).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                text = ""
            self.document = read_document(text) if text else False
        document = self.document
        line = document.locate(loc).line if isinstance(document, Document) else 1
        return self.record.at(line)


def is_mirrorable(record: Agreement) -> bool:
    """Whether both partner regions keep this record: a KSDD with two regions or more."""
    regions = {p.kode_wilayah for p in record.pihak if p.tipe == "pemda" and p.kode_wilayah}
    return record.jenis in KSDD and len(regions) >= 2


def match_records(
    records: Sequence[MirrorRecord],
    *,
    present: Iterable[str],
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

    def can_pair(i: int, j: int) -> bool:
        """Whether ``i`` and ``j`` are partners' records, neither paired with the other's yet."""
        a, b = usable[i], usable[j]
        if a.owner == b.owner or b.owner not in a.partners or a.owner not in b.partners:
            return False
        return b.owner not in paired[i] and a.owner not in paired[j]

    def pair(i: int, j: int, how: MatchedBy) -> None:
        if not can_pair(i, j):
            return
        a, b = usable[i], usable[j]
        assert a.owner is not None and b.owner is not None
        paired[i][b.owner] = j
        paired[j][a.owner] = i
        found.append((i, j, how))

    by_id: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(usable):
        by_id[item.id].append(index)
    for index, item in enumerate(usable):
        for named in item.rekaman_mitra:
            for other in by_id.get(named, ()):
                pair(index, other, "rekaman_mitra")
    by_number: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, item in enumerate(usable):
        for key in sorted(_numbers(item)):
            by_number[key].append(index)
    for indexes in by_number.values():
        for x, i in enumerate(indexes):
            for j in indexes[x + 1 :]:
                pair(i, j, "nomor")
    by_parties: dict[tuple[str, frozenset[str]], list[int]] = defaultdict(list)
    for index, item in enumerate(usable):
        by_parties[(item.jenis, item.regions)].append(index)
    for indexes in by_parties.values():
        for x, i in enumerate(indexes):
            for j in indexes[x + 1 :]:
                # Titles are compared only for records that could still be paired.
                if can_pair(i, j) and _alike(usable[i], usable[j]):
                    pair(i, j, "kemiripan")
    pairs = []
    for i, j, how in sorted(found):
        a, b = usable[i], usable[j]
        differences = tuple(compare(a, b, reference=reference))
        pairs.append(MirroredPair(a.at(1), b.at(1), a.judul, how, differences))
    have = frozenset(present)
    one_sided = []
    for index, item in enumerate(usable):
        for partner in item.partners:
            if partner in paired[index]:
                continue
            one_sided.append(
                OneSided(
                    item.at(item.pihak_line),
                    item.judul,
                    partner,
                    region_name(partner, reference),
                    partner in have,
                )
            )
    return tuple(pairs), tuple(one_sided)


def _normal(text: str) -> str:
    return _SPACE.sub("", text).casefold()


def _party_of(record: Agreement) -> dict[str, str]:
    """Each ``peran`` to the party it names: a region's code, else the party's name."""
    return {p.peran: p.kode_wilayah or p.nama or p.peran for p in record.pihak}


def _numbers(record: MirrorRecord) -> set[tuple[str, str]]:
    """Every (party, normalised number) of the record's documents."""
    return {(party, _normal(nomor)) for doc in record.naskah for party, _, nomor in doc.nomor}


def _signed(record: MirrorRecord) -> list[date]:
    return [n.tanggal_ttd for n in record.naskah if n.tanggal_ttd is not None]


def _alike(a: MirrorRecord, b: MirrorRecord) -> bool:
    """Same parties and kind (the caller's bucket), signing days close, titles alike."""
    dates_a, dates_b = _signed(a), _signed(b)
    if not dates_a and not dates_b:
        wanted = TITLE_RATIO_UNSIGNED
    elif any(abs((x - y).days) <= DAYS_APART for x in dates_a for y in dates_b):
        wanted = TITLE_RATIO
    else:
        return False
    titles = difflib.SequenceMatcher(None, a.judul.casefold(), b.judul.casefold())
    # The quick ratios are upper bounds of the ratio: most unlike titles stop there.
    return (
        titles.real_quick_ratio() >= wanted
        and titles.quick_ratio() >= wanted
        and titles.ratio() >= wanted
    )


def _family(naskah: Document) -> str:
    return "kb" if naskah.jenis in JENIS_KB else naskah.jenis


def _documents(
    a: MirrorRecord, b: MirrorRecord
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair the documents of two records: a shared number first, else kind and order.

    Returns the pairs (index in a, index in b) and the documents of each left unpaired.
    """
    docs_a, docs_b = a.naskah, b.naskah
    left_a, left_b = list(range(len(docs_a))), list(range(len(docs_b)))
    pairs: list[tuple[int, int]] = []
    numbers_b = [{(k, _normal(v)) for k, v in n.numbers().items()} for n in docs_b]
    for i in list(left_a):
        mine = {(k, _normal(v)) for k, v in docs_a[i].numbers().items()}
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


def compare(a: MirrorRecord, b: MirrorRecord, *, reference: ReferenceData) -> list[Difference]:
    """What a reviewer must resolve between two records of one cooperation."""
    found: list[Difference] = []
    at_a, at_b = _Locator(a), _Locator(b)
    docs_a, docs_b = a.naskah, b.naskah
    pairs, only_a, only_b = _documents(a, b)
    for i, j in pairs:
        x, y = docs_a[i], docs_b[j]
        for name in ("tanggal_ttd", "berlaku_mulai", "berlaku_sampai"):
            value_a, value_b = getattr(x, name), getattr(y, name)
            if value_a != value_b:
                found.append(
                    Difference(
                        name,
                        _text(value_a),
                        _text(value_b),
                        at_a("naskah", i, name),
                        at_b("naskah", j, name),
                        dokumen=x.jenis,
                    )
                )
        numbers_a, numbers_b = x.numbers(), y.numbers()
        for party in sorted(numbers_a.keys() & numbers_b.keys()):
            if _normal(numbers_a[party]) != _normal(numbers_b[party]):
                found.append(
                    Difference(
                        "nomor",
                        numbers_a[party],
                        numbers_b[party],
                        at_a("naskah", i, "nomor", x.peran(party)),
                        at_b("naskah", j, "nomor", y.peran(party)),
                        dokumen=x.jenis,
                        pihak=region_name(party, reference),
                    )
                )
    for side, only in (("a", only_a), ("b", only_b)):
        docs = docs_a if side == "a" else docs_b
        here, there = (at_a, at_b) if side == "a" else (at_b, at_a)
        for index in only:
            naskah = docs[index]
            if naskah.tanggal_ttd is None:
                continue  # a draft one side keeps is no disagreement
            signed = naskah.tanggal_ttd.isoformat()
            mine, theirs = here("naskah", index), there("naskah")
            found.append(
                Difference(
                    "naskah_sepihak",
                    signed if side == "a" else "–",
                    "–" if side == "a" else signed,
                    mine if side == "a" else theirs,
                    theirs if side == "a" else mine,
                    dokumen=naskah.jenis,
                )
            )
    if a.tahap != b.tahap:
        found.append(
            Difference("tahap", a.tahap or "–", b.tahap or "–", at_a("tahapan"), at_b("tahapan"))
        )
    if a.status != b.status:
        found.append(Difference("status", a.status, b.status, at_a("id"), at_b("id")))
    return found
