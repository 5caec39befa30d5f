"""A region or urusan code written without quotes.

Why: YAML reads an unquoted ``2.10`` as the number 2.1 and ``64.70`` as 64.7: the code the
analyst typed is lost before any program sees it. Codes are always strings: ``"2.10"``,
``"64.02"``.

Passing::

    urusan: ["2.10", "2.11"]

Failing::

    urusan: [2.10, 2.11]
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("S004", "unquoted-code", Severity.ERROR, "schema", __doc__)
