"""Proposals indexed by partner, to find the same request registered twice (rule C016).

Only records with nothing signed take part; they are grouped by partner (a region by its code,
any other party by its name), so a record is compared only with the few that share a partner,
never with every other record.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from ksd_cli.frozen import pickled_by_fields
from ksd_cli.models import Agreement, Pihak
from ksd_cli.naming import record_region

#: How alike two titles must be: ``difflib`` ratio over their words, or over their letters
#: (a typing slip); the words are the title's own, without the words every title shares.
KEMIRIPAN_KATA = 0.8
KEMIRIPAN_HURUF = 0.92
_KATA_UMUM = frozenset(
    {"kerjasama", "tentang", "dan", "dengan", "antara", "dalam", "rangka", "di", "pemerintah"}
)
_KERJA_SAMA = re.compile(r"\bkerja\s+sama\b")
#: How far apart two registrations may be to count as the same request.
JARAK_HARI = 365
_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w\s]")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Registration:
    """What C016 compares: a proposal's id, title, partner keys and when it was registered."""

    id: str
    judul: str
    judul_normal: str
    tanggal: date | None
    tahun: int | None
    kata: tuple[str, ...] = ()


def _normal(text: str) -> str:
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", text.casefold())).strip()


def _judul_normal(text: str) -> str:
    words = _KERJA_SAMA.sub("kerjasama", _normal(text)).split()
    return " ".join(w for w in words if w not in _KATA_UMUM)


def partner_keys(record: Agreement) -> frozenset[str]:
    """The record's partners: every party but the owning region, by code or by name."""
    owner = record_region(record.id)
    keys = set()
    for pihak in record.pihak:
        key = _partner_key(pihak)
        if key is not None and not (pihak.tipe == "pemda" and pihak.kode_wilayah == owner):
            keys.add(key)
    return frozenset(keys)


def _partner_key(pihak: Pihak) -> str | None:
    if pihak.kode_wilayah:
        return f"kode:{pihak.kode_wilayah}"
    if pihak.nama:
        return f"nama:{_normal(pihak.nama)}"
    return None


def is_unsigned(record: Agreement) -> bool:
    """Nothing signed: no document carries a signing date, its own or a party's."""
    return not any(n.tanggal_ttd or n.tanggal_ttd_pihak for n in record.naskah or ())


def registration(record: Agreement) -> Registration:
    """The record as C016 compares it; registered on its first dated event."""
    dates = [t.tanggal for t in record.tahapan or ()]
    parts = record.id.split("-")
    tahun = int(parts[2]) if len(parts) >= 4 and parts[2].isdigit() else None
    judul = _judul_normal(record.judul)
    kata = tuple(judul.split())
    return Registration(
        record.id,
        record.judul,
        judul,
        min(dates) if dates else None,
        tahun,
        kata,
    )


def index_by_partner(records: Iterable[Agreement]) -> dict[str, tuple[Registration, ...]]:
    """Unsigned records by partner key (only partners shared by two or more)."""
    index: dict[str, list[Registration]] = {}
    for record in records:
        if not is_unsigned(record):
            continue
        entry = registration(record)
        for key in partner_keys(record):
            index.setdefault(key, []).append(entry)
    return {k: tuple(v) for k, v in index.items() if len(v) > 1}


def find_duplicates(records: Iterable[Agreement]) -> dict[str, tuple[Registration, ...]]:
    """For each unsigned record id, the other records that look like the same request."""
    return find_duplicates_among(
        (registration(record), partner_keys(record)) for record in records if is_unsigned(record)
    )


def find_duplicates_among(
    registered: Iterable[tuple[Registration, Iterable[str]]],
    *,
    near_to: frozenset[str] | None = None,
) -> dict[str, tuple[Registration, ...]]:
    """For each registration's id, the others that look like the same request.

    ``registered``: the unsigned records, each with its partner keys (``partner_keys``);
    kept small by ``ksd_cli.facts`` so that the check runs without the records. Within a
    partner's group, titles are blocked by their words (in any order) with at most
    one left out, so only titles at most one word apart are ever compared: a large register
    costs little more than reading it, even when one partner has hundreds of proposals.
    ``near_to``: only the entries of these ids are wanted (the others' may lack some of
    theirs): only the groups and titles that can pair with one of them are compared.
    """
    found: dict[str, dict[str, Registration]] = {}

    def compare(a: Registration, b: Registration) -> None:
        if alike(a, b):
            found.setdefault(a.id, {})[b.id] = b
            found.setdefault(b.id, {})[a.id] = a

    by_partner: dict[str, list[Registration]] = {}
    for registered_as, partners in registered:
        for partner in partners:
            by_partner.setdefault(partner, []).append(registered_as)
    for group in (g for g in by_partner.values() if len(g) > 1):
        if near_to is not None:
            group = _can_pair(group, near_to)
        same: dict[tuple[str, ...], list[Registration]] = {}
        for entry in group:
            same.setdefault(tuple(sorted(entry.kata)), []).append(entry)
        near: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        for words in same:
            for key in (words, *(words[:i] + words[i + 1 :] for i in range(len(words)))):
                near.setdefault(key, set()).add(words)
        for members in same.values():
            for a, b in _close_pairs(members):
                compare(a, b)
        pairs = {(x, y) for titles in near.values() for x in titles for y in titles if x < y}
        for x, y in sorted(pairs):
            for a, b in _close_pairs(same[x], same[y]):
                compare(a, b)
    return {k: tuple(found[k][i] for i in sorted(found[k])) for k in sorted(found)}


