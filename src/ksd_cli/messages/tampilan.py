"""Messages of ``ksd show``'s text view: its lines, table titles and columns."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "show.potential-line": (
        "urusan {urusan} · prioritas {prioritas} · pemetaan {tahun}",
        "affair {urusan} · priority {prioritas} · mapped in {tahun}",
    ),
    "show.followed-by": ("ditindaklanjuti oleh: {records}", "followed up by: {records}"),
    "show.not-followed": ("belum ada kerja sama", "no agreement yet"),
    "show.agreement-line": (
        "{jenis} · status {status} · tahap terakhir {tahap} (per {tanggal})",
        "{jenis} · status {status} · latest stage {tahap} (as of {tanggal})",
    ),
    "show.parties": ("Pihak", "Parties"),
    "show.col.peran": ("Peran", "Role"),
    "show.col.nama": ("Nama", "Name"),
    "show.col.tipe": ("Jenis pihak", "Kind of party"),
    "show.tipe.pemda": ("Pemerintah daerah", "Regional government"),
    "show.tipe.pihak_ketiga": ("Pihak ketiga", "Third party"),
    "show.tipe.kementerian_lembaga": ("Kementerian/lembaga", "Ministry or agency"),
    "show.tipe.pemda_luar_negeri": ("Pemerintah daerah luar negeri", "Foreign local government"),
    "show.tipe.lembaga_luar_negeri": ("Lembaga luar negeri", "Foreign institution"),
    "show.timeline": ("Tahapan", "Stages"),
    "show.col.tahap": ("Tahap", "Stage"),
    "show.col.tanggal": ("Tanggal", "Date"),
    "show.documents": ("Naskah", "Documents"),
    "show.no-documents": ("belum ada", "none yet"),
    "show.col.jenis": ("Jenis", "Kind"),
    "show.col.nomor": ("Nomor", "Number"),
    "show.col.ttd": ("Tanggal ttd", "Signed"),
    "show.col.berlaku": ("Masa berlaku", "In force"),
    "show.col.status": ("Keadaan", "State"),
    "show.doc.berlaku": ("berlaku", "in force"),
    "show.doc.berakhir": ("berakhir", "ended"),
    "show.doc.belum-berlaku": ("belum berlaku", "not yet in force"),
    "show.doc.draf": ("draf", "draft"),
    "show.flags": ("Temuan", "Findings"),
    "show.no-flags": ("Tidak ada temuan.", "No findings."),
}
