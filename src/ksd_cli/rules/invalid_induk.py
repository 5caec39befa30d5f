"""An ``induk`` that points at no document, or at a later one.

Why: ``induk`` is the 1-based position, in the record's ``naskah`` list, of the document a PKS
follows or an adendum amends. Documents are listed in the order they were made, so the parent
always comes first; a position past the end or at a later document is a mistake.

Passing::

    naskah:
      - jenis: kesepakatan_bersama      # 1
      - jenis: perjanjian_kerja_sama    # 2
        induk: 1

Failing::

    naskah:
      - jenis: kesepakatan_bersama      # 1
      - jenis: perjanjian_kerja_sama    # 2
        induk: 3
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Each explicit ``induk`` against the position of its own document."""
    documents = record.naskah or []
    for i, naskah in enumerate(documents):
        if naskah.induk is not None and naskah.induk >= i + 1:
            yield Hit(
                ("naskah", i, "induk"),
                {"value": naskah.induk, "position": i + 1, "count": len(documents)},
            )


RULE = Rule("R006", "invalid-induk", Severity.ERROR, "agreement", __doc__, check)
