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


def test_no_source_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["consolidate", "--lang", "en"]) == 2
    assert "no sources" in capsys.readouterr().err


def test_export_db_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "konsolidasi.parquet"
    args = ["consolidate", LIST, "--as-of", "2025-06-30", "-o", str(tmp_path / "k.md")]
    assert main([*args, "--export-db", str(target)]) == 0
    table = pq.read_table(target).to_pylist()
    assert [row["kode"] for row in table] == ["64", "64.02", "64.71", "64.72"]
    assert [row["lolos_validasi"] for row in table] == [True, True, False, True]


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
