"""The record models: strict dates, bounded years, dates and amounts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from ksd_cli.models import (
    RUPIAH_MAX,
    Agreement,
    HakKewajiban,
    Monev,
    Pembiayaan,
    SuratKuasa,
    parse_date,
)

ROOT = Path(__file__).resolve().parent.parent


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


# Record format v1.1 additions (issue 10 §2) ---------------------------------------------------

AGREEMENT = {
    "id": "KSD-6402-2024-001",
    "judul": "Pengelolaan Sampah",
    "jenis": "ksdpk",
    "urusan": ["2.11"],
    "objek": "pengelolaan sampah regional",
    "ruang_lingkup": ["pengangkutan", "pengolahan"],
    "perangkat_daerah": ["Dinas Lingkungan Hidup"],
    "pihak": [
        {"peran": "pihak_kesatu", "tipe": "pemda", "kode_wilayah": "64.02"},
        {"peran": "pihak_kedua", "tipe": "pihak_ketiga", "nama": "PT Maju"},
    ],
    "pembiayaan": {"nilai": 1_000_000},
}


def agreement_with(naskah: dict[str, object]) -> Agreement:
    return Agreement.model_validate({**AGREEMENT, "naskah": [naskah]})


def test_a_document_narrower_than_its_cooperation_says_so_and_falls_back() -> None:
    own = agreement_with(
        {
            "jenis": "perjanjian_kerja_sama",
            "objek": "pengangkutan sampah",
            "ruang_lingkup": ["pengangkutan"],
            "nilai": 250_000,
            "pelaksana": {"pihak_kesatu": "UPTD Persampahan"},
            "jangka_waktu": {"tahun": 2, "bulan": 6},
        }
    )
    naskah = own.naskah[0]  # type: ignore[index]
    assert naskah.objek_efektif(own) == "pengangkutan sampah"
    assert naskah.ruang_lingkup_efektif(own) == ["pengangkutan"]
    assert naskah.nilai_efektif(own) == 250_000
    assert naskah.pelaksana_efektif(own) == {"pihak_kesatu": "UPTD Persampahan"}
    assert naskah.jangka_waktu is not None and naskah.jangka_waktu.bulan == 6
    bare = agreement_with({"jenis": "perjanjian_kerja_sama"})
    naskah = bare.naskah[0]  # type: ignore[index]
    assert naskah.objek_efektif(bare) == "pengelolaan sampah regional"
    assert naskah.ruang_lingkup_efektif(bare) == ["pengangkutan", "pengolahan"]
    assert naskah.nilai_efektif(bare) == 1_000_000
    assert naskah.pelaksana_efektif(bare) == ["Dinas Lingkungan Hidup"]


def test_a_document_value_is_bounded_like_the_financing() -> None:
    with pytest.raises(ValidationError):
        agreement_with({"jenis": "perjanjian_kerja_sama", "nilai": RUPIAH_MAX + 1})


def test_rights_and_obligations_split_or_in_the_v1_form() -> None:
    record = agreement_with(
        {
            "jenis": "perjanjian_kerja_sama",
            "hak_kewajiban": {
                "pihak_kesatu": {"hak": ["menerima laporan"], "kewajiban": ["menyediakan lahan"]},
                "pihak_kedua": ["mengangkut sampah"],
            },
        }
    )
    naskah = record.naskah[0]  # type: ignore[index]
    split = naskah.hak_dan_kewajiban("pihak_kesatu")
    assert split == HakKewajiban(hak=["menerima laporan"], kewajiban=["menyediakan lahan"])
    v1 = naskah.hak_dan_kewajiban("pihak_kedua")
    assert v1 == HakKewajiban(kewajiban=["mengangkut sampah"])
    assert naskah.hak_dan_kewajiban("pihak_ketiga") is None


def test_in_force_from_the_last_signature_unless_berlaku_mulai_says_otherwise() -> None:
    signers = [
        {"peran": "pihak_kesatu", "nama": "A", "jabatan": "Bupati", "tanggal_ttd": "2024-03-01"},
        {
            "peran": "pihak_kedua",
            "nama": "B",
            "jabatan": "Direktur",
            "tanggal_ttd": "2024-03-12",
            "tempat_ttd": "Jakarta",
            "pangkat_golongan": "Pembina (IV/a)",
            "nip": "197001012000031001",
        },
    ]
    record = agreement_with(
        {"jenis": "perjanjian_kerja_sama", "tanggal_ttd": "2024-03-01", "penandatangan": signers}
    )
    assert record.naskah[0].mulai == date(2024, 3, 12)  # type: ignore[index]
    record = agreement_with(
        {
            "jenis": "perjanjian_kerja_sama",
            "tanggal_ttd": "2024-03-01",
            "berlaku_mulai": "2024-04-01",
            "penandatangan": signers,
        }
    )
    assert record.naskah[0].mulai == date(2024, 4, 1)  # type: ignore[index]


def test_an_unknown_end_is_neither_a_date_nor_absent() -> None:
    unknown = agreement_with({"jenis": "kesepakatan_bersama", "berlaku_sampai": "tidak_diketahui"})
    naskah = unknown.naskah[0]  # type: ignore[index]
    assert naskah.sampai is None and naskah.sampai_tidak_diketahui
    open_ = agreement_with({"jenis": "kesepakatan_bersama"}).naskah[0]  # type: ignore[index]
    assert open_.sampai is None and not open_.sampai_tidak_diketahui
    with pytest.raises(ValidationError) as caught:
        agreement_with({"jenis": "kesepakatan_bersama", "berlaku_sampai": "tidak tahu"})
    assert [e["type"] for e in caught.value.errors()] == ["invalid_date"]


def test_money_both_ways_and_monev_as_regions_run_it() -> None:
    biaya = Pembiayaan.model_validate(
        {"nilai": 5, "pendapatan": [{"jenis": "retribusi", "nilai": 12_000_000}]}
    )
    assert biaya.pendapatan is not None and biaya.pendapatan[0].jenis == "retribusi"
    monev = Monev.model_validate(
        {
            "tanggal": "2024-12-01",
            "penilaian": {"ketepatan_waktu": 4, "dampak": 3},
            "bukti": "https://example.go.id/monev.pdf",
            "penilai": ["opd", "tkksd"],
        }
    )
    assert monev.penilaian == {"ketepatan_waktu": 4, "dampak": 3}
    with pytest.raises(ValidationError):
        Monev.model_validate({"tanggal": "2024-12-01", "penilaian": {"ketepatan_waktu": 6}})
    with pytest.raises(ValidationError):
        Monev.model_validate({"tanggal": "2024-12-01", "penilaian": {"kecepatan": 3}})


#: Validates every fixture repository and the planted corpus, and prints each finding; with
#: ``eager``, first builds every record model in the order of its definition, each reusing
#: the models it holds, as importing the module did before ``defer_build``.
_FINDINGS = """
import dataclasses, datetime, json, sys
from pathlib import Path
from ksd_cli import models
from ksd_cli.repository import open_repository
from ksd_cli.validate import validate_repository

