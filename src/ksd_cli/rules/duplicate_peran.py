"""Two parties with the same ``peran``.

Why: ``peran`` is the label of a party in the naskah (PIHAK KESATU, PIHAK KEDUA, ...); document
numbers and signatories are keyed by it. Two parties with one label make those ambiguous.

Passing::

    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}

Failing::

    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.72"}
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Every label after its first use."""
    seen: set[str] = set()
    for i, party in enumerate(record.pihak):
        if party.peran in seen:
            yield Hit(("pihak", i, "peran"), {"peran": party.peran})
        seen.add(party.peran)


RULE = Rule("S010", "duplicate-peran", Severity.ERROR, "agreement", __doc__, check)
