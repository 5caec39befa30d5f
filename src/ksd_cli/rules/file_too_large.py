"""The file is larger than the configured limit.

Why: a record is a few kilobytes. A file of megabytes is a mistake (a pasted scan, a generated
dump) and would slow every CI run; it is reported without being read. The limit is
``[validate] max_file_kb`` in ``ksd.toml`` (default 5120 KB).

Passing: a record of normal size.

Failing: a 6 MB file under ``data/agreements/`` with the default limit.
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y009", "file-too-large", Severity.ERROR, "file", __doc__)
