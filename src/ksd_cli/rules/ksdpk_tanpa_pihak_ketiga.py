"""A KSDPK without a third party.

Why: *kerja sama daerah dengan pihak ketiga* (Permendagri 22/2020) is by definition with a
non-government party: a company, a foundation, a university, an organisation or a person,
``tipe: pihak_ketiga``. (Not to be confused with the label ``peran: pihak_ketiga``.)

Passing::

    jenis: ksdpk
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pihak_ketiga, nama: Universitas Mulawarman}

Failing::

    jenis: ksdpk
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """A ``ksdpk`` record needs a party of type ``pihak_ketiga``."""
    if record.jenis == "ksdpk" and not any(p.tipe == "pihak_ketiga" for p in record.pihak):
        yield Hit(("pihak",))


RULE = Rule("C003", "ksdpk-tanpa-pihak-ketiga", Severity.ERROR, "agreement", __doc__, check)
