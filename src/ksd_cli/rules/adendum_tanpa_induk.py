"""An adendum with nothing before it to amend.

Why: an adendum changes an earlier agreement (a KB, a nota kesepakatan, a PKS); on its own it
is not a cooperation. Real archives often hold the adendum but not the document it amends:
record that document anyway, before the adendum, as known but not archived
(``diarsipkan: false``: only its ``jenis`` is needed), and point at it with ``induk``. This
rule is new in record format v1.1 and one of its two deliberate changes to v1: a record whose
only document is an adendum validated before and is now an error (see CHANGELOG.md). An
``induk`` past the end of the list is already ``R006``. A PKS may stand alone.

Passing::

    naskah:
      - jenis: kesepakatan_bersama      # 1: known, not in the archive
        diarsipkan: false
      - jenis: adendum                  # 2
        induk: 1
        tanggal_ttd: 2023-04-11

Failing::

    naskah:
      - jenis: adendum
        tanggal_ttd: 2023-04-11
"""

from __future__ import annotations

from collections.abc import Iterator

from ksd_cli.diagnostics import Severity
from ksd_cli.models import JENIS_KB, Agreement
from ksd_cli.rules.base import Context, Hit, Rule, agreement_check

#: The documents an adendum may amend.
_AMENDABLE = JENIS_KB | {"perjanjian_kerja_sama"}


@agreement_check
def check(record: Agreement, ctx: Context) -> Iterator[Hit]:
    """Each adendum without an ``induk`` against the documents listed before it."""
    documents = record.naskah or []
    for i, naskah in enumerate(documents):
        if naskah.jenis != "adendum" or naskah.induk is not None:
            continue
        if not any(earlier.jenis in _AMENDABLE for earlier in documents[:i]):
            yield Hit(("naskah", i, "jenis"))


RULE = Rule("R007", "adendum-tanpa-induk", Severity.ERROR, "agreement", __doc__, check)
