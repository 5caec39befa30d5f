"""The one error boundary and the shared options: exit codes 1, 3 and 130, a closed pipe, finding the root."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ksd_cli.cli import main

AS_OF = "2025-06-30"


def test_a_bug_exits_3_with_a_report_request(
    project_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("ksd_cli.validate.validate_repository", boom)
    assert main(["validate", "--root", str(project_root)]) == 3
    err = capsys.readouterr().err
    assert "galat internal" in err and "RuntimeError: boom" in err


def test_ctrl_c_exits_130(
    project_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("ksd_cli.validate.validate_repository", interrupt)
    assert main(["validate", "--root", str(project_root)]) == 130


def test_no_repository_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "tidak ada repositori data ksd" in err and "--root" in err


def test_root_is_found_from_a_subfolder(
    project_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project_root / "data" / "agreements")
    assert main(["validate", "--as-of", AS_OF, "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["files"] == 39


def test_a_closed_pipe_is_not_an_internal_error(
    project_root: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def closed(*args: object, **kwargs: object) -> None:
        raise BrokenPipeError

    monkeypatch.setattr("ksd_cli.reporters.JsonReporter.write", closed)
    assert main(["validate", "--root", str(project_root), "-f", "json"]) == 1
    assert "internal error" not in capfd.readouterr().err


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["report", "--periode", "1900"], "--periode"),
        (["mapping", "--tahun", "2101", "-f", "json"], "--tahun"),
        (["new", "agreement", "--tahun", "2150"], "--tahun"),
    ],
)
def test_a_year_outside_what_records_hold_is_a_usage_error(
    project_root: Path, capsys: pytest.CaptureFixture[str], args: list[str], option: str
) -> None:
    assert main([*args, "--root", str(project_root)]) == 2
    assert f"nilai tidak sah untuk {option}" in capsys.readouterr().err
