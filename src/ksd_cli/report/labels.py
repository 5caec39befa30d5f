"""Indonesian labels for the codes the report shows: kinds, stages, statuses, documents."""

from __future__ import annotations

from ksd_cli.stalled_output import JUDUL_FLAG

JENIS: dict[str, str] = {
    "ksdd_wajib": "KSDD wajib (antardaerah berbatasan)",
    "ksdd_sukarela": "KSDD sukarela (antardaerah)",
    "ksdpk": "KSDPK (dengan pihak ketiga)",
    "ksdpl": "KSDPL (dengan pemerintah daerah luar negeri)",
    "ksdll": "KSDLL (dengan lembaga luar negeri)",
    "sinergi": "Sinergi (dengan kementerian/lembaga)",
}
TAHAP: dict[str | None, str] = {
    "identifikasi": "Identifikasi",
    "penawaran": "Penawaran",
    "penyusunan_kb": "Penyusunan KB",
    "penandatanganan_kb": "Penandatanganan KB",
    "penyusunan_pks": "Penyusunan PKS",
    "persetujuan_dprd": "Persetujuan DPRD",
    "penandatanganan_pks": "Penandatanganan PKS",
    "pelaksanaan": "Pelaksanaan",
    "monev": "Monev",
    "berakhir": "Berakhir",
    None: "Belum ada tahap",
}
STATUS: dict[str, str] = {
    "draf": "Draf",
    "aktif": "Aktif",
    "belum_berlaku": "Belum berlaku",
    "kedaluwarsa": "Kedaluwarsa",
    "berakhir": "Berakhir",
    "dibatalkan": "Dibatalkan",
    "diakhiri": "Diakhiri",
}
NASKAH: dict[str, str] = {
    "kesepakatan_bersama": "Kesepakatan Bersama",
    "nota_kesepahaman": "Nota Kesepahaman",
    "nota_kesepakatan": "Nota Kesepakatan",
    "perjanjian_kerja_sama": "Perjanjian Kerja Sama",
    "adendum": "Adendum",
    "surat_pernyataan_kehendak": "Surat Pernyataan Kehendak",
}
REKOMENDASI: dict[str | None, str] = {
    "dilanjutkan": "Dilanjutkan",
    "diperluas": "Diperluas",
    "diperbaiki": "Diperbaiki",
    "dihentikan": "Dihentikan",
    None: "Tidak diisi",
}
PRIORITAS: dict[str, str] = {"tinggi": "Tinggi", "sedang": "Sedang", "rendah": "Rendah"}
KATEGORI: dict[str, str] = {"macet": "Macet", "pengingat": "Pengingat"}
#: The flag labels of ``ksd stalled``, so both speak of a finding in the same words.
TEMUAN: dict[str, str] = JUDUL_FLAG
#: Short kind labels for the long tables.
JENIS_SINGKAT: dict[str, str] = {
    "ksdd_wajib": "KSDD wajib",
    "ksdd_sukarela": "KSDD sukarela",
    "ksdpk": "KSDPK",
    "ksdpl": "KSDPL",
    "ksdll": "KSDLL",
    "sinergi": "Sinergi",
}
