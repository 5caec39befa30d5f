"""The hostile-input contract: no file of the hostile corpus makes any command crash or hang.

Each entry of ``tests/hostile.py`` alone, and all of them together in one repository, must
give findings (the codes the entry names, for that file) or a clean pass, exit 0 or 1, and
never the internal-error exit 3 with a traceback. The 50 MB entry runs when ``CI`` or
``KSD_SLOW_TESTS`` is set.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from hostile import AGREEMENTS, Hostile, corpus

from ksd_cli.cli import main

AS_OF = "2025-06-30"
SLOW = bool(os.environ.get("CI") or os.environ.get("KSD_SLOW_TESTS"))
ENTRIES = corpus(include_slow=True)
#: Findings of a file that does not load (syntax, duplicate keys, encoding): fmt refuses it.
LOAD_CODES = frozenset({"Y001", "Y002", "Y003"})


def _repository(root: Path, entries: list[Hostile]) -> Path:
    for folder in ("data/agreements", "data/potentials"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for entry in entries:
        entry.write(root)
    return root


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    assert "internal error" not in err and "Traceback" not in err, err
    assert code in (0, 1), (code, err)
    out.encode("utf-8")  # no lone surrogate reaches any output
    return code, out, err


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KSD_LANG", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def test_the_corpus_is_deterministic() -> None:
    again = corpus(include_slow=True)
    assert [(e.name, e.rel, e.data, e.codes) for e in again] == [
        (e.name, e.rel, e.data, e.codes) for e in ENTRIES
    ]
    assert len({e.rel for e in ENTRIES}) == len(ENTRIES)


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(e, marks=pytest.mark.skipif(e.slow and not SLOW, reason="set CI to run"))
        for e in ENTRIES
    ],
    ids=[e.name for e in ENTRIES],
)
def test_each_hostile_file_alone_is_a_finding_or_a_clean_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], entry: Hostile
) -> None:
    root = _repository(tmp_path, [entry])
    code, out, _ = _run(["validate", "--root", str(root), "--as-of", AS_OF, "-f", "json"], capsys)
    findings = json.loads(out)["findings"]
    assert {f["path"] for f in findings} <= {entry.rel}
    codes = {f["code"] for f in findings}
    assert entry.codes <= codes
    if not entry.codes:
        assert codes == set() and code == 0
    else:
        assert code == 1
    # fmt --check reads the same file: a finding or a verdict, never a crash.
    fmt_code, _, _ = _run(["fmt", "--check", "--root", str(root)], capsys)
    if entry.codes & LOAD_CODES:
        assert fmt_code == 1  # a file that does not load cannot be formatted
    if not entry.codes:  # fmt refuses no valid record, and its result is still valid
        assert _run(["fmt", "--root", str(root)], capsys)[0] == 0
        assert _run(["validate", "--root", str(root), "--as-of", AS_OF], capsys)[0] == 0
    if entry.rel.startswith(AGREEMENTS):
        out_file = tmp_path / "naskah.md"
        args = ["draft", entry.record_id, "--draft", "-o", str(out_file), "--root", str(root)]
        _run([*args, "--as-of", AS_OF], capsys)


@pytest.fixture(scope="module")
def together(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every entry in one repository, committed on top of the clean records (for diff)."""
    root = tmp_path_factory.mktemp("together")
    clean = [e for e in ENTRIES if not e.codes]
    _repository(root, clean)

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=root,
            check=True,
            capture_output=True,
        )

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "clean records")
    _repository(root, [e for e in ENTRIES if e.codes and (SLOW or not e.slow)])
    return root


def test_all_hostile_files_together_are_each_reported(
    together: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["validate", "--root", str(together), "--as-of", AS_OF, "-f", "json"]
    code, out, _ = _run(args, capsys)
    assert code == 1
    by_path: dict[str, set[str]] = {}
    for finding in json.loads(out)["findings"]:
        by_path.setdefault(finding["path"], set()).add(finding["code"])
    for entry in ENTRIES:
        if entry.slow and not SLOW:
            continue
        assert entry.codes <= by_path.get(entry.rel, set()), entry.name
        if not entry.codes:
            assert entry.rel not in by_path, entry.name


@pytest.mark.parametrize(
    "command",
    [
        ["validate", "-f", "text"],
        ["validate", "-f", "github"],
        ["stalled"],
        ["stalled", "-f", "json"],
        ["stalled", "-f", "md"],
        ["show", "KSD-6402-2024-001"],
        ["report", "-f", "md", "-o", "-"],
        ["diff", "HEAD"],
        ["fmt", "--check"],
        ["draft", "KSD-6402-2024-001", "--draft", "-o", "-"],
        ["draft", "KSD-6402-2024-001", "--draft", "-o", "{tmp}/naskah.docx"],
    ],
    ids=" ".join,
)
def test_every_command_survives_all_hostile_files_together(
    together: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    command = [part.replace("{tmp}", str(tmp_path)) for part in command]
    as_of = [] if command[0] == "fmt" else ["--as-of", AS_OF]
    args = [*command, "--root", str(together), *as_of]
    _, out, err = _run(args, capsys)
    assert out or err  # each command says something about the repository
