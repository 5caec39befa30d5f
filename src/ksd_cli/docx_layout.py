"""The page and type of the documents ksd writes in Word besides the naskah (laporan, pemetaan).

python-docx is imported inside each function, so importing this module costs nothing.
"""

from __future__ import annotations

from typing import Any

#: The typeface of the documents, as Indonesian government documents commonly use.
FONT = "Bookman Old Style"


def set_styles(document: Any) -> None:
    """Body text and headings in ``FONT``, 11 pt, headings in black."""
    from docx.shared import Pt

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    for name in ("Heading 1", "Heading 2", "Title"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.color.rgb = None


def portrait_a4(section: Any) -> None:
    """An A4 portrait page with a 3 cm binding margin on the left and 2.5 cm elsewhere."""
    from docx.shared import Cm

    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = Cm(3)
    section.right_margin = section.top_margin = section.bottom_margin = Cm(2.5)


def repeat_header(row: Any) -> None:
    """Mark ``row`` as a header row that Word and LibreOffice repeat on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)
