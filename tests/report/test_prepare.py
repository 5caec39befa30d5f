"""The writer made ready while the workers parse: after their fork, and never changing a byte."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ksd_cli import pool, validate
from ksd_cli.cli import main
from ksd_cli.reference import load_reference
from ksd_cli.report import TEMPLATE, Period, build_report_in
from ksd_cli.report.prepare import Preparation
from ksd_cli.repository import open_repository
from report.conftest import AS_OF


@pytest.fixture
def in_workers(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Parse in a pool of workers however few the files; what ``can_fork`` answered."""
    monkeypatch.setattr(validate, "POOL_THRESHOLD", 10)
    monkeypatch.setattr(validate, "POOL_CHUNK", 7)
    answers: list[bool] = []
    can_fork = pool.can_fork

    def spy() -> bool:
        answers.append(can_fork())
        return answers[-1]

    monkeypatch.setattr(pool, "can_fork", spy)
    return answers


@pytest.mark.parametrize("format_name", ["xlsx", "md"])
def test_the_preparation_starts_once_the_workers_are_forked(
    sample_repo: Path, in_workers: list[bool], format_name: str
) -> None:
    repo = open_repository(sample_repo)
    preparation = Preparation(format_name, repo)
    build_report_in(
        repo,
        load_reference(),
        as_of=AS_OF,
        period=Period.year(2024),
        use_cache=False,
        progress=preparation.start,
    )
    preparation.finish()
    # The pool forked its workers with no other thread running, and the preparation ran.
    assert in_workers == [True]
    assert preparation._thread is not None and not preparation._thread.is_alive()
    assert (preparation.environment is not None) == (format_name == "md")


def test_the_markdown_template_is_compiled_beforehand(
    sample_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preparation = Preparation("md", open_repository(sample_repo))
    preparation.start()
    preparation.finish()
    env = preparation.environment
    assert env is not None

    def unread(*args: object) -> None:
        raise AssertionError("the template was read again")

    monkeypatch.setattr(env.loader, "get_source", unread)
    assert env.get_template(TEMPLATE).filename.endswith(TEMPLATE)


def test_other_formats_are_not_prepared(sample_repo: Path) -> None:
    preparation = Preparation("docx", open_repository(sample_repo))
    preparation.start()
    preparation.finish()
    assert preparation._thread is None and preparation.environment is None


def _report(root: Path, output: Path, *extra: str) -> int:
    return main(
        [
            "report",
            "--root",
            str(root),
            "--periode",
            "2024",
            "--as-of",
            "2025-06-30",
            "--output",
            str(output),
            "--force",
            "--no-cache",
            *extra,
        ]
    )


def _parts(workbook: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


@pytest.mark.parametrize("template", [None, "{{ teks.title }} {{ report.agreements }}\n"])
def test_the_report_is_the_same_prepared_or_not(
    sample_repo: Path,
    tmp_path: Path,
    in_workers: list[bool],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    template: str | None,
) -> None:
    if template is not None:  # a user's own template, compiled beforehand too
        (sample_repo / "templates").mkdir()
        (sample_repo / "templates" / TEMPLATE).write_text(template, encoding="utf-8")
    started: list[str] = []
    start = Preparation.start

    def counted(self: Preparation, done: int = 0, total: int = 0) -> None:
        started.append(self.format_name)
        start(self, done, total)

    monkeypatch.setattr(Preparation, "start", counted)
    assert _report(sample_repo, tmp_path / "a.md") == 0
    assert _report(sample_repo, tmp_path / "a.xlsx") == 0
    assert started and set(started) == {"md", "xlsx"}
    monkeypatch.setattr(Preparation, "start", lambda *args: None)
    assert _report(sample_repo, tmp_path / "b.md") == 0
    assert _report(sample_repo, tmp_path / "b.xlsx") == 0
    capsys.readouterr()
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()
    assert _parts((tmp_path / "a.xlsx").read_bytes()) == _parts((tmp_path / "b.xlsx").read_bytes())
    if template is not None:
        assert (tmp_path / "a.md").read_text(encoding="utf-8").startswith("Laporan")


def test_a_broken_template_fails_where_it_failed(
    sample_repo: Path,
    tmp_path: Path,
    in_workers: list[bool],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (sample_repo / "templates").mkdir()
    (sample_repo / "templates" / TEMPLATE).write_text("{% if %}\n", encoding="utf-8")
    prepared = _report(sample_repo, tmp_path / "a.md")
    with_preparation = capsys.readouterr()
    monkeypatch.setattr(Preparation, "start", lambda *args: None)
    assert _report(sample_repo, tmp_path / "b.md") == prepared == 1
    without = capsys.readouterr()
    assert with_preparation == without
    assert TEMPLATE in without.err
    assert not (tmp_path / "a.md").exists()


def test_nothing_is_prepared_for_a_national_register(sample_repo: Path) -> None:
    """The imports would be held beside the workers, where a large report's memory peaks."""
    from ksd_cli.report.prepare import PREPARE_UP_TO

    preparation = Preparation("xlsx", open_repository(sample_repo))
    preparation.start(0, PREPARE_UP_TO)
    preparation.finish()
    assert preparation._thread is None
    preparation.start(0, PREPARE_UP_TO - 1)
    preparation.finish()
    assert preparation._thread is not None
