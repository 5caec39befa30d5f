"""Stage events whose dates go backwards along the stage order (a warning).

Why: the stages follow each other (identifikasi, penawaran, penyusunan_kb, penandatanganan_kb,
penyusunan_pks, penandatanganan_pks, pelaksanaan, berakhir). A stage first reached before an
earlier stage was is usually a typo in a date. The first date each stage was reached is
compared; ``persetujuan_dprd`` and ``monev`` may happen at any point and are left out, and a
later cycle (a second PKS after implementation began) is no finding.

Passing::

    tahapan:
      - {tahap: penawaran, tanggal: 2020-11-02}
      - {tahap: penyusunan_kb, tanggal: 2021-01-10}

Failing (warning)::

    tahapan:
      - {tahap: penawaran, tanggal: 2021-11-02}
      - {tahap: penyusunan_kb, tanggal: 2021-01-10}
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ksd_cli.diagnostics import Severity
from ksd_cli.models import URUTAN_TAHAP, Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check
from ksd_cli.tanggal import awal, pasti_sebelum

_UNORDERED = {"persetujuan_dprd", "monev"}


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Compare the first date of each stage with the first dates of the stages before it."""
    first: dict[str, tuple[date, int]] = {}
    for i, event in enumerate(record.tahapan or ()):
        if event.tahap in _UNORDERED:
            continue
        if event.tahap not in first or event.tanggal < first[event.tahap][0]:
            first[event.tahap] = (event.tanggal, i)
    latest: tuple[str, date] | None = None
    for tahap in URUTAN_TAHAP:
        if tahap not in first:
            continue
        tanggal, i = first[tahap]
        # v1.1: a month-only date fires only when the order is certain (tanggal.py).
        if latest is not None and pasti_sebelum(tanggal, latest[1]):
            yield Hit(
                ("tahapan", i, "tanggal"),
                {
                    "tahap": tahap,
                    "tanggal": tanggal.isoformat(),
                    "prev": latest[0],
                    "prev_tanggal": latest[1].isoformat(),
                },
            )
        elif latest is None or awal(tanggal) >= awal(latest[1]):
            latest = (tahap, tanggal)


RULE = Rule("C008", "tahapan-mundur", Severity.WARNING, "agreement", __doc__, check)
