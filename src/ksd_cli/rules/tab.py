"""A tab character where YAML wants spaces.

Why: YAML forbids tabs in indentation, and ruamel.yaml (the reader the record format is
defined by) also refuses a tab between a key and its value or before a comment. Editors that
insert tabs make a file that looks right and does not load. Replace the tab with spaces (ksd
uses two per level); tabs inside quoted text are fine.

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
