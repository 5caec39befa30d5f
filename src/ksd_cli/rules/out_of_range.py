"""A number outside its range, or a list with too few items.

Why: ``capaian`` is a percentage (0-100), ``nilai`` cannot be negative, ``induk`` counts from 1,
a cooperation has at least two ``pihak`` and at least one ``urusan``.

Passing::

    monev:
      - tanggal: 2024-12-20
        capaian: 85

Failing::

    monev:
      - tanggal: 2024-12-20
        capaian: 185
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("S011", "out-of-range", Severity.ERROR, "schema", __doc__)
