"""A KSDD (cooperation between regions) with a party that is not a regional government.

Why: PP 28/2018 defines *kerja sama daerah dengan daerah lain* (``ksdd_wajib``,
``ksdd_sukarela``) as between regional governments only. A company, a ministry or a foreign
partner makes it another kind (``ksdpk``, ``sinergi``, ``ksdpl``, ``ksdll``), with another
procedure.

Passing::

    jenis: ksdd_sukarela
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}

Failing::

    jenis: ksdd_sukarela
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pihak_ketiga, nama: PT Kaltim Lestari}
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Every non-pemda party of a ``ksdd_*`` record."""
    if not record.jenis.startswith("ksdd_"):
        return
    for i, party in enumerate(record.pihak):
        if party.tipe != "pemda":
            yield Hit(
                ("pihak", i, "tipe"),
                {"jenis": record.jenis, "peran": party.peran, "tipe": party.tipe},
            )


RULE = Rule("C001", "ksdd-non-pemda", Severity.ERROR, "agreement", __doc__, check)
