"""The semantic diff's values: the two sides, field changes, transitions, record diffs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from ksd_cli.repository import Kind
from ksd_cli.stalled import Flag

SCHEMA_VERSION = 1
RecordChange = Literal["added", "removed", "changed", "flags"]
FieldChangeKind = Literal["added", "removed", "changed"]
Loc = tuple[str | int, ...]


class _Missing:
    """The value of a field that does not exist on one side."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class Side:
    """One side of the comparison: a revision (with its commit), or the working tree."""

    revision: str | None
    commit: str | None
    short: str | None = None

    @property
    def working_tree(self) -> bool:
        """Whether this side is the files on disk."""
        return self.commit is None

    def as_dict(self) -> dict[str, object]:
        """JSON form."""
        return {
            "revision": self.revision,
            "commit": self.commit,
            "working_tree": self.working_tree,
        }


@dataclass(frozen=True)
class FieldChange:
    """One changed value: where (``naskah[2].tanggal_ttd``), and the values before and after."""

    loc: Loc
    old: Any
    new: Any

    @property
    def kind(self) -> FieldChangeKind:
        """added, removed or changed."""
        if self.old is MISSING:
            return "added"
        if self.new is MISSING:
            return "removed"
        return "changed"

    @property
    def path(self) -> str:
        """The record path with 1-based positions: ``naskah[2].tanggal_ttd``."""
        return record_path(self.loc)

    def as_dict(self) -> dict[str, object]:
        """JSON form (``loc`` holds 0-based positions, ``path`` 1-based ones)."""
        return {
            "path": self.path,
            "loc": list(self.loc),
            "change": self.kind,
            "old": None if self.old is MISSING else jsonable(self.old),
            "new": None if self.new is MISSING else jsonable(self.new),
        }


@dataclass(frozen=True)
class Transition:
    """A derived value before and after (None: not applicable, or the record does not load)."""

    old: str | None
    new: str | None

    @property
    def changed(self) -> bool:
        """Whether it moved."""
        return self.old != self.new

    def as_dict(self) -> dict[str, object]:
        """JSON form."""
        return {"old": self.old, "new": self.new, "changed": self.changed}


@dataclass(frozen=True)
class RecordDiff:
    """What changed in one record file."""

    path: str
    id: str
    kind: Kind
    change: RecordChange
    judul: str
    fields: tuple[FieldChange, ...] = ()
    tahap: Transition | None = None
    status: Transition | None = None
    flags_raised: tuple[Flag, ...] = ()
    flags_cleared: tuple[Flag, ...] = ()
    valid_before: bool | None = None
    valid_after: bool | None = None
    placeholders: tuple[str, ...] = ()
    #: The flags of the side where the record is valid when it has errors on the other: not
    #: judged there, so neither raised nor cleared (a record that breaks clears nothing).
    flags_unjudged: tuple[Flag, ...] = ()

    @property
    def stuck(self) -> bool:
        """Whether a stalled flag (not a mere reminder) appeared."""
        return any(f.kategori == "macet" for f in self.flags_raised)

    def as_dict(self) -> dict[str, object]:
        """JSON form."""
        return {
            "id": self.id,
            "path": self.path,
            "kind": self.kind,
            "change": self.change,
            "judul": self.judul,
            "fields": [f.as_dict() for f in self.fields],
            "tahap": self.tahap.as_dict() if self.tahap else None,
            "status": self.status.as_dict() if self.status else None,
            "flags_raised": [f.as_dict() for f in self.flags_raised],
            "flags_cleared": [f.as_dict() for f in self.flags_cleared],
            "flags_unjudged": [f.as_dict() for f in self.flags_unjudged],
            "valid": {"before": self.valid_before, "after": self.valid_after},
            "placeholders": list(self.placeholders),
        }


@dataclass(frozen=True)
class DiffResult:
    """Every record that changed between two sides, as of one date."""

    before: Side
    after: Side
    as_of: date
    records: tuple[RecordDiff, ...]
    schema_version: int = field(default=SCHEMA_VERSION, init=False)

    def count(self, change: RecordChange) -> int:
        """Number of records with this kind of change."""
        return sum(1 for r in self.records if r.change == change)

    @property
    def flags_raised(self) -> int:
        """Number of flags that appeared."""
        return sum(len(r.flags_raised) for r in self.records)

    @property
    def flags_cleared(self) -> int:
        """Number of flags that cleared."""
        return sum(len(r.flags_cleared) for r in self.records)

    @property
    def flags_unjudged(self) -> int:
        """Number of flags not judged: their record has errors on the other side."""
        return sum(len(r.flags_unjudged) for r in self.records)

    def as_dict(self) -> dict[str, object]:
        """The stable JSON form (schema version 1)."""
        return {
            "schema_version": self.schema_version,
            "as_of": self.as_of.isoformat(),
            "before": self.before.as_dict(),
            "after": self.after.as_dict(),
            "summary": {
                "added": self.count("added"),
                "removed": self.count("removed"),
                "changed": self.count("changed"),
                "flags_raised": self.flags_raised,
                "flags_cleared": self.flags_cleared,
                "flags_unjudged": self.flags_unjudged,
            },
            "records": [r.as_dict() for r in self.records],
        }


def record_path(loc: Sequence[str | int]) -> str:
    """``("naskah", 1, "tanggal_ttd")`` as ``naskah[2].tanggal_ttd`` (1-based, like ``induk``)."""
    out = ""
    for segment in loc:
        if isinstance(segment, int):
            out += f"[{segment + 1}]"
        else:
            out += f".{segment}" if out else str(segment)
    return out


def jsonable(value: Any) -> Any:
    """Loaded YAML data as JSON values (dates as ISO text)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value != value:
        return None
    return value
