"""The console script's early answer: ``ksd show ID --format json`` before typer loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ksd_cli import cache
from ksd_cli.cli import main
from ksd_cli.launch import _show_json, early_answer

AS_OF = ["--as-of", "2025-06-30"]


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["show", "X", "--format", "json"], ("X", {"--format": "json"})),
        (
            ["show", "--lang", "en", "X", "--root", "r", "--format", "json", "--as-of", "d"],
            ("X", {"--lang": "en", "--root": "r", "--format": "json", "--as-of": "d"}),
        ),
    ],
)
def test_plain_show_json_requests_are_understood(
    arguments: list[str], expected: tuple[str, dict[str, str]]
) -> None:
    assert _show_json(arguments) == expected


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["show", "X"],  # text depends on the terminal: never kept
        ["show", "X", "--format", "text"],
        ["show", "X", "--format=json"],
        ["show", "X", "-f", "json"],
        ["show", "X", "--format", "json", "--format", "json"],
        ["show", "X", "Y", "--format", "json"],
        ["show", "--format", "json"],
        ["show", "X", "--format", "json", "--output", "f.json"],
        ["show", "X", "--format", "json", "--no-cache"],
        ["show", "X", "--format", "json", "--lang", "EN"],
        ["show", "X", "--format", "json", "--as-of"],
        ["show", "X", "--format", "json", "--root", "--lang"],
        ["show", "--", "X", "--format", "json"],
        ["draft", "X", "--format", "json"],
        ["--help"],
    ],
)
def test_anything_else_goes_to_the_full_command_line(arguments: list[str]) -> None:
    assert _show_json(arguments) is None


def _full(root: Path, record_id: str, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    args = ["show", record_id, "--root", str(root), "--format", "json", *AS_OF, *extra]
    assert main(args) == 0
    return capsys.readouterr().out


def test_the_early_answer_is_the_full_one(
    sample_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    arguments = [
        "show",
        "KSD-6402-2020-001",
        "--root",
        str(sample_repo),
        "--format",
        "json",
        *AS_OF,
    ]
    assert early_answer(arguments) is None  # nothing kept yet
    made = _full(sample_repo, "KSD-6402-2020-001", capsys)
    assert early_answer(arguments) == made
    # Another language is another answer, kept apart.
    assert early_answer([*arguments, "--lang", "en"]) is None
    english = _full(sample_repo, "KSD-6402-2020-001", capsys, "--lang", "en")
    assert early_answer([*arguments, "--lang", "en"]) == english
    monkeypatch.setenv("KSD_LANG", "en")
    assert early_answer(arguments) == english
    monkeypatch.setenv("KSD_LANG", "xx")  # the full command line says it is wrong
    assert early_answer(arguments) is None
    monkeypatch.delenv("KSD_LANG")
    monkeypatch.setenv("KSD_NO_CACHE", "1")
    assert early_answer(arguments) is None


def test_a_change_after_the_answer_is_seen(
    sample_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    arguments = [
        "show",
        "KSD-6402-2020-001",
        "--root",
        str(sample_repo),
        "--format",
        "json",
        *AS_OF,
    ]
    _full(sample_repo, "KSD-6402-2020-001", capsys)
    assert early_answer(arguments) is not None
    other = sorted((sample_repo / "data/agreements").glob("*.yaml"))[-1]
    other.write_text(other.read_text("utf-8") + "# changed\n", "utf-8")
    assert early_answer(arguments) is None


def test_the_console_script_answers_without_loading_typer(sample_repo: Path) -> None:
    """The point of the early answer: start-up, the answers file, a stamp of the folders."""
    script = (
        "import sys; from ksd_cli import cache; cache.RACY_NS = 0\n"
        "from ksd_cli.launch import console_main\n"
        "try:\n"
        "    console_main()\n"
        "finally:\n"
        "    heavy = ('typer', 'click', 'pydantic', 'rich', 'ksd_cli.models')\n"
        "    print('loaded:', *sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    show = ["show", "KSD-6402-2020-001", "--root", str(sample_repo), "--format", "json", *AS_OF]
    runs = [
        subprocess.run([sys.executable, "-c", script, *show], capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0]
    assert runs[0].stdout == runs[1].stdout
    assert '"id": "KSD-6402-2020-001"' in runs[1].stdout
    assert "typer" in runs[0].stderr.splitlines()[-1].split()  # made in full
    assert runs[1].stderr.splitlines()[-1] == "loaded:"  # given early
