"""The file holds no data.

Why: an empty record file is usually a record created and never filled in, or one whose
content was lost in a merge. It is reported so it is either filled or removed.

Passing: a file with at least ``id``, ``judul``, ``jenis``, ``urusan`` and ``pihak``.

Failing: a file with nothing in it, only comments, or only ``~``.
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y005", "empty-file", Severity.ERROR, "file", __doc__)
