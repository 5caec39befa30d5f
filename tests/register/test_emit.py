"""The fast canonical writer of imported records: the same text as ksd fmt's, or none."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ksd_cli.fmt import format_text
from ksd_cli.register.emit import canonical_text
from ksd_cli.scaffold import record_text

RECORD: dict[str, Any] = {
    "naskah": [
        {
            "jenis": "perjanjian_kerja_sama",
            "nomor": {"pihak_kesatu": "180/015/KB/2021", "pihak_kedua": "415.4/31/PKS/2021"},
            "tanggal_ttd": date(2021, 3, 15),
            "berlaku_sampai": "tidak_diketahui",
            "ruang_lingkup": ["pengangkutan sampah", "penimbangan"],
            "nilai": 1_250_000_000,
        }
    ],
    "id": "KSD-6402-2021-001",
    "urusan": ["2.11", "1.05"],
    "judul": "Pengelolaan Sampah Regional (Tahap I), lanjutan",
    "jenis": "ksdd_sukarela",
    "pihak": [
        {"peran": "pihak_kesatu", "tipe": "pemda", "kode_wilayah": "64.02"},
        {
            "tipe": "pihak_ketiga",
            "peran": "pihak_kedua",
            "nama": "PT Mitra Usaha",
            "kategori": "bumd",
            "alamat": "Jl. Kuaro, Gn. Kelua, Samarinda",
        },
    ],  # fmt: skip
    "peristiwa": [{"jenis": "permohonan", "tanggal": date(2020, 11, 1), "dokumen": "REQ/2020/1"}],
    "pembiayaan": {"pendapatan": [{"jenis": "sewa", "nilai": 5}], "nilai": 12},
    "perangkat_daerah": ["Dinas Lingkungan Hidup"],
}
HEADER = "ksd import: sumber register.xlsx, lembar Daftar, baris 5, 7"


def test_fast_text_is_what_ksd_fmt_writes() -> None:
    fast = canonical_text(RECORD, HEADER)
    assert fast is not None
    assert fast == record_text(RECORD, "agreement", HEADER)
    assert format_text(fast, "agreement") == fast


@pytest.mark.parametrize(
    "judul",
    ["2021", "yes", "Judul: dengan titik dua", "Kerja sama #1", "'kutip'", "baris\nbaru",
     " spasi", "-awal", "Null"],
)  # fmt: skip
def test_texts_that_need_quoting_take_the_general_path(judul: str) -> None:
    assert canonical_text({**RECORD, "judul": judul}, HEADER) is None


def test_imported_records_of_every_register_are_canonical(tmp_path: Any) -> None:
    # Every record the register fixtures produce goes through the fast path unchanged by fmt.
    from pathlib import Path

    from ksd_cli.cli import main

    root = tmp_path / "repo"
    assert main(["init", str(root), "--daerah", "64.02"]) == 0
    registers = Path(__file__).parent.parent / "fixtures" / "registers"
    for name in ("per_kerja_sama.xlsx", "per_naskah.xlsx", "judul_bertingkat.xlsx"):
        assert main(["import", str(registers / name), "--root", str(root),
                     "--as-of", "2025-06-30"]) == 0  # fmt: skip
    for path in (root / "data" / "agreements").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert format_text(text, "agreement") == text
