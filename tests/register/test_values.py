"""Cell values as registers write them: tables of input -> value."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ksd_cli.register.values import (
    Bulan,
    Durasi,
    ValueProblem,
    jenis_dari_pihak,
    parse_date,
    parse_day,
    parse_day_or_month,
    parse_duration,
    parse_jenis_naskah,
    parse_period,
    parse_rupiah,
    parse_urusan,
    resolve_wilayah,
    split_values,
)
from ksd_cli.tanggal import TanggalBulan


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (datetime(2021, 3, 15, 0, 0), date(2021, 3, 15)),
        (date(2021, 3, 15), date(2021, 3, 15)),
        ("15 Maret 2021", date(2021, 3, 15)),
        ("Senin, 15 Maret 2021", date(2021, 3, 15)),
        ("15-03-2021", date(2021, 3, 15)),
        ("15/3/21", date(2021, 3, 15)),
        ("2021-03-15", date(2021, 3, 15)),
        ("1 Agt 2022", date(2022, 8, 1)),
        ("Maret 2021", Bulan(2021, 3)),
        ("2021-03", Bulan(2021, 3)),  # how a CSV export writes a month-only date
        # As Excel writes them in a CSV ("dd-mmm-yy", "mmm-yy"), and people in a cell:
        ("15-Mar-21", date(2021, 3, 15)),
        ("15-Maret-2021", date(2021, 3, 15)),
        ("Mar-21", Bulan(2021, 3)),
        ("2021/03/15", date(2021, 3, 15)),
        ("2021.3.15", date(2021, 3, 15)),
        ("Tgl. 15 Maret 2021", date(2021, 3, 15)),
        ("tanggal 15 Maret 2021", date(2021, 3, 15)),
        ("Tgl. Senin, 15 Maret 2021", date(2021, 3, 15)),
        # An Excel date cell that lost its date format: its serial number, as number or text.
        (44270, date(2021, 3, 15)),
        (44270.0, date(2021, 3, 15)),
        ("44270", date(2021, 3, 15)),
    ],
)
def test_dates_as_registers_write_them(cell: object, expected: object) -> None:
    assert parse_date(cell) == expected


@pytest.mark.parametrize(
    "cell",
    [
        "31 Juni 2021",
        "2021-02-30",
        "besok",
        "15 Maretan 2021",
        "2021/03-15",  # two separators
        "12345",  # a serial number of 1933: not a date a register holds
        "2021",
        "44270.5",  # a time of day: not a date cell's serial
    ],
)
def test_impossible_dates_are_problems_naming_the_value(cell: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_date(cell)
    assert caught.value.words.key == "register.bad-date"
    assert caught.value.words.args == {"value": cell}


def test_a_month_is_not_a_day_where_validity_needs_one() -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_day("Maret 2021")
    assert caught.value.words.key == "register.month-only"


@pytest.mark.parametrize("cell", ["Maret 2021", "2021-03", "mar 2021"])
def test_a_signing_or_event_date_may_be_a_month(cell: str) -> None:
    parsed = parse_day_or_month(cell)
    assert isinstance(parsed, TanggalBulan)
    assert parsed.isoformat() == "2021-03"
    assert parse_day_or_month("15 Maret 2021") == date(2021, 3, 15)
    assert not isinstance(parse_day_or_month("15 Maret 2021"), TanggalBulan)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("5 (lima) tahun", Durasi(5, 0)),
        ("6 bulan", Durasi(0, 6)),
        ("1 tahun 6 bulan", Durasi(1, 6)),
        ("3", Durasi(3, 0)),
    ],
)
def test_durations(cell: str, expected: Durasi) -> None:
    assert parse_duration(cell) == expected


def test_a_term_ends_the_day_before_its_anniversary() -> None:
    assert Durasi(5).sampai(date(2021, 3, 15)) == date(2026, 3, 14)
    assert Durasi(0, 1).sampai(date(2021, 1, 31)) == date(2021, 2, 27)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Rp1.250.000.000,00", 1_250_000_000),
        ("Rp 750.000", 750_000),
        ("1,25 M", 1_250_000_000),
        ("750 juta", 750_000_000),
        (1500000, 1_500_000),
        (1500000.0, 1_500_000),
        ("Rp. 2.000.000,-", 2_000_000),
        ("Rp 2.000.000,00", 2_000_000),
        ("IDR 2.000.000", 2_000_000),
        ("2.000.000,-", 2_000_000),
        ("1,5 M", 1_500_000_000),
    ],
)
def test_rupiah(cell: object, expected: int) -> None:
    assert parse_rupiah(cell) == expected


@pytest.mark.parametrize("cell", ["1,5", "Rp 1.250.000,50", 1500000.5])
def test_a_fraction_of_a_rupiah_is_refused_not_rounded(cell: object) -> None:
    # "1,5" is a value whose scale was left out far more often than one and a half rupiah.
    with pytest.raises(ValueProblem) as refused:
        parse_rupiah(cell)
    assert refused.value.words.key == "register.rupiah-fraction"


@pytest.mark.parametrize("cell", [-5_000_000, -1.0, "Rp -5.000.000", "lima juta"])
def test_a_negative_or_unreadable_amount_is_refused(cell: object) -> None:
    with pytest.raises(ValueProblem) as refused:
        parse_rupiah(cell)
    assert refused.value.words.key == "register.bad-rupiah"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("MoU", "nota_kesepahaman"),
        ("Nota Kesepahaman", "nota_kesepahaman"),
        ("Kesepakatan Bersama", "kesepakatan_bersama"),
        ("PKS", "perjanjian_kerja_sama"),
        ("Perjanjian Kerja Sama", "perjanjian_kerja_sama"),
        ("Adendum I", "adendum"),
        ("Nota Kesepakatan", "nota_kesepakatan"),
        ("perjanjian_kerja_sama", "perjanjian_kerja_sama"),
    ],
)
def test_document_kinds_from_words(cell: str, expected: str) -> None:
    assert parse_jenis_naskah(cell) == expected


@pytest.mark.parametrize(
    ("name", "kode"),
    [
        ("Pemkot Samarinda", "64.72"),
        ("Kab. Kutai Timur", "64.08"),
        ("Pemerintah Provinsi Kalimantan Timur", "64"),
        ("Pemerintah Kabupaten Kutai Kartanegara", "64.02"),
        ("Pemkab Kutai Kartanegra", "64.02"),  # a typo still resolves, reported with its score
    ],
)
def test_regions_resolve_to_codes(name: str, kode: str) -> None:
    match = resolve_wilayah(name)
    assert match is not None and match.wilayah.kode == kode


@pytest.mark.parametrize(
    "name", ["PT Kutai Timur Energi", "Universitas Mulawarman", "Pemkot Atlantis"]
)
def test_names_that_are_not_regions_resolve_to_nothing(name: str) -> None:
    assert resolve_wilayah(name) is None


def test_supporting_urusan_by_code_and_by_name() -> None:
    # v1.1 (reference/urusan_lain.csv): validate warns about them (R008), import accepts them
    assert parse_urusan("5.02 keuangan; Inspektorat; penelitian dan pengembangan") == [
        "5.02",
        "6.01",
        "5.05",
    ]


def test_urusan_from_names_and_codes_one_per_line_or_semicolon() -> None:
    assert parse_urusan("2.11 lingkungan hidup; Pariwisata\nurusan pendidikan") == [
        "2.11",
        "3.26",
        "1.01",
    ]
    assert parse_urusan("ketenteraman, ketertiban umum, dan pelindungan masyarakat") == ["1.05"]


def test_commas_never_split_a_cell() -> None:
    assert split_values("Dinas A, B dan C;Dinas D\nDinas E") == [
        "Dinas A, B dan C",
        "Dinas D",
        "Dinas E",
    ]


def test_the_record_kind_follows_the_partners() -> None:
    assert jenis_dari_pihak(["pemda"]) == "ksdd_sukarela"
    assert jenis_dari_pihak(["pemda", "pihak_ketiga"]) == "ksdpk"
    assert jenis_dari_pihak(["kementerian_lembaga"]) == "sinergi"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1 Maret 2021 s.d. 28 Februari 2026", (date(2021, 3, 1), date(2026, 2, 28))),
        ("1 Maret 2021 s/d 28 Februari 2026", (date(2021, 3, 1), date(2026, 2, 28))),
        ("1 Maret 2021 sampai dengan 28 Februari 2026", (date(2021, 3, 1), date(2026, 2, 28))),
        ("01/03/2021 - 28/02/2026", (date(2021, 3, 1), date(2026, 2, 28))),
        ("1 Maret 2021 – 28 Februari 2026", (date(2021, 3, 1), date(2026, 2, 28))),
        ("28 Februari 2026 s.d. 1 Maret 2021", None),  # the end before the start
        ("Maret 2021 s.d. Februari 2026", None),  # months: no days to keep
        ("1 Maret 2021 s.d. selesai", None),
        ("01-03-2021", None),  # one date, its hyphens not a period's
        ("5 tahun", None),
    ],
)
def test_a_period_written_in_one_cell(cell: str, expected: tuple[date, date] | None) -> None:
    period = parse_period(cell)
    assert (None if period is None else (period.mulai, period.sampai)) == expected


def test_a_term_is_bounded_and_never_runs_past_the_calendar() -> None:
    # "45363" in a term column is an Excel date's serial, not 45,363 years; a term that
    # ran past year 9999 looped for ever (each day before the first of the month tried).
    import signal

    with pytest.raises(ValueProblem) as caught:
        parse_duration("45363")
    assert caught.value.words.key == "register.bad-duration"
    with pytest.raises(ValueProblem) as caught:
        parse_duration("250 tahun")
    assert caught.value.words.key == "register.term-too-long"
    assert parse_duration("100 tahun") == Durasi(tahun=100)
    assert Durasi(bulan=1).sampai(date(2021, 1, 31)) == date(2021, 2, 27)
    assert Durasi(tahun=1).sampai(date(2024, 2, 29)) == date(2025, 2, 27)
    signal.alarm(10)  # a loop again is a failure here, not a hung suite
    try:
        with pytest.raises(ValueProblem) as caught:
            Durasi(tahun=5).sampai(date(9998, 1, 1))
        assert caught.value.words.key == "register.term-past-calendar"
    finally:
        signal.alarm(0)


@pytest.mark.parametrize("cell", [float("nan"), float("inf"), -float("inf"), "nan", "inf"])
def test_a_number_that_is_no_amount_is_a_problem_not_a_crash(cell: object) -> None:
    # A spreadsheet's NaN or infinity in a rupiah column: round() raised OverflowError.
    with pytest.raises(ValueProblem) as caught:
        parse_rupiah(cell)
    assert caught.value.words.key == "register.bad-rupiah"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Pekerjaan Umum", ["1.03"]),  # "pekerjaan umum dan penataan ruang", shortened
        ("Perumahan", ["1.04"]),
        ("Penanaman Modal", ["2.18"]),
        ("Bidang Pekerjaan Umum; Tenaga Kerja", ["1.03", "2.07"]),
    ],
)
def test_an_urusan_named_by_its_first_words(cell: str, expected: list[str]) -> None:
    assert parse_urusan(cell) == expected


def test_first_words_two_urusan_share_name_neither() -> None:
    # "pemberdayaan masyarakat dan desa", "pemberdayaan perempuan dan pelindungan anak"
    with pytest.raises(ValueProblem) as caught:
        parse_urusan("Pemberdayaan")
    assert caught.value.words.key == "register.bad-urusan"
