"""The standard rights and obligations: by the party's type and the kind of naskah."""

from __future__ import annotations

from ksd_cli.draft.hak_kewajiban import baku
from ksd_cli.draft.wording import butir


def _all(tipe: str, jenis: str = "perjanjian_kerja_sama", **kw: object) -> str:
    standard = baku(tipe, jenis, nama_jenis="Perjanjian Kerja Sama", pemilik=False, **kw)  # type: ignore[arg-type]
    assert standard.hak and standard.kewajiban
    return " | ".join(standard.hak + standard.kewajiban)


def test_a_region_budgets_in_its_apbd_and_reports_to_its_head() -> None:
    text = _all("pemda", kepala_daerah="Wali Kota Samarinda")
    assert "Anggaran Pendapatan dan Belanja Daerah" in text
    assert "kepada Wali Kota Samarinda" in text and "Tim Koordinasi" not in text
    owner = baku("pemda", "perjanjian_kerja_sama", nama_jenis="PKS", pemilik=True)
    assert any("Tim Koordinasi Kerja Sama Daerah" in k for k in owner.kewajiban)


def test_a_university_or_company_is_not_told_to_budget_in_an_apbd() -> None:
    text = _all("pihak_ketiga")
    assert "Belanja Daerah" not in text and "Tim Koordinasi" not in text
    assert "sumber dananya sendiri" in text


def test_a_ministry_budgets_in_the_apbn_and_not_through_the_tkksd() -> None:
    text = _all("kementerian_lembaga")
    assert "Anggaran Pendapatan dan Belanja Negara" in text
    assert "Belanja Daerah" not in text and "Tim Koordinasi" not in text


def test_a_foreign_party_follows_its_own_law() -> None:
    for tipe in ("pemda_luar_negeri", "lembaga_luar_negeri"):
        text = _all(tipe)
        assert "ketentuan yang berlaku di negaranya" in text and "Belanja" not in text


def test_the_kind_of_naskah_changes_the_wording() -> None:
    nota = _all("pemda", "nota_kesepakatan")
    assert "rencana aksi" in nota
    assert "rencana aksi" not in _all("pemda")


def test_an_item_that_already_ends_in_dan_gets_no_second_one() -> None:
    assert butir(["satu; dan", "dua dan", "tiga"]) == ["satu;", "dua; dan", "tiga."]
    assert butir(["satu", "dua; atau", "tiga"], "atau") == ["satu;", "dua; atau", "tiga."]
    # "dan" inside an item stays.
    assert butir(["sarana dan prasarana", "data"]) == ["sarana dan prasarana; dan", "data."]
