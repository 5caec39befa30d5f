"""Messages of the report remainder (issue 13): v1.1 in the report, neighbours, the TKKSD."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # A letter of intent alone: never "aktif", never "in force forever".
    "status.pernyataan_kehendak": ("Pernyataan kehendak", "Letter of intent only"),
    # Tables
    "evaluasi.table.kategori": (
        "Kerja sama menurut kategori mitra",
        "Agreements by partner category",
    ),
    "evaluasi.note.kategori": (
        "Kategori mitra menurut isian kategori pada pihak; tanpa isian, menurut tipe pihak. "
        "Kerja sama dengan mitra dari beberapa kategori dihitung pada setiap kategori, sehingga "
        "jumlah dan nilai per baris tidak untuk dijumlahkan.",
        "Partner category as recorded on the party; without one, the party's type. An agreement "
        "with partners of several categories counts in each, so rows are not to be added up.",
    ),
    "evaluasi.table.pembiayaan": (
        "Pembiayaan dan pendapatan kerja sama",
        "Costs and revenue of the agreements",
    ),
    "evaluasi.note.pembiayaan": (
        "Biaya: nilai pembiayaan kerja sama. Pendapatan: penerimaan bagi daerah yang tercatat "
        "(retribusi, bagi hasil, kontribusi, sewa); jenis tanpa nilai dicantumkan tanpa angka.",
        "Cost: the funding of the agreement. Revenue: income to the region as recorded "
        "(retribution, revenue share, contribution, rent); kinds without an amount are named only.",
    ),
    "evaluasi.table.penilaian": (
        "Penilaian monev terakhir per kerja sama",
        "Latest monev ratings per agreement",
    ),
    "evaluasi.table.kriteria": ("Penilaian monev menurut kriteria", "Monev ratings by criterion"),
    "evaluasi.note.penilaian": (
        "Skala 1 (kurang) sampai 5 (sangat baik), dari monev terakhir setiap kerja sama yang "
        "memuat penilaian.",
        "Scale 1 (poor) to 5 (very good), from the latest monev of each agreement that rates.",
    ),
    "evaluasi.table.usulan": (
        "Usulan kerja sama sebelum penandatanganan",
        "Proposals before signing",
    ),
    "evaluasi.note.usulan": (
        "Lima baris pertama: keadaan per tanggal laporan; ditolak, berproses dan tanpa kemajuan "
        "membagi seluruh usulan, penawaran tanpa jawaban adalah bagian dari usulan yang belum "
        "ditolak. Dua baris terakhir: kerja sama dengan peristiwa itu dalam periode laporan.",
        "First five rows: as of the report date; rejected, moving and stopped part the whole, "
        "offers without an answer are part of the proposals not rejected. Last two rows: "
        "cooperations with that event within the reporting period.",
    ),
    "evaluasi.usulan.jumlah": (
        "Usulan tanpa naskah yang ditandatangani",
        "Proposals with nothing signed",
    ),
    "evaluasi.usulan.ditolak": ("Ditolak", "Rejected"),
    "evaluasi.usulan.berproses": ("Masih berproses", "Still moving"),
    "evaluasi.usulan.tanpa-kemajuan": (
        "Tanpa kemajuan melewati batas waktu",
        "No progress beyond the threshold",
    ),
    "evaluasi.usulan.penawaran": (
        "Di antaranya: surat penawaran belum dijawab",
        "Of which: offer letter not answered",
    ),
    "evaluasi.usulan.masuk-periode": (
        "Permohonan atau surat penawaran dalam periode",
        "Requests or offer letters in the period",
    ),
    "evaluasi.usulan.ditolak-periode": ("Ditolak dalam periode", "Rejected in the period"),
    "evaluasi.table.berbatasan": (
        "Kerja sama dengan daerah yang berbatasan",
        "Cooperation with bordering regions",
    ),
    "evaluasi.note.berbatasan": (
        "Daerah berbatasan menurut ksd.toml ([daerah] berbatasan). Kerja sama antardaerah (KSDD "
        "wajib atau sukarela) dihitung bila daerah tersebut menjadi pihak.",
        "Bordering regions as listed in ksd.toml ([daerah] berbatasan). A cooperation between "
        "regions (mandatory or voluntary KSDD) counts when the region is a party.",
    ),
    "evaluasi.note.berbatasan-kosong": (
        "Daerah berbatasan belum diisi pada ksd.toml ([daerah] berbatasan).",
        "Bordering regions are not listed in ksd.toml ([daerah] berbatasan).",
    ),
    "evaluasi.table.kelembagaan": (
        "Kelembagaan kerja sama daerah (TKKSD)",
        "Institutions of regional cooperation (TKKSD)",
    ),
    "evaluasi.note.kelembagaan": (
        "Menurut ksd.toml ([kelembagaan]); rapat yang dihitung adalah rapat dalam periode laporan.",
        "From ksd.toml ([kelembagaan]); meetings counted are those within the reporting period.",
    ),
    "evaluasi.kelembagaan.keputusan": (
        "Keputusan pembentukan TKKSD (nomor)",
        "Decree establishing the TKKSD (number)",
    ),
    "evaluasi.kelembagaan.tanggal": ("Tanggal keputusan", "Date of the decree"),
    "evaluasi.kelembagaan.rapat": ("Rapat TKKSD dalam periode", "TKKSD meetings in the period"),
    "evaluasi.kelembagaan.rapat-ke": ("Rapat ke-{n}", "Meeting {n}"),
    # Columns
    "evaluasi.col.kategori-mitra": ("Kategori mitra", "Partner category"),
    "evaluasi.col.nilai-melibatkan": (
        "Nilai kerja sama yang melibatkan kategori ini",
        "Value of agreements involving this category",
    ),
    "evaluasi.col.biaya": ("Biaya", "Cost"),
    "evaluasi.col.pendapatan": ("Pendapatan daerah", "Revenue to the region"),
    "evaluasi.col.jenis-pendapatan": ("Jenis pendapatan", "Kind of revenue"),
    "evaluasi.col.jumlah-kriteria": ("Kriteria dinilai", "Criteria rated"),
    "evaluasi.col.rata-rata": ("Rata-rata", "Mean"),
    "evaluasi.col.kriteria-terendah": ("Kriteria terendah", "Lowest criteria"),
    "evaluasi.col.penilai": ("Penilai", "Rated by"),
    "evaluasi.col.kriteria": ("Kriteria", "Criterion"),
    "evaluasi.col.uraian": ("Uraian", "Item"),
    "evaluasi.col.daerah-berbatasan": ("Daerah berbatasan", "Bordering region"),
    "evaluasi.col.ada-ksdd": ("Kerja sama antardaerah", "Cooperation between regions"),
    "evaluasi.ksdd.berlaku": ("Ada, berlaku", "Exists, in force"),
    "evaluasi.ksdd.ada": ("Ada, tidak berlaku", "Exists, not in force"),
    "evaluasi.ksdd.belum": ("Belum ada", "None yet"),
    # Party types, for partners without a category
    "evaluasi.tipe.pemda": ("Pemerintah daerah", "Regional government"),
    "evaluasi.tipe.pihak_ketiga": ("Pihak ketiga (tanpa kategori)", "Third party (no category)"),
    "evaluasi.tipe.kementerian_lembaga": (
        "Kementerian/lembaga (tanpa kategori)",
        "Ministry or agency (no category)",
    ),
    "evaluasi.tipe.pemda_luar_negeri": (
        "Pemerintah daerah luar negeri",
        "Foreign local government",
    ),
    "evaluasi.tipe.lembaga_luar_negeri": ("Lembaga luar negeri", "Foreign institution"),
    # Revenue kinds, monev criteria and raters (v1.1)
    "evaluasi.pendapatan.retribusi": ("Retribusi", "Retribution"),
    "evaluasi.pendapatan.bagi_hasil": ("Bagi hasil", "Revenue share"),
    "evaluasi.pendapatan.kontribusi": ("Kontribusi", "Contribution"),
    "evaluasi.pendapatan.sewa": ("Sewa", "Rent"),
    "evaluasi.pendapatan.lainnya": ("Lainnya", "Other"),
    "evaluasi.kriteria.kesesuaian_tujuan": ("Kesesuaian dengan tujuan", "Fit with purpose"),
    "evaluasi.kriteria.ketepatan_waktu": ("Ketepatan waktu", "Timeliness"),
    "evaluasi.kriteria.kontribusi_mitra": ("Kontribusi mitra", "Partner contribution"),
    "evaluasi.kriteria.koordinasi": ("Koordinasi", "Coordination"),
    "evaluasi.kriteria.indikator": ("Capaian indikator", "Indicators"),
    "evaluasi.kriteria.dampak": ("Dampak", "Impact"),
    "evaluasi.kriteria.inovasi": ("Inovasi", "Innovation"),
    "evaluasi.kriteria.kelengkapan_dokumen": ("Kelengkapan dokumen", "Document completeness"),
    "evaluasi.kriteria.pelaporan_berkala": ("Pelaporan berkala", "Regular reporting"),
    "evaluasi.kriteria.kendala_administrasi": (
        "Kendala administrasi (5: tanpa kendala)",
        "Administrative obstacles (5: none)",
    ),
    "evaluasi.kriteria.relevansi": ("Relevansi", "Relevance"),
    "evaluasi.penilai.opd": ("Perangkat daerah", "Regional office"),
    "evaluasi.penilai.tkksd": ("TKKSD", "TKKSD"),
    "evaluasi.penilai.mitra": ("Mitra", "Partner"),
    # The laporan evaluasi (docx): headings and sentences
    "evaluasi.chart.status": ("Kerja sama menurut status", "Agreements by status"),
    "evaluasi.chart.jenis": ("Kerja sama menurut jenis", "Agreements by kind"),
    "evaluasi.sub.berbatasan": (
        "Kerja Sama dengan Daerah yang Berbatasan",
        "Cooperation with bordering regions",
    ),
    "evaluasi.sub.kelembagaan": ("Kelembagaan Kerja Sama", "Institutions of cooperation"),
    "evaluasi.text.usulan": (
        "Sebanyak {jumlah} usulan kerja sama belum sampai pada penandatanganan naskah: {ditolak} "
        "ditolak, {berproses} masih berproses, dan {tanpa} tidak mengalami kemajuan melewati batas "
        "waktu; {penawaran} surat penawaran belum dijawab.",
        "{jumlah} proposals have not reached a signed document: {ditolak} rejected, {berproses} "
        "still moving and {tanpa} without progress beyond the threshold; {penawaran} offer "
        "letters have no answer.",
    ),
    "evaluasi.text.pendapatan": (
        "Pendapatan bagi daerah yang tercatat berjumlah {total} dari {count} kerja sama.",
        "Revenue to the region as recorded amounts to {total} from {count} agreements.",
    ),
    "evaluasi.text.pendapatan-none": (
        "Belum ada kerja sama yang mencatat nilai pendapatan bagi daerah.",
        "No agreement records an amount of revenue to the region yet.",
    ),
    "evaluasi.text.berbatasan": (
        "Dari {total} daerah yang berbatasan, {ada} telah memiliki kerja sama antardaerah dan "
        "{berlaku} di antaranya masih berlaku.",
        "Of {total} bordering regions, {ada} have a cooperation between regions and {berlaku} "
        "of these are in force.",
    ),
    # The workbook's sheets added by issue 13 (names users build on: never rename them)
    "laporan.sheet.pembiayaan": ("Pembiayaan", "Financing"),
    "laporan.sheet.kewilayahan": ("Kerja Sama Wajib", "Mandatory Cooperation"),
    "laporan.isi.pembiayaan": (
        "VIII. Pembiayaan dan pendapatan kerja sama",
        "VIII. Costs and revenue of the agreements",
    ),
    "laporan.isi.kewilayahan": (
        "IX. Kerja sama dengan daerah berbatasan dan kelembagaan (TKKSD)",
        "IX. Cooperation with bordering regions and institutions (TKKSD)",
    ),
    "laporan.section.pembiayaan": (
        "VIII. Pembiayaan dan Pendapatan",
        "VIII. Costs and Revenue",
    ),
    "laporan.section.kewilayahan": (
        "IX. Kerja Sama dengan Daerah Berbatasan dan Kelembagaan",
        "IX. Cooperation with Bordering Regions and Institutions",
    ),
    # The Word annex of the mapping: the v1.1 planning fields in one column
    "evaluasi.col.rencana": (
        "Indikator, target, anggaran indikatif, tahun rencana",
        "Indicator, target, indicative budget, planned year",
    ),
    "evaluasi.rencana.indikator": ("Indikator: {indikator}", "Indicator: {indikator}"),
    "evaluasi.rencana.target": ("target {target}", "target {target}"),
    "evaluasi.rencana.tahun": ("tahun {tahun}", "year {tahun}"),
}
