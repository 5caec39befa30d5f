"""The Word form of a naskah: the template's Markdown, read by a real parser, laid out for print.

The Markdown is read with markdown-it-py (CommonMark with tables), so whatever a template
writes reaches Word as layout, never as literal Markdown: emphasis as bold and italic, lists as
Word lists, code as monospace, links as their text, raw HTML dropped (``<br>`` is a line break).
Backslash escapes (record text made inert in the template context) read back as the characters.

The document is one a drafter can edit in Word: A4, Bookman Old Style 12 pt; the title block in
Heading 1; each Pasal a Heading 2 whose "Pasal N" is multilevel list numbering, with ayat
("(1)", style *Ayat*) and huruf ("a.", style *Huruf*) on the levels below it, so inserting a
Pasal in Word renumbers the rest; document numbers that never break across lines; foreign words
in italics; the signature block kept on one page with the sentence before it, two parties a row.
A label the numbering would not produce (a template's own "(3)" after "(1)") stays literal text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import TYPE_CHECKING, Any, Literal

from ksd_cli.escaping import xml_text

if TYPE_CHECKING:
    from markdown_it.token import Token

    from ksd_cli.draft.docx_bilingual import Bilingual
    from ksd_cli.draft.provenance import Provenance

FONT = "Bookman Old Style"
CODE_FONT = "Courier New"
FONT_SIZE_PT = 12
TABLE_FONT_SIZE_PT = 10
NOTE_FONT_SIZE_PT = 8
PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGIN_CM = {"top": 2.5, "bottom": 2.5, "left": 3.0, "right": 2.5}
#: What a gap in a draft looks like in Word: the blank drafters use, commented with the field.
BLANK = "........"
#: Hanging indents in cm: (left edge of the text, width of the label).
INDENT_CM = {
    "ayat": (1.0, 1.0),
    "butir": (0.75, 0.75),
    "nomor": (0.75, 0.75),
    "bullet": (0.75, 0.75),
}
#: Extra left indent of a huruf that belongs to an ayat.
BUTIR_IN_AYAT_CM = 1.0
#: The paraf column: width of one party's box, size of its labels.
PARAF_BOX_CM = 2.2
PARAF_FONT_SIZE_PT = 6
#: Parties per row of the signature block.
SIGNERS_PER_ROW = 2
#: Foreign words and phrases, set in italics as Indonesian drafting requires.
FOREIGN = (
    "Memorandum of Understanding",
    "Letter of Intent",
    "Implementing Arrangement",
    "Record of Discussion",
    "Terms of Reference",
    "Joint Working Group",
    "Sister City",
    "Sister Province",
    "force majeure",
    "capacity building",
    "best practice",
    "stakeholder",
    "focal point",
    "road map",
    "roadmap",
    "database",
    "website",
    "online",
    "e-mail",
    "software",
    "hardware",
    "workshop",
    "in kind",
    "sanitary landfill",
    "controlled landfill",
    "open dumping",
)
_FOREIGN = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(w) for w in FOREIGN) + r")(?![\w-])", re.IGNORECASE
)
#: A document number: digits and a slash in one word ("660/118/DLH-KS/III/2022").
_DOCUMENT_NUMBER = re.compile(r"[\w.\-]*\d[\w.\-]*(?:/[\w.\-]+)+|[\w.\-]+(?:/[\w.\-]+)*/\d[\w.\-]*")
_NON_BREAKING_HYPHEN = "\u2011"
_WORD_JOINER = "\u2060"
_GAP = re.compile(r"(\[\[.+?\]\])")
#: "Pasal 1", and "Article 1" in the English text beside a foreign cooperation's naskah.
_PASAL = re.compile(r"^(?:Pasal|Article) (\d+)$")
_AYAT = re.compile(r"^\((\d+)\)\s+")
_HURUF = re.compile(r"^([a-z]{1,2})\.\s+")
_BREAK_TAG = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
_COMMENT = re.compile(r"^<!--\s*(.*?)\s*-->$", re.DOTALL)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

SpanKind = Literal["text", "break", "gap"]
ParagraphKind = Literal["plain", "ayat", "butir", "nomor", "bullet", "quote", "code"]


@dataclass(frozen=True)
class Span:
    """A piece of inline text with its emphasis; a line break; or a gap of a draft."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    kind: SpanKind = "text"


