"""A document whose validity ends before it starts.

Why: ``berlaku_sampai`` before ``berlaku_mulai`` (or before the signing date, when
``berlaku_mulai`` is absent) is a typo in a year or a swapped pair, and would make the document
expired from the day it was signed.

Passing::

    berlaku_mulai: 2021-03-15
    berlaku_sampai: 2026-03-14

Failing::

    berlaku_mulai: 2021-03-15
    berlaku_sampai: 2016-03-14
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check
from ksd_cli.tanggal import awal


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Compare each document's end with its start."""
    for i, naskah in enumerate(record.naskah or ()):
        mulai = naskah.mulai
        # v1.1: a start known to the month counts from its first day: certainly reversed.
        if mulai is not None and naskah.sampai is not None and naskah.sampai < awal(mulai):
            yield Hit(
                ("naskah", i, "berlaku_sampai"),
                {"sampai": naskah.sampai.isoformat(), "mulai": mulai.isoformat()},
            )


RULE = Rule("C005", "berlaku-terbalik", Severity.ERROR, "agreement", __doc__, check)
