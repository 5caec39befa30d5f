"""``--lang id|en`` on every command: one language on stderr, never the other, never ``hint:``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ksd_cli.cli import COMMANDS, main
from ksd_cli.messages import CATALOG

NAMES = [name.rstrip("_").replace("_", "-") for _, name in COMMANDS]


def _fragments(lang: int) -> set[str]:
    """The fixed pieces of every catalog sentence in one language that the other never uses."""
    other = "\n".join(entry[1 - lang] for entry in CATALOG.values())
    found = set()
    for entry in CATALOG.values():
        for piece in re.split(r"\{[^}]*\}", entry[lang]):
            piece = piece.strip(" :;,.()`'\"\n")
            if len(piece) >= 12 and " " in piece and piece not in other:
                found.add(piece)
    return found


INDONESIAN, ENGLISH = _fragments(0), _fragments(1)

#: A simple failure of each command, run in the sample repository (``{root}``) or a scratch
#: folder (``{tmp}``).
FAILURES: dict[str, list[str]] = {
    "validate": ["validate", "--root", "{root}", "--as-of", "kemarin"],
    "rules": ["rules", "X999"],
    "stalled": ["stalled", "--root", "{root}", "--fail-on", "NOPE"],
    "show": ["show", "KSD-6402-2099-001", "--root", "{root}"],
    "report": ["report", "--root", "{root}", "--from", "2020-01-01"],
    "fmt": ["fmt", "--root", "{root}", "{root}/data/agreements/KSD-6402-2099-001.yaml"],
    "diff": ["diff", "--root", "{root}"],
    "init": ["init", "{tmp}/x", "--daerah", "64.99"],
    "new": ["new", "agreement", "--mitra", "64.99", "--root", "{root}"],
    "draft": ["draft", "KSD-6402-2020-001", "--naskah", "9", "--root", "{root}"],
    "import": ["import", "{tmp}/tidak-ada.xlsx", "--root", "{root}"],
    "export": ["export", "--root", "{root}", "-o", "{root}/ksd.toml"],
    "mapping": ["mapping", "--root", "{root}", "-f", "md", "-o", "{root}/ksd.toml"],
    "consolidate": ["consolidate", "{root}", "--expected", "Kaltim"],
}


def test_every_command_has_a_failure_case() -> None:
    assert sorted(FAILURES) == sorted(NAMES)


@pytest.mark.parametrize("command", NAMES)
def test_every_command_takes_lang(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    assert "--lang" in capsys.readouterr().out


def _fail(args: list[str], root: Path, tmp: Path, capsys: pytest.CaptureFixture[str]) -> str:
    argv = [a.format(root=root, tmp=tmp) for a in args]
    assert main(argv) in (1, 2)
    err = capsys.readouterr().err
    assert err.startswith("ksd: ")
    return err


@pytest.mark.parametrize("command", NAMES)
def test_an_english_failure_says_nothing_in_indonesian(
    command: str, sample_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _fail([*FAILURES[command], "--lang", "en"], sample_repo, tmp_path, capsys)
    assert [f for f in INDONESIAN if f in err] == []
    assert "petunjuk:" not in err


@pytest.mark.parametrize("command", NAMES)
def test_an_indonesian_failure_says_nothing_in_english(
    command: str,
    sample_repo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KSD_LANG", "id")
    err = _fail(FAILURES[command], sample_repo, tmp_path, capsys)
    assert [f for f in ENGLISH if f in err] == []
    assert "hint:" not in err


@pytest.mark.parametrize("command", NAMES)
def test_ksd_lang_speaks_english_too(
    command: str,
    sample_repo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KSD_LANG", "en")
    err = _fail(FAILURES[command], sample_repo, tmp_path, capsys)
    assert [f for f in INDONESIAN if f in err] == []
    assert [f for f in ENGLISH if f in err] != []


def test_an_unknown_format_is_refused_in_the_chosen_language(
    sample_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def said() -> str:  # the words of click's boxed error, without the box
        return " ".join(capsys.readouterr().err.replace("│", " ").split())

    monkeypatch.delenv("KSD_LANG", raising=False)
    args = ["stalled", "--root", str(sample_repo), "--format", "pdf"]
    assert main(args) == 2
    assert "'pdf' bukan salah satu dari: text, json, csv, md, xlsx" in said()
    assert main(["stalled", "--lang", "en", *args[1:]]) == 2
    assert "'pdf' is not one of: text, json, csv, md, xlsx" in said()
