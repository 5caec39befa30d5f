"""What the rules across records need of each record, small enough to cache and to hold.

Facts are held by the hundred thousand, and those rules run on them without the records or
their files. The rules that look across records (``CROSS_RECORD_RULES``: unknown-potensi R004,
duplicate-id S009, registrasi-ganda C016) read a record's id, the potentials it names and,
for an agreement with nothing signed, what C016 compares. ``Facts`` keep those, and where
each of those values stands in the file, so that a finding of those rules is placed without
reading the file again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from ksd_cli.diagnostics import Location
from ksd_cli.frozen import pickled_by_fields
from ksd_cli.registrations import Registration, find_duplicates_among, partner_keys
from ksd_cli.registrations import is_unsigned as _is_unsigned
from ksd_cli.registrations import registration as _registration
from ksd_cli.rules.base import Loc, RepositoryIndex

#: The rules whose findings in one record can be caused by a change in another. They read
#: only what ``Facts`` hold (``id`` and ``potensi``, and the index built from facts).
CROSS_RECORD_RULES = frozenset({"unknown-potensi", "duplicate-id", "registrasi-ganda"})


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Facts:
    """One valid record as the rules across records see it.

    ``registration`` and ``partners``: for an agreement with nothing signed, what C016
    compares (``None`` and empty otherwise). Everything is held in an order of its own, so
    that ``repr`` is the same in every process (see :func:`facts_key`). ``places``: the
    positions of ``id``, ``judul`` and each ``potensi`` item in the file, where those rules
    point.
    """

    id: str
    kind: str
    potensi: tuple[str, ...]
    registration: Registration | None
    partners: tuple[str, ...]
    places: tuple[tuple[Loc, int, int], ...]

    def place(self, loc: Loc) -> Location | None:
        """Where the value at ``loc`` stands in the file, if it is one kept."""
        for at, line, column in self.places:
            if at == loc:
                return Location(line, column)
        return None


def facts_of(
    record: object, kind: str, locate: Callable[[Loc], Location], *, alike: bool = True
) -> Facts:
    """The facts of a record (an ``Agreement`` or a ``Potential``) read from its file.

    ``locate`` gives the position of a path into the record (``Document.locate``).
    ``alike``: with the ``registration`` and ``partners`` C016 compares; without, for a caller
    that does not run C016 (they are ``None`` and empty, as for a signed agreement).
    """
    from ksd_cli.models import Agreement

    record_id: str = getattr(record, "id")  # noqa: B009 - both record models have one
    potensi: tuple[str, ...] = ()
    registration: Registration | None = None
    partners: tuple[str, ...] = ()
    wanted: list[Loc] = [("id",)]
    if isinstance(record, Agreement):
        potensi = tuple(record.potensi or ())
        wanted.append(("judul",))
        wanted.extend(("potensi", i) for i in range(len(potensi)))
        if alike and _is_unsigned(record):
            registration = _registration(record)
            partners = tuple(sorted(partner_keys(record)))
    places = []
    for loc in wanted:
        where = locate(loc)
        places.append((loc, where.line, where.column))
    return Facts(record_id, kind, potensi, registration, partners, tuple(places))


def build_index(
    facts: Mapping[str, Facts],
    invalid: Iterable[str],
    potentials_folder: str,
    duplicates: Mapping[str, tuple[Registration, ...]] | None = None,
) -> RepositoryIndex:
    """Which ids exist and in which files, from the facts of every valid record (by path).

    A potential that failed validation still exists: it is named by its file, so that its
    agreements are not also reported for a missing reference. ``duplicates``: C016's
    index, when already known (see :func:`duplicates_of`).
    """
    paths: dict[str, list[str]] = {}
    potentials: set[str] = set()
    for rel, item in facts.items():
        paths.setdefault(item.id, []).append(rel)
        if item.kind == "potential":
            potentials.add(item.id)
    folder = potentials_folder.strip("/") + "/"
    for rel in invalid:
        if rel.startswith(folder) and "/" not in rel[len(folder) :]:
            potentials.add(PurePosixPath(rel).stem)
    return RepositoryIndex(
        potential_ids=frozenset(potentials),
        paths_by_id={k: tuple(v) for k, v in paths.items()},
        potentials_folder=potentials_folder.rstrip("/") + "/",
        duplicates=duplicates if duplicates is not None else duplicates_of(facts.values()),
    )


def duplicates_of(facts: Iterable[Facts]) -> dict[str, tuple[Registration, ...]]:
    """C016's index: for each unsigned record id, the records that look like the same request."""
    return find_duplicates_among(
        (item.registration, item.partners) for item in facts if item.registration is not None
    )


def duplicates_near(
    facts: Iterable[Facts], ids: Iterable[str]
) -> dict[str, tuple[Registration, ...]]:
    """C016's index (see :func:`duplicates_of`) as it stands for the records with ``ids``.

    C016 compares registrations within each partner's group: those alike to one of these
    records are all in the groups of its partners, so only those groups are compared, and in
    them only the titles that can pair with one of these records'. The entries of other
    records may lack some of theirs.
    """
    wanted = frozenset(ids)
    registered = [(f.registration, f.partners) for f in facts if f.registration]
    partners = {p for item, keys in registered if item.id in wanted for p in keys}
    return find_duplicates_among(
        ((i, [p for p in k if p in partners]) for i, k in registered if not partners.isdisjoint(k)),
        near_to=wanted,
    )


def affected_paths(
    facts: Mapping[str, Facts], ids: Iterable[str], *, alike: bool = True
) -> frozenset[str]:
    """The files of the records that reference one of ``ids``, carry one, or look alike.

    These are the records whose cross-record findings can change when the records with those
    ids change, are renamed or removed: C016 links a record to the ones that look like the
    same request (left out when not ``alike``).
    """
    wanted = frozenset(ids)
    near = duplicates_near(facts.values(), wanted) if alike else {}
    linked = {
        other.id for record_id, others in near.items() if record_id in wanted for other in others
    }
    return frozenset(
        rel
        for rel, item in facts.items()
        if item.id in wanted or item.id in linked or not wanted.isdisjoint(item.potensi)
    )


def facts_key(facts: Facts | None) -> str:
    """A hash of the facts, the same in every process (a file can change, its facts not)."""
    if facts is None:
        return ""
    return hashlib.blake2b(repr(facts).encode(), digest_size=16).hexdigest()
