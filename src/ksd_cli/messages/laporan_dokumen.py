"""Catalog entries of the laporan evaluasi as a document (``ksd report --format docx|pdf``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "lapdoc.pemerintah": ("PEMERINTAH {daerah}", "GOVERNMENT OF {daerah}"),
    "lapdoc.title": (
        "LAPORAN EVALUASI PELAKSANAAN KERJA SAMA DAERAH",
        "EVALUATION REPORT ON REGIONAL COOPERATION",
    ),
    "lapdoc.nomor": ("Nomor: ....................", "Number: ...................."),
    "lapdoc.bab": ("BAB {n}", "CHAPTER {n}"),
    "lapdoc.bab.1": ("PENDAHULUAN", "INTRODUCTION"),
    "lapdoc.bab.2": ("GAMBARAN UMUM KERJA SAMA DAERAH", "OVERVIEW OF REGIONAL COOPERATION"),
    "lapdoc.bab.3": ("HASIL EVALUASI", "RESULTS OF THE EVALUATION"),
    "lapdoc.bab.4": ("PERMASALAHAN DAN REKOMENDASI", "PROBLEMS AND RECOMMENDATIONS"),
    "lapdoc.bab.5": ("PENUTUP", "CLOSING"),
    "lapdoc.lampiran": ("LAMPIRAN: DAFTAR KERJA SAMA DAERAH", "ANNEX: LIST OF COOPERATIONS"),
    "lapdoc.sub.latar": ("Latar Belakang", "Background"),
    "lapdoc.sub.dasar": ("Dasar Hukum", "Legal basis"),
    "lapdoc.sub.maksud": ("Maksud dan Tujuan", "Purpose"),
    "lapdoc.sub.lingkup": ("Ruang Lingkup", "Scope"),
    "lapdoc.sub.periode": ("Periode Evaluasi", "Period"),
    "lapdoc.sub.konversi": ("Tindak Lanjut KB menjadi PKS", "KB followed by a PKS"),
    "lapdoc.sub.opd": ("Kerja Sama per Perangkat Daerah", "Cooperation per regional office"),
    "lapdoc.sub.monev": ("Pelaksanaan dan Monev", "Implementation and monitoring"),
    "lapdoc.sub.pembiayaan": ("Pembiayaan", "Financing"),
    "lapdoc.sub.temuan": ("Permasalahan per Perangkat Daerah", "Problems per regional office"),
    "lapdoc.sub.rekomendasi": ("Rekomendasi Monev", "Monitoring recommendations"),
    "lapdoc.text.latar": (
        "Kerja sama daerah dilaksanakan untuk meningkatkan kesejahteraan masyarakat dan "
        "efisiensi pelayanan publik. Pelaksanaannya perlu dievaluasi secara berkala agar kerja "
        "sama yang telah disepakati ditindaklanjuti, dilaksanakan dan dilaporkan. Laporan ini "
        "disusun oleh {bagian} {sekretariat} {daerah} dari data kerja sama yang tercatat.",
        "Regional cooperation serves the welfare of the people and efficient public services. "
        "It needs regular evaluation so that agreed cooperation is followed up, carried out and "
        "reported. This report was prepared by the {bagian} of the {sekretariat} of {daerah} "
        "from the recorded cooperation data.",
    ),
    "lapdoc.text.maksud": (
        "Laporan ini dimaksudkan sebagai bahan evaluasi pelaksanaan kerja sama daerah dan "
        "bertujuan memberikan gambaran capaian, permasalahan serta rekomendasi tindak lanjut "
        "kepada pimpinan daerah.",
        "This report is material for evaluating regional cooperation; it gives the heads of "
        "the region the achievements, the problems and the recommended follow-up.",
    ),
    "lapdoc.text.lingkup": (
        "Ruang lingkup laporan meliputi seluruh kerja sama daerah yang tercatat ({total} kerja "
        "sama) dan potensi kerja sama hasil pemetaan ({potensi} potensi).",
        "The report covers every recorded cooperation ({total}) and every mapped potential "
        "({potensi}).",
    ),
    "lapdoc.text.periode": (
        "Periode evaluasi: {periode}. Tahap, status dan temuan dinilai keadaan per {tanggal}.",
        "Period: {periode}. Stage, status and findings are as of {tanggal}.",
    ),
    "lapdoc.text.gambaran": (
        "Dari {total} kerja sama, {aktif} berstatus aktif.",
        "Of {total} cooperations, {aktif} are active.",
    ),
    "lapdoc.text.kb-belum": (
        "Sebanyak {count} kesepakatan bersama belum ditindaklanjuti dengan perjanjian kerja "
        "sama, tertua sejak {tanggal}.",
        "{count} memoranda (KB) have not been followed by a cooperation agreement (PKS), the "
        "oldest since {tanggal}.",
    ),
    "lapdoc.text.kb-semua": (
        "Seluruh kesepakatan bersama telah ditindaklanjuti atau masih dalam batas waktu.",
        "Every KB has been followed up or is still within its time limit.",
    ),
    "lapdoc.text.konversi-muda": (
        "Dari {signed} kesepakatan bersama yang ditandatangani, {young} belum jatuh tempo "
        "untuk ditindaklanjuti; dari {whole} lainnya, {part} telah diikuti perjanjian kerja "
        "sama ({ratio}).",
        "Of {signed} KBs signed, {young} are not yet due for a PKS; of the other {whole}, "
        "{part} have been followed by a PKS ({ratio}).",
    ),
    "lapdoc.text.konversi": (
        "Dari {whole} kesepakatan bersama yang ditandatangani, {part} telah diikuti perjanjian "
        "kerja sama ({ratio}).",
        "Of {whole} KBs signed, {part} have been followed by a PKS ({ratio}).",
    ),
    "lapdoc.text.monev": (
        "Dalam periode evaluasi ditandatangani {naskah} naskah dan dilaksanakan {monev} "
        "kegiatan monev.",
        "Within the period {naskah} documents were signed and {monev} monitoring visits held.",
    ),
    "lapdoc.text.pembiayaan": (
        "Nilai pembiayaan seluruh kerja sama sebesar {total}, dan dari kerja sama yang aktif "
        "sebesar {aktif}. Nilai setiap kerja sama dihitung satu kali.",
        "The financing of all cooperations totals {total}; of the active ones {aktif}. Each "
        "cooperation's value is counted once.",
    ),
    "lapdoc.text.temuan": (
        "Evaluasi menghasilkan {macet} temuan kerja sama macet dan {pengingat} pengingat naskah "
        "akan berakhir, dengan tindak lanjut yang diminta dari setiap perangkat daerah "
        "sebagai berikut.",
        "The evaluation found {macet} stalled cooperations and {pengingat} documents about to "
        "end; the follow-up asked of each regional office is below.",
    ),
    "lapdoc.text.temuan-none": ("Tidak terdapat temuan.", "There are no findings."),
    "lapdoc.text.penutup": (
        "Demikian laporan evaluasi pelaksanaan kerja sama daerah ini disusun untuk menjadi "
        "bahan pertimbangan pimpinan dalam pengambilan kebijakan kerja sama daerah.",
        "This evaluation report is submitted to support the decisions of the heads of region "
        "on regional cooperation.",
    ),
    "lapdoc.col.temuan": ("Temuan", "Finding"),
    "lapdoc.col.kode": ("Kode", "Code"),
    "lapdoc.col.kerja-sama": ("Kerja sama", "Cooperation"),
    "lapdoc.col.keterangan": ("Keterangan", "Details"),
    "lapdoc.col.tindak-lanjut": ("Tindak lanjut yang diminta", "Follow-up asked"),
    "lapdoc.col.target": ("Target", "Due"),
    "lapdoc.tl.kb_tanpa_pks": (
        "Menyusun dan mengajukan rancangan PKS, atau mengusulkan pengakhiran KB",
        "Draft and submit the PKS, or propose ending the KB",
    ),
    "lapdoc.tl.kb_kedaluwarsa_tanpa_pks": (
        "Menilai perlu tidaknya KB baru; menutup catatan bila tidak dilanjutkan",
        "Decide whether a new KB is needed; close the record if not",
    ),
    "lapdoc.tl.pks_tanpa_pelaksanaan": (
        "Memulai pelaksanaan sesuai rencana aksi dan melaporkannya",
        "Start implementation per the action plan and report it",
    ),
    "lapdoc.tl.tanpa_monev": (
        "Melaksanakan monev dan menyampaikan laporannya",
        "Carry out monitoring and submit its report",
    ),
    "lapdoc.tl.kedaluwarsa": (
        "Memperbarui status atau memproses perpanjangan",
        "Update the status or process an extension",
    ),
    "lapdoc.tl.akan_berakhir": (
        "Mengevaluasi dan memutuskan perpanjangan sebelum berakhir",
        "Evaluate and decide on an extension before the end",
    ),
    "lapdoc.tl.dprd_tertunda": (
        "Menindaklanjuti permohonan persetujuan kepada DPRD",
        "Follow up the request for DPRD approval",
    ),
    "lapdoc.tl.potensi_tanpa_tindak_lanjut": (
        "Menawarkan kerja sama kepada calon mitra atau meninjau ulang prioritas potensi",
        "Offer the cooperation to the candidate partners or review the potential's priority",
    ),
    "lapdoc.tl.usulan_tanpa_kemajuan": (
        "Memutuskan kelanjutan usulan: membahasnya dalam TKKSD, menolaknya, atau menundanya",
        "Decide on the proposal: discuss it in the TKKSD, reject it, or put it on hold",
    ),
    "lapdoc.tl.penawaran_tanpa_jawaban": (
        "Menanyakan jawaban atas surat penawaran kepada calon mitra",
        "Ask the prospective partner for its answer to the offer letter",
    ),
    "lapdoc.tanpa-opd": ("Perangkat daerah belum ditentukan", "No regional office named"),
    "lapdoc.tempat-tanggal": ("{tempat}, {tanggal}", "{tempat}, {tanggal}"),
    "lapdoc.kosong": ("....................", "...................."),
    "lapdoc.nip": ("NIP. {nip}", "NIP {nip}"),
    "lapdoc.jabatan-bawaan": ("Kepala Bagian Kerja Sama", "Head of the Cooperation Section"),
    "lapdoc.chart.tahap": ("Kerja sama menurut tahap terakhir", "Cooperation by latest stage"),
    "lapdoc.chart.jenis": ("Kerja sama menurut jenis", "Cooperation by kind"),
    "lapdoc.chart.konversi": ("KB menurut tahun dan tindak lanjut", "KBs by year and follow-up"),
    "lapdoc.chart.jumlah": ("Jumlah", "Count"),
    "lapdoc.gambar": ("Gambar {n}. {judul}", "Figure {n}. {judul}"),
    "lapdoc.tabel": ("Tabel {n}. {judul}", "Table {n}. {judul}"),
    # New columns of the workbook's Daftar sheet (read by report.build as laporan.col.*).
    "laporan.col.nomor-naskah": ("Nomor naskah per pihak", "Document numbers per party"),
    "laporan.col.dprd": ("Persetujuan DPRD", "DPRD approval"),
    "laporan.col.sumber-dana": ("Sumber dana", "Funding sources"),
    "laporan.col.perencanaan": ("Keterkaitan perencanaan", "Planning links"),
    "laporan.col.realisasi": ("Realisasi (monev terakhir)", "Realisation (latest monev)"),
    "laporan.col.kendala": ("Kendala (monev terakhir)", "Obstacles (latest monev)"),
    "laporan.dprd.tidak-perlu": ("Tidak diperlukan", "Not needed"),
    "laporan.dprd.disetujui": ("Disetujui", "Approved"),
    "laporan.dprd.ditolak": ("Ditolak", "Refused"),
    "laporan.dprd.menunggu": ("Menunggu keputusan DPRD", "Awaiting the DPRD"),
    "laporan.dprd.belum-diajukan": ("Belum diajukan", "Not yet requested"),
    "laporan.dpa": ("masuk DPA", "in the DPA"),
    "laporan.note.status-dprd": (
        "Nilai menurut status mencakup kerja sama yang masih menunggu persetujuan DPRD; nilai "
        "kerja sama aktif pada ikhtisar tidak menghitungnya.",
        "Values by status include cooperations still awaiting DPRD approval; the active value "
        "in the key figures leaves them out.",
    ),
    "laporan.subtotal": (
        "Jumlah (satu kerja sama dapat terhitung lebih dari sekali)",
        "Total (one cooperation may count more than once)",
    ),
    "laporan.col.nilai-melibatkan.urusan": (
        "Nilai kerja sama pada urusan ini",
        "Value of the cooperation in this urusan",
    ),
    "laporan.col.nilai-melibatkan.mitra": (
        "Nilai kerja sama dengan mitra ini",
        "Value of the cooperation with this partner",
    ),
    "laporan.col.nilai-melibatkan.perangkat-daerah": (
        "Nilai kerja sama yang melibatkan OPD ini",
        "Value of the cooperation involving this office",
    ),
    "laporan.col.kb-muda": (
        "Belum jatuh tempo (di luar rasio)",
        "Not yet due (outside the rate)",
    ),
}