Inline = tuple[Span, ...]


def plain(spans: Sequence[Span]) -> str:
    """The text of inline spans: gaps as their ``[[...]]`` marker, breaks as newlines."""
    return "".join("\n" if s.kind == "break" else s.text for s in spans)


@dataclass(frozen=True)
class Heading:
    """Consecutive heading lines of one level: one centred paragraph with line breaks."""

    level: int
    lines: tuple[Inline, ...]

    @property
    def texts(self) -> tuple[str, ...]:
        """Each line as plain text."""
        return tuple(plain(line) for line in self.lines)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph, with its ayat/huruf/number label split off when it has one."""

    kind: ParagraphKind
    label: str
    spans: Inline

    @property
    def text(self) -> str:
        """The paragraph as plain text, without its label."""
        return plain(self.spans)


@dataclass(frozen=True)
class Table:
    """A pipe table; ``signature`` when marked ``<!-- ksd:ttd -->`` (no borders, centred)."""

    header: tuple[Inline, ...]
    align: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    signature: bool = False


@dataclass(frozen=True)
class PageBreak:
    """``<!-- ksd:halaman-baru -->``, or ``<!-- ksd:lanskap -->``: the rest in landscape."""

    landscape: bool = False


Block = Heading | Paragraph | Table | PageBreak


# Reading the Markdown ---------------------------------------------------------------------------


def parse_markdown(text: str) -> list[Block]:
    """The blocks of a naskah body, read by markdown-it-py (CommonMark and pipe tables)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = parser.parse(xml_text(_strip_front_matter(text)))
    reader = _Reader()
    reader.read(tokens)
    return reader.blocks


def _strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


