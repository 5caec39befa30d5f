"""Headings, labels and notes of the output writers: stalled, show, diff and the report."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # ksd stalled
    "stalled.title": (
        "Kerja sama yang perlu perhatian per {tanggal}",
        "Cooperation needing attention as of {tanggal}",
    ),
    "stalled.none": ("Tidak ada temuan per {tanggal}.", "No findings as of {tanggal}."),
    "stalled.none-short": ("Tidak ada temuan.", "No findings."),
    "stalled.summary": (
        "{flags} temuan pada {flagged} dari {records} rekaman",
        "{flags} findings on {flagged} of {records} records",
    ),
    "stalled.invalid": (
        "{count} rekaman tidak valid dan tidak dinilai",
        "{count} records are not valid and were not assessed",
    ),
    "stalled.run-validate": ("jalankan `ksd validate`", "run `ksd validate`"),
    "stalled.errors": ("{count} galat", "{count} errors"),
    "col.id": ("ID", "ID"),
    "col.temuan": ("Temuan", "Finding"),
    "col.kode-temuan": ("Kode temuan", "Finding code"),
    "col.kategori": ("Kategori", "Category"),
    "col.hari": ("Hari", "Days"),
    "col.batas": ("Batas", "Limit"),
    "col.batas-hari": ("Batas (hari)", "Limit (days)"),
    "col.keterangan": ("Keterangan", "Details"),
    "col.tahap": ("Tahap", "Stage"),
    "col.jumlah": ("Jumlah", "Count"),
    "col.judul": ("Judul", "Title"),
    "col.sejak": ("Sejak", "Since"),
    "col.mitra": ("Mitra", "Partners"),
    "col.perangkat-daerah": ("Perangkat daerah", "Regional agencies"),
    "sheet.temuan": ("Temuan", "Findings"),
    "sheet.ringkasan": ("Ringkasan", "Summary"),
}
