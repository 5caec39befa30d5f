"""The rules' pages in Indonesian: what each rule catches, why, a passing and a failing snippet.

A rule's English page is its module docstring (``src/ksd_cli/rules/*.py``); its Indonesian page
lives here, keyed by rule code, in the same shape: a one-line summary, then ``Alasan:``, then
``Contoh yang lolos`` and ``Contoh yang gagal``. A page is optional per rule: a rule without one
is explained in English, and ``ksd rules`` says so. The words of the ``ksd rules`` command
itself are ordinary catalog entries (``ENTRIES``).
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING

from ksd_cli.messages.additions import HALAMAN as _HALAMAN_V11
from ksd_cli.messages.v11 import HALAMAN as _HALAMAN_V11_REST

if TYPE_CHECKING:
    from ksd_cli.messages import Lang

ENTRIES: dict[str, tuple[str, str]] = {
    "rules.col.code": ("kode", "code"),
    "rules.col.name": ("nama", "name"),
    "rules.col.severity": ("tingkat", "severity"),
    "rules.col.summary": ("ringkasan", "summary"),
    "rules.no-page": (
        "Halaman aturan ini belum tersedia dalam bahasa Indonesia; berikut halaman dalam bahasa "
        "Inggris.",
        "This rule has no page in Indonesian yet; its English page follows.",
    ),
}

#: The Indonesian page of each rule, by rule code.
HALAMAN: dict[str, str] = {
    "C001": """\
KSDD (kerja sama antardaerah) dengan pihak yang bukan pemerintah daerah.

Alasan: PP 28/2018 menetapkan kerja sama daerah dengan daerah lain (``ksdd_wajib``,
``ksdd_sukarela``) hanya antara pemerintah daerah. Dengan perusahaan, kementerian atau
mitra luar negeri, kerja sama itu termasuk jenis lain (``ksdpk``, ``sinergi``, ``ksdpl``,
``ksdll``) dengan tata cara yang lain pula.

Contoh yang lolos::

    jenis: ksdd_sukarela
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}

Contoh yang gagal::

    jenis: ksdd_sukarela
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pihak_ketiga, nama: PT Kaltim Lestari}
""",
    "C002": """\
KSDD wajib dengan kurang dari dua pemerintah daerah.

Alasan: ``ksdd_wajib`` adalah kerja sama yang diwajibkan PP 28/2018 antara daerah yang
*berbatasan* untuk urusan yang eksternalitasnya lintas daerah; kerja sama ini memerlukan
paling sedikit dua pemda. (ksd tidak memiliki peta batas wilayah, sehingga pemeriksaan
apakah kedua daerah benar-benar berbatasan diserahkan kepada penelaah.)

Contoh yang lolos::

    jenis: ksdd_wajib
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}

Contoh yang gagal::

    jenis: ksdd_wajib
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pihak_ketiga, nama: Perumda Tirta Kencana}
""",
    "C003": """\
KSDPK tanpa pihak ketiga.

Alasan: kerja sama daerah dengan pihak ketiga (Permendagri 22/2020) menurut definisinya
dilakukan dengan pihak nonpemerintah: perusahaan, yayasan, perguruan tinggi, organisasi
atau perorangan, yaitu ``tipe: pihak_ketiga``. (Jangan dikacaukan dengan label
``peran: pihak_ketiga``.)

Contoh yang lolos::

    jenis: ksdpk
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pihak_ketiga, nama: Universitas Mulawarman}

Contoh yang gagal::

    jenis: ksdpk
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}
""",
    "C004": """\
Sinergi tanpa kementerian atau lembaga pemerintah pusat.

Alasan: sejak Permendagri 22/2020, kerja sama dengan kementerian atau lembaga pemerintah
pusat (K/L) disebut *sinergi*, dituangkan dalam Nota Kesepakatan dengan lampiran rencana
aksi; sinergi memerlukan pihak bertipe ``kementerian_lembaga``.

Contoh yang lolos::

    jenis: sinergi
    pihak:
      - {peran: pihak_kesatu, tipe: kementerian_lembaga, nama: Kementerian Pertanian}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.02"}

Contoh yang gagal::

    jenis: sinergi
    pihak:
      - {peran: pihak_kesatu, tipe: pihak_ketiga, nama: Perum Bulog}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.02"}
""",
    "C005": """\
Naskah yang masa berlakunya berakhir sebelum dimulai.

Alasan: ``berlaku_sampai`` yang lebih awal dari ``berlaku_mulai`` (atau dari tanggal
penandatanganan bila ``berlaku_mulai`` tidak diisi) adalah salah ketik tahun atau
pasangan tanggal yang tertukar, dan akan membuat naskah kedaluwarsa sejak hari
ditandatangani.

Contoh yang lolos::

    berlaku_mulai: 2021-03-15
    berlaku_sampai: 2026-03-14

Contoh yang gagal::

    berlaku_mulai: 2021-03-15
    berlaku_sampai: 2016-03-14
