"""Tests for ksd_cli.idformat against known Indonesian (KBBI) wordings."""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ksd_cli import idformat
from ksd_cli.idformat import (
    FILTERS,
    angka,
    bulan,
    hari,
    hari_lamanya,
    pembukaan_tanggal,
    rupiah,
    rupiah_terbilang,
    tanggal,
    tanggal_iso,
    tanggal_terbilang,
    terbilang,
)
from ksd_cli.messages import Lang

MAX = 999_999_999_999_999

TERBILANG = [
    (0, "nol"),
    (1, "satu"),
    (10, "sepuluh"),
    (11, "sebelas"),
    (12, "dua belas"),
    (19, "sembilan belas"),
    (20, "dua puluh"),
    (21, "dua puluh satu"),
    (99, "sembilan puluh sembilan"),
    (100, "seratus"),
    (101, "seratus satu"),
    (110, "seratus sepuluh"),
    (111, "seratus sebelas"),
    (199, "seratus sembilan puluh sembilan"),
    (200, "dua ratus"),
    (999, "sembilan ratus sembilan puluh sembilan"),
    (1000, "seribu"),
    (1001, "seribu satu"),
    (1100, "seribu seratus"),
    (1999, "seribu sembilan ratus sembilan puluh sembilan"),
    (2000, "dua ribu"),
    (10_000, "sepuluh ribu"),
    (11_000, "sebelas ribu"),
    (21_000, "dua puluh satu ribu"),
    (100_000, "seratus ribu"),
    (101_000, "seratus satu ribu"),
    (111_000, "seratus sebelas ribu"),
    (1_000_000, "satu juta"),
    (1_000_001, "satu juta satu"),
    (1_001_000, "satu juta seribu"),
    (1_001_001, "satu juta seribu satu"),
    (2_500_000, "dua juta lima ratus ribu"),
    (1_000_000_000, "satu miliar"),
    (1_000_001_000, "satu miliar seribu"),
    (1_250_000_000, "satu miliar dua ratus lima puluh juta"),
    (10**12, "satu triliun"),
    (10**12 + 1000, "satu triliun seribu"),
    (
        999_999_999_999_999,
        "sembilan ratus sembilan puluh sembilan triliun "
        "sembilan ratus sembilan puluh sembilan miliar "
        "sembilan ratus sembilan puluh sembilan juta "
        "sembilan ratus sembilan puluh sembilan ribu "
        "sembilan ratus sembilan puluh sembilan",
    ),
    (2021, "dua ribu dua puluh satu"),
    (-1, "minus satu"),
    (-1500, "minus seribu lima ratus"),
    (-1_001_000, "minus satu juta seribu"),
]


@pytest.mark.parametrize(("n", "expected"), TERBILANG)
def test_terbilang_known_values(n: int, expected: str) -> None:
    assert terbilang(n) == expected


@pytest.mark.parametrize("func", [terbilang, angka, rupiah, rupiah_terbilang, hari_lamanya])
@pytest.mark.parametrize("bad", [True, False, 1.0, 1.5, "12", None])
def test_integer_functions_reject_bool_and_non_int(func: Callable[[Any], str], bad: object) -> None:
    with pytest.raises(TypeError):
        func(bad)


@pytest.mark.parametrize("n", [MAX + 1, -(MAX + 1), 10**18])
def test_terbilang_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        terbilang(n)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (1568, "1.568"),
        (1_250_000_000, "1.250.000.000"),
        (-1500, "-1.500"),
    ],
)
def test_angka(n: int, expected: str) -> None:
    assert angka(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "Rp0,00"),
        (1000, "Rp1.000,00"),
        (1_250_000_000, "Rp1.250.000.000,00"),
        (-1500, "-Rp1.500,00"),
    ],
)
def test_rupiah(n: int, expected: str) -> None:
    assert rupiah(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "Rp0,00 (nol rupiah)"),
        (1000, "Rp1.000,00 (seribu rupiah)"),
        (1_250_000_000, "Rp1.250.000.000,00 (satu miliar dua ratus lima puluh juta rupiah)"),
    ],
)
def test_rupiah_terbilang(n: int, expected: str) -> None:
    assert rupiah_terbilang(n) == expected


