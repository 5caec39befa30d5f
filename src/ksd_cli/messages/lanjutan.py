"""Messages of the cross-area follow-ups after the v1.1 merge: month dates, unknown ends."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "lanjutan.term-from-month": (
        'masa berlaku "{value}" dihitung dari tanggal penandatanganan yang hanya sampai bulan, '
        "jadi hari terakhirnya tidak diketahui: berlaku_sampai menjadi tidak_diketahui (isi "
        "kolom Berlaku Mulai atau Berlaku Hingga bila tanggalnya diketahui)",
        'term "{value}" counts from a signing date known only to the month, so its last day is '
        "not known: berlaku_sampai becomes tidak_diketahui (fill in Berlaku Mulai or Berlaku "
        "Hingga if the date is known)",
    ),
    "lanjutan.sampai-tidak-diketahui": (
        "Masa berlaku tidak diketahui (naskah yang berlaku tidak menyebut sampai kapan)",
        "Validity end unknown (a document in force does not say until when)",
    ),
}
