"""Validating a repository: the cap on findings per file."""

from __future__ import annotations

from ksd_cli.diagnostics import Diagnostic, Severity
from ksd_cli.validate import MAX_FINDINGS_PER_FILE, cap_per_file


def _finding(path: str, line: int) -> Diagnostic:
    return Diagnostic(path, line, 1, "S002", "unknown-key", Severity.ERROR, f"kunci {line}")


def test_a_file_lists_its_first_findings_and_counts_the_rest() -> None:
    many = [_finding("a.yaml", line) for line in range(250, 0, -1)]
    few = [_finding("b.yaml", line) for line in range(1, 4)]
    kept = cap_per_file([*many, *few], "en")
    a = [d for d in kept if d.path == "a.yaml"]
    assert len(a) == MAX_FINDINGS_PER_FILE + 1
    assert [d.line for d in a[:-1]] == list(range(1, MAX_FINDINGS_PER_FILE + 1))
    closing = a[-1]
    assert (closing.code, closing.line, closing.severity) == ("Y014", 100, Severity.ERROR)
    assert closing.message.startswith("and 150 more")
    assert [d for d in kept if d.path == "b.yaml"] == few


def test_the_closing_finding_is_worded_in_indonesian() -> None:
    kept = cap_per_file([_finding("a.yaml", n) for n in range(1, 103)], "id")
    assert kept[-1].message.startswith("dan 2 temuan lain")
