"""Semantic diff of a data repository between two revisions (or a revision and the work tree).

For a reviewer: which records were added or removed, which fields changed (``old → new`` by
record path, ``naskah[2].tanggal_ttd``, positions 1-based like ``induk``), how each
cooperation's stage and status moved as of one date, and which stalled flags appeared or
cleared, on both sides computed with the whole repository of that side and its ``ksd.toml``.
"""

from ksd_cli.changes import ChangeSet, changes_since
from ksd_cli.diff.compare import (
    compare,
    diff_values,
    placeholders,
    semantic_diff,
)
from ksd_cli.diff.model import (
    MISSING,
    SCHEMA_VERSION,
    DiffResult,
    FieldChange,
    FieldChangeKind,
    Loc,
    RecordChange,
    RecordDiff,
    Side,
    Transition,
    jsonable,
    record_path,
)
from ksd_cli.diff.render import render_markdown, render_text, show_value
from ksd_cli.diff.snapshot import (
    Snapshot,
    config_from_text,
    resolve_sides,
    snapshot_at,
    snapshot_from_texts,
    snapshot_worktree,
)
from ksd_cli.models import PLACEHOLDER

__all__ = [
    "MISSING",
    "PLACEHOLDER",
    "SCHEMA_VERSION",
    "ChangeSet",
    "DiffResult",
    "FieldChange",
    "FieldChangeKind",
    "Loc",
    "RecordChange",
    "RecordDiff",
    "Side",
    "Snapshot",
    "Transition",
    "changes_since",
    "compare",
    "config_from_text",
    "diff_values",
    "jsonable",
    "placeholders",
    "record_path",
    "render_markdown",
    "render_text",
    "resolve_sides",
    "semantic_diff",
    "show_value",
    "snapshot_at",
    "snapshot_from_texts",
    "snapshot_worktree",
]
