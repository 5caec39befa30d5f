"""The file uses a YAML feature that records do not use.

Why: records are plain data. Custom tags (``!python/object``, also on a list or mapping:
``pembiayaan: !foo {...}``), keys that are lists or mappings, and a merge key ``<<`` that
points at something other than a mapping have no meaning in the record format and are
reported instead of being guessed at. So are an alias to the block that contains it
(``&a [*a]``, reported at the anchored block: it would make every reader recurse forever)
and a plain integer of more than 4,300 digits (past what Python converts; kept as text).

Passing::

    judul: Pengelolaan Sampah Regional

Failing::

    judul: !python/object:os.system "rm -rf /"
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y010", "unsupported-yaml", Severity.ERROR, "file", __doc__)
