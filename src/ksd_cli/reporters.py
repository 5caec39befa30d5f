"""Reporters: write a finished ``Report`` to a stream, one class per ``--format`` choice.

The registry is :data:`ksd_cli.outputs.FORMATS` (``"validate"``): it names each class as
the writer of ``ksd validate``'s format of the same name. Every reporter takes the same options
(``lang``, ``color``, ``strict``) and writes with ``write(report, stream)``.

Under ``strict`` a warning fails the run, so the formats that tell a CI system what failed
(JUnit failures, SARIF levels, GitHub annotation levels) show it as failing too: what they
say agrees with the exit code. JSON and the text report keep each finding's own severity.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from itertools import groupby
from typing import ClassVar, TextIO

from ksd_cli import __version__
from ksd_cli.diagnostics import Diagnostic, Report, Severity
from ksd_cli.escaping import terminal_text, text_console, xml_text
from ksd_cli.messages import Lang, message


def utf8_safe(text: str) -> str:
    r"""``text`` with lone surrogates (which no UTF-8 output can hold) replaced by U+FFFD.

    Record text can carry them through escapes (``"\\ud800"``); a finding that quotes such
    a value must still be printable.
    """
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


class Reporter:
    """Writes a report in one format; subclasses set ``name`` and implement ``write``."""

    name: ClassVar[str]

    def __init__(self, lang: Lang = "id", color: bool | None = None, strict: bool = False) -> None:
        self.lang = lang
        self.color = color
        self.strict = strict

    def fails(self, d: Diagnostic) -> bool:
        """Whether ``d`` fails the run: an error, or under ``strict`` a warning too."""
        return d.severity is Severity.ERROR or self.strict

    def write(self, report: Report, stream: TextIO) -> None:
        """Write ``report`` to ``stream``."""
        raise NotImplementedError

    def summary(self, report: Report) -> str:
        """The one-line summary in the reporter's language."""
        return message(
            "summary",
            self.lang,
            files=report.files,
            records=report.records,
            errors=report.errors,
            warnings=report.warnings,
        )


class TextReporter(Reporter):
    """For people: findings grouped by file, ``path:line:col: severity code message``."""

    name: ClassVar[str] = "text"

    def write(self, report: Report, stream: TextIO) -> None:
        """Findings, a blank line between files, then the summary line."""
        from rich.markup import escape

        from ksd_cli.texttable import StyledLines

        console = text_console(stream, color=self.color, soft_wrap=True)
        # A register's thousands of findings: each line written in rich's colours, not
        # through its markup (see ``texttable``).
        lines = StyledLines(console)
        style = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}
        label = message("boundary.hint-label", self.lang)
        for index, (path, group) in enumerate(groupby(report.diagnostics, key=lambda d: d.path)):
            if index:
                console.file.write("\n")
            shown = terminal_text(utf8_safe(path), keep_newlines=False)
            for d in group:
                lines.print(
                    (f"{shown}:{d.line}:{d.column}", "bold"),
                    (": ", None),
                    (d.severity.value, style[d.severity]),
                    (" ", None),
                    (d.code, "dim"),
                    # One finding, one line (editors and grep read them so): a line break
                    # in a record's key or value is shown as a space.
                    (f" {terminal_text(utf8_safe(d.message), keep_newlines=False)}", None),
                )
                if d.hint:
                    hint = terminal_text(utf8_safe(d.hint), keep_newlines=False)
                    lines.print(("    ", None), (f"{label}:", "cyan"), (f" {hint}", None))
        if report.diagnostics:
            console.print()
        colour = "red" if report.errors else "yellow" if report.warnings else "green"
        console.print(f"[bold {colour}]{escape(self.summary(report))}[/]")


class JsonReporter(Reporter):
    """For machines: the report's stable JSON form (``schema_version`` 1)."""

    name: ClassVar[str] = "json"

    def write(self, report: Report, stream: TextIO) -> None:
        """One JSON document."""
        text = json.dumps(report.as_dict(), ensure_ascii=False, indent=2)
        # A lone surrogate becomes its JSON escape (\\ud800): valid JSON, valid UTF-8.
        stream.write(text.encode("utf-8", "backslashreplace").decode("utf-8") + "\n")


class GithubReporter(Reporter):
    """For GitHub Actions: workflow commands that annotate the pull request's lines."""

    name: ClassVar[str] = "github"

    def write(self, report: Report, stream: TextIO) -> None:
        """One ``::error``/``::warning`` line per finding, then the summary line.

        A finding that fails the run is an ``::error`` (a warning too, under ``strict``).
        """
        for d in report.diagnostics:
            stream.write(_annotation(d, "error" if self.fails(d) else "warning") + "\n")
        stream.write(self.summary(report) + "\n")


