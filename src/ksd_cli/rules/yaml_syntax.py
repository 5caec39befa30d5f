"""The file is not valid YAML.

Why: a record that YAML cannot read cannot be checked at all; the parser's own words say what
it expected (an unclosed quote, a missing colon, a wrong indentation).

Passing::

    judul: Pengelolaan Sampah Regional

Failing (the quote is never closed)::

    judul: "Pengelolaan Sampah Regional
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y001", "yaml-syntax", Severity.ERROR, "file", __doc__)
