"""Number, money and date wording: Indonesian for naskah, either language for reports."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ksd_cli.messages import Lang

__all__ = [
    "FILTERS",
    "TERBILANG_MAX",
    "angka",
    "bulan",
    "hari",
    "hari_lamanya",
    "number",
    "date_text",
    "days_text",
    "pembukaan_tanggal",
    "rupiah",
    "rupiah_terbilang",
    "tanggal",
    "tanggal_iso",
    "tanggal_terbilang",
    "terbilang",
]

#: Largest absolute value :func:`terbilang` spells out (999 triliun ...).
TERBILANG_MAX = 10**15 - 1

_LOCALE = "id"

# Corrections applied to num2words' Indonesian output, in order, to reach
# KBBI spelling.  Each is a no-op when num2words is already right.
_NORMALISE: tuple[tuple[re.Pattern[str], str], ...] = (
    # num2words writes negatives as "min ..."; the written form is "minus".
    (re.compile(r"^min\b"), "minus"),
    # "milyar" is the non-standard spelling of "miliar".
    (re.compile(r"\bmilyar\b"), "miliar"),
    # A leading 1 of hundreds / tens / teens always takes the prefix se-.
    (re.compile(r"\bsatu ratus\b"), "seratus"),
    (re.compile(r"\bsatu puluh\b"), "sepuluh"),
    (re.compile(r"\bsatu belas\b"), "sebelas"),
    # A thousands group equal to 1 is "seribu" (1.001.000 = "satu juta seribu"),
    # but "dua puluh satu ribu" / "seratus satu ribu" are correct as they are.
    (re.compile(r"(^|\b(?:minus|juta|miliar|triliun) )satu ribu\b"), r"\1seribu"),
)

# Spellings of Friday that are normalised to the official "Jumat".
_JUMAT_VARIANTS = ("Jum'at", "Jum\u2019at", "Jum`at")


def _check_int(n: object) -> int:
    """Return ``n`` if it is a real ``int`` (not ``bool``), else raise TypeError."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected an int, got {type(n).__name__}: {n!r}")
    return n


#: What stands for a day that is not known (a month-only date, v1.1): the blank drafters fill in.
KOSONG = "........"


def _known_to_month(d: _dt.date) -> bool:
    """A v1.1 month-only date (``ksd_cli.tanggal.TanggalBulan``): no day, no weekday."""
    from ksd_cli.tanggal import TanggalBulan

    return isinstance(d, TanggalBulan)


def _check_date(d: object) -> _dt.date:
    """Return ``d`` as a plain ``date`` (a ``datetime`` is cut to its date)."""
    if isinstance(d, _dt.datetime):
        return d.date()
    if isinstance(d, _dt.date):
        return d
    raise TypeError(f"expected a datetime.date, got {type(d).__name__}: {d!r}")


def terbilang(n: int) -> str:
    """Spell an integer out in Indonesian words (KBBI spelling, lower case).

    Uses the forms "seratus", "seribu", "sebelas", "sepuluh" and "miliar";
    negative numbers start with "minus".  Values up to 999 triliun
    (``TERBILANG_MAX``) in either direction are supported; larger ones raise
    ValueError.  ``bool`` and non-integers raise TypeError.

    Example::

        >>> terbilang(1_250_000_000)
        'satu miliar dua ratus lima puluh juta'
        >>> terbilang(1_001_000)
        'satu juta seribu'
    """
    n = _check_int(n)
    if abs(n) > TERBILANG_MAX:
        raise ValueError(
            f"terbilang supports at most {TERBILANG_MAX:,} in absolute value, got {n:,}"
        )

    from num2words import num2words

    words = " ".join(str(num2words(n, lang="id")).split())
    for pattern, replacement in _NORMALISE:
        words = pattern.sub(replacement, words)
    return words


def angka(n: int) -> str:
    """Format an integer with a dot as thousands separator.

    Example::

        >>> angka(1568)
        '1.568'
        >>> angka(-1500)
        '-1.500'
    """
    n = _check_int(n)
    return f"{n:,}".replace(",", ".")


def rupiah(n: int) -> str:
    """Format a whole-rupiah amount: "Rp", dot thousands, ",00" cents.

    No space follows "Rp"; a negative amount is written "-Rp...".

    Example::

        >>> rupiah(1_250_000_000)
        'Rp1.250.000.000,00'
    """
    n = _check_int(n)
    sign = "-" if n < 0 else ""
    return f"{sign}Rp{angka(abs(n))},00"


def rupiah_terbilang(n: int) -> str:
    """Format a rupiah amount followed by its wording in brackets.

    Example::

        >>> rupiah_terbilang(1_250_000_000)
        'Rp1.250.000.000,00 (satu miliar dua ratus lima puluh juta rupiah)'
    """
    n = _check_int(n)
    return f"{rupiah(n)} ({terbilang(n)} rupiah)"


def tanggal(d: _dt.date) -> str:
    """Format a date as day, Indonesian month name and year, e.g. in a letter.

    The day has no leading zero.  A ``datetime`` is accepted and its time
    is ignored.

    Example::

        >>> tanggal(date(2021, 3, 15))
        '15 Maret 2021'
        >>> tanggal(date(2024, 1, 5))
        '5 Januari 2024'
    """
    # A month-only date (v1.1) is "Oktober 2018": no day is invented.
    return date_text(d, "id")


