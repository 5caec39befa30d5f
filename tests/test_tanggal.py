"""Dates known only to the month (format v1.1): the value, its bounds, and how rules use it."""

from __future__ import annotations

import copy
import pickle
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers import agreement, d

from ksd_cli.config import Config
from ksd_cli.idformat import date_text, hari, pembukaan_tanggal, tanggal, tanggal_iso
from ksd_cli.lifecycle import lifecycle
from ksd_cli.loading import LoadedRecord, LoadResult
from ksd_cli.messages import Lang
from ksd_cli.models import Agreement, Naskah, Tahap
from ksd_cli.reference import load_reference
from ksd_cli.repository import SourceFile
from ksd_cli.stalled import Flag, find_stalled
from ksd_cli.tanggal import (
    TanggalBulan,
    akhir,
    awal,
    hari_sejak,
    parse_bulan,
    pasti_sebelum,
    presisi,
)
from ksd_cli.validate import SoundRecords

OKTOBER = TanggalBulan.dari(2018, 10)


def test_a_month_has_bounds_and_is_written_as_the_record_writes_it() -> None:
    assert (OKTOBER.awal, OKTOBER.akhir) == (d("2018-10-01"), d("2018-10-31"))
    assert TanggalBulan.dari(2024, 2).akhir == d("2024-02-29")  # leap year
    assert TanggalBulan.dari(2023, 2).akhir == d("2023-02-28")
    assert OKTOBER.isoformat() == str(OKTOBER) == "2018-10"
    assert (presisi(OKTOBER), presisi(d("2018-10-05"))) == ("bulan", "hari")
    assert (awal(d("2018-10-05")), akhir(d("2018-10-05"))) == (d("2018-10-05"), d("2018-10-05"))


def test_arithmetic_on_a_month_gives_days_not_months() -> None:
    later = OKTOBER + timedelta(days=3)
    assert later == d("2018-10-04") and type(later) is date
    assert type(OKTOBER - timedelta(days=1)) is date
    assert d("2018-11-01") - OKTOBER == timedelta(days=31)
    assert type(OKTOBER.replace(day=9)) is date


def test_a_month_survives_pickling_and_copying_as_a_month() -> None:
    # The record cache pickles loaded records.
    for copied in (pickle.loads(pickle.dumps(OKTOBER)), copy.deepcopy(OKTOBER)):
        assert type(copied) is TanggalBulan and copied.isoformat() == "2018-10"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-10", OKTOBER),
        ("2018-01", TanggalBulan.dari(2018, 1)),
        ("2018-12", TanggalBulan.dari(2018, 12)),
        ("2018-13", None),
        ("2018-00", None),
        ("2018-1", None),
        ("18-10", None),
        ("2018-10-01", None),
        ("٢٠١٨-١٠", None),  # non-ASCII digits
    ],
)
def test_parse_bulan_reads_exactly_yyyy_mm(text: str, expected: TanggalBulan | None) -> None:
    parsed = parse_bulan(text)
    assert parsed == expected and (parsed is None or type(parsed) is TanggalBulan)


def test_ages_count_from_the_end_of_the_month_and_order_only_when_certain() -> None:
    assert hari_sejak(OKTOBER, d("2018-10-31")) == 0
    assert hari_sejak(OKTOBER, d("2018-11-01")) == 1
    assert hari_sejak(d("2018-10-05"), d("2018-11-01")) == 27
    assert not pasti_sebelum(OKTOBER, d("2018-10-31"))  # may be the 31st
    assert not pasti_sebelum(d("2018-10-01"), OKTOBER)  # may be the 1st
    assert pasti_sebelum(OKTOBER, d("2018-11-01"))
    assert pasti_sebelum(d("2018-09-30"), OKTOBER)


