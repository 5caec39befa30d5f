"""A signing or event date after the as-of date.

Why: records describe what has happened. A ``tanggal_ttd``, a stage event, an event of the
proposal (``peristiwa``, format v1.1), a monev or a DPRD
date in the future is a typo (2052 for 2025) or a plan written as a fact, and it would move the
cooperation to a stage it has not reached. The as-of date is today in the region's time zone,
or ``--as-of``. Validity dates (``berlaku_*``) may of course lie ahead.

Passing (checked on 2025-06-30)::

    tanggal_ttd: 2025-03-15

Failing::

    tanggal_ttd: 2052-03-15
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Loc, Rule, agreement_check
from ksd_cli.tanggal import awal


def _dates(record: Agreement) -> Iterator[tuple[Loc, date | None]]:
    for i, naskah in enumerate(record.naskah or ()):
        yield ("naskah", i, "tanggal_ttd"), naskah.tanggal_ttd
    for i, event in enumerate(record.tahapan or ()):
        yield ("tahapan", i, "tanggal"), event.tanggal
    for i, peristiwa in enumerate(record.peristiwa or ()):
        yield ("peristiwa", i, "tanggal"), peristiwa.tanggal
    for i, monev in enumerate(record.monev or ()):
        yield ("monev", i, "tanggal"), monev.tanggal
    if record.persetujuan_dprd is not None:
        yield ("persetujuan_dprd", "tanggal_permohonan"), record.persetujuan_dprd.tanggal_permohonan
        yield ("persetujuan_dprd", "tanggal_keputusan"), record.persetujuan_dprd.tanggal_keputusan


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Every event date against ``ctx.as_of``."""
    for loc, value in _dates(record):
        # v1.1: a month-only date is in the future only when its whole month is.
        if value is not None and awal(value) > ctx.as_of:
            yield Hit(loc, {"value": value.isoformat(), "as_of": ctx.as_of.isoformat()})


RULE = Rule("C007", "tanggal-mendatang", Severity.ERROR, "agreement", __doc__, check)
