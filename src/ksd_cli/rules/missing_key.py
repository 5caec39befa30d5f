"""A required key is missing.

Why: the record format marks the keys every record needs (``id``, ``judul``, ``jenis``,
``urusan``, ``pihak`` for an agreement; ``tanggal`` for every event and monev; ...). Some keys are
required by the party's type: a ``pemda`` party needs ``kode_wilayah`` (its name then comes
from the code list), every other party needs ``nama``; likewise for a potential's
``calon_mitra``. The finding points at the mapping that lacks the key.

Passing::

    pihak:
      - peran: pihak_kesatu
        tipe: pemda
        kode_wilayah: "64.02"
      - peran: pihak_kedua
        tipe: pihak_ketiga
        nama: PT Kaltim Lestari

Failing (the company has no name)::

    pihak:
      - peran: pihak_kedua
        tipe: pihak_ketiga
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Context, Hit, Loc, Rule


def _missing(parties: Iterable[Any], prefix: Loc) -> Iterator[Hit]:
    for i, party in enumerate(parties):
        if party.tipe == "pemda" and party.kode_wilayah is None:
            yield Hit((*prefix, i), {"key": "kode_wilayah"}, variant="kode_wilayah")
        elif party.tipe != "pemda" and party.nama is None:
            yield Hit((*prefix, i), {"key": "nama", "tipe": party.tipe}, variant="nama")


def check(record: Any, ctx: Context) -> Iterator[Hit]:
    """Type-dependent required keys of parties and candidate partners."""
    if hasattr(record, "pihak"):
        yield from _missing(record.pihak, ("pihak",))
    elif record.calon_mitra:
        yield from _missing(record.calon_mitra, ("calon_mitra",))


RULE = Rule("S001", "missing-key", Severity.ERROR, "record", __doc__, check)
