"""Messages of the record format v1.1 additions (issue 10 §2): new rules and new wordings."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "tambahan.sampai-tidak-diketahui": (
        "masa berlaku tidak diketahui",
        "validity period unknown",
    ),
    "tambahan.tanpa-batas": ("tanpa batas", "no end date"),
    # R007
    "adendum-tanpa-induk": (
        "adendum tanpa naskah yang diubahnya: catat naskah yang diubah (boleh "
        "`diarsipkan: false` bila naskahnya tidak ada di arsip) sebelum adendum ini",
        "an adendum with no document it amends: record the amended document (with "
        "`diarsipkan: false` if it is not in the archive) before this adendum",
    ),
    "adendum-tanpa-induk.induk": (
        "induk {value} tidak menunjuk naskah mana pun (rekaman ini memuat {count} naskah)",
        "induk {value} points at no document (this record holds {count})",
    ),
    # C014
    "kategori-tidak-sesuai": (
        "kategori `{kategori}` tidak berlaku untuk pihak bertipe {tipe} (pilihan: {pilihan})",
        "category `{kategori}` does not apply to a party of type {tipe} (choices: {pilihan})",
    ),
    "kategori-tidak-sesuai.tanpa-pilihan": (
        "kategori hanya dicatat untuk pihak_ketiga dan kementerian_lembaga, bukan {tipe}",
        "a category is recorded only for pihak_ketiga and kementerian_lembaga, not {tipe}",
    ),
    # C016
    "registrasi-ganda": (
        "mungkin terdaftar dua kali: {other} ({other_judul}) dengan mitra yang sama, "
        "judul yang mirip dan belum ada naskah yang ditandatangani",
        "possibly registered twice: {other} ({other_judul}) has the same partner, a very "
        "similar title and nothing signed",
    ),
}

#: The Indonesian pages of the v1.1 rules (merged into ``messages.rules.HALAMAN``).
HALAMAN: dict[str, str] = {
    "R007": """\
Adendum tanpa naskah sebelumnya yang diubahnya.

Alasan: adendum mengubah perjanjian yang lebih dahulu (KB, nota kesepakatan, PKS); berdiri
sendiri ia bukan kerja sama. Arsip sering menyimpan adendumnya tetapi tidak naskah yang
diubahnya: catat naskah itu juga, sebelum adendum, sebagai naskah yang diketahui ada tetapi
tidak diarsipkan (``diarsipkan: false``: cukup ``jenis``-nya), dan tunjuk dengan ``induk``.
Aturan ini baru pada format rekaman v1.1 dan salah satu dari dua perubahan yang disengaja:
rekaman yang naskahnya hanya sebuah adendum dulu lolos dan kini galat (lihat CHANGELOG.md).
``induk`` di luar daftar sudah menjadi ``R006``. PKS boleh berdiri sendiri.

Contoh yang lolos::

    naskah:
      - jenis: kesepakatan_bersama      # 1: diketahui ada, tidak diarsipkan
        diarsipkan: false
      - jenis: adendum                  # 2
        induk: 1
        tanggal_ttd: 2023-04-11

Contoh yang gagal::

    naskah:
      - jenis: adendum
        tanggal_ttd: 2023-04-11
""",
    "C014": """\
``kategori`` pihak yang tidak sesuai dengan ``tipe``-nya.

Alasan: ``kategori`` (format rekaman v1.1) menyatakan siapa sebenarnya mitra, agar laporan
dapat menghitung mitra menurut jenisnya. Untuk ``pihak_ketiga``: ``badan_usaha_swasta``,
``bumn``, ``bumd``, ``perguruan_tinggi``, ``organisasi_kemasyarakatan``, ``perorangan``,
``lembaga_lainnya``. Untuk ``kementerian_lembaga``: ``kementerian``,
``lembaga_pemerintah_non_kementerian``, ``instansi_vertikal`` (Kantor Pertanahan, Imigrasi,
BNN, Polres, pengadilan). BPJS adalah ``pihak_ketiga`` berkategori ``lembaga_lainnya`` dan
perguruan tinggi negeri ``pihak_ketiga`` berkategori ``perguruan_tinggi``: PP 28/2018
menyebut "badan hukum" dan "perguruan tinggi" di antara pihak ketiga, dan kementerian serta
LPNK di antara pemerintah pusat; BPJS (badan hukum publik yang bertanggung jawab kepada
Presiden) dan perguruan tinggi bukan keduanya. Tipe pihak lainnya tidak berkategori.

Contoh yang lolos::

    pihak:
      - {peran: pihak_kedua, tipe: kementerian_lembaga, nama: Kantor Pertanahan Kota Samarinda,
         kategori: instansi_vertikal}

Contoh yang gagal::

    pihak:
      - {peran: pihak_kedua, tipe: pihak_ketiga, nama: PT Maju Bersama, kategori: kementerian}
""",
}