""",
    "C006": """\
PKS yang ditandatangani sebelum naskah kesepahaman yang menjadi dasarnya.

Alasan: Perjanjian Kerja Sama melaksanakan Kesepakatan Bersama (atau nota kesepahaman);
PKS tidak dapat ditandatangani lebih dahulu. Biasanya salah satu dari kedua tanggal itu
salah ketik. Naskah induk adalah naskah yang ditunjuk oleh ``induk``; tanpa ``induk``,
PKS yang ditandatangani sebelum semua naskah berjenis KB dalam rekaman dilaporkan
terhadap naskah KB yang pertama.

Contoh yang lolos::

    naskah:
      - {jenis: kesepakatan_bersama, tanggal_ttd: 2021-03-15}
      - {jenis: perjanjian_kerja_sama, tanggal_ttd: 2021-09-01}

Contoh yang gagal::

    naskah:
      - {jenis: kesepakatan_bersama, tanggal_ttd: 2021-03-15}
      - {jenis: perjanjian_kerja_sama, tanggal_ttd: 2020-09-01}
""",
    "C007": """\
Tanggal penandatanganan atau peristiwa yang melewati tanggal keadaan.

Alasan: rekaman mencatat apa yang telah terjadi. ``tanggal_ttd``, tanggal tahapan, tanggal
peristiwa usulan (``peristiwa``, format v1.1), monev atau keputusan DPRD di masa depan adalah
salah ketik (2052 untuk 2025) atau rencana yang ditulis sebagai fakta, dan akan memindahkan
kerja sama ke tahap yang belum dicapainya. Tanggal keadaan adalah hari ini menurut zona waktu
daerah, atau ``--as-of``. Tanggal masa berlaku (``berlaku_*``) tentu saja boleh berada di
masa depan.

Contoh yang lolos (diperiksa pada 2025-06-30)::

    tanggal_ttd: 2025-03-15

Contoh yang gagal::

    tanggal_ttd: 2052-03-15
""",
    "C008": """\
Tanggal tahapan yang mundur menurut urutan tahap (peringatan).

Alasan: tahap-tahap kerja sama berurutan (identifikasi, penawaran, penyusunan_kb,
penandatanganan_kb, penyusunan_pks, penandatanganan_pks, pelaksanaan, berakhir). Tahap
yang pertama kali dicapai sebelum tahap yang lebih awal biasanya menandakan salah ketik
tanggal. Yang dibandingkan adalah tanggal pertama setiap tahap dicapai;
``persetujuan_dprd`` dan ``monev`` dapat terjadi kapan saja sehingga tidak dibandingkan,
dan siklus berikutnya (PKS kedua setelah pelaksanaan dimulai) bukan temuan.

Contoh yang lolos::

    tahapan:
      - {tahap: penawaran, tanggal: 2020-11-02}
      - {tahap: penyusunan_kb, tanggal: 2021-01-10}

Contoh yang gagal (peringatan)::

    tahapan:
      - {tahap: penawaran, tanggal: 2021-11-02}
      - {tahap: penyusunan_kb, tanggal: 2021-01-10}
""",
    "C009": """\
Pejabat yang menandatangani atas nama daerah tanpa surat kuasa (peringatan).

Alasan: KB ditandatangani oleh kepala daerah; PKS dapat ditandatangani oleh kepala
perangkat daerah hanya berdasarkan *surat kuasa* dari kepala daerah (Permendagri
22/2020), dan naskah harus menyebutkannya. Penandatangan pihak ``pemda`` yang jabatannya
bukan Gubernur, Bupati atau Wali Kota (termasuk Penjabat/Pj., Plt. dan Plh.) memerlukan
``surat_kuasa``.

Sejak format rekaman v1.1 dasarnya boleh yang lain, dalam ``dasar_kewenangan``: wakil
kepala daerah atau Sekda yang bertindak berdasarkan keputusan pengangkatan
(``jenis: keputusan_pengangkatan``), pejabat ``plt``, ``plh`` atau ``pj`` dengan
keputusannya, atau ``lainnya``; atau ``dasar_kewenangan: tidak_diketahui`` bila sumbernya
tidak menyebutkan. Aturan ini memperingatkan hanya bila tidak ada yang dicatat.

Contoh yang lolos::

    penandatangan:
      - peran: pihak_kesatu
        nama: Ir. Slamet Hadiraharjo
        jabatan: Kepala Dinas Lingkungan Hidup Kabupaten Kutai Kartanegara
        surat_kuasa: {nomor: 180/0123/HK, tanggal: 2022-02-01}
      - peran: pihak_kedua
        nama: Dr. Hj. Rina Kartika, M.Si.
        jabatan: Sekretaris Daerah Kota Samarinda
        dasar_kewenangan: tidak_diketahui

Contoh yang gagal (peringatan)::

    penandatangan:
      - peran: pihak_kesatu
        nama: Ir. Slamet Hadiraharjo
        jabatan: Kepala Dinas Lingkungan Hidup Kabupaten Kutai Kartanegara
