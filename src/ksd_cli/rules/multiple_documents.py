"""The file holds more than one YAML document.

Why: one file is one record, named after its id. Records pasted into one file behind ``---``
separators would be invisible to every other check.

Passing: one record, with at most one leading ``---``.

Failing::

    id: KSD-6402-2021-001
    ---
    id: KSD-6402-2021-002
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y007", "multiple-documents", Severity.ERROR, "file", __doc__)