def bulan(d_or_month: _dt.date | int) -> str:
    """Return the Indonesian name of a month, from a date or a month number 1-12.

    Example::

        >>> bulan(date(2021, 3, 15))
        'Maret'
        >>> bulan(8)
        'Agustus'
    """
    if isinstance(d_or_month, _dt.date):
        d = _check_date(d_or_month)
    else:
        month = _check_int(d_or_month)
        if not 1 <= month <= 12:
            raise ValueError(f"month must be between 1 and 12, got {month}")
        d = _dt.date(2000, month, 1)
    from babel.dates import format_date

    # "LLLL" is the stand-alone month name (same as "MMMM" in Indonesian).
    return str(format_date(d, "LLLL", locale=_LOCALE))


def hari(d: _dt.date) -> str:
    """Return the Indonesian weekday name of a date.

    One of "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"
    (official spelling "Jumat", never "Jum'at").

    Example::

        >>> hari(date(2021, 3, 15))
        'Senin'
    """
    d = _check_date(d)
    if _known_to_month(d):
        return KOSONG  # the weekday of a month-only date is unknown: left blank
    from babel.dates import format_date

    name = str(format_date(d, "EEEE", locale=_LOCALE))
    for variant in _JUMAT_VARIANTS:
        name = name.replace(variant, "Jumat")
    return name


def tanggal_terbilang(d: _dt.date) -> str:
    """Spell a date out in words, as in the opening of an agreement.

    Day and year are in words, the month is its name.

    Example::

        >>> tanggal_terbilang(date(2021, 3, 15))
        'lima belas bulan Maret tahun dua ribu dua puluh satu'
    """
    d = _check_date(d)
    day = KOSONG if _known_to_month(d) else terbilang(d.day)
    return f"{day} bulan {bulan(d)} tahun {terbilang(d.year)}"


def pembukaan_tanggal(d: _dt.date) -> str:
    """Weekday and spelled-out date for "Pada ... " in the opening of a naskah.

    Example::

        >>> pembukaan_tanggal(date(2021, 3, 15))
        'hari Senin tanggal lima belas bulan Maret tahun dua ribu dua puluh satu'
    """
    d = _check_date(d)
    return f"hari {hari(d)} tanggal {tanggal_terbilang(d)}"


def tanggal_iso(d: _dt.date) -> str:
    """Format a date as ISO 8601 (YYYY-MM-DD).

    Example::

        >>> tanggal_iso(date(2021, 3, 15))
        '2021-03-15'
    """
    d = _check_date(d)
    return d.isoformat()


def hari_lamanya(n: int) -> str:
    """Format a number of days, with dot thousands, followed by "hari".

    Example::

        >>> hari_lamanya(1568)
        '1.568 hari'
    """
    return f"{angka(n)} hari"


def number(n: int, lang: Lang) -> str:
    """An integer for ``lang``: "1.047" in Indonesian, "1,047" in English."""
    n = _check_int(n)
    return angka(n) if lang == "id" else f"{n:,}"


def date_text(d: _dt.date, lang: Lang) -> str:
    """A date for ``lang``: "25 Juli 2019" in Indonesian, "25 July 2019" in English."""
    d = _check_date(d)
    # A month-only date (v1.1) is "Oktober 2018" / "October 2018": no day is invented.
    return _date_text(d.year, d.month, d.day, _known_to_month(d), lang)


def _date_text(year: int, month: int, day: int, month_only: bool, lang: Lang) -> str:
    """What babel's ``format_date`` writes with "d MMMM y" (or "MMMM y") for ``lang``.

    Laid out here from babel's month names: formatting through babel costs about 50 us a
    date, and ``ksd stalled`` writes thousands of different days in each of its workers.
    ``tests/test_tanggal.py`` holds the two equal on every day of many years.
    """
    name = _month_names(lang)[month]
    return f"{name} {year}" if month_only else f"{day} {name} {year}"


def _month_names(lang: Lang) -> dict[int, str]:
    """The months' names as dates write them in ``lang`` (babel's wide, format context).

    Written out here rather than read from babel: importing babel and loading a locale's
    data costs about 90 ms, in each worker of ``ksd stalled`` (which writes no other word
    through babel). ``tests/test_idformat.py`` holds them equal to babel's.
    """
    return _MONTH_NAMES[lang]


_MONTH_NAMES: dict[Lang, dict[int, str]] = {
    "id": dict(enumerate(("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                          "Agustus", "September", "Oktober", "November", "Desember"), 1)),
    "en": dict(enumerate(("January", "February", "March", "April", "May", "June", "July",
                          "August", "September", "October", "November", "December"), 1)),
}  # fmt: skip


def days_text(n: int, lang: Lang) -> str:
    """A number of days for ``lang``: "1.047 hari", "1,047 days" (and "1 day")."""
    if lang == "id":
        return hari_lamanya(n)
    return f"{number(n, lang)} {'day' if abs(n) == 1 else 'days'}"


#: Jinja filter name -> function.
FILTERS: dict[str, Callable[..., str]] = {
    "terbilang": terbilang,
    "angka": angka,
    "rupiah": rupiah,
    "rupiah_terbilang": rupiah_terbilang,
    "tanggal": tanggal,
    "bulan": bulan,
    "hari": hari,
    "tanggal_terbilang": tanggal_terbilang,
    "pembukaan_tanggal": pembukaan_tanggal,
    "tanggal_iso": tanggal_iso,
    "hari_lamanya": hari_lamanya,
}
