"""A region code that is not in the Kemendagri code list.

Why: a ``pemda`` party, a potential's ``daerah`` and a candidate partner are identified by their
Kemendagri code (Kepmendagri 300.2.2-2138 Tahun 2025): ``"64.02"`` for Kabupaten Kutai
Kartanegara, ``"64"`` for Provinsi Kalimantan Timur. A wrong code puts the cooperation under
the wrong region in every report. A pre-2022 Papua code is reported by ``old-kode-wilayah``
instead.

Passing::

    kode_wilayah: "64.72"

Failing::

    kode_wilayah: "64.99"
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Context, Hit, Loc, Rule


def region_codes(record: Any) -> Iterator[tuple[Loc, str]]:
    """Every region code of a record, with its path."""
    if hasattr(record, "pihak"):
        for i, party in enumerate(record.pihak):
            if party.kode_wilayah is not None:
                yield ("pihak", i, "kode_wilayah"), party.kode_wilayah
        return
    yield ("daerah",), record.daerah
    for i, mitra in enumerate(record.calon_mitra or ()):
        if mitra.kode_wilayah is not None:
            yield ("calon_mitra", i, "kode_wilayah"), mitra.kode_wilayah


def check(record: Any, ctx: Context) -> Iterator[Hit]:
    """Codes in neither the current nor the pre-2022 list."""
    for loc, kode in region_codes(record):
        if kode not in ctx.reference.wilayah and kode not in ctx.reference.kode_lama:
            yield Hit(loc, {"value": kode})


RULE = Rule("R001", "unknown-kode-wilayah", Severity.ERROR, "record", __doc__, check)