def _can_pair(group: list[Registration], ids: frozenset[str]) -> list[Registration]:
    """The members of ``group`` that may be blocked with a member of one of ``ids``.

    Two titles are blocked together when they share their words, or those words but one
    (see :func:`find_duplicates_among`): then each title's distinct words but one at most are
    the other's too. A title further from every wanted one is never compared with them; every
    member of a title kept is kept, in the group's order, so the pairs of the wanted members
    are the very pairs the whole group gives, in the same order.
    """
    wanted = [frozenset(r.kata) for r in group if r.id in ids]
    if not wanted:
        return []
    kept = []
    for member in group:
        words = frozenset(member.kata)
        if member.id in ids or any(
            len(words & other) >= max(len(words), len(other)) - 1 for other in wanted
        ):
            kept.append(member)
    return kept


def _close_pairs(
    xs: list[Registration], ys: list[Registration] | None = None
) -> Iterator[tuple[Registration, Registration]]:
    """Every pair that ``_near`` may accept: one of ``xs`` and one of ``ys``, or two of ``xs``.

    Pairs of dated registrations come from a window over their dates (at most ``JARAK_HARI``
    apart), pairs with an undated one from the ids' years next to each other, so a partner
    with proposals over many years costs about one year's worth of comparisons per proposal.
    """
    tagged = [(0, r) for r in xs] + [(1, r) for r in ys or ()]

    def wanted(s: int, t: int) -> bool:
        return ys is None or s != t

    dated = sorted((t for t in tagged if t[1].tanggal is not None), key=_tanggal)
    first = 0
    for j, (t, b) in enumerate(dated):
        while _tanggal(dated[j]).toordinal() - _tanggal(dated[first]).toordinal() > JARAK_HARI:
            first += 1
        for s, a in dated[first:j]:
            if wanted(s, t):
                yield a, b
    by_year: dict[int, list[tuple[int, Registration]]] = {}
    for s, r in tagged:
        if r.tahun is not None:
            by_year.setdefault(r.tahun, []).append((s, r))
    for s, a in tagged:
        if a.tanggal is not None or a.tahun is None:
            continue
        for year in (a.tahun - 1, a.tahun, a.tahun + 1):
            for t, b in by_year.get(year, ()):
                if b is not a and wanted(s, t):
                    yield a, b


def _tanggal(tagged: tuple[int, Registration]) -> date:
    day = tagged[1].tanggal
    assert day is not None
    return day


def _near(a: Registration, b: Registration) -> bool:
    if a.tanggal is not None and b.tanggal is not None:
        return abs((a.tanggal - b.tanggal).days) <= JARAK_HARI
    return a.tahun is not None and b.tahun is not None and abs(a.tahun - b.tahun) <= 1


def _similar(x: str | tuple[str, ...], y: str | tuple[str, ...], at: float) -> bool:
    """``difflib`` ratio of at least ``at``, its cheap upper bounds tried first."""
    total = len(x) + len(y)
    if not total or 2 * min(len(x), len(y)) < at * total:
        return False
    if 2 * sum((Counter(x) & Counter(y)).values()) < at * total:
        return False
    return SequenceMatcher(None, x, y).ratio() >= at


def alike(a: Registration, b: Registration) -> bool:
    """Very similar titles, registered within a year of each other."""
    if a.id == b.id or not _near(a, b):
        return False
    if a.judul_normal == b.judul_normal:
        return True
    return _similar(a.kata, b.kata, KEMIRIPAN_KATA) or _similar(
        a.judul_normal, b.judul_normal, KEMIRIPAN_HURUF
    )
