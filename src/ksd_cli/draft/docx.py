"""The Word form of a naskah: the small Markdown subset of the templates, laid out for print.

The templates write Markdown; this module reads back the few constructs they use (see
docs/naskah.md) and lays them out as an official expects: A4, Bookman Old Style 12 pt, centred
bold title and Pasal headings, hanging-indented ayat and butir, the signature block as a
borderless table with one column per party, page numbers and the provenance line in the footer.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import TYPE_CHECKING, Any, Literal

from ksd_cli.escaping import xml_text

if TYPE_CHECKING:
    from ksd_cli.draft.provenance import Provenance

FONT = "Bookman Old Style"
#: What a gap in a draft looks like in Word: the blank drafters use, commented with the field.
BLANK = "........"
FONT_SIZE_PT = 12
TABLE_FONT_SIZE_PT = 10
FOOTER_FONT_SIZE_PT = 8
PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGIN_CM = {"top": 2.5, "bottom": 2.5, "left": 3.0, "right": 2.5}
#: Hanging indents in cm: (left edge of the text, width of the label).
INDENT_CM = {"ayat": (1.0, 1.0), "butir": (0.75, 0.75), "nomor": (0.75, 0.75)}
#: Extra left indent of a butir that belongs to an ayat.
BUTIR_IN_AYAT_CM = 1.0

ParagraphKind = Literal["plain", "ayat", "butir", "nomor"]

_HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
_AYAT = re.compile(r"^(\(\d+\))\s+(.*)$", re.DOTALL)
_BUTIR = re.compile(r"^([a-z]{1,2}\.)\s+(.*)$", re.DOTALL)
_NOMOR = re.compile(r"^(\d+\.)\s+(.*)$", re.DOTALL)
_COMMENT = re.compile(r"^<!--\s*(.*?)\s*-->$")
_EMPHASIS = re.compile(r"(\*\*.+?\*\*|\*[^*\s][^*]*?\*)")
_INLINE_PARTS = re.compile(r"(\[\[.+?\]\]|<br\s*/?>)")
_BREAK = re.compile(r"<br\s*/?>")
_SEPARATOR_CELL = re.compile(r"^:?-+:?$")
#: A backslash-escaped ASCII punctuation character (record text escaped for Markdown).
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_ESCAPED_MARKER = re.compile(r"\\\[\\\[(.+?)\\\]\\\]")
#: Escaped characters are parked in the Private Use Area while emphasis is parsed.
_PARKED = 0xE000


@dataclass(frozen=True)
class Heading:
    """Consecutive heading lines of one level: one centred paragraph with line breaks."""

    level: int
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph, with its ayat/butir/number label split off when it has one."""

    kind: ParagraphKind
    label: str
    text: str


@dataclass(frozen=True)
class Table:
    """A pipe table; ``signature`` when marked ``<!-- ksd:ttd -->`` (no borders, centred)."""

    header: tuple[str, ...]
    align: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    signature: bool = False


@dataclass(frozen=True)
class PageBreak:
    """``<!-- ksd:halaman-baru -->``, or ``<!-- ksd:lanskap -->``: the rest in landscape."""

    landscape: bool = False


Block = Heading | Paragraph | Table | PageBreak


@dataclass
class _Reader:
    """Groups the lines of the Markdown body into blocks."""

    blocks: list[Block] = field(default_factory=list)
    paragraph: list[str] = field(default_factory=list)
    table: list[str] = field(default_factory=list)
    signature_next: bool = False
    #: The last block is a heading that the next heading line of its level continues.
    heading_open: bool = False

    def flush(self) -> None:
        self.heading_open = False
        if self.paragraph:
            self.blocks.append(_paragraph(" ".join(self.paragraph)))
            self.paragraph = []
        if self.table:
            self.blocks.append(_table(self.table, self.signature_next))
            self.table = []
            self.signature_next = False


