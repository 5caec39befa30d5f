"""More findings in one file than are worth listing: the first 100 are shown.

Why: a generated or pasted file can carry thousands of problems of one kind (20,000 unknown
keys); listing them all floods CI logs and annotations and hides the other files. ksd lists
the first 100 findings of a file in position order and closes with one finding that counts
the rest ("dan 19900 temuan lain" / "and 19900 more"). It is an error: the file has errors.
Fix the first ones and run again.

Passing: a file with 100 findings or fewer (every one is listed).

Failing: a file with 150 unknown keys: 100 ``S002`` findings, then one ``Y014`` finding
"and 50 more" at the position of the last one listed.
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y014", "too-many-findings", Severity.ERROR, "file", __doc__)
