"""The same request registered twice (a warning).

Why: a register built from a request system often holds one request filed twice (by two
OPDs, or again after a reply went missing). Two records with nothing signed, with a partner in
common (a region by its code, any other party by its name), titles that are very much alike
(a ``difflib`` ratio of at least 0.8 over their lower-cased words, or 0.92 over their
letters, once "kerja sama" and words every title shares are set aside) and first events within 365
days of each other (without dated events: ids of the same or the next year) are most likely
one cooperation. Each of the two is warned, naming the other. New in record format v1.1.
Records are compared only within the group of their partner, and only titles at most one
word apart (in any order), never every pair.

Passing::

    # KSD-6472-2024-003: "Kerja Sama Pengelolaan Parkir" with PT Parkir Nusantara
    # KSD-6472-2024-009: "Pemanfaatan Aset Gedung" with PT Parkir Nusantara

Failing (warning)::

    # KSD-6472-2024-003: "Kerja Sama Pengelolaan Parkir" with PT Parkir Nusantara
    # KSD-6472-2024-009: "Kerjasama Pengelolaan Parkir" with PT Parkir Nusantara
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """The record against the unsigned records that share a partner with it."""
    for other in ctx.index.duplicates.get(record.id, ()):
        yield Hit(("judul",), {"other": other.id, "other_judul": other.judul})


RULE = Rule("C016", "registrasi-ganda", Severity.WARNING, "agreement", __doc__, check)
