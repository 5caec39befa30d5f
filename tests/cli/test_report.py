"""``ksd report``: the default output file, Markdown on stdout, usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from report.conftest import markdown_env, report_of

from ksd_cli.cli import main
from ksd_cli.report import (
    SHEETS,
    Period,
    render_markdown,
)


def test_default_output_file_refuses_to_overwrite_without_force(
    sample_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from openpyxl import load_workbook

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    args = ["report", "--root", str(sample_repo), "--periode", "2024", "--as-of", "2025-06-30"]
    assert main(args) == 0
    assert capsys.readouterr().out == "ksd-laporan-2024.xlsx\n"
    target = work / "ksd-laporan-2024.xlsx"
    assert load_workbook(target).sheetnames == list(SHEETS)

    target.write_bytes(b"lama")
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "berkas sudah ada" in captured.err and "--force" in captured.err
    assert target.read_bytes() == b"lama"
    assert main([*args, "--force"]) == 0
    assert load_workbook(target)["Sampul"]["A1"].value == "Laporan Evaluasi Kerja Sama Daerah"

    assert main([*args, "--format", "md"]) == 0
    assert capsys.readouterr().out.endswith("ksd-laporan-2024.md\n")
    assert (
        (work / "ksd-laporan-2024.md")
        .read_text(encoding="utf-8")
        .startswith("# Laporan Evaluasi Kerja Sama Daerah")
    )
    assert (
        main(
            [
                "report",
                "--root",
                str(sample_repo),
                "--from",
                "2025-01-01",
                "--to",
                "2025-06-30",
                "--as-of",
                "2025-06-30",
            ]
        )
        == 0
    )
    assert (work / "ksd-laporan-2025-01-01_2025-06-30.xlsx").is_file()


def test_markdown_to_stdout_equals_the_library(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["report", "--root", str(sample_repo), "--periode", "2024", "--as-of", "2025-06-30"]
    assert main([*args, "--format", "md", "--output", "-"]) == 0
    printed = capsys.readouterr().out
    # sample_repo is a copy outside git: no commit to name.
    library = render_markdown(
        report_of(sample_repo, Period.year(2024), commit=None), markdown_env(sample_repo)
    )
    assert printed == library
    assert "dari data di luar repositori git" in printed


@pytest.mark.parametrize(
    ("extra", "option"),
    [
        (["--periode", "2024", "--from", "2024-01-01", "--to", "2024-06-30"], "--periode"),
        (["--from", "2024-01-01"], "--from"),  # the option given, which cannot stand alone
        (["--from", "2024-07-01", "--to", "2024-06-30"], "--to"),
        (["--from", "2024-02-30", "--to", "2024-06-30"], "--from"),
        (["--periode", "2026"], "--as-of"),
        (["--periode", "2024", "--output", "-"], "--output"),
    ],
)
def test_usage_errors_exit_2_and_name_the_option(
    project_root: Path, extra: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["report", "--root", str(project_root), "--as-of", "2025-06-30", *extra])
    assert code == 2
    assert f"nilai tidak sah untuk {option}" in capsys.readouterr().err
