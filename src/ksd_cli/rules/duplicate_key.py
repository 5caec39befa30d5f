"""A key appears twice in one mapping.

Why: YAML parsers disagree on which of the two values wins, and a reviewer reading the pull
request sees one while ksd reads the other. ksd keeps the first and reports the second.

Passing::

    naskah:
      - jenis: kesepakatan_bersama
        tanggal_ttd: 2021-03-15

Failing (``tanggal_ttd`` twice)::

    naskah:
      - jenis: kesepakatan_bersama
        tanggal_ttd: 2021-03-15
        tanggal_ttd: 2021-03-16
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y002", "duplicate-key", Severity.ERROR, "file", __doc__)
