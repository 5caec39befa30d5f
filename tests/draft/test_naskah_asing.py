"""A foreign cooperation's PKS and adendum: bilingual, English words where ksd supplies them.

The records are fixtures (tests/fixtures/naskah-asing/), added to a copy of the sample: a KSDPL
cooperation agreement following its MoU, and a KSDLL addendum in amendment form.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT, check_golden

from draft.conftest import docx_of, draft
from ksd_cli.draft import RenderedNaskah, dasar_hukum
from ksd_cli.repository import Repository, open_repository

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "naskah-asing"
GOLDEN = PROJECT_ROOT / "tests" / "golden" / "draft"
PKS_KSDPL = "KSD-6402-2025-101"  # naskah 2: PKS following the MoU, surat kuasa, own hak
ADENDUM_KSDLL = "KSD-6402-2025-102"  # naskah 2: first addendum of the PKS, amendment form

#: Indonesian words ksd itself writes, which the English text never holds.
INDONESIAN = (
    "Pasal",
    "ayat",
    "PIHAK KESATU",
    "PIHAK KEDUA",
    "PARA PIHAK",
    "tentang",
    "Kabupaten",
    "Pemerintah",
    "Undang-Undang",
    "Peraturan",
    "diubah",
    "dihapus",
    "disisipkan",
    "ratus",
    "Meterai",
)


@pytest.fixture
def repo(sample_repo: Path) -> Repository:
    for record in FIXTURES.glob("*.yaml"):
        shutil.copy(record, sample_repo / "data" / "agreements" / record.name)
    return open_repository(sample_repo)


def parts(rendered: RenderedNaskah) -> tuple[str, str]:
    indonesian, english = rendered.markdown.split("\n<!-- ksd:halaman-baru -->\n", 1)
    return indonesian, english


def ksd_words(english: str) -> str:
    """The English text without the record's own values (quoted new texts, record sentences)."""
    kept = [
        line
        for line in english.splitlines()
        if not line.startswith("> (") and "bahwa" not in line and "Pengerusi" not in line
    ]
    return "\n".join(kept)


@pytest.mark.parametrize(
    ("name", "record_id"),
    [("perjanjian_kerja_sama-ksdpl", PKS_KSDPL), ("adendum-ksdll", ADENDUM_KSDLL)],
)
def test_golden_markdown(repo: Repository, update_golden: bool, name: str, record_id: str) -> None:
    check_golden(GOLDEN / f"{name}.md", draft(repo, record_id, 2).markdown, update_golden)


@pytest.mark.parametrize("record_id", [PKS_KSDPL, ADENDUM_KSDLL])
def test_the_english_text_has_no_indonesian_words_of_ksds_own(
    repo: Repository, record_id: str
) -> None:
    _, english = parts(draft(repo, record_id, 2))
    words = ksd_words(english)
    for word in INDONESIAN:
        assert not re.search(rf"\b{re.escape(word)}\b", words, re.IGNORECASE), word


def test_a_ksdpl_pks_is_article_for_pasal_with_english_legal_basis(repo: Repository) -> None:
    rendered = draft(repo, PKS_KSDPL, 2)
    indonesian, english = parts(rendered)
    assert len(re.findall(r"^## Pasal \d+$", indonesian, re.MULTILINE)) == len(
        re.findall(r"^## Article \d+$", english, re.MULTILINE)
    )
    assert (
        "\n# COOPERATION AGREEMENT\n# BETWEEN\n# THE GOVERNMENT OF KUTAI KARTANEGARA REGENCY\n"
        in (english)
    )
    assert (
        "Guided by Law Number 23 of 2014 concerning Regional Government, Government Regulation "
        "Number 28 of 2018 concerning Regional Cooperation, Minister of Home Affairs Regulation "
        "Number 25 of 2020 concerning " in english
    )
    # Unverified citations only in a draft: a final cites UU 24/2009 by its title alone.
    assert "Article 31 of Law Number 24 of 2009" not in english
    assert "Law Number 24 of 2009 concerning the National Flag" in english
    drafted = parts(draft(repo, PKS_KSDPL, 2, draft=True))[1]
    assert "Article 31 of Law Number 24 of 2009" in drafted
    # The MoU it follows, the DPRD approval, the power of attorney, all in English words.
    assert "that the PARTIES have signed the Memorandum of Understanding between" in english
    assert "approved by the Regional People's Representative Council of Kutai Kartanegara" in (
        english
    )
    assert "pursuant to the Power of Attorney of the Regent of Kutai Kartanegara Number" in english
    # Amounts in English words (num2words); the partner's own obligations as the record has them.
    assert "Rp850.000.000,00 (eight hundred and fifty million rupiah)" in english
    assert "a. mengirim dua tenaga ahli penataan tepian sungai setiap tahun." in english
    assert "the Regional Revenue and Expenditure Budget of Kutai Kartanegara Regency" in english
    assert "the dispute shall be settled through diplomatic channels." in english
    assert "all texts being equally authentic" in english
    # The Indonesian text claims both texts equally authentic; no meterai for the partner.
    assert "dalam bahasa Indonesia dan bahasa Inggris, semua naskah mempunyai" in indonesian
    assert "| <br>*Meterai Rp10.000*<br><br> | <br><br><br> |" in indonesian