@dataclass
class _Reader:
    """Turns markdown-it's token stream into the blocks the writer lays out."""

    blocks: list[Block] = field(default_factory=list)
    signature_next: bool = False
    #: Kinds of the open lists, innermost last: ("ordered", next number) or ("bullet", 0).
    lists: list[list[Any]] = field(default_factory=list)
    quote: int = 0
    #: The paragraph about to be read is the first of a list item.
    item_start: bool = False
    #: The last block was a heading that a heading of the same level continues.
    heading_open: bool = False

    def read(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            index = self._token(tokens, index)

    def _token(self, tokens: list[Token], index: int) -> int:
        token = tokens[index]
        kind = token.type
        if kind != "heading_open":
            self.heading_open = kind == "heading_close" and self.heading_open
        if kind == "heading_open":
            self._heading(int(token.tag[1]), _inline(tokens[index + 1]))
            return index + 3
        if kind == "paragraph_open":
            self._paragraph(_inline(tokens[index + 1]))
            return index + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start", 1) or 1)
            self.lists.append(["ordered" if kind.startswith("ordered") else "bullet", start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            self.item_start = True
        elif kind == "blockquote_open":
            self.quote += 1
        elif kind == "blockquote_close":
            self.quote -= 1
        elif kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                self.blocks.append(Paragraph("code", "", (Span(line, code=True),)))
        elif kind == "html_block":
            self._html(token.content.strip())
        elif kind == "table_open":
            return self._table(tokens, index)
        return index + 1

    def _heading(self, level: int, line: Inline) -> None:
        last = self.blocks[-1] if self.blocks else None
        if self.heading_open and isinstance(last, Heading) and last.level == level:
            self.blocks[-1] = Heading(level, (*last.lines, line))
        else:
            self.blocks.append(Heading(level, (line,)))
        self.heading_open = True

    def _paragraph(self, spans: Inline) -> None:
        if self.lists and self.item_start:
            self.item_start = False
            current = self.lists[-1]
            if current[0] == "ordered":
                label = f"{current[1]}."
                current[1] += 1
                self.blocks.append(Paragraph("nomor", label, spans))
            else:
                self.blocks.append(Paragraph("bullet", "\u2013", spans))
            return
        if self.quote:
            self.blocks.append(Paragraph("quote", "", spans))
            return
        head = spans[0].text if spans and spans[0].kind == "text" else ""
        for kind, pattern in (("ayat", _AYAT), ("butir", _HURUF)):
            match = pattern.match(head)
            if match:
                rest = (Span(head[match.end() :], spans[0].bold, spans[0].italic), *spans[1:])
                label = match.group(0).strip()
                self.blocks.append(Paragraph(kind, label, _drop_empty(rest)))  # type: ignore[arg-type]
                return
        self.blocks.append(Paragraph("plain", "", spans))

    def _html(self, content: str) -> None:
        comment = _COMMENT.match(content)
        if comment is None:
            return  # raw HTML has no place in a naskah: dropped, never shown as text
        directive = comment.group(1)
        if directive == "ksd:ttd":
            self.signature_next = True
        elif directive == "ksd:halaman-baru":
            self.blocks.append(PageBreak())
        elif directive == "ksd:lanskap":
            self.blocks.append(PageBreak(landscape=True))

    def _table(self, tokens: list[Token], index: int) -> int:
        rows: list[tuple[Inline, ...]] = []
        align: list[str] = []
        row: list[Inline] = []
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type in ("th_open", "td_open"):
                style = str(token.attrs.get("style", ""))
                if token.type == "th_open":
                    align.append(style.removeprefix("text-align:") or "left")
                row.append(_inline(tokens[index + 1]) if tokens[index + 1].type == "inline" else ())
            elif token.type == "tr_close":
                rows.append(tuple(row))
                row = []
            index += 1
        self.blocks.append(Table(rows[0], tuple(align), tuple(rows[1:]), self.signature_next))
        self.signature_next = False
        return index + 1


def _inline(token: Token) -> Inline:
    """The spans of an inline token: emphasis, breaks, code, and the gaps of a draft."""
    spans: list[Span] = []
    bold = italic = 0
    for child in token.children or []:
        kind = child.type
        if kind == "text":
            spans.append(Span(child.content, bold > 0, italic > 0))
        elif kind == "softbreak":
            spans.append(Span(" ", bold > 0, italic > 0))
        elif kind == "hardbreak" or (kind == "html_inline" and _BREAK_TAG.match(child.content)):
            spans.append(Span("", kind="break"))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "code_inline":
            spans.append(Span(child.content, bold > 0, italic > 0, code=True))
        elif kind == "image":
            spans.append(Span(child.content, bold > 0, italic > 0))
        # Links keep their text (the text tokens between link_open and link_close); other raw
        # HTML is dropped.
    return _gaps(_merge(spans))


def _merge(spans: list[Span]) -> list[Span]:
    """Adjacent text spans of the same emphasis as one (markdown-it splits text at ``[``)."""
    merged: list[Span] = []
    for span in spans:
        if span.kind == "text" and not span.text:
            continue
        last = merged[-1] if merged else None
        if (
            last is not None
            and span.kind == last.kind == "text"
            and (span.bold, span.italic, span.code) == (last.bold, last.italic, last.code)
        ):
            merged[-1] = Span(last.text + span.text, last.bold, last.italic, last.code)
        else:
            merged.append(span)
    return merged


def _gaps(spans: list[Span]) -> Inline:
    """``[[... belum diisi]]`` markers split off as gaps."""
    result: list[Span] = []
    for span in spans:
        if span.kind != "text" or span.code or "[[" not in span.text:
            result.append(span)
            continue
        for part in _GAP.split(span.text):
            if _GAP.fullmatch(part):
                result.append(Span(part, span.bold, span.italic, kind="gap"))
            elif part:
                result.append(Span(part, span.bold, span.italic))
    return tuple(result)


def _drop_empty(spans: Sequence[Span]) -> Inline:
    return tuple(s for s in spans if s.kind != "text" or s.text)


# Writing the document -------------------------------------------------------------------------


def markdown_to_docx(
    body: str,
    provenance: Provenance,
    *,
    title: str,
    subject: str,
    paraf: Sequence[str] = (),
    english: str | None = None,
) -> bytes:
    """The Word document (.docx bytes) of a naskah body; its provenance in the properties.

    ``paraf`` names the parties (their labels) that initial each page: every page but the
    signature page then carries a small "Paraf" table with one box per party in its footer.
    ``english`` is the English text of a foreign cooperation's naskah, set beside the
    Indonesian one (:mod:`ksd_cli.draft.docx_bilingual`).
    The signature page is a section of its own, from the closing Pasal on.
    """
    from docx import Document

    document = Document()
    _page_setup(document.sections[0], landscape=False)
    _styles(document)
    writer = _Writer(document, _Numbering(document))
    if provenance.draft:
        writer.note(provenance.note())
    blocks: list[Block | Bilingual] = list(parse_markdown(body))
    if english is not None:
        from ksd_cli.draft.docx_bilingual import side_by_side

        blocks = side_by_side(parse_markdown(body), parse_markdown(english))
    writer.signature_page = _signature_page_start(blocks) if paraf else None
    writer.write(blocks)
    for number, section in enumerate(document.sections):
        if number in writer.signature_sections:
            _footer(section, ())
        elif number == 0 or number in writer.paraf_sections:
            _footer(section, paraf, document.styles["Table Grid"])
    _core_properties(document, provenance, title=title, subject=subject)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _styles(document: Any) -> None:
    """Normal, the headings, *Ayat* and *Huruf*: Bookman, black, centred where a naskah is."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(FONT_SIZE_PT)
    _all_scripts(normal.element, FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    # Heading 1: the title block; 2: a Pasal; 3: other headings; 4: centred plain lines.
    for level, bold, before, after in (
        (1, True, 0, 12),
        (2, True, 12, 6),
        (3, True, 12, 6),
        (4, False, 0, 6),
    ):
        style = styles[f"Heading {level}"]
        style.font.name = FONT
        _all_scripts(style.element, FONT)
        style.font.size = Pt(FONT_SIZE_PT)
        style.font.bold = bold
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        fmt = style.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        fmt.keep_with_next = True
        fmt.line_spacing = 1.15
    for name in ("Ayat", "Huruf"):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True


def _all_scripts(element: Any, font: str) -> None:
    """Set the font for every script, so Word does not fall back to the theme font."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def _twips(cm: float) -> str:
    return str(round(cm * 567))


class _Numbering:
    """The document's list numbering: Pasal, ayat and huruf on one multilevel list."""

    OUTLINE = 90
    ORDERED = 91
    BULLET = 92
    #: Lettered items outside any Pasal (the considerations): a list of their own, since a
    #: lower level before the first Pasal would make Word count that Pasal as the second.
    LETTERED = 93

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self.part = document.part.numbering_part.element
        self.qn = qn
        ayat_left, ayat_hanging = INDENT_CM["ayat"]
        huruf_left, huruf_hanging = INDENT_CM["butir"]
        self._abstract(
            self.OUTLINE,
            [
                ("decimal", "Pasal %1", "Heading2", "left", 0.0, 0.0, "nothing"),
                ("decimal", "(%2)", "Ayat", "left", ayat_left, ayat_hanging, "tab"),
                (
                    "lowerLetter",
                    "%3.",
                    "Huruf",
                    "left",
                    huruf_left + BUTIR_IN_AYAT_CM,
                    huruf_hanging,
                    "tab",
                ),
            ],
        )
        left, hanging = INDENT_CM["nomor"]
        self._abstract(self.ORDERED, [("decimal", "%1.", None, "left", left, hanging, "tab")])
        self._abstract(self.BULLET, [("bullet", "\u2013", None, "left", left, hanging, "tab")])
        self._abstract(
            self.LETTERED, [("lowerLetter", "%1.", None, "left", huruf_left, huruf_hanging, "tab")]
        )
        self.outline = self.instance(self.OUTLINE)
        for style, level in (("Heading 2", 0), ("Ayat", 1), ("Huruf", 2)):
            self._link_style(document.styles[style], level)

    def _abstract(
        self, number: int, levels: list[tuple[str, str, str | None, str, float, float, str]]
    ) -> None:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        xml = [f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}">']
        xml.append('<w:multiLevelType w:val="multilevel"/>')
        for level, (fmt, text, style, jc, left, hanging, suffix) in enumerate(levels):
            xml.append(f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>')
            if style:
                xml.append(f'<w:pStyle w:val="{style}"/>')
            xml.append(f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/>')
            xml.append(f'<w:lvlJc w:val="{jc}"/><w:pPr>')
            if suffix == "tab":
                xml.append(f'<w:tabs><w:tab w:val="num" w:pos="{_twips(left)}"/></w:tabs>')
            xml.append(f'<w:ind w:left="{_twips(left)}" w:hanging="{_twips(hanging)}"/></w:pPr>')
            xml.append("</w:lvl>")
        xml.append("</w:abstractNum>")
        element = parse_xml("".join(xml))
        first_num = self.part.find(self.qn("w:num"))
        if first_num is not None:
            first_num.addprevious(element)
        else:
            self.part.append(element)

    def instance(self, abstract: int, restart: bool = False) -> int:
        """A new ``w:num`` of ``abstract``; ``restart`` starts its first level from 1 again."""
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        used = [int(n.get(self.qn("w:numId"))) for n in self.part.findall(self.qn("w:num"))]
        number = max(used, default=0) + 1
        override = (
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
            if restart
            else ""
        )
        self.part.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{number}">'
                f'<w:abstractNumId w:val="{abstract}"/>{override}</w:num>'
            )
        )
        return number

    def _link_style(self, style: Any, level: int) -> None:
        ppr = style.element.get_or_add_pPr()
        ppr.get_or_add_numPr().get_or_add_numId().val = self.outline
        ppr.get_or_add_numPr().get_or_add_ilvl().val = level


def set_numbering(paragraph: Any, number: int, level: int) -> None:
    """Number ``paragraph`` with list ``number`` at ``level`` (0: no numbering)."""
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = ppr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = number


@dataclass
class _Writer:
    """Lays the blocks out, keeping the counters Word's numbering will show."""

    document: Any
    numbering: _Numbering
    landscape: bool = False
    pasal: int = 0
    ayat: int = 0
    huruf: int = 0
    in_ayat: bool = False
    #: The ``w:num`` of the ordered or bullet list being written, and its kind.
    list_number: int = 0
    list_kind: str = ""
    #: The block that starts the signature page (a section without the paraf column).
    signature_page: int | None = None
    #: Positions of the sections of signature pages (python-docx moves the ``sectPr``
    #: elements as sections are added, so positions are what stays put).
    signature_sections: list[int] = field(default_factory=list)
    #: Positions of later sections (a lampiran) that carry the paraf column again.
    paraf_sections: list[int] = field(default_factory=list)
    #: Inside a bilingual table's cell: Pasal, ayat and huruf numbers as written, not as
    #: Word's numbering (which would run on from one column into the other).
    plain_numbers: bool = False
    #: Writing the English column of a bilingual table.
    english: bool = False

    def note(self, text: str) -> None:
        """A draft's first line: small, grey and italic."""
        from docx.shared import Pt, RGBColor

        paragraph = self.document.add_paragraph()
        run = paragraph.add_run(xml_text(text))
        run.font.size = Pt(NOTE_FONT_SIZE_PT)
        run.font.color.rgb = RGBColor(0x60, 0x60, 0x60)
        run.italic = True

    def write(self, blocks: Sequence[Block | Bilingual]) -> None:
        from docx.enum.section import WD_SECTION

        from ksd_cli.draft.docx_bilingual import Bilingual, write_bilingual

        written: list[Any] = []
        for index, block in enumerate(blocks):
            if index == self.signature_page:
                self.document.add_section(WD_SECTION.NEW_PAGE)
                self.signature_sections.append(len(self.document.sections) - 1)
                if isinstance(block, Bilingual):
                    # LibreOffice gives a section that opens with a table the previous
                    # section's footer: an empty line first keeps the page without paraf.
                    self.document.add_paragraph()
            # A quote inside a list (an adendum's new text under its instruction) does not end
            # it: "2." after the quote continues the list.
            if not (isinstance(block, Paragraph) and block.kind in ("nomor", "bullet", "quote")):
                self.list_kind = ""
            if isinstance(block, Bilingual):
                write_bilingual(self, block)
                written.append(None)
            elif isinstance(block, Heading):
                written.append(self.heading(block))
            elif isinstance(block, Paragraph):
                written.append(self.paragraph(block))
            elif isinstance(block, Table):
                if block.signature:
                    # The signature block never stands alone: the two paragraphs before it
                    # ("Demikian ...") go to its page.
                    for paragraph in written[-2:]:
                        if paragraph is not None:
                            paragraph.paragraph_format.keep_with_next = True
                    if written and written[-1] is None and self.document.tables:
                        # After a table (a lampiran's rencana aksi): its last row goes along.
                        for cell in self.document.tables[-1].rows[-1].cells:
                            for paragraph in cell.paragraphs:
                                paragraph.paragraph_format.keep_with_next = True
                self.table(block)
                written.append(None)
            elif block.landscape:
                section = self.document.add_section(WD_SECTION.NEW_PAGE)
                _page_setup(section, landscape=True)
                self.paraf_sections.append(len(self.document.sections) - 1)
                self.landscape = True
            else:
                from docx.enum.text import WD_BREAK

                self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def heading(self, block: Heading) -> Any:
        first = plain(block.lines[0])
        pasal = _PASAL.match(first) if block.level == 2 else None
        lines = block.lines
        if pasal:
            numbered = int(pasal.group(1)) == self.pasal + 1 and not self.plain_numbers
            self.pasal = int(pasal.group(1))
            self.ayat = self.huruf = 0
            self.in_ayat = False
            paragraph = self.document.add_paragraph(style="Heading 2")
            if numbered:
                # "Pasal N" is the numbering of Heading 2; the title follows on the next line.
                for line in lines[1:]:
                    paragraph.add_run().add_break()
                    self.runs(paragraph, line)
                return paragraph
            set_numbering(paragraph, 0, 0)  # a Pasal number the list would not give: as written
        else:
            self.in_ayat = False
            style = {1: "Heading 1", 2: "Heading 3"}.get(block.level, "Heading 4")
            paragraph = self.document.add_paragraph(style=style)
        for number, line in enumerate(lines):
            if number:
                paragraph.add_run().add_break()
            self.runs(paragraph, line)
        return paragraph

    def paragraph(self, block: Paragraph) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        document = self.document
        if block.kind == "ayat":
            expected = f"({self.ayat + 1})"
            self.in_ayat = True
            self.huruf = 0
            if self.pasal and block.label == expected and not self.plain_numbers:
                self.ayat += 1
                paragraph = document.add_paragraph(style="Ayat")
                self.runs(paragraph, block.spans)
                return paragraph
            return self.labelled(block, "ayat", 0.0)
        if block.kind == "butir":
            expected = f"{_letter(self.huruf)}."
            extra = 0.0 if self.in_ayat else -BUTIR_IN_AYAT_CM
            if block.label == expected and not self.plain_numbers:
                self.huruf += 1
                paragraph = document.add_paragraph(style="Huruf")
                if not self.pasal:
                    if self.huruf == 1:
                        self.list_number = self.numbering.instance(_Numbering.LETTERED, True)
                    set_numbering(paragraph, self.list_number, 0)
                elif not self.in_ayat:
                    left, hanging = INDENT_CM["butir"]
                    paragraph.paragraph_format.left_indent = Cm(left)
                    paragraph.paragraph_format.first_line_indent = Cm(-hanging)
                self.runs(paragraph, block.spans)
                return paragraph
            return self.labelled(block, "butir", BUTIR_IN_AYAT_CM + extra)
        if block.kind in ("nomor", "bullet"):
            if self.list_kind != block.kind or block.label == "1.":
                abstract = _Numbering.ORDERED if block.kind == "nomor" else _Numbering.BULLET
                self.list_number = self.numbering.instance(abstract, restart=True)
                self.list_kind = block.kind
            paragraph = document.add_paragraph()
            set_numbering(paragraph, self.list_number, 0)
            self.runs(paragraph, block.spans)
            return paragraph
        paragraph = document.add_paragraph()
        if block.kind == "plain":
            self.in_ayat = False
        if block.kind == "quote":
            paragraph.paragraph_format.left_indent = Cm(1.0)
        if block.kind == "code":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            paragraph.paragraph_format.space_after = Pt(0)
        self.runs(paragraph, block.spans)
        return paragraph

    def labelled(self, block: Paragraph, kind: str, extra_cm: float) -> Any:
        """A paragraph whose label the numbering would not give: the label as text."""
        from docx.shared import Cm

        paragraph = self.document.add_paragraph()
        left, hanging = INDENT_CM[kind]
        left += extra_cm
        fmt = paragraph.paragraph_format
        fmt.left_indent = Cm(left)
        fmt.first_line_indent = Cm(-hanging)
        fmt.tab_stops.add_tab_stop(Cm(left))
        self.runs(paragraph, (Span(f"{block.label}\t"), *block.spans))
        return paragraph

    def runs(
        self, paragraph: Any, spans: Sequence[Span], *, bold: bool = False, size: float = 0
    ) -> None:
        """The spans as runs: emphasis, breaks, unbreakable numbers, italic foreign words."""
        from docx.enum.text import WD_COLOR_INDEX
        from docx.shared import Pt

        for span in spans:
            if span.kind == "break":
                paragraph.add_run().add_break()
                continue
            if span.kind == "gap":
                # The blank a drafter fills in; the comment says which record field it is.
                run = paragraph.add_run(BLANK)
                run.bold = span.bold or bold or None
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                self.document.add_comment(run, text=span.text[2:-2], author="ksd", initials="ksd")
                continue
            # Foreign words are italic in Indonesian text, not in the English text beside it.
            plain_text = span.code or self.english
            pieces = [(span.text, False)] if plain_text else _foreign(span.text)
            for text, foreign in pieces:
                if not text:
                    continue
                run = paragraph.add_run(text if span.code else unbreakable(text))
                run.bold = span.bold or bold or None
                run.italic = span.italic or foreign or None
                if span.code:
                    run.font.name = CODE_FONT
                if size:
                    run.font.size = Pt(size)

    def table(self, table: Table) -> None:
        if table.signature:
            _signature(self, table)
        else:
            _data_table(self, table)


def _letter(index: int) -> str:
    if index < len(_LETTERS):
        return _LETTERS[index]
    return _LETTERS[index // len(_LETTERS) - 1] + _LETTERS[index % len(_LETTERS)]


def _foreign(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, foreign) so foreign words can be set in italics."""
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in _FOREIGN.finditer(text):
        pieces.append((text[last : match.start()], False))
        pieces.append((match.group(0), True))
        last = match.end()
    pieces.append((text[last:], False))
    return pieces


def unbreakable(text: str) -> str:
    """Document numbers kept on one line: non-breaking hyphens, no break after a slash."""

    def keep(match: re.Match[str]) -> str:
        number = match.group(0).replace("-", _NON_BREAKING_HYPHEN)
        return number.replace("/", "/" + _WORD_JOINER)

    return _DOCUMENT_NUMBER.sub(keep, text)


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


def _new_table(writer: _Writer, rows: int, widths: list[float], *, grid: bool) -> Any:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = writer.document
    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if grid:
        table.style = document.styles["Table Grid"]
    for row in table.rows:
        for c, cell in enumerate(row.cells):
            cell.width = Cm(widths[c])
    for c, column in enumerate(table._tbl.tblGrid.findall(qn("w:gridCol"))):
        column.set(qn("w:w"), str(int(Cm(widths[c]).twips)))
    return table


def _row_flags(row: Any, *, header: bool = False) -> None:
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


def _data_table(writer: _Writer, table: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    rows = [table.header, *table.rows]
    widths = _column_widths(table, _text_width(landscape=writer.landscape))
    docx_table = _new_table(writer, len(rows), widths, grid=True)
    for r, values in enumerate(rows):
        row = docx_table.rows[r]
        _row_flags(row, header=r == 0)
        for c in range(len(widths)):
            paragraph = row.cells[c].paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(2)
            align = table.align[c] if c < len(table.align) else "left"
            if r == 0 or align == "center":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif align == "right":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            else:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            value = values[c] if c < len(values) else ()
            writer.runs(paragraph, value, bold=r == 0, size=TABLE_FONT_SIZE_PT)


def _signature(writer: _Writer, table: Table) -> None:
    """The signature block: two parties a row, borderless, centred, kept on one page.

    Each column of the Markdown table is one party; with three or more parties the columns
    are laid out two per row (a last party alone is centred), so no name wraps in a narrow
    column.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    parties = len(table.header)
    per_row = min(parties, SIGNERS_PER_ROW)
    lines = [table.header, *table.rows]
    groups = [list(range(i, min(i + per_row, parties))) for i in range(0, parties, per_row)]
    width = _text_width(landscape=writer.landscape)
    docx_table = _new_table(
        writer, len(lines) * len(groups), [width / per_row] * per_row, grid=False
    )
    for g, group in enumerate(groups):
        for r, values in enumerate(lines):
            row = docx_table.rows[g * len(lines) + r]
            _row_flags(row)
            cells = list(row.cells)
            if len(group) < per_row:
                cells = [cells[0].merge(cells[-1])]
            for cell, column in zip(cells, group, strict=False):
                paragraph = cell.paragraphs[0]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                fmt = paragraph.paragraph_format
                fmt.space_after = Pt(0)
                fmt.keep_with_next = not (g == len(groups) - 1 and r == len(lines) - 1)
                if r == 0:
                    fmt.space_before = Pt(12)
                value = values[column] if column < len(values) else ()
                writer.runs(paragraph, value, bold=r == 0)


def _column_widths(table: Table, text_width_cm: float) -> list[float]:
    """Column widths in cm: each at least its longest word, the rest by the text it holds."""
    columns = len(table.header)
    rows = [table.header, *table.rows]
    cells = [[plain(row[c]) if c < len(row) else "" for row in rows] for c in range(columns)]
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


def _signature_page_start(blocks: Sequence[Block | Bilingual]) -> int | None:
    """Where the signature page starts: the closing Pasal before the first signature block.

    The page holds the Pasal heading (when it is one of the three blocks before the signature),
    the paragraphs between it and the signature, and the signature block itself.
    """
    for index, block in enumerate(blocks):
        if isinstance(block, Table) and block.signature:
            start = index
            for back in range(index - 1, max(index - 4, -1), -1):
                candidate = blocks[back]
                if isinstance(candidate, Heading) and candidate.level == 2:
                    return back
                if not isinstance(candidate, Heading | Paragraph | Table | PageBreak):
                    return back  # the closing Pasal of a bilingual table
                if not isinstance(candidate, Paragraph):
                    break
                start = back if index - back <= 2 else start
            return start if start > 0 else None
    return None


def _paraf_table(footer: Any, parties: Sequence[str], grid: Any) -> None:
    """A small table labelled "Paraf", one box per party, at the right of the footer."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    width = PARAF_BOX_CM * len(parties)
    table = footer.add_table(rows=3, cols=len(parties), width=Cm(width))
    table.style = grid
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    table.autofit = False
    label = table.rows[0].cells[0].merge(table.rows[0].cells[-1])
    cells = [(label, "Paraf")] + [
        (table.rows[1].cells[i], party) for i, party in enumerate(parties)
    ]
    for cell, text in cells:
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.0
        run = paragraph.add_run(text)
        run.font.size = Pt(PARAF_FONT_SIZE_PT)
    table.rows[2].height = Cm(0.9)
    for row in table.rows:
        for cell in row.cells:
            cell.width = Cm(PARAF_BOX_CM)


def _footer(section: Any, paraf: Sequence[str] = (), grid: Any = None) -> None:
    """The page number (a PAGE field), centred, and the paraf column when ``paraf`` is given.

    Nothing else: a signed document carries no provenance in its footer.
    """
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
    if paraf:
        _paraf_table(footer, paraf, grid)


def _core_properties(document: Any, provenance: Provenance, *, title: str, subject: str) -> None:
    from ksd_cli.naming import naskah_title

    properties = document.core_properties
    # The title and subject come as the naskah's Markdown (record text escaped): Word's
    # document properties show them as plain text.
    properties.title = core_text(_markdown_plain(title))
    properties.subject = core_text(_markdown_plain(subject))
    properties.author = "ksd"
    properties.last_modified_by = f"ksd {provenance.ksd_version}"
    properties.category = naskah_title(provenance.jenis)
    properties.identifier = provenance.record_id
    properties.version = provenance.ksd_version
    properties.keywords = core_text(
        "; ".join(
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
    )
    properties.comments = core_text(provenance.line())
    generated = datetime.combine(provenance.generated, time())
    properties.created = generated
    properties.modified = generated
    properties.revision = 1


#: The most characters a document property holds (python-docx refuses a longer value).
CORE_TEXT_MAX = 255


def core_text(value: str) -> str:
    """``value`` as a document property holds it: XML characters, at most 255 of them.

    A longer text (a naskah's title names every party and its whole subject) is cut at the
    last space that leaves room for an ellipsis.
    """
    value = " ".join(xml_text(value).split())
    if len(value) <= CORE_TEXT_MAX:
        return value
    cut = value[: CORE_TEXT_MAX - 1]
    space = cut.rfind(" ")
    return f"{cut[:space] if space > CORE_TEXT_MAX // 2 else cut}\u2026"


def _markdown_plain(text: str) -> str:
    """The plain text of one line of the naskah's Markdown (its escapes read back)."""
    texts: list[str] = []
    for block in parse_markdown(text):
        if isinstance(block, Paragraph):
            texts.append(block.text)
        elif isinstance(block, Heading):
            texts.extend(block.texts)
    return " ".join(texts)
