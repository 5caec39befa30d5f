"""Titles of the codes ksd shows: kinds, documents, stages, statuses, flags, and the like."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # Financing sources by code (naming.sumber_dana_title): "{nama}" is the party
    "sumber-dana.apbd": ("APBD {nama}", "regional budget (APBD) of {nama}"),
    "sumber-dana.apbn": ("APBN", "state budget (APBN)"),
    "sumber-dana.belanja_tidak_terduga": (
        "belanja tidak terduga APBD {nama}",
        "unforeseen expenditure of the APBD of {nama}",
    ),
    "sumber-dana.dana_tjsl": ("dana TJSL {nama}", "CSR funds (TJSL) of {nama}"),
    "sumber-dana.dana": ("dana {nama}", "funds of {nama}"),
    "sumber-dana.hibah": ("hibah dari {nama}", "grant from {nama}"),
    "sumber-dana.masing-masing": ("masing-masing pihak", "each party"),
    # Kinds of cooperation (JenisKerjaSama): long and short titles
    "jenis.ksdd_wajib": (
        "KSDD wajib (antardaerah berbatasan)",
        "KSDD mandatory (between bordering regions)",
    ),
    "jenis.ksdd_sukarela": ("KSDD sukarela (antardaerah)", "KSDD voluntary (between regions)"),
    "jenis.ksdpk": ("KSDPK (dengan pihak ketiga)", "KSDPK (with a third party)"),
    "jenis.ksdpl": (
        "KSDPL (dengan pemerintah daerah luar negeri)",
        "KSDPL (with a foreign regional government)",
    ),
    "jenis.ksdll": ("KSDLL (dengan lembaga luar negeri)", "KSDLL (with a foreign institution)"),
    "jenis.sinergi": (
        "Sinergi (dengan kementerian/lembaga)",
        "Sinergi (with a ministry or agency)",
    ),
    "jenis-singkat.ksdd_wajib": ("KSDD wajib", "KSDD mandatory"),
    "jenis-singkat.ksdd_sukarela": ("KSDD sukarela", "KSDD voluntary"),
    "jenis-singkat.ksdpk": ("KSDPK", "KSDPK"),
    "jenis-singkat.ksdpl": ("KSDPL", "KSDPL"),
    "jenis-singkat.ksdll": ("KSDLL", "KSDLL"),
    "jenis-singkat.sinergi": ("Sinergi", "Sinergi"),
    # Kinds of document (JenisNaskah): the naskah's own title and the short name used in text
    "naskah.kesepakatan_bersama": ("Kesepakatan Bersama", "Kesepakatan Bersama (KB)"),
    "naskah.nota_kesepahaman": ("Nota Kesepahaman", "Nota Kesepahaman (MoU)"),
    "naskah.nota_kesepakatan": ("Nota Kesepakatan", "Nota Kesepakatan"),
    "naskah.perjanjian_kerja_sama": ("Perjanjian Kerja Sama", "Perjanjian Kerja Sama (PKS)"),
    "naskah.adendum": ("Adendum", "Adendum"),
    "naskah.surat_pernyataan_kehendak": ("Surat Pernyataan Kehendak", "Letter of Intent"),
    "naskah-singkat.kesepakatan_bersama": ("KB", "KB"),
    "naskah-singkat.nota_kesepahaman": ("Nota Kesepahaman", "MoU"),
    "naskah-singkat.nota_kesepakatan": ("Nota Kesepakatan", "Nota Kesepakatan"),
    "naskah-singkat.perjanjian_kerja_sama": ("PKS", "PKS"),
    "naskah-singkat.adendum": ("Adendum", "Adendum"),
    "naskah-singkat.surat_pernyataan_kehendak": ("Surat Pernyataan Kehendak", "Letter of Intent"),
    "naskah.signed": ("{naskah} ditandatangani", "{naskah} signed"),
    # Stages (NamaTahap), in the order of models.URUTAN_TAHAP
    "tahap.identifikasi": ("Identifikasi", "Identification"),
    "tahap.penawaran": ("Penawaran", "Offer"),
    "tahap.penyusunan_kb": ("Penyusunan KB", "Drafting the KB"),
    "tahap.penandatanganan_kb": ("Penandatanganan KB", "KB signed"),
    "tahap.penyusunan_pks": ("Penyusunan PKS", "Drafting the PKS"),
    "tahap.persetujuan_dprd": ("Persetujuan DPRD", "DPRD approval"),
    "tahap.penandatanganan_pks": ("Penandatanganan PKS", "PKS signed"),
    "tahap.pelaksanaan": ("Pelaksanaan", "Implementation"),
    "tahap.monev": ("Monev", "Monitoring and evaluation"),
    "tahap.berakhir": ("Berakhir", "Ended"),
    "tahap.none": ("Belum ada tahap", "No stage yet"),
    # Statuses (lifecycle.STATUSES)
    "status.draf": ("Draf", "Draft"),
    "status.aktif": ("Aktif", "Active"),
    "status.belum_berlaku": ("Belum berlaku", "Not yet in force"),
    "status.kedaluwarsa": ("Kedaluwarsa", "Expired"),
    "status.berakhir": ("Berakhir", "Ended"),
    "status.dibatalkan": ("Dibatalkan", "Cancelled"),
    "status.diakhiri": ("Diakhiri", "Terminated"),
    # Stalled flags (naming.FLAG_CODES) and their categories
    "flag.kb_tanpa_pks": ("KB tanpa PKS", "KB without PKS"),
    "flag.kb_kedaluwarsa_tanpa_pks": ("KB berakhir tanpa PKS", "KB ended without PKS"),
    "flag.pks_tanpa_pelaksanaan": ("PKS tanpa pelaksanaan", "PKS not implemented"),
    "flag.tanpa_monev": ("Tanpa monev", "No monev"),
    "flag.kedaluwarsa": ("Kedaluwarsa", "Expired"),
    "flag.akan_berakhir": ("Akan berakhir", "Ending soon"),
    "flag.dprd_tertunda": ("Persetujuan DPRD tertunda", "DPRD approval pending"),
    "flag.potensi_tanpa_tindak_lanjut": (
        "Potensi tanpa tindak lanjut",
        "Potential not followed up",
    ),
    "kategori.macet": ("Macet", "Stalled"),
    "kategori.pengingat": ("Pengingat", "Reminder"),
    # Monev recommendations and potential priorities
    "rekomendasi.dilanjutkan": ("Dilanjutkan", "Continue"),
    "rekomendasi.diperluas": ("Diperluas", "Extend"),
    "rekomendasi.diperbaiki": ("Diperbaiki", "Improve"),
    "rekomendasi.dihentikan": ("Dihentikan", "Stop"),
    "rekomendasi.none": ("Tidak diisi", "Not given"),
    "prioritas.tinggi": ("Tinggi", "High"),
    "prioritas.sedang": ("Sedang", "Medium"),
    "prioritas.rendah": ("Rendah", "Low"),
    # Regions
    "wilayah.provinsi": ("Provinsi {nama}", "Provinsi {nama}"),
    "wilayah.unknown": ("(daerah tidak diketahui)", "(region unknown)"),
}
