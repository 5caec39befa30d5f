"""Messages of drafting a naskah that the naskah work added: the PDF form."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {}
