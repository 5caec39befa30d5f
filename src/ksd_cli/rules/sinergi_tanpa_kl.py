"""A sinergi without a ministry or national agency.

Why: since Permendagri 22/2020, cooperation with a central ministry or agency (K/L) is
*sinergi*, made by a Nota Kesepakatan with an action-plan annex; it needs a party of type
``kementerian_lembaga``.

Passing::

    jenis: sinergi
    pihak:
      - {peran: pihak_kesatu, tipe: kementerian_lembaga, nama: Kementerian Pertanian}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.02"}

Failing::

    jenis: sinergi
    pihak:
      - {peran: pihak_kesatu, tipe: pihak_ketiga, nama: Perum Bulog}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.02"}
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """A ``sinergi`` record needs a party of type ``kementerian_lembaga``."""
    if record.jenis == "sinergi" and not any(p.tipe == "kementerian_lembaga" for p in record.pihak):
        yield Hit(("pihak",))


RULE = Rule("C004", "sinergi-tanpa-kl", Severity.ERROR, "agreement", __doc__, check)
