"""An official who signs for a region without a power of attorney (a warning).

Why: a KB is signed by the heads of region; a PKS may be signed by the head of an OPD only under
a *surat kuasa* from the head of region (Permendagri 22/2020), and the naskah must cite it. A
signatory of a ``pemda`` party whose office is not Gubernur, Bupati or Wali Kota (including
Penjabat/Pj., Plt. and Plh.) needs ``surat_kuasa``.

Since record format v1.1 the ground may be another one, in ``dasar_kewenangan``: a deputy or a
Sekda acting on an appointment decree (``jenis: keputusan_pengangkatan``), an acting official
(``plt``, ``plh``, ``pj``) with its decree, or ``lainnya``; or ``dasar_kewenangan:
tidak_diketahui`` when the source does not say. The rule warns only when nothing is said.

Passing::

    penandatangan:
      - peran: pihak_kesatu
        nama: Ir. Slamet Hadiraharjo
        jabatan: Kepala Dinas Lingkungan Hidup Kabupaten Kutai Kartanegara
        surat_kuasa: {nomor: 180/0123/HK, tanggal: 2022-02-01}
      - peran: pihak_kedua
        nama: Dr. Hj. Rina Kartika, M.Si.
        jabatan: Sekretaris Daerah Kota Samarinda
        dasar_kewenangan: tidak_diketahui

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
            if signer.dasar_kewenangan is not None:  # v1.1: another ground, or "unknown"
                continue
            if not is_kepala_daerah(signer.jabatan):
                yield Hit(
                    ("naskah", i, "penandatangan", j),
                    {"nama": signer.nama, "jabatan": signer.jabatan, "pihak": signer.peran},
                )


RULE = Rule(
    "C009", "penandatangan-tanpa-surat-kuasa", Severity.WARNING, "agreement", __doc__, check
)
