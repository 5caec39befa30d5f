"""The page and type shared by the laporan and pemetaan documents."""

from __future__ import annotations

from docx import Document
from docx.shared import Pt

from ksd_cli.docx_layout import FONT, portrait_a4, repeat_header, set_styles


def test_styles_page_and_repeated_header_row() -> None:
    document = Document()
    set_styles(document)
    assert document.styles["Normal"].font.name == FONT
    assert document.styles["Normal"].font.size == Pt(11)
    assert document.styles["Heading 1"].font.name == FONT
    section = document.sections[0]
    portrait_a4(section)
    width, height = section.page_width, section.page_height
    left, right = section.left_margin, section.right_margin
    assert width is not None and height is not None and left is not None and right is not None
    assert (round(width.cm, 1), round(height.cm, 1)) == (21.0, 29.7)
    assert round(left.cm, 1) == 3.0 and round(right.cm, 1) == 2.5
    table = document.add_table(rows=2, cols=1)
    repeat_header(table.rows[0])
    assert "w:tblHeader" in table.rows[0]._tr.xml
    assert "w:tblHeader" not in table.rows[1]._tr.xml
