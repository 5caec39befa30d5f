"""The ``ksd`` app: version, help for every command, start-up cost, ``python -m``."""

from __future__ import annotations

import inspect
import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ksd_cli import __version__
from ksd_cli.cli import COMMANDS, SUMMARIES, command_name, main, real_command


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"ksd {__version__}"


@pytest.mark.parametrize("command", [name for _, name in COMMANDS])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command.rstrip("_").replace("_", "-"), "-h"]) == 0
    out = capsys.readouterr().out
    assert "Usage: ksd" in out and "--help" in out


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import sys; from ksd_cli.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pandas', 'openpyxl', 'jinja2', 'docx', 'num2words', 'babel',\n"
        "    'ruamel.yaml', 'pydantic', 'ksd_cli.models', 'yaml', 'python_calamine')\n"
        "    if m in sys.modules]\n"
        "heavy += sorted(m for m in sys.modules if m.startswith('ksd_cli.cli.'))\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "Usage: ksd" in result.stdout
    assert result.stderr.strip() == "HEAVY="


def test_python_dash_m(project_root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ksd_cli", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.strip() == f"ksd {__version__}"


@pytest.mark.parametrize("command", [command_name(name) for _, name in COMMANDS])
def test_the_help_lists_each_command_by_its_own_first_paragraph(command: str) -> None:
    # ``ksd --help`` lists the commands from SUMMARIES without importing their modules: each
    # summary must stay the first paragraph of the command's own help.
    real = real_command(command)
    assert real.name == command
    assert SUMMARIES[command] == inspect.cleandoc(real.help or "").split("\n\n")[0].replace(
        "\n", " "
    )


def test_every_command_is_listed_once() -> None:
    assert list(SUMMARIES) == [command_name(name) for _, name in COMMANDS]


@pytest.mark.parametrize("command", [command_name(name) for _, name in COMMANDS])
def test_each_help_paragraph_is_wrapped_once_to_the_terminal(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The docstrings are wrapped at the source's 100 columns; at 80 those breaks left lines
    # of two words between full ones. Every line but a paragraph's last is full: its
    # paragraph's next word would not have fitted on it.
    monkeypatch.setenv("COLUMNS", "80")
    assert main([command, "-h"]) == 0
    lines = capsys.readouterr().out.splitlines()
    start = next(i for i, line in enumerate(lines) if "Usage: ksd" in line) + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("╭"))
    paragraphs: list[list[str]] = [[]]
    for line in lines[start:end]:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    for paragraph in paragraphs:
        for line, following in itertools.pairwise(paragraph):
            assert len(line) + 1 + len(following.split()[0]) > 80 - 4, (line, following)
    written = [" ".join(p) for p in paragraphs]
    doc = inspect.cleandoc(real_command(command).callback.__doc__ or "")
    assert written == [" ".join(p.split()).replace("\\[", "[") for p in doc.split("\n\n")]


@pytest.mark.parametrize("command", [command_name(f) for _, f in COMMANDS])
def test_brackets_in_help_are_shown_as_written(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The help is rich markup: ``pip install 'ksd-cli[konsolidasi]'`` lost its extra, read as
    # a style tag. Every bracketed word of a help text must reach the screen as written.
    monkeypatch.setenv("COLUMNS", "300")
    real = real_command(command)
    texts = [real.help or "", *(getattr(p, "help", None) or "" for p in real.params)]
    bracketed = {m for text in texts for m in re.findall(r"\[[^\]\s]+\]", text)}
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert {b for b in bracketed if b.replace("\\[", "[") not in out} == set()


@pytest.mark.parametrize("command", [None, *SUMMARIES])
def test_an_on_off_option_shows_no_value_type_in_help(
    command: str | None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Typer wrote "<bool>" beside every flag (--force, --strict, --help), as if it took a
    # value; options that take one keep their type or metavar.
    monkeypatch.setenv("COLUMNS", "200")
    assert main([*([command] if command else []), "--help"]) == 0
    out = capsys.readouterr().out
    assert "<bool>" not in out
    help_line = next(line for line in out.splitlines() if "--help" in line)
    assert re.search(r"--help\s+-h\s+Show this message and exit\.", help_line), help_line
    if command == "validate":
        assert re.search(r"--force\s+Replace the output file if it exists\.", out)
        assert re.search(r"--as-of\s+YYYY-MM-DD\s+Judge dates", out)