""",
    "C010": """\
Naskah operasional yang ditandatangani tanpa persetujuan DPRD yang diwajibkan peraturan.

Alasan: PP 28/2018 mewajibkan persetujuan DPRD atas KSDD "dalam hal rencana KSDD membebani
masyarakat dan daerah dan/atau pendanaan KSDD belum teranggarkan dalam APBD tahun anggaran
berjalan" (Pasal 6, tepat sebelum ayat (4)-nya; syarat yang sama untuk KSDPK pada bagian
KSDPK, Pasal 12; UU 23/2014 Pasal 363 menjadi dasar keduanya). Nomor ayatnya belum dapat
dicocokkan dengan teks resmi dari sini: periksa di Lembaran Negara sebelum mengutipnya lebih
lanjut. Dibaca sesuai bunyinya, persetujuan diperlukan bila kerja sama membebani
masyarakat **dan** daerah sekaligus, **atau** pendanaannya belum teranggarkan dalam APBD
tahun berjalan: ``membebani_masyarakat: true`` bersama ``membebani_daerah: true``, atau
``teranggarkan_apbd: false``. Maka setiap naskah operasional yang telah ditandatangani
(PKS; untuk ``sinergi`` nota kesepakatan) memerlukan ``persetujuan_dprd`` dengan
``hasil: disetujui`` dan ``tanggal_keputusan`` paling lambat pada ``tanggal_ttd``-nya. Nilai
yang tidak diisi berarti tidak diketahui dan tidak menimbulkan temuan; beban pada salah satu
saja juga tidak.

Berubah pada format rekaman v1.1 (salah satu dari dua perubahan yang disengaja, lihat
CHANGELOG.md): v1 membaca syaratnya "masyarakat atau daerah", sehingga
``membebani_daerah: true`` saja sudah galat.

Contoh yang lolos::

    pembiayaan: {membebani_masyarakat: true, membebani_daerah: true}
    persetujuan_dprd: {diperlukan: true, hasil: disetujui, tanggal_keputusan: 2022-05-10}
    naskah:
      - {jenis: perjanjian_kerja_sama, tanggal_ttd: 2022-06-01}

Contoh yang gagal::

    pembiayaan: {teranggarkan_apbd: false}
    naskah:
      - {jenis: perjanjian_kerja_sama, tanggal_ttd: 2022-06-01}
""",
    "C011": """\
Kerja sama yang dihentikan lebih awal tanpa tanggal penghentiannya (peringatan).

Alasan: ``status: dibatalkan`` atau ``status: diakhiri`` dicatat hanya untuk
menghentikan kerja sama lebih awal; format rekaman meminta peristiwa ``berakhir`` dalam
``tahapan`` yang memuat tanggalnya (dan alasannya dalam ``keterangan``), agar laporan
dapat menyebutkan kapan kerja sama berakhir.

Contoh yang lolos::

    tahapan:
      - {tahap: berakhir, tanggal: 2023-08-01, keterangan: Dibatalkan atas kesepakatan para pihak}
    status: dibatalkan

Contoh yang gagal (peringatan)::

    status: dibatalkan
""",
    "C012": """\
Kerja sama luar negeri tanpa mitra luar negerinya.

Alasan: Permendagri 25/2020 membedakan kerja sama dengan pemerintah daerah di luar negeri
(``ksdpl``, kota atau provinsi kembar: pihak bertipe ``pemda_luar_negeri``) dari kerja
sama dengan lembaga di luar negeri (``ksdll``: ``lembaga_luar_negeri``). Rekaman salah
satu jenis itu tanpa mitra tersebut salah jenis atau belum mencantumkan mitranya.

Contoh yang lolos::

    jenis: ksdpl
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda_luar_negeri, nama: Kota Kuching, negara: Malaysia}

Contoh yang gagal::

    jenis: ksdpl
    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: lembaga_luar_negeri, nama: JICA, negara: Jepang}
""",
    "R001": """\
Kode wilayah yang tidak terdapat dalam daftar kode Kemendagri.

Alasan: pihak ``pemda``, ``daerah`` sebuah potensi dan calon mitra dikenali dari kode
Kemendagri (Kepmendagri 300.2.2-2138 Tahun 2025): ``"64.02"`` untuk Kabupaten Kutai
Kartanegara, ``"64"`` untuk Provinsi Kalimantan Timur. Kode yang salah menempatkan kerja
sama pada daerah yang salah di setiap laporan. Kode Papua sebelum 2022 dilaporkan oleh
``old-kode-wilayah``.

Contoh yang lolos::

    kode_wilayah: "64.72"

Contoh yang gagal::

    kode_wilayah: "64.99"
""",
    "R002": """\
Kode wilayah Papua sebelum 2022.