def test_words_never_invent_a_day() -> None:
    assert tanggal(OKTOBER) == "Oktober 2018"
    assert date_text(OKTOBER, "id") == "Oktober 2018"
    assert date_text(OKTOBER, "en") == "October 2018"
    assert tanggal_iso(OKTOBER) == "2018-10"
    assert hari(OKTOBER) == "........"
    # The opening of a naskah: "Pada hari ini ... tanggal ..." with blanks for the day.
    assert pembukaan_tanggal(OKTOBER) == (
        "hari ........ tanggal ........ bulan Oktober tahun dua ribu delapan belas"
    )
    assert date_text(d("2018-10-05"), "id") == "5 Oktober 2018"


def test_signing_and_event_dates_take_a_month_other_dates_do_not() -> None:
    naskah = Naskah.model_validate({"jenis": "kesepakatan_bersama", "tanggal_ttd": "2018-10"})
    assert type(naskah.tanggal_ttd) is TanggalBulan
    assert naskah.model_dump(mode="json")["tanggal_ttd"] == "2018-10"
    assert Tahap.model_validate({"tahap": "penawaran", "tanggal": "2018-10"}).tanggal == OKTOBER
    with pytest.raises(ValueError, match="invalid_date"):
        Naskah.model_validate({"jenis": "kesepakatan_bersama", "berlaku_mulai": "2018-10"})
    with pytest.raises(ValueError, match="invalid_date_or_month"):
        Naskah.model_validate({"jenis": "kesepakatan_bersama", "tanggal_ttd": "2018-13"})


def _flags(record: Agreement, as_of: date) -> list[Flag]:
    source = SourceFile(Path(f"{record.id}.yaml"), f"data/{record.id}.yaml", "agreement")
    loaded = LoadResult((LoadedRecord(source, record, ""),), (), 1, frozenset())
    sound = SoundRecords(loaded, frozenset(), (record.id,), (), {})
    return list(find_stalled(sound, Config(), load_reference(), as_of=as_of).flags)


def test_a_proposal_dated_to_the_month_is_flagged_180_days_after_the_months_end() -> None:
    record = agreement(peristiwa=[{"jenis": "permohonan", "tanggal": "2024-01"}])
    end = d("2024-01-31")
    assert _flags(record, end + timedelta(days=180)) == []
    (flag,) = _flags(record, end + timedelta(days=181))
    assert (flag.code, flag.days) == ("usulan_tanpa_kemajuan", 181)
    assert "Permohonan kerja sama Januari 2024" in flag.message


def test_a_kb_signed_in_a_month_is_followed_up_from_the_months_end() -> None:
    record = agreement(naskah=[{"jenis": "kesepakatan_bersama", "tanggal_ttd": "2023-02"}])
    end = d("2023-02-28")
    assert _flags(record, end + timedelta(days=365)) == []
    (flag,) = _flags(record, end + timedelta(days=366))
    assert flag.code == "kb_tanpa_pks" and "Februari 2023" in flag.message


def test_a_month_only_signing_is_signed_from_the_first_of_the_month() -> None:
    record = agreement(naskah=[{"jenis": "kesepakatan_bersama", "tanggal_ttd": "2018-10"}])
    assert lifecycle(record, d("2018-09-30")).status == "draf"
    state = lifecycle(record, d("2018-10-01"))
    assert state.status == "aktif" and state.tanggal("penandatanganan_kb") == OKTOBER


@pytest.mark.parametrize("lang", ["id", "en"])
def test_date_text_writes_what_babel_writes_on_every_day(lang: Lang) -> None:
    from babel.dates import format_date

    years = [1, 9, 99, 999, 1000, 1900, *range(1999, 2032), 2100, 9999]
    for year in years:
        for ordinal in range(date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal() + 1):
            day = date.fromordinal(ordinal)
            assert date_text(day, lang) == format_date(day, "d MMMM y", locale=lang), day
            if day.day == 1:
                month = TanggalBulan.dari(year, day.month)
                assert date_text(month, lang) == format_date(day, "MMMM y", locale=lang), day
