"""Two parties of one record with the same ``kode_wilayah``: a region cooperating with itself.

Why: kerja sama daerah (PP 28/2018) is between a region and *another* party. The same region
code on two parties is a copy-paste slip (the partner's code was never changed) and would
count the cooperation twice for one region in every report.

A partner whose ``nama`` is still a placeholder (``ISI: ...``) is not reported: ``ksd new``
writes the owner's own code there, so that a cooperation can be committed at its first stage
before the partner is known, and ``ksd diff`` lists the placeholder until it is filled in.

Passing::

    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}
      - {peran: pihak_ketiga, tipe: pemda, kode_wilayah: "64.02", nama: "ISI: NAMA MITRA"}

Failing::

    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.02"}
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import PLACEHOLDER, Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Every party whose region code an earlier party already has (placeholders aside)."""
    first: dict[str, str] = {}
    for i, party in enumerate(record.pihak):
        kode = party.kode_wilayah
        if kode is None or (party.nama or "").startswith(PLACEHOLDER):
            continue
        if kode in first:
            yield Hit(
                ("pihak", i, "kode_wilayah"),
                {"peran": party.peran, "lain": first[kode], "kode": kode},
            )
        else:
            first[kode] = party.peran


RULE = Rule("C013", "kerja-sama-diri-sendiri", Severity.ERROR, "agreement", __doc__, check)
