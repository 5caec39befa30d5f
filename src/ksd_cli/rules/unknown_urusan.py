"""An urusan code that is not one of the 32 concurrent government affairs.

Why: the object of a cooperation is one or more *urusan pemerintahan konkuren* (UU 23/2014
Pasal 12; Permendagri 22/2020), coded as in SIPD: ``"1.xx"`` wajib pelayanan dasar, ``"2.xx"``
wajib non-pelayanan dasar, ``"3.xx"`` pilihan. The absolute affairs of the centre (foreign
policy, defence, security, justice, monetary and fiscal, religion) can never be objects and
have no code here. The list ships with ksd (``ksd_cli/reference/urusan.csv``).

Passing::

    urusan: ["2.11"]   # lingkungan hidup

Failing::

    urusan: ["2.40"]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Context, Hit, Loc, Rule


def check(record: Any, ctx: Context) -> Iterator[Hit]:
    """Codes of an agreement's list or a potential's single urusan."""
    pairs: list[tuple[Loc, str]]
    if isinstance(record.urusan, list):
        pairs = [(("urusan", i), kode) for i, kode in enumerate(record.urusan)]
    else:
        pairs = [(("urusan",), record.urusan)]
    for loc, kode in pairs:
        if kode not in ctx.reference.urusan:
            yield Hit(loc, {"value": kode})


RULE = Rule("R003", "unknown-urusan", Severity.ERROR, "record", __doc__, check)
