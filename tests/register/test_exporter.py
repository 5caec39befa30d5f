"""ksd export: a register ksd import reads back; editing one cell changes exactly that field."""

from __future__ import annotations

import copy
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from helpers import agreement_records, worksheet
from openpyxl import load_workbook

from ksd_cli.cli import main

REGISTERS = Path(__file__).parent.parent / "fixtures" / "registers"
AS_OF = "2025-06-30"
TARGET = "KSD-6402-2021-002"
TARGET_V11 = "KSD-6402-2023-001"  # Universitas Mulawarman: a third party
MONTH_ONLY = "KSD-6402-2022-002"  # signed "Juni 2022" (v1.1 month-only date)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("export") / "kerja-sama"
    assert main(["init", str(root), "--daerah", "64.02"]) == 0
    for register in ("per_naskah.xlsx", "per_kerja_sama.xlsx"):
        assert (
            main(["import", str(REGISTERS / register), "--root", str(root), "--as-of", AS_OF]) == 0
        )
    # v1.1 facts a register holds: a proposal's event, revenue (the beasiswa record)
    v11 = root / "data" / "agreements" / f"{TARGET_V11}.yaml"
    v11.write_text(
        v11.read_text(encoding="utf-8")
        + "peristiwa:\n  - jenis: permohonan\n    tanggal: 2022-11\n"
        + "    keterangan: surat rektor\n",
        encoding="utf-8",
    )
    # v1.1 month-only dates: a signing known only to its month, an event (above) likewise
    month = root / "data" / "agreements" / f"{MONTH_ONLY}.yaml"
    text = month.read_text(encoding="utf-8")
    assert "tanggal_ttd: 2022-06-01\n" in text
    month.write_text(text.replace("tanggal_ttd: 2022-06-01\n", "tanggal_ttd: 2022-06\n"))
    return root


def export(repo: Path, output: Path, *args: str) -> None:
    assert main(["export", "--root", str(repo), "--as-of", AS_OF, "-o", str(output), *args]) == 0


