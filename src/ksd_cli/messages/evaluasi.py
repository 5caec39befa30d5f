"""Messages of the report remainder (issue 13): v1.1 in the report, neighbours, the TKKSD."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # A letter of intent alone: never "aktif", never "in force forever".
    "status.pernyataan_kehendak": ("Pernyataan kehendak", "Letter of intent only"),
}
