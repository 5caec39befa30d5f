"""Signatories in full: rank and NIP, the grantor of a power of attorney, acting decrees, seat, meterai, witnesses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from draft.conftest import TPA, draft, edit_naskah, edit_record
from ksd_cli.draft.penandatangan import meterai
from ksd_cli.repository import open_repository

PLH = {
    "peran": "pihak_kesatu",
    "nama": "Drs. Sunggono, M.M.",
    "jabatan": "Sekretaris Daerah Kabupaten Kutai Kartanegara",
    "pangkat_golongan": "Pembina Utama Madya (IV/d)",
    "nip": "196803121994031009",
    "dasar_kewenangan": {"jenis": "plh", "nomor": "800.1.3.2/045/BKPSDM", "tanggal": "2024-05-02"},
}
WALI_KOTA = {
    "peran": "pihak_kedua",
    "nama": "H. Muhammad Arsyad, S.T., M.Si.",
    "jabatan": "Wali Kota Samarinda",
}


def test_an_acting_head_signs_as_the_head_with_rank_nip_and_decree(sample_repo: Path) -> None:
    edit_naskah(sample_repo, TPA, 1, penandatangan=[PLH, WALI_KOTA])
    body = draft(open_repository(sample_repo), TPA, 1).body
    assert (
        "1. **Drs. Sunggono, M.M.**, Pembina Utama Madya (IV/d), NIP 196803121994031009, "
        "Sekretaris Daerah Kabupaten Kutai Kartanegara, selaku Pelaksana Harian Bupati Kutai "
        "Kartanegara berdasarkan Keputusan Nomor 800.1.3.2/045/BKPSDM tanggal 2 Mei 2024, "
        "berkedudukan di Jalan Wolter Monginsidi Nomor 1, Tenggarong, dalam hal ini bertindak "
        "untuk dan atas nama Pemerintah Kabupaten Kutai Kartanegara" in body
    )
    # Plh. Bupati signs as the Bupati's office, not "a.n." it; rank and NIP under the name.
    assert "| PLH. BUPATI KUTAI KARTANEGARA, | WALI KOTA SAMARINDA, |" in body
    assert "a.n." not in body
    assert "| Pembina Utama Madya (IV/d)<br>NIP 196803121994031009 |  |" in body


def test_an_appointed_official_cites_the_appointment_decree(sample_repo: Path) -> None:
    official = {
        **PLH,
        "dasar_kewenangan": {"jenis": "keputusan_pengangkatan", "nomor": "821.2/17/BKPSDM"},
    }
    edit_naskah(sample_repo, TPA, 1, penandatangan=[official, WALI_KOTA])
    body = draft(open_repository(sample_repo), TPA, 1).body
    assert (
        "Sekretaris Daerah Kabupaten Kutai Kartanegara, yang diangkat berdasarkan Keputusan "
        "Nomor 821.2/17/BKPSDM, berkedudukan di" in body
    )
    assert "| a.n. BUPATI KUTAI KARTANEGARA<br>SEKRETARIS DAERAH KABUPATEN KUTAI" in body


def test_seat_from_the_party_else_from_ksd_toml_daerah_alamat(sample_repo: Path) -> None:
    edit_record(
        sample_repo,
        TPA,
        pihak=[
            {"peran": "pihak_kesatu", "tipe": "pemda", "kode_wilayah": "64.02"},
            {"peran": "pihak_kedua", "tipe": "pemda", "kode_wilayah": "64.72"},
        ],
    )
    body = draft(open_repository(sample_repo), TPA, 1).body
    assert "berkedudukan di" not in body
    toml = sample_repo / "ksd.toml"
    toml.write_text(
        toml.read_text("utf-8").replace(
            'kode = "64.02"\n', 'kode = "64.02"\nalamat = "Tenggarong"\n', 1
        ),
        "utf-8",
    )
    body = draft(open_repository(sample_repo), TPA, 1).body
    assert body.count("berkedudukan di Tenggarong, dalam hal ini") == 1
    assert "Wali Kota Samarinda, dalam hal ini bertindak" in body


def test_witnesses_sign_under_their_party(sample_repo: Path) -> None:
    saksi = [
        {
            "nama": "Rahmat Hidayat, S.STP., M.Si.",
            "jabatan": "Kepala Bagian Kerja Sama",
            "peran": "pihak_kesatu",
        },
        {
            "nama": "Dra. Siti Aminah",
            "jabatan": "Kepala Bagian Pemerintahan",
            "peran": "pihak_kedua",
        },
    ]
    edit_naskah(sample_repo, TPA, 1, saksi=saksi)
    body = draft(open_repository(sample_repo), TPA, 1).body
    block = body.split("### SAKSI-SAKSI\n", 1)[1]
    assert block.startswith("\n<!-- ksd:ttd -->\n| Saksi PIHAK KESATU | Saksi PIHAK KEDUA |\n")
    assert "| Kepala Bagian Kerja Sama | Kepala Bagian Pemerintahan |" in block
    assert "| **Rahmat Hidayat, S.STP., M.Si.** | **Dra. Siti Aminah** |" in block


def test_no_witnesses_no_witness_block(sample_repo: Path) -> None:
    assert "SAKSI" not in draft(open_repository(sample_repo), TPA, 1).body


def test_the_meterai_is_the_one_in_force_on_the_signing_date() -> None:
    assert meterai(date(2020, 12, 31)) == "Meterai Rp6.000"
    assert meterai(date(2021, 1, 1)) == "Meterai Rp10.000"
    assert meterai(None) == "Meterai Rp10.000"


def test_the_lampiran_is_signed_without_meterai(sample_repo: Path) -> None:
    body = draft(open_repository(sample_repo), "KSD-6402-2023-004", 1).body
    main, lampiran = body.split("RENCANA AKSI", 1)
    assert main.count("*Meterai Rp10.000*") == 2
    assert "<!-- ksd:ttd -->" in lampiran and "Meterai" not in lampiran


def test_a_witness_party_is_record_text_never_markup(sample_repo: Path) -> None:
    edit_naskah(sample_repo, TPA, 1, saksi=[{"nama": "A", "peran": "**x**"}])
    body = draft(open_repository(sample_repo), TPA, 1).body
    assert "| Saksi \\*\\*X\\*\\* |" in body
