"""The same id is used by more than one file.

Why: an id names one cooperation or one potential for its whole life. Two files with one id
(a copy, a ``.yml`` beside a ``.yaml``) make references and reports ambiguous. Each file
that carries the id is reported, naming the others.

Passing: every id in one file only.

Failing: ``id: KSD-6402-2024-007`` in two files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Context, Hit, Rule


def check(record: Any, ctx: Context) -> Iterator[Hit]:
    """Look the id up in the repository index."""
    paths = ctx.index.paths_by_id.get(record.id, ())
    if len(paths) > 1:
        others = ", ".join(p for p in paths if p != ctx.path)
        yield Hit(("id",), {"value": record.id, "other": others})


RULE = Rule("S009", "duplicate-id", Severity.ERROR, "record", __doc__, check)
