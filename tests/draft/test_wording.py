"""The Indonesian drafting helpers: party labels, lists, sentences, ordinals, terms."""

from __future__ import annotations

from datetime import date

import pytest

from ksd_cli.draft.wording import (
    awal_kecil,
    berhuruf,
    butir,
    durasi,
    english_opening_date,
    gabung,
    kalimat,
    kapital,
    label_pihak,
    sebut_tanggal,
    urutan,
)
from ksd_cli.tanggal import TanggalBulan


def test_wording_helpers() -> None:
    assert label_pihak("pihak_ketiga") == "PIHAK KETIGA"
    assert gabung(["A"]) == "A" and gabung(["A", "B"]) == "A dan B"
    assert gabung(["A", "B", "C"], "atau") == "A, B, atau C"
    assert butir(["Satu.", "TPA dua", "tiga;"]) == ["satu;", "TPA dua; dan", "tiga."]
    assert butir(["Dinas A", "Dinas B"], kecil=False) == ["Dinas A; dan", "Dinas B."]
    assert berhuruf(["x", "y"]) == ["a. x", "b. y"]
    assert len(berhuruf(["x"] * 28)[27]) and berhuruf(["x"] * 28)[27] == "ab. x"
    assert awal_kecil("Mewujudkan x") == "mewujudkan x" and awal_kecil("APBD x") == "APBD x"
    assert awal_kecil("Ir. Budi") == "Ir. Budi"
    assert kalimat("  mewujudkan\n x ;") == "Mewujudkan x."
    assert (
        kapital("a.n. [[nama pihak_kedua belum diisi]] b")
        == "A.N. [[nama pihak_kedua belum diisi]] B"
    )
    assert urutan(1) == "pertama" and urutan(2) == "kedua" and urutan(11) == "kesebelas"


@pytest.mark.parametrize(
    ("mulai", "sampai", "expected"),
    [
        (date(2021, 3, 15), date(2026, 3, 14), "5 (lima) tahun"),
        (date(2021, 9, 1), date(2024, 8, 31), "3 (tiga) tahun"),
        (date(2024, 9, 16), date(2025, 9, 15), "1 (satu) tahun"),
        (date(2024, 1, 1), date(2024, 6, 30), "6 (enam) bulan"),
        (date(2024, 3, 1), date(2025, 2, 28), "1 (satu) tahun"),
        (date(2022, 3, 21), date(2026, 3, 14), None),
        (date(2024, 1, 31), date(2024, 2, 29), None),
        (date(2024, 5, 1), date(2024, 4, 30), None),
        (None, date(2024, 4, 30), None),
    ],
)
def test_durasi(mulai: date | None, sampai: date, expected: str | None) -> None:
    assert durasi(mulai, sampai) == expected


def test_a_date_is_named_as_a_day_or_as_its_month() -> None:
    assert sebut_tanggal(date(2021, 3, 15)) == "tanggal 15 Maret 2021"
    assert sebut_tanggal(date(2021, 3, 15), lengkap=True) == (
        "tanggal 15 Maret 2021 (lima belas bulan Maret tahun dua ribu dua puluh satu)"
    )
    # v1.1 month-only: "bulan Oktober 2018", never "tanggal Oktober 2018 (........ bulan ...)"
    oktober = TanggalBulan.dari(2018, 10)
    assert sebut_tanggal(oktober) == "bulan Oktober 2018"
    assert sebut_tanggal(oktober, lengkap=True) == "bulan Oktober 2018"
    assert english_opening_date(date(2022, 8, 18)) == "18 August 2022"
    assert english_opening_date(oktober) == "........ October 2018"
