"""Findings and the report: sorted, without duplicates, and the one judge of pass or fail."""

from __future__ import annotations

from ksd_cli.diagnostics import Diagnostic, Report, Severity


def finding(path: str, line: int, code: str, severity: Severity = Severity.ERROR) -> Diagnostic:
    return Diagnostic(path, line, 1, code, code.lower(), severity, f"{code} di baris {line}")


def test_findings_are_sorted_by_file_position_and_code_and_duplicates_dropped() -> None:
    b9, a12, a3c, a3s = (
        finding("b.yaml", 9, "S002"),
        finding("a.yaml", 12, "C006"),
        finding("a.yaml", 3, "C006"),
        finding("a.yaml", 3, "S002"),
    )
    report = Report.build([b9, a12, a3s, a3c, b9], files=2, records=2, checked=["b", "a"])
    assert report.diagnostics == (a3c, a3s, a12, b9)
    assert report.checked == ("a", "b")


def test_errors_fail_the_run_and_warnings_only_under_strict() -> None:
    warned = Report.build([finding("a.yaml", 1, "C009", Severity.WARNING)], files=1, records=1)
    assert (warned.errors, warned.warnings) == (0, 1)
    assert not warned.failed() and warned.failed(strict=True)
    broken = Report.build([finding("a.yaml", 1, "S002")], files=1, records=1)
    assert broken.failed()
    assert not Report.build([], files=1, records=1).failed(strict=True)


def test_the_json_form_keeps_its_keys() -> None:
    report = Report.build([finding("a.yaml", 4, "S002")], files=3, records=2)
    assert report.as_dict() == {
        "schema_version": 1,
        "findings": [
            {
                "path": "a.yaml",
                "line": 4,
                "column": 1,
                "code": "S002",
                "rule": "s002",
                "severity": "error",
                "message": "S002 di baris 4",
                "hint": None,
                "record_id": None,
            }
        ],
        "summary": {"files": 3, "records": 2, "errors": 1, "warnings": 0},
    }
