"""``ksd draft``: naskah from records, golden Markdown, missing data, Word read-back, the CLI."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from conftest import check_golden

from ksd_cli import __version__
from ksd_cli.cli import main
from ksd_cli.draft import (
    NaskahIncomplete,
    RenderedNaskah,
    missing_fields,
    render_naskah,
    select_naskah,
    write_naskah,
)
from ksd_cli.draft.docx import Heading, Paragraph, Table, parse_markdown
from ksd_cli.draft.render import load_agreement
from ksd_cli.draft.wording import (
    awal_kecil,
    berhuruf,
    butir,
    durasi,
    gabung,
    kalimat,
    kapital,
    label_pihak,
    urutan,
)
from ksd_cli.errors import UserError
from ksd_cli.jinja import bundled_templates
from ksd_cli.repository import Repository, open_repository

AS_OF = "2025-06-30"
TODAY = date(2025, 6, 30)
GOLDEN = Path(__file__).parent / "golden" / "draft"
TPA = "KSD-6402-2020-001"  # KB, PKS (record wording), PKS (surat kuasa), adendum
SINERGI = "KSD-6402-2023-004"  # nota kesepakatan with rencana aksi
BANJIR = "KSD-6402-2023-001"  # signed KB, draft PKS without numbers, date, signers
ADMINDUK = "KSD-6402-2024-004"  # draft KB: only tempat_ttd
BURSA_KERJA = "KSD-6402-2024-003"  # no naskah at all
PANGAN = "KSD-6402-2024-005"  # KB only, PKS being drafted


@pytest.fixture
def repo(sample_repo: Path) -> Repository:
    return open_repository(sample_repo)


def draft(
    repo: Repository, record_id: str, naskah: int | str | None = None, **kw: object
) -> RenderedNaskah:
    return render_naskah(repo, record_id, naskah=naskah, today=TODAY, **kw)  # type: ignore[arg-type]


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
    assert "\na. bahwa berdasarkan Pasal 363 Undang-Undang Nomor 23 Tahun 2014" in body
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
        "| <br><br><br> | <br><br><br> |\n"
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
        "Kartanegara, berdasarkan Surat Kuasa Nomor 183/021/HK/III/2022 tanggal 7 Maret 2022, "
        in body
    )
    assert "berdasarkan Surat Kuasa Nomor 100.3.6/17/HK-Smd/III/2022 tanggal 9 Maret 2022" in body
    assert (
        "| a.n. BUPATI KUTAI KARTANEGARA<br>KEPALA DINAS LINGKUNGAN HIDUP KABUPATEN KUTAI "
        "KARTANEGARA, | a.n. WALI KOTA SAMARINDA<br>KEPALA DINAS LINGKUNGAN HIDUP KOTA "
        "SAMARINDA, |" in body
    )
    # No hak_kewajiban in the record: standard wording, still per party.
    assert "(2) Hak dan kewajiban PIHAK KEDUA meliputi:\n\na. melaksanakan kegiatan" in body
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
    assert (
        "b. kuota sampah yang diterima PIHAK KESATU dinaikkan dari 400 ton menjadi 450 ton" in body
    )
    assert "c. tarif kompensasi jasa pemrosesan disesuaikan menjadi Rp95.000,00 per ton.\n" in body
    assert (
        "jangka waktu Perjanjian Kerja Sama berlaku sampai dengan tanggal 14 Maret 2026 (empat "
        "belas bulan Maret tahun dua ribu dua puluh enam)." in body
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
    with pytest.raises(UserError, match="no naskah 5: the record has 4"):
        select_naskah(agreement, 5)
    with pytest.raises(UserError, match="unknown kind"):
        select_naskah(agreement, "memo")


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
    assert "no template for surat_pernyataan_kehendak" in caught.value.message
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
    with pytest.raises(UserError, match="not valid.*tempat_tdd"):
        draft(open_repository(sample_repo), TPA, 1)


# Missing data -----------------------------------------------------------------------------------


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
    assert "(templat templates/perjanjian_kerja_sama.md.j2)" in rendered.markdown
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


def test_provenance_in_front_matter_and_footer(repo: Repository) -> None:
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
    assert rendered.markdown.endswith(
        f"\n---\n\n_Dibuat dengan ksd {__version__} dari {TPA} naskah 3 (templat "
        "perjanjian_kerja_sama.md.j2 bawaan) pada 30 Juni 2025_\n"
    )


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
    assert f", commit {commit})" in rendered.provenance.footer()
    document = _docx(rendered)
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


# Word ------------------------------------------------------------------------------------------


def _docx(rendered: RenderedNaskah):  # type: ignore[no-untyped-def]
    from docx import Document

    return Document(io.BytesIO(rendered.content))


def test_docx_layout_and_text(repo: Repository) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    rendered = draft(repo, TPA, 3, output_format="docx")
    document = _docx(rendered)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    for margin in ("left", "right", "top", "bottom"):
        assert 2.5 <= round(getattr(section, f"{margin}_margin").cm, 2) <= 3.0
    normal = document.styles["Normal"]
    assert normal.font.name == "Bookman Old Style" and normal.font.size == Pt(12)

    paragraphs = document.paragraphs
    title = paragraphs[0]
    assert title.text == (
        "PERJANJIAN KERJA SAMA\nANTARA\nPEMERINTAH KABUPATEN KUTAI KARTANEGARA\nDAN\n"
        "PEMERINTAH KOTA SAMARINDA\nTENTANG\nPENGURANGAN SAMPAH MELALUI BANK SAMPAH DAN TPS3R"
    )
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.bold for run in title.runs if run.text.strip())
    nomor = paragraphs[1]
    assert nomor.text == "NOMOR: 660/118/DLH-KS/III/2022\nNOMOR: 660.1/204/DLH/III/2022"
    assert nomor.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert paragraphs[2].text.startswith("Pada hari ini Senin tanggal dua puluh satu bulan Maret")
    assert paragraphs[2].alignment == WD_ALIGN_PARAGRAPH.JUSTIFY

    first = paragraphs[3]
    assert first.text.startswith("1.\tIr. Slamet Hadi Purnomo, M.T., Kepala Dinas")
    bold = [run.text for run in first.runs if run.bold]
    assert bold == ["Ir. Slamet Hadi Purnomo, M.T.", "PIHAK KESATU"]
    assert round(first.paragraph_format.first_line_indent.cm, 2) == -0.75

    pasal_1 = next(p for p in paragraphs if p.text.startswith("Pasal 1\n"))
    assert pasal_1.text == "Pasal 1\nMAKSUD DAN TUJUAN"
    assert pasal_1.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.bold for run in pasal_1.runs if run.text.strip())
    assert pasal_1.paragraph_format.keep_with_next
    headings = [p.text.split("\n") for p in paragraphs if re.match(r"Pasal \d+\n", p.text)]
    assert [int(h[0].split()[1]) for h in headings] == list(range(1, len(headings) + 1))

    ayat = paragraphs[paragraphs.index(pasal_1) + 1]
    assert ayat.text.startswith("(1)\tMaksud Perjanjian Kerja Sama ini adalah")
    assert round(ayat.paragraph_format.left_indent.cm, 2) == 1.0
    assert round(ayat.paragraph_format.first_line_indent.cm, 2) == -1.0
    butir_in_ayat = next(p for p in paragraphs if p.text.startswith("a.\tpengangkutan sampah"))
    assert round(butir_in_ayat.paragraph_format.left_indent.cm, 2) == 1.75

    # The signature block: one column per party, no borders, centred.
    signature = document.tables[-1]
    assert len(signature.columns) == 2 and signature.style.name != "Table Grid"
    cells = [[cell.text for cell in row.cells] for row in signature.rows]
    assert cells[0] == ["PIHAK KESATU", "PIHAK KEDUA"]
    assert cells[1] == [
        "a.n. BUPATI KUTAI KARTANEGARA\nKEPALA DINAS LINGKUNGAN HIDUP KABUPATEN KUTAI KARTANEGARA,",
        "a.n. WALI KOTA SAMARINDA\nKEPALA DINAS LINGKUNGAN HIDUP KOTA SAMARINDA,",
    ]
    assert cells[2] == ["\n\n\n", "\n\n\n"]
    assert cells[3] == ["Ir. Slamet Hadi Purnomo, M.T.", "Ir. Ahmad Nurrahman, M.Si."]
    assert all(run.bold for run in signature.rows[3].cells[0].paragraphs[0].runs)
    assert signature.rows[3].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    # No Markdown left over in the Word text.
    text = "\n".join(p.text for p in paragraphs)
    assert "**" not in text and "<br>" not in text and "ksd:ttd" not in text and ":-:" not in text


def test_docx_footer_has_page_numbers_and_provenance(repo: Repository) -> None:
    rendered = draft(repo, TPA, 3, output_format="docx")
    footer = _docx(rendered).sections[0].footer
    xml = footer._element.xml
    assert (
        'w:fldCharType="begin"' in xml
        and '<w:instrText xml:space="preserve"> PAGE </w:instrText>' in xml
    )
    assert footer.paragraphs[-1].text == rendered.provenance.footer()
    assert footer.paragraphs[-1].text.startswith(f"Dibuat dengan ksd {__version__} dari {TPA}")


def test_docx_core_properties_carry_provenance(repo: Repository) -> None:
    rendered = draft(repo, TPA, 3, output_format="docx")
    properties = _docx(rendered).core_properties
    assert properties.title == rendered.title
    assert rendered.title == (
        "PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KABUPATEN KUTAI KARTANEGARA DAN PEMERINTAH "
        "KOTA SAMARINDA TENTANG PENGURANGAN SAMPAH MELALUI BANK SAMPAH DAN TPS3R"
    )
    assert properties.subject == (
        "Pengelolaan Sampah Regional melalui TPA Regional Tenggarong Seberang"
    )
    assert properties.keywords == (
        f"ksd; {TPA}; naskah 3; perjanjian_kerja_sama; perjanjian_kerja_sama.md.j2"
    )
    assert properties.comments == rendered.provenance.footer()
    assert properties.identifier == TPA and properties.version == __version__
    assert properties.created.date() == TODAY


def test_docx_rencana_aksi_table_in_landscape(repo: Repository) -> None:
    from docx.enum.section import WD_ORIENT

    document = _docx(draft(repo, SINERGI, 1, output_format="docx"))
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    assert round(document.sections[1].page_width.cm, 1) == 29.7
    plan, signature = document.tables[-2], document.tables[-1]
    assert plan.style.name == "Table Grid"
    assert [c.text for c in plan.rows[0].cells] == [
        "No.",
        "Kegiatan",
        "Keluaran",
        "Lokasi",
        "Waktu",
        "Penanggung Jawab",
        "Sumber Dana",
    ]
    assert len(plan.rows) == 5
    assert [c.text for c in plan.rows[2].cells][:3] == [
        "2",
        "Penyediaan benih padi unggul adaptif rawa",
        "75 ton benih bersertifikat",
    ]
    assert "w:tblHeader" in plan.rows[0]._tr.xml
    assert [c.text for c in signature.rows[0].cells] == ["PIHAK KESATU", "PIHAK KEDUA"]


def test_docx_highlights_the_markers_of_a_draft(repo: Repository) -> None:
    from docx.enum.text import WD_COLOR_INDEX

    document = _docx(draft(repo, BANJIR, 2, output_format="docx", draft=True))
    markers = [
        run
        for p in document.paragraphs
        for run in p.runs
        if run.text.startswith("[[") and run.text.endswith("]]")
    ]
    assert {r.text for r in markers} >= {
        "[[nomor pihak_kedua belum diisi]]",
        "[[tanggal_ttd belum diisi]]",
    }
    assert all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in markers)
    assert "rancangan" in document.core_properties.keywords


def test_markdown_subset_reader() -> None:
    blocks = parse_markdown(
        "---\ntitle: x\n---\n# A\n# B\n\n### NOMOR: 1\n\nteks satu\nbaris dua\n\n"
        "## Pasal 1\n## JUDUL\n\n(1) ayat\n\na. butir\n\n1. pihak\n\n<!-- ksd:ttd -->\n"
        "| P1 | P2 |\n| :-: | :-: |\n| a \\| b | **c**<br>d |\n"
    )
    assert blocks == [
        Heading(1, ("A", "B")),
        Heading(3, ("NOMOR: 1",)),
        Paragraph("plain", "", "teks satu baris dua"),
        Heading(2, ("Pasal 1", "JUDUL")),
        Paragraph("ayat", "(1)", "ayat"),
        Paragraph("butir", "a.", "butir"),
        Paragraph("nomor", "1.", "pihak"),
        Table(("P1", "P2"), (":-:", ":-:"), (("a | b", "**c**<br>d"),), signature=True),
    ]


# Wording helpers -------------------------------------------------------------------------------


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


# The command line ------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["draft", *args, "--as-of", AS_OF])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_the_default_file_and_prints_its_path(
    sample_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = tmp_path / "kerja"
    work.mkdir()
    monkeypatch.chdir(work)
    code, out, err = run(capsys, TPA, "--naskah", "1", "--root", str(sample_repo))
    assert (code, out, err) == (0, f"{TPA}-kesepakatan_bersama.md\n", "")
    written = (work / f"{TPA}-kesepakatan_bersama.md").read_text("utf-8")
    assert written == draft(open_repository(sample_repo), TPA, 1).markdown


def test_cli_refuses_to_overwrite_without_force(
    sample_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pks.docx"
    target.write_bytes(b"versi lama")
    args = (
        TPA,
        "-n",
        "perjanjian_kerja_sama",
        "-f",
        "docx",
        "-o",
        str(target),
        "--root",
        str(sample_repo),
    )
    code, out, err = run(capsys, *args)
    assert (code, out) == (1, "")
    assert f"ksd: {target}: berkas sudah ada\n  petunjuk: tambahkan --force" in err
    assert target.read_bytes() == b"versi lama"
    code, out, err = run(capsys, *args, "--force")
    assert (code, out) == (0, f"{target}\n")
    assert _docx_from(target).paragraphs[0].text.startswith("PERJANJIAN KERJA SAMA\nANTARA")


def _docx_from(path: Path):  # type: ignore[no-untyped-def]
    from docx import Document

    return Document(str(path))


def test_cli_lists_missing_data_on_stderr_and_writes_nothing(
    sample_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = tmp_path / "kerja"
    work.mkdir()
    monkeypatch.chdir(work)
    code, out, err = run(capsys, BANJIR, "--root", str(sample_repo))
    source = f"data/agreements/{BANJIR}.yaml"
    assert (code, out) == (1, "")
    assert err.splitlines()[:6] == [
        f"{source}: naskah[2].nomor.pihak_kesatu: nomor naskah PIHAK KESATU belum diisi",
        f"{source}: naskah[2].nomor.pihak_kedua: nomor naskah PIHAK KEDUA belum diisi",
        f"{source}: naskah[2].tanggal_ttd: tanggal penandatanganan belum diisi",
        f"{source}: naskah[2].tempat_ttd: tempat penandatanganan belum diisi",
        f"{source}: naskah[2].penandatangan: penandatangan PIHAK KESATU belum diisi "
        "(peran pihak_kesatu, nama, jabatan)",
        f"{source}: naskah[2].penandatangan: penandatangan PIHAK KEDUA belum diisi "
        "(peran pihak_kedua, nama, jabatan)",
    ]
    assert "--draft" in err
    assert list(work.iterdir()) == []


def test_cli_draft_writes_with_markers_and_exits_0(
    sample_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, BANJIR, "--draft", "--root", str(sample_repo))
    assert (code, out) == (0, f"{BANJIR}-perjanjian_kerja_sama.md\n")
    assert f"data/agreements/{BANJIR}.yaml: naskah[2].tempat_ttd: " in err
    text = (tmp_path / f"{BANJIR}-perjanjian_kerja_sama.md").read_text("utf-8")
    assert "[[nomor pihak_kedua belum diisi]]" in text and "\ndraft: true\n" in text


def test_cli_new_kb_for_a_record_without_naskah(
    sample_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, BURSA_KERJA, "--root", str(sample_repo))
    assert (code, out) == (0, f"{BURSA_KERJA}-kesepakatan_bersama.md\n")
    assert "belum memiliki naskah kesepakatan_bersama" in err
    assert "PEMERINTAH KOTA BALIKPAPAN" in (tmp_path / out.strip()).read_text("utf-8")


def test_cli_markdown_to_stdout(sample_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, SINERGI, "-o", "-", "--root", str(sample_repo))
    assert code == 0
    assert out == draft(open_repository(sample_repo), SINERGI).markdown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--naskah", "memo"], "invalid value for --naskah: 'memo' is neither a position"),
        (["--naskah", "0"], "invalid value for --naskah: positions count from 1"),
        (["-f", "docx", "-o", "-"], "a Word document cannot be written to stdout"),
        (["--format", "pdf"], "Invalid value for '--format'"),
        (["--as-of", "2025-02-30"], "invalid value for --as-of"),
    ],
)
def test_cli_usage_problems_exit_2(
    sample_repo: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code = main(["draft", TPA, "--root", str(sample_repo), *args])
    assert code == 2
    assert message in capsys.readouterr().err


def test_cli_user_errors_exit_1(sample_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, TPA, "--naskah", "9", "--root", str(sample_repo))
    assert (code, out) == (1, "")
    assert err.startswith(f"ksd: {TPA}: naskah ke-9 tidak ada / no naskah 9: the record has 4\n")


def test_cli_help_describes_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--naskah", "--format", "--output", "--force", "--draft", "--root", "--as-of"):
        assert option in out


def test_an_id_that_is_a_path_is_refused_before_anything_is_read(
    sample_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "evil.yaml").write_text("id: KSD-6402-2020-001\n", encoding="utf-8")
    code, out, err = run(
        capsys, "../../../outside/evil", "--root", str(sample_repo), "--format", "md"
    )
    assert (code, out) == (1, "")
    assert "bukan id rekaman" in err
    assert sorted(p.name for p in outside.iterdir()) == ["evil.yaml"]


def test_docx_holds_record_text_with_control_characters_and_escapes() -> None:
    import io as _io
    from datetime import date as _date

    from docx import Document

    from ksd_cli.draft.docx import markdown_to_docx
    from ksd_cli.draft.render import Provenance

    provenance = Provenance(
        record_id="KSD-6402-2024-001",
        source="data/agreements/KSD-6402-2024-001.yaml",
        position=1,
        jenis="kesepakatan_bersama",
        template="kesepakatan_bersama.md.j2",
        template_file=None,
        ksd_version="0.0.0",
        commit=None,
        generated=_date(2024, 1, 1),
        draft=True,
    )
    body = (
        "# JUDUL\x01\x1b[2J\n\nTeks \\*bukan miring\\* dan \\<b\\> \x00\ufffe akhir.\n\n"
        "| A |\n|---|\n| **\\[\\[nama belum diisi\\]\\]** |\n"
    )
    content = markdown_to_docx(body, provenance, title="Judul\x01", subject="x\x1b")
    document = Document(_io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    assert "JUDUL[2J" in texts
    assert "Teks *bukan miring* dan <b>  akhir." in texts
    cell = document.tables[0].cell(1, 0).paragraphs[0]
    assert cell.text == "[[nama belum diisi]]"
    assert cell.runs[0].font.highlight_color is not None