Alasan: ketika Papua dan Papua Barat dimekarkan pada 2022 (Papua Selatan, Papua Tengah,
Papua Pegunungan, Papua Barat Daya), 26 kabupaten/kota memperoleh kode baru. Rekaman lama
masih memuat kode lama; kode itu tidak salah sebagai sejarah, tetapi laporan
mengelompokkan menurut kode yang berlaku. Peringatan ini menyebutkan kode barunya.

Contoh yang lolos::

    kode_wilayah: "93.01"   # Kabupaten Merauke

Contoh yang gagal (peringatan)::

    kode_wilayah: "91.01"   # kode Merauke sebelum 2022
""",
    "R003": """\
Kode urusan yang bukan salah satu dari 32 urusan pemerintahan konkuren.

Alasan: objek kerja sama adalah satu atau lebih *urusan pemerintahan konkuren* (UU
23/2014 Pasal 12; Permendagri 22/2020), dikodekan seperti dalam SIPD: ``"1.xx"`` wajib
pelayanan dasar, ``"2.xx"`` wajib nonpelayanan dasar, ``"3.xx"`` pilihan. Urusan absolut
pemerintah pusat (politik luar negeri, pertahanan, keamanan, yustisi, moneter dan fiskal
nasional, agama) tidak pernah menjadi objek kerja sama dan tidak memiliki kode di sini.
Daftarnya disertakan dalam ksd (``ksd_cli/reference/urusan.csv``).

Contoh yang lolos::

    urusan: ["2.11"]   # lingkungan hidup

Contoh yang gagal::

    urusan: ["2.40"]
""",
    "R004": """\
Rujukan ``potensi`` kepada potensi yang tidak ada.

Alasan: tindak lanjut pemetaan potensi diturunkan dari kerja sama yang menyebutkannya;
rujukan kepada potensi yang tidak ada atau telah berganti nama memutus kaitan itu tanpa
pemberitahuan, dan potensi tersebut dilaporkan tidak pernah ditindaklanjuti.

Contoh yang lolos (``data/potentials/POT-6402-2023-001.yaml`` ada)::

    potensi: [POT-6402-2023-001]

Contoh yang gagal::

    potensi: [POT-6402-2023-099]
""",
    "R005": """\
Nomor, penandatangan atau hak dan kewajiban dengan ``peran`` yang tidak menunjuk pihak mana pun.

Alasan: dalam naskah, ``nomor`` memuat nomor naskah menurut setiap pihak,
``penandatangan`` siapa yang menandatangani untuk setiap pihak, dan ``hak_kewajiban`` hak
dan kewajiban setiap pihak, semuanya dengan kunci ``peran`` pihak tersebut. Kunci yang
tidak menunjuk pihak mana pun (``pihak_kedua`` dalam rekaman yang pihaknya
``pihak_kesatu`` dan ``pihak_ketiga``) berarti nomor atau tanda tangan yang hilang dari
rancangan naskah.

Contoh yang lolos::

    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}
    naskah:
      - jenis: kesepakatan_bersama
        nomor: {pihak_kesatu: 180/015/HK/III/2021, pihak_kedua: 100.3.7/12/2021}

Contoh yang gagal::

    naskah:
      - jenis: kesepakatan_bersama
        nomor: {pihak_kesatu: 180/015/HK/III/2021, pihak_ke2: 100.3.7/12/2021}
""",
    "R006": """\
``induk`` yang tidak menunjuk naskah mana pun, atau menunjuk naskah yang lebih kemudian.

Alasan: ``induk`` adalah posisi (dimulai dari 1) dalam daftar ``naskah`` rekaman, yaitu
naskah yang diikuti oleh sebuah PKS atau diubah oleh sebuah adendum. Naskah dicantumkan
menurut urutan pembuatannya, sehingga naskah induk selalu lebih dahulu; posisi di luar
daftar atau pada naskah yang lebih kemudian adalah kekeliruan.

Contoh yang lolos::

    naskah:
      - jenis: kesepakatan_bersama      # 1
      - jenis: perjanjian_kerja_sama    # 2
        induk: 1

Contoh yang gagal::

    naskah:
      - jenis: kesepakatan_bersama      # 1
      - jenis: perjanjian_kerja_sama    # 2
        induk: 3
""",
    "S001": """\
Kunci wajib tidak ada.

Alasan: format rekaman menandai kunci yang diperlukan setiap rekaman (``id``, ``judul``,
``jenis``, ``urusan``, ``pihak`` untuk kerja sama; ``tanggal`` untuk setiap peristiwa dan
monev; ...). Sebagian kunci diwajibkan menurut tipe pihak: pihak ``pemda`` memerlukan
``kode_wilayah`` (namanya diambil dari daftar kode), setiap pihak lain memerlukan
``nama``; demikian pula untuk ``calon_mitra`` sebuah potensi. Temuan menunjuk mapping
yang tidak memiliki kunci tersebut.

Contoh yang lolos::

    pihak:
      - peran: pihak_kesatu
        tipe: pemda
        kode_wilayah: "64.02"
      - peran: pihak_kedua
        tipe: pihak_ketiga
        nama: PT Kaltim Lestari

