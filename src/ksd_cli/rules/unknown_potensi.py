"""A ``potensi`` reference to a potential that does not exist.

Why: follow-up of the mapping of potentials is derived from the agreements that name them; a
reference to a missing or renamed potential breaks that link silently, and the potential is
reported as never followed up.

Passing (``data/potentials/POT-6402-2023-001.yaml`` exists)::

    potensi: [POT-6402-2023-001]

Failing::

    potensi: [POT-6402-2023-099]
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Every id in ``potensi`` against the potentials of the repository."""
    for i, potensi_id in enumerate(record.potensi or ()):
        if potensi_id not in ctx.index.potential_ids:
            yield Hit(("potensi", i), {"value": potensi_id, "folder": ctx.index.potentials_folder})


RULE = Rule("R004", "unknown-potensi", Severity.ERROR, "agreement", __doc__, check)
