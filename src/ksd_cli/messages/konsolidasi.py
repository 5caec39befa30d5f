"""Catalog entries of ``ksd consolidate``: sources, the table per region, partner findings."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # Sources
    "konsolidasi.list-unreadable": (
        "Daftar sumber {file} tidak dapat dibaca: {reason}",
        "The source list {file} cannot be read: {reason}",
    ),
    "konsolidasi.list-invalid": (
        "Daftar sumber {file} tidak sah: {reason}",
        "The source list {file} is not valid: {reason}",
    ),
    "konsolidasi.list-invalid.hint": (
        "lihat docs/konsolidasi.md untuk bentuk ksd-konsolidasi.toml",
        "see docs/konsolidasi.md for the form of ksd-konsolidasi.toml",
    ),
    "konsolidasi.source-option": (
        "sumber {source} tampak seperti opsi, bukan folder atau URL",
        "source {source} looks like an option, not a folder or URL",
    ),
    "konsolidasi.source-missing": (
        "sumber {source} tidak ditemukan (bukan folder dan bukan URL git)",
        "source {source} not found (neither a folder nor a git URL)",
    ),
    "konsolidasi.not-a-repository": (
        "{source} bukan repositori data ksd (tidak ada ksd.toml di folder itu atau subfoldernya)",
        "{source} is not a ksd data repository (no ksd.toml in it or its sub-folders)",
    ),
    "konsolidasi.not-cached": (
        "sumber {source} belum pernah diunduh, sedangkan --offline diminta",
        "source {source} was never fetched, and --offline was asked for",
    ),
    "konsolidasi.not-cached.hint": (
        "jalankan sekali tanpa --offline",
        "run once without --offline",
    ),
    "konsolidasi.clone-failed": (
        "sumber {source} tidak dapat diunduh: {reason}",
        "source {source} cannot be fetched: {reason}",
    ),
    "konsolidasi.read-failed": (
        "repositori tidak dapat dibaca ({error})",
        "the repository cannot be read ({error})",
    ),
    "konsolidasi.code-mismatch": (
        "daftar sumber menyebut kode {listed}, repositori milik {owner}",
        "the source list says {listed}, the repository belongs to {owner}",
    ),
    "konsolidasi.no-sources": (
        "tidak ada sumber, dan folder ini tidak berisi ksd-konsolidasi.toml: sebutkan folder, "
        "URL git, atau ksd-konsolidasi.toml",
        "no sources, and this folder has no ksd-konsolidasi.toml: name folders, git URLs or a "
        "ksd-konsolidasi.toml",
    ),
    "konsolidasi.expected-invalid": (
        "{value!r} bukan provinsi, semua, atau daftar kode wilayah dipisah koma",
        "{value!r} is not provinsi, semua/all, or a comma-separated list of region codes",
    ),
    "konsolidasi.export-missing": (
        "--export-db memerlukan pyarrow (dan duckdb untuk .duckdb), yang belum terpasang",
        "--export-db needs pyarrow (and duckdb for .duckdb), which is not installed",
    ),
    "konsolidasi.export-missing.hint": (
        "pasang dengan: pip install 'ksd-cli[konsolidasi]'",
        "install it with: pip install 'ksd-cli[konsolidasi]'",
    ),
    "konsolidasi.export-suffix": (
        "{path}: berkas ekspor harus berakhiran .parquet atau .duckdb",
        "{path}: the export file must end in .parquet or .duckdb",
    ),
    # The consolidation
    "konsolidasi.title": ("Konsolidasi Kerja Sama Daerah", "Consolidated Regional Cooperation"),
    "konsolidasi.keadaan-per": ("Keadaan per {date}", "As of {date}"),
    "konsolidasi.summary": (
        "{regions} repositori daerah dibaca, {invalid} tidak lolos validasi, {unread} tidak "
        "terbaca; {pairs} pasangan rekaman cermin, {differences} selisih; {one_sided} tercatat "
        "sepihak; {missing} daerah belum melapor.",
        "{regions} regional repositories read, {invalid} not validating, {unread} unreadable; "
        "{pairs} mirrored pairs, {differences} differences; {one_sided} recorded by one side "
        "only; {missing} regions not reporting.",
    ),
    "konsolidasi.ringkasan": ("Ringkasan per daerah", "Summary per region"),
    "konsolidasi.temuan-lintas": ("Temuan lintas daerah", "Cross-regional findings"),
    "konsolidasi.pemetaan": ("Pemetaan per daerah", "Mapping per region"),
    "konsolidasi.belum-melapor": ("Belum melapor", "Not reporting"),
    "konsolidasi.rekaman-gagal": (
        "Rekaman yang tidak lolos validasi",
        "Records that do not validate",
    ),
    # A sheet's name holds 31 characters at most: a shorter name where the title is longer.
    "konsolidasi.lembar.rekaman-gagal": (
        "Rekaman tidak lolos validasi",
        "Records that do not validate",
    ),
    "konsolidasi.tidak-terbaca": ("Repositori tidak terbaca", "Unreadable repositories"),
    "konsolidasi.pasangan": ("Rekaman cermin yang berselisih", "Mirrored records that disagree"),
    "konsolidasi.sepihak": ("Tercatat sepihak", "Recorded by one side only"),
    "konsolidasi.peringkat": (
        "Peringkat: persentase KB yang diikuti PKS",
        "Ranking: share of KBs followed by a PKS",
    ),
    "konsolidasi.expected.provinsi": (
        "Diharapkan: provinsi dan kabupaten/kota dari setiap provinsi yang hadir.",
        "Expected: the province and kabupaten/kota of every province present.",
    ),
    "konsolidasi.expected.semua": (
        "Diharapkan: seluruh daerah dalam daftar kode wilayah.",
        "Expected: every region of the code list.",
    ),
    "konsolidasi.expected.daftar": (
        "Diharapkan: daerah yang disebut daftar sumber.",
        "Expected: the regions named by the source list.",
    ),
    "konsolidasi.none": ("Tidak ada.", "None."),
    "konsolidasi.lolos": ("lolos", "passes"),
    "konsolidasi.gagal": ("gagal", "fails"),
    "konsolidasi.tidak-terbaca-singkat": ("tidak terbaca", "unreadable"),
    "konsolidasi.col.no": ("No.", "No."),
    "konsolidasi.col.kode": ("Kode", "Code"),
    "konsolidasi.col.daerah": ("Daerah", "Region"),
    "konsolidasi.col.sumber": ("Sumber", "Source"),
    "konsolidasi.col.validasi": ("Validasi", "Validation"),
    "konsolidasi.col.error": ("Error", "Errors"),
    "konsolidasi.col.peringatan": ("Peringatan", "Warnings"),
    "konsolidasi.col.commit": ("Commit terakhir", "Last commit"),
    "konsolidasi.col.perjanjian": ("KS", "Agr."),
    "konsolidasi.col.aktif": ("Aktif", "Active"),
    "konsolidasi.col.kb": ("KB ditandatangani", "KBs signed"),
    "konsolidasi.col.kb-pks": ("KB diikuti PKS", "KBs followed by a PKS"),
    "konsolidasi.col.kb-muda": (
        "KB belum jatuh tempo (di luar rasio)",
        "KBs not yet due (outside the ratio)",
    ),
    "konsolidasi.col.konversi": ("Konversi KB→PKS", "KB→PKS conversion"),
    "konsolidasi.col.konversi-singkat": ("KB→PKS", "KB→PKS"),
    "konsolidasi.col.macet": ("Macet", "Stalled"),
    "konsolidasi.col.monev": ("Monev tahun ini", "Monev this year"),
    "konsolidasi.col.tanpa-monev": ("Berlaku tanpa monev", "In force without monev"),
    "konsolidasi.col.potensi": ("Potensi", "Potentials"),
    "konsolidasi.col.urusan": ("Urusan terpetakan", "Urusan mapped"),
    "konsolidasi.col.rkpd": ("Potensi dalam RKPD", "Potentials in the RKPD"),
    "konsolidasi.col.tindak-lanjut": ("Potensi ditindaklanjuti", "Potentials followed up"),
    "konsolidasi.col.tanpa-tindak-lanjut": (
        "Prioritas tinggi tanpa tindak lanjut",
        "High priority not followed up",
    ),
    "konsolidasi.col.tingkat": ("Tingkat", "Level"),
    "konsolidasi.col.temuan": ("Temuan", "Finding"),
    "konsolidasi.col.rekaman": ("Rekaman", "Record"),
    "konsolidasi.col.nilai": ("Nilai", "Value"),
    "konsolidasi.col.letak": ("Letak", "Position"),
    "konsolidasi.col.mitra": ("Mitra", "Partner"),
    "konsolidasi.col.path": ("Berkas", "File"),
    "konsolidasi.col.id": ("ID", "ID"),
    "konsolidasi.col.masalah": ("Masalah", "Problem"),
    "konsolidasi.belum-memetakan": ("belum memetakan potensi", "no potentials mapped"),
    # How a pair was matched
    "konsolidasi.cara.rekaman_mitra": ("rekaman_mitra", "rekaman_mitra"),
    "konsolidasi.cara.nomor": ("nomor naskah", "document number"),
    "konsolidasi.cara.kemiripan": (
        "pihak, jenis, tanggal dan judul",
        "parties, kind, date and title",
    ),
    # Differences
    "konsolidasi.selisih.tanggal_ttd": ("Tanggal penandatanganan berbeda", "Signing dates differ"),
    "konsolidasi.selisih.nomor": ("Nomor naskah berbeda", "Document numbers differ"),
    "konsolidasi.selisih.berlaku_mulai": (
        "Tanggal mulai berlaku berbeda",
        "Start of validity differs",
    ),
    "konsolidasi.selisih.berlaku_sampai": (
        "Tanggal akhir berlaku berbeda",
        "End of validity differs",
    ),
    "konsolidasi.selisih.naskah_sepihak": (
        "Naskah ditandatangani hanya tercatat di satu pihak",
        "A signed document recorded by one side only",
    ),
    "konsolidasi.selisih.tahap": ("Tahap terakhir berbeda", "Stage reached differs"),
    "konsolidasi.selisih.status": ("Status berbeda", "Status differs"),
    "konsolidasi.selisih.sepihak": ("Tercatat sepihak", "Recorded by one side only"),
    "konsolidasi.sepihak-detail": (
        "tidak ada rekaman padanannya di {mitra}{note}",
        "no matching record in {mitra}{note}",
    ),
    "konsolidasi.sepihak-no-repo": (
        " (daerah itu tidak punya repositori di antara sumber)",
        " (that region has no repository among the sources)",
    ),
    "konsolidasi.pihak": ("nomor {pihak}", "number of {pihak}"),
}
