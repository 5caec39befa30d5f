"""``ksd consolidate`` on the command line: formats, output files, options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from consolidate.fixture import FIXTURE, run

from ksd_cli.cli import main
from ksd_cli.consolidate.render import as_dict

LIST = str(FIXTURE / "ksd-konsolidasi.toml")


def test_json_output_equals_the_library_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["consolidate", LIST, "--as-of", "2025-06-30", "-f", "json", "--no-cache"]) == 0
    out = json.loads(capsys.readouterr().out)
    expected = json.loads(json.dumps(as_dict(run())))
    # Labels are the list's locations either way.
    assert out == expected


def test_xlsx_needs_a_file_and_writes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["consolidate", LIST, "--as-of", "2025-06-30", "-f", "xlsx"]) == 2
    target = tmp_path / "konsolidasi.xlsx"
    assert main(["consolidate", LIST, "--as-of", "2025-06-30", "-o", str(target)]) == 0
    assert target.read_bytes()[:2] == b"PK"
    assert capsys.readouterr().out.strip().endswith("konsolidasi.xlsx")


def test_expected_all_lists_every_region_but_the_four(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["consolidate", str(FIXTURE), "--as-of", "2025-06-30", "-f", "json", "--expected", "all"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["belum_melapor"]["aturan"] == "semua"
    codes = {d["kode"] for d in data["belum_melapor"]["daerah"]}
    assert len(codes) == 552 - 4 and "64.02" not in codes


def test_no_source_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["consolidate", "--lang", "en"]) == 2
    assert "no sources, and this folder has no ksd-konsolidasi.toml" in capsys.readouterr().err


def test_without_a_source_the_list_of_the_current_folder_is_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["consolidate", LIST, "--as-of", "2025-06-30", "-f", "json", "--no-cache"]) == 0
    named = json.loads(capsys.readouterr().out)
    monkeypatch.chdir(FIXTURE)
    assert main(["consolidate", "--as-of", "2025-06-30", "-f", "json", "--no-cache"]) == 0
    assert json.loads(capsys.readouterr().out) == named


def test_export_db_parquet_holds_every_record_with_its_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "konsolidasi.parquet"
    args = ["consolidate", LIST, "--as-of", "2025-06-30", "-o", str(tmp_path / "k.md")]
    assert main([*args, "--export-db", str(target)]) == 0
    rows = pq.read_table(target).to_pylist()
    assert len(rows) == 10  # every record file of the four repositories
    by_id = {row["id"]: row for row in rows}
    broken = by_id["KSD-6471-2024-003"]
    assert (broken["daerah"], broken["lolos_validasi"], broken["status"]) == ("64.71", False, None)
    kb = by_id["KSD-6402-2023-001"]
    assert (kb["jenis"], kb["status"], kb["tahap"]) == ("ksdd_wajib", "aktif", "penandatanganan_kb")
    assert kb["temuan"] == []
    assert by_id["POT-6402-2024-001"]["jenis"] == "potensi"
    # Every finding of every region is on its record's row.
    for region in run().regions:
        assert region.figures is not None
        on_rows = sorted(c for row in rows if row["daerah"] == region.kode for c in row["temuan"])
        counted = sorted(c for c, n in region.figures.temuan.items() for _ in range(n))
        assert on_rows == counted
    assert any(row["temuan"] for row in rows)


def test_export_db_duckdb_holds_every_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    target = tmp_path / "konsolidasi.duckdb"
    args = ["consolidate", LIST, "--as-of", "2025-06-30", "-o", str(tmp_path / "k.md")]
    assert main([*args, "--export-db", str(target)]) == 0
    connection = duckdb.connect(str(target), read_only=True)
    try:
        tables = {row[0] for row in connection.execute("SHOW TABLES").fetchall()}
        assert tables == {"daerah", "rekaman", "temuan", "selisih", "sepihak", "belum_melapor"}
        ranking = connection.execute(
            "SELECT kode, lolos_validasi FROM daerah ORDER BY kode"
        ).fetchall()
        assert ranking == [("64", True), ("64.02", True), ("64.71", False), ("64.72", True)]
        assert connection.execute(
            "SELECT kode, a_line, b_line FROM selisih ORDER BY kode"
        ).fetchall() == [
            ("nomor", 18, 18),
            ("tanggal_ttd", 19, 19),
        ]
        flags = connection.execute("SELECT count(*) FROM temuan").fetchone()
        assert flags is not None and flags[0] >= 3
    finally:
        connection.close()


def test_export_db_refuses_an_unknown_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["consolidate", LIST, "--export-db", str(tmp_path / "x.csv")]) == 2


def test_export_db_without_pyarrow_says_how_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a)
    )
    args = ["consolidate", LIST, "--lang", "en", "--export-db", str(tmp_path / "k.parquet")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "needs pyarrow" in err and "ksd-cli[konsolidasi]" in err
    assert not (tmp_path / "k.parquet").exists()