def parse_markdown(text: str) -> list[Block]:
    """The blocks of a naskah body written in the templates' Markdown subset."""
    reader = _Reader()
    for raw in _strip_front_matter(text).splitlines():
        line = raw.strip()
        if line.startswith("|"):
            if reader.paragraph:
                reader.blocks.append(_paragraph(" ".join(reader.paragraph)))
                reader.paragraph = []
            reader.table.append(line)
            continue
        if reader.table:
            reader.flush()
        if not line or line == "---":
            reader.flush()
            continue
        comment = _COMMENT.match(line)
        if comment:
            reader.flush()
            if comment.group(1) == "ksd:ttd":
                reader.signature_next = True
            elif comment.group(1) == "ksd:halaman-baru":
                reader.blocks.append(PageBreak())
            elif comment.group(1) == "ksd:lanskap":
                reader.blocks.append(PageBreak(landscape=True))
            continue
        heading = _HEADING.match(line)
        if heading:
            level, content = len(heading.group(1)), heading.group(2).strip()
            last = reader.blocks[-1] if reader.blocks else None
            if reader.heading_open and isinstance(last, Heading) and last.level == level:
                reader.blocks[-1] = Heading(level, (*last.lines, content))
            else:
                reader.flush()
                reader.blocks.append(Heading(level, (content,)))
            reader.heading_open = True
            continue
        reader.heading_open = False
        reader.paragraph.append(line)
    reader.flush()
    return reader.blocks


def _strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def _paragraph(text: str) -> Paragraph:
    for kind, pattern in (("ayat", _AYAT), ("butir", _BUTIR), ("nomor", _NOMOR)):
        match = pattern.match(text)
        if match:
            return Paragraph(kind, match.group(1), match.group(2))  # type: ignore[arg-type]
    return Paragraph("plain", "", text)


def _cells(line: str) -> tuple[str, ...]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    parts = re.split(r"(?<!\\)\|", inner)
    return tuple(p.strip().replace("\\|", "|") for p in parts)


def _table(lines: list[str], signature: bool) -> Table:
    rows = [_cells(line) for line in lines]
    if len(rows) >= 2 and all(_SEPARATOR_CELL.match(c) for c in rows[1]):
        header, align, body = rows[0], rows[1], rows[2:]
    else:
        header, align, body = rows[0], tuple("---" for _ in rows[0]), rows[1:]
    return Table(header, align, tuple(body), signature)


# Writing the document -------------------------------------------------------------------------


def markdown_to_docx(body: str, provenance: Provenance, *, title: str, subject: str) -> bytes:
    """The Word document (.docx bytes) of a naskah body, with provenance in metadata and footer."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    section = document.sections[0]
    _page_setup(section, landscape=False)

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(FONT_SIZE_PT)
    _east_asian_font(normal.element, FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15

    text_width = _text_width(landscape=False)
    in_ayat = False
    blocks = parse_markdown(body)
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, Heading):
            in_ayat = False
            _heading(document, block)
        elif isinstance(block, Paragraph):
            if block.kind == "ayat":
                in_ayat = True
            elif block.kind in ("plain", "nomor"):
                in_ayat = False
            paragraph = _body_paragraph(document, block, in_ayat)
            if isinstance(following, Table) and following.signature:
                paragraph.paragraph_format.keep_with_next = True
        elif isinstance(block, Table):
            _add_table(document, block, text_width)
        elif isinstance(block, PageBreak) and block.landscape:
            from docx.enum.section import WD_SECTION

            _page_setup(document.add_section(WD_SECTION.NEW_PAGE), landscape=True)
            text_width = _text_width(landscape=True)
        elif isinstance(block, PageBreak):
            from docx.enum.text import WD_BREAK

            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    if provenance.draft:
        _draft_note(document, provenance)
    _footer(section)
    _core_properties(document, provenance, title=title, subject=subject)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _page_setup(section: Any, *, landscape: bool) -> None:
    """A4 with the margins of an official document, upright or landscape."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    width, height = (
        (PAGE_HEIGHT_CM, PAGE_WIDTH_CM) if landscape else (PAGE_WIDTH_CM, PAGE_HEIGHT_CM)
    )
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Cm(width)
    section.page_height = Cm(height)
    section.top_margin = Cm(MARGIN_CM["top"])
    section.bottom_margin = Cm(MARGIN_CM["bottom"])
    section.left_margin = Cm(MARGIN_CM["left"])
    section.right_margin = Cm(MARGIN_CM["right"])
    section.footer_distance = Cm(1.2)


