"""The reference data shipped with ksd: region codes, old Papua codes, urusan."""

from __future__ import annotations

from ksd_cli.reference import load_reference


def test_counts_match_the_sources() -> None:
    ref = load_reference()
    tingkat = [w.tingkat for w in ref.wilayah.values()]
    assert (tingkat.count("provinsi"), tingkat.count("kabupaten"), tingkat.count("kota")) == (
        38,
        416,
        98,
    )
    assert len(ref.kode_lama) == 26
    assert len(ref.urusan) == 32


def test_names_and_offices() -> None:
    ref = load_reference()
    assert ref.wilayah["64.02"].pemerintah == "Pemerintah Kabupaten Kutai Kartanegara"
    assert ref.wilayah["64.02"].kepala_daerah == "Bupati Kutai Kartanegara"
    assert ref.wilayah["64.72"].kepala_daerah == "Wali Kota Samarinda"
    assert ref.wilayah["64"].pemerintah == "Pemerintah Provinsi Kalimantan Timur"
    assert ref.wilayah["64"].kepala_daerah == "Gubernur Kalimantan Timur"
    assert all(w.nama == w.nama.strip() for w in ref.wilayah.values())


def test_old_papua_codes_point_at_current_codes() -> None:
    ref = load_reference()
    merauke = ref.kode_lama["91.01"]
    assert merauke.kode_baru == "93.01" and ref.wilayah["93.01"].nama == "Kabupaten Merauke"
    assert all(old.kode_baru in ref.wilayah for old in ref.kode_lama.values())


def test_urusan_codes_and_aliases() -> None:
    ref = load_reference()
    assert ref.urusan["2.11"].nama == "lingkungan hidup"
    assert ref.urusan["1.04"].alias == "perumahan dan kawasan permukiman"
