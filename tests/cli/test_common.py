"""The one error boundary and the shared options: exit codes 1, 3 and 130, a closed pipe, finding the root."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
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


class _FullDisk(io.StringIO):
    """A standard output on a full disk: every write fails, as on ``> /dev/full``."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _FullOnFlush(io.StringIO):
    """A standard output that takes the writes in its buffer and fails when flushed."""

    def flush(self) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))


_MESSY_POTENTIAL = "tahun: 2024\nid: POT-6402-2024-009\ndaerah: '64.02'\n"


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "-f", "json"],
        ["validate", "-f", "github"],
        ["validate"],
        ["fmt", "--check"],
        ["fmt", "--diff"],
        ["rules"],
        ["show", "KSD-6402-2019-001", "--format", "json"],
        ["validate", "--help"],
    ],
)
def test_output_that_cannot_be_written_is_one_line_and_exit_1(
    sample_repo: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
) -> None:
    messy = sample_repo / "data" / "potentials" / "POT-6402-2024-009.yaml"
    messy.write_text(_MESSY_POTENTIAL, encoding="utf-8")
    monkeypatch.chdir(sample_repo)
    monkeypatch.setattr(sys, "stdout", _FullDisk())
    code = main([*args, "--lang", "en"])
    assert capsys.readouterr().err.splitlines() == [
        "ksd: cannot write output: No space left on device"
    ]
    assert code == 1
    assert messy.read_text(encoding="utf-8") == _MESSY_POTENTIAL


def test_output_that_fails_when_flushed_at_the_end_is_said_in_indonesian(
    project_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdout = _FullOnFlush()
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["rules", "C006"]) == 1
    assert "pks-sebelum-kb" in stdout.getvalue()  # written, then not flushed
    assert capsys.readouterr().err == "ksd: tidak dapat menulis keluaran: Input/output error\n"


def test_a_diff_that_cannot_be_written_is_one_line(
    git_branched: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", _FullDisk())
    code = main(["diff", "main", "--root", str(git_branched), "--lang", "en"])
    assert capsys.readouterr().err == "ksd: cannot write output: No space left on device\n"
    assert code == 1


def test_an_oserror_that_is_not_writing_the_output_stays_an_internal_error(
    project_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("ksd_cli.validate.validate_repository", full)
    assert main(["validate", "--root", str(project_root)]) == 3
    err = capsys.readouterr().err
    assert "galat internal" in err and "OSError: [Errno 28] No space left on device" in err
    assert "tidak dapat menulis keluaran" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.usefixtures("hermetic_git")
@pytest.mark.parametrize(
    "args",
    [
        ["validate", "-f", "json"],
        ["validate", "--changed-since", "main", "--format", "json"],  # answered early
        ["diff", "main", "--format", "json"],  # answered early
        ["diff", "main"],
    ],
)
def test_the_console_script_says_a_full_disk_in_one_line(
    git_branched: Path, args: list[str]
) -> None:
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "ksd_cli", *args, "--root", str(git_branched)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert run.stderr == "ksd: tidak dapat menulis keluaran: No space left on device\n"
    assert run.returncode == 1
