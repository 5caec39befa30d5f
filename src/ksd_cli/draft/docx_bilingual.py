"""A foreign cooperation's naskah in Word: Indonesian and English side by side, Pasal by Article.

Both texts are read into blocks and cut at each Pasal (Article); the pieces pair up in the
rows of a two-column table, Indonesian left. One signature block, the Indonesian text's,
follows the table. When the two texts do not have the same number of Pasal (a repository's
own template), they are set one after the other instead, in two parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ksd_cli.draft.docx import Block, Heading, PageBreak, Table, plain

if TYPE_CHECKING:
    from ksd_cli.draft.docx import _Writer

#: A level-2 heading that opens a Pasal or an Article.
_PASAL = re.compile(r"^(Pasal|Article) \d+[A-Z]?$")
#: Space between the two columns, each side, in cm.
_GUTTER_CM = 0.2


@dataclass(frozen=True)
class Bilingual:
    """Rows of (Indonesian blocks, English blocks), set side by side in a borderless table."""

    rows: tuple[tuple[tuple[Block, ...], tuple[Block, ...]], ...]


def side_by_side(indonesian: list[Block], english: list[Block]) -> list[Block | Bilingual]:
    """The blocks of the bilingual document: paired rows, then the signatures.

    The last row (the closing Pasal) is a block of its own, so that it goes to the signature
    page with the signatures and they never stand alone. An annex (a Lampiran on a page of
    its own after the signatures) follows in Indonesian, then in English.
    """
    id_main, tail = _split_signature(indonesian)
    en_main, en_tail = _split_signature(english)
    id_parts, en_parts = _sections(id_main), _sections(en_main)
    if len(id_parts) != len(en_parts):
        return [*id_main, *tail, PageBreak(), *en_main]
    rows = tuple(zip(id_parts, en_parts, strict=True))
    head = [Bilingual(rows[:-1])] if len(rows) > 1 else []
    return [*head, Bilingual(rows[-1:]), *tail, *_annex(en_tail)]


def _annex(tail: list[Block]) -> list[Block]:
    """What follows the signatures on a page of its own (a Lampiran), else nothing."""
    for index, block in enumerate(tail):
        if isinstance(block, PageBreak):
            return tail[index:]
    return []


def write_bilingual(writer: _Writer, block: Bilingual) -> None:
    """The rows as a two-column table, each cell written as the body would be."""
    from ksd_cli.draft.docx import _new_table, _text_width

    width = _text_width(landscape=writer.landscape) / 2
    table = _new_table(writer, len(block.rows), [width, width], grid=False)
    document = writer.document
    for row, pair in zip(table.rows, block.rows, strict=True):
        for column, (cell, blocks) in enumerate(zip(row.cells, pair, strict=True)):
            signature_page = writer.signature_page
            writer.english = column == 1
            writer.document = _CellTarget(cell, document)
            writer.plain_numbers = True
            writer.signature_page = None  # an index into the body's blocks, not a cell's
            writer.pasal = writer.ayat = writer.huruf = 0
            try:
                writer.write(list(blocks))
            finally:
                writer.document = document
                writer.plain_numbers = writer.english = False
                writer.signature_page = signature_page
            _drop_first_empty(cell)


class _CellTarget:
    """Where the writer adds paragraphs and tables: a table cell; everything else the document."""

    def __init__(self, cell: Any, document: Any) -> None:
        self._cell = cell
        self._document = document

    def add_paragraph(self, text: str = "", style: Any = None) -> Any:
        return self._cell.add_paragraph(text, style)

    def add_table(self, rows: int, cols: int) -> Any:
        return self._cell.add_table(rows, cols)

    @property
    def tables(self) -> Any:
        return self._cell.tables

    def __getattr__(self, name: str) -> Any:
        return getattr(self._document, name)


def _drop_first_empty(cell: Any) -> None:
    """A new cell's own empty paragraph, when the cell got others."""
    paragraphs = cell.paragraphs
    if len(paragraphs) > 1 and not paragraphs[0].text:
        element = paragraphs[0]._element
        element.getparent().remove(element)


def _split_signature(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """The blocks before the first signature table, and the rest."""
    for index, block in enumerate(blocks):
        if isinstance(block, Table) and block.signature:
            return blocks[:index], blocks[index:]
    return blocks, []


def _sections(blocks: list[Block]) -> list[tuple[Block, ...]]:
    """The blocks cut before each Pasal (Article) heading; the opening is the first piece."""
    parts: list[list[Block]] = [[]]
    for block in blocks:
        if (
            isinstance(block, Heading)
            and block.level == 2
            and _PASAL.match(plain(block.lines[0]))
            and parts[-1]
        ):
            parts.append([])
        parts[-1].append(block)
    return [tuple(p) for p in parts if p]
