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


def test_the_supporting_functions_of_regional_planning_are_their_own_table() -> None:
    reference = load_reference()
    lain = reference.urusan_lain
    assert {
        k: u.nama for k, u in lain.items() if k in ("4.01", "5.02", "6.01", "7.01", "8.01")
    } == {
        "4.01": "sekretariat daerah",
        "5.02": "keuangan",
        "6.01": "inspektorat daerah",
        "7.01": "kecamatan",
        "8.01": "kesatuan bangsa dan politik",
    }
    assert {u.kelompok for u in lain.values()} == {
        "unsur_pendukung",
        "unsur_penunjang",
        "unsur_pengawasan",
        "unsur_kewilayahan",
        "unsur_pemerintahan_umum",
    }
    # Still 32 concurrent affairs: the mapping's coverage counts only those.
    assert len(reference.urusan) == 32 and not set(lain) & set(reference.urusan)
    assert reference.cari_urusan("5.05").nama == "penelitian dan pengembangan"  # type: ignore[union-attr]
    assert reference.cari_urusan("2.11").nama == "lingkungan hidup"  # type: ignore[union-attr]
    assert reference.cari_urusan("9.99") is None