def test_a_ksdll_adendum_is_in_english_amendment_form(repo: Repository) -> None:
    indonesian, english = parts(draft(repo, ADENDUM_KSDLL, 2))
    assert "# FIRST ADDENDUM TO THE COOPERATION AGREEMENT\n" in english
    assert "# NUMBER 100.3.7/031/HK/V/2024 AND NUMBER JRDCA/IDN/PKS/2024-05\n" in english
    assert "# DATED 20 MAY 2024\n" in english
    assert "1. Article 6 paragraph (2) is amended to read as follows:" in english
    assert (
        "2. Between Article 3 and Article 4, 1 (one) Article is inserted, namely Article 3A, "
        "which reads as follows:" in english
    )
    assert "3. Article 9 is deleted." in english
    # The new text is the record's; its amount gets English words beside the Indonesian ones.
    assert "Rp1.200.000.000,00 (one billion, two hundred million rupiah)" in english
    assert "Rp1.200.000.000,00 (satu miliar dua ratus juta rupiah)" in indonesian
    assert "remain in force and binding on the PARTIES" in english
    assert "Adendum ini dibuat dalam rangkap 2 (dua) asli dalam bahasa Indonesia dan bahasa" in (
        indonesian
    )
    assert "bermeterai cukup" not in indonesian


@pytest.mark.parametrize(("record_id", "pasal"), [(PKS_KSDPL, 15), (ADENDUM_KSDLL, 3)])
def test_in_word_the_texts_are_side_by_side(repo: Repository, record_id: str, pasal: int) -> None:
    document = docx_of(draft(repo, record_id, 2, output_format="docx"))
    rows = [row for table in document.tables[:2] for row in table.rows]
    assert all(len(row.cells) == 2 for row in rows)
    # Opening, then one row per Pasal beside its Article.
    assert len(rows) == pasal + 1
    for row in rows[1:]:
        left, right = (c.paragraphs[0].text.split("\n")[0] for c in row.cells)
        assert left.startswith("Pasal ") and right == left.replace("Pasal", "Article")
    english = "\n".join(ksd_words(row.cells[1].text) for row in rows)
    for word in INDONESIAN:
        assert not re.search(rf"\b{re.escape(word)}\b", english, re.IGNORECASE), word


def test_every_citation_has_an_english_title() -> None:
    entries = [*dasar_hukum.MENIMBANG.values()] + [
        r for rs in dasar_hukum.MENGINGAT.values() for r in rs
    ]
    for entry in entries:
        assert entry.text and entry.general
        assert "Nomor" not in entry.text and "tentang" not in entry.general
    assert dasar_hukum.having_regard("ksdll", draft=False)[0] == (
        "Law Number 23 of 2014 concerning Regional Government"
    )


def test_a_foreign_nota_kesepakatan_has_an_english_text_and_annex(repo: Repository) -> None:
    # A new nota kesepakatan of the KSDPL with Sibu (a draft: the record has none yet).
    rendered = draft(repo, "KSD-6402-2019-003", "nota_kesepakatan")
    indonesian, english = parts(rendered)
    assert "\n# MEMORANDUM OF AGREEMENT\n# BETWEEN\n" in english
    assert "\n### ANNEX\n" in english and "\n## ACTION PLAN\n" in english
    assert "| No. | Activity | Output | Location | Time | Person in Charge | Source of Funds |" in (
        english
    )
    assert len(re.findall(r"^## Pasal \d+$", indonesian, re.MULTILINE)) == len(
        re.findall(r"^## Article \d+$", english, re.MULTILINE)
    )
    # In Word: the texts side by side, then the Lampiran, then the Annex, each with its plan.
    document = docx_of(draft(repo, "KSD-6402-2019-003", "nota_kesepakatan", output_format="docx"))
    headers = [table.rows[0].cells[1].text for table in document.tables]
    assert headers.count("Kegiatan") == 1 and headers.count("Activity") == 1
    assert headers.index("Kegiatan") < headers.index("Activity")
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("LAMPIRAN\n") for t in texts)
    assert any(t.startswith("ANNEX\nMEMORANDUM OF AGREEMENT BETWEEN") for t in texts)
    assert "ACTION PLAN" in texts
