"""Acceptance cases: small data repositories on disk, each with the findings it must produce.

Every folder under ``tests/fixtures/repos/`` that holds an ``expected.json`` is a case:

    {"as_of": "2025-06-30", "args": [], "exit_code": 1,
     "findings": [{"path": ..., "line": ..., "column": ..., "code": ...}, ...],
     "message_contains": [...],   # optional: substrings of the findings' messages or hints
     "xfail": "reason",           # optional: a known bug of ksd, described
     "symlinks": {"data/agreements/X.yaml": "/etc/passwd"},  # optional: made at test time
     "fifos": ["data/agreements/Y.yaml"]}                    # optional: made at test time

Symbolic links and FIFOs are made in a copy of the case when the test runs: the project's own
git tree holds no symbolic link (a Windows checkout could not hold it).

The findings list is complete: the library must report exactly that set of (path, line,
column, code). The CLI's ``--format json`` output must equal the library's report with the same
options, and its exit code must be ``exit_code``. A new case needs no new code.

Folders named ``<code>-<name>-bad`` / ``<code>-<name>-good`` (optionally with a variant before
``-bad``/``-good``) cover each rule: a bad case reports its own code, a good case (the minimal
correction of the bad one) does not.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ksd_cli.cli import main
from ksd_cli.diagnostics import Report
from ksd_cli.messages import Lang
from ksd_cli.repository import open_repository
from ksd_cli.rules import RULES
from ksd_cli.validate import validate_repository

REPOS = Path(__file__).resolve().parent / "fixtures" / "repos"
CASES = sorted(p.parent for p in REPOS.glob("*/expected.json"))

Finding = tuple[str, int, int, str]


def expected_of(case: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    return data


def lang_of(args: list[str]) -> Lang:
    """The language the CLI will speak for ``args`` (KSD_LANG is cleared in these tests)."""
    if "--lang" in args and args[args.index("--lang") + 1].lower() == "en":
        return "en"
    return "id"


def expected_findings(expected: dict[str, Any]) -> list[Finding]:
    return sorted((f["path"], f["line"], f["column"], f["code"]) for f in expected["findings"])


def library_report(case: Path, expected: dict[str, Any]) -> Report:
    return validate_repository(
        open_repository(case),
        as_of=date.fromisoformat(expected["as_of"]),
        lang=lang_of(expected.get("args", [])),
    )


def materialised(case: Path, expected: dict[str, Any], tmp: Path) -> Path:
    """The case as a folder on disk, with its symbolic links and FIFOs made (in a copy)."""
    if not expected.get("symlinks") and not expected.get("fifos"):
        return case
    copy = tmp / case.name
    shutil.copytree(case, copy)
    # Git keeps no empty folder: make the parents of what is made here.
    for rel, target in expected.get("symlinks", {}).items():
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        (copy / rel).symlink_to(target)
    for rel in expected.get("fifos", []):
        # git keeps no empty folder: the FIFO's folder may exist only in a working copy.
        (copy / rel).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(copy / rel)
    return copy


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # The language and the output format must not depend on the machine running the tests.
    monkeypatch.delenv("KSD_LANG", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def test_cases_are_found() -> None:
    assert len(CASES) >= 2 * len(RULES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    expected = expected_of(case)
    case = materialised(case, expected, tmp_path)
    args = expected.get("args", [])
    report = library_report(case, expected)

    code = main(
        [
            "validate",
            "--root",
            str(case),
            "--as-of",
            expected["as_of"],
            "--format",
            "json",
            *args,
        ]
    )
    captured = capsys.readouterr()
    assert json.loads(captured.out) == report.as_dict(), "CLI JSON differs from the library"
    assert code == expected["exit_code"], captured.err

    got = sorted((d.path, d.line, d.column, d.code) for d in report.diagnostics)
    want = expected_findings(expected)
    texts = [f"{d.message}\n{d.hint or ''}" for d in report.diagnostics]
    missing = [s for s in expected.get("message_contains", []) if not any(s in t for t in texts)]

    reason = expected.get("xfail")
    if reason:
        # What the bug leaves intact must still hold: each file has its number of findings.
        assert Counter(f[0] for f in got) == Counter(f[0] for f in want)
        if got != want or missing:
            pytest.xfail(reason)
        pytest.fail(f"case passes now: remove its xfail ({reason})")
    assert got == want
    assert not missing, f"not in any message or hint: {missing}; messages: {texts}"


def test_every_rule_has_a_bad_and_a_good_case() -> None:
    names = {c.name for c in CASES}
    for rule in RULES:
        for kind in ("bad", "good"):
            assert f"{rule.code}-{rule.name}-{kind}" in names, f"no {kind} case for {rule.code}"


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c.name[:4] in {r.code for r in RULES}],
    ids=lambda c: c.name,
)
def test_rule_case_is_about_its_rule(case: Path) -> None:
    code = case.name[:4]
    rule = next(r for r in RULES if r.code == code)
    assert case.name.startswith(f"{rule.code}-{rule.name}-"), "folder name does not match the rule"
    codes = {f[3] for f in expected_findings(expected_of(case))}
    if case.name.endswith("-bad"):
        assert code in codes
    else:
        assert case.name.endswith("-good")
        assert code not in codes
