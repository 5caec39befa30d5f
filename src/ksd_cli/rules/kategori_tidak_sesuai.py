"""A party ``kategori`` that does not fit its ``tipe``.

Why: ``kategori`` (record format v1.1) says who the partner really is, so that reports can
count partners by kind. For ``pihak_ketiga``: ``badan_usaha_swasta``, ``bumn``, ``bumd``,
``perguruan_tinggi``, ``organisasi_kemasyarakatan``, ``perorangan``, ``lembaga_lainnya``. For
``kementerian_lembaga``: ``kementerian``, ``lembaga_pemerintah_non_kementerian``,
``instansi_vertikal`` (a Kantor Pertanahan, Imigrasi, BNN, Polres, a court). A BPJS is a
``pihak_ketiga`` of category ``lembaga_lainnya`` and a state university a ``pihak_ketiga`` of
category ``perguruan_tinggi``: PP 28/2018 names "badan hukum" and "perguruan tinggi" among the
third parties and the ministries and LPNK among the central government; a BPJS (a public legal
body reporting to the President) and a university are neither. Other party types carry no
category.

Passing::

    pihak:
      - {peran: pihak_kedua, tipe: kementerian_lembaga, nama: Kantor Pertanahan Kota Samarinda,
         kategori: instansi_vertikal}

Failing::

    pihak:
      - {peran: pihak_kedua, tipe: pihak_ketiga, nama: PT Maju Bersama, kategori: kementerian}
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import KATEGORI_PER_TIPE, Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Each party's category against the categories of its type."""
    for i, pihak in enumerate(record.pihak):
        if pihak.kategori is None:
            continue
        allowed = KATEGORI_PER_TIPE.get(pihak.tipe)
        if allowed is None:
            yield Hit(("pihak", i, "kategori"), {"tipe": pihak.tipe}, variant="tanpa-pilihan")
        elif pihak.kategori not in allowed:
            yield Hit(
                ("pihak", i, "kategori"),
                {
                    "kategori": pihak.kategori,
                    "tipe": pihak.tipe,
                    "pilihan": ", ".join(sorted(allowed)),
                },
            )


RULE = Rule("C014", "kategori-tidak-sesuai", Severity.ERROR, "agreement", __doc__, check)