Contoh yang gagal (perusahaan tanpa nama)::

    pihak:
      - peran: pihak_kedua
        tipe: pihak_ketiga
""",
    "S002": """\
Kunci yang tidak dikenal oleh format rekaman.

Alasan: salah ketik seperti ``tangal_ttd`` untuk ``tanggal_ttd`` akan lolos tanpa
pemberitahuan, dan tanggal penandatanganan begitu saja hilang dari setiap laporan. Pesan
temuan menyarankan kunci dikenal yang paling mirip.

Contoh yang lolos::

    naskah:
      - jenis: kesepakatan_bersama
        tanggal_ttd: 2021-03-15

Contoh yang gagal::

    naskah:
      - jenis: kesepakatan_bersama
        tangal_ttd: 2021-03-15
""",
    "S003": """\
Nilai dengan tipe yang salah, atau nilai wajib yang kosong.

Alasan: ``nilai`` harus berupa bilangan bulat rupiah, ``teranggarkan_apbd`` true atau
false, ``pihak`` sebuah daftar, dan tanggal harus tanggal yang sah. Nilai dengan tipe
lain akan membuat setiap jumlah dan setiap tahap turunan menjadi salah. Nomor naskah dan
teks lain yang akan dibaca YAML sebagai bilangan harus diberi tanda kutip.

Contoh yang lolos::

    pembiayaan:
      nilai: 1250000000
      teranggarkan_apbd: true

Contoh yang gagal::

    pembiayaan:
      nilai: Rp 1,25 miliar
      teranggarkan_apbd: ya
""",
    "S004": """\
Kode wilayah atau kode urusan yang ditulis tanpa tanda kutip.

Alasan: YAML membaca ``2.10`` tanpa tanda kutip sebagai bilangan 2.1 dan ``64.70``
sebagai 64.7: kode yang diketik analis hilang sebelum program mana pun membacanya. Kode
selalu berupa string: ``"2.10"``, ``"64.02"``.

Contoh yang lolos::

    urusan: ["2.10", "2.11"]

Contoh yang gagal::

    urusan: [2.10, 2.11]
""",
    "S005": """\
Nilai di luar daftar pilihan yang ditetapkan.

Alasan: ``jenis``, ``tipe``, ``tahap``, ``rekomendasi``, ``prioritas`` dan enumerasi
lainnya menjadi dasar setiap penghitungan dan setiap tahap turunan; ``ksdd_sukarella``
yang salah eja akan hilang dari setiap laporan. Pesan temuan mencantumkan pilihan yang
sah.

Contoh yang lolos::

    jenis: ksdd_sukarela

Contoh yang gagal::

    jenis: ksdd-sukarela
""",
    "S006": """\
Tanggal yang bukan tanggal kalender ISO yang sah.

Alasan: tanggal menentukan tahap, status dan setiap temuan kerja sama macet.
``2024-02-30`` atau ``15-03-2021`` harus ditemukan pada saat diketik, bukan berubah
menjadi status yang salah di kemudian hari. Tulis ``YYYY-MM-DD`` tanpa jam.

Contoh yang lolos::

    tanggal_ttd: 2024-02-29

Contoh yang gagal::

    tanggal_ttd: 2023-02-29
""",
    "S007": """\
ID yang tidak mengikuti pola format rekaman.

Alasan: ID dikutip dalam surat, laporan dan pull request selama bertahun-tahun; polanya
membuat daerah pemilik, tahun dan nomor urut dapat dibaca: ``KSD-6402-2024-007`` untuk
kerja sama Kabupaten Kutai Kartanegara (64.02), ``KSD-64-2024-001`` untuk kerja sama
Provinsi Kalimantan Timur, ``POT-6402-2024-003`` untuk potensi yang dipetakan. Nomor
urut paling sedikit tiga digit.

Contoh yang lolos::

    id: KSD-6402-2024-007

Contoh yang gagal::

    id: KSD-64.02-2024-7
""",
    "S008": """\
ID berbeda dari nama berkas.

Alasan: berkas ``data/agreements/KSD-6402-2024-007.yaml`` harus memuat rekaman
``KSD-6402-2024-007``, agar rekaman dapat ditemukan dari ID-nya, dan berkas salinan yang
ID-nya belum diubah dapat diketahui.

Contoh yang lolos: ``id: KSD-6402-2024-007`` dalam ``KSD-6402-2024-007.yaml``.

Contoh yang gagal: ``id: KSD-6402-2024-006`` dalam ``KSD-6402-2024-007.yaml``.
""",
    "S009": """\
ID yang sama dipakai oleh lebih dari satu berkas.

Alasan: sebuah ID menamai satu kerja sama atau satu potensi sepanjang umurnya. Dua berkas
dengan satu ID (salinan, atau ``.yml`` di samping ``.yaml``) membuat rujukan dan laporan
menjadi taksa. Setiap berkas yang memuat ID itu dilaporkan dengan menyebutkan berkas
lainnya.

