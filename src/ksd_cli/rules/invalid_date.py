"""A date that is not a real ISO calendar date.

Why: dates drive the stage, the status and every stalled flag. ``2024-02-30`` or ``15-03-2021``
must be caught where they are typed, not turn into a wrong status later. Write ``YYYY-MM-DD``
without a time.

Passing::

    tanggal_ttd: 2024-02-29

Failing::

    tanggal_ttd: 2023-02-29
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("S006", "invalid-date", Severity.ERROR, "schema", __doc__)
