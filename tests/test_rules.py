"""Rule tables: a record as YAML, an as-of date, and the (code, line, column) findings expected."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from ksd_cli.repository import open_repository
from ksd_cli.validate import validate_repository

HEAD = """\
id: KSD-6402-2021-001
judul: {judul}
jenis: {jenis}
urusan:
  - "2.11"
pihak:
  - peran: pihak_kesatu
    tipe: pemda
    kode_wilayah: "64.02"
  - peran: pihak_kedua
    tipe: {tipe2}
    {ident2}
"""  # the tail of each case starts on line 13

POTENTIAL = """\
id: POT-6402-2021-001
daerah: "64.02"
tahun: 2021
perangkat_daerah: Dinas Lingkungan Hidup
urusan: "2.11"
isu: Sampah lintas daerah
potensi: TPA regional
prioritas: tinggi
"""


def findings(
    tmp_path: Path,
    tail: str,
    *,
    as_of: str = "2025-06-30",
    jenis: str = "ksdd_sukarela",
    judul: str = "Pengelolaan Sampah Regional",
    tipe2: str = "pemda",
    ident2: str = 'kode_wilayah: "64.72"',
    toml: str = "",
) -> list[tuple[str, int, int]]:
    (tmp_path / "data" / "agreements").mkdir(parents=True)
    (tmp_path / "data" / "potentials").mkdir(parents=True)
    text = HEAD.format(judul=judul, jenis=jenis, tipe2=tipe2, ident2=ident2) + textwrap.dedent(tail)
    (tmp_path / "data" / "agreements" / "KSD-6402-2021-001.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "data" / "potentials" / "POT-6402-2021-001.yaml").write_text(
        POTENTIAL, encoding="utf-8"
    )
    (tmp_path / "ksd.toml").write_text(toml, encoding="utf-8")
    report = validate_repository(open_repository(tmp_path), as_of=date.fromisoformat(as_of))
    return [(d.code, d.line, d.column) for d in report.diagnostics]


KB = """\
naskah:
  - jenis: kesepakatan_bersama
    tanggal_ttd: 2021-03-15