def _text_width(*, landscape: bool) -> float:
    width = PAGE_HEIGHT_CM if landscape else PAGE_WIDTH_CM
    return width - MARGIN_CM["left"] - MARGIN_CM["right"]


def _east_asian_font(element: Any, font: str) -> None:
    """Set the font for every script, so Word does not fall back to the theme font."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def _heading(document: Any, block: Heading) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.keep_with_next = True
    fmt.space_after = Pt(6 if block.level == 3 else 12)
    if block.level == 2:
        fmt.space_before = Pt(12)
    for number, line in enumerate(block.lines):
        _inline(paragraph, line, bold=block.level in (1, 2), line_break_before=number > 0)


def _body_paragraph(document: Any, block: Paragraph, in_ayat: bool) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if block.kind == "plain":
        _inline(paragraph, block.text)
        return paragraph
    left, hanging = INDENT_CM[block.kind]
    if block.kind == "butir" and in_ayat:
        left += BUTIR_IN_AYAT_CM
    fmt = paragraph.paragraph_format
    fmt.left_indent = Cm(left)
    fmt.first_line_indent = Cm(-hanging)
    fmt.tab_stops.add_tab_stop(Cm(left))
    _inline(paragraph, f"{block.label}\t{block.text}")
    return paragraph


def _inline(
    paragraph: Any,
    text: str,
    *,
    bold: bool = False,
    size_pt: float | None = None,
    line_break_before: bool = False,
) -> None:
    """Runs for ``**bold**``, ``*italic*``, ``<br>`` and highlighted ``[[...]]`` markers."""
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt

    if line_break_before:
        paragraph.add_run().add_break()
    text = _ESCAPED_MARKER.sub(r"[[\1]]", xml_text(text))
    text = _ESCAPED.sub(lambda m: chr(_PARKED + ord(m.group(1))), text)
    for piece, run_bold, italic in _emphasis(text, bold):
        for part in _INLINE_PARTS.split(piece):
            if not part:
                continue
            if _BREAK.fullmatch(part):
                paragraph.add_run().add_break()
                continue
            gap = part.startswith("[[") and part.endswith("]]")
            run = paragraph.add_run(BLANK if gap else _unpark(part))
            run.bold = run_bold or None
            run.italic = italic or None
            if gap:
                # The blank a drafter fills in; the comment says which record field it is.
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                paragraph.part.document.add_comment(
                    run, text=_unpark(part[2:-2]), author="ksd", initials="ksd"
                )
            if size_pt is not None:
                run.font.size = Pt(size_pt)


def _unpark(text: str) -> str:
    """Escaped characters back as themselves (see ``_inline``)."""
    return "".join(chr(ord(c) - _PARKED) if _PARKED < ord(c) < _PARKED + 128 else c for c in text)


def _emphasis(text: str, bold: bool) -> list[tuple[str, bool, bool]]:
    """``text`` cut at ``**bold**`` and ``*italic*``: (text, bold, italic) pieces."""
    pieces = []
    for piece in _EMPHASIS.split(text):
        if len(piece) > 4 and piece.startswith("**") and piece.endswith("**"):
            pieces.append((piece[2:-2], True, False))
        elif len(piece) > 2 and piece.startswith("*") and piece.endswith("*"):
            pieces.append((piece[1:-1], bold, True))
        elif piece:
            pieces.append((piece, bold, False))
    return pieces


def _add_table(document: Any, table: Table, text_width_cm: float) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    columns = len(table.header)
    rows = [table.header, *table.rows]
    docx_table = document.add_table(rows=len(rows), cols=columns)
    docx_table.alignment = WD_TABLE_ALIGNMENT.CENTER
    docx_table.autofit = False
    if not table.signature:
        docx_table.style = document.styles["Table Grid"]
    widths = _column_widths(table, text_width_cm)
    for r, values in enumerate(rows):
        row = docx_table.rows[r]
        trpr = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        trpr.append(cant_split)
        if r == 0 and not table.signature:
            header = OxmlElement("w:tblHeader")
            trpr.append(header)
        for c in range(columns):
            cell = row.cells[c]
            cell.width = Cm(widths[c])
            value = values[c] if c < len(values) else ""
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0 if table.signature else 2)
            if table.signature and r == 0:
                paragraph.paragraph_format.space_before = Pt(12)
            if table.signature or r == 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif table.align[c].endswith(":"):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            else:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            _inline(
                paragraph,
                value,
                bold=r == 0,
                size_pt=None if table.signature else TABLE_FONT_SIZE_PT,
            )
    if table.signature:
        # Keep the signature block on one page with the sentence before it.
        for row in docx_table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
    grid = docx_table._tbl.tblGrid
    for c, column in enumerate(grid.findall(qn("w:gridCol"))):
        column.set(qn("w:w"), str(int(Cm(widths[c]).twips)))


def _column_widths(table: Table, text_width_cm: float) -> list[float]:
    """Column widths in cm: equal for signatures, else by the longest word and the text held.

    A data column is at least as wide as its longest word; the rest of the line is shared in
    proportion to how much text each column holds.
    """
    columns = len(table.header)
    if table.signature:
        return [text_width_cm / columns] * columns
    rows = [table.header, *table.rows]
    cells = [[_plain(row[c]) if c < len(row) else "" for row in rows] for c in range(columns)]
    # About 0.25 cm per character at 10 pt (Bookman is wide), plus the cell margins.
    minimum = [
        0.25 * max((len(w) for text in column for w in text.split()), default=1) + 0.4
        for column in cells
    ]
    if sum(minimum) >= text_width_cm:
        return [m * text_width_cm / sum(minimum) for m in minimum]
    spare = text_width_cm - sum(minimum)
    weights = [sum(len(text) for text in column) for column in cells]
    total = sum(weights) or 1
    return [m + spare * w / total for m, w in zip(minimum, weights, strict=True)]


def _plain(text: str) -> str:
    """Cell text without Markdown emphasis or line-break tags (for measuring)."""
    return re.sub(r"<br\s*/?>", " ", text).replace("**", "")


def _draft_note(document: Any, provenance: Provenance) -> None:
    """A draft's first paragraph: "RANCANGAN ..." and where it comes from, small and grey."""
    from docx.shared import Pt, RGBColor

    first = document.paragraphs[0] if document.paragraphs else document.add_paragraph()
    note = first.insert_paragraph_before()
    run = note.add_run(xml_text(provenance.note()))
    run.font.size = Pt(FOOTER_FONT_SIZE_PT)
    run.font.color.rgb = RGBColor(0x60, 0x60, 0x60)
    run.italic = True


