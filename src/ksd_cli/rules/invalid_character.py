r"""Text holding a control character, a lone surrogate or a Unicode noncharacter.

Why: record text ends up in terminals, CI logs, spreadsheets and Word documents. A control
character (``"\x1b"`` clears a terminal, ``"\0"`` and ``"\x01"`` break Excel and Word
files), a lone surrogate (``"\ud800"``, which no UTF-8 output can hold) or a noncharacter
(``"\ufffe"``) has no place in a record. Quoted YAML strings can write them with escapes;
they are reported at the value. Tab and newline are ordinary text and are accepted.

Passing::

    catatan: "Rapat koordinasi\tSamarinda"

Failing::

    catatan: "Rapat koordinasi\x1b[2J"
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y013", "invalid-character", Severity.ERROR, "file", __doc__)