Contoh yang lolos: setiap ID hanya dalam satu berkas.

Contoh yang gagal: ``id: KSD-6402-2024-007`` dalam dua berkas.
""",
    "S010": """\
Dua pihak dengan ``peran`` yang sama.

Alasan: ``peran`` adalah sebutan pihak dalam naskah (PIHAK KESATU, PIHAK KEDUA, ...);
nomor naskah dan penandatangan dikunci dengan sebutan itu. Dua pihak dengan satu sebutan
membuat keduanya taksa.

Contoh yang lolos::

    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}

Contoh yang gagal::

    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.72"}
""",
    "S011": """\
Bilangan di luar rentangnya, atau daftar dengan butir yang terlalu sedikit.

Alasan: ``capaian`` adalah persentase (0-100), ``nilai`` tidak boleh negatif, ``induk``
dihitung mulai 1, sebuah kerja sama memiliki paling sedikit dua ``pihak`` dan paling
sedikit satu ``urusan``.

Contoh yang lolos::

    monev:
      - tanggal: 2024-12-20
        capaian: 85

Contoh yang gagal::

    monev:
      - tanggal: 2024-12-20
        capaian: 185
""",
    "Y001": """\
Berkas bukan YAML yang sah.

Alasan: rekaman yang tidak dapat dibaca YAML sama sekali tidak dapat diperiksa; pesan
pengurai sendiri menyebutkan apa yang diharapkannya (tanda kutip yang tidak ditutup,
titik dua yang hilang, indentasi yang salah).

Contoh yang lolos::

    judul: Pengelolaan Sampah Regional

Contoh yang gagal (tanda kutip tidak pernah ditutup)::

    judul: "Pengelolaan Sampah Regional
""",
    "Y002": """\
Kunci muncul dua kali dalam satu mapping.

Alasan: pengurai YAML berbeda pendapat tentang nilai mana yang berlaku, sehingga penelaah
pull request melihat nilai yang satu sementara ksd membaca yang lain. ksd memakai nilai
pertama dan melaporkan yang kedua.

Contoh yang lolos::

    naskah:
      - jenis: kesepakatan_bersama
        tanggal_ttd: 2021-03-15

Contoh yang gagal (``tanggal_ttd`` dua kali)::

    naskah:
      - jenis: kesepakatan_bersama
        tanggal_ttd: 2021-03-15
        tanggal_ttd: 2021-03-16
""",
    "Y003": """\
Berkas bukan teks UTF-8.

Alasan: rekaman ditulis dalam UTF-8 (dengan atau tanpa byte-order mark). Berkas yang
disimpan sebagai Windows-1252 atau UTF-16 oleh program perkantoran merusak nama seperti
"Pemerintah Kota Bontang" atau huruf "é" dalam nama mitra luar negeri. Temuan menyebutkan
byte pertama yang bukan UTF-8.

Contoh yang lolos: berkas disimpan sebagai "UTF-8" atau "UTF-8 with BOM".

Contoh yang gagal: berkas yang sama disimpan sebagai "ANSI"/Windows-1252 dan memuat
karakter non-ASCII.
""",
    "Y004": """\
Karakter tab di tempat YAML menghendaki spasi.

Alasan: YAML melarang tab dalam indentasi, dan ruamel.yaml (pembaca yang menjadi acuan
format rekaman) juga menolak tab di antara kunci dan nilainya atau sebelum komentar.
Penyunting teks yang menyisipkan tab menghasilkan berkas yang tampak benar tetapi tidak
dapat dimuat. Ganti tab dengan spasi (ksd memakai dua spasi per tingkat); tab di dalam
teks bertanda kutip tidak menjadi masalah.

Contoh yang lolos::

    pembiayaan:
      nilai: 1250000000

Contoh yang gagal (tab sebelum ``nilai``)::

    pembiayaan:
    <TAB>nilai: 1250000000
""",
    "Y005": """\
Berkas tidak memuat data.

Alasan: berkas rekaman yang kosong biasanya rekaman yang dibuat tetapi tidak pernah
diisi, atau yang isinya hilang ketika penggabungan (merge). Berkas ini dilaporkan agar
diisi atau dihapus.

Contoh yang lolos: berkas yang memuat paling sedikit ``id``, ``judul``, ``jenis``,
``urusan`` dan ``pihak``.

Contoh yang gagal: berkas tanpa isi, hanya berisi komentar, atau hanya ``~``.
""",
    "Y006": """\
Tingkat teratas berkas bukan mapping kunci dan nilai.

Alasan: rekaman adalah sekumpulan isian bernama (``id``, ``judul``, ...). Berkas yang
tingkat teratasnya berupa daftar atau satu nilai tidak dapat menjadi rekaman.

Contoh yang lolos::

    id: KSD-6402-2021-001
    judul: Pengelolaan Sampah Regional

