"""ksd import --from sikerja: SIKERJA's exported tables into v1.1 records, without contacts."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from ksd_cli.cli import main
from ksd_cli.reference import load_reference
from ksd_cli.register.sikerja import tanpa_kontak
from ksd_cli.register.zona_waktu import ZONA_PROVINSI, zona_daerah

SIKERJA = Path(__file__).parent.parent / "fixtures" / "sikerja"
AS_OF = "2025-06-30"


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "kerja-sama"
    assert main(["init", str(root), "--daerah", "64.72"]) == 0  # Kota Samarinda: WITA
    capsys.readouterr()
    return root


def run(repo: Path, folder: Path = SIKERJA, *args: str) -> int:
    return main(
        ["import", str(folder), "--from", "sikerja", "--root", str(repo), "--as-of", AS_OF, *args]
    )


def by_source(repo: Path) -> dict[str, dict[str, Any]]:
    """Records by the SIKERJA key their sumber note names."""
    yaml = YAML(typ="safe")
    found = {}
    for path in sorted((repo / "data" / "agreements").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first.startswith("# ksd import: sumber SIKERJA ")
        found[first.rsplit(" ", 1)[1]] = yaml.load(text)
    return found


def test_requests_and_manual_agreements_become_records_that_validate(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(repo) == 0
    records = by_source(repo)
    # five requests and two manual agreements; the soft-deleted manual row is not imported
    assert sorted(records) == [
        "REQ/2022/0004", "REQ/2023/0001", "REQ/2024/0002", "REQ/2024/0003", "REQ/2025/0005",
        "m-0001", "m-0002",
    ]  # fmt: skip
    capsys.readouterr()
    main(["validate", "--root", str(repo), "--as-of", AS_OF, "--format", "json"])
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_history_becomes_peristiwa_and_tahapan(repo: Path) -> None:
    assert run(repo) == 0
    mutu = by_source(repo)["REQ/2023/0001"]
    assert [(p["jenis"], p["tanggal"]) for p in mutu["peristiwa"]] == [
        ("permohonan", date(2023, 10, 9)),
        ("penawaran_diterima", date(2023, 10, 12)),
        ("surat_tanggapan", date(2023, 11, 1)),
        ("pembahasan_tkksd", date(2023, 12, 12)),
    ]
    assert mutu["peristiwa"][0]["dokumen"] == "REQ/2023/0001"
    assert mutu["tahapan"] == [
        {"tahap": "penyusunan_pks", "tanggal": date(2024, 1, 25),
         "keterangan": "Draft PKS diunggah pemohon"}
    ]  # fmt: skip
    # status 6 (pelaksanaan): a signed PKS from tanggal_mulai to tanggal_berakhir
    assert mutu["naskah"] == [
        {"jenis": "perjanjian_kerja_sama", "tanggal_ttd": date(2024, 3, 1),
         "berlaku_mulai": date(2024, 3, 1), "berlaku_sampai": date(2027, 2, 28)}
    ]  # fmt: skip
    assert mutu["perangkat_daerah"] == ["Dinas Pendidikan dan Kebudayaan"]
    assert mutu["urusan"] == ["1.01"] and mutu["jenis"] == "ksdpk"


def test_status_codes_rejected_returned_revoked_and_drafted(repo: Path) -> None:
    assert run(repo) == 0
    records = by_source(repo)
    ditolak = records["REQ/2024/0002"]["peristiwa"][-1]
    assert ditolak["jenis"] == "ditolak" and ditolak["tanggal"] == date(2024, 3, 5)
    assert ditolak["keterangan"].startswith("Tidak sesuai rencana tata ruang")
    assert records["REQ/2024/0003"]["peristiwa"][-1]["jenis"] == "dikembalikan"
    assert records["REQ/2024/0003"]["pihak"][1]["kode_wilayah"] == "64.02"
    dicabut = records["REQ/2022/0004"]
    assert dicabut["status"] == "diakhiri"
    assert dicabut["tahapan"][-1]["tahap"] == "berakhir"
    assert records["REQ/2025/0005"]["naskah"] == [{"jenis": "perjanjian_kerja_sama"}]  # a draft
    manual = records["m-0001"]
    assert manual["naskah"][0]["nomor"] == {"pihak_kesatu": "119/045/HK-KS/2022"}
    assert manual["naskah"][0]["berlaku_sampai"] == date(2027, 5, 31)  # "5 (lima) tahun"
    assert records["m-0002"]["naskah"][0]["berlaku_sampai"] == "tidak_diketahui"


def test_no_email_address_or_telephone_number_reaches_a_record(repo: Path) -> None:
    assert run(repo) == 0
    text = "".join(
        p.read_text(encoding="utf-8") for p in (repo / "data" / "agreements").glob("*.yaml")
    )
    for contact in ("@", ".example", "0541", "0812", "+62", "741118", "222333", "75119"):
        assert contact not in text
    assert "Jl. Kuaro" in text  # an institution's address is kept


def test_tanpa_kontak_removes_contacts_and_keeps_the_rest() -> None:
    assert tanpa_kontak("hubungi humas@unmul.example atau 0812-5555-0101 segera") == (
        "hubungi atau segera"
    )
    assert tanpa_kontak("Telp. (0541) 741118, faks 0541-222333") == "Telp., faks"
    assert tanpa_kontak("+62 812 3456 7890") == ""
    assert tanpa_kontak("Nomor 180/015/KB/2021 tahun 2021") == "Nomor 180/015/KB/2021 tahun 2021"


def test_timestamps_are_read_in_the_zone_given(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # created_at "2023-10-09 17:30:00": in WITA that day, in UTC already 10 October in WITA
    assert run(repo, SIKERJA, "--zona-waktu", "UTC") == 0
    assert "Cap waktu dibaca sebagai UTC, tanggal dicatat menurut WITA" in capsys.readouterr().err
    mutu = by_source(repo)["REQ/2023/0001"]
    assert mutu["peristiwa"][0]["tanggal"] == date(2023, 10, 10)


def test_default_zone_is_the_regions(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(repo) == 0
    assert "dibaca sebagai WITA" in capsys.readouterr().err
    assert by_source(repo)["REQ/2023/0001"]["peristiwa"][0]["tanggal"] == date(2023, 10, 9)


def test_unknown_zone_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(repo, SIKERJA, "--timezone", "Mars/Olympus") == 2
    assert "Mars/Olympus" in capsys.readouterr().err
    assert not list((repo / "data" / "agreements").glob("*.yaml"))


def test_every_province_has_its_time_zone() -> None:
    provinces = [w.kode for w in load_reference().wilayah.values() if w.tingkat == "provinsi"]
    assert sorted(provinces) == sorted(ZONA_PROVINSI)
    assert (zona_daerah("64.72"), zona_daerah("31.71"), zona_daerah("91.01")) == (
        "WITA",
        "WIB",
        "WIT",
    )


def test_reimport_changes_nothing_and_keeps_hand_written_fields(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(repo) == 0
    capsys.readouterr()
    assert run(repo) == 0
    assert "0 dibuat, 0 diperbarui, 7 tidak berubah" in capsys.readouterr().err
    path = next(
        p for p in (repo / "data" / "agreements").glob("*.yaml") if "REQ/2024/0003" in p.read_text()
    )
    path.write_text(path.read_text() + "catatan: ditulis tangan\n", encoding="utf-8")
    newer = tmp_path / "sikerja-baru"
    shutil.copytree(SIKERJA, newer)
    history = newer / "permohonan_histori.csv"
    history.write_text(
        history.read_text()
        + "13,h-0013,3,1,admin,,Pembahasan TKKSD,,,,2024-06-03 02:00:00,2024-06-03 02:00:00\n"
    )
    capsys.readouterr()
    assert run(repo, newer) == 0
    assert "0 dibuat, 1 diperbarui, 6 tidak berubah" in capsys.readouterr().err
    sampah = by_source(repo)["REQ/2024/0003"]
    assert sampah["catatan"] == "ditulis tangan"
    assert sampah["peristiwa"][-1] == {"jenis": "pembahasan_tkksd", "tanggal": date(2024, 6, 3),
                                       "keterangan": "Pembahasan TKKSD"}  # fmt: skip


def test_problems_are_positioned_and_nothing_is_written(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "sikerja-rusak"
    shutil.copytree(SIKERJA, bad)
    table = bad / "permohonan.csv"
    table.write_text(table.read_text().replace(",2,Lingkungan Hidup,", ",2,Lingkungan Hidup,"))
    lines = table.read_text().splitlines()
    lines[3] = lines[3].replace(",1,,2024-05-01", ",12,,2024-05-01")  # status 12 on row 4
    table.write_text("\n".join(lines) + "\n")
    assert run(repo, bad) == 1
    err = capsys.readouterr().err
    assert 'permohonan.csv:T4: galat: status "12" bukan status SIKERJA (0-9)' in err
    assert "permohonan_opd.csv:C4: peringatan: id_opd 99" in err
    assert not list((repo / "data" / "agreements").glob("*.yaml"))
    assert run(repo, bad, "--skip-invalid") == 0
    assert "Dilewati: permohonan.csv baris 4 (REQ/2024/0003)" in capsys.readouterr().err
    assert "REQ/2024/0003" not in by_source(repo) and len(by_source(repo)) == 6


def test_folder_without_sikerja_tables_is_a_clear_error(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    assert run(repo, empty) == 1
    err = capsys.readouterr().err
    assert "permohonan.csv" in err and "Traceback" not in err


def test_tables_exported_as_xlsx_are_read_too(repo: Path, tmp_path: Path) -> None:
    import pandas as pd

    folder = tmp_path / "sikerja-xlsx"
    folder.mkdir()
    for csv in SIKERJA.glob("*.csv"):
        frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
        frame.to_excel(folder / f"{csv.stem}.xlsx", index=False)
    assert run(repo, folder) == 0
    assert by_source(repo)["REQ/2023/0001"]["peristiwa"][0]["tanggal"] == date(2023, 10, 9)


def test_repository_rules_stop_the_import(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # As of 5 May 2024, the return of REQ/2024/0003 (10 May) has not happened yet: C007.
    code = main(["import", str(SIKERJA), "--from", "sikerja", "--root", str(repo),
                 "--as-of", "2024-05-05"])  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err
    assert "permohonan.csv:4: galat: C007 tanggal-mendatang: tanggal 2024-05-10" in err
    assert not list((repo / "data" / "agreements").glob("*.yaml"))


def test_register_options_are_refused_with_from_sikerja(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(repo, SIKERJA, "--map", "label=judul") == 2
    assert "--map" in capsys.readouterr().err
    assert run(repo, SIKERJA, "--from", "simda") == 2  # the last --from wins: unknown source
    assert 'sumber "simda" tidak dikenal' in capsys.readouterr().err
    assert not list((repo / "data" / "agreements").glob("*.yaml"))
