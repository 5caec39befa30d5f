"""What a rule is: its identity, its documentation, and the check that yields its hits."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from ksd_cli.diagnostics import Severity

if TYPE_CHECKING:
    from ksd_cli.config import Config
    from ksd_cli.models import Agreement, Potential
    from ksd_cli.reference import ReferenceData
    from ksd_cli.registrations import Registration

Loc = tuple[str | int, ...]
Scope = Literal["file", "schema", "agreement", "potential", "record"]


@dataclass(frozen=True)
class Hit:
    """Where a rule found a problem (a path into the record) and what to say about it."""

    loc: Loc
    args: Mapping[str, object] = field(default_factory=dict)
    variant: str | None = None
    key: bool = False
    hint: str | None = None


@dataclass(frozen=True)
class RepositoryIndex:
    """What rules need to know about the other records: which ids exist, and where."""

    potential_ids: frozenset[str]
    paths_by_id: Mapping[str, tuple[str, ...]]
    potentials_folder: str
    #: v1.1: per unsigned record id, the records that look like the same request (C016).
    duplicates: Mapping[str, tuple[Registration, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """Everything a check may consult besides the record: reference data, policy, the date."""

    reference: ReferenceData
    config: Config
    as_of: date
    index: RepositoryIndex
    path: str


Check = Callable[[Any, Context], Iterator[Hit]]


@dataclass(frozen=True)
class Rule:
    """A check with a stable code and name; its module docstring is its documentation.

    ``scope`` says what it looks at: ``file`` and ``schema`` rules are raised while reading and
    validating a file (they have no ``check``), ``agreement``/``potential``/``record`` rules run
    on valid records of that kind (``record``: both kinds).
    """

    code: str
    name: str
    severity: Severity
    scope: Scope
    doc: str
    check: Check | None = None

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0]


def agreement_check(func: Callable[[Agreement, Context], Iterator[Hit]]) -> Check:
    """Type helper: a check over agreements."""
    return func


def potential_check(func: Callable[[Potential, Context], Iterator[Hit]]) -> Check:
    """Type helper: a check over potentials."""
    return func
