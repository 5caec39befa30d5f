"""Drafting naskah: golden Markdown, what each naskah says, choosing, missing data, overrides, provenance."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import check_golden

from draft.conftest import (
    ADMINDUK,
    BANJIR,
    BURSA_KERJA,
    PANGAN,
    SINERGI,
    TPA,
    docx_of,
    draft,
)
from ksd_cli import __version__
from ksd_cli.draft import (
    NaskahIncomplete,
    missing_fields,
    select_naskah,
    write_naskah,
)
from ksd_cli.draft.render import load_agreement
from ksd_cli.errors import UserError
from ksd_cli.jinja import bundled_templates
from ksd_cli.repository import Repository, open_repository

GOLDEN = Path(__file__).parent.parent / "golden" / "draft"


def pasal(body: str) -> list[tuple[int, str]]:
    """(number, heading) of every Pasal, in order."""
    return [
        (int(m.group(1)), m.group(2))
        for m in re.finditer(r"^## Pasal (\d+)\n## (.+)$", body, re.MULTILINE)
    ]


def ayat_per_pasal(body: str) -> list[list[int]]:
    """The ayat numbers of each Pasal, in order."""
    sections = re.split(r"^## Pasal \d+\n", body, flags=re.MULTILINE)[1:]
    return [[int(n) for n in re.findall(r"^\((\d+)\) ", s, re.MULTILINE)] for s in sections]


# Golden Markdown -------------------------------------------------------------------------------

GOLDEN_CASES = [
    ("kesepakatan_bersama", TPA, 1),
    ("perjanjian_kerja_sama", TPA, 2),
    ("perjanjian_kerja_sama-surat_kuasa", TPA, 3),
    ("nota_kesepakatan", SINERGI, 1),
    ("adendum", TPA, 4),
    ("kesepakatan_bersama-tiga_pihak", "KSD-6402-2023-002", 1),
    ("nota_kesepahaman-ksdpl", "KSD-6402-2019-003", 2),  # bilingual
]


@pytest.mark.parametrize(("name", "record_id", "position"), GOLDEN_CASES)
def test_golden_markdown(
    repo: Repository, update_golden: bool, name: str, record_id: str, position: int
) -> None:
    rendered = draft(repo, record_id, position)
    assert rendered.missing == ()
    check_golden(GOLDEN / f"{name}.md", rendered.markdown, update_golden)


def test_pasal_and_ayat_are_numbered_in_order_in_every_template(repo: Repository) -> None:
    for _, record_id, position in GOLDEN_CASES:
        body = draft(repo, record_id, position).body
        numbers = [n for n, _ in pasal(body)]
        assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 3
        for ayat in ayat_per_pasal(body):
            assert ayat == list(range(1, len(ayat) + 1))


def test_numbering_comes_from_the_template_loop_not_from_figures(sample_repo: Path) -> None:
    (sample_repo / "templates").mkdir()
    (sample_repo / "templates" / "kesepakatan_bersama.md.j2").write_text(
        '{% import "_naskah_macros.md.j2" as m with context %}\n'
        "{% for judul in ['SATU', 'DUA', 'TIGA'] %}\n"
        "{% call m.pasal(judul) %}\n{{ m.ayat() }} a\n\n{{ m.ayat() }} b\n{% endcall %}\n"
        "{% endfor %}\n",
        encoding="utf-8",
    )
    body = draft(open_repository(sample_repo), TPA, 1).body
    assert pasal(body) == [(1, "SATU"), (2, "DUA"), (3, "TIGA")]
    assert ayat_per_pasal(body) == [[1, 2], [1, 2], [1, 2]]


# What the naskah say ---------------------------------------------------------------------------


def test_kb_reads_like_a_kesepakatan_bersama(repo: Repository) -> None:
    body = draft(repo, TPA, 1).body
    assert body.startswith(
        "# KESEPAKATAN BERSAMA\n# ANTARA\n# PEMERINTAH KABUPATEN KUTAI KARTANEGARA\n# DAN\n"
        "# PEMERINTAH KOTA SAMARINDA\n# TENTANG\n# KERJA SAMA PENGELOLAAN SAMPAH REGIONAL\n\n"
        "### NOMOR: 180/015/HK/III/2021\n### NOMOR: 100.3.7/12/KS-Smd/2021\n\n"
    )
    assert (
        "Pada hari ini Senin tanggal lima belas bulan Maret tahun dua ribu dua puluh satu, "
        "bertempat di Tenggarong, yang bertanda tangan di bawah ini:\n" in body
    )
    assert (
        "1. **Drs. H. Rahmad Effendi, M.Si.**, Bupati Kutai Kartanegara, berkedudukan di Jalan "
        "Wolter Monginsidi Nomor 1, Tenggarong, dalam hal ini bertindak untuk dan atas nama "
        "Pemerintah Kabupaten Kutai Kartanegara, selanjutnya disebut **PIHAK KESATU**;" in body
    )
    assert "selanjutnya disebut **PIHAK KEDUA**." in body
    assert (
        "PIHAK KESATU dan PIHAK KEDUA selanjutnya secara bersama-sama disebut **PARA PIHAK**."
        in body
    )
    # The record's considerations, lettered.
    assert "\na. bahwa berdasarkan Pasal 364 ayat (1) Undang-Undang Nomor 23 Tahun 2014" in body
    assert "\nc. bahwa PARA PIHAK sepakat untuk mengelola sampah secara bersama" in body
    assert [h for _, h in pasal(body)] == [
        "MAKSUD DAN TUJUAN",
        "OBJEK DAN RUANG LINGKUP",
        "PELAKSANAAN",
        "JANGKA WAKTU",
        "PEMBIAYAAN",
        "PENYELESAIAN PERSELISIHAN",
        "PERUBAHAN",
        "PENGAKHIRAN",
        "PENUTUP",
    ]
    assert (
        "(1) Kesepakatan Bersama ini berlaku untuk jangka waktu 5 (lima) tahun terhitung sejak "
        "tanggal 15 Maret 2021 (lima belas bulan Maret tahun dua ribu dua puluh satu) sampai "
        "dengan tanggal 14 Maret 2026 (empat belas bulan Maret tahun dua ribu dua puluh enam)."
        in body
    )
    # Scope from the record, as clauses of one sentence.
    assert "c. pengurangan sampah melalui bank sampah dan TPS3R; dan\n" in body
    assert "d. pertukaran data dan peningkatan kapasitas sumber daya manusia.\n" in body
    assert "a. PIHAK KESATU melalui Dinas Lingkungan Hidup, Dinas Pekerjaan Umum, dan Badan" in body
    assert "secara musyawarah untuk mufakat" in body
    assert "dibuat dalam rangkap 2 (dua) asli" in body
    assert body.rstrip().endswith(
        "<!-- ksd:ttd -->\n| PIHAK KESATU | PIHAK KEDUA |\n| :-: | :-: |\n"
        "| BUPATI KUTAI KARTANEGARA, | WALI KOTA SAMARINDA, |\n"
        "| <br>*Meterai Rp10.000*<br><br> | <br>*Meterai Rp10.000*<br><br> |\n"
        "| **Drs. H. Rahmad Effendi, M.Si.** | **H. Muhammad Arsyad, S.T., M.Si.** |"
    )


def test_standard_wording_when_the_record_has_no_drafting_fields(repo: Repository) -> None:
    # KSD-6402-2023-002: three parties, no pertimbangan, no maksud_tujuan.
    body = draft(repo, "KSD-6402-2023-002", 1).body
    assert (
        "# PEMERINTAH KABUPATEN KUTAI KARTANEGARA,\n# PEMERINTAH KABUPATEN KUTAI BARAT\n# DAN\n"
        in body
    )
    assert "PIHAK KESATU, PIHAK KEDUA, dan PIHAK KETIGA selanjutnya secara bersama-sama" in body
    assert "a. bahwa berdasarkan Pasal 363 ayat (1) Undang-Undang Nomor 23 Tahun 2014" in body
    assert "urusan pemerintahan perhubungan untuk memberikan manfaat" in body
    assert "dibuat dalam rangkap 3 (tiga) asli" in body
    assert "| PIHAK KESATU | PIHAK KEDUA | PIHAK KETIGA |" in body


def test_pks_cites_the_kb_it_follows_and_has_the_operational_sections(repo: Repository) -> None:
    body = draft(repo, TPA, 2).body
    citation = (
        "Kesepakatan Bersama antara Pemerintah Kabupaten Kutai Kartanegara dan Pemerintah Kota "
        "Samarinda Nomor 180/015/HK/III/2021 dan 100.3.7/12/KS-Smd/2021 tanggal 15 Maret 2021 "
        "tentang Kerja Sama Pengelolaan Sampah Regional"
    )
    assert f"sebagai pelaksanaan {citation}, PARA PIHAK sepakat" in body
    headings = [h for _, h in pasal(body)]
    for heading in (
        "HAK DAN KEWAJIBAN",
        "MONITORING, EVALUASI, DAN PELAPORAN",
        "KEADAAN KAHAR",
        "PENYELESAIAN PERSELISIHAN",
        "PERUBAHAN",
        "PENGAKHIRAN",
        "PENUTUP",
    ):
        assert heading in headings
    assert headings.index("PENYELESAIAN PERSELISIHAN") < headings.index("PENUTUP")
    # Rights and obligations from the record, per party.
    assert "(1) Hak dan kewajiban PIHAK KESATU meliputi:\n\na. menyediakan lahan" in body
    assert "d. menjamin sampah yang diangkut bukan limbah bahan berbahaya dan beracun.\n" in body
    assert (
        "Perkiraan nilai kerja sama sebesar Rp14.250.000.000,00 (empat belas miliar dua ratus "
        "lima puluh juta rupiah)." in body
    )
    assert (
        "berlaku untuk jangka waktu 3 (tiga) tahun terhitung sejak tanggal 1 September 2021 "
        "(satu bulan September tahun dua ribu dua puluh satu)" in body
    )


def test_pks_signed_under_surat_kuasa(repo: Repository) -> None:
    body = draft(repo, TPA, 3).body
    assert (
        "1. **Ir. Slamet Hadi Purnomo, M.T.**, Kepala Dinas Lingkungan Hidup Kabupaten Kutai "
        "Kartanegara, berdasarkan Surat Kuasa Bupati Kutai Kartanegara Nomor 183/021/HK/III/2022 tanggal 7 Maret 2022, "
        in body
    )
    assert (
        "berdasarkan Surat Kuasa Wali Kota Samarinda Nomor 100.3.6/17/HK-Smd/III/2022 tanggal 9 Maret 2022"
        in body
    )
    assert (
        "| a.n. BUPATI KUTAI KARTANEGARA<br>KEPALA DINAS LINGKUNGAN HIDUP KABUPATEN KUTAI "
        "KARTANEGARA, | a.n. WALI KOTA SAMARINDA<br>KEPALA DINAS LINGKUNGAN HIDUP KOTA "
        "SAMARINDA, |" in body
    )
    # No hak_kewajiban in the record: standard wording per party, "berhak" and "berkewajiban".
    assert "(1) PIHAK KESATU berhak:\n\na. memperoleh data" in body
    assert "(2) PIHAK KESATU berkewajiban:\n\na. melaksanakan kegiatan" in body
    assert "(3) PIHAK KEDUA berhak:\n\n" in body and "(4) PIHAK KEDUA berkewajiban:\n\n" in body
    # The owning region reports through its TKKSD; the partner region to its own head.
    assert "kepada Bupati Kutai Kartanegara melalui Tim Koordinasi Kerja Sama Daerah." in body
    assert "kepada Wali Kota Samarinda.\n" in body
    # The PKS follows the KB (induk: 1), not the other PKS.
    assert "Nomor 180/015/HK/III/2021 dan 100.3.7/12/KS-Smd/2021 tanggal 15 Maret 2021" in body


def test_nota_kesepakatan_has_the_rencana_aksi_annex(repo: Repository) -> None:
    body = draft(repo, SINERGI, 1).body
    assert "# KEMENTERIAN PERTANIAN REPUBLIK INDONESIA\n# DAN\n# PEMERINTAH KABUPATEN KUTAI" in body
    assert "<!-- ksd:lanskap -->\n### LAMPIRAN\n" in body
    assert "### TANGGAL: 14 Agustus 2023\n" in body
    assert "| No. | Kegiatan | Keluaran | Lokasi | Waktu | Penanggung Jawab | Sumber Dana |" in body
    assert (
        "| 3 | Perbaikan jaringan tata air tingkat usaha tani | 42 kilometer saluran tersier | "
        "Kecamatan Muara Kaman dan Kota Bangun | 2024 | Dinas Tanaman Pangan dan Hortikultura | "
        "APBD Kabupaten Kutai Kartanegara |" in body
    )
    assert "Rp8.650.000.000,00 (delapan miliar enam ratus lima puluh juta rupiah)" in body
    assert "Anggaran Pendapatan dan Belanja Negara dan Anggaran Pendapatan" in body
    # A signatory of a ministry is not a head of region: no "a.n." line.
    assert "| DIREKTUR JENDERAL TANAMAN PANGAN, | BUPATI KUTAI KARTANEGARA, |" in body


def test_adendum_states_what_it_amends(repo: Repository) -> None:
    body = draft(repo, TPA, 4).body
    assert body.startswith("# ADENDUM PERTAMA PERJANJIAN KERJA SAMA\n# ANTARA\n")
    assert (
        "a. bahwa PARA PIHAK telah menandatangani Perjanjian Kerja Sama antara Pemerintah "
        "Kabupaten Kutai Kartanegara dan Pemerintah Kota Samarinda Nomor 180/042/HK/VIII/2021 "
        "dan 100.3.7/31/KS-Smd/2021 tanggal 10 Agustus 2021 tentang Pengangkutan dan "
        "Pemrosesan Akhir Sampah di TPA Regional Tenggarong Seberang" in body
    )
    # The changes name their Pasal (test_perubahan.py); the new term is in Pasal 5 ayat (1).
    assert (
        "> (1) Perjanjian Kerja Sama ini berlaku sejak tanggal 1 September 2021 sampai dengan "
        "tanggal 14 Maret 2026." in body
    )
    assert "Adendum ini berlaku sejak tanggal 1 September 2024 (satu bulan September" in body
    assert [h for _, h in pasal(body)] == ["PERUBAHAN", "KETENTUAN LAIN", "PENUTUP"]


def test_adendum_without_judul_is_named_by_its_order(sample_repo: Path) -> None:
    path = sample_repo / "data" / "agreements" / f"{TPA}.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    judul: >-\n      Adendum Pertama")
    end = text.index("    pertimbangan:", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    body = draft(open_repository(sample_repo), TPA, 4).body
    assert body.startswith("# ADENDUM PERTAMA PERJANJIAN KERJA SAMA\n")
    assert (
        "# PENGANGKUTAN DAN PEMROSESAN AKHIR SAMPAH DI TPA REGIONAL TENGGARONG SEBERANG\n" in body
    )


def test_names_of_pemda_come_from_the_region_code_list(repo: Repository) -> None:
    body = draft(repo, "KSD-6402-2021-001", 1).body
    assert "# PEMERINTAH PROVINSI KALIMANTAN TIMUR\n" in body
    assert "atas nama Pemerintah Provinsi Kalimantan Timur" in body


# Choosing the naskah ----------------------------------------------------------------------------


def test_select_naskah_by_position_kind_and_default(repo: Repository) -> None:
    _, agreement = load_agreement(repo, TPA)
    assert select_naskah(agreement, 2).index == 1
    assert select_naskah(agreement, "perjanjian_kerja_sama").index == 2  # the latest PKS
    assert select_naskah(agreement, "kesepakatan_bersama").index == 0
    assert select_naskah(agreement, None).index == 3  # the latest entry
    with pytest.raises(UserError, match="naskah ke-5 tidak ada; catatan ini mempunyai 4"):
        select_naskah(agreement, 5)
    with pytest.raises(UserError, match="jenis naskah tidak dikenal") as caught:
        select_naskah(agreement, "memo")
    assert caught.value.text("en") == "--naskah memo: unknown kind of naskah"


def test_a_record_without_naskah_gets_a_new_kb_draft(repo: Repository) -> None:
    rendered = draft(repo, BURSA_KERJA)
    assert (rendered.new, rendered.jenis, rendered.position) == (True, "kesepakatan_bersama", 1)
    assert rendered.body.startswith("# KESEPAKATAN BERSAMA\n# ANTARA\n")
    assert "### NOMOR: [[nomor pihak_kesatu belum diisi]]" in rendered.body
    assert [m.path for m in rendered.missing][:3] == [
        "naskah[1].nomor.pihak_kesatu",
        "naskah[1].nomor.pihak_kedua",
        "naskah[1].tanggal_ttd",
    ]
    assert "\ndraft: true\n" in rendered.markdown
    assert rendered.default_filename() == f"{BURSA_KERJA}-kesepakatan_bersama.md"


def test_a_new_pks_follows_the_signed_kb(repo: Repository) -> None:
    rendered = draft(repo, PANGAN, "perjanjian_kerja_sama", draft=True)
    assert rendered.new and rendered.position == 2
    assert (
        "Nomor 100.3.7/006/HK/I/2025 dan 100.3.7/014/Pem/I/2025 tanggal 22 Januari 2025"
        in rendered.body
    )


def test_surat_pernyataan_kehendak_needs_a_template_of_the_repository(sample_repo: Path) -> None:
    with pytest.raises(UserError) as caught:
        draft(open_repository(sample_repo), "KSD-6402-2019-003", 1, draft=True)
    assert "tidak mempunyai templat untuk jenis surat_pernyataan_kehendak" in caught.value.message
    assert "has no template for the kind surat_pernyataan_kehendak" in caught.value.text("en")
    assert caught.value.hint and "templates/surat_pernyataan_kehendak.md.j2" in caught.value.hint
    (sample_repo / "templates").mkdir()
    (sample_repo / "templates" / "surat_pernyataan_kehendak.md.j2").write_text(
        "# LETTER OF INTENT\n\n{{ naskah.tentang }}, {{ naskah.tempat_ttd }}\n", encoding="utf-8"
    )
    rendered = draft(open_repository(sample_repo), "KSD-6402-2019-003", 1, draft=True)
    assert (
        rendered.body == "# LETTER OF INTENT\n\nLetter of Intent on Sister City Cooperation, Sibu\n"
    )


def test_unknown_record_suggests_the_close_id(repo: Repository) -> None:
    with pytest.raises(UserError) as caught:
        draft(repo, "KSD-6402-2020-01")
    assert caught.value.hint_text("en") == "did you mean KSD-6402-2020-001?"
    assert caught.value.hint_text("id") == "maksudnya KSD-6402-2020-001?"


def test_a_record_that_fails_the_schema_is_refused(sample_repo: Path) -> None:
    path = sample_repo / "data" / "agreements" / f"{TPA}.yaml"
    path.write_text(path.read_text("utf-8").replace("tempat_ttd:", "tempat_tdd:", 1), "utf-8")
    with pytest.raises(UserError) as caught:
        draft(open_repository(sample_repo), TPA, 1, draft=True)
    assert caught.value.text("en").startswith(
        f"data/agreements/{TPA}.yaml: the record has 1 error(s)"
    )
    assert f"data/agreements/{TPA}.yaml:42:5: S002 kunci `tempat_tdd`" in caught.value.text("en")


def test_missing_fields_are_listed_all_at_once_with_record_paths(repo: Repository) -> None:
    assert [(m.path, m.message) for m in missing_fields(repo, ADMINDUK)] == [
        ("naskah[1].nomor.pihak_kesatu", "nomor naskah PIHAK KESATU belum diisi"),
        ("naskah[1].nomor.pihak_kedua", "nomor naskah PIHAK KEDUA belum diisi"),
        ("naskah[1].tanggal_ttd", "tanggal penandatanganan belum diisi"),
        (
            "naskah[1].penandatangan",
            "penandatangan PIHAK KESATU belum diisi (peran pihak_kesatu, nama, jabatan)",
        ),
        (
            "naskah[1].penandatangan",
            "penandatangan PIHAK KEDUA belum diisi (peran pihak_kedua, nama, jabatan)",
        ),
    ]
    assert [m.path for m in missing_fields(repo, BANJIR, naskah=2)] == [
        "naskah[2].nomor.pihak_kesatu",
        "naskah[2].nomor.pihak_kedua",
        "naskah[2].tanggal_ttd",
        "naskah[2].tempat_ttd",
        "naskah[2].penandatangan",
        "naskah[2].penandatangan",
    ]
    assert missing_fields(repo, TPA, naskah=3) == []


def test_one_missing_number_and_one_missing_signer(sample_repo: Path) -> None:
    path = sample_repo / "data" / "agreements" / f"{TPA}.yaml"
    text = path.read_text("utf-8")
    text = text.replace("      pihak_kedua: 660.1/204/DLH/III/2022\n", "", 1)
    start = text.index("      - peran: pihak_kedua\n        nama: Ir. Ahmad Nurrahman")
    end = text.index("    induk: 1\n    judul: Perjanjian Kerja Sama tentang Pengurangan")
    path.write_text(text[:start] + text[end:], "utf-8")
    repo = open_repository(sample_repo)
    assert [(m.path, m.message) for m in missing_fields(repo, TPA, naskah=3)] == [
        ("naskah[3].nomor.pihak_kedua", "nomor naskah PIHAK KEDUA belum diisi"),
        (
            "naskah[3].penandatangan",
            "penandatangan PIHAK KEDUA belum diisi (peran pihak_kedua, nama, jabatan)",
        ),
    ]
    with pytest.raises(NaskahIncomplete) as caught:
        draft(repo, TPA, 3)
    assert caught.value.source == f"data/agreements/{TPA}.yaml"
    assert len(caught.value.missing) == 2
    body = draft(repo, TPA, 3, draft=True).body
    assert (
        "### NOMOR: 660/118/DLH-KS/III/2022\n### NOMOR: [[nomor pihak_kedua belum diisi]]\n" in body
    )
    assert "2. **[[nama penandatangan pihak_kedua belum diisi]]**, [[jabatan penandatangan" in body
    assert (
        "| **Ir. Slamet Hadi Purnomo, M.T.** "
        "| **\\[\\[nama penandatangan pihak_kedua belum diisi\\]\\]** |" in body
    )


def test_draft_marks_every_gap_visibly(repo: Repository) -> None:
    with pytest.raises(NaskahIncomplete):
        draft(repo, BANJIR, 2)
    rendered = draft(repo, BANJIR, 2, draft=True)
    body = rendered.body
    assert (
        "### NOMOR: [[nomor pihak_kesatu belum diisi]]\n"
        "### NOMOR: [[nomor pihak_kedua belum diisi]]" in body
    )
    assert (
        "Pada hari ini [[tanggal_ttd belum diisi]], bertempat di [[tempat_ttd belum diisi]], "
        "yang bertanda tangan di bawah ini:" in body
    )
    assert (
        "1. **[[nama penandatangan pihak_kesatu belum diisi]]**, "
        "[[jabatan penandatangan pihak_kesatu belum diisi]], " in body
    )
    assert set(rendered.markers) == {
        "[[nomor pihak_kesatu belum diisi]]",
        "[[nomor pihak_kedua belum diisi]]",
        "[[tanggal_ttd belum diisi]]",
        "[[tempat_ttd belum diisi]]",
        "[[nama penandatangan pihak_kesatu belum diisi]]",
        "[[jabatan penandatangan pihak_kesatu belum diisi]]",
        "[[nama penandatangan pihak_kedua belum diisi]]",
        "[[jabatan penandatangan pihak_kedua belum diisi]]",
    }
    # Unsigned, no berlaku_mulai: the term runs from the signing, in words, without a marker.
    assert "terhitung sejak tanggal ditandatangani oleh PARA PIHAK sampai diakhiri" in body
    # The draft PKS still cites the signed KB.
    assert (
        "Nomor 100.3.7/061/HK/VIII/2024 dan 100.3.7/73/KS-Smd/2024 tanggal 20 Agustus 2024" in body
    )


# Template overrides ----------------------------------------------------------------------------


def test_a_repository_template_overrides_the_bundled_one_by_file_name(sample_repo: Path) -> None:
    (sample_repo / "templates").mkdir()
    (sample_repo / "templates" / "perjanjian_kerja_sama.md.j2").write_text(
        "# PKS {{ naskah.tentang | kapital }}\n\n"
        "{% for p in pihak %}- {{ p.label }}: {{ p.nama }} ({{ p.nomor }})\n{% endfor %}",
        encoding="utf-8",
    )
    repo = open_repository(sample_repo)
    rendered = draft(repo, TPA, 3)
    assert rendered.body == (
        "# PKS PENGURANGAN SAMPAH MELALUI BANK SAMPAH DAN TPS3R\n\n"
        "- PIHAK KESATU: Pemerintah Kabupaten Kutai Kartanegara (660/118/DLH-KS/III/2022)\n"
        "- PIHAK KEDUA: Pemerintah Kota Samarinda (660.1/204/DLH/III/2022)\n"
    )
    assert rendered.provenance.template_file == "templates/perjanjian_kerja_sama.md.j2"
    assert "(templat templates/perjanjian_kerja_sama.md.j2)" in rendered.provenance.line()
    assert 'template_file: "templates/perjanjian_kerja_sama.md.j2"' in rendered.markdown
    # Other kinds still use the bundled templates.
    kb = draft(repo, TPA, 1)
    assert kb.provenance.template_file is None and "# KESEPAKATAN BERSAMA\n" in kb.body


def test_overriding_the_shared_macros_changes_every_naskah(sample_repo: Path) -> None:
    macros = (bundled_templates() / "_naskah_macros.md.j2").read_text(encoding="utf-8")
    changed = macros.replace("masing-masing bermeterai cukup", "masing-masing bermeterai Rp10.000")
    assert changed != macros
    (sample_repo / "templates").mkdir()
    (sample_repo / "templates" / "_naskah_macros.md.j2").write_text(changed, encoding="utf-8")
    repo = open_repository(sample_repo)
    for record_id, position in ((TPA, 1), (TPA, 2), (SINERGI, 1)):
        assert "bermeterai Rp10.000" in draft(repo, record_id, position).body


# Provenance ------------------------------------------------------------------------------------


def test_provenance_in_front_matter(repo: Repository) -> None:
    rendered = draft(repo, TPA, 3)
    front = rendered.markdown.split("---\n")[1]
    fields = dict(line.split(": ", 1) for line in front.splitlines())
    assert fields["record"] == f'"{TPA}"'
    assert fields["naskah"] == "3"
    assert fields["jenis"] == '"perjanjian_kerja_sama"'
    assert fields["template"] == '"perjanjian_kerja_sama.md.j2"'
    assert fields["ksd_version"] == f'"{__version__}"'
    assert fields["commit"] == "null"  # the copy is not a git repository
    assert fields["generated"] == '"2025-06-30"'
    assert fields["title"].startswith('"PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KABUPATEN')
    assert rendered.provenance.line() == (
        f"Dibuat dengan ksd {__version__} dari {TPA} naskah 3 (templat "
        "perjanjian_kerja_sama.md.j2 bawaan) pada 30 Juni 2025"
    )
    assert rendered.provenance.line() not in rendered.markdown  # a final: front matter only


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_provenance_names_the_data_commit(sample_repo: Path) -> None:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=sample_repo,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "data")
    commit = git("rev-parse", "--short", "HEAD")
    rendered = draft(open_repository(sample_repo), TPA, 1, output_format="docx")
    assert rendered.provenance.commit == commit
    assert f", commit {commit})" in rendered.provenance.line()
    document = docx_of(rendered)
    assert f"commit {commit}" in document.core_properties.keywords


def test_no_git_is_tolerated(repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert draft(repo, TPA, 1).provenance.commit is None


def test_default_file_names_say_which_naskah(repo: Repository) -> None:
    assert draft(repo, TPA, 1).default_filename() == f"{TPA}-kesepakatan_bersama.md"
    assert draft(repo, TPA, 2).default_filename() == f"{TPA}-perjanjian_kerja_sama-2.md"
    assert draft(repo, TPA, 3, output_format="docx").default_filename() == (
        f"{TPA}-perjanjian_kerja_sama-3.docx"
    )


def test_write_never_overwrites_without_force(repo: Repository, tmp_path: Path) -> None:
    rendered = draft(repo, TPA, 1)
    (tmp_path / "out").mkdir()  # a missing folder is refused, never created
    target = tmp_path / "out" / "kb.md"
    write_naskah(rendered, target)
    assert target.read_text("utf-8") == rendered.markdown
    target.write_text("diedit tangan", "utf-8")
    with pytest.raises(UserError, match="berkas sudah ada"):
        write_naskah(rendered, target)
    assert target.read_text("utf-8") == "diedit tangan"
    write_naskah(rendered, target, force=True)
    assert target.read_text("utf-8") == rendered.markdown
    assert [p.name for p in target.parent.iterdir()] == ["kb.md"]  # no temporary left


def test_the_first_party_can_be_pihak_pertama(sample_repo: Path) -> None:
    toml = sample_repo / "ksd.toml"
    default = draft(open_repository(sample_repo), TPA, 3).body
    assert "PIHAK KESATU" in default and "PIHAK PERTAMA" not in default
    toml.write_text(toml.read_text("utf-8") + '\n[naskah]\nsebutan_pihak = "pertama"\n', "utf-8")
    body = draft(open_repository(sample_repo), TPA, 3).body
    assert "PIHAK KESATU" not in body
    assert "selanjutnya disebut **PIHAK PERTAMA**" in body
    assert "| PIHAK PERTAMA | PIHAK KEDUA |" in body
    assert "PIHAK PERTAMA berhak:" in body


def test_an_unknown_sebutan_pihak_is_a_config_error(sample_repo: Path) -> None:
    from ksd_cli.config import ConfigError

    toml = sample_repo / "ksd.toml"
    toml.write_text(toml.read_text("utf-8") + '\n[naskah]\nsebutan_pihak = "satu"\n', "utf-8")
    with pytest.raises(ConfigError):
        open_repository(sample_repo)


def test_a_repeated_title_is_not_repeated(sample_repo: Path) -> None:
    record = sample_repo / "data" / "agreements" / f"{TPA}.yaml"
    record.write_text(
        record.read_text("utf-8").replace(
            "judul: Perjanjian Kerja Sama tentang Pengurangan Sampah",
            "judul: Perjanjian Kerja Sama antara Pemerintah Kabupaten Kutai Kartanegara dan "
            "Pemerintah Kota Samarinda tentang Pengurangan Sampah",
        ),
        "utf-8",
    )
    rendered = draft(open_repository(sample_repo), TPA, 3)
    assert rendered.title.count("ANTARA") == 1
    assert rendered.title.startswith("PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KABUPATEN")
    assert rendered.body.startswith("# PERJANJIAN KERJA SAMA\n# ANTARA\n")
    assert "# TENTANG\n# PENGURANGAN SAMPAH MELALUI BANK SAMPAH DAN TPS3R\n" in rendered.body


def test_a_record_title_that_names_the_parties_gives_only_its_subject(sample_repo: Path) -> None:
    record = sample_repo / "data" / "agreements" / f"{BURSA_KERJA}.yaml"
    record.write_text(
        record.read_text("utf-8").replace(
            "judul: Bursa Kerja",
            "judul: Kesepakatan Bersama antara Kabupaten A dan Kota B tentang Bursa Kerja",
        ),
        "utf-8",
    )
    rendered = draft(open_repository(sample_repo), BURSA_KERJA)
    assert rendered.title.count("ANTARA") == 1
    assert rendered.title.endswith("TENTANG BURSA KERJA DAN PELATIHAN VOKASI BERSAMA")


def test_split_hak_and_kewajiban_of_the_record_are_its_own_ayat(sample_repo: Path) -> None:
    # Record format v1.1: a party's own rights and obligations, apart; the side the record
    # leaves out keeps the standard wording.
    path = sample_repo / "data" / "agreements" / f"{TPA}.yaml"
    text = path.read_text("utf-8")
    marker = "  - jenis: perjanjian_kerja_sama\n"
    third = text.index(marker, text.index(marker) + 1)  # naskah 3, the second PKS
    split = (
        "    hak_kewajiban:\n"
        "      pihak_kesatu:\n"
        "        hak:\n"
        "          - menerima laporan bulanan pengelolaan bank sampah\n"
        "        kewajiban:\n"
        "          - menyediakan lahan TPS3R di tiga kecamatan\n"
        "      pihak_kedua:\n"
        "        kewajiban:\n"
        "          - membina kelompok bank sampah\n"
    )
    path.write_text(text[: third + len(marker)] + split + text[third + len(marker) :], "utf-8")
    body = draft(open_repository(sample_repo), TPA, 3).body
    assert "(1) PIHAK KESATU berhak:\n\na. menerima laporan bulanan" in body
    assert "(2) PIHAK KESATU berkewajiban:\n\na. menyediakan lahan TPS3R" in body
    assert "(4) PIHAK KEDUA berkewajiban:\n\na. membina kelompok bank sampah" in body
    assert "(3) PIHAK KEDUA berhak:\n\na. " in body  # the standard wording stays
    assert "Hak dan kewajiban PIHAK KESATU meliputi" not in body


# Nothing from a record becomes active in a naskah (issue 16 §7) -------------------------------

HOSTILE = (
    "<script>alert(1)</script> [x](javascript:alert(1)) ![img](http://x) @mention `kode` *miring*"
)
HEADING = "## Pasal palsu"


def _hostile_record(root: Path) -> None:
    import yaml

    path = root / "data" / "agreements" / f"{TPA}.yaml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["judul"] = f"Sampah {HOSTILE}"
    record["ruang_lingkup"] = [HEADING, HOSTILE]
    pks = record["naskah"][1]
    pks.pop("judul", None)
    pks["hak_kewajiban"]["pihak_kesatu"] = [HEADING, HOSTILE]
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_record_text_is_inert_in_the_naskah_markdown(sample_repo: Path) -> None:
    _hostile_record(sample_repo)
    body = draft(open_repository(sample_repo), TPA, 2).content.decode("utf-8")
    assert "<script>" not in body and "\\<script\\>" in body
    assert not re.search(r"^\s*#+ Pasal palsu", body, re.MULTILINE)
    assert "\\#\\# Pasal palsu" in body
    assert "](javascript:" not in body and "![img]" not in body and "`kode`" not in body
    assert "@mention" not in body and "@\u200bmention" in body
    assert "*miring*" not in body and "\\*miring\\*" in body


def test_record_text_reads_as_written_in_the_naskah_docx(sample_repo: Path) -> None:
    _hostile_record(sample_repo)
    rendered = draft(open_repository(sample_repo), TPA, 2, output_format="docx")
    document = docx_of(rendered).paragraphs
    paragraphs = [p.text.replace("\u200b", "") for p in document]
    text = "\n".join(paragraphs)
    assert HOSTILE in text
    # The record's "## ..." is the text of a list item, never a heading of its own.
    fakes = [p for p in document if HEADING in p.text]
    assert fakes and all(p.text.startswith(HEADING) for p in fakes)
    assert not [p for p in fakes if p.style.name.startswith("Heading")]
    assert "\\" not in text


def test_a_drafts_markdown_shows_blanks_with_footnotes_never_field_names(repo: Repository) -> None:
    rendered = draft(repo, BANJIR, 2, draft=True)
    text = rendered.markdown
    assert "[[" not in text and "belum diisi]]" not in text
    assert "Pada hari ini ........[^3], bertempat di ........[^4]," in text
    assert "\n[^3]: tanggal_ttd belum diisi\n[^4]: tempat_ttd belum diisi\n" in text
    # The same gap twice (the signatory's name in the opening and the signature) is one note.
    assert text.count("[^5]: nama penandatangan pihak_kesatu belum diisi") == 1
    assert text.count("........[^5]") == 2


def test_a_final_has_no_blanks_and_no_footnotes(repo: Repository) -> None:
    text = draft(repo, TPA, 2).markdown
    assert "........" not in text and "[^" not in text


# A foreign cooperation: bilingual -------------------------------------------------------------

KOTA_KEMBAR = "KSD-6402-2019-003"  # KSDPL with Majlis Perbandaran Sibu: naskah 2 is the MoU


def test_a_ksdpl_mou_is_indonesian_then_english_in_markdown(repo: Repository) -> None:
    rendered = draft(repo, KOTA_KEMBAR, 2)
    assert rendered.english is not None
    indonesian, english = rendered.markdown.split("\n<!-- ksd:halaman-baru -->\n", 1)
    assert "# NOTA KESEPAHAMAN\n# ANTARA\n" in indonesian
    assert "\n# MEMORANDUM OF UNDERSTANDING\n# BETWEEN\n" in english
    # Equally authentic texts (UU 24/2009 Pasal 31); disputes through diplomatic channels.
    assert (
        "dalam bahasa Indonesia dan bahasa Inggris, semua naskah mempunyai kekuatan hukum yang sama"
        in indonesian
    )
    assert "perselisihan diselesaikan melalui saluran diplomatik." in indonesian
    assert "sesuai dengan ketentuan peraturan perundang-undangan.\n\n## Pasal 7" not in indonesian
    assert "all texts being equally authentic" in english
    assert "the dispute shall be settled through diplomatic channels." in english
    # Article for Pasal.
    assert [n for n, _ in pasal(indonesian)] == list(range(1, 10))
    assert len(re.findall(r"^## Article \d+$", english, re.MULTILINE)) == 9
    # The Indonesian party signs over a meterai, the foreign party over none.
    assert "| <br>*Meterai Rp10.000*<br><br> | <br><br><br> |" in indonesian


def test_a_ksdpl_mou_in_word_sets_the_texts_side_by_side(repo: Repository) -> None:
    document = docx_of(draft(repo, KOTA_KEMBAR, 2, output_format="docx"))
    bilingual = document.tables[0]
    assert len(bilingual.columns) == 2
    first = bilingual.rows[0].cells
    assert first[0].paragraphs[0].text.startswith("NOTA KESEPAHAMAN\nANTARA")
    assert first[1].paragraphs[0].text.startswith("MEMORANDUM OF UNDERSTANDING\nBETWEEN")
    headings = [
        (row.cells[0].paragraphs[0].text, row.cells[1].paragraphs[0].text)
        for row in bilingual.rows[1:]
    ]
    assert headings[0] == ("Pasal 1\nMAKSUD DAN TUJUAN", "Article 1\nPURPOSE AND OBJECTIVE")
    assert headings[-1][1] == "Article 8\nTERMINATION"
    closing = document.tables[1].rows[0].cells
    assert closing[1].paragraphs[0].text == "Article 9\nCLOSING PROVISIONS"
    # One signature block, below both texts; the English column has no italic "foreign" words.
    signature = document.tables[2]
    assert [c.text for c in signature.rows[0].cells] == ["PIHAK KESATU", "PIHAK KEDUA"]
    english_runs = [r for p in first[1].paragraphs for r in p.runs]
    assert not any(r.italic for r in english_runs)


def test_a_domestic_naskah_has_no_english_text(repo: Repository) -> None:
    rendered = draft(repo, TPA, 1)
    assert rendered.english is None and "MEMORANDUM" not in rendered.markdown


def test_a_repositorys_own_english_template_overrides_the_bundled_one(sample_repo: Path) -> None:
    own = sample_repo / "templates" / "en"
    own.mkdir(parents=True)
    (own / "kesepakatan_bersama.md.j2").write_text(
        "# MEMORANDUM\n\n## Article {{ penomoran.pasal() }}\n## ONLY\n\nText.\n", "utf-8"
    )
    rendered = draft(open_repository(sample_repo), KOTA_KEMBAR, 2, output_format="docx")
    assert rendered.english is not None and rendered.english.startswith("# MEMORANDUM\n")
    # Nine Pasal beside one Article do not pair up: Word sets the texts one after the other.
    texts = [p.text for p in docx_of(rendered).paragraphs]
    assert "MEMORANDUM" in texts and "Article 1\nONLY" in texts


def test_a_foreign_kind_without_an_english_template_does_not_claim_an_english_text(
    sample_repo: Path,
) -> None:
    # A letter of intent: no bundled template in either language; the repository's own
    # Indonesian one has no English counterpart under templates/en/.
    own = sample_repo / "templates"
    own.mkdir()
    (own / "surat_pernyataan_kehendak.md.j2").write_text(
        '{% import "_naskah_macros.md.j2" as m with context %}\n'
        "{{ m.penyelesaian_perselisihan() }}\n{{ m.penutup() }}\n",
        "utf-8",
    )
    rendered = draft(open_repository(sample_repo), KOTA_KEMBAR, 1, draft=True)
    assert rendered.english is None
    assert "bahasa Inggris" not in rendered.body
    assert "perselisihan diselesaikan melalui saluran diplomatik." in rendered.body
    assert (
        "dibuat dalam rangkap 2 (dua) asli dan mempunyai kekuatan hukum yang sama" in rendered.body
    )
    # The partner abroad signs over no meterai (the region over the stamp of 2019).
    assert "| <br>*Meterai Rp6.000*<br><br> | <br><br><br> |" in rendered.body