class SarifReporter(Reporter):
    """For GitHub code scanning (and any SARIF viewer): one SARIF 2.1.0 log, one run."""

    name: ClassVar[str] = "sarif"

    def write(self, report: Report, stream: TextIO) -> None:
        """The SARIF log: every ksd rule in the driver, one result per finding."""
        from urllib.parse import quote

        from ksd_cli.rules import RULES

        index = {rule.code: i for i, rule in enumerate(RULES)}
        rules = [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.doc.strip()},
                "defaultConfiguration": {"level": _sarif_level(rule.severity)},
            }
            for rule in RULES
        ]
        results = []
        for d in report.diagnostics:
            result: dict[str, object] = {
                "ruleId": d.code,
                # The level this run gave the finding: under strict a warning fails the run,
                # and code scanning fails a check on errors. The rule's own level stays in
                # its defaultConfiguration.
                "level": "error" if self.fails(d) else "warning",
                "message": {"text": d.message + (f" ({d.hint})" if d.hint else "")},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": quote(d.path), "uriBaseId": "%SRCROOT%"},
                            "region": {
                                "startLine": max(d.line, 1),
                                "startColumn": max(d.column, 1),
                            },
                        }
                    }
                ],
                "partialFingerprints": {"ksdFinding/v1": _fingerprint(d)},
            }
            if d.code in index:
                result["ruleIndex"] = index[d.code]
            results.append(result)
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "ksd",
                            "version": __version__,
                            "rules": rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }
            ],
        }
        json.dump(log, stream, ensure_ascii=False, indent=2)
        stream.write("\n")


class JunitReporter(Reporter):
    """For GitLab and Jenkins test reports: JUnit XML, one testcase per file checked.

    A file without findings is a passing testcase; each error is a ``failure`` of its file's
    testcase. Warnings are listed in ``system-out``, as they do not fail the run, except under
    ``strict``, where they do: then they are ``failure`` elements too.
    """

    name: ClassVar[str] = "junit"

    def write(self, report: Report, stream: TextIO) -> None:
        """One ``testsuites`` document."""
        import xml.etree.ElementTree as ET

        by_file = {p: list(g) for p, g in groupby(report.diagnostics, key=lambda d: d.path)}
        files = sorted(set(report.checked) | set(by_file))
        failing = {d.path for d in report.diagnostics if self.fails(d)}
        counts = {"tests": str(len(files)), "failures": str(len(failing)), "errors": "0"}
        suites = ET.Element("testsuites", {"name": "ksd validate", **counts})
        suite = ET.SubElement(
            suites, "testsuite", {"name": "ksd validate", "skipped": "0", **counts}
        )
        for path in files:
            case = ET.SubElement(suite, "testcase", classname="ksd.validate", name=xml_text(path))
            case.set("file", xml_text(path))
            notes = []
            for d in by_file.get(path, ()):
                line = f"{d.path}:{d.line}:{d.column}: {d.severity.value} {d.code} {d.message}"
                if self.fails(d):
                    failure = ET.SubElement(
                        case, "failure", message=xml_text(d.message), type=f"{d.code} {d.rule}"
                    )
                    failure.text = xml_text(line + (f"\n{d.hint}" if d.hint else ""))
                else:
                    notes.append(line)
            if notes:
                ET.SubElement(case, "system-out").text = xml_text("\n".join(notes))
        ET.indent(suites)
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        stream.write(ET.tostring(suites, encoding="unicode"))
        stream.write("\n")


class GitlabReporter(Reporter):
    """For GitLab merge requests: a Code Quality report (a JSON list of issues)."""

    name: ClassVar[str] = "gitlab"

    def write(self, report: Report, stream: TextIO) -> None:
        """One issue per finding, with a fingerprint stable across runs."""
        issues = [
            {
                "description": f"{d.code} {d.message}" + (f" ({d.hint})" if d.hint else ""),
                "check_name": f"{d.code} {d.rule}",
                "fingerprint": _fingerprint(d),
                "severity": "major" if d.severity is Severity.ERROR else "minor",
                "location": {"path": d.path, "lines": {"begin": max(d.line, 1)}},
            }
            for d in report.diagnostics
        ]
        json.dump(issues, stream, ensure_ascii=False, indent=2)
        stream.write("\n")


def _sarif_level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def _fingerprint(d: Diagnostic) -> str:
    """A hash of what the finding is and where, the same on every run."""
    key = "\0".join((d.path, str(d.line), str(d.column), d.code, d.message))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _annotation(d: Diagnostic, level: str) -> str:
    props = ",".join(
        f"{k}={_escape_property(str(v))}"
        for k, v in (
            ("file", d.path),
            ("line", d.line),
            ("col", d.column),
            ("title", f"{d.code} {d.rule}"),
        )
    )
    text = d.message + (f" ({d.hint})" if d.hint else "")
    return utf8_safe(f"::{level} {props}::{_escape_data(text)}")


def _escape_data(value: str) -> str:
    value = terminal_text(value)
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def resolve_format(name: str) -> str:
    """``auto`` is ``github`` under GitHub Actions, ``text`` elsewhere."""
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


def make_reporter(
    name: str, lang: Lang, color: bool | None = None, *, strict: bool = False
) -> Reporter:
    """The reporter registered under ``name`` (after ``auto`` is resolved)."""
    from ksd_cli.outputs import FORMATS

    reporter = FORMATS["validate"][resolve_format(name)].load()
    made: Reporter = reporter(lang, color, strict)
    return made
