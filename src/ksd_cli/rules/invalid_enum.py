"""A value outside a fixed list of choices.

Why: ``jenis``, ``tipe``, ``tahap``, ``rekomendasi``, ``prioritas`` and the other enumerations
are what every count and every derived stage is computed from; a misspelt ``ksdd_sukarella``
would fall out of every report. The message lists the valid choices.

Passing::

    jenis: ksdd_sukarela

Failing::

    jenis: ksdd-sukarela
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("S005", "invalid-enum", Severity.ERROR, "schema", __doc__)
