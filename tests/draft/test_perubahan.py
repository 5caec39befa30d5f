"""An adendum in amendment form: structured changes, insert and delete, terbilang, validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import validate_json

from draft.conftest import TPA, docx_of, draft, edit_naskah
from ksd_cli.draft.perubahan import dengan_terbilang, ketentuan
from ksd_cli.models import HapusPasal, SisipPasal, UbahPasal
from ksd_cli.repository import Repository, open_repository


def test_each_form_of_change_is_worded_as_an_amendment() -> None:
    views = ketentuan(
        [
            UbahPasal(pasal=5, ayat=1, teks="Jangka waktu diperpanjang."),
            UbahPasal(pasal=3, teks=["Hak satu.", "Hak dua."]),
            SisipPasal(sisip_setelah=6, judul="Kompensasi", teks="Tarif Rp95.000,00 per ton."),
            SisipPasal(sisip_setelah=6, teks="Lainnya."),
            HapusPasal(pasal=9, hapus=True),
            HapusPasal(pasal=10, ayat=2, hapus=True),
            "Kuota dinaikkan menjadi 450 ton per hari",
        ]
    )
    assert [v.perintah for v in views] == [
        "Ketentuan Pasal 5 ayat (1) diubah sehingga berbunyi sebagai berikut:",
        "Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:",
        "Di antara Pasal 6 dan Pasal 7 disisipkan 1 (satu) Pasal, yakni Pasal 6A sehingga "
        "berbunyi sebagai berikut:",
        "Di antara Pasal 6 dan Pasal 7 disisipkan 1 (satu) Pasal, yakni Pasal 6B sehingga "
        "berbunyi sebagai berikut:",
        "Pasal 9 dihapus.",
        "Ketentuan Pasal 10 ayat (2) dihapus.",
        "Kuota dinaikkan menjadi 450 ton per hari",
    ]
    assert views[0].isi == ("(1) Jangka waktu diperpanjang.",)
    assert views[1].isi == ("(1) Hak satu.", "(2) Hak dua.")
    assert (views[2].pasal, views[2].judul) == ("Pasal 6A", "Kompensasi")
    assert views[2].isi == ("Tarif Rp95.000,00 (sembilan puluh lima ribu rupiah) per ton.",)
    assert views[4].pasal is None and views[4].isi == ()
    assert views[6].bebas and not views[0].bebas


def test_amounts_get_their_terbilang_once() -> None:
    assert dengan_terbilang("Rp 1.500.000 (satu juta lima ratus ribu rupiah) dan Rp10.000.") == (
        "Rp 1.500.000 (satu juta lima ratus ribu rupiah) dan Rp10.000 (sepuluh ribu rupiah)."
    )


def test_the_sample_adendum_cites_the_amended_pks_and_amends_its_pasal(repo: Repository) -> None:
    body = draft(repo, TPA, 4).body
    assert (
        "# PEMERINTAH KOTA SAMARINDA\n"
        "# NOMOR 180/042/HK/VIII/2021 DAN NOMOR 100.3.7/31/KS-Smd/2021\n"
        "# TANGGAL 10 AGUSTUS 2021\n# TENTANG\n" in body
    )
    assert (
        "1. Ketentuan Pasal 3 ayat (1) diubah sehingga berbunyi sebagai berikut:\n\n"
        "> **Pasal 3**\n>\n> (1) Hak dan kewajiban PIHAK KESATU meliputi" in body
    )
    assert "3. Di antara Pasal 6 dan Pasal 7 disisipkan 1 (satu) Pasal, yakni Pasal 6A" in body
    assert "Rp95.000,00 (sembilan puluh lima ribu rupiah) per ton" in body
    assert (
        "Ketentuan dalam Perjanjian Kerja Sama yang tidak diubah dengan Adendum ini dinyatakan "
        "tetap berlaku dan mengikat PARA PIHAK." in body
    )


def test_the_adendum_in_word_keeps_the_instructions_and_quotes_the_new_text(
    repo: Repository,
) -> None:
    paragraphs = [p.text for p in docx_of(draft(repo, TPA, 4, output_format="docx")).paragraphs]
    assert "Ketentuan Pasal 5 ayat (1) diubah sehingga berbunyi sebagai berikut:" in paragraphs
    assert ["Pasal 6A", "KOMPENSASI JASA PEMROSESAN"] == paragraphs[
        paragraphs.index("Pasal 6A") : paragraphs.index("Pasal 6A") + 2
    ]
    assert any(
        p.startswith("(2) Kompensasi sebagaimana dimaksud pada ayat (1)") for p in paragraphs
    )


def test_free_text_changes_render_as_before(sample_repo: Path) -> None:
    edit_naskah(
        sample_repo,
        TPA,
        4,
        perubahan=["Jangka waktu perjanjian diperpanjang", "Kuota dinaikkan menjadi 450 ton"],
    )
    body = draft(open_repository(sample_repo), TPA, 4).body
    assert (
        "(1) PARA PIHAK sepakat mengubah ketentuan dalam Perjanjian Kerja Sama sebagai berikut:"
        in body
    )
    assert (
        "a. jangka waktu perjanjian diperpanjang; dan\n\nb. kuota dinaikkan menjadi 450 ton."
        in body
    )
    assert (
        "(2) Dengan Adendum ini, jangka waktu Perjanjian Kerja Sama berlaku sampai dengan" in body
    )
    assert "diubah sehingga berbunyi" not in body


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"pasal": 5, "ayat": 1}, ("S001", "`teks`")),
        ({"pasal": 5, "hapus": True, "teks": "x"}, ("S002", "`teks`")),
    ],
)
def test_a_change_with_neither_text_nor_delete_is_an_error_at_the_change(
    sample_repo: Path,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, object],
    expected: tuple[str, str],
) -> None:
    edit_naskah(sample_repo, TPA, 4, perubahan=[change])
    report = validate_json(sample_repo, capsys)
    findings = [f for f in report["findings"] if f["severity"] == "error"]
    assert len(findings) == 1
    finding = findings[0]
    assert (finding["code"], expected[1] in finding["message"]) == (expected[0], True)
    lines = (sample_repo / "data" / "agreements" / f"{TPA}.yaml").read_text("utf-8").splitlines()
    # The finding points at the change itself: its first key.
    assert lines[finding["line"] - 1].strip().startswith("- pasal: 5")


def test_the_instructions_are_one_numbered_list_across_the_quoted_texts(repo: Repository) -> None:
    document = docx_of(draft(repo, TPA, 4, output_format="docx"))
    instructions = [p for p in document.paragraphs if "sehingga berbunyi" in p.text]
    assert len(instructions) == 3
    numbers = {p._p.pPr.numPr.numId.val for p in instructions}
    assert len(numbers) == 1
