"""The record models: strict dates, bounded years, dates and amounts."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from ksd_cli.models import RUPIAH_MAX, Pembiayaan, SuratKuasa, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-01", date(2024, 1, 1)),
        ("2024-02-29", date(2024, 2, 29)),
        ("20240101", None),
        ("2024-W01-1", None),
        ("2024-001", None),
        ("2024-01-01T00:00", None),
        ("2024-1-1", None),
        ("２０２４-01-01", None),  # fullwidth digits
        ("2024-01-01\n", None),
        ("2023-02-29", None),
        ("", None),
    ],
)
def test_dates_are_exactly_yyyy_mm_dd(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("value", ["20210315", "2021-W11-1", date(1944, 12, 31), date(2101, 1, 1)])
def test_a_date_outside_the_format_or_the_range_is_refused(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        SuratKuasa.model_validate({"nomor": "1", "tanggal": value})
    kinds = {e["type"] for e in caught.value.errors()}
    assert kinds <= {"invalid_date", "out_of_range_between"} and kinds


@pytest.mark.parametrize("value", ["2021-03-15", date(1945, 1, 1), date(2100, 12, 31)])
def test_dates_within_the_range_pass(value: object) -> None:
    assert SuratKuasa.model_validate({"nomor": "1", "tanggal": value}).tanggal.year >= 1945


def test_amounts_are_bounded_at_rp1000_triliun() -> None:
    assert Pembiayaan.model_validate({"nilai": RUPIAH_MAX}).nilai == 10**15
    with pytest.raises(ValidationError) as caught:
        Pembiayaan.model_validate({"nilai": RUPIAH_MAX + 1})
    assert caught.value.errors()[0]["type"] == "less_than_equal"


def test_explicit_null_reads_as_absent() -> None:
    from ksd_cli.models import Naskah

    explicit = Naskah.model_validate({"jenis": "adendum", "berlaku_sampai": None})
    assert explicit == Naskah.model_validate({"jenis": "adendum"})
