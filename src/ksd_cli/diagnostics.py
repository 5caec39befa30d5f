"""Findings: the one diagnostic type every check produces, and the report that holds them."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field


class Severity(enum.StrEnum):
    """How much a finding matters: an error fails the run, a warning only under ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(frozen=True)
class Diagnostic:
    """One finding: what rule, how severe, what it says, and exactly where."""

    path: str
    line: int
    column: int
    code: str
    rule: str
    severity: Severity
    message: str
    record_id: str | None = None
    hint: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        """Files in path order, then by position, then by rule code."""
        return (self.path, self.line, self.column, self.code)

    def as_dict(self) -> dict[str, object]:
        """The stable JSON form of this finding (schema version 1)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "record_id": self.record_id,
        }


@dataclass(frozen=True)
class Report:
    """The result of a validation run: sorted findings and what was checked.

    The report alone decides pass or fail, so every command agrees on it.
    """

    diagnostics: tuple[Diagnostic, ...]
    files: int
    records: int
    #: The files checked, sorted (for reports with one entry per file, such as JUnit).
    checked: tuple[str, ...] = ()
    schema_version: int = field(default=1, init=False)

    @classmethod
    def build(
        cls,
        diagnostics: Iterable[Diagnostic],
        *,
        files: int,
        records: int,
        checked: Iterable[str] = (),
    ) -> Report:
        """A report with its findings sorted by file, line, column and code, duplicates dropped."""
        unique = dict.fromkeys(diagnostics)
        return cls(
            tuple(sorted(unique, key=Diagnostic.sort_key)), files, records, tuple(sorted(checked))
        )

    @property
    def errors(self) -> int:
        """Number of error findings."""
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        """Number of warning findings."""
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)

    def failed(self, *, strict: bool = False) -> bool:
        """Whether the run fails: any error, or under ``strict`` any warning too."""
        return self.errors > 0 or (strict and self.warnings > 0)

    def as_dict(self) -> dict[str, object]:
        """The stable JSON form of the report (schema version 1)."""
        return {
            "schema_version": self.schema_version,
            "findings": [d.as_dict() for d in self.diagnostics],
            "summary": {
                "files": self.files,
                "records": self.records,
                "errors": self.errors,
                "warnings": self.warnings,
            },
        }
