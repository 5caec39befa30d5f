"""ksd import: sample registers of several layouts into records that validate, idempotently."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers import agreement_records, import_register, worksheet
from openpyxl import Workbook

from ksd_cli.cli import main
from ksd_cli.register.headings import detect_layout
from ksd_cli.register.readers import read_sheet

REGISTERS = Path(__file__).parent.parent / "fixtures" / "registers"
AS_OF = "2025-06-30"


def csv_register(folder: Path, name: str, *lines: str) -> Path:
    """A CSV register ``name`` in ``folder``: a heading line and rows, each a line."""
    register = folder / name
    register.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return register


def validate(repo: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    main(["validate", "--root", str(repo), "--as-of", AS_OF, "--format", "json"])
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return report


@pytest.mark.parametrize(
    ("register", "count"),
    [
        ("per_kerja_sama.xlsx", 3),
        ("per_kerja_sama.xls", 3),  # the same register saved by LibreOffice as .xls
        ("per_naskah.xlsx", 2),
        ("judul_bertingkat.xlsx", 2),
        ("tanggal_teks.csv", 2),
    ],
)
def test_each_layout_imports_into_records_that_validate(
    repo: Path, capsys: pytest.CaptureFixture[str], register: str, count: int
) -> None:
    assert import_register(repo, REGISTERS / register) == 0
    assert len(agreement_records(repo)) == count
    report = validate(repo, capsys)
    assert report["findings"] == []


def test_rows_of_one_cooperation_become_one_record_with_its_documents(repo: Path) -> None:
    assert import_register(repo, REGISTERS / "per_naskah.xlsx") == 0
    air = agreement_records(repo)["KSD-6402-2021-001"]
    assert [n["jenis"] for n in air["naskah"]] == [
        "kesepakatan_bersama",
        "perjanjian_kerja_sama",
        "adendum",
    ]
    assert air["naskah"][1]["nomor"] == {
        "pihak_kesatu": "690/044/PKS/2021",
        "pihak_kedua": "415.4/31/PKS/2021",
    }
    assert air["naskah"][0]["berlaku_sampai"] == date(2026, 1, 31)  # "5 tahun" from 1 Feb 2021
    assert air["pihak"][1] == {"peran": "pihak_kedua", "tipe": "pemda", "kode_wilayah": "64.71"}
    border = agreement_records(repo)["KSD-6402-2022-001"]
    assert border["urusan"] == ["1.05"]  # the comma inside the urusan's name did not split it


def test_values_are_read_the_way_the_register_writes_them(repo: Path) -> None:
    assert import_register(repo, REGISTERS / "per_kerja_sama.xlsx") == 0
    found = agreement_records(repo)
    sampah = found["KSD-6402-2021-001"]
    assert sampah["pembiayaan"] == {"nilai": 1_250_000_000}
    assert sampah["naskah"][0]["berlaku_sampai"] == date(2026, 3, 14)
    assert sampah["pihak"][1]["kode_wilayah"] == "64.72"
    wisata = found["KSD-6402-2022-001"]
    assert wisata["urusan"] == ["2.15", "3.26"]
    assert wisata["perangkat_daerah"] == ["Dinas Pariwisata", "Dinas Perhubungan"]
    assert wisata["naskah"][0]["jenis"] == "nota_kesepahaman"
    beasiswa = found["KSD-6402-2023-001"]
    assert beasiswa["jenis"] == "ksdpk"
    assert beasiswa["pihak"][1] == {
        "peran": "pihak_kedua",
        "tipe": "pihak_ketiga",
        "nama": "Universitas Mulawarman",
    }


def test_two_row_merged_header_below_a_title_block(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout = detect_layout(read_sheet(REGISTERS / "judul_bertingkat.xlsx").rows)
    assert layout is not None and layout.header_rows == (5, 6)
    fields = {c.heading: c.field for c in layout.columns}
    assert fields["Nomor Pemkab"] == "nomor_pihak_kesatu"
    assert fields["Nomor Mitra"] == "nomor_pihak_kedua"
    assert fields["s.d."] == "berlaku_sampai"
    assert import_register(repo, REGISTERS / "judul_bertingkat.xlsx") == 0
    err = capsys.readouterr().err
    assert 'D6 "Nomor Pemkab" -> nomor_pihak_kesatu' in err
    bps = agreement_records(repo)["KSD-6402-2024-002"]
    assert bps["jenis"] == "sinergi" and bps["naskah"][0]["jenis"] == "nota_kesepakatan"


def test_the_mapping_comes_first_with_the_ignored_columns(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert import_register(repo, REGISTERS / "per_kerja_sama.xlsx", "--dry-run") == 0
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert lines[0] == "Pemetaan kolom (per_kerja_sama.xlsx:Daftar, baris 1):"
    assert '  M1 "Kolom Bebas" diabaikan' in lines
    assert not (repo / "data" / "agreements" / "KSD-6402-2021-001.yaml").exists()  # dry run


def test_reimporting_changes_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for register in ("per_kerja_sama.xlsx", "per_naskah.xlsx", "tanggal_teks.csv"):
        assert import_register(repo, REGISTERS / register) == 0
    before = {p.name: p.read_bytes() for p in (repo / "data" / "agreements").glob("*.yaml")}
    capsys.readouterr()
    for register in ("per_kerja_sama.xlsx", "per_naskah.xlsx", "tanggal_teks.csv"):
        assert import_register(repo, REGISTERS / register) == 0
        assert "0 dibuat, 0 diperbarui" in capsys.readouterr().err
    after = {p.name: p.read_bytes() for p in (repo / "data" / "agreements").glob("*.yaml")}
    assert after == before


def _bad_register(path: Path) -> Path:
    wb = Workbook()
    ws = worksheet(wb)
    ws.title = "Daftar"
    ws.append(["No", "Judul", "Mitra", "Jenis", "Nomor", "Tanggal Penandatanganan", "Urusan"])
    ws.append([1, "Baik", "Pemkot Samarinda", "KB", "1/KB/2021", "15 Maret 2021", "pendidikan"])
    ws.append([2, "Buruk", "Pemkot Samarinda", "KB", "2/KB/2021", "31 Juni 2021", "pendidikan"])
    wb.save(path)
    return path


def test_a_bad_cell_is_positioned_and_nothing_is_written(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = _bad_register(tmp_path / "register.xlsx")
    assert import_register(repo, register) == 1
    err = capsys.readouterr().err
    assert 'register.xlsx:Daftar!F3: galat: tanggal "31 Juni 2021" bukan tanggal yang sah' in err
    assert agreement_records(repo) == {}


def test_skip_invalid_writes_the_good_rows(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = _bad_register(tmp_path / "register.xlsx")
    assert import_register(repo, register, "--skip-invalid") == 0
    err = capsys.readouterr().err
    assert "baris dilewati: 3" in err
    assert [r["judul"] for r in agreement_records(repo).values()] == ["Baik"]


def test_map_and_mapping_file_correct_the_detection(repo: Path, tmp_path: Path) -> None:
    register = tmp_path / "r.csv"
    register.write_text(
        "Nama Kegiatan,Mitra,Urusan\nLatihan Bersama,Pemkot Bontang,kepemudaan dan olahraga\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "pemetaan.toml"
    assert (
        import_register(repo, register, "--dry-run", "--write-mapping", str(mapping)) == 1
    )  # no judul
    assert '"Nama Kegiatan" = "-"' in mapping.read_text(encoding="utf-8")
    mapping.write_text(
        mapping.read_text(encoding="utf-8").replace(
            '"Nama Kegiatan" = "-"', '"Nama Kegiatan" = "judul"'
        ),
        encoding="utf-8",
    )
    assert import_register(repo, register, "--mapping", str(mapping)) == 0
    assert [r["judul"] for r in agreement_records(repo).values()] == ["Latihan Bersama"]
    shutil.rmtree(repo / "data" / "agreements")
    assert import_register(repo, register, "--map", "A=judul") == 0
    assert [r["judul"] for r in agreement_records(repo).values()] == ["Latihan Bersama"]


def test_the_source_note_names_file_sheet_and_rows(repo: Path) -> None:
    assert import_register(repo, REGISTERS / "per_naskah.xlsx") == 0
    text = (repo / "data" / "agreements" / "KSD-6402-2021-001.yaml").read_text(encoding="utf-8")
    assert (
        text.splitlines()[0]
        == "# ksd import: sumber per_naskah.xlsx, lembar Register, baris 2, 3, 5"
    )


def test_v11_columns_of_a_register(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "usulan.csv"
    register.write_text(
        "Judul;Mitra Kerja Sama;Kategori Mitra;Unit Kerja Mitra;Urusan;Peristiwa Terakhir;"
        "Tanggal Peristiwa Terakhir;Pendapatan;Jenis Naskah;Tanggal Penandatanganan;"
        "Berlaku Hingga\n"
        "Sertifikasi Tanah Desa;Kantor Pertanahan Kutai Kartanegara;Instansi vertikal;"
        "Seksi Survei;pertanahan;Pembahasan TKKSD;12 Maret 2024;;;;\n"
        "Sewa Aset Dermaga;PT Dermaga Mahakam;BUMD;-;perhubungan;;;sewa 120.000.000;PKS;"
        "1 Juli 2023;tidak diketahui\n",
        encoding="utf-8",
    )
    assert import_register(repo, register) == 0
    by_title = {r["judul"]: r for r in agreement_records(repo).values()}
    tanah, sewa = by_title["Sertifikasi Tanah Desa"], by_title["Sewa Aset Dermaga"]
    assert tanah["pihak"][1] == {
        "peran": "pihak_kedua", "tipe": "kementerian_lembaga",
        "nama": "Kantor Pertanahan Kutai Kartanegara", "kategori": "instansi_vertikal",
        "unit_kerja": "Seksi Survei",
    }  # fmt: skip
    assert tanah["jenis"] == "sinergi"
    assert tanah["peristiwa"] == [{"jenis": "pembahasan_tkksd", "tanggal": date(2024, 3, 12)}]
    assert sewa["pihak"][1]["kategori"] == "bumd" and "unit_kerja" not in sewa["pihak"][1]
    assert sewa["pembiayaan"] == {"pendapatan": [{"jenis": "sewa", "nilai": 120_000_000}]}
    assert sewa["naskah"][0]["berlaku_sampai"] == "tidak_diketahui"
    assert validate(repo, capsys)["findings"] == []


def test_an_event_without_its_date_is_an_error_at_the_cell(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "usulan.csv"
    register.write_text(
        "Judul,Mitra Kerja Sama,Urusan,Peristiwa Terakhir,Tanggal Peristiwa Terakhir\n"
        "Sertifikasi Tanah,Pemkot Samarinda,pertanahan,Ditolak,\n",
        encoding="utf-8",
    )
    assert import_register(repo, register) == 1
    assert "usulan.csv:E2: galat: peristiwa tanpa tanggal" in capsys.readouterr().err
    assert agreement_records(repo) == {}


def test_the_repository_rules_run_before_anything_is_written(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "usulan-2024.csv"
    first.write_text(
        "Judul,Mitra Kerja Sama,Urusan,Peristiwa Terakhir,Tanggal Peristiwa Terakhir\n"
        "Pengelolaan Sampah Regional,Pemkot Samarinda,lingkungan hidup,permohonan,1 Maret 2024\n",
        encoding="utf-8",
    )
    assert import_register(repo, first) == 0
    # Another register names the same request again: C016 (registered twice), at its row.
    second = tmp_path / "usulan-opd.csv"
    second.write_text(
        first.read_text(encoding="utf-8").replace("1 Maret 2024", "4 Maret 2024"),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert import_register(repo, second) == 0
    assert "usulan-opd.csv:2: peringatan: C016 registrasi-ganda" in capsys.readouterr().err
    # A date after the as-of date is an error of ksd validate (C007): nothing is written.
    future = tmp_path / "usulan-baru.csv"
    future.write_text(
        "Judul,Mitra Kerja Sama,Urusan,Peristiwa Terakhir,Tanggal Peristiwa Terakhir\n"
        "Terminal Terpadu,Kab. Kutai Timur,perhubungan,permohonan,1 Juli 2025\n",
        encoding="utf-8",
    )
    before = sorted(agreement_records(repo))
    assert import_register(repo, future) == 1
    assert "usulan-baru.csv:2: galat: C007 tanggal-mendatang" in capsys.readouterr().err
    assert sorted(agreement_records(repo)) == before


def test_month_only_signing_and_event_dates_become_v11_months(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "lama.csv"
    register.write_text(
        "Judul,Mitra Kerja Sama,Urusan,Jenis Naskah,Tanggal Penandatanganan,Berlaku Hingga,"
        "Peristiwa Terakhir,Tanggal Peristiwa Terakhir\n"
        "Air Minum,Pemkot Samarinda,1.03,KB,Oktober 2018,31 Oktober 2023,,\n"
        "Sampah,Pemkot Bontang,lingkungan hidup,,,,permohonan,2024-01\n",
        encoding="utf-8",
    )
    assert import_register(repo, register) == 0
    by_title = {r["judul"]: r for r in agreement_records(repo).values()}
    # YAML reads 2018-10 back as text: the record format's month-only date (never 2018-10-01)
    assert by_title["Air Minum"]["naskah"][0]["tanggal_ttd"] == "2018-10"
    assert by_title["Sampah"]["peristiwa"] == [{"jenis": "permohonan", "tanggal": "2024-01"}]
    assert validate(repo, capsys)["findings"] == []
    # re-importing the same register changes nothing (the month is matched as the month)
    assert import_register(repo, register) == 0
    assert "0 dibuat, 0 diperbarui, 2 tidak berubah" in capsys.readouterr().err


def test_validity_dates_stay_to_the_day_and_a_term_from_a_month_is_unknown(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "lama.csv"
    register.write_text(
        "Judul,Mitra Kerja Sama,Urusan,Jenis Naskah,Tanggal Penandatanganan,Masa Berlaku,"
        "Berlaku Hingga\n"
        "Air Minum,Pemkot Samarinda,1.03,KB,Oktober 2018,5 tahun,\n"
        "Sampah,Pemkot Bontang,lingkungan hidup,KB,1 Mei 2019,,Mei 2024\n",
        encoding="utf-8",
    )
    assert import_register(repo, register) == 1
    err = capsys.readouterr().err
    assert 'lama.csv:G3: galat: tanggal "Mei 2024" hanya sampai bulan' in err
    assert 'lama.csv:F2: peringatan: masa berlaku "5 tahun" dihitung dari tanggal' in err
    assert import_register(repo, register, "--skip-invalid") == 0
    (air,) = agreement_records(repo).values()
    assert air["naskah"][0]["berlaku_sampai"] == "tidak_diketahui"


def test_a_term_written_where_the_end_date_goes_is_read_as_the_term(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Registers write "Berlaku s/d: 5 tahun" as often as a date: the term counts from the
    # start (or the signing), as in a "Masa Berlaku" column.
    register = csv_register(
        tmp_path,
        "berlaku.csv",
        "Judul,Mitra Kerja Sama,Urusan,Jenis Naskah,Tanggal Penandatanganan,"
        "Berlaku Mulai,Berlaku s/d",
        "Air Minum,Pemkot Samarinda,1.03,KB,2 Februari 2021,,5 (lima) tahun",
        "Sampah,Pemkot Bontang,lingkungan hidup,KB,1 Mei 2019,1 Juni 2019,6 bulan",
        "Pasar,Kab. Kutai Timur,perdagangan,KB,Oktober 2018,,2 tahun",
        "Jalan,Kab. Paser,1.03,KB,3 Maret 2020,,tiga tahun lagi",
    )
    assert import_register(repo, register) == 1
    err = capsys.readouterr().err
    assert 'berlaku.csv:G4: peringatan: masa berlaku "2 tahun" dihitung dari tanggal' in err
    assert "berlaku.csv:G5: galat: " in err  # neither a date nor a term: the date's words
    assert err.count("galat:") == 1
    assert import_register(repo, register, "--skip-invalid") == 0
    by_title = {r["judul"]: r["naskah"][0] for r in agreement_records(repo).values()}
    assert by_title["Air Minum"]["berlaku_sampai"] == date(2026, 2, 1)
    assert by_title["Sampah"]["berlaku_sampai"] == date(2019, 11, 30)
    assert by_title["Pasar"]["berlaku_sampai"] == "tidak_diketahui"
    assert "Jalan" not in by_title


def test_a_period_in_one_cell_gives_the_start_and_the_end(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "Masa Berlaku: 1 Maret 2021 s.d. 28 Februari 2026", as registers write it; a column
    # of its own for the start wins over the period's.
    register = csv_register(
        tmp_path,
        "periode.csv",
        "Judul,Mitra Kerja Sama,Urusan,Jenis Naskah,Tanggal Penandatanganan,"
        "Berlaku Mulai,Masa Berlaku",
        "Air Minum,Pemkot Samarinda,1.03,KB,1 Maret 2021,,1 Maret 2021 s.d. 28 Februari 2026",
        "Sampah,Pemkot Bontang,lingkungan hidup,KB,12-Mar-24,15/03/2024,12/03/2024 - 11/03/2029",
    )
    assert import_register(repo, register) == 0
    by_title = {r["judul"]: r["naskah"][0] for r in agreement_records(repo).values()}
    air, sampah = by_title["Air Minum"], by_title["Sampah"]
    assert (air["berlaku_mulai"], air["berlaku_sampai"]) == (date(2021, 3, 1), date(2026, 2, 28))
    assert sampah["tanggal_ttd"] == date(2024, 3, 12)
    assert (sampah["berlaku_mulai"], sampah["berlaku_sampai"]) == (
        date(2024, 3, 15),
        date(2029, 3, 11),
    )
    assert validate(repo, capsys)["findings"] == []


def test_a_term_column_holding_a_serial_date_or_a_huge_term(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "45363" (an Excel date that lost its format) is the end date; "250 tahun" and a term
    # past the calendar are errors at their cells (the second hung the import).
    register = csv_register(
        tmp_path,
        "masa.csv",
        "Judul,Mitra Kerja Sama,Urusan,Jenis Naskah,Tanggal Penandatanganan,Masa Berlaku",
        "Air Minum,Pemkot Samarinda,1.03,KB,1 Maret 2021,45363",
        "Sampah,Pemkot Bontang,lingkungan hidup,KB,1 Mei 2019,250 tahun",
        "Pasar,Kab. Kutai Timur,perdagangan,KB,1 Mei 9998,5 tahun",
    )
    assert import_register(repo, register, "--skip-invalid") == 0
    err = capsys.readouterr().err
    assert 'masa.csv:F3: galat: masa berlaku "250 tahun" lebih dari 100 tahun' in err
    assert 'masa.csv:F4: galat: masa berlaku "5 tahun" dari 9998-05-01 melewati tahun 9999' in err
    # The record format's own finding, worded as ksd validate words it (pydantic's is English).
    assert (
        "masa.csv:4: galat: rekaman dari baris ini tidak sah: `naskah.0.tanggal_ttd`: "
        "`tanggal_ttd` harus di antara 1945-01-01 dan 2100-12-31, bukan 9998-05-01\n"
    ) in err
    by_title = {r["judul"]: r["naskah"][0] for r in agreement_records(repo).values()}
    assert by_title["Air Minum"]["berlaku_sampai"] == date(2024, 3, 12)
    assert set(by_title) == {"Air Minum"}


def test_a_failed_write_leaves_whole_records_and_no_temporary(
    repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import os

    clean = tmp_path / "bersih"
    assert main(["init", str(clean), "--daerah", "64.02"]) == 0
    assert import_register(clean, REGISTERS / "per_kerja_sama.xlsx") == 0
    whole = {p.name: p.read_bytes() for p in (clean / "data" / "agreements").iterdir()}
    real_write = os.write
    files: list[int] = []

    def disk_full_on_the_third_record(handle: int, data: bytes) -> int:
        if handle > 2:  # not stdout or stderr
            files.append(handle)
            if len(files) == 3:
                real_write(handle, bytes(data)[:10])
                raise OSError(28, "No space left on device")
        return real_write(handle, data)

    monkeypatch.setattr(os, "write", disk_full_on_the_third_record)
    assert import_register(repo, REGISTERS / "per_kerja_sama.xlsx") == 1  # the user's, not a bug
    err = capsys.readouterr().err
    third = repo / "data" / "agreements" / sorted(whole)[3]
    assert f"{third}: berkas tidak dapat ditulis: No space left on device" in err
    assert "rekaman yang sudah ditulis tetap utuh" in err
    assert "Traceback" not in err
    left = {p.name: p.read_bytes() for p in (repo / "data" / "agreements").iterdir()}
    assert sorted(left) == [".gitkeep", *sorted(whole)[1:3]]  # .gitkeep, then two records
    assert all(left[name] == whole[name] for name in left)
    monkeypatch.undo()  # the disk has room again: the same import finishes the job
    assert import_register(repo, REGISTERS / "per_kerja_sama.xlsx") == 0
    assert f"{len(whole) - 3} dibuat, 0 diperbarui, 2 tidak berubah" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in (repo / "data" / "agreements").iterdir()} == whole


def test_a_failed_replacement_names_the_record_and_keeps_it_whole(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ksd_cli import atomic

    register = REGISTERS / "per_kerja_sama.xlsx"
    assert import_register(repo, register) == 0
    capsys.readouterr()
    folder = repo / "data" / "agreements"
    first = min(p for p in folder.iterdir() if p.suffix == ".yaml")
    before = first.read_bytes()
    # an unknown key: the record no longer loads, so the import replaces it (as an update is)
    first.write_text(before.decode("utf-8").replace("judul:", "judul: Lama\n_judul:", 1))
    edited = first.read_bytes()

    def read_only(path: Path, content: bytes) -> None:
        raise PermissionError(13, "Permission denied", f"{path.parent}/.tmp-xyz")

    monkeypatch.setattr(atomic, "write_bytes_atomic", read_only)
    assert import_register(repo, register) == 1
    err = capsys.readouterr().err
    assert f"{first}: berkas tidak dapat ditulis: Permission denied" in err
    assert ".tmp-xyz" not in err
    assert first.read_bytes() == edited


def test_a_created_record_replaces_a_file_of_its_name_that_did_not_load(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = repo / "data" / "agreements" / "KSD-6402-2021-001.yaml"
    broken.write_text("id: [tidak ditutup\n", encoding="utf-8")
    assert import_register(repo, REGISTERS / "per_kerja_sama.xlsx") == 0
    out = capsys.readouterr().out
    assert "created\tKSD-6402-2021-001\t" in out
    assert broken.read_text(encoding="utf-8").startswith("# ksd import: sumber per_kerja_sama")
    assert sorted(p.name for p in broken.parent.iterdir() if p.name.startswith(".")) == [".gitkeep"]


@pytest.mark.parametrize(
    "path",
    ["kerja-sama/data/agreements/KSD-1.yaml", "kerja-sama/KSD-1.yaml",
     "kerja-sama/../luar/KSD-1.yaml", "tautan/data/agreements/KSD-1.yaml"],
)  # fmt: skip
def test_record_paths_are_named_as_loading_names_them(repo: Path, path: str) -> None:
    from ksd_cli.register.importer import _rel, _Rels
    from ksd_cli.repository import open_repository

    (repo.parent / "tautan").symlink_to(repo)  # lexically outside: resolved, path by path
    repository = open_repository(repo)
    rels = _Rels(repository)
    for name in ("KSD-1.yaml", "KSD-2.yaml"):  # the second from the folder remembered
        full = (repo.parent / path).with_name(name)
        assert rels(full) == _rel(repository, full)


@pytest.mark.parametrize(
    ("heading", "field"),
    [("Judul Kerja Sama", "judul"), ("Tgl. Penandatanganan", "tanggal_ttd"),
     ("Berlaku s/d", "berlaku_sampai"), ("TGL. TTD", "tanggal_ttd"), ("Berlaku S/D", "berlaku_sampai"),
     # as city and provincial registers head their columns
     ("OPD Pengampu", "perangkat_daerah"), ("Perangkat Daerah Pengampu", "perangkat_daerah"),
     ("Bidang Kerja Sama", "urusan"), ("Ruang Lingkup Kerja Sama", "ruang_lingkup"),
     ("Status Kerja Sama", "status"), ("Lokasi Penandatanganan", "tempat_ttd")],
)  # fmt: skip
def test_abbreviated_headings_are_recognised(
    repo: Path, tmp_path: Path, heading: str, field: str
) -> None:
    from ksd_cli.register.headings import field_for

    assert field_for(heading) == field


def test_a_register_of_abbreviated_headings_imports(repo: Path, tmp_path: Path) -> None:
    wb = Workbook()
    ws = worksheet(wb)
    ws.append(["No.", "Judul Kerja Sama", "Mitra", "Jenis Naskah", "Nomor Naskah",
               "Tgl. Penandatanganan", "Berlaku s/d", "Bidang Urusan"])  # fmt: skip
    ws.append([1, "Pengelolaan Sampah Regional", "Pemkot Samarinda", "KB", "119/001/KS/I/2023",
               date(2023, 1, 12), date(2028, 1, 11), "Lingkungan Hidup"])  # fmt: skip
    wb.save(tmp_path / "r.xlsx")
    assert import_register(repo, tmp_path / "r.xlsx") == 0
    (record,) = agreement_records(repo).values()
    assert record["judul"] == "Pengelolaan Sampah Regional"
    assert record["naskah"][0]["tanggal_ttd"] == date(2023, 1, 12)
    assert record["naskah"][0]["berlaku_sampai"] == date(2028, 1, 11)


def test_no_title_column_is_explained_by_the_headings_not_recognised(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "r.csv"
    register.write_text("Nama Kegiatan,Mitra,Urusan\nX,Pemkot Bontang,pendidikan\n")
    assert import_register(repo, register) == 1
    err = capsys.readouterr().err
    assert (
        "r.csv:1: peringatan: tidak ada kolom yang dikenali sebagai judul, jadi judul setiap "
        'baris kosong; judul kolom yang tidak dikenali: "Nama Kegiatan"; tunjuk kolomnya '
        'dengan --map "JUDUL KOLOM=judul"'
    ) in err
    assert agreement_records(repo) == {}
