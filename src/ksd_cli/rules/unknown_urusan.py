"""An urusan code that is neither a concurrent government affair nor a supporting function.

Why: the object of a cooperation is one or more *urusan pemerintahan konkuren* (UU 23/2014
Pasal 12; Permendagri 22/2020), coded as in SIPD: ``"1.xx"`` wajib pelayanan dasar, ``"2.xx"``
wajib non-pelayanan dasar, ``"3.xx"`` pilihan. The absolute affairs of the centre (foreign
policy, defence, security, justice, monetary and fiscal, religion) can never be objects and
have no code here. The list ships with ksd (``ksd_cli/reference/urusan.csv``).

Since format v1.1 the other codes of regional planning (``4.01`` sekretariat daerah, ``5.02``
keuangan, ``6.01`` inspektorat, ...; ``ksd_cli/reference/urusan_lain.csv``) are not this
error but the warning ``urusan-bukan-konkuren`` (R008).

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


def urusan_codes(record: Any) -> list[tuple[Loc, str]]:
    """Codes of an agreement's list or a potential's single urusan, with their places."""
    if isinstance(record.urusan, list):
        return [(("urusan", i), kode) for i, kode in enumerate(record.urusan)]
    return [(("urusan",), record.urusan)]


def check(record: Any, ctx: Context) -> Iterator[Hit]:
    """Codes in neither the concurrent affairs nor the supporting functions."""
    for loc, kode in urusan_codes(record):
        if kode not in ctx.reference.urusan and kode not in ctx.reference.urusan_lain:
            yield Hit(loc, {"value": kode})


RULE = Rule("R003", "unknown-urusan", Severity.ERROR, "record", __doc__, check)
