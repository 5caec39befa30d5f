"""Messages of ``ksd import`` beyond v1 registers: readers, SIKERJA, v1.1 columns, checks."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "impor.reader-missing": (
        "{file}: membaca berkas ini memerlukan paket Python {package}, yang belum terpasang",
        "{file}: reading this file needs the Python package {package}, which is not installed",
    ),
    "impor.reader-missing.hint": (
        "pasang dengan: pip install 'ksd-cli[register]' (atau pip install {package}); atau "
        "simpan ulang berkas sebagai .xlsx",
        "install it with: pip install 'ksd-cli[register]' (or pip install {package}); or save "
        "the file again as .xlsx",
    ),
}
