"""Messages of the record format v1.1 remainder (issue 10): month dates, other urusan codes."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # S006 on a field that also takes a month
    "invalid-date.bulan": (
        "`{value}` bukan tanggal yang sah; tulis tanggal ISO YYYY-MM-DD yang ada di kalender, "
        "atau YYYY-MM (mis. 2018-10) bila hanya bulannya diketahui",
        "`{value}` is not a valid date; write a real ISO date YYYY-MM-DD, or YYYY-MM (e.g. "
        "2018-10) when only the month is known",
    ),
    # R008
    "urusan-bukan-konkuren": (
        "kode urusan `{value}` ({nama}) adalah {kelompok}, bukan urusan pemerintahan "
        "konkuren; objek KSDD adalah urusan konkuren (UU 23/2014 Pasal 12)",
        "urusan code `{value}` ({nama}) is a {kelompok} code, not a concurrent government "
        "affair; the object of a KSDD is a concurrent affair (UU 23/2014 Pasal 12)",
    ),
    "urusan.unsur_pendukung": ("unsur pendukung", "supporting element"),
    "urusan.unsur_penunjang": ("unsur penunjang", "auxiliary element"),
    "urusan.unsur_pengawasan": ("unsur pengawasan", "oversight element"),
    "urusan.unsur_kewilayahan": ("unsur kewilayahan", "territorial element"),
    "urusan.unsur_pemerintahan_umum": ("unsur pemerintahan umum", "general government element"),
}

#: The Indonesian pages of the rules added here (merged into ``messages.rules.HALAMAN``).
HALAMAN: dict[str, str] = {
    "R008": """\
Kode urusan sebuah unsur pendukung atau penunjang, bukan urusan pemerintahan konkuren.

Alasan: perencanaan daerah mengodekan lebih dari 32 urusan konkuren (Permendagri 90/2019
dan pemutakhirannya, mis. Kepmendagri 050-5889/2021): unsur pendukung (``4.01``
sekretariat daerah, ``4.02`` sekretariat DPRD), penunjang (``5.01`` perencanaan, ``5.02``
keuangan, ``5.03`` kepegawaian, ``5.04`` pendidikan dan pelatihan, ``5.05`` penelitian dan
pengembangan, ...), pengawasan (``6.01`` inspektorat daerah), kewilayahan (``7.01``
kecamatan) dan pemerintahan umum (``8.01`` kesatuan bangsa dan politik). Permohonan nyata
menyangkut hal itu: keuangan daerah (opsen pajak), kepegawaian, perencanaan, penelitian,
dukungan pemilu. Kode ini diterima, tetapi objek KSDD adalah urusan konkuren (UU 23/2014
Pasal 12, Permendagri 22/2020): peringatan ini menanyakan apakah urusan konkuren lebih
tepat. Urusan absolut pemerintah pusat tidak memiliki kode dan tetap menjadi galat
``unknown-urusan`` (R003).

Contoh yang lolos::

    urusan: ["2.16"]   # komunikasi dan informatika

Contoh yang gagal (peringatan)::

    urusan: ["5.02"]   # keuangan: unsur penunjang
""",
}
