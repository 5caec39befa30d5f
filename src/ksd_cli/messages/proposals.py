"""Messages of the lifecycle before signing (record format v1.1): events, steps, new flags."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # Events that are not stages (models.JenisPeristiwa)
    "peristiwa.permohonan": ("Permohonan kerja sama", "Cooperation request"),
    "peristiwa.penawaran_dikirim": ("Surat penawaran dikirim", "Offer letter sent"),
    "peristiwa.penawaran_diterima": ("Surat penawaran diterima", "Offer letter received"),
    "peristiwa.surat_tanggapan": ("Surat tanggapan", "Reply letter"),
    "peristiwa.pembahasan_tkksd": ("Pembahasan TKKSD", "TKKSD discussion"),
    "peristiwa.disetujui": ("Disetujui untuk dilanjutkan", "Approved to proceed"),
    "peristiwa.ditolak": ("Ditolak", "Rejected"),
    "peristiwa.dikembalikan": ("Dikembalikan untuk diperbaiki", "Returned for revision"),
    "peristiwa.ditunda": ("Ditunda", "Put on hold"),
    # A proposal rejected, with nothing after the rejection
    "status.ditolak": ("Ditolak", "Rejected"),
    # The last step of a proposal, as a sentence opens: "Rancangan KB disusun 25 Januari 2024"
    "langkah.tahap.identifikasi": ("Identifikasi", "Identification"),
    "langkah.tahap.penawaran": ("Tahap penawaran", "Offer stage"),
    "langkah.tahap.penyusunan_kb": ("Penyusunan rancangan KB", "Drafting of the KB"),
    "langkah.tahap.penandatanganan_kb": ("Penandatanganan KB", "KB signing"),
    "langkah.tahap.penyusunan_pks": ("Penyusunan rancangan PKS", "Drafting of the PKS"),
    "langkah.tahap.persetujuan_dprd": ("Persetujuan DPRD", "DPRD approval"),
    "langkah.tahap.penandatanganan_pks": ("Penandatanganan PKS", "PKS signing"),
    "langkah.tahap.pelaksanaan": ("Pelaksanaan", "Implementation"),
    "langkah.tahap.monev": ("Monev", "Monitoring and evaluation"),
    "langkah.tahap.berakhir": ("Berakhir", "Ended"),
    "langkah.monev": ("Monev", "Monitoring and evaluation"),
    "langkah.dprd_permohonan": ("Permohonan persetujuan DPRD", "DPRD approval requested"),
    "langkah.dprd_keputusan": ("Keputusan DPRD", "DPRD decision"),
    "langkah.naskah": ("{naskah} ditandatangani", "{naskah} signed"),
    # Flags (naming.FLAG_CODES)
    "flag.usulan_tanpa_kemajuan": ("Usulan tanpa kemajuan", "Proposal not moving"),
    "flag.penawaran_tanpa_jawaban": ("Penawaran tanpa jawaban", "Offer unanswered"),
    "stalled.usulan_tanpa_kemajuan": (
        "{langkah} {tanggal}; tidak ada kemajuan setelah {days} hari (batas {threshold} hari)",
        "{langkah} {tanggal}; no progress after {days} days (limit {threshold} days)",
    ),
    "stalled.penawaran_tanpa_jawaban": (
        "{langkah} {tanggal}; belum ada tanggapan, pembahasan, atau tahap berikutnya setelah "
        "{days} hari (batas {threshold} hari)",
        "{langkah} {tanggal}; no reply, discussion or later stage after {days} days "
        "(limit {threshold} days)",
    ),
    # A sinergi's memorandum is followed by a nota kesepakatan, not by a PKS
    "stalled.kb_tanpa_pks.sinergi": (
        "{naskah_label} ditandatangani {ttd}; belum ada Nota Kesepakatan setelah {days} hari "
        "(batas {threshold} hari)",
        "{naskah_label} signed {ttd}; no Nota Kesepakatan after {days} days "
        "(limit {threshold} days)",
    ),
    "stalled.kb_kedaluwarsa_tanpa_pks.sinergi": (
        "{naskah_label} ditandatangani {ttd} telah berakhir {sampai} tanpa pernah "
        "ditindaklanjuti Nota Kesepakatan",
        "{naskah_label} signed {ttd} ended {sampai} without ever being followed by a Nota "
        "Kesepakatan",
    ),
    # One finding per cause: a flag that several documents of one record share
    "stalled.grouped": (
        "{text} (temuan yang sama pada {count} naskah: ke-{daftar})",
        "{text} (the same finding on {count} documents: nos. {daftar})",
    ),
    "col.naskah": ("Naskah", "Documents"),
}