"""

CASES: dict[str, tuple[dict[str, str], str, list[tuple[str, int, int]]]] = {
    "clean": ({}, KB, []),
    "unknown key points at the key": (
        {},
        "naskah:\n  - jenis: kesepakatan_bersama\n    tangal_ttd: 2021-03-15\n",
        [("S002", 15, 5)],
    ),
    "missing key points at its mapping": (
        {},
        "tahapan:\n  - keterangan: x\n    tahap: penawaran\n",
        [("S001", 14, 5)],
    ),
    "pemda party without code": ({"ident2": "alamat: Samarinda"}, "", [("S001", 10, 5)]),
    "third party without name": (
        {"jenis": "ksdpk", "tipe2": "pihak_ketiga", "ident2": "alamat: Samarinda"},
        "",
        [("S001", 10, 5)],
    ),
    "wrong type": ({}, "pembiayaan:\n  nilai: satu miliar\n", [("S003", 14, 10)]),
    "bool written as ya": ({}, "pembiayaan:\n  teranggarkan_apbd: ya\n", [("S003", 14, 22)]),
    "empty required text": ({"judul": '""'}, "", [("S003", 2, 8)]),
    "a year as monev period and a known potential": (
        {},
        "potensi: [POT-6402-2021-001]\nmonev:\n  - tanggal: 2024-01-02\n    periode: 2024\n",
        [],
    ),
    "bad enum": ({"jenis": "ksdd-sukarela"}, "", [("S005", 3, 8)]),
    "impossible date": (
        {},
        "naskah:\n  - jenis: kesepakatan_bersama\n    tanggal_ttd: 2023-02-29\n",
        [("S006", 15, 18)],
    ),
    "capaian over 100": (
        {},
        "monev:\n  - tanggal: 2024-01-02\n    capaian: 185\n",
        [("S011", 15, 14)],
    ),
    "unknown region code": ({"ident2": 'kode_wilayah: "64.99"'}, "", [("R001", 12, 19)]),
    "old papua code is a warning": ({"ident2": 'kode_wilayah: "91.01"'}, "", [("R002", 12, 19)]),
    "unknown potential": ({}, "potensi:\n  - POT-6402-2021-009\n", [("R004", 14, 5)]),
    "nomor keyed by no party": (
        {},
        "naskah:\n  - jenis: kesepakatan_bersama\n    nomor:\n      pihak_ke2: 1/2\n",
        [("R005", 16, 7)],
    ),
    "induk pointing later": (
        {},
        "naskah:\n  - jenis: perjanjian_kerja_sama\n    induk: 2\n  - jenis: kesepakatan_bersama\n",
        [("R006", 15, 12)],
    ),
    "ksdd with a company": (
        {"tipe2": "pihak_ketiga", "ident2": "nama: PT Kaltim Lestari"},
        "",
        [("C001", 11, 11)],
    ),
    "ksdpk without third party": ({"jenis": "ksdpk"}, "", [("C003", 7, 3)]),
    "sinergi without ministry": ({"jenis": "sinergi"}, "", [("C004", 7, 3)]),
    "validity reversed": ({}, KB + "    berlaku_sampai: 2020-03-14\n", [("C005", 16, 21)]),
    "pks before kb": (
        {},
        KB + "  - jenis: perjanjian_kerja_sama\n    tanggal_ttd: 2021-01-10\n",
        [("C006", 17, 18)],
    ),
    "date after as-of": (
        {},
        "naskah:\n  - jenis: kesepakatan_bersama\n    tanggal_ttd: 2025-07-01\n",
        [("C007", 15, 18)],
    ),
    "event of a proposal after as-of (v1.1)": (
        {},
        "peristiwa:\n  - jenis: permohonan\n    tanggal: 2025-07-01\n",
        [("C007", 15, 14)],
    ),
    "stages backwards": (
        {},
        "tahapan:\n  - tahap: penyusunan_kb\n    tanggal: 2021-01-10\n  - tahap: penawaran\n    tanggal: 2021-02-10\n",
        [("C008", 15, 14)],
    ),
    "official without surat kuasa": (
        {},
        KB
        + "    penandatangan:\n      - peran: pihak_kesatu\n        nama: Ir. Slamet\n        jabatan: Kepala Dinas Lingkungan Hidup\n",
        [("C009", 17, 9)],
    ),
    "deputy without surat kuasa": (
        {},
        KB
        + "    penandatangan:\n      - peran: pihak_kesatu\n        nama: H. Rendi\n        jabatan: Wakil Bupati Kutai Kartanegara\n",
        [("C009", 17, 9)],
    ),
    "deputy on an appointment decree (v1.1 dasar_kewenangan)": (
        {},
        KB
        + "    penandatangan:\n      - peran: pihak_kesatu\n        nama: H. Rendi\n        jabatan: Wakil Bupati Kutai Kartanegara\n"
        "        dasar_kewenangan:\n          jenis: keputusan_pengangkatan\n          nomor: 100.3.3.3-1/2023\n",
        [],
    ),
    "official whose ground is explicitly unknown (v1.1)": (
        {},
        KB
        + "    penandatangan:\n      - peran: pihak_kesatu\n        nama: Ir. Slamet\n        jabatan: Kepala Dinas Lingkungan Hidup\n"
        "        dasar_kewenangan: tidak_diketahui\n",
        [],
    ),
    "adendum with nothing before it to amend (v1.1)": (
        {},
        "naskah:\n  - jenis: adendum\n    tanggal_ttd: 2023-04-11\n",
        [("R007", 14, 12)],
    ),
    "adendum of a known but unarchived KB (v1.1)": (
        {},
        "naskah:\n  - jenis: kesepakatan_bersama\n    diarsipkan: false\n  - jenis: adendum\n    induk: 1\n    tanggal_ttd: 2023-04-11\n",
        [],
    ),
    "adendum after a KB, induk implied": (
        {},
        "naskah:\n  - jenis: kesepakatan_bersama\n  - jenis: adendum\n",
        [],
    ),
    "pks standing alone": ({}, "naskah:\n  - jenis: perjanjian_kerja_sama\n", []),
    "kategori of another type (v1.1)": (
        {
            "jenis": "ksdpk",
            "tipe2": "pihak_ketiga",
            "ident2": "nama: PT Maju\n    kategori: kementerian",
        },
        "",
        [("C014", 13, 15)],
    ),
    "kategori fitting its type (v1.1)": (
        {
            "jenis": "ksdpk",
            "tipe2": "pihak_ketiga",
            "ident2": "nama: BPJS Kesehatan\n    kategori: lembaga_lainnya\n    unit_kerja: Kantor Cabang Samarinda",
        },
        "",
        [],
    ),
    "kategori on a pemda (v1.1)": (
        {"ident2": 'kode_wilayah: "64.72"\n    kategori: bumd'},
        "",
        [("C014", 13, 15)],
    ),
    "acting head signs himself": (
        {},
        KB
        + "    penandatangan:\n      - peran: pihak_kesatu\n        nama: H. Rendi\n        jabatan: Plt. Bupati Kutai Kartanegara\n",
        [],
    ),
    "pks burdening only the region needs no DPRD (v1.1, PP 28/2018's 'dan')": (
        {},
        "naskah:\n  - jenis: perjanjian_kerja_sama\n    tanggal_ttd: 2022-06-01\npembiayaan:\n  membebani_daerah: true\n",
        [],
    ),
    "pks burdening the public and the region without DPRD": (
        {},
        "naskah:\n  - jenis: perjanjian_kerja_sama\n    tanggal_ttd: 2022-06-01\npembiayaan:\n  membebani_masyarakat: true\n  membebani_daerah: true\n",
        [("C010", 15, 18)],
    ),
    "nota kesepakatan of a sinergi, not budgeted, without DPRD": (
        {"jenis": "sinergi", "tipe2": "kementerian_lembaga", "ident2": "nama: Kementerian PUPR"},
        "naskah:\n  - jenis: nota_kesepakatan\n    tanggal_ttd: 2022-06-01\npembiayaan:\n  teranggarkan_apbd: false\n",
        [("C010", 15, 18)],
    ),
    "pks with DPRD approval decided before": (
        {},
        "naskah:\n  - jenis: perjanjian_kerja_sama\n    tanggal_ttd: 2022-06-01\npembiayaan:\n  membebani_daerah: true\n"
        "persetujuan_dprd:\n  diperlukan: true\n  tanggal_keputusan: 2022-05-10\n  hasil: disetujui\n",
        [],
    ),
    "pks with DPRD approval decided after": (
        {},
        "naskah:\n  - jenis: perjanjian_kerja_sama\n    tanggal_ttd: 2022-06-01\npembiayaan:\n  teranggarkan_apbd: false\n"
        "persetujuan_dprd:\n  diperlukan: true\n  tanggal_keputusan: 2022-06-10\n  hasil: disetujui\n",
        [("C010", 15, 18)],
    ),
    "status without berakhir event": ({}, "status: dibatalkan\n", [("C011", 13, 9)]),
    "ksdpl without foreign government": ({"jenis": "ksdpl"}, "", [("C012", 7, 3)]),
    "partner with the owner's own region code": (
        {"ident2": 'kode_wilayah: "64.02"\n    nama: Kabupaten Kutai Kartanegara'},
        "",
        [("C013", 12, 19)],
    ),
    "placeholder partner of ksd new with the owner's code": (
        {"ident2": 'kode_wilayah: "64.02"\n    nama: "ISI: NAMA DAN KODE WILAYAH MITRA"'},
        "",
        [],
    ),
    "ignored by configuration": (
        {"toml": '[validate]\nignore = ["C011"]\n'},
        "status: dibatalkan\n",
        [],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_rule_table(case: str, tmp_path: Path) -> None:
    options, tail, expected = CASES[case]
    assert findings(tmp_path, tail, **options) == expected


def test_unquoted_codes_are_named_as_typed(tmp_path: Path) -> None:
    got = findings(tmp_path, "", ident2="kode_wilayah: 64.70")
    assert got == [("S004", 12, 19)]
    report = validate_repository(open_repository(tmp_path), as_of=date(2025, 6, 30))
    assert report.diagnostics[0].hint == 'tulis: "64.70"'
    assert "angka 64.7" in report.diagnostics[0].message
