"""An urusan code of a supporting function, not of a concurrent government affair.

Why: regional planning codes more than the 32 concurrent affairs (Permendagri 90/2019 and its
updates, e.g. Kepmendagri 050-5889/2021): the unsur pendukung (``4.01`` sekretariat daerah,
``4.02`` sekretariat DPRD), penunjang (``5.01`` perencanaan, ``5.02`` keuangan, ``5.03``
kepegawaian, ``5.04`` pendidikan dan pelatihan, ``5.05`` penelitian dan pengembangan, ...),
pengawasan (``6.01`` inspektorat daerah), kewilayahan (``7.01`` kecamatan) and pemerintahan
umum (``8.01`` kesatuan bangsa dan politik). Real requests concern them: regional finance
(opsen tax), staffing, planning, research, elections support. They are accepted, but the object
of a KSDD is a concurrent affair (UU 23/2014 Pasal 12, Permendagri 22/2020): the warning asks
whether a concurrent affair says it better. Absolute central affairs have no code and stay the
error ``unknown-urusan`` (R003).

Passing::

    urusan: ["2.16"]   # komunikasi dan informatika

Failing (warning)::

    urusan: ["5.02"]   # keuangan: a supporting function
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ksd_cli.diagnostics import Severity
from ksd_cli.messages import Term
from ksd_cli.rules.base import Context, Hit, Rule
from ksd_cli.rules.unknown_urusan import urusan_codes


def check(record: Any, ctx: Context) -> Iterator[Hit]:
    """Codes found among the supporting functions."""
    for loc, kode in urusan_codes(record):
        lain = ctx.reference.urusan_lain.get(kode)
        if lain is not None and kode not in ctx.reference.urusan:
            yield Hit(
                loc, {"value": kode, "nama": lain.nama, "kelompok": Term(f"urusan.{lain.kelompok}")}
            )


RULE = Rule("R008", "urusan-bukan-konkuren", Severity.WARNING, "record", __doc__, check)
