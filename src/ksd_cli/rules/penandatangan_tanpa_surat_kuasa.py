"""An official who signs for a region without a power of attorney (a warning).

Why: a KB is signed by the heads of region; a PKS may be signed by the head of an OPD only under
a *surat kuasa* from the head of region (Permendagri 22/2020), and the naskah must cite it. A
signatory of a ``pemda`` party whose office is not Gubernur, Bupati or Wali Kota (including
Penjabat/Pj., Plt. and Plh.) needs ``surat_kuasa``.

Passing::

    penandatangan:
      - peran: pihak_kesatu
        nama: Ir. Slamet Hadiraharjo
        jabatan: Kepala Dinas Lingkungan Hidup Kabupaten Kutai Kartanegara
        surat_kuasa: {nomor: 180/0123/HK, tanggal: 2022-02-01}

Failing (warning)::

    penandatangan:
      - peran: pihak_kesatu
        nama: Ir. Slamet Hadiraharjo
        jabatan: Kepala Dinas Lingkungan Hidup Kabupaten Kutai Kartanegara
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.documents import is_kepala_daerah
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Signatories of pemda parties who are not heads of region and cite no surat kuasa."""
    tipe = {p.peran: p for p in record.pihak}
    for i, naskah in enumerate(record.naskah or ()):
        for j, signer in enumerate(naskah.penandatangan or ()):
            party = tipe.get(signer.peran)
            if party is None or party.tipe != "pemda" or signer.surat_kuasa is not None:
                continue
            if not is_kepala_daerah(signer.jabatan):
                yield Hit(
                    ("naskah", i, "penandatangan", j),
                    {"nama": signer.nama, "jabatan": signer.jabatan, "pihak": signer.peran},
                )


RULE = Rule(
    "C009", "penandatangan-tanpa-surat-kuasa", Severity.WARNING, "agreement", __doc__, check
)
