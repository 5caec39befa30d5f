"""The console script's early answers: kept ``ksd show``/``ksd draft`` answers before typer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ksd_cli import cache
from ksd_cli.cli import main
from ksd_cli.errors import UserError
from ksd_cli.launch import _DRAFT_FLAGS, _DRAFT_OPTIONS, _SHOW_OPTIONS, _request, early_answer

AS_OF = ["--as-of", "2025-06-30"]
ID = "KSD-6402-2020-001"


@pytest.fixture
def repo(sample_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample whose files count as long at rest (``RACY_NS``)."""
    monkeypatch.setattr(cache, "RACY_NS", 0)
    return sample_repo


def test_plain_requests_are_understood() -> None:
    show = ["--lang", "en", ID, "--root", "r", "--format", "json", "--as-of", "d"]
    assert _request(show, _SHOW_OPTIONS, ()) == (
        ID,
        {"--lang": "en", "--root": "r", "--format": "json", "--as-of": "d"},
        set(),
    )
    draft = [ID, "--output", "-", "--draft", "--force"]
    assert _request(draft, _DRAFT_OPTIONS, _DRAFT_FLAGS) == (
        ID,
        {"--output": "-"},
        {"--draft", "--force"},
    )


def _full(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    assert main(arguments) == 0
    out, err = capsys.readouterr()
    return out, err


def test_the_early_show_is_the_full_one(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["show", ID, "--root", str(repo), "--format", "json", *AS_OF]
    assert early_answer(arguments) is None  # nothing kept yet
    made, _ = _full(arguments, capsys)
    early = early_answer(arguments)
    assert early is not None and (early.stdout, early.stderr, early.file) == (made, "", None)
    # Another language is another answer, kept apart; KSD_LANG chooses it too.
    assert early_answer([*arguments, "--lang", "en"]) is None
    english, _ = _full([*arguments, "--lang", "en"], capsys)
    early = early_answer([*arguments, "--lang", "en"])
    assert early is not None and early.stdout == english
    monkeypatch.setenv("KSD_LANG", "en")
    early = early_answer(arguments)
    assert early is not None and early.stdout == english
    monkeypatch.setenv("KSD_LANG", "xx")  # the full command line says it is wrong
    assert early_answer(arguments) is None
    monkeypatch.delenv("KSD_LANG")
    monkeypatch.setenv("KSD_NO_CACHE", "1")
    assert early_answer(arguments) is None


def test_the_early_draft_is_the_full_one(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "naskah.md"
    arguments = ["draft", ID, "--root", str(repo), "--output", str(out), "--force", *AS_OF]
    printed, notes = _full(arguments, capsys)
    written = out.read_bytes()
    out.unlink()
    early = early_answer(arguments)
    assert early is not None
    assert (early.stdout, early.stderr, early.file, early.content) == (
        printed,
        notes,
        out,
        written,
    )
    # To stdout: the Markdown itself, kept apart from the file's answer.
    to_stdout = ["draft", ID, "--root", str(repo), "--output", "-", "--draft", *AS_OF]
    markdown, notes = _full(to_stdout, capsys)
    early = early_answer(to_stdout)
    assert early is not None and (early.stdout, early.stderr, early.file) == (markdown, notes, None)
    # An existing file without --force: refused as the full command line refuses it.
    out.write_text("mine\n", "utf-8")
    with pytest.raises(UserError):
        early_answer([a for a in arguments if a != "--force"])


@pytest.mark.parametrize(
    "changed",
    [
        ["show", ID, "--format", "text"],  # text depends on the terminal: never kept
        ["show", ID],
        ["show", ID, "--format=json"],
        ["show", ID, "-f", "json"],
        ["show", ID, "--format", "json", "--format", "json"],
        ["show", ID, "Y", "--format", "json"],
        ["show", "--format", "json"],
        ["show", ID, "--format", "json", "--output", "f.json"],
        ["show", ID, "--format", "json", "--no-cache"],
        ["show", ID, "--format", "json", "--lang", "EN"],
        ["show", ID, "--format", "json", "--as-of"],
        ["show", ID, "--format", "json", "--lang", "--as-of"],
        ["show", "--", ID, "--format", "json"],
        ["show", ID, "--format", "json", "--as-of", "2025-07-01"],
        ["draft", ID, "--format", "json"],
        ["draft", ID, "--output", "naskah.docx", "--force"],
        ["draft", ID, "-o", "-"],
        ["draft", ID, "--output", "-", "--naskah", "1"],
        ["draft", ID, "--output", "-", "--draft", "--draft"],
        ["stalled", "--format", "json"],
        ["--help"],
        [],
    ],
)
def test_anything_else_goes_to_the_full_command_line(
    repo: Path, changed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    kept = [
        ["show", ID, "--format", "json", *AS_OF],
        ["draft", ID, "--output", "-", *AS_OF],
    ]
    root = ["--root", str(repo)]
    for arguments in kept:
        _full([*arguments, *root], capsys)
        assert early_answer([*arguments, *root]) is not None
    if changed and changed[0] in ("show", "draft"):
        changed = [*changed, *root, *([] if "--as-of" in changed else AS_OF)]
    assert early_answer(changed) is None


def test_a_change_after_the_answer_is_seen(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["show", ID, "--root", str(repo), "--format", "json", *AS_OF]
    _full(arguments, capsys)
    assert early_answer(arguments) is not None
    other = sorted((repo / "data/agreements").glob("*.yaml"))[-1]
    other.write_text(other.read_text("utf-8") + "# changed\n", "utf-8")
    assert early_answer(arguments) is None


def test_the_console_script_answers_without_loading_typer(repo: Path, tmp_path: Path) -> None:
    """The point of the early answer: start-up, the answers file, a stamp of the folders."""
    script = (
        "import sys; from ksd_cli import cache; cache.RACY_NS = 0\n"
        "from ksd_cli.launch import console_main\n"
        "try:\n"
        "    console_main()\n"
        "finally:\n"
        "    heavy = ('typer', 'click', 'pydantic', 'rich', 'ksd_cli.models', 'jinja2')\n"
        "    print('loaded:', *sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    out = tmp_path / "naskah.md"
    show = ["show", ID, "--root", str(repo), "--format", "json", *AS_OF]
    draft = ["draft", ID, "--root", str(repo), "--output", str(out), "--force", "--draft"]
    for command in (show, draft):
        runs = []
        for _ in range(2):
            out.unlink(missing_ok=True)
            run = subprocess.run(
                [sys.executable, "-c", script, *command], capture_output=True, text=True
            )
            written = out.read_bytes() if out.exists() else None
            runs.append((run.returncode, run.stdout, run.stderr.splitlines(), written))
        (code, printed, first, written), again = runs[0], runs[1]
        assert code == again[0] == 0
        assert (printed, written) == (again[1], again[3])
        assert (written is not None) == (command is draft)
        assert first[:-1] == again[2][:-1]  # the notes
        assert "typer" in first[-1].split()  # made in full
        assert again[2][-1] == "loaded:"  # given early
