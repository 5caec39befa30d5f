"""Messages of the record format v1.1 additions (issue 10 §2): new rules and new wordings."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "tambahan.sampai-tidak-diketahui": (
        "masa berlaku tidak diketahui",
        "validity period unknown",
    ),
    "tambahan.tanpa-batas": ("tanpa batas", "no end date"),
    "tambahan.tidak-diarsipkan": ("ada, tidak diarsipkan", "exists, not archived"),
    # Party categories (v1.1 ``kategori``)
    "kategori-pihak.badan_usaha_swasta": ("Badan usaha swasta", "Private company"),
    "kategori-pihak.bumn": ("BUMN", "State-owned enterprise (BUMN)"),
    "kategori-pihak.bumd": ("BUMD", "Regionally owned enterprise (BUMD)"),
    "kategori-pihak.perguruan_tinggi": ("Perguruan tinggi", "University"),
    "kategori-pihak.organisasi_kemasyarakatan": (
        "Organisasi kemasyarakatan",
        "Civil society organisation",
    ),
    "kategori-pihak.perorangan": ("Perorangan", "Individual"),
    "kategori-pihak.lembaga_lainnya": ("Lembaga lainnya", "Other institution"),
    "kategori-pihak.kementerian": ("Kementerian", "Ministry"),
    "kategori-pihak.lembaga_pemerintah_non_kementerian": (
        "Lembaga pemerintah nonkementerian",
        "Non-ministerial government agency",
    ),
    "kategori-pihak.instansi_vertikal": ("Instansi vertikal", "Vertical office"),
    "kategori-pihak.none": ("Tanpa kategori", "No category"),
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
    # C015
    "pemilik-bukan-pihak": (
        "id {id} menyatakan rekaman ini milik daerah {kode}, tetapi tidak ada pihak pemda "
        "dengan kode_wilayah itu",
        "id {id} says region {kode} owns this record, but no pemda party has that kode_wilayah",
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
    "C015": """\
Rekaman yang daerah pemiliknya bukan salah satu pihaknya (peringatan).

Alasan: daerah dalam id rekaman (``KSD-6402-…``: Kabupaten Kutai Kartanegara) adalah
pemilik rekaman; dalam register tanpa satu pemilik (format rekaman v1.1: ``[daerah]`` boleh
tidak ada, provinsi atau tim menyimpan rekaman beberapa daerah) hanya id itu yang menyatakan
kerja sama siapa ini. Kerja sama selalu mengikat pemiliknya, jadi pemilik harus menjadi pihak
``pemda`` dengan ``kode_wilayah`` itu; bila tidak, id atau pihaknya keliru. Id yang tidak
menyebut daerah dibiarkan.

Contoh yang lolos::

    id: KSD-6402-2021-001
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}

Contoh yang gagal (peringatan)::

    id: KSD-6402-2021-001
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.03"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}
""",
    "C016": """\
Permohonan yang sama terdaftar dua kali (peringatan).

Alasan: register yang dibangun dari sistem permohonan sering memuat satu permohonan yang
diajukan dua kali (oleh dua OPD, atau diajukan lagi setelah balasan tidak sampai). Dua
rekaman tanpa naskah yang ditandatangani, dengan mitra yang sama (daerah menurut kodenya,
pihak lain menurut namanya), judul yang sangat mirip (rasio ``difflib`` paling sedikit 0,8
atas kata-kata berhuruf kecil, atau 0,92 atas hurufnya, setelah "kerja sama" dan kata yang
dimiliki setiap judul disisihkan) dan peristiwa pertama berjarak paling lama 365 hari (tanpa
peristiwa bertanggal: id bertahun sama atau berikutnya) hampir pasti satu kerja sama.
Keduanya diperingatkan, masing-masing menyebut yang lain. Baru pada format rekaman v1.1.
Rekaman hanya dibandingkan dalam kelompok mitranya, dan hanya judul yang berselisih paling
banyak satu kata (dalam urutan apa pun), tidak setiap pasangan.

Contoh yang lolos::

    # KSD-6472-2024-003: "Kerja Sama Pengelolaan Parkir" with PT Parkir Nusantara
    # KSD-6472-2024-009: "Pemanfaatan Aset Gedung" with PT Parkir Nusantara

Contoh yang gagal (peringatan)::

    # KSD-6472-2024-003: "Kerja Sama Pengelolaan Parkir" with PT Parkir Nusantara
    # KSD-6472-2024-009: "Kerjasama Pengelolaan Parkir" with PT Parkir Nusantara
""",
}
