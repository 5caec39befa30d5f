"""The file is not UTF-8 text.

Why: records are UTF-8 (with or without a byte-order mark). A file saved as Windows-1252 or
UTF-16 by an office program turns names such as "Pemerintah Kota Bontang" or a "é" in a foreign
partner's name into garbage. The finding names the first byte that is not UTF-8.

Passing: the file saved as "UTF-8" or "UTF-8 with BOM".

Failing: the same file saved as "ANSI"/Windows-1252 with a non-ASCII character in it.
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y003", "invalid-encoding", Severity.ERROR, "file", __doc__)
