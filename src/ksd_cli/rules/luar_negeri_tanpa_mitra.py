"""Foreign cooperation without its foreign partner.

Why: Permendagri 25/2020 distinguishes cooperation with a foreign local government
(``ksdpl``, sister city or province: a party of type ``pemda_luar_negeri``) from cooperation
with a foreign institution (``ksdll``: ``lembaga_luar_negeri``). A record of either kind
without that partner is of the wrong kind or misses its partner.

Passing::

    jenis: ksdpl
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda_luar_negeri, nama: Kota Kuching, negara: Malaysia}

Failing::

    jenis: ksdpl
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: lembaga_luar_negeri, nama: JICA, negara: Jepang}
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check

_MITRA = {"ksdpl": "pemda_luar_negeri", "ksdll": "lembaga_luar_negeri"}


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """A foreign kind needs its foreign party type."""
    tipe = _MITRA.get(record.jenis)
    if tipe is not None and not any(p.tipe == tipe for p in record.pihak):
        yield Hit(("pihak",), {"jenis": record.jenis, "tipe": tipe})


RULE = Rule("C012", "luar-negeri-tanpa-mitra", Severity.ERROR, "agreement", __doc__, check)
