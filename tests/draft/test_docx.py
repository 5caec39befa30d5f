"""The Word form of a naskah, read back with python-docx; the Markdown subset reader."""

from __future__ import annotations

import re
from typing import Any

from draft.conftest import BANJIR, SINERGI, TODAY, TPA, docx_of, draft
from ksd_cli import __version__
from ksd_cli.draft.docx import Heading, Paragraph, Table, parse_markdown
from ksd_cli.repository import Repository


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
