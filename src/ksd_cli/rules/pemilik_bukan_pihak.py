"""A record whose owning region is not one of its parties (a warning).

Why: the region in a record's id (``KSD-6402-…``: Kabupaten Kutai Kartanegara) owns the
record; in a register without one owner (record format v1.1: ``[daerah]`` may be absent, a
province or a team keeps the records of several regions) it is the only word on whose
cooperation this is. A cooperation always binds its owner, so the owner must be a ``pemda``
party with that ``kode_wilayah``; otherwise the id or the parties are wrong. Ids that name no
region are left alone.

Passing::

    id: KSD-6402-2021-001
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}

Failing (warning)::

    id: KSD-6402-2021-001
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.03"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.naming import record_region
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """The region the id names against the pemda parties."""
    owner = record_region(record.id)
    if owner is None:
        return
    if not any(p.tipe == "pemda" and p.kode_wilayah == owner for p in record.pihak):
        yield Hit(("id",), {"id": record.id, "kode": owner})


RULE = Rule("C015", "pemilik-bukan-pihak", Severity.WARNING, "agreement", __doc__, check)
