"""The id differs from the file name.

Why: the file ``data/agreements/KSD-6402-2024-007.yaml`` must hold the record
``KSD-6402-2024-007``, so that a record is found by its id, and a copied file whose id was not
changed is caught.

Passing: ``id: KSD-6402-2024-007`` in ``KSD-6402-2024-007.yaml``.

Failing: ``id: KSD-6402-2024-006`` in ``KSD-6402-2024-007.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Context, Hit, Rule


def check(record: Any, ctx: Context) -> Iterator[Hit]:
    """Compare the id with the file stem."""
    stem = PurePosixPath(ctx.path).stem
    if record.id != stem:
        yield Hit(("id",), {"value": record.id, "stem": stem})


RULE = Rule("S008", "id-mismatch", Severity.ERROR, "record", __doc__, check)
