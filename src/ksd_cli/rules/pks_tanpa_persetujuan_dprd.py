"""A PKS signed without the DPRD approval its financing requires.

Why: under PP 28/2018, cooperation that burdens the public or the region, or that is not
budgeted in the current APBD, needs the approval of the DPRD before it is signed. When
``pembiayaan`` says so explicitly (``membebani_masyarakat: true``, ``membebani_daerah: true``
or ``teranggarkan_apbd: false``), a signed PKS needs ``persetujuan_dprd`` with
``hasil: disetujui`` and a ``tanggal_keputusan`` on or before the PKS's ``tanggal_ttd``. Absent
values mean unknown and raise nothing. For ``sinergi`` the nota kesepakatan plays the PKS's part.

Passing::

    pembiayaan: {membebani_daerah: true}
    persetujuan_dprd: {diperlukan: true, hasil: disetujui, tanggal_keputusan: 2022-05-10}
    naskah:
      - {jenis: perjanjian_kerja_sama, tanggal_ttd: 2022-06-01}

Failing::

    pembiayaan: {membebani_daerah: true}
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


def _sebab(record: Agreement) -> str | None:
    biaya = record.pembiayaan
    if biaya is None:
        return None
    if biaya.membebani_masyarakat is True:
        return "membebani_masyarakat"
    if biaya.membebani_daerah is True:
        return "membebani_daerah"
    if biaya.teranggarkan_apbd is False:
        return "teranggarkan_apbd"
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
            and dprd.tanggal_keputusan <= naskah.tanggal_ttd
        )
        if not approved:
            yield Hit(
                ("naskah", i, "tanggal_ttd"),
                {
                    "tanggal": naskah.tanggal_ttd.isoformat(),
                    "sebab": Term(f"{RULE.name}.{sebab}"),
                },
            )


RULE = Rule("C010", "pks-tanpa-persetujuan-dprd", Severity.ERROR, "agreement", __doc__, check)
