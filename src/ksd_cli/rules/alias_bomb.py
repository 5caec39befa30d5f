"""YAML anchors and aliases expand to an absurd size.

Why: a few lines of nested aliases (the "billion laughs" attack) can expand to billions of
values and exhaust the memory of a CI runner. A pull request can carry such a file, so ksd
counts the expanded size and refuses a file above 100,000 nodes. Ordinary use of anchors
(one party block reused in two places) is fine. A file over the limit without any alias is
reported with its own wording: it is simply far larger than any record.

Passing::

    pihak:
      - &kukar {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}

Failing: ten levels of lists, each repeating the previous anchor ten times.
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y008", "alias-bomb", Severity.ERROR, "file", __doc__)
