"""Messages of drafting a naskah that the naskah work added: the PDF form."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "draft.pdf-no-soffice": (
        "PDF dibuat melalui LibreOffice, tetapi LibreOffice (soffice) tidak terpasang",
        "PDF is made through LibreOffice, but LibreOffice (soffice) is not installed",
    ),
    "draft.pdf-no-soffice.hint": (
        "pasang LibreOffice (mis. apt install libreoffice-writer), atau tulis --format docx "
        "dan simpan sebagai PDF dari Word",
        "install LibreOffice (e.g. apt install libreoffice-writer), or write --format docx "
        "and save it as PDF from Word",
    ),
    "draft.pdf-failed": (
        "LibreOffice gagal mengubah naskah menjadi PDF: {reason}",
        "LibreOffice could not convert the naskah to PDF: {reason}",
    ),
    "draft.pdf-failed.hint": (
        "tulis --format docx dan simpan sebagai PDF dari Word atau LibreOffice",
        "write --format docx and save it as PDF from Word or LibreOffice",
    ),
}
