"""A tab character is used for indentation.

Why: YAML forbids tabs in indentation; editors that insert tabs make a file that looks right
and does not load. Replace the tab with spaces (ksd uses two per level).

Passing::

    pembiayaan:
      nilai: 1250000000

Failing (a tab before ``nilai``)::

    pembiayaan:
    <TAB>nilai: 1250000000
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y004", "tab", Severity.ERROR, "file", __doc__)
