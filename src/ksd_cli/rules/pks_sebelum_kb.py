"""A PKS signed before the memorandum it follows.

Why: a Perjanjian Kerja Sama implements a Kesepakatan Bersama (or nota kesepahaman); it cannot
be signed before it. Usually one of the two dates has a typo. The parent is the document named
by ``induk``; without ``induk``, a PKS signed before every KB-kind document of the record is
reported against the first of them.

Passing::

    naskah:
      - {jenis: kesepakatan_bersama, tanggal_ttd: 2021-03-15}
      - {jenis: perjanjian_kerja_sama, tanggal_ttd: 2021-09-01}

Failing::

    naskah:
      - {jenis: kesepakatan_bersama, tanggal_ttd: 2021-03-15}
      - {jenis: perjanjian_kerja_sama, tanggal_ttd: 2020-09-01}
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.documents import is_kb
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check
from ksd_cli.tanggal import pasti_sesudah


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Each signed PKS against its parent's signing date."""
    documents = record.naskah or []
    for i, naskah in enumerate(documents):
        if naskah.jenis != "perjanjian_kerja_sama" or naskah.tanggal_ttd is None:
            continue
        if naskah.induk is not None:
            parents = [naskah.induk - 1] if 0 <= naskah.induk - 1 < len(documents) else []
        else:
            signed_kb = [j for j, d in enumerate(documents) if is_kb(d) and d.tanggal_ttd]
            before = [
                j
                for j in signed_kb
                if not pasti_sesudah(documents[j].tanggal_ttd, naskah.tanggal_ttd)  # type: ignore[arg-type]
            ]
            parents = [] if before else signed_kb[:1]
        for j in parents:
            parent = documents[j]
            # v1.1: month-only dates fire only when the PKS is certainly the earlier one.
            if parent.tanggal_ttd is not None and pasti_sesudah(
                parent.tanggal_ttd, naskah.tanggal_ttd
            ):
                yield Hit(
                    ("naskah", i, "tanggal_ttd"),
                    {
                        "pks": naskah.tanggal_ttd.isoformat(),
                        "kb": parent.tanggal_ttd.isoformat(),
                        "induk": parent.jenis,
                        "position": j + 1,
                    },
                )


RULE = Rule("C006", "pks-sebelum-kb", Severity.ERROR, "agreement", __doc__, check)