Contoh yang gagal (daftar pada tingkat teratas)::

    - id: KSD-6402-2021-001
      judul: Pengelolaan Sampah Regional
""",
    "Y007": """\
Berkas memuat lebih dari satu dokumen YAML.

Alasan: satu berkas adalah satu rekaman yang dinamai menurut ID-nya. Rekaman yang
ditempelkan dalam satu berkas dengan pemisah ``---`` tidak akan terlihat oleh semua
pemeriksaan lainnya.

Contoh yang lolos: satu rekaman, dengan paling banyak satu ``---`` di awal.

Contoh yang gagal::

    id: KSD-6402-2021-001
    ---
    id: KSD-6402-2021-002
""",
    "Y008": """\
Anchor dan alias YAML yang mengembang hingga ukuran yang tidak wajar.

Alasan: beberapa baris alias bersarang (serangan "billion laughs") dapat mengembang
menjadi miliaran nilai dan menghabiskan memori runner CI. Sebuah pull request dapat
membawa berkas seperti itu, sehingga ksd menghitung ukuran hasil pengembangannya dan
menolak berkas di atas 100.000 simpul. Penggunaan anchor yang wajar (satu blok pihak
dipakai ulang di dua tempat) tidak menjadi masalah.

Contoh yang lolos::

    pihak:
      - &kukar {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}

Contoh yang gagal: sepuluh tingkat daftar, masing-masing mengulang anchor sebelumnya
sepuluh kali.
""",
    "Y009": """\
Berkas lebih besar dari batas yang ditetapkan.

Alasan: sebuah rekaman berukuran beberapa kilobita. Berkas berukuran megabita adalah
kekeliruan (hasil pindaian yang ditempel, keluaran yang dibangkitkan program) dan akan
memperlambat setiap proses CI; berkas itu dilaporkan tanpa dibaca. Batasnya adalah
``[validate] max_file_kb`` dalam ``ksd.toml`` (bawaan 5120 KB).

Contoh yang lolos: rekaman berukuran wajar.

Contoh yang gagal: berkas 6 MB di bawah ``data/agreements/`` dengan batas bawaan.
""",
    "Y010": """\
Berkas memakai fitur YAML yang tidak dipakai dalam rekaman.

Alasan: rekaman adalah data biasa. Tag khusus (``!python/object``), kunci yang berupa
daftar atau mapping, dan merge key ``<<`` yang menunjuk sesuatu selain mapping tidak
memiliki arti dalam format rekaman, sehingga dilaporkan dan tidak ditebak-tebak.

Contoh yang lolos::

    judul: Pengelolaan Sampah Regional

Contoh yang gagal::

    judul: !python/object:os.system "rm -rf /"
""",
    "Y011": """\
Berkas rekaman yang tidak dibaca ksd: tautan simbolik, FIFO, perangkat, atau berkas tak terbaca.

Alasan: repositori data menerima pull request dari banyak orang dan CI menjalankan ksd
atasnya. Berkas rekaman yang berupa tautan simbolik dapat membuat ksd membaca (dan
mencetak ke log CI) berkas apa pun di mesin CI, seperti ``/etc/passwd`` atau
``/proc/self/environ``; FIFO akan membuatnya menunggu selamanya. Entri seperti itu tidak
pernah diikuti atau dibuka: masing-masing dilaporkan, dan setiap berkas lainnya tetap
diperiksa. Berkas yang ditolak dibaca oleh sistem operasi dilaporkan dengan cara yang
sama.

Contoh yang lolos: ``data/agreements/KSD-6402-2024-007.yaml`` adalah berkas biasa.

Contoh yang gagal: ``data/agreements/KSD-6402-2024-007.yaml -> /etc/passwd`` (tautan
simbolik).
""",
    "Y012": """\
Daftar dan mapping yang bersarang lebih dari 64 tingkat.

