"""An operational document signed without the DPRD approval the regulation requires.

Why: PP 28/2018 requires the approval of the DPRD for a KSDD "dalam hal rencana KSDD membebani
masyarakat dan daerah dan/atau pendanaan KSDD belum teranggarkan dalam APBD tahun anggaran
berjalan" (Pasal 6, just before its ayat (4); the same condition for KSDPK in the section on
KSDPK, Pasal 12; UU 23/2014 Pasal 363 is the statute behind both). The ayat numbers could not be
verified against the official text from here: read them in the Lembaran Negara before citing
them further. Read as the text reads, approval is needed when the cooperation burdens **both**
the public **and** the region, **or** its funding is not budgeted in the current APBD:
``membebani_masyarakat: true`` together with ``membebani_daerah: true``, or
``teranggarkan_apbd: false``. Then every signed operational document (a PKS; for ``sinergi``
the nota kesepakatan) needs ``persetujuan_dprd`` with ``hasil: disetujui`` and a
``tanggal_keputusan`` on or before its ``tanggal_ttd``. Absent values mean unknown and raise
nothing; a burden on only one of the two raises nothing either.

Changed in record format v1.1 (one of its two deliberate changes, see CHANGELOG.md): v1 read
the condition as "the public or the region", so ``membebani_daerah: true`` alone was an error.

Passing::

    pembiayaan: {membebani_masyarakat: true, membebani_daerah: true}
    persetujuan_dprd: {diperlukan: true, hasil: disetujui, tanggal_keputusan: 2022-05-10}
    naskah:
      - {jenis: perjanjian_kerja_sama, tanggal_ttd: 2022-06-01}

Failing::

    pembiayaan: {teranggarkan_apbd: false}
    naskah:
      - {jenis: perjanjian_kerja_sama, tanggal_ttd: 2022-06-01}
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.documents import is_operational
from ksd_cli.messages import Term
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check
from ksd_cli.tanggal import pasti_sebelum


def _sebab(record: Agreement) -> str | None:
    """Why approval is needed, as the regulation words it; ``None`` when it is not (or unknown)."""
    biaya = record.pembiayaan
    if biaya is None:
        return None
    if biaya.membebani_masyarakat is True and biaya.membebani_daerah is True:
        return "membebani"
    if biaya.teranggarkan_apbd is False:
        return "belum_teranggarkan"
    return None


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Each signed operational document against the DPRD decision."""
    sebab = _sebab(record)
    if sebab is None:
        return
    dprd = record.persetujuan_dprd
    for i, naskah in enumerate(record.naskah or ()):
        if naskah.tanggal_ttd is None or not is_operational(naskah, record):
            continue
        approved = (
            dprd is not None
            and dprd.hasil == "disetujui"
            and dprd.tanggal_keputusan is not None
            # v1.1: a signing known to the month is approved unless surely signed before.
            and not pasti_sebelum(naskah.tanggal_ttd, dprd.tanggal_keputusan)
        )
        if not approved:
            yield Hit(
                ("naskah", i, "tanggal_ttd"),
                {
                    "naskah": Term(f"naskah-singkat.{naskah.jenis}"),
                    "tanggal": naskah.tanggal_ttd.isoformat(),
                    "sebab": Term(f"{RULE.name}.{sebab}"),
                },
            )


RULE = Rule("C010", "pks-tanpa-persetujuan-dprd", Severity.ERROR, "agreement", __doc__, check)
