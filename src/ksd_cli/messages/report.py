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
    "stalled.invalid.one": (
        "{count} rekaman tidak valid dan tidak dinilai",
        "{count} record is not valid and was not assessed",
    ),
    "stalled.run-validate": ("jalankan `ksd validate`", "run `ksd validate`"),
    "stalled.errors": ("{count} galat", "{count} errors"),
    "stalled.errors.one": ("{count} galat", "{count} error"),
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

#: The evaluation report (``ksd report``): titles, column headers, notes, figures, the cover.
LAPORAN: dict[str, tuple[str, str]] = {
    # Document
    "laporan.title": (
        "Laporan Evaluasi Kerja Sama Daerah",
        "Evaluation Report on Regional Government Cooperation",
    ),
    "laporan.daerah": ("Daerah", "Region"),
    "laporan.periode": ("Periode", "Period"),
    "laporan.keadaan-per": ("Keadaan per", "As of"),
    "laporan.sumber": ("Sumber", "Source"),
    "laporan.period-year": ("Tahun {tahun} ({span})", "Year {tahun} ({span})"),
    "laporan.period-span": ("{start} s.d. {end}", "{start} to {end}"),
    "laporan.made-with": (
        "dibuat dengan ksd {version} {source}",
        "made with ksd {version} {source}",
    ),
    "laporan.from-commit": ("dari commit data {commit}", "from data commit {commit}"),
    "laporan.from-no-git": (
        "dari data di luar repositori git",
        "from data outside a git repository",
    ),
    "laporan.uncommitted": (
        " (dengan perubahan yang belum di-commit)",
        " (with uncommitted changes)",
    ),
    "laporan.reading": (
        "Status, tahap dan temuan adalah keadaan per {tanggal}.",
        "Status, stage and findings are as of {tanggal}.",
    ),
    "laporan.reading-events": (
        "Penandatanganan naskah, monev dan pemetaan potensi dihitung bila bertanggal dalam "
        "periode.",
        "Signed documents, monev and mapped potentials are counted when dated within the period.",
    ),
    "laporan.reading-thresholds": (
        "Ambang batas temuan ditetapkan dalam ksd.toml sebagai kebijakan daerah, bukan "
        "ketentuan peraturan.",
        "The thresholds of findings are set in ksd.toml as regional policy, not by regulation.",
    ),
    # The Markdown introduction keeps its line breaks (the golden files hold them).
    "laporan.md-intro": (
        "Status, tahap dan temuan adalah keadaan per {tanggal}. Penandatanganan naskah,\n"
        "monev dan pemetaan potensi dihitung bila bertanggal dalam periode. Ambang batas temuan "
        "ditetapkan\ndalam `ksd.toml` sebagai kebijakan daerah, bukan ketentuan peraturan.",
        "Status, stage and findings are as of {tanggal}. Signed documents, monev and mapped\n"
        "potentials are counted when dated within the period. The thresholds of findings are\n"
        "set in `ksd.toml` as regional policy, not by regulation.",
    ),
    # Records that fail validation were read: they have errors, and are left out of the counts.
    "laporan.md-invalid": (
        "**Perhatian: {count} rekaman memuat galat** dan tidak dihitung\n> dalam laporan "
        "ini. Perbaiki dengan bantuan `ksd validate`.",
        "**Attention: {count} records have errors** and are left out of the counts\n> of "
        "this report. Fix them with the help of `ksd validate`.",
    ),
    "laporan.md-invalid.one": (
        "**Perhatian: {count} rekaman memuat galat** dan tidak dihitung\n> dalam laporan "
        "ini. Perbaiki dengan bantuan `ksd validate`.",
        "**Attention: {count} record has errors** and is left out of the counts\n> of "
        "this report. Fix it with the help of `ksd validate`.",
    ),
    "laporan.invalid-count": (
        "Rekaman yang memuat galat: {count}",
        "Records with errors: {count}",
    ),
    "laporan.invalid-note": (
        "Rekaman ini memuat galat dan tidak dihitung dalam laporan; perbaiki dengan bantuan "
        "`ksd validate`.",
        "These records have errors and are left out of the report's counts; fix them with "
        "the help of `ksd validate`.",
    ),
    "laporan.invalid-stderr": (
        "{count} rekaman memuat galat dan tidak dihitung dalam laporan (jalankan `ksd validate`)",
        "{count} records have errors and are left out of the report's counts (run `ksd validate`)",
    ),
    "laporan.invalid-stderr.one": (
        "{count} rekaman memuat galat dan tidak dihitung dalam laporan (jalankan `ksd validate`)",
        "{count} record has errors and is left out of the report's counts (run `ksd validate`)",
    ),
    "laporan.catatan": ("Catatan", "Note"),
    "laporan.none": ("Tidak ada.", "None."),
    "laporan.yes": ("Ya", "Yes"),
    "laporan.no": ("Tidak", "No"),
    "laporan.not-named": ("(tidak disebutkan)", "(not named)"),
    # Sections (Markdown headings and Excel sheet titles)
    "laporan.section.ringkasan": ("I. Ringkasan", "I. Summary"),
    "laporan.section.rincian": ("II. Rincian", "II. Breakdown"),
    "laporan.section.temuan": ("III. Temuan", "III. Findings"),
    "laporan.section.akan_berakhir": ("IV. Akan berakhir", "IV. Ending soon"),
    "laporan.section.potensi": ("V. Pemetaan potensi", "V. Mapping of potentials"),
    "laporan.section.monev": ("VI. Monitoring dan evaluasi", "VI. Monitoring and evaluation"),
    "laporan.section.daftar": ("VII. Daftar kerja sama", "VII. List of agreements"),
    "laporan.ikhtisar": ("Ikhtisar", "Key figures"),
    "laporan.uraian": ("Uraian", "Item"),
    "laporan.nilai": ("Nilai", "Value"),
    "laporan.konversi": ("Konversi KB menjadi PKS", "Conversion of KB into PKS"),
    "laporan.konversi-text": (
        "Dari {whole} KB yang telah ditandatangani,\n{part} diikuti paling sedikit satu PKS: "
        "rasio konversi {ratio}.",
        "Of {whole} signed KBs,\n{part} were followed by at least one PKS: a conversion rate "
        "of {ratio}.",
    ),
    # With KBs still within their kb_tanpa_pks time: the rate is the table's, without them.
    "laporan.konversi-text-muda": (
        "Dari {signed} KB yang telah ditandatangani, {young} belum jatuh tempo (di luar "
        "rasio);\ndari {whole} KB lainnya, {part} diikuti paling sedikit satu PKS: rasio "
        "konversi {ratio}.",
        "Of {signed} signed KBs, {young} are not yet due (outside the rate);\nof the other "
        "{whole}, {part} were followed by at least one PKS: a conversion rate of {ratio}.",
    ),
    "laporan.potensi-text": (
        "Dari {whole} potensi yang dipetakan,\n{part} telah ditindaklanjuti dengan kerja sama\n"
        "({ratio}).",
        "Of {whole} mapped potentials,\n{part} have been followed up by an agreement\n({ratio}).",
    ),
    # Empty tables
    "laporan.empty.konversi": (
        "Belum ada KB yang ditandatangani.",
        "No KB has been signed yet.",
    ),
    "laporan.empty.temuan": ("Tidak ada temuan.", "No findings."),
    "laporan.empty.akan_berakhir": (
        "Tidak ada naskah yang akan berakhir dalam ambang batas.",
        "No document ends within the threshold.",
    ),
    "laporan.empty.potensi": ("Belum ada potensi yang dipetakan.", "No potential mapped yet."),
    "laporan.empty.potensi_belum": (
        "Semua potensi telah ditindaklanjuti.",
        "Every potential has been followed up.",
    ),
    "laporan.empty.tanpa_monev": (
        "Semua kerja sama yang berlaku telah dimonev dalam periode.",
        "Every agreement in force had monev in the period.",
    ),
    "laporan.empty.monev": ("Belum ada monev.", "No monev yet."),
    "laporan.empty.daftar": ("Belum ada kerja sama.", "No agreements yet."),
    # Charts
    "laporan.chart.tahap": (
        "Kerja sama menurut tahap terakhir",
        "Agreements by latest stage",
    ),
    "laporan.chart.konversi": (
        "Konversi KB menjadi PKS menurut tahun KB",
        "Conversion of KB into PKS by year of the KB",
    ),
    "laporan.chart.konversi-md": (
        "Konversi KB menjadi PKS menurut tahun KB (%)",
        "Conversion of KB into PKS by year of the KB (%)",
    ),
    "laporan.chart.tahun-kb": ("Tahun penandatanganan KB", "Year the KB was signed"),
    "laporan.chart.persen": ("Persen", "Percent"),
    # Excel: sheets and cover
    "laporan.sheet.sampul": ("Sampul", "Cover"),
    "laporan.sheet.ringkasan": ("Ringkasan", "Summary"),
    "laporan.sheet.rincian": ("Rincian", "Breakdown"),
    "laporan.sheet.temuan": ("Temuan", "Findings"),
    "laporan.sheet.akan_berakhir": ("Akan Berakhir", "Ending Soon"),
    "laporan.sheet.potensi": ("Potensi", "Potentials"),
    "laporan.sheet.monev": ("Monev", "Monitoring"),
    "laporan.sheet.daftar": ("Daftar", "Agreements"),
    "laporan.isi": ("Isi laporan", "Contents"),
    "laporan.isi.ringkasan": (
        "I. Ringkasan: jumlah menurut jenis, status dan tahap; konversi KB menjadi PKS; "
        "nilai pembiayaan",
        "I. Summary: counts by kind, status and stage; conversion of KB into PKS; funding",
    ),
    "laporan.isi.rincian": (
        "II. Rincian menurut urusan, mitra dan perangkat daerah",
        "II. Breakdown by government affair, partner and regional agency",
    ),
    "laporan.isi.temuan": (
        "III. Temuan: kerja sama yang macet, satu baris per temuan",
        "III. Findings: stalled cooperation, one row per finding",
    ),
    "laporan.isi.akan_berakhir": ("IV. Naskah yang akan berakhir", "IV. Documents ending soon"),
    "laporan.isi.potensi": (
        "V. Pemetaan potensi dan tindak lanjutnya",
        "V. Mapped potentials and their follow-up",
    ),
    "laporan.isi.monev": ("VI. Monitoring dan evaluasi", "VI. Monitoring and evaluation"),
    "laporan.isi.daftar": ("VII. Daftar kerja sama", "VII. List of agreements"),
    "laporan.cara-membaca": ("Cara membaca", "How to read"),
    "laporan.subtitle": (
        "{daerah} · Periode {periode} · Keadaan per {tanggal}",
        "{daerah} · Period {periode} · As of {tanggal}",
    ),
    "laporan.awal-periode": ("Awal periode", "Start of period"),
    "laporan.akhir-periode": ("Akhir periode", "End of period"),
    "laporan.kerja-sama": ("Kerja sama", "Agreements"),
    "laporan.potensi-kerja-sama": ("Potensi kerja sama", "Potentials"),
    "laporan.dibuat": ("Dibuat", "Made"),
    # Figures of the summary
    "laporan.fig.jumlah": ("Jumlah kerja sama", "Agreements"),
    "laporan.fig.aktif": ("Kerja sama aktif", "Active agreements"),
    "laporan.fig.naskah": (
        "Naskah ditandatangani dalam periode",
        "Documents signed in the period",
    ),
    "laporan.fig.monev": ("Monev dilaksanakan dalam periode", "Monev held in the period"),
    "laporan.fig.konversi": ("Rasio konversi KB menjadi PKS", "Conversion rate of KB into PKS"),
    "laporan.fig.nilai": (
        "Nilai pembiayaan seluruh kerja sama",
        "Funding of all agreements",
    ),
    "laporan.fig.nilai-aktif": (
        "Nilai pembiayaan kerja sama aktif",
        "Funding of active agreements",
    ),
    "laporan.fig.macet": ("Temuan kerja sama macet", "Findings of stalled cooperation"),
    "laporan.fig.pengingat": ("Pengingat naskah akan berakhir", "Reminders of documents ending"),
    "laporan.fig.potensi": ("Potensi yang ditindaklanjuti", "Potentials followed up"),
    # Activity in the period
    "laporan.kegiatan.monev": ("Monev dilaksanakan", "Monev held"),
    "laporan.kegiatan.potensi": (
        "Potensi dipetakan (menurut tahun pemetaan)",
        "Potentials mapped (by year of mapping)",
    ),
    "laporan.kegiatan.berakhir": (
        "Kerja sama berakhir atau diakhiri",
        "Agreements ended or terminated",
    ),
    # Table titles
    "laporan.table.menurut_jenis": ("Kerja sama menurut jenis", "Agreements by kind"),
    "laporan.table.menurut_status": ("Kerja sama menurut status", "Agreements by status"),
    "laporan.table.menurut_tahap": (
        "Kerja sama menurut tahap terakhir",
        "Agreements by latest stage",
    ),
    "laporan.table.kegiatan": ("Kegiatan dalam periode", "Activity in the period"),
    "laporan.table.konversi_per_tahun": (
        "Konversi KB menjadi PKS menurut tahun penandatanganan KB",
        "Conversion of KB into PKS by the year the KB was signed",
    ),
    "laporan.table.temuan_per_kode": ("Temuan menurut jenis", "Findings by kind"),
    "laporan.table.rincian": ("Kerja sama menurut {what}", "Agreements by {what}"),
    "laporan.table.temuan": ("Temuan", "Findings"),
    "laporan.table.akan_berakhir": ("Naskah yang akan berakhir", "Documents ending soon"),
    "laporan.table.potensi_per_urusan": (
        "Potensi menurut urusan dan prioritas",
        "Potentials by government affair and priority",
    ),
    "laporan.table.potensi_belum": (
        "Potensi yang belum ditindaklanjuti",
        "Potentials not yet followed up",
    ),
    "laporan.table.rekomendasi": ("Rekomendasi monev", "Monev recommendations"),
    "laporan.table.monev_terakhir": ("Monev terakhir per kerja sama", "Latest monev per agreement"),
    "laporan.table.tanpa_monev": (
        "Kerja sama berlaku tanpa monev dalam periode",
        "Agreements in force without monev in the period",
    ),
    "laporan.table.daftar": ("Daftar kerja sama", "List of agreements"),
    # What a breakdown is by (in titles and notes)
    "laporan.what.urusan": ("urusan", "government affair"),
    "laporan.what.mitra": ("mitra", "partner"),
    "laporan.what.perangkat_daerah": ("perangkat daerah", "regional agency"),
    # Notes under tables
    "laporan.note.multi": (
        "Satu kerja sama dapat tercatat pada lebih dari satu {what}; angka per baris tidak "
        "dijumlahkan menjadi total.",
        "One agreement can be counted under more than one {what}; the rows do not add up to a "
        "total.",
    ),
    "laporan.note.status": (
        "Status per tanggal keadaan: aktif bila ada naskah yang berlaku; kedaluwarsa bila "
        "semua naskah yang ditandatangani telah habis masa berlakunya.",
        "Status as of the report date: active when a document is in force; expired when every "
        "signed document has run out.",
    ),
    "laporan.note.konversi": (
        "KB: kesepakatan bersama, nota kesepahaman dan nota kesepakatan yang telah "
        "ditandatangani; diikuti PKS bila paling sedikit satu PKS yang ditandatangani "
        "mengikutinya. KB yang belum diikuti PKS dan belum melewati batas kb_tanpa_pks belum "
        "jatuh tempo: di luar rasio. Kerja sama sinergi tidak dihitung.",
        "KB: signed kesepakatan bersama, nota kesepahaman and nota kesepakatan; followed by a "
        "PKS when at least one signed PKS follows it. A KB not followed yet and within its "
        "kb_tanpa_pks threshold is not yet due: outside the rate. Sinergi agreements are not "
        "counted.",
    ),
    "laporan.note.temuan": (
        "Hari: hari sejak tanggal pada kolom Sejak (untuk pengingat: sisa hari sampai "
        "naskah berakhir). Batas: ambang batas dalam ksd.toml, kebijakan daerah, bukan "
        "ketentuan peraturan.",
        "Days: days since the date in the Since column (for reminders: days left until the "
        "document ends). Limit: the threshold in ksd.toml, a regional policy, not a "
        "regulation.",
    ),
    "laporan.note.akan_berakhir": (
        "Naskah yang berlaku dan berakhir dalam ambang batas akan_berakhir, tanpa naskah "
        "atau adendum yang melanjutkannya.",
        "Documents in force that end within the akan_berakhir threshold, with no document or "
        "adendum continuing them.",
    ),
    "laporan.note.potensi_per_urusan": (
        "Ditindaklanjuti: paling sedikit satu kerja sama menyebut potensi ini pada `potensi`.",
        "Followed up: at least one agreement names this potential under `potensi`.",
    ),
    "laporan.note.rekomendasi": (
        "Kolom terakhir: rekomendasi monev terakhir setiap kerja sama per tanggal keadaan.",
        "Last column: the latest monev recommendation of each agreement as of the report date.",
    ),
    "laporan.note.tanpa_monev": (
        "Kerja sama dengan naskah yang berlaku pada suatu hari dalam periode, tanpa monev "
        "bertanggal dalam periode.",
        "Agreements with a document in force on some day of the period and no monev dated "
        "within the period.",
    ),
    "laporan.note.daftar": (
        "Tanggal ttd KB/PKS: tanggal tahap penandatanganan KB/PKS pertama kali dicapai "
        "(untuk sinergi, nota kesepakatan berperan sebagai PKS). Berlaku sampai kosong: tanpa "
        "batas akhir atau belum ada naskah yang ditandatangani.",
        "KB/PKS signed on: the day the stage of signing the KB/PKS was first reached (for "
        "sinergi, the nota kesepakatan plays the PKS). Valid until empty: no end date, or no "
        "document signed yet.",
    ),
    # Column headers
    "laporan.col.jumlah-kerja-sama": ("Jumlah kerja sama", "Agreements"),
    "laporan.col.aktif": ("Aktif", "Active"),
    "laporan.col.nilai": ("Nilai pembiayaan", "Funding"),
    "laporan.col.jenis-kerja-sama": ("Jenis kerja sama", "Kind of cooperation"),
    "laporan.col.status": ("Status", "Status"),
    "laporan.col.tahap-terakhir": ("Tahap terakhir", "Latest stage"),
    "laporan.col.kegiatan": ("Kegiatan", "Activity"),
    "laporan.col.jumlah": ("Jumlah", "Count"),
    "laporan.col.tahun-kb": ("Tahun KB", "KB year"),
    "laporan.col.kb-ditandatangani": ("KB ditandatangani", "KBs signed"),
    "laporan.col.diikuti-pks": ("Diikuti PKS", "Followed by a PKS"),
    "laporan.col.belum-diikuti-pks": ("Belum diikuti PKS", "Not yet followed by a PKS"),
    "laporan.col.rasio-konversi": ("Rasio konversi", "Conversion rate"),
    "laporan.col.temuan": ("Temuan", "Finding"),
    "laporan.col.kode-temuan": ("Kode temuan", "Finding code"),
    "laporan.col.kategori": ("Kategori", "Category"),
    "laporan.col.kode": ("Kode", "Code"),
    "laporan.col.urusan": ("Urusan", "Government affair"),
    "laporan.col.mitra": ("Mitra", "Partner"),
    "laporan.col.perangkat-daerah": ("Perangkat daerah", "Regional agency"),
    "laporan.col.naskah-periode": (
        "Naskah ditandatangani dalam periode",
        "Documents signed in the period",
    ),
    "laporan.col.monev-periode": ("Monev dalam periode", "Monev in the period"),
    "laporan.col.id": ("ID", "ID"),
    "laporan.col.judul": ("Judul", "Title"),
    "laporan.col.tahap": ("Tahap", "Stage"),
    "laporan.col.sejak": ("Sejak", "Since"),
    "laporan.col.hari": ("Hari", "Days"),
    "laporan.col.batas-hari": ("Batas (hari)", "Limit (days)"),
    "laporan.col.keterangan": ("Keterangan", "Details"),
    "laporan.col.naskah": ("Naskah", "Document"),
    "laporan.col.nomor": ("Nomor", "Number"),
    "laporan.col.tanggal-ttd": ("Tanggal ttd", "Signed on"),
    "laporan.col.berlaku-mulai": ("Berlaku mulai", "Valid from"),
    "laporan.col.berlaku-sampai": ("Berlaku sampai", "Valid until"),
    "laporan.col.sisa-hari": ("Sisa hari", "Days left"),
    "laporan.col.prioritas.tinggi": ("Prioritas tinggi", "High priority"),
    "laporan.col.prioritas.sedang": ("Prioritas sedang", "Medium priority"),
    "laporan.col.prioritas.rendah": ("Prioritas rendah", "Low priority"),
    "laporan.col.jumlah-potensi": ("Jumlah potensi", "Potentials"),
    "laporan.col.ditindaklanjuti": ("Ditindaklanjuti", "Followed up"),
    "laporan.col.persen-ditindaklanjuti": ("Persentase ditindaklanjuti", "Share followed up"),
    "laporan.col.dipetakan-periode": ("Dipetakan dalam periode", "Mapped in the period"),
    "laporan.col.potensi": ("Potensi", "Potential"),
    "laporan.col.prioritas-only": ("Prioritas", "Priority"),
    "laporan.col.tahun": ("Tahun", "Year"),
    "laporan.col.calon-mitra": ("Calon mitra", "Prospective partners"),
    "laporan.col.lewat-batas": ("Melewati batas tindak lanjut", "Past the follow-up limit"),
    "laporan.col.rekomendasi": ("Rekomendasi", "Recommendation"),
    "laporan.col.persentase": ("Persentase", "Share"),
    "laporan.col.rekomendasi-terakhir": (
        "Rekomendasi terakhir per kerja sama",
        "Latest recommendation per agreement",
    ),
    "laporan.col.jenis": ("Jenis", "Kind"),
    "laporan.col.tanggal-monev-terakhir": ("Tanggal monev terakhir", "Date of latest monev"),
    "laporan.col.periode-monev": ("Periode monev", "Monev period"),
    "laporan.col.capaian": ("Capaian", "Achievement"),
    "laporan.col.monev-terakhir": ("Monev terakhir", "Latest monev"),
    "laporan.col.ttd-kb": ("Tanggal ttd KB", "KB signed on"),
    "laporan.col.ttd-pks": ("Tanggal ttd PKS", "PKS signed on"),
    "laporan.col.nama": ("Nama", "Name"),
}
ENTRIES.update(LAPORAN)