Alasan: rekaman bersarang paling dalam enam tingkat (``naskah`` → satu dokumen →
``penandatangan`` → seorang penanda tangan → ``surat_kuasa``). Berkas yang bersarang seribu
tingkat (``[[[[...``) adalah serangan terhadap pembaca YAML, yang rekursinya akan habis:
satu berkas seperti itu dalam pull request akan menghentikan setiap perintah untuk setiap
berkas. ksd berhenti membaca pada tingkat 64 dan melaporkan baris tempat kedalaman itu
terlampaui; setiap berkas lainnya tetap diperiksa.

Contoh yang lolos::

    naskah:
      - jenis: kesepakatan_bersama
        penandatangan:
          - {peran: pihak_kesatu, nama: Edi Damansyah, jabatan: Bupati}

Contoh yang gagal: ``catatan: [[[[[[ ... ]]]]]]`` dengan 65 kurung atau lebih.
""",
    "Y013": """\
Teks yang memuat karakter kendali, surrogate tunggal, atau nonkarakter Unicode.

Alasan: teks rekaman sampai ke terminal, log CI, lembar kerja, dan dokumen Word. Karakter
kendali (``"\\x1b"`` menghapus layar terminal, ``"\\0"`` dan ``"\\x01"`` merusak berkas Excel
dan Word), surrogate tunggal (``"\\ud800"``, yang tidak dapat ditulis dalam UTF-8) atau
nonkarakter (``"\\ufffe"``) tidak punya tempat dalam rekaman. String YAML bertanda kutip
dapat menuliskannya dengan escape; semuanya dilaporkan pada nilainya. Tab dan baris baru
adalah teks biasa dan diterima.

Contoh yang lolos::

    catatan: "Rapat koordinasi\\tSamarinda"

Contoh yang gagal::

    catatan: "Rapat koordinasi\\x1b[2J"
""",
    "Y014": """\
Temuan dalam satu berkas lebih banyak daripada yang layak didaftar: 100 yang pertama ditampilkan.

Alasan: berkas hasil generator atau tempelan dapat memuat ribuan masalah sejenis (20.000
kunci tak dikenal); mendaftar semuanya membanjiri log dan anotasi CI serta menyembunyikan
berkas lain. ksd mendaftar 100 temuan pertama suatu berkas menurut urutan posisi dan
menutupnya dengan satu temuan yang menghitung sisanya ("dan 19900 temuan lain"). Ini galat:
berkas itu memang bergalat. Perbaiki yang pertama, lalu jalankan lagi.

Contoh yang lolos: berkas dengan 100 temuan atau kurang (semuanya didaftar).

Contoh yang gagal: berkas dengan 150 kunci tak dikenal: 100 temuan ``S002``, lalu satu
temuan ``Y014`` "dan 50 temuan lain" pada posisi temuan terakhir yang didaftar.
""",
    "Y015": """\
Berkas bernama rekaman di subfolder sebuah folder rekaman: berkas itu tidak dibaca sebagai rekaman.

Alasan: format rekaman itu datar: setiap kerja sama satu berkas langsung di
``data/agreements/``, setiap potensi satu berkas langsung di ``data/potentials/`` (folder
yang disebut ``[paths]``). Berkas yang dipindahkan ke subfolder (``data/agreements/arsip/``,
agar kerja sama yang sudah berakhir tersimpan rapi) tidak dibaca perintah mana pun: berkas itu
akan hilang dari pemeriksaan, laporan dan rujukan tanpa pemberitahuan. Kerja sama yang sudah
berakhir tetap di foldernya, dengan status yang menyatakan bahwa kerja sama itu berakhir.
Setiap berkas ``.yaml``/``.yml`` di subfolder, sedalam apa pun, dilaporkan pada baris
pertamanya dan tidak pernah dibaca.

Contoh yang lolos: ``data/agreements/KSD-6402-2019-001.yaml``.

Contoh yang gagal: ``data/agreements/arsip/KSD-6402-2019-001.yaml``.
""",
    "C013": """\
Dua pihak dengan ``kode_wilayah`` yang sama: daerah yang bekerja sama dengan dirinya sendiri.

Alasan: kerja sama daerah (PP 28/2018) dilakukan antara daerah dan pihak *lain*. Kode
wilayah yang sama pada dua pihak adalah salah salin (kode mitra tidak pernah diganti) dan
akan menghitung kerja sama itu dua kali untuk satu daerah dalam setiap laporan.

Pihak yang ``nama``-nya masih isian sementara (``ISI: ...``) tidak dilaporkan: ``ksd new``
menuliskan kode daerah sendiri di sana agar kerja sama dapat di-commit pada tahap pertamanya
sebelum mitranya diketahui, dan ``ksd diff`` menampilkan isian itu sampai diganti.

Contoh yang lolos::

    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.72"}
      - {peran: pihak_ketiga, tipe: pemda, kode_wilayah: "64.02", nama: "ISI: NAMA MITRA"}

Contoh yang gagal::

    pihak:
      - {peran: pihak_kesatu, tipe: pemda, kode_wilayah: "64.02"}
      - {peran: pihak_kedua, tipe: pemda, kode_wilayah: "64.02"}
""",
}
# The pages of the record format v1.1 rules live with their messages (one area module).
HALAMAN.update(_HALAMAN_V11)
HALAMAN.update(_HALAMAN_V11_REST)


def has_page(code: str, lang: Lang) -> bool:
    """Whether rule ``code`` has its own page in ``lang`` (English pages always exist)."""
    return lang == "en" or code in HALAMAN


def rule_page(code: str, english: str, lang: Lang) -> str:
    """The page of rule ``code`` in ``lang``; ``english`` (its docstring) when it has none."""
    if lang == "id" and code in HALAMAN:
        return inspect.cleandoc(HALAMAN[code])
    return inspect.cleandoc(english)


def rule_summary(code: str, english: str, lang: Lang) -> str:
    """The first line of the page of rule ``code`` in ``lang``."""
    return rule_page(code, english, lang).splitlines()[0]
