"""The Word form of a naskah, read back with python-docx; the Markdown subset reader."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

from draft.conftest import BANJIR, SINERGI, TODAY, TPA, docx_of, draft, edit_naskah, edit_record
from ksd_cli import __version__
from ksd_cli.draft.docx import (
    CORE_TEXT_MAX,
    Heading,
    Span,
    Table,
    core_text,
    markdown_to_docx,
    parse_markdown,
    plain,
)
from ksd_cli.draft.provenance import Provenance
from ksd_cli.repository import Repository, open_repository


def _plain(text: str) -> str:
    """Word text with the no-break characters of document numbers read as ordinary ones."""
    return text.replace("\u2011", "-").replace("\u2060", "")


def test_docx_layout_and_text(repo: Repository) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    rendered = draft(repo, TPA, 3, output_format="docx")
    document = docx_of(rendered)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    for margin in ("left", "right", "top", "bottom"):
        assert 2.5 <= round(getattr(section, f"{margin}_margin").cm, 2) <= 3.0
    normal = document.styles["Normal"]
    assert normal.font.name == "Bookman Old Style" and normal.font.size == Pt(12)

    paragraphs = document.paragraphs
    title = paragraphs[0]
    assert title.style.name == "Heading 1"
    assert title.text == (
        "PERJANJIAN KERJA SAMA\nANTARA\nPEMERINTAH KABUPATEN KUTAI KARTANEGARA\nDAN\n"
        "PEMERINTAH KOTA SAMARINDA\nTENTANG\nPENGURANGAN SAMPAH MELALUI BANK SAMPAH DAN TPS3R"
    )
    heading_1 = document.styles["Heading 1"]
    assert heading_1.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert heading_1.font.bold and heading_1.font.name == "Bookman Old Style"
    nomor = paragraphs[1]
    assert _plain(nomor.text) == "NOMOR: 660/118/DLH-KS/III/2022\nNOMOR: 660.1/204/DLH/III/2022"
    # Document numbers never break: non-breaking hyphens, a word joiner after each slash.
    assert "DLH\u2011KS" in nomor.text and "660/\u2060118" in nomor.text
    assert paragraphs[2].text.startswith("Pada hari ini Senin tanggal dua puluh satu bulan Maret")

    first = paragraphs[3]
    assert first.text.startswith("Ir. Slamet Hadi Purnomo, M.T., Kepala Dinas")
    assert first._p.pPr.numPr is not None  # "1." is list numbering, not typed text
    bold = [run.text for run in first.runs if run.bold]
    assert bold == ["Ir. Slamet Hadi Purnomo, M.T.", "PIHAK KESATU"]

    pasal = [p for p in paragraphs if p.style.name == "Heading 2"]
    assert pasal[0].text == "\nMAKSUD DAN TUJUAN"  # "Pasal 1" is the heading's numbering
    assert len(pasal) == 15 and all(p._p.pPr.numPr is None for p in pasal)
    assert document.styles["Heading 2"].paragraph_format.keep_with_next

    ayat = paragraphs[paragraphs.index(pasal[0]) + 1]
    assert ayat.style.name == "Ayat"
    assert ayat.text.startswith("Maksud Perjanjian Kerja Sama ini adalah")
    huruf = next(p for p in paragraphs if p.text.startswith("pengangkutan sampah"))
    assert huruf.style.name == "Huruf"
    italic = [run.text for run in paragraphs[paragraphs.index(huruf) + 1].runs if run.italic]
    assert italic == ["sanitary landfill"]

    # The signature block: one column per party, no borders, centred, kept together.
    signature = document.tables[-1]
    assert len(signature.columns) == 2 and signature.style.name != "Table Grid"
    cells = [[cell.text for cell in row.cells] for row in signature.rows]
    assert cells[0] == ["PIHAK KESATU", "PIHAK KEDUA"]
    assert cells[1] == [
        "a.n. BUPATI KUTAI KARTANEGARA\nKEPALA DINAS LINGKUNGAN HIDUP KABUPATEN KUTAI KARTANEGARA,",
        "a.n. WALI KOTA SAMARINDA\nKEPALA DINAS LINGKUNGAN HIDUP KOTA SAMARINDA,",
    ]
    assert cells[2] == ["\nMeterai Rp10.000\n\n", "\nMeterai Rp10.000\n\n"]
    assert cells[3] == ["Ir. Slamet Hadi Purnomo, M.T.", "Ir. Ahmad Nurrahman, M.Si."]
    assert all(run.bold for run in signature.rows[3].cells[0].paragraphs[0].runs)
    assert signature.rows[3].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert signature.rows[0].cells[0].paragraphs[0].paragraph_format.keep_with_next
    demikian = next(p for p in paragraphs if p.text.startswith("Demikian"))
    assert demikian.paragraph_format.keep_with_next
    # No Markdown left over in the Word text.
    text = "\n".join(p.text for p in paragraphs)
    assert "**" not in text and "<br>" not in text and "ksd:ttd" not in text and ":-:" not in text


def test_docx_numbering_is_one_multilevel_list_word_renumbers(repo: Repository) -> None:
    from docx.oxml.ns import qn

    document = docx_of(draft(repo, TPA, 1, output_format="docx"))
    numbering = document.part.numbering_part.element
    outline = next(
        a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == "90"
    )
    levels = [
        (
            lvl.find(qn("w:pStyle")).get(qn("w:val")),
            lvl.find(qn("w:lvlText")).get(qn("w:val")),
            lvl.find(qn("w:numFmt")).get(qn("w:val")),
        )
        for lvl in outline.findall(qn("w:lvl"))
    ]
    assert levels == [
        ("Heading2", "Pasal %1", "decimal"),
        ("Ayat", "(%2)", "decimal"),
        ("Huruf", "%3.", "lowerLetter"),
    ]
    # The styles carry the numbering, so a new Heading 2 in Word is the next Pasal.
    for style, level in (("Heading 2", 0), ("Ayat", 1), ("Huruf", 2)):
        num_pr = document.styles[style].element.pPr.numPr
        assert num_pr.ilvl.val == level
        num = next(n for n in numbering.findall(qn("w:num")) if n.numId == num_pr.numId.val)
        assert num.abstractNumId.val == 90
    # No typed "(1)" or "a." left where numbering gives them.
    for p in document.paragraphs:
        if p.style.name in ("Ayat", "Huruf"):
            assert not re.match(r"^(\(\d+\)|[a-z]\.)\s", p.text)


def test_a_label_the_numbering_would_not_give_stays_as_written() -> None:
    from docx import Document

    body = "## Pasal 1\n## SATU\n\n(1) pertama\n\n(3) ketiga\n\n## Pasal 7\n## TUJUH\n"
    document = Document(io.BytesIO(markdown_to_docx(body, _provenance(), title="t", subject="s")))
    texts = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert texts == [
        ("Heading 2", "\nSATU"),
        ("Ayat", "pertama"),
        ("Normal", "(3)\tketiga"),
        ("Heading 2", "Pasal 7\nTUJUH"),
    ]
    p_pr: Any = document.paragraphs[3]._p.pPr
    assert p_pr.numPr.numId.val == 0


def test_no_markdown_reaches_word_as_literal_text() -> None:
    from docx import Document

    body = (
        "Teks *miring*, **tebal**, `kode`, [tautan](https://example.org) dan <span>x</span>.\n\n"
        "- satu\n- dua\n\n> kutipan\n\n```\nblok kode\n```\n\n"
        "Teks \\*bukan miring\\* dan \\<b\\>.\n"
    )
    document = Document(io.BytesIO(markdown_to_docx(body, _provenance(), title="t", subject="s")))
    texts = [p.text for p in document.paragraphs]
    assert texts == [
        "Teks miring, tebal, kode, tautan dan x.",
        "satu",
        "dua",
        "kutipan",
        "blok kode",
        "Teks *bukan miring* dan <b>.",
    ]
    first = document.paragraphs[0].runs
    assert [r.text for r in first if r.italic] == ["miring"]
    assert [r.text for r in first if r.bold] == ["tebal"]
    list_item: Any = document.paragraphs[1]._p.pPr
    assert list_item.numPr is not None


def test_three_parties_sign_two_to_a_row() -> None:
    from docx import Document

    body = (
        "<!-- ksd:ttd -->\n| PIHAK KESATU | PIHAK KEDUA | PIHAK KETIGA |\n| :-: | :-: | :-: |\n"
        "| BUPATI A, | WALI KOTA B, | REKTOR C, |\n| **Nama A** | **Nama B** | **Nama C** |\n"
    )
    document = Document(io.BytesIO(markdown_to_docx(body, _provenance(), title="t", subject="s")))
    table = document.tables[0]
    assert len(table.columns) == 2
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[:3] == [
        ["PIHAK KESATU", "PIHAK KEDUA"],
        ["BUPATI A,", "WALI KOTA B,"],
        ["Nama A", "Nama B"],
    ]
    # The third party alone in its row, centred across it (one merged cell).
    assert rows[3:] == [["PIHAK KETIGA"] * 2, ["REKTOR C,"] * 2, ["Nama C"] * 2]


def _all_text(document: Any) -> str:
    """Every paragraph of the body, its tables, and every header and footer."""
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    for section in document.sections:
        for part in (section.footer, section.header, section.first_page_footer):
            parts += [p.text for p in part.paragraphs]
            parts += [c.text for t in part.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_a_final_carries_no_provenance_in_body_or_footer(repo: Repository) -> None:
    rendered = draft(repo, TPA, 3, output_format="docx")
    assert not rendered.provenance.draft
    document = docx_of(rendered)
    footer = document.sections[0].footer
    xml = footer._element.xml
    assert (
        'w:fldCharType="begin"' in xml
        and '<w:instrText xml:space="preserve"> PAGE </w:instrText>' in xml
    )
    text = _all_text(document)
    for trace in ("Dibuat dengan", "ksd", __version__, TPA, ".md.j2", "RANCANGAN", "[["):
        assert trace not in text
    # The Markdown of a final: provenance in the front matter only.
    final = draft(repo, TPA, 3)
    assert "Dibuat dengan" not in final.markdown.split("\n---\n", 1)[1]


def test_a_draft_says_so_on_its_first_page(repo: Repository) -> None:
    rendered = draft(repo, TPA, 3, output_format="docx", draft=True)
    assert rendered.provenance.draft
    document = docx_of(rendered)
    note = document.paragraphs[0].text
    assert note.startswith("RANCANGAN") and rendered.provenance.line() in note
    assert "Dibuat dengan" not in "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    body = draft(repo, TPA, 3, draft=True).markdown.split("\n---\n", 1)[1]
    assert body.startswith(f"\n_{rendered.provenance.note()}_\n\n# PERJANJIAN KERJA SAMA")


def test_docx_core_properties_carry_provenance(repo: Repository) -> None:
    rendered = draft(repo, TPA, 3, output_format="docx")
    properties = docx_of(rendered).core_properties
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
    assert properties.comments == rendered.provenance.line()
    assert properties.identifier == TPA and properties.version == __version__
    assert properties.created.date() == TODAY


def test_docx_rencana_aksi_table_in_landscape(repo: Repository) -> None:
    from docx.enum.section import WD_ORIENT

    document = docx_of(draft(repo, SINERGI, 1, output_format="docx"))
    assert [s.orientation for s in document.sections] == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,
    ]
    assert round(document.sections[2].page_width.cm, 1) == 29.7
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


def test_docx_shows_gaps_as_blanks_commented_with_the_field(repo: Repository) -> None:
    from docx.enum.text import WD_COLOR_INDEX

    document = docx_of(draft(repo, BANJIR, 2, output_format="docx", draft=True))
    text = _all_text(document)
    assert "[[" not in text and "belum diisi" not in text and "pihak_kedua" not in text
    blanks = [run for p in document.paragraphs for run in p.runs if run.text == "........"]
    assert blanks and all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in blanks)
    comments = {c.text for c in document.comments}
    assert comments >= {"nomor pihak_kedua belum diisi", "tanggal_ttd belum diisi"}
    assert "rancangan" in document.core_properties.keywords


def test_docx_of_a_long_odd_title_holds_it_plain_and_cut(sample_repo: Path) -> None:
    # A realistic naskah title of 200 characters, with characters the Markdown escapes: the
    # title the document's properties hold is plain text, cut to the 255 that Word keeps.
    subject = (
        "Kerja Sama Promosi [Pariwisata] *Bersama* Festival Erau dan Destinasi Wisata Pesisir "
        "serta Pengembangan Paket Wisata Terpadu Tenggarong_Balikpapan A|B melalui Bandar "
        "Udara Sepinggan <2025> \\ Tahap Kedua"
    )
    edit_naskah(sample_repo, TPA, 3, judul=f"Perjanjian Kerja Sama tentang {subject}")
    edit_record(sample_repo, TPA, judul=subject)
    rendered = draft(open_repository(sample_repo), TPA, 3, output_format="docx")
    properties = docx_of(rendered).core_properties
    assert len(rendered.title) > CORE_TEXT_MAX  # the case: Word's limit is passed
    title = properties.title
    assert len(title) <= CORE_TEXT_MAX and title.endswith("\u2026")
    assert title.startswith("PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KABUPATEN KUTAI")
    assert "[PARIWISATA] *BERSAMA*" in title and "TENGGARONG_BALIKPAPAN\u2026" in title
    assert "\\" not in title  # no Markdown escape left
    assert properties.subject == subject  # as written: 200 characters, no escape


def test_core_text_cuts_at_a_space() -> None:
    assert core_text("a  b\n c") == "a b c"
    words = " ".join(["kata"] * 100)  # 499 characters
    cut = core_text(words)
    assert len(cut) <= CORE_TEXT_MAX and cut == " ".join(["kata"] * 50) + "\u2026"
    unbroken = "x" * 300
    assert core_text(unbroken) == "x" * (CORE_TEXT_MAX - 1) + "\u2026"
    assert core_text("x" * CORE_TEXT_MAX) == "x" * CORE_TEXT_MAX


def test_markdown_reader() -> None:
    blocks = parse_markdown(
        "---\ntitle: x\n---\n# A\n# B\n\n### NOMOR: 1\n\nteks satu\nbaris dua\n\n"
        "## Pasal 1\n## JUDUL\n\n(1) ayat\n\na. butir\n\n1. pihak\n\n<!-- ksd:ttd -->\n"
        "| P1 | P2 |\n| :-: | :-: |\n| a \\| b | **c**<br>d |\n"
    )
    assert [type(b).__name__ for b in blocks] == [
        "Heading",
        "Heading",
        "Paragraph",
        "Heading",
        "Paragraph",
        "Paragraph",
        "Paragraph",
        "Table",
    ]
    h1, h3, text, pasal, ayat, butir, pihak, table = blocks
    assert isinstance(h1, Heading) and h1.level == 1 and h1.texts == ("A", "B")
    assert isinstance(h3, Heading) and h3.level == 3 and h3.texts == ("NOMOR: 1",)
    assert isinstance(pasal, Heading) and pasal.texts == ("Pasal 1", "JUDUL")
    assert [(p.kind, p.label, p.text) for p in (text, ayat, butir, pihak)] == [  # type: ignore[union-attr]
        ("plain", "", "teks satu baris dua"),
        ("ayat", "(1)", "ayat"),
        ("butir", "a.", "butir"),
        ("nomor", "1.", "pihak"),
    ]
    assert isinstance(table, Table) and table.signature
    assert table.align == ("center", "center")
    assert [plain(c) for c in table.rows[0]] == ["a | b", "c\nd"]
    assert table.rows[0][1][0] == Span("c", bold=True)


def _provenance() -> Provenance:
    return Provenance(
        record_id="KSD-6402-2024-001",
        source="data/agreements/KSD-6402-2024-001.yaml",
        position=1,
        jenis="kesepakatan_bersama",
        template="kesepakatan_bersama.md.j2",
        template_file=None,
        ksd_version="0.0.0",
        commit=None,
        generated=date(2024, 1, 1),
        draft=False,
    )


def test_docx_holds_record_text_with_control_characters_and_escapes() -> None:
    import io as _io
    from datetime import date as _date

    from docx import Document

    from ksd_cli.draft.docx import markdown_to_docx
    from ksd_cli.draft.provenance import Provenance

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
    assert cell.text == "........"
    assert cell.runs[0].font.highlight_color is not None
    assert [c.text for c in document.comments] == ["nama belum diisi"]


def _paraf(footer: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in footer.tables for row in t.rows]


def test_every_page_but_the_signature_page_has_a_paraf_column(repo: Repository) -> None:
    document = docx_of(draft(repo, TPA, 3, output_format="docx"))
    body, signature_page = document.sections
    assert _paraf(body.footer) == [
        ["Paraf", "Paraf"],
        ["PIHAK KESATU", "PIHAK KEDUA"],
        ["", ""],
    ]
    assert not signature_page.footer.is_linked_to_previous
    assert _paraf(signature_page.footer) == []
    assert "PAGE" in signature_page.footer._element.xml  # still numbered
    # The signature page starts with the closing Pasal: the section break comes just before it.
    paragraphs = document.paragraphs
    breaks = [
        i for i, p in enumerate(paragraphs) if p._p.pPr is not None and p._p.pPr.sectPr is not None
    ]
    penutup = next(i for i, p in enumerate(paragraphs) if p.text == "\nPENUTUP")
    assert breaks == [penutup - 1]


def test_a_lampiran_carries_the_paraf_column_again(repo: Repository) -> None:
    document = docx_of(draft(repo, SINERGI, 1, output_format="docx"))
    body, signature_page, lampiran = document.sections
    assert _paraf(body.footer)[1] == ["PIHAK KESATU", "PIHAK KEDUA"]
    assert _paraf(signature_page.footer) == []
    assert _paraf(lampiran.footer)[1] == ["PIHAK KESATU", "PIHAK KEDUA"]


def test_docx_gives_each_party_its_rights_and_obligations(repo: Repository) -> None:
    document = docx_of(draft(repo, TPA, 3, output_format="docx"))
    ayat = [p.text for p in document.paragraphs if p.style.name == "Ayat"]
    for label in ("PIHAK KESATU", "PIHAK KEDUA"):
        assert f"{label} berhak:" in ayat and f"{label} berkewajiban:" in ayat
