"""An id that does not follow the pattern of the record format.

Why: ids are cited in letters, reports and pull requests for years; the pattern makes the
owning region, the year and the sequence readable: ``KSD-6402-2024-007`` for an agreement of
Kabupaten Kutai Kartanegara (64.02), ``KSD-64-2024-001`` for one of Provinsi Kalimantan Timur,
``POT-6402-2024-003`` for a mapped potential. The sequence has at least three digits.

Passing::

    id: KSD-6402-2024-007

Failing::

    id: KSD-64.02-2024-7
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ksd_cli.diagnostics import Severity
from ksd_cli.ids import SHAPES, is_record_id
from ksd_cli.rules.base import Context, Hit, Rule


def check(record: Any, ctx: Context) -> Iterator[Hit]:
    """The id's shape, by the kind of record."""
    prefix = "KSD" if hasattr(record, "pihak") else "POT"
    if not is_record_id(record.id, prefix):
        yield Hit(("id",), {"value": record.id, "pattern": SHAPES[prefix]})


RULE = Rule("S007", "invalid-id", Severity.ERROR, "record", __doc__, check)