@pytest.mark.parametrize(("n", "expected"), [(0, "0 hari"), (1, "1 hari"), (1568, "1.568 hari")])
def test_hari_lamanya(n: int, expected: str) -> None:
    assert hari_lamanya(n) == expected


# date, tanggal, hari, tanggal_terbilang
DATES = [
    (
        date(2021, 3, 15),
        "15 Maret 2021",
        "Senin",
        "lima belas bulan Maret tahun dua ribu dua puluh satu",
    ),
    (
        date(2024, 2, 29),
        "29 Februari 2024",
        "Kamis",
        "dua puluh sembilan bulan Februari tahun dua ribu dua puluh empat",
    ),
    (date(2000, 1, 1), "1 Januari 2000", "Sabtu", "satu bulan Januari tahun dua ribu"),
    (
        date(2025, 8, 17),
        "17 Agustus 2025",
        "Minggu",
        "tujuh belas bulan Agustus tahun dua ribu dua puluh lima",
    ),
    (
        date(2024, 1, 5),
        "5 Januari 2024",
        "Jumat",
        "lima bulan Januari tahun dua ribu dua puluh empat",
    ),
    (
        date(2024, 8, 2),
        "2 Agustus 2024",
        "Jumat",
        "dua bulan Agustus tahun dua ribu dua puluh empat",
    ),
    (
        date(2023, 12, 31),
        "31 Desember 2023",
        "Minggu",
        "tiga puluh satu bulan Desember tahun dua ribu dua puluh tiga",
    ),
]


@pytest.mark.parametrize(("d", "tgl", "hr", "words"), DATES)
def test_dates(d: date, tgl: str, hr: str, words: str) -> None:
    assert tanggal(d) == tgl
    assert hari(d) == hr
    assert tanggal_terbilang(d) == words
    assert pembukaan_tanggal(d) == f"hari {hr} tanggal {words}"
    assert tanggal_iso(d) == f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def test_pembukaan_tanggal_written_out() -> None:
    assert pembukaan_tanggal(date(2021, 3, 15)) == (
        "hari Senin tanggal lima belas bulan Maret tahun dua ribu dua puluh satu"
    )
    assert tanggal_iso(date(2021, 3, 15)) == "2021-03-15"


def test_datetime_is_cut_to_date() -> None:
    dt = datetime(2021, 3, 15, 23, 59, 59)
    assert tanggal(dt) == "15 Maret 2021"
    assert hari(dt) == "Senin"
    assert tanggal_iso(dt) == "2021-03-15"
    assert tanggal_terbilang(dt) == "lima belas bulan Maret tahun dua ribu dua puluh satu"
    assert bulan(dt) == "Maret"


@pytest.mark.parametrize("func", [tanggal, hari, tanggal_terbilang, pembukaan_tanggal, tanggal_iso])
@pytest.mark.parametrize("bad", ["2021-03-15", 20210315, None])
def test_date_functions_reject_non_dates(func: Callable[[Any], str], bad: object) -> None:
    with pytest.raises(TypeError):
        func(bad)


MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


@pytest.mark.parametrize(("month", "name"), list(enumerate(MONTHS, start=1)))
def test_bulan(month: int, name: str) -> None:
    assert bulan(month) == name
    assert bulan(date(2022, month, 28)) == name
    assert tanggal(date(2022, month, 28)) == f"28 {name} 2022"


@pytest.mark.parametrize("bad", [0, 13, -1])
def test_bulan_out_of_range(bad: int) -> None:
    with pytest.raises(ValueError):
        bulan(bad)


@pytest.mark.parametrize("bad", [True, 3.0, "3"])
def test_bulan_rejects_non_int(bad: Any) -> None:
    with pytest.raises(TypeError):
        bulan(bad)


