"""A key that the record format does not know.

Why: a typo such as ``tangal_ttd`` for ``tanggal_ttd`` would otherwise pass silently, and the
signing date would simply be missing from every report. The message suggests the nearest
known key.

Passing::

    naskah:
      - jenis: kesepakatan_bersama
        tanggal_ttd: 2021-03-15

Failing::

    naskah:
      - jenis: kesepakatan_bersama
        tangal_ttd: 2021-03-15
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("S002", "unknown-key", Severity.ERROR, "schema", __doc__)