def _footer(section: Any) -> None:
    """The page number (a PAGE field), centred: nothing else, a signed document carries it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    footer = section.footer
    footer.is_linked_to_previous = False
    number = footer.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number.paragraph_format.space_after = Pt(0)
    # A complex field: begin, the instruction, separate, the cached result, end.
    for part in ("begin", "instruction", "separate", "result", "end"):
        run = number.add_run()
        if part == "instruction":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = " PAGE "
            run._r.append(instruction)
        elif part == "result":
            run.text = "1"
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), part)
            run._r.append(char)


def _core_properties(document: Any, provenance: Provenance, *, title: str, subject: str) -> None:
    from ksd_cli.naming import naskah_title

    properties = document.core_properties
    properties.title = xml_text(title)
    properties.subject = xml_text(subject)
    properties.author = "ksd"
    properties.last_modified_by = f"ksd {provenance.ksd_version}"
    properties.category = naskah_title(provenance.jenis)
    properties.identifier = provenance.record_id
    properties.version = provenance.ksd_version
    properties.keywords = "; ".join(
        part
        for part in (
            "ksd",
            provenance.record_id,
            f"naskah {provenance.position}",
            provenance.jenis,
            provenance.template,
            f"commit {provenance.commit}" if provenance.commit else "",
            "rancangan" if provenance.draft else "",
        )
        if part
    )
    properties.comments = provenance.line()
    generated = datetime.combine(provenance.generated, time())
    properties.created = generated
    properties.modified = generated
    properties.revision = 1
