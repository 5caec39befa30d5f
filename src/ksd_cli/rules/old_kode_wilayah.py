"""A pre-2022 Papua region code.

Why: when Papua and Papua Barat were split in 2022 (Papua Selatan, Papua Tengah, Papua
Pegunungan, Papua Barat Daya), 26 kabupaten/kota got new codes. Older records still carry the
old ones; they are not wrong as history, but reports group by the current code. The warning
names the new code.

Passing::

    kode_wilayah: "93.01"   # Kabupaten Merauke

Failing (warning)::

    kode_wilayah: "91.01"   # the code of Merauke before 2022
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Context, Hit, Rule
from ksd_cli.rules.unknown_kode_wilayah import region_codes


def check(record: Any, ctx: Context) -> Iterator[Hit]:
    """Codes found in the pre-2022 list."""
    for loc, kode in region_codes(record):
        lama = ctx.reference.kode_lama.get(kode)
        if lama is not None:
            yield Hit(loc, {"value": kode, "nama": lama.nama, "baru": lama.kode_baru})


RULE = Rule("R002", "old-kode-wilayah", Severity.WARNING, "record", __doc__, check)