def test_the_excel_register_is_typed_filtered_frozen_and_keyed(
    source: Path, tmp_path: Path
) -> None:
    output = tmp_path / "register.xlsx"
    export(source, output)
    ws = worksheet(load_workbook(output))
    headings = [c.value for c in ws[1]]
    assert headings[:3] == ["Kunci ksd", "No", "Judul"]
    assert ws.column_dimensions["A"].hidden is True
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:")
    rows = {
        r[0]: dict(zip(headings, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)
    }
    kb = rows[f"{TARGET}#1"]
    assert kb["Tanggal Penandatanganan"] == datetime(2021, 3, 15)
    assert kb["Nilai"] == 1_250_000_000
    assert kb["Mitra Kerja Sama"] == "Pemerintah Kota Samarinda"
    assert kb["Status"] == "aktif" and kb["Tahap"] == "penandatanganan_kb"
    assert [k for k in rows if str(k).startswith("KSD-6402-2021-001#")] == [
        f"KSD-6402-2021-001#{i}" for i in (1, 2, 3)
    ]


def test_a_month_only_date_is_exported_as_the_month_never_as_a_day(
    source: Path, tmp_path: Path
) -> None:
    output = tmp_path / "register.xlsx"
    export(source, output)
    ws = worksheet(load_workbook(output))
    headings = [c.value for c in ws[1]]
    rows = {
        r[0]: dict(zip(headings, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)
    }
    # A text cell: an Excel date would be read back as 1 June, a day no source gave.
    assert rows[f"{MONTH_ONLY}#1"]["Tanggal Penandatanganan"] == "Juni 2022"
    assert rows[f"{TARGET_V11}#1"]["Tanggal Peristiwa Terakhir"] == "November 2022"
    export(source, tmp_path / "register.csv")
    text = (tmp_path / "register.csv").read_text(encoding="utf-8-sig")
    line = next(r for r in text.splitlines() if r.startswith(f"{MONTH_ONLY}#1,"))
    assert ",2022-06," in line


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("per", ["naskah", "record"])
def test_export_then_import_changes_nothing(
    source: Path, tmp_path: Path, fmt: str, per: str
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(source, repo)
    before = {p.name: p.read_bytes() for p in (repo / "data" / "agreements").glob("*.yaml")}
    output = tmp_path / f"register.{fmt}"
    export(repo, output, "--per", per)
    assert main(["import", str(output), "--root", str(repo), "--as-of", AS_OF]) == 0
    assert {p.name: p.read_bytes() for p in (repo / "data" / "agreements").glob("*.yaml")} == before


# heading -> (new cell value, path in the record, expected value)
EDITS: dict[str, tuple[Any, tuple[Any, ...], object]] = {
    "Judul": ("Pengelolaan Sampah Terpadu", ("judul",), "Pengelolaan Sampah Terpadu"),
    "Jenis Kerja Sama": ("ksdd_wajib", ("jenis",), "ksdd_wajib"),
    "Mitra Kerja Sama": ("Pemerintah Kota Bontang", ("pihak", 1, "kode_wilayah"), "64.74"),
    "Urusan": ("1.03 pekerjaan umum dan penataan ruang", ("urusan",), ["1.03"]),
    "Perangkat Daerah": (
        "Dinas PUPR; Dinas Lingkungan Hidup",
        ("perangkat_daerah",),
        ["Dinas PUPR", "Dinas Lingkungan Hidup"],
    ),
    "Ruang Lingkup": ("pengangkutan", ("ruang_lingkup",), ["pengangkutan"]),
    "Nilai": (2_000_000, ("pembiayaan", "nilai"), 2_000_000),
    "Keterangan": ("dipantau", ("catatan",), "dipantau"),
    "Jenis Naskah": ("nota_kesepahaman", ("naskah", 0, "jenis"), "nota_kesepahaman"),
    "Nomor Pihak Kesatu": (
        "180/999/KB/2021",
        ("naskah", 0, "nomor", "pihak_kesatu"),
        "180/999/KB/2021",
    ),
    "Nomor Pihak Kedua": ("100/5/KB/2021", ("naskah", 0, "nomor", "pihak_kedua"), "100/5/KB/2021"),
    "Tanggal Penandatanganan": (date(2021, 3, 16), ("naskah", 0, "tanggal_ttd"), date(2021, 3, 16)),
    "Tempat": ("Samarinda", ("naskah", 0, "tempat_ttd"), "Samarinda"),
    "Berlaku Mulai": (date(2021, 4, 1), ("naskah", 0, "berlaku_mulai"), date(2021, 4, 1)),
    "Berlaku Hingga": (date(2026, 12, 31), ("naskah", 0, "berlaku_sampai"), date(2026, 12, 31)),
    "Dokumen": ("berkas/kb-sampah.pdf", ("naskah", 0, "berkas"), "berkas/kb-sampah.pdf"),
    "Status": ("dibatalkan", ("status",), "dibatalkan"),
    # v1.1: a signing known only to its month, typed as a register writes it
    "Tanggal Penandatanganan (bulan)": (
        "Oktober 2021",
        ("naskah", 0, "tanggal_ttd"),
        "2021-10",
    ),
}


# v1.1 columns, edited on the record of a third party: heading -> (value, path, expected).
# "Berlaku Hingga (tidak diketahui)" is the "Berlaku Hingga" column given the v1.1 words.
EDITS_V11: dict[str, tuple[Any, tuple[Any, ...], object]] = {
    "Kategori Mitra": ("Perguruan tinggi", ("pihak", 1, "kategori"), "perguruan_tinggi"),
    "Unit Kerja Mitra": ("LPPM", ("pihak", 1, "unit_kerja"), "LPPM"),
    "Pendapatan": (
        "kontribusi 5.000.000",
        ("pembiayaan", "pendapatan"),
        [{"jenis": "kontribusi", "nilai": 5_000_000}],
    ),
    "Peristiwa Terakhir": ("pembahasan_tkksd", ("peristiwa", 0, "jenis"), "pembahasan_tkksd"),
    "Tanggal Peristiwa Terakhir": (
        date(2022, 11, 2),
        ("peristiwa", 0, "tanggal"),
        date(2022, 11, 2),
    ),
    "Objek Naskah": ("beasiswa S1", ("naskah", 0, "objek"), "beasiswa S1"),
    "Ruang Lingkup Naskah": (
        "biaya kuliah; biaya hidup",
        ("naskah", 0, "ruang_lingkup"),
        ["biaya kuliah", "biaya hidup"],
    ),
    "Nilai Naskah": (300_000_000, ("naskah", 0, "nilai"), 300_000_000),
    "Berlaku Hingga (tidak diketahui)": (
        "tidak diketahui",
        ("naskah", 0, "berlaku_sampai"),
        "tidak_diketahui",
    ),
}


def _put(record: Any, path: tuple[Any, ...], value: object) -> None:
    for step in path[:-1]:
        record = record.setdefault(step, {}) if isinstance(record, dict) else record[step]
    record[path[-1]] = value


@pytest.mark.parametrize(
    ("target", "heading"),
    [(TARGET, h) for h in EDITS] + [(TARGET_V11, h) for h in EDITS_V11],
)
def test_editing_one_cell_updates_exactly_that_field_of_that_record(
    source: Path, tmp_path: Path, target: str, heading: str
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(source, repo)
    before = agreement_records(repo)
    output = tmp_path / "register.xlsx"
    export(repo, output)
    workbook = load_workbook(output)
    ws = worksheet(workbook)
    headings = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == f"{target}#1")
    value, path, expected = {**EDITS, **EDITS_V11}[heading]
    row[headings.index(heading.split(" (")[0])].value = value
    workbook.save(output)
    assert main(["import", str(output), "--root", str(repo), "--as-of", AS_OF]) == 0
    after = agreement_records(repo)
    wanted = copy.deepcopy(before)
    _put(wanted[target], path, expected)
    assert after == wanted


def test_every_importable_exported_column_has_a_round_trip_case(
    source: Path, tmp_path: Path
) -> None:
    output = tmp_path / "register.xlsx"
    export(source, output)
    headings = [c.value for c in worksheet(load_workbook(output))[1]]
    derived = {"Kunci ksd", "No", "Tahap", "Nomor Pihak Ketiga"}
    assert set(headings) - derived == {h.split(" (")[0] for h in (*EDITS, *EDITS_V11)}


def test_a_register_exported_from_one_repository_keeps_its_ids_in_a_new_one(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Taking a repository's register to a new repository (a new secretariat, a restored
    # one): each record keeps the id its register, its PDFs and its correspondence cite,
    # not the next free number of its year. A row without a key, or with a key that is
    # no id, is a new record under a free id that no keyed row takes.
    output = tmp_path / "register.xlsx"
    export(source, output)
    workbook = load_workbook(output)
    ws = worksheet(workbook)
    rows = [str(r[0].value).partition("#")[0] for r in ws.iter_rows(min_row=2)]
    # Two records of one row each (rows without a key are grouped by number, not by key).
    unkeyed, odd = sorted(k for k in set(rows) if rows.count(k) == 1)[:2]
    for row in ws.iter_rows(min_row=2):
        key = str(row[0].value)
        if key.startswith(unkeyed):
            row[0].value = None
        elif key.startswith(odd):
            row[0].value = "baris-7" + key.partition(odd)[2]
    workbook.save(output)
    fresh = tmp_path / "baru"
    assert main(["init", str(fresh), "--daerah", "64.02"]) == 0
    capsys.readouterr()
    assert main(["import", str(output), "--root", str(fresh), "--as-of", AS_OF]) == 0
    err = capsys.readouterr().err
    assert "kunci baris-7 tidak ada di repositori" in err
    assert err.count("tidak ada di repositori") == 1  # the ids kept raise no warning
    # Another region's repository: the ids carry 64.02's digits, not its own; numbered there.
    other = tmp_path / "banjarmasin"
    assert main(["init", str(other), "--daerah", "63.71"]) == 0
    capsys.readouterr()
    assert main(["import", str(output), "--root", str(other), "--as-of", AS_OF]) == 0
    assert all(k.startswith("KSD-6371-") for k in agreement_records(other))
    assert len(agreement_records(other)) == len(agreement_records(source))
    before, after = agreement_records(source), agreement_records(fresh)
    kept = set(before) - {unkeyed, odd}
    assert kept < set(after)
    assert {k: after[k]["judul"] for k in kept} == {k: before[k]["judul"] for k in kept}
    assert all(after[k]["id"] == k for k in after)
    # The two rows without an id of their own: new records, after the highest id of 2021.
    renumbered = {after[k]["judul"]: k for k in set(after) - kept}
    for record_id in (unkeyed, odd):
        year = record_id[:14]  # "KSD-6402-2021-"
        new_id = renumbered[before[record_id]["judul"]]
        assert new_id.startswith(year)
        assert new_id > max(k for k in kept if k.startswith(year))
    assert len(after) == len(before)


@pytest.mark.parametrize("suffix", [".yaml", ".YAML"])
def test_a_key_whose_file_does_not_load_is_not_taken_over(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    # The file is the user's, broken or not, named ".YAML" too: the row becomes a record
    # under a free id.
    output = tmp_path / "register.xlsx"
    export(source, output)
    fresh = tmp_path / "baru"
    assert main(["init", str(fresh), "--daerah", "64.02"]) == 0
    record_id = sorted(agreement_records(source))[0]
    broken = fresh / "data" / "agreements" / f"{record_id}{suffix}"
    broken.write_text("id: [setengah ditulis\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(output), "--root", str(fresh), "--as-of", AS_OF]) == 0
    assert f"kunci {record_id} tidak ada di repositori" in capsys.readouterr().err
    assert broken.read_text(encoding="utf-8") == "id: [setengah ditulis\n"
    broken.unlink()
    assert agreement_records(source)[record_id]["judul"] in [
        r["judul"] for r in agreement_records(fresh).values()
    ]
    assert record_id not in agreement_records(fresh)
