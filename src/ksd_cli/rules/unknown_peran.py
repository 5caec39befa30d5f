"""A document number, signatory or obligation list keyed by a ``peran`` that names no party.

Why: in a naskah, ``nomor`` gives each party's own number for the document, ``penandatangan``
who signs for each party, ``hak_kewajiban`` each party's rights and obligations, all keyed by
the party's ``peran``. A key that names no party (``pihak_kedua`` in a record whose parties are
``pihak_kesatu`` and ``pihak_ketiga``) is a number or signature lost from the draft.

Passing::

    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}
    naskah:
      - jenis: kesepakatan_bersama
        nomor: {pihak_kesatu: 180/015/HK/III/2021, pihak_kedua: 100.3.7/12/2021}

Failing::

    naskah:
      - jenis: kesepakatan_bersama
        nomor: {pihak_kesatu: 180/015/HK/III/2021, pihak_ke2: 100.3.7/12/2021}
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Keys of ``nomor`` and ``hak_kewajiban``, and each signatory's ``peran``."""
    known = [p.peran for p in record.pihak]
    listed = ", ".join(known)
    for i, naskah in enumerate(record.naskah or ()):
        for field in ("nomor", "hak_kewajiban"):
            for peran in getattr(naskah, field) or {}:
                if peran not in known:
                    yield Hit(
                        ("naskah", i, field, peran), {"value": peran, "known": listed}, key=True
                    )
        for j, signer in enumerate(naskah.penandatangan or ()):
            if signer.peran not in known:
                yield Hit(
                    ("naskah", i, "penandatangan", j, "peran"),
                    {"value": signer.peran, "known": listed},
                )


RULE = Rule("R005", "unknown-peran", Severity.ERROR, "agreement", __doc__, check)
