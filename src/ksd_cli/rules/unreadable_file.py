"""A record file that ksd does not read: a symbolic link, a FIFO or device, or an unreadable file.

Why: a data repository takes pull requests from many hands and CI runs ksd on them. A record
file that is a symbolic link could make ksd read (and print into CI logs) any file of the CI
machine, such as ``/etc/passwd`` or ``/proc/self/environ``; a FIFO would make it wait forever.
Such entries are never followed or opened: each is reported, and every other file is still
checked. A file that the operating system refuses to read is reported the same way.

Passing: ``data/agreements/KSD-6402-2024-007.yaml`` is a regular file.

Failing: ``data/agreements/KSD-6402-2024-007.yaml -> /etc/passwd`` (a symbolic link).
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y011", "unreadable-file", Severity.ERROR, "file", __doc__)