def test_hari_full_week() -> None:
    # 2024-01-01 was a Monday.
    week = [hari(date(2024, 1, day)) for day in range(1, 8)]
    assert week == ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def test_filters_registry() -> None:
    assert FILTERS == {
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


def test_import_does_not_load_num2words_or_babel() -> None:
    code = (
        "import sys, ksd_cli.idformat; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('num2words', 'babel')))"
    )
    out = _isolated(code)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("quirk", "expected"),
    [
        ("satu milyar", "satu miliar"),
        ("satu ratus", "seratus"),
        ("satu puluh", "sepuluh"),
        ("satu belas", "sebelas"),
        ("satu ribu lima", "seribu lima"),
        ("dua juta satu ribu", "dua juta seribu"),
        ("dua puluh satu ribu", "dua puluh satu ribu"),
        ("seratus satu ribu", "seratus satu ribu"),
        ("min satu  ribu", "minus seribu"),
    ],
)
def test_terbilang_normalises_num2words_quirks(
    monkeypatch: pytest.MonkeyPatch, quirk: str, expected: str
) -> None:
    # Feed known num2words quirks (old versions: "milyar", "satu ribu",
    # "min") through the normaliser.
    monkeypatch.setattr("num2words.num2words", lambda n, lang: quirk)
    assert terbilang(1) == expected


def test_docstring_examples() -> None:
    result = doctest.testmod(idformat, extraglobs={"date": date})
    assert result.attempted >= 15
    assert result.failed == 0


# ---- properties -----------------------------------------------------------

VOCAB = {
    "nol",
    "minus",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
    "belas",
    "puluh",
    "seratus",
    "ratus",
    "seribu",
    "ribu",
    "juta",
    "miliar",
    "triliun",
}
amounts = st.integers(min_value=-MAX, max_value=MAX)


@given(amounts)
def test_terbilang_spelling_property(n: int) -> None:
    words = terbilang(n)
    assert set(words.split()) <= VOCAB
    for wrong in ("satu ratus", "satu puluh", "satu belas", "milyar", "  "):
        assert wrong not in words
    # A thousands group of exactly 1 must be "seribu"; "satu ribu" is only
    # right inside a larger group ("dua puluh satu ribu", "seratus satu ribu").
    assert not re.search(r"(^|\b(?:minus|juta|miliar|triliun) )satu ribu", words)
    assert words == words.strip()


@given(st.integers(min_value=1, max_value=MAX))
def test_terbilang_negative_property(n: int) -> None:
    assert terbilang(-n) == "minus " + terbilang(n)


@given(st.integers(min_value=1, max_value=MAX // 1000), st.integers(min_value=1, max_value=999))
def test_terbilang_last_group_appends(a: int, b: int) -> None:
    # The lowest group is simply appended to the words of the round part.
    assert terbilang(a * 1000 + b) == terbilang(a * 1000) + " " + terbilang(b)


@pytest.mark.parametrize("scale", [10**6, 10**9, 10**12])
@given(a=st.integers(min_value=1, max_value=999), b=st.integers(min_value=1, max_value=10**6 - 1))
def test_terbilang_scale_split(scale: int, a: int, b: int) -> None:
    # Everything below a scale word reads the same as on its own, so
    # 1.001.000 is "satu juta seribu", never "satu juta satu ribu".
    assert terbilang(a * scale + b) == terbilang(a * scale) + " " + terbilang(b)


@given(st.integers(min_value=0, max_value=MAX))
def test_rupiah_terbilang_composition(n: int) -> None:
    assert rupiah_terbilang(n) == f"{rupiah(n)} ({terbilang(n)} rupiah)"
    assert rupiah(n) == f"Rp{angka(n)},00"
    assert angka(n).replace(".", "") == str(n)
    assert all(len(g) == 3 for g in angka(n).split(".")[1:])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_month_names_are_babels(lang: Lang) -> None:
    from babel.dates import get_month_names

    assert idformat._month_names(lang) == dict(get_month_names("wide", "format", locale=lang))


def test_dates_are_worded_without_babel() -> None:
    # Each of ksd stalled's workers words thousands of dates: loading babel there cost ~90 ms.
    code = (
        "import sys, datetime, ksd_cli.idformat as f; "
        "words = [f.date_text(datetime.date(2024, 3, 5), lang) for lang in ('id', 'en')]; "
        "print(words, sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))"
    )
    out = _isolated(code)
    assert out.stdout.strip() == "['5 Maret 2024', '5 March 2024'] []"


def _isolated(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run by a fresh interpreter that sees ksd and nothing else installed."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(idformat.__file__).rsplit("/ksd_cli/", 1)[0]},
    )
