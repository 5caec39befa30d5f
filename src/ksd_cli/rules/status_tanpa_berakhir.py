"""A cooperation stopped early without the date it stopped (a warning).

Why: ``status: dibatalkan`` or ``status: diakhiri`` is stored only to stop a cooperation early;
the record format asks for a ``berakhir`` event in ``tahapan`` that gives the date (and the
reason in ``keterangan``), so that reports can say when it ended.

Passing::

    tahapan:
      - {tahap: berakhir, tanggal: 2023-08-01, keterangan: Dibatalkan atas kesepakatan para pihak}
    status: dibatalkan

Failing (warning)::

    status: dibatalkan
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """A stored status needs a ``berakhir`` event."""
    if record.status is not None and not any(e.tahap == "berakhir" for e in record.tahapan or ()):
        yield Hit(("status",), {"status": record.status})


RULE = Rule("C011", "status-tanpa-berakhir", Severity.WARNING, "agreement", __doc__, check)
