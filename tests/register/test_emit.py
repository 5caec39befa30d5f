"""The fast canonical writer of imported records: the same text as ksd fmt's, or none."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


_PLAIN_WORDS = st.sampled_from(
    ["Kerja Sama", "Bidang 7", "(Tahap I)", "ä-ö", "PT Mitra, Tbk.", "KSD-6402-2021-001",
     "180/00001/KS/2024", "pemda", "Tenggarong", "Bagian Kerja Sama", "x.y"]
)  # fmt: skip
_ODD_WORDS = st.sampled_from(
    ["2021", "yes", "Null", "a:b", "#1", "'kutip'", "-awal", " tepi", "tepi ", "dua  spasi",
     "1e5", "baris\nbaru", "tab\tx", "~", "x\u2028y", "3.26", "\"kutip\""]
)  # fmt: skip
#: Mostly texts written plain, one in about forty that is not: the fast path is taken often.
_TEXT = st.integers(0, 39).flatmap(
    lambda n: _ODD_WORDS if n == 0 else st.lists(_PLAIN_WORDS, min_size=1, max_size=3).map(" ".join)
)
_CODE = st.integers(0, 19).flatmap(
    lambda n: _TEXT if n == 0 else st.sampled_from(["3.26", "64.02", "1.05", "64"])
)
_SCALAR = st.integers(0, 9).flatmap(
    lambda n: (st.integers(-5, 10**12) | st.booleans() | st.dates(date(1990, 1, 1),
               date(2040, 12, 31))) if n == 0 else _TEXT
)  # fmt: skip
_DATE = st.dates(date(1990, 1, 1), date(2040, 12, 31))


def _shuffled(mappings: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """The mappings with their keys in any order (the writer puts them in the format's)."""
    return mappings.flatmap(lambda m: st.permutations(list(m.items())).map(dict))


_PIHAK = _shuffled(
    st.fixed_dictionaries(
        {"peran": _TEXT},
        optional={"tipe": _TEXT, "kode_wilayah": _CODE, "nama": _TEXT, "kategori": _SCALAR},
    )
)
_NASKAH = _shuffled(st.fixed_dictionaries(
    {"jenis": _TEXT},
    optional={"nomor": st.dictionaries(st.sampled_from(["pihak_kesatu", "pihak_kedua"]), _TEXT,
                                       min_size=1),
              "tanggal_ttd": _DATE, "berlaku_sampai": _DATE | _TEXT, "tempat_ttd": _TEXT,
              "ruang_lingkup": st.lists(_TEXT, min_size=1, max_size=3),
              "nilai": st.integers(0, 10**12) | _SCALAR},
))  # fmt: skip
_RECORD = _shuffled(st.fixed_dictionaries(
    {"id": _TEXT},
    optional={"judul": _TEXT, "jenis": _TEXT, "urusan": st.lists(_CODE, max_size=3),
              "pihak": st.lists(_PIHAK, min_size=1, max_size=3),
              "perangkat_daerah": st.lists(_TEXT, min_size=1, max_size=2),
              "naskah": st.lists(_NASKAH, min_size=1, max_size=2),
              "pembiayaan": st.fixed_dictionaries({"nilai": _SCALAR})},
))  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=_RECORD)
def test_fast_text_is_ksd_fmt_s_or_none_for_any_record(record: dict[str, Any]) -> None:
    # Key order shuffled by the strategy; texts that need quoting, codes that are not codes,
    # numbers, booleans and dates anywhere: the fast path writes fmt's text or gives up.
    fast = canonical_text(record, HEADER)
    if fast is not None:
        assert fast == record_text(record, "agreement", HEADER)