built = [
    value for value in vars(models).values()
    if isinstance(value, type) and issubclass(value, models._Record) and value is not models._Record
]
if sys.argv[1] == "eager":
    for model in built:
        model.model_rebuild()
else:
    assert all(not model.__pydantic_complete__ for model in built)
found = []
for root in sys.argv[2:]:
    report = validate_repository(
        open_repository(Path(root)), as_of=datetime.date(2025, 6, 30), use_cache=False
    )
    found.extend(dataclasses.asdict(d) for d in report.diagnostics)
# Deferred, the models held by Agreement and Potential are never built on their own.
complete = [model.__name__ for model in built if model.__pydantic_complete__]
print(json.dumps({"findings": found, "complete": complete}, default=str))
"""


def test_the_deferred_models_find_what_the_models_built_at_import_found(tmp_path: Path) -> None:
    from helpers import generator, planted_corpus

    fixtures = sorted(str(p) for p in (ROOT / "tests/fixtures/repos").iterdir() if p.is_dir())
    generator().generate(tmp_path / "generated", 300, seed=7, invalid_every=7)
    roots = [*fixtures, str(planted_corpus(tmp_path / "planted")), str(tmp_path / "generated")]
    found = {}
    for mode in ("eager", "deferred"):
        done = subprocess.run(
            [sys.executable, "-c", _FINDINGS, mode, *roots],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "KSD_NO_CACHE": "1"},
        )
        found[mode] = json.loads(done.stdout)
    eager, deferred = found["eager"], found["deferred"]
    assert len(eager["complete"]) > 15
    assert deferred["complete"] == ["Agreement", "Potential"]
    assert len(eager["findings"]) > 250
    schema = {"S001", "S002", "S003", "S004", "S005", "S006", "S007", "S008", "S010", "S011"}
    assert {f["code"] for f in eager["findings"]} >= schema
    assert deferred["findings"] == eager["findings"]
