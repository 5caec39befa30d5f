"""A mandatory KSDD with fewer than two regional governments.

Why: ``ksdd_wajib`` is the cooperation PP 28/2018 makes mandatory between *bordering* regions
on an urusan with cross-border externalities; it takes at least two pemda. (ksd has no map of
borders, so whether the two actually border each other is left to the reviewer.)

Passing::

    jenis: ksdd_wajib
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}

Failing::

    jenis: ksdd_wajib
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pihak_ketiga, nama: Perumda Tirta Kencana}
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Count the pemda parties of a ``ksdd_wajib`` record."""
    if record.jenis == "ksdd_wajib":
        count = sum(1 for p in record.pihak if p.tipe == "pemda")
        if count < 2:
            yield Hit(("jenis",), {"count": count})


RULE = Rule("C002", "ksdd-wajib-pemda", Severity.ERROR, "agreement", __doc__, check)
