"""The document is the document's: objek, ruang lingkup, nilai, pelaksana, jangka waktu of a naskah."""

from __future__ import annotations

from pathlib import Path

from conftest import check_golden

from draft.conftest import TPA, draft, edit_naskah
from ksd_cli.repository import open_repository

GOLDEN = Path(__file__).parent.parent / "golden" / "draft"


BANK_SAMPAH = {
    "objek": "Pengurangan sampah rumah tangga melalui bank sampah dan TPS3R.",
    "ruang_lingkup": [
        "Pembentukan dan pembinaan bank sampah di kelurahan perbatasan",
        "Pengoperasian TPS3R Loa Janan",
    ],
    "nilai": 750_000_000,
    "pelaksana": {
        "pihak_kesatu": "Dinas Lingkungan Hidup Kabupaten Kutai Kartanegara",
        "pihak_kedua": "Dinas Lingkungan Hidup Kota Samarinda",
    },
}


def test_a_pks_narrower_than_its_kb_says_only_what_it_covers(
    sample_repo: Path, update_golden: bool
) -> None:
    edit_naskah(sample_repo, TPA, 3, **BANK_SAMPAH)
    rendered = draft(open_repository(sample_repo), TPA, 3)
    body = rendered.body
    assert "Objek Perjanjian Kerja Sama ini adalah pengurangan sampah rumah tangga" in body
    assert "a. pembentukan dan pembinaan bank sampah di kelurahan perbatasan;" in body
    assert "b. pengoperasian TPS3R Loa Janan." in body
    # The KB's landfill and the cooperation's value are not this PKS's.
    assert "sanitary landfill" not in body and "lahan urug" not in body
    assert "Rp750.000.000,00" in body and "14.250.000.000" not in body
    assert "a. PIHAK KESATU melalui Dinas Lingkungan Hidup Kabupaten Kutai Kartanegara;" in body
    assert "Badan Perencanaan Pembangunan Daerah" not in body
    check_golden(GOLDEN / "perjanjian_kerja_sama-isi_sendiri.md", rendered.markdown, update_golden)


def test_without_its_own_content_a_naskah_falls_back_to_the_record(sample_repo: Path) -> None:
    body = draft(open_repository(sample_repo), TPA, 3).body
    assert "Tempat Pemrosesan Akhir (TPA) Regional Tenggarong Seberang" in body
    assert "sanitary landfill" in body


def test_jangka_waktu_gives_the_term_when_the_dates_do_not(sample_repo: Path) -> None:
    edit_naskah(sample_repo, TPA, 3, jangka_waktu={"tahun": 2, "bulan": 6})
    body = draft(open_repository(sample_repo), TPA, 3).body
    assert "berlaku untuk jangka waktu 2 (dua) tahun 6 (enam) bulan terhitung sejak" in body
