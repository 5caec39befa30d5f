"""Dates known only to the month (record format v1.1): the value, its bounds, its wording.

Historical records often know a signing or an event only as "Oktober 2018". Such a value is a
:class:`TanggalBulan`: a ``date`` that stands for its whole month. It compares, sorts and
subtracts as the month's first day (``awal``), so every v1 computation keeps working; callers
that must not guess ask for :func:`akhir` (the last day) instead. Full dates stay plain
``date`` values; the helpers below accept both.

How each use stays conservative (docs/record-format.md, "Tanggal bulanan"):

- an age that raises a flag counts from the END of the month (:func:`hari_sejak`), so a flag
  is never raised early;
- an ordering rule fires only when the order is certain (:func:`pasti_sebelum`);
- "has it happened by the as-of date" and "in force from" use the start of the month;
- words never invent a day: "Oktober 2018", and a naskah's opening leaves the day blank.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any, Literal

Presisi = Literal["hari", "bulan"]

_BULAN_ISO = re.compile(r"([0-9]{4})-([0-9]{2})", re.ASCII)


class TanggalBulan(date):
    """A date known only to its month, written ``2018-10``; it stands at the month's start.

    Arithmetic gives plain dates (``bulan + timedelta(days=1)`` is 2 October, a day).
    """

    __slots__ = ()

    @classmethod
    def dari(cls, tahun: int, bulan: int) -> TanggalBulan:
        """The month ``bulan`` (1-12) of ``tahun``."""
        return cls(tahun, bulan, 1)

    @property
    def presisi(self) -> Presisi:
        """Known to the month."""
        return "bulan"

    @property
    def awal(self) -> date:
        """The month's first day, as a plain date."""
        return date(self.year, self.month, 1)

    @property
    def akhir(self) -> date:
        """The month's last day, as a plain date."""
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def isoformat(self) -> str:
        """``2018-10``: as the record writes it."""
        return f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"TanggalBulan({self.year}, {self.month})"

    def __add__(self, other: timedelta) -> date:  # type: ignore[override]
        return self.awal + other

    __radd__ = __add__  # type: ignore[assignment]

    def __sub__(self, other: Any) -> Any:
        return self.awal - other

    def __rsub__(self, other: Any) -> Any:
        return other - self.awal

    def replace(self, *args: Any, **kwargs: Any) -> date:  # type: ignore[override]
        """A plain date: a changed day is a day."""
        return self.awal.replace(*args, **kwargs)


def parse_bulan(text: str) -> TanggalBulan | None:
    """``text`` as a month written exactly ``YYYY-MM`` (month 01-12), else ``None``."""
    match = _BULAN_ISO.fullmatch(text)
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return None
    return TanggalBulan.dari(int(match.group(1)), int(match.group(2)))


def presisi(d: date) -> Presisi:
    """``bulan`` for a month-only date, else ``hari``."""
    return "bulan" if isinstance(d, TanggalBulan) else "hari"


def awal(d: date) -> date:
    """The earliest day ``d`` may be."""
    return d.awal if isinstance(d, TanggalBulan) else d


def akhir(d: date) -> date:
    """The latest day ``d`` may be."""
    return d.akhir if isinstance(d, TanggalBulan) else d


def hari_sejak(d: date, as_of: date) -> int:
    """Days surely elapsed from ``d`` to ``as_of``: counted from the end of a month-only date.

    A stall flag counted this way is never raised early.
    """
    return (as_of - akhir(d)).days


def pasti_sebelum(a: date, b: date) -> bool:
    """Whether ``a`` is certainly earlier than ``b`` (whole months compared by their bounds)."""
    return akhir(a) < awal(b)


def pasti_sesudah(a: date, b: date) -> bool:
    """Whether ``a`` is certainly later than ``b``."""
    return pasti_sebelum(b, a)
