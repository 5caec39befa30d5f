"""``ksd mapping --format docx|pdf``: the rancangan, its draft Keputusan and the matrix annex.

The document has three parts: the rancangan (a short narrative: introduction, legal basis,
method, summary per urusan, how it enters the RKPD), the draft Keputusan of the head of
region that enacts it (Menimbang, Mengingat, Memutuskan with its diktum), and the Lampiran:
the matrix on landscape pages. python-docx is imported inside the functions.
"""

from __future__ import annotations

from typing import Any

from ksd_cli.docx_layout import portrait_a4, repeat_header, set_styles
from ksd_cli.idformat import date_text, number
from ksd_cli.mapping.model import Mapping
from ksd_cli.mapping.table import (
    Column,
    columns,
    group_title,
    period_title,
    plan_text,
    text_cells,
)
from ksd_cli.messages import message

#: The matrix columns the Word annex prints (A4 landscape holds about a dozen legibly).
DOCX_COLUMNS = (
    "no",
    "sub_urusan",
    "isu",
    "potensi",
    "eksternalitas",
    "opd",
    "mitra",
    "jenis",
    "bentuk",
    "peran",
    "prioritas",
    "rkpd",
    "rencana",
    "tindak_lanjut",
)


def docx_bytes(mapping: Mapping) -> bytes:
    """The ``.docx`` file of the rancangan, its draft Keputusan and the Lampiran."""
    import io

    from docx import Document

    document = Document()
    set_styles(document)
    portrait_a4(document.sections[0])
    _rancangan(document, mapping)
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _keputusan(document, mapping)
    _lampiran(document, mapping)
    document.core_properties.title = message("pemetaan.title", mapping.lang)
    document.core_properties.subject = mapping.daerah_nama
    document.core_properties.author = f"ksd {mapping.ksd_version}"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(mapping: Mapping) -> bytes:
    """The PDF of :func:`docx_bytes`, through LibreOffice."""
    from ksd_cli.office import docx_to_pdf

    return docx_to_pdf(docx_bytes(mapping))


def jabatan(mapping: Mapping) -> str:
    """The head of region's office, "Bupati Kutai Kartanegara"; generic when unknown."""
    return mapping.kepala_daerah or message("pemetaan.kepala-daerah", mapping.lang)


def _year(mapping: Mapping) -> int:
    return mapping.tahun if mapping.tahun is not None else mapping.as_of.year


def _centered(document: Any, text: str, *, bold: bool = True, size: int | None = None) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, line in enumerate(text.split("\n")):
        run = paragraph.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if i < len(text.split("\n")) - 1:
            run.add_break()
    return paragraph


def _justified(document: Any, text: str) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.add_paragraph(text)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return paragraph


def _rancangan(document: Any, mapping: Mapping) -> None:
    lang = mapping.lang
    c = mapping.coverage
    _centered(document, message("pemetaan.title", lang).upper(), size=14)
    _centered(document, f"{mapping.daerah_nama.upper()}\n{period_title(mapping).upper()}")
    document.add_heading(f"I. {message('pemetaan.bab.pendahuluan', lang)}", level=1)
    _justified(
        document,
        message(
            "pemetaan.text.pendahuluan",
            lang,
            daerah=mapping.daerah_nama,
            tanggal=date_text(mapping.as_of, lang),
        ),
    )
    document.add_heading(f"II. {message('pemetaan.bab.dasar', lang)}", level=1)
    for n, key in enumerate(("uu23", "pp28", "pmdn22"), 1):
        _justified(document, f"{n}. {message(f'pemetaan.dasar.{key}', lang)};")
    document.add_heading(f"III. {message('pemetaan.bab.metode', lang)}", level=1)
    _justified(document, message("pemetaan.text.metode", lang))
    document.add_heading(f"IV. {message('pemetaan.bab.ringkasan', lang)}", level=1)
    _justified(
        document,
        message(
            "pemetaan.text.cakupan",
            lang,
            urusan=number(c.urusan, lang),
            terpetakan=number(c.urusan_terpetakan, lang),
            potensi=number(c.potensi, lang),
            rkpd=number(c.potensi_rkpd, lang),
            tindak=number(c.potensi_ditindaklanjuti, lang),
        ),
    )
    if c.potensi_tanpa_tindak_lanjut:
        _justified(
            document,
            message(
                "pemetaan.text.temuan", lang, count=number(c.potensi_tanpa_tindak_lanjut, lang)
            ),
        )
    empty = 0
    for group in mapping.groups:
        if not group.rows:
            empty += 1
            continue
        document.add_paragraph(
            message(
                "pemetaan.text.urusan",
                lang,
                nama=group_title(group),
                count=number(len(group.rows), lang),
                ids=", ".join(r.id for r in group.rows),
                tindak=number(sum(1 for r in group.rows if r.ditindaklanjuti), lang),
            ),
            style="List Bullet",
        )
    if empty:
        _justified(
            document, message("pemetaan.text.urusan-kosong", lang, count=number(empty, lang))
        )
    document.add_heading(f"V. {message('pemetaan.bab.rkpd', lang)}", level=1)
    _justified(
        document,
        message("pemetaan.text.rkpd", lang, count=number(c.potensi - c.potensi_rkpd, lang)),
    )
    _justified(document, message("pemetaan.text.lampiran", lang))


