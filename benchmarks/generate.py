"""Write a deterministic synthetic ksd data repository of valid (optionally broken) records."""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

REFERENCE = Path(__file__).resolve().parent.parent / "src" / "ksd_cli" / "reference"
OWNER = "64.02"
OWNER_DIGITS = "6402"
FIRST = date(2019, 1, 1)
LAST = date(2025, 6, 30)
KSD_TOML = f'[daerah]\nkode = "{OWNER}"\nzona_waktu = "Asia/Makassar"\n'
# Regions bordering Kutai Kartanegara: the partners of a mandatory (ksdd_wajib) cooperation.
BORDERING = ["64.07", "64.08", "64.09", "64.71", "64.72", "64.74"]
KALTIM = ["64", "64.01", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71", "64.72", "64.74"]
KINDS = ["ksdd_sukarela", "ksdd_wajib", "ksdpk", "sinergi", "ksdpl", "ksdll"]
KIND_WEIGHTS = [30, 15, 30, 12, 6, 7]
LABELS = ["pihak_kesatu", "pihak_kedua", "pihak_ketiga", "pihak_keempat"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
PLACES = ["Tenggarong", "Samarinda", "Balikpapan", "Jakarta", "Bontang", "Sangatta"]
MISTAKES = ["unknown_key", "unquoted_urusan", "bad_date", "duplicate_key", "unknown_region"]

FIRST_NAMES = [
    "Edi",
    "Rendi",
    "Andi",
    "Sri",
    "Muhammad",
    "Siti",
    "Agus",
    "Dewi",
    "Rahmat",
    "Nur",
    "Hendra",
    "Yuliani",
    "Bambang",
    "Fitri",
    "Syahrul",
    "Aji",
    "Dayang",
    "Awang",
    "Rita",
    "Joko",
    "Sunggono",
    "Akhmad",
    "Maria",
    "Yohanes",
]
LAST_NAMES = [
    "Damansyah",
    "Solihin",
    "Widodo",
    "Rahmawati",
    "Hidayat",
    "Saputra",
    "Lestari",
    "Gunawan",
    "Kurniawan",
    "Pratama",
    "Wijaya",
    "Sulastri",
    "Nugroho",
    "Haryanto",
    "Arifin",
    "Syahrani",
    "Fadillah",
    "Permata",
    "Taufik",
    "Zulkifli",
]
PREFIXES = ["", "", "Drs. ", "Dr. ", "H. ", "Ir. "]
SUFFIXES = ["", ", S.E.", ", M.Si.", ", S.T., M.T.", ", S.H.", ", S.Sos., M.AP."]


class Theme(NamedTuple):
    """One subject of cooperation with the wording that goes with it."""

    urusan: str
    sub_urusan: str
    opd: str
    judul: str
    isu: str
    potensi: str
    bentuk: str


THEMES = [
    Theme(
        "2.11",
        "Persampahan",
        "Dinas Lingkungan Hidup",
        "Pengelolaan Sampah Regional",
        "Volume sampah melebihi kapasitas TPA kecamatan",
        "Lahan TPA regional di perbatasan",
        "TPA regional bersama",
    ),
    Theme(
        "2.15",
        "Lalu Lintas dan Angkutan Jalan",
        "Dinas Perhubungan",
        "Penyelenggaraan Angkutan Umum Antarwilayah",
        "Trayek angkutan berhenti di batas wilayah",
        "Terminal tipe C di koridor Tenggarong-Samarinda",
        "Integrasi trayek angkutan umum",
    ),
    Theme(
        "1.03",
        "Jalan",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "Pembangunan dan Pemeliharaan Jalan Perbatasan",
        "Ruas jalan perbatasan rusak berat",
        "Jalur logistik hasil perkebunan",
        "Pemeliharaan jalan bersama",
    ),
    Theme(
        "1.02",
        "Upaya Kesehatan",
        "Dinas Kesehatan",
        "Pelayanan Kesehatan Rujukan",
        "Pasien rujukan dari desa perbatasan tidak tertampung",
        "RSUD dengan layanan spesialis",
        "Sistem rujukan terpadu",
    ),
    Theme(
        "1.01",
        "Pendidikan Menengah",
        "Dinas Pendidikan dan Kebudayaan",
        "Peningkatan Mutu Pendidikan dan Tenaga Pendidik",
        "Kekurangan guru bersertifikat",
        "Kampus pendidikan guru di Samarinda",
        "Pelatihan guru bersama",
    ),
    Theme(
        "3.27",
        "Tanaman Pangan",
        "Dinas Tanaman Pangan dan Hortikultura",
        "Pengembangan Kawasan Agribisnis Padi",
        "Produktivitas padi sawah menurun",
        "Lumbung padi Kalimantan Timur",
        "Kawasan agribisnis terpadu",
    ),
    Theme(
        "3.26",
        "Destinasi Pariwisata",
        "Dinas Pariwisata",
        "Pengembangan Destinasi Wisata Sungai Mahakam",
        "Paket wisata sungai belum terhubung",
        "Festival Erau dan wisata budaya Kutai",
        "Paket wisata bersama",
    ),
    Theme(
        "3.25",
        "Perikanan Budidaya",
        "Dinas Perikanan dan Kelautan",
        "Pengembangan Budidaya Perikanan Air Tawar",
        "Benih ikan didatangkan dari luar pulau",
        "Danau Semayang dan Jempang",
        "Balai benih ikan bersama",
    ),
    Theme(
        "2.12",
        "Pendaftaran Penduduk",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Integrasi Data Kependudukan",
        "Data penduduk ganda di wilayah perbatasan",
        "Layanan adminduk daring",
        "Pemanfaatan data kependudukan",
    ),
    Theme(
        "2.16",
        "Aplikasi Informatika",
        "Dinas Komunikasi dan Informatika",
        "Penyelenggaraan Satu Data dan Jaringan Intra Pemerintah",
        "Data sektoral tidak seragam",
        "Pusat data daerah",
        "Berbagi pakai pusat data",
    ),
    Theme(
        "2.17",
        "Usaha Mikro",
        "Dinas Koperasi dan Usaha Kecil Menengah",
        "Pemasaran Produk Usaha Mikro",
        "Produk UMKM sulit menembus pasar kota",
        "Amplang, tenun ulap doyo dan kerajinan manik",
        "Gerai produk daerah",
    ),
    Theme(
        "2.18",
        "Promosi Penanaman Modal",
        "Dinas Penanaman Modal dan PTSP",
        "Promosi Investasi Daerah",
        "Minat investasi rendah di luar sektor tambang",
        "Kawasan industri Kariangau-Samboja",
        "Promosi investasi bersama",
    ),
    Theme(
        "3.30",
        "Stabilisasi Harga",
        "Dinas Perindustrian dan Perdagangan",
        "Pengendalian Harga dan Distribusi Bahan Pokok",
        "Harga bahan pokok berfluktuasi",
        "Pasar induk regional",
        "Kerja sama antardaerah distribusi pangan",
    ),
    Theme(
        "2.09",
        "Ketahanan Pangan",
        "Dinas Ketahanan Pangan",
        "Penguatan Cadangan Pangan",
        "Cadangan pangan daerah terbatas",
        "Surplus beras kecamatan sentra",
        "Lumbung pangan bersama",
    ),
    Theme(
        "1.05",
        "Bencana",
        "Badan Penanggulangan Bencana Daerah",
        "Penanggulangan Bencana dan Kebakaran Hutan dan Lahan",
        "Kebakaran lahan lintas batas",
        "Satuan tugas karhutla terlatih",
        "Pos komando bersama",
    ),
    Theme(
        "2.07",
        "Pelatihan Kerja",
        "Dinas Tenaga Kerja dan Transmigrasi",
        "Pelatihan dan Penempatan Tenaga Kerja",
        "Tenaga kerja lokal kurang terserap",
        "Balai latihan kerja",
        "Pelatihan vokasi bersama",
    ),
]

THIRD_PARTIES = [
    ("PT Mahakam Energi Lestari", "Jl. Jenderal Sudirman No. 12, Balikpapan", "Direktur Utama"),
    ("PT Borneo Agro Sejahtera", "Jl. Poros Samarinda-Tenggarong Km 8", "Direktur"),
    ("Universitas Mulawarman", "Jl. Kuaro, Gunung Kelua, Samarinda", "Rektor"),
    ("Politeknik Negeri Samarinda", "Jl. Cipto Mangunkusumo, Samarinda", "Direktur"),
    ("Yayasan Konservasi Borneo", "Jl. Juanda No. 45, Samarinda", "Ketua Pengurus"),
    ("PT Tirta Kencana Mandiri", "Jl. Ahmad Yani No. 3, Tenggarong", "Direktur Utama"),
    ("PT Angkutan Sungai Nusantara", "Jl. Yos Sudarso No. 20, Samarinda", "Direktur Operasional"),
    (
        "PT Bank Pembangunan Daerah Kalimantan Timur dan Kalimantan Utara",
        "Jl. Jenderal Sudirman No. 33, Samarinda",
        "Direktur Utama",
    ),
]
#: Syllables of the place and company names that grow with the register (see ``Pools``).
SYLLABLES = [
    "ba",
    "ka",
    "ma",
    "sa",
    "ta",
    "ra",
    "la",
    "wa",
    "ja",
    "pa",
    "su",
    "tu",
    "ri",
    "ti",
    "ngi",
    "lo",
    "ke",
    "mu",
    "nu",
    "do",
]


def made_word(number: int) -> str:
    """A place-like word of four syllables, one for each of the 160,000 numbers below 20**4."""
    n = len(SYLLABLES)
    return "".join(SYLLABLES[number // n**k % n] for k in (3, 2, 1, 0)).capitalize()


class Pools:
    """Places and companies whose number grows with the register, so that one partner's
    proposals with alike titles (rule C016) stay a small constant share of the agreements
    instead of growing with the square of their number, as in a real register.

    A place is three words no other place uses: two titles that differ only in their place
    differ by three words, too many for C016 to take them for one request.
    """

    def __init__(self, agreements: int) -> None:
        self.places = max(8, agreements // 20)
        self.companies = max(len(THIRD_PARTIES), agreements // 60)

    def place(self, rng: random.Random) -> str:
        i = rng.randrange(self.places)
        a, b, c = (made_word((3 * i + k) * 7919 % 160_000) for k in range(3))
        return f"Kawasan {a}, {b} dan {c}"

    def company(self, rng: random.Random) -> tuple[str, str, str]:
        i = rng.randrange(self.companies)
        if i < len(THIRD_PARTIES):
            return THIRD_PARTIES[i]
        a, b = (made_word((2 * i + k) * 4099 % 160_000) for k in range(2))
        street = f"Jl. {made_word(i * 31 % 160_000)} No. {i % 97 + 1}, Samarinda"
        return (f"PT {a} {b} Mandiri", street, "Direktur")


MINISTRIES = [
    ("Kementerian Pertanian", "Sekretaris Jenderal Kementerian Pertanian"),
    ("Kementerian Dalam Negeri", "Direktur Jenderal Bina Administrasi Kewilayahan"),
    ("Kementerian Kesehatan", "Sekretaris Jenderal Kementerian Kesehatan"),
    ("Badan Pusat Statistik", "Sekretaris Utama Badan Pusat Statistik"),
    ("Badan Nasional Penanggulangan Bencana", "Sekretaris Utama BNPB"),
    ("Arsip Nasional Republik Indonesia", "Kepala Arsip Nasional Republik Indonesia"),
    ("Perpustakaan Nasional Republik Indonesia", "Kepala Perpustakaan Nasional"),
]
FOREIGN_GOVERNMENTS = [
    ("Pemerintah Kota Kuching Selatan", "Malaysia", "Mayor of Kuching South"),
    ("Pemerintah Kota Tawau", "Malaysia", "President of Tawau Municipal Council"),
    ("Pemerintah Kota Kitakyushu", "Jepang", "Mayor of Kitakyushu"),
    ("Pemerintah Kota Changwon", "Korea Selatan", "Mayor of Changwon"),
    ("Pemerintah Kota Davao", "Filipina", "City Mayor of Davao"),
]
FOREIGN_INSTITUTIONS = [
    ("Japan International Cooperation Agency", "Jepang", "Chief Representative"),
    ("Korea International Cooperation Agency", "Korea Selatan", "Country Director"),
    ("Deutsche Gesellschaft für Internationale Zusammenarbeit", "Jerman", "Country Director"),
    ("Universiti Malaysia Sarawak", "Malaysia", "Vice-Chancellor"),
    ("The Nature Conservancy", "Amerika Serikat", "Country Director"),
]
KENDALA = [
    "Anggaran pendamping belum tersedia",
    "Pergantian pejabat pelaksana",
    "Data dasar belum lengkap",
    "Koordinasi teknis antar-OPD terlambat",
    "Tidak ada kendala berarti",
]
REKOMENDASI = ["dilanjutkan", "dilanjutkan", "diperluas", "diperbaiki", "dihentikan"]


class Region(NamedTuple):
    """A region of the code list with the title of its head."""

    kode: str
    nama: str
    kepala: str
    wilayah: str


class Party:
    """A party of an agreement as written in its record (plain classes, no dataclasses: tests may
    load this file by path without registering it in sys.modules)."""

    def __init__(
        self,
        tipe: str,
        *,
        kode: str = "",
        nama: str = "",
        alamat: str = "",
        negara: str = "",
        jabatan: str = "",
    ) -> None:
        self.peran = ""
        self.tipe = tipe
        self.kode = kode
        self.nama = nama
        self.alamat = alamat
        self.negara = negara
        self.jabatan = jabatan
        self.opd_prefix = ""


class Context:
    """Reference data and state shared by every record of one generation run."""

    def __init__(
        self, rng: random.Random, regions: dict[str, Region], other_regions: list[str]
    ) -> None:
        self.rng = rng
        self.regions = regions
        self.other_regions = other_regions
        self.heads: dict[str, str] = {}
        self.potentials_upto: dict[int, list[str]] = {}
        self.pools = Pools(0)


def q(text: str) -> str:
    """Double-quote a YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def load_regions() -> dict[str, Region]:
    """Read the region code list and derive the title of each region's head."""
    regions: dict[str, Region] = {}
    with open(REFERENCE / "kode_wilayah.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            # The reference list has a name with a trailing space ("... Jakarta Utara "): a
            # line ending in a space is not canonical (fmt trims it), so a file would fail --check.
            nama, tingkat = row["nama"].strip(), row["tingkat"]
            wilayah = nama
            if tingkat == "provinsi":
                kepala, wilayah = "Gubernur " + nama, "Provinsi " + nama
            elif tingkat == "kota":
                kepala = "Wali Kota " + nama.removeprefix("Kota ")
            else:
                kepala = "Bupati " + nama.removeprefix("Kabupaten ")
            regions[row["kode"]] = Region(row["kode"], nama, kepala, wilayah)
    return regions


def load_urusan() -> set[str]:
    """Read the urusan codes."""
    with open(REFERENCE / "urusan.csv", encoding="utf-8", newline="") as handle:
        return {row["kode"] for row in csv.DictReader(handle)}


def person(rng: random.Random) -> str:
    """A plausible Indonesian official's name with titles."""
    return (
        rng.choice(PREFIXES)
        + rng.choice(FIRST_NAMES)
        + " "
        + rng.choice(LAST_NAMES)
        + rng.choice(SUFFIXES)
    )


def head_of(ctx: Context, kode: str) -> str:
    """The (stable) name of a region's head."""
    if kode not in ctx.heads:
        ctx.heads[kode] = person(ctx.rng)
    return ctx.heads[kode]


def nomor(rng: random.Random, party: Party, day: date, kind: str) -> str:
    """A document number in the style of the party."""
    seq = rng.randint(1, 450)
    month = ROMAN[day.month - 1]
    if party.tipe == "pemda":
        unit = "Kerma" if kind == "kb" else "PKS-Kerma"
        return f"{rng.choice(['119', '180', '130'])}/{seq:03d}/{unit}/{month}/{day.year}"
    return f"{seq:03d}/{kind.upper()}/{party.nama.split()[-1][:6].upper()}/{month}/{day.year}"


def parties_for(ctx: Context, kind: str) -> list[Party]:
    """The parties of a cooperation of the given kind, the owning region among them."""
    rng = ctx.rng
    owner = Party("pemda", kode=OWNER)
    partners: list[Party] = []
    if kind == "ksdd_wajib":
        for kode in rng.sample(BORDERING, rng.choice([1, 1, 1, 2])):
            partners.append(Party("pemda", kode=kode))
    elif kind == "ksdd_sukarela":
        kode = rng.choice(KALTIM) if rng.random() < 0.6 else rng.choice(ctx.other_regions)
        partners.append(Party("pemda", kode=kode))
    elif kind == "ksdpk":
        nama, alamat, jabatan = ctx.pools.company(rng)
        partners.append(Party("pihak_ketiga", nama=nama, alamat=alamat, jabatan=jabatan))
        if rng.random() < 0.15:
            partners.append(Party("pemda", kode=rng.choice(BORDERING)))
    elif kind == "sinergi":
        nama, jabatan = rng.choice(MINISTRIES)
        partners.append(Party("kementerian_lembaga", nama=nama, jabatan=jabatan))
    elif kind == "ksdpl":
        nama, negara, jabatan = rng.choice(FOREIGN_GOVERNMENTS)
        partners.append(Party("pemda_luar_negeri", nama=nama, negara=negara, jabatan=jabatan))
    else:
        nama, negara, jabatan = rng.choice(FOREIGN_INSTITUTIONS)
        partners.append(Party("lembaga_luar_negeri", nama=nama, negara=negara, jabatan=jabatan))
    parties = (
        [owner, *partners] if kind != "sinergi" and rng.random() < 0.85 else [*partners, owner]
    )
    for label, party in zip(LABELS, parties, strict=False):
        party.peran = label
        if party.tipe == "pemda":
            region = ctx.regions[party.kode]
            party.jabatan = region.kepala
            party.opd_prefix = region.wilayah
    return parties


def pihak_lines(parties: list[Party]) -> list[str]:
    """The `pihak` block."""
    lines = ["pihak:"]
    for party in parties:
        lines += [f"  - peran: {party.peran}", f"    tipe: {party.tipe}"]
        if party.tipe == "pemda":
            lines.append(f"    kode_wilayah: {q(party.kode)}")
        else:
            lines.append(f"    nama: {q(party.nama)}")
        if party.alamat:
            lines.append(f"    alamat: {q(party.alamat)}")
        if party.negara:
            lines.append(f"    negara: {party.negara}")
    return lines


def term_end(rng: random.Random, start: date, cap: date | None = None) -> date | None:
    """The last day of a term of 1 to 5 years (at most `cap` when that is not before `start`),
    or None (open-ended) when that day is after the last date."""
    end = add_years(start, rng.choice([1, 2, 3, 3, 5])) - timedelta(days=1)
    if cap is not None and start <= cap < end:
        end = cap
    return end if end <= LAST else None


def funding(party: Party) -> str:
    """The source of funds a party brings."""
    if party.tipe == "pemda":
        return f"apbd_{party.peran}"
    return "apbn" if party.tipe == "kementerian_lembaga" else f"dana_{party.peran}"


def signer_lines(
    ctx: Context, parties: list[Party], theme: Theme, ttd: date, delegate: bool
) -> list[str]:
    """The `penandatangan` block; `delegate` lets OPD heads sign for a pemda with a surat kuasa."""
    rng = ctx.rng
    lines = ["    penandatangan:"]
    for party in parties:
        lines.append(f"      - peran: {party.peran}")
        if party.tipe == "pemda" and delegate and rng.random() < 0.6:
            kuasa = ttd - timedelta(days=rng.randint(3, 30))
            lines += [
                f"        nama: {person(rng)}",
                f"        jabatan: Kepala {theme.opd} {party.opd_prefix}",
                "        surat_kuasa:",
                f"          nomor: {q(f'800/{rng.randint(1, 900):03d}/SK-Kuasa/{kuasa.year}')}",
                f"          tanggal: {max(kuasa, FIRST)}",
            ]
        elif party.tipe == "pemda":
            acting = "Pj. " if rng.random() < 0.08 else ""
            lines += [
                f"        nama: {head_of(ctx, party.kode)}",
                f"        jabatan: {acting}{party.jabatan}",
            ]
        else:
            lines += [f"        nama: {person(rng)}", f"        jabatan: {party.jabatan}"]
    return lines


def naskah_lines(
    ctx: Context,
    parties: list[Party],
    theme: Theme,
    jenis: str,
    ttd: date | None,
    sampai: date | None,
    doc_id: str,
    extra: list[str],
) -> list[str]:
    """One naskah entry: signed when `ttd` is set, a draft otherwise."""
    rng = ctx.rng
    lines = [f"  - jenis: {jenis}"]
    if ttd is None:
        return lines + extra
    kind = (
        "kb" if jenis in ("kesepakatan_bersama", "nota_kesepahaman", "nota_kesepakatan") else "pks"
    )
    lines.append("    nomor:")
    lines += [f"      {p.peran}: {q(nomor(rng, p, ttd, kind))}" for p in parties]
    lines += [
        f"    tanggal_ttd: {ttd}",
        f"    tempat_ttd: {rng.choice(PLACES)}",
        f"    berlaku_mulai: {ttd}",
    ]
    if sampai is not None:
        lines.append(f"    berlaku_sampai: {sampai}")
    lines += signer_lines(ctx, parties, theme, ttd, delegate=kind == "pks")
    # The record format's key order (what `ksd fmt` writes): induk, then berkas, then the rest.
    lines += [line for line in extra if line.startswith("    induk:")]
    if rng.random() < 0.5:
        lines.append(f"    berkas: arsip/{doc_id}/{jenis}-{ttd.year}.pdf")
    return lines + [line for line in extra if not line.startswith("    induk:")]


def entries(naskah: list[str]) -> int:
    """Number of documents in a naskah block built so far."""
    return sum(1 for line in naskah if line.startswith("  - jenis: "))


class Timeline:
    """Dates of one cooperation, moving forward and never past the last date."""

    def __init__(self, rng: random.Random, start: date) -> None:
        self.rng = rng
        self.day = start

    def step(self, low: int, high: int) -> date | None:
        """Move forward by a random number of days; None (and no move) if that passes the end."""
        nxt = self.day + timedelta(days=self.rng.randint(low, high))
        if nxt > LAST:
            return None
        self.day = nxt
        return nxt


def agreement(ctx: Context, doc_id: str, start: date, kind: str) -> str:
    """The YAML text of one valid agreement record."""
    rng = ctx.rng
    theme = rng.choice(THEMES)
    parties = parties_for(ctx, kind)
    partner = next(p for p in parties if p.kode != OWNER)
    partner_name = ctx.regions[partner.kode].nama if partner.tipe == "pemda" else partner.nama
    urusan = [theme.urusan]
    if rng.random() < 0.25:
        urusan.append(rng.choice([t.urusan for t in THEMES if t.urusan != theme.urusan]))
    lines = [
        f"id: {doc_id}",
        f"judul: {q(f'{theme.judul} di {ctx.pools.place(rng)} dengan {partner_name}')}",
        f"jenis: {kind}",
        "urusan:",
        *[f"  - {q(code)}" for code in urusan],
        f"maksud_tujuan: {q('Meningkatkan ' + theme.bentuk.lower() + ' untuk pelayanan publik')}",
        f"objek: {theme.judul}",
        "ruang_lingkup:",
        f"  - {q('Pertukaran data dan informasi ' + theme.sub_urusan.lower())}",
        f"  - {q(theme.bentuk)}",
    ]
    lines += pihak_lines(parties)
    lines += ["perangkat_daerah:", f"  - {theme.opd}"]
    eligible = ctx.potentials_upto[start.year]
    if eligible and rng.random() < 0.4:
        lines += ["potensi:", f"  - {rng.choice(eligible)}"]

    t = Timeline(rng, start)
    events: list[tuple[str, date]] = [("identifikasi", start)]
    naskah: list[str] = []
    dprd: list[str] = []
    burdens = False
    pks_signed: date | None = None
    implemented: date | None = None
    operational_end: date | None = None

    def event(tahap: str, low: int, high: int, chance: float) -> date | None:
        """With probability `chance`, a dated `tahapan` event `low` to `high` days on."""
        day = t.step(low, high) if rng.random() < chance else None
        if day is not None:
            events.append((tahap, day))
        return day

    if event("penawaran", 14, 60, 0.92):
        if kind == "sinergi":
            nk_day = t.step(30, 120) if rng.random() < 0.85 else None
            sampai = term_end(rng, nk_day) if nk_day else None
            rencana = ["    rencana_aksi:"]
            for i in range(2):
                rencana += [
                    f"      - kegiatan: {q(f'{theme.bentuk} tahap {i + 1}')}",
                    f"        keluaran: {q('Laporan ' + theme.sub_urusan.lower())}",
                    f"        penanggung_jawab: {theme.opd}",
                    "        sumber_dana: APBN dan APBD",
                ]
            naskah += naskah_lines(
                ctx, parties, theme, "nota_kesepakatan", nk_day, sampai, doc_id, rencana
            )
            pks_signed, operational_end = nk_day, sampai
        else:
            kb_jenis = "kesepakatan_bersama"
            if kind in ("ksdpl", "ksdll"):
                kb_jenis = "nota_kesepahaman"
                if rng.random() < 0.5:
                    loi = t.step(7, 30)
                    if loi:
                        naskah += naskah_lines(
                            ctx,
                            parties,
                            theme,
                            "surat_pernyataan_kehendak",
                            loi,
                            term_end(rng, loi, add_years(loi, 1) - timedelta(days=1)),
                            doc_id,
                            [],
                        )
            elif kind == "ksdpk" and rng.random() < 0.3:
                kb_jenis = "nota_kesepahaman"
            if event("penyusunan_kb", 20, 90, 0.9):
                kb_day = t.step(14, 60) if rng.random() < 0.85 else None
                kb_end = term_end(rng, kb_day) if kb_day else None
                extra = []
                if kb_day and rng.random() < 0.3:
                    extra = [
                        "    pertimbangan:",
                        f"      - {q(f'bahwa {theme.isu.lower()} perlu ditangani bersama')}",
                        f"      - {q(f'bahwa kedua pihak memiliki {theme.potensi.lower()}')}",
                    ]
                naskah += naskah_lines(ctx, parties, theme, kb_jenis, kb_day, kb_end, doc_id, extra)
                kb_position = entries(naskah)
                if kb_day and event("penyusunan_pks", 30, 240, 0.65):
                    burdens = rng.random() < 0.12
                    decided: date | None = None
                    if burdens:
                        asked = t.step(10, 45)
                        decided = t.step(15, 50) if asked and rng.random() < 0.75 else None
                        dprd = ["persetujuan_dprd:", "  diperlukan: true"]
                        if asked:
                            dprd.append(f"  tanggal_permohonan: {asked}")
                        if decided:
                            dprd += [
                                f"  tanggal_keputusan: {decided}",
                                f"  nomor: {q(f'172/{rng.randint(1, 99):02d}/DPRD/{decided:%Y}')}",
                                "  hasil: disetujui",
                            ]
                    if not burdens or decided:
                        pks_day = t.step(20, 120) if rng.random() < 0.85 else None
                        pks_end = term_end(rng, pks_day, kb_end) if pks_day else None
                        extra = (
                            [f"    induk: {kb_position}"] if pks_day and rng.random() < 0.3 else []
                        )
                        if pks_day and rng.random() < 0.4:
                            extra += ["    hak_kewajiban:"]
                            for p in parties:
                                extra += [
                                    f"      {p.peran}:",
                                    f"        - {q('Menyediakan ' + theme.bentuk.lower())}",
                                ]
                        naskah += naskah_lines(
                            ctx,
                            parties,
                            theme,
                            "perjanjian_kerja_sama",
                            pks_day,
                            pks_end,
                            doc_id,
                            extra,
                        )
                        pks_signed, operational_end = pks_day, pks_end
    if pks_signed:
        implemented = event("pelaksanaan", 7, 60, 0.85)
    if pks_signed and operational_end and rng.random() < 0.08:
        amend_day = t.step(60, 300)
        if amend_day and amend_day <= operational_end:
            new_end = add_years(operational_end, 1)
            naskah += naskah_lines(
                ctx,
                parties,
                theme,
                "adendum",
                amend_day,
                new_end if new_end <= LAST else None,
                doc_id,
                [
                    f"    induk: {entries(naskah)}",
                    "    perubahan:",
                    "      - Perpanjangan jangka waktu perjanjian",
                ],
            )
    monev: list[str] = []
    if implemented and rng.random() < 0.7:
        for _ in range(rng.choice([1, 1, 2, 3])):
            day = t.step(150, 365)
            if day is None:
                break
            half = "S1" if day.month <= 6 else "S2"
            monev += [
                f"  - tanggal: {day}",
                f"    periode: {q(f'{day.year}-{half}')}",
                f"    realisasi: {q(theme.bentuk + ' berjalan sesuai rencana kerja')}",
                f"    capaian: {rng.randint(20, 100)}",
                f"    kendala: {rng.choice(KENDALA)}",
                f"    rekomendasi: {rng.choice(REKOMENDASI)}",
            ]
    status = ""
    if implemented and rng.random() < 0.04:
        ended = t.step(30, 200)
        if ended:
            events.append(("berakhir", ended))
            status = rng.choice(["diakhiri", "dibatalkan"])

    if naskah:
        lines += ["naskah:", *naskah]
    lines.append("tahapan:")
    for tahap, day in events:
        lines += [f"  - tahap: {tahap}", f"    tanggal: {day}"]
        if tahap == "penawaran":
            lines.append(f"    dokumen: {q(f'005/{rng.randint(1, 999):03d}/Kerma/{day.year}')}")
        elif tahap == "identifikasi":
            lines.append(f"    keterangan: {q('Hasil pemetaan ' + theme.sub_urusan.lower())}")
    lines += [
        "pembiayaan:",
        "  sumber:",
        *[f"    - {funding(p)}" for p in parties],
        f"  nilai: {rng.randint(5, 2500) * 1_000_000}",
        f"  teranggarkan_apbd: {'false' if burdens else 'true'}",
        "  membebani_masyarakat: false",
        f"  membebani_daerah: {'true' if burdens else 'false'}",
    ]
    lines += dprd
    rpjmd = "2016-2021" if start.year < 2021 else "2021-2026"
    lines += [
        "integrasi_perencanaan:",
        f"  rpjmd: {q(f'{rpjmd}, Misi {rng.randint(1, 5)}')}",
        f"  rkpd_tahun: {min(start.year + 1, 2025)}",
        f"  program: {q('Program ' + theme.sub_urusan)}",
        f"  dpa: {'true' if pks_signed else 'false'}",
    ]
    if monev:
        lines += ["monev:", *monev]
    if status:
        lines.append(f"status: {status}")
    if rng.random() < 0.3:
        lines.append(f"catatan: {q('Dibahas dalam rapat TKKSD ' + str(start.year))}")
    return "\n".join(lines) + "\n"


def break_record(text: str, mistake: str, year: int) -> str:
    """Put one realistic mistake into a valid agreement's text."""
    if mistake == "unknown_key":
        if "    tanggal_ttd: " in text:
            head, _, tail = text.rpartition("    tanggal_ttd: ")
            return head + "    tangal_ttd: " + tail
        return text.replace("\n    tanggal: ", "\n    tangal: ", 1)
    if mistake == "unquoted_urusan":
        return re.sub(
            r'^urusan:\n((?:  - "[0-9.]+"\n)+)',
            lambda m: "urusan: [" + ", ".join(re.findall(r'"([0-9.]+)"', m.group(1))) + "]\n",
            text,
            count=1,
            flags=re.M,
        )
    if mistake == "bad_date":
        return re.sub(
            r"^    tanggal: \d{4}-\d\d-\d\d$",
            f"    tanggal: {year}-02-30",
            text,
            count=1,
            flags=re.M,
        )
    if mistake == "duplicate_key":
        judul = text.split("\n", 2)[1]
        return text.replace("\njenis: ", f"\n{judul}\njenis: ", 1)
    return text.replace(f'kode_wilayah: "{OWNER}"', 'kode_wilayah: "64.20"', 1)


def potential(ctx: Context, doc_id: str, tahun: int) -> str:
    """The YAML text of one valid potential record."""
    rng = ctx.rng
    theme = rng.choice(THEMES)
    kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
    lines = [
        f"id: {doc_id}",
        f'daerah: "{OWNER}"',
        f"tahun: {tahun}",
        f"perangkat_daerah: {theme.opd}",
        f"urusan: {q(theme.urusan)}",
        f"sub_urusan: {theme.sub_urusan}",
        f"isu: {q(theme.isu)}",
        f"potensi: {q(theme.potensi)}",
        f"eksternalitas_lintas_daerah: {'true' if kind == 'ksdd_wajib' else 'false'}",
        f"jenis_usulan: {kind}",
        f"bentuk_kerja_sama: {q(theme.bentuk)}",
        "calon_mitra:",
    ]
    if kind.startswith("ksdd"):
        lines += ["  - tipe: pemda", f"    kode_wilayah: {q(rng.choice(BORDERING))}"]
    else:
        tipe, nama = {
            "ksdpk": ("pihak_ketiga", rng.choice(THIRD_PARTIES)[0]),
            "sinergi": ("kementerian_lembaga", rng.choice(MINISTRIES)[0]),
            "ksdpl": ("pemda_luar_negeri", rng.choice(FOREIGN_GOVERNMENTS)[0]),
            "ksdll": ("lembaga_luar_negeri", rng.choice(FOREIGN_INSTITUTIONS)[0]),
        }[kind]
        lines += [f"  - tipe: {tipe}", f"    nama: {q(nama)}"]
    lines += [
        f"peran_daerah: {q('Penyedia ' + theme.potensi.lower())}",
        f"prioritas: {rng.choice(['tinggi', 'sedang', 'sedang', 'rendah'])}",
        "integrasi_perencanaan:",
        f"  rkpd_tahun: {min(tahun + 1, 2025)}",
        f"  program: {q('Program ' + theme.sub_urusan)}",
    ]
    if rng.random() < 0.6:
        decreed = date(tahun, rng.randint(1, 6 if tahun == LAST.year else 12), rng.randint(1, 28))
        lines += [
            "dokumen_penetapan:",
            "  jenis: keputusan_bupati",
            f"  nomor: {q(f'130/{rng.randint(1, 400):03d}/HK/{tahun}')}",
            f"  tanggal: {decreed}",
        ]
    return "\n".join(lines) + "\n"


#: A long text on one line: a key's or a list item's double-quoted value without escapes.
_LONG_TEXT = re.compile(r'^( *)((?:- )?(?:[a-z_]+: )?)"([^"\\]{60,})"$', re.MULTILINE)


def by_hand(text: str) -> str:
    """``text`` as people write a record by hand: long texts folded, a few comments.

    A comment line above the record, a comment after its kind and an empty line and a
    comment before its documents: where ``ksd fmt`` keeps them.
    """
    text = "# Disalin dari register Bagian Kerja Sama\n" + fold_long_texts(text)
    text = re.sub(r"^(jenis: .*)$", r"\1  # diperiksa TKKSD", text, count=1, flags=re.M)
    return text.replace("\nnaskah:\n", "\n\n# Naskah yang ditandatangani\nnaskah:\n", 1)


def fold_long_texts(text: str, width: int = 88) -> str:
    """``text`` with every long quoted text written as a folded block scalar (``>-``).

    As people write long titles, aims and notes by hand (the sample repository does): the
    value is the same, its words wrapped over lines indented below its key or dash.
    """

    def folded(match: re.Match[str]) -> str:
        indent, head, value = match.groups()
        if "  " in value or value != value.strip():
            return match.group(0)  # folding would join the words with one space
        # Two columns in from the key, or from the dash of a list item: as ksd fmt writes.
        keyed = head.startswith("- ") and head != "- "
        inner = " " * (len(indent) + (2 if keyed else 0) + 2)
        lines = textwrap.wrap(value, max(width - len(inner), 30), break_on_hyphens=False)
        return f"{indent}{head}>-\n" + "\n".join(inner + line for line in lines)

    return _LONG_TEXT.sub(folded, text)


def random_day(rng: random.Random, first: date, last: date) -> date:
    """A uniformly random day in [first, last]."""
    return first + timedelta(days=rng.randint(0, (last - first).days))


def generate(
    out_dir: Path,
    agreements: int,
    potentials: int | None = None,
    seed: int = 1,
    invalid_every: int = 0,
    folded: bool = False,
) -> None:
    """Write ksd.toml and the records; every `invalid_every`-th agreement gets one mistake.

    ``folded``: records written as by hand: long texts as folded block scalars, a few
    comments (see :func:`by_hand`).
    """
    rng = random.Random(seed)
    regions = load_regions()
    unknown = sorted({theme.urusan for theme in THEMES} - load_urusan())
    if unknown:
        raise ValueError(f"urusan codes missing from urusan.csv: {unknown}")
    others = [k for k in regions if "." in k and not k.startswith("64.")]
    ctx = Context(rng, regions, others)
    ctx.pools = Pools(agreements)
    agreements_dir = out_dir / "data" / "agreements"
    potentials_dir = out_dir / "data" / "potentials"
    agreements_dir.mkdir(parents=True, exist_ok=True)
    potentials_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "ksd.toml").write_text(KSD_TOML, encoding="utf-8")

    count = agreements // 5 if potentials is None else potentials
    mapped: list[str] = []
    seq: dict[int, int] = {}
    for year in sorted(rng.randint(FIRST.year, LAST.year) for _ in range(count)):
        seq[year] = seq.get(year, 0) + 1
        doc_id = f"POT-{OWNER_DIGITS}-{year}-{seq[year]:03d}"
        text = potential(ctx, doc_id, year)
        (potentials_dir / f"{doc_id}.yaml").write_text(
            by_hand(text) if folded else text, encoding="utf-8"
        )
        mapped.append(doc_id)
    for year in range(FIRST.year, LAST.year + 1):
        ctx.potentials_upto[year] = [pid for pid in mapped if int(pid.split("-")[2]) <= year]

    starts = sorted(random_day(rng, FIRST, LAST - timedelta(days=14)) for _ in range(agreements))
    seq.clear()
    for index, start in enumerate(starts, 1):
        seq[start.year] = seq.get(start.year, 0) + 1
        doc_id = f"KSD-{OWNER_DIGITS}-{start.year}-{seq[start.year]:03d}"
        text = agreement(ctx, doc_id, start, rng.choices(KINDS, KIND_WEIGHTS)[0])
        if folded:
            text = by_hand(text)
        if invalid_every and index % invalid_every == 0:
            text = break_record(
                text, MISTAKES[(index // invalid_every - 1) % len(MISTAKES)], start.year
            )
        (agreements_dir / f"{doc_id}.yaml").write_text(text, encoding="utf-8")


# ksd consolidate (issue 15): many regions' repositories, with mirrored pairs ---------------------


def generate_regions(
    out_dir: Path, regions: int, agreements: int, seed: int = 1, mirrored: int = 0
) -> list[Path]:
    """Write `regions` repositories of `agreements` records each, one region apiece.

    Each is a repository of `generate` moved to another region of the code list (outside
    Kalimantan Timur, so that no region is its own partner): ids, the owner's party and
    `[daerah]` rewritten. With `mirrored`, `mirrored` KSDD records of each region are also
    kept by the next region, under its own id; every other copy has one planted
    disagreement: a signing date one day later, or another number for the copying party.
    """
    codes = [k for k in load_regions() if "." in k and not k.startswith("64.")][:regions]
    if len(codes) < regions:
        raise ValueError(f"only {len(codes)} regions available")
    roots: list[Path] = []
    for index, code in enumerate(codes):
        root = out_dir / f"r{index:03d}-{code}"
        generate(root, agreements, seed=seed + index)
        digits = code.replace(".", "")
        for path in sorted((root / "data").rglob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            text = text.replace(f"-{OWNER_DIGITS}-", f"-{digits}-")
            text = text.replace(f'"{OWNER}"', f'"{code}"')
            target = path.with_name(path.name.replace(f"-{OWNER_DIGITS}-", f"-{digits}-"))
            path.unlink()
            target.write_text(text, encoding="utf-8")
        (root / "ksd.toml").write_text(KSD_TOML.replace(OWNER, code), encoding="utf-8")
        roots.append(root)
    for index in range(len(codes) - 1 if mirrored else 0):
        _mirror(roots[index], codes[index], roots[index + 1], codes[index + 1], mirrored)
    return roots


def _mirror(root: Path, code: str, partner_root: Path, partner: str, count: int) -> None:
    """Make `count` KSDD records of `root` cooperations with `partner`, kept by both."""
    ksdd = [
        p
        for p in sorted((root / "data" / "agreements").glob("*.yaml"))
        if re.search(r"^jenis: ksdd_sukarela$", p.read_text(encoding="utf-8"), re.M)
    ][:count]
    partner_digits = partner.replace(".", "")
    for number, path in enumerate(ksdd, 1):
        text = path.read_text(encoding="utf-8")
        # The partner party becomes `partner` (the owner's own party is left alone).
        text = re.sub(
            r'(kode_wilayah: )"(?!' + re.escape(code) + r'")[0-9.]+"',
            rf'\1"{partner}"',
            text,
            count=1,
        )
        path.write_text(text, encoding="utf-8")
        copy_id = f"KSD-{partner_digits}-2099-{number:03d}"
        copy = re.sub(r"^id: .*$", f"id: {copy_id}", text, count=1, flags=re.M)
        if number % 2 == 1 and "    tanggal_ttd: " in copy:
            head, _, tail = copy.partition("    tanggal_ttd: ")
            day = date.fromisoformat(tail[:10]) + timedelta(days=1)
            copy = f"{head}    tanggal_ttd: {day.isoformat()}{tail[10:]}"
        elif number % 2 == 0:
            copy = re.sub(r'(      pihak_kedua: )"([^"]*)"', r'\1"\2-X"', copy, count=1)
        # The partner's copy names no potential: potentials are the owner's.
        copy = re.sub(r"^potensi:\n(  - .*\n)+", "", copy, count=1, flags=re.M)
        (partner_root / "data" / "agreements" / f"{copy_id}.yaml").write_text(
            copy, encoding="utf-8"
        )


def average_lines(folder: Path) -> float:
    """Average number of lines of the YAML files in a folder."""
    counts = [path.read_bytes().count(b"\n") for path in folder.glob("*.yaml")]
    return sum(counts) / len(counts) if counts else 0.0


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--agreements", type=int, default=10_000)
    parser.add_argument("--potentials", type=int, default=None, help="default: agreements // 5")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--invalid-every",
        type=int,
        default=0,
        metavar="K",
        help="give every K-th agreement one mistake (0: none)",
    )
    parser.add_argument(
        "--folded",
        action="store_true",
        help="write records as people do by hand: long texts folded (>-), a few comments",
    )
    parser.add_argument(
        "--regions",
        type=int,
        default=0,
        metavar="N",
        help="write N repositories of --agreements records each (ksd consolidate)",
    )
    parser.add_argument(
        "--mirrored",
        type=int,
        default=0,
        metavar="K",
        help="with --regions: K KSDD records of each region also kept by the next one",
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    if args.regions:
        generate_regions(args.out_dir, args.regions, args.agreements, args.seed, args.mirrored)
        print(f"wrote {args.regions} repositories in {time.perf_counter() - began:.2f} s")
        return 0
    generate(
        args.out_dir,
        args.agreements,
        args.potentials,
        args.seed,
        args.invalid_every,
        folded=args.folded,
    )
    elapsed = time.perf_counter() - began
    data = args.out_dir / "data"
    print(
        f"wrote {args.out_dir} in {elapsed:.2f} s: average "
        f"{average_lines(data / 'agreements'):.1f} lines per agreement, "
        f"{average_lines(data / 'potentials'):.1f} per potential"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
