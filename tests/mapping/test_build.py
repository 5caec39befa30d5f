from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from ksd_cli.mapping import Mapping
from ksd_cli.models import KEY_ORDER, RUPIAH_MAX, Potential
from ksd_cli.reference import load_reference

from .conftest import mapping_of, write_potentials


def test_every_urusan_of_the_classification_in_order(sample: Mapping) -> None:
    assert [g.kode for g in sample.groups] == list(load_reference().urusan)


def test_rows_are_the_potentials_of_their_urusan(sample: Mapping) -> None:
    by_urusan = {g.kode: [r.id for r in g.rows] for g in sample.groups}
    assert by_urusan["1.03"] == ["POT-6402-2020-002", "POT-6402-2023-001"]
    assert by_urusan["1.06"] == []  # listed all the same: "belum teridentifikasi"


def test_follow_up_names_the_agreement_and_its_stage(sample: Mapping) -> None:
    row = next(r for r in sample.rows if r.id == "POT-6402-2023-001")
    assert [(f.id, f.tahap, f.status) for f in row.tindak_lanjut] == [
        ("KSD-6402-2023-001", "persetujuan_dprd", "aktif")
    ]


def test_a_high_priority_potential_never_followed_up_carries_the_finding(sample: Mapping) -> None:
    row = next(r for r in sample.rows if r.id == "POT-6402-2023-002")
    assert row.tindak_lanjut == ()
    assert not row.ditindaklanjuti
    assert row.temuan_hari == 547  # since 31 December 2023


def test_coverage_counts(sample: Mapping) -> None:
    c = sample.coverage
    assert (c.urusan, c.urusan_terpetakan, c.potensi) == (32, 12, 13)
    assert c.potensi_rkpd == sum(1 for r in sample.rows if r.rkpd_tahun is not None) == 5
    assert c.potensi_ditindaklanjuti == 10
    assert c.potensi_tanpa_tindak_lanjut == 1


def test_tahun_keeps_the_potentials_of_that_year(tmp_path: Path) -> None:
    root = write_potentials(
        tmp_path,
        "64.72",
        {"id": "POT-6472-2023-001", "tahun": 2023},
        {"id": "POT-6472-2024-001", "tahun": 2024, "urusan": "3.26"},
    )
    mapping = mapping_of(root, tahun=2024)
    assert [r.id for r in mapping.rows] == ["POT-6472-2024-001"]
    assert mapping.coverage.urusan_terpetakan == 1


def test_head_of_region_follows_the_kind_of_region(tmp_path: Path) -> None:
    kota = mapping_of(write_potentials(tmp_path / "a", "64.72", {"id": "POT-6472-2024-001"}))
    provinsi = mapping_of(write_potentials(tmp_path / "b", "64", {"id": "POT-64-2024-001"}))
    assert (kota.tingkat, kota.kepala_daerah) == ("kota", "Wali Kota Samarinda")
    assert provinsi.kepala_daerah == "Gubernur Kalimantan Timur"


def test_json_form_carries_schema_version_and_coverage(sample: Mapping) -> None:
    data = sample.as_dict()
    assert data["schema_version"] == 1
    assert data["cakupan"] == sample.coverage.as_dict()
    assert len(data["urusan"]) == 32  # type: ignore[arg-type]


def test_planning_fields_of_a_potential_reach_the_row(sample: Mapping) -> None:
    row = next(r for r in sample.rows if r.id == "POT-6402-2023-003")
    assert (row.indikator, row.target) == ("Luas lahan rawa yang dioptimasi", "1.000 hektare")
    assert (row.anggaran_indikatif, row.tahun_rencana) == (3_200_000_000, 2024)
    assert row.as_dict()["anggaran_indikatif"] == 3_200_000_000
    # A potential without them keeps them empty.
    bare = next(r for r in sample.rows if r.id == "POT-6402-2020-001")
    assert (bare.indikator, bare.target, bare.anggaran_indikatif, bare.tahun_rencana) == (
        (None,) * 4
    )


BASE_POTENTIAL = {
    "id": "POT-6472-2024-001",
    "daerah": "64.72",
    "tahun": 2024,
    "perangkat_daerah": "Dinas Lingkungan Hidup",
    "urusan": "2.11",
    "isu": "Sampah",
    "potensi": "Lahan TPA",
    "prioritas": "sedang",
}


def test_a_bare_number_target_reads_as_text() -> None:
    assert Potential.model_validate({**BASE_POTENTIAL, "target": 85}).target == "85"
    assert Potential.model_validate({**BASE_POTENTIAL, "target": 2.5}).target == "2.5"


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("anggaran_indikatif", RUPIAH_MAX + 1, "less_than_equal"),
        ("anggaran_indikatif", -1, "greater_than_equal"),
        ("tahun_rencana", 10_000, "out_of_range_between"),
        ("target", "", "string_too_short"),
        ("indikator", "", "string_too_short"),
    ],
)
def test_planning_fields_are_bounded_like_the_rest(field: str, value: object, error: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Potential.model_validate({**BASE_POTENTIAL, field: value})
    assert caught.value.errors()[0]["type"] == error


def test_fmt_orders_the_planning_fields_after_the_planning_link() -> None:
    order = KEY_ORDER[Potential]
    assert order.index("integrasi_perencanaan") < order.index("indikator")
    assert order.index("tahun_rencana") < order.index("dokumen_penetapan")