def _keputusan(document: Any, mapping: Mapping) -> None:
    lang = mapping.lang
    office = jabatan(mapping)
    year = _year(mapping)
    title = message("pemetaan.kep.judul", lang, daerah=mapping.daerah_nama.upper(), tahun=year)
    _centered(document, message("pemetaan.kep.rancangan", lang))
    _centered(
        document,
        message("pemetaan.kep.keputusan", lang, jabatan=office.upper())
        + "\n"
        + message("pemetaan.kep.nomor", lang, tahun=year),
    )
    _centered(document, f"{message('pemetaan.kep.tentang', lang)}\n{title}")
    _centered(document, message("pemetaan.kep.rahmat", lang))
    _centered(document, f"{office.upper()},")
    _clauses(
        document,
        message("pemetaan.kep.menimbang", lang),
        [
            ("a.", message("pemetaan.kep.menimbang.a", lang)),
            ("b.", message("pemetaan.kep.menimbang.b", lang)),
            ("c.", message("pemetaan.kep.menimbang.c", lang, jabatan=office)),
        ],
    )
    _clauses(
        document,
        message("pemetaan.kep.mengingat", lang),
        [
            (f"{n}.", message(f"pemetaan.dasar.{key}", lang) + ";")
            for n, key in enumerate(("uu23", "pp28", "pmdn22"), 1)
        ],
    )
    _centered(document, message("pemetaan.kep.memutuskan", lang))
    menetapkan = (
        message("pemetaan.kep.keputusan", lang, jabatan=office.upper())
        + f" {message('pemetaan.kep.tentang', lang)} {title}."
    )
    _clauses(document, message("pemetaan.kep.menetapkan", lang), [("", menetapkan)])
    names = message("pemetaan.kep.diktum", lang).split("|")
    texts = [
        message("pemetaan.kep.kesatu", lang, daerah=mapping.daerah_nama, tahun=year),
        message("pemetaan.kep.kedua", lang),
        message("pemetaan.kep.ketiga", lang),
        message("pemetaan.kep.keempat", lang),
    ]
    for name, text in zip(names, texts, strict=True):
        _clauses(document, name, [("", text)])
    _signature(document, message("pemetaan.kep.ditetapkan", lang), office.upper())


def _clauses(document: Any, label: str, items: list[tuple[str, str]]) -> None:
    """A "Menimbang : a. ..." block: label, colon, marker and text in a borderless table."""
    from docx.shared import Cm

    table = document.add_table(rows=len(items), cols=4)
    table.autofit = False
    widths = (Cm(3.2), Cm(0.5), Cm(0.8), Cm(11.5))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for r, (marker, text) in enumerate(items):
        cells = table.rows[r].cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        if r == 0:
            cells[0].text = label
            cells[1].text = ":"
        cells[2].text = marker
        cells[3].text = text
    document.add_paragraph()


def _signature(document: Any, place: str, office: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    paragraph = document.add_paragraph()
    paragraph.paragraph_format.left_indent = Cm(8.5)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    lines = [
        *place.split("\n"),
        "",
        f"{office},",
        "",
        "",
        "",
        "....................................",
    ]
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def _lampiran(document: Any, mapping: Mapping) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm, Pt

    lang = mapping.lang
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(1.5)
    header = document.add_paragraph()
    header.paragraph_format.left_indent = Cm(16)
    lines = message(
        "pemetaan.kep.lampiran", lang, jabatan=jabatan(mapping).upper(), tahun=_year(mapping)
    ).split("\n")
    for i, line in enumerate(lines):
        run = header.add_run(line)
        run.font.size = Pt(9)
        if i < len(lines) - 1:
            run.add_break()
    _centered(document, message("pemetaan.matrix", lang).upper(), size=11)
    # v1.1 planning fields in one column: the page holds no four more (see plan_text).
    every = [*columns(lang), Column("rencana", message("evaluasi.col.rencana", lang), 22)]
    by_key = {c.key: c for c in every}
    wanted = [by_key[key] for key in DOCX_COLUMNS]
    table = document.add_table(rows=1, cols=len(wanted))
    table.style = "Table Grid"
    table.autofit = False
    # Narrow Excel columns still need room for a word at 7.5 pt in Word.
    weights = [max(c.width, 6 if c.key == "no" else 11) for c in wanted]
    widths = [Cm(26.7 * w / sum(weights)) for w in weights]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    repeat_header(table.rows[0])
    for cell, column, width in zip(table.rows[0].cells, wanted, widths, strict=True):
        cell.width = width
        _small(cell, column.header, bold=True)
    counter = 0
    for group in mapping.groups:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[-1])
        _small(merged, group_title(group), bold=True)
        if not group.rows:
            row = table.add_row()
            merged = row.cells[1].merge(row.cells[-1])
            _small(merged, message("pemetaan.belum", lang), italic=True)
            continue
        for item in group.rows:
            counter += 1
            keys = [c.key for c in columns(lang)]
            values = dict(zip(keys, text_cells(item, counter, lang), strict=True))
            values["rencana"] = plan_text(item, lang)
            row = table.add_row()
            for cell, column, width in zip(row.cells, wanted, widths, strict=True):
                cell.width = width
                _small(cell, values[column.key])


def _small(cell: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
    from docx.shared import Pt

    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.font.size = Pt(7.5)
    run.bold = bold
    run.italic = italic
