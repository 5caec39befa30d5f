"""The file's top level is not a mapping of keys to values.

Why: a record is a set of named fields (``id``, ``judul``, ...). A file whose top level is a
list or a single value cannot be a record.

Passing::

    id: KSD-6402-2021-001
    judul: Pengelolaan Sampah Regional

Failing (a list at the top level)::

    - id: KSD-6402-2021-001
      judul: Pengelolaan Sampah Regional
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y006", "not-a-mapping", Severity.ERROR, "file", __doc__)
