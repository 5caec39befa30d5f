"""Reporters: write a finished ``Report`` to a stream, one class per ``--format`` choice."""

from __future__ import annotations

import json
import os
import re
from itertools import groupby
from typing import ClassVar, Protocol, TextIO

from ksd_cli.diagnostics import Diagnostic, Report, Severity
from ksd_cli.messages import Lang, message


def utf8_safe(text: str) -> str:
    r"""``text`` with lone surrogates (which no UTF-8 output can hold) replaced by U+FFFD.

    Record text can carry them through escapes (``"\\ud800"``); a finding that quotes such
    a value must still be printable.
    """
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


class Reporter(Protocol):
    """Writes a report."""

    name: ClassVar[str]

    def write(self, report: Report, stream: TextIO) -> None:
        """Write ``report`` to ``stream``."""


class TextReporter:
    """For people: findings grouped by file, ``path:line:col: severity code message``."""

    name: ClassVar[str] = "text"

    def __init__(self, lang: Lang, color: bool | None = None) -> None:
        self.lang = lang
        self.color = color

    def write(self, report: Report, stream: TextIO) -> None:
        """Findings, a blank line between files, then the summary line."""
        from rich.console import Console
        from rich.markup import escape

        console = Console(
            file=stream,
            highlight=False,
            soft_wrap=True,
            force_terminal=self.color,
            no_color=self.color is False or None,
        )
        style = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}
        for index, (path, group) in enumerate(groupby(report.diagnostics, key=lambda d: d.path)):
            if index:
                console.print()
            for d in group:
                where = f"[bold]{escape(utf8_safe(path))}:{d.line}:{d.column}[/]:"
                severity = f"[{style[d.severity]}]{d.severity.value}[/]"
                text = escape(utf8_safe(d.message))
                console.print(f"{where} {severity} [dim]{d.code}[/] {text}")
                if d.hint:
                    console.print(f"    [cyan]hint:[/] {escape(utf8_safe(d.hint))}")
        if report.diagnostics:
            console.print()
        summary = message(
            "summary",
            self.lang,
            files=report.files,
            records=report.records,
            errors=report.errors,
            warnings=report.warnings,
        )
        colour = "red" if report.errors else "yellow" if report.warnings else "green"
        console.print(f"[bold {colour}]{escape(summary)}[/]")


class JsonReporter:
    """For machines: the report's stable JSON form (``schema_version`` 1)."""

    name: ClassVar[str] = "json"

    def write(self, report: Report, stream: TextIO) -> None:
        """One JSON document."""
        text = json.dumps(report.as_dict(), ensure_ascii=False, indent=2)
        # A lone surrogate becomes its JSON escape (\\ud800): valid JSON, valid UTF-8.
        stream.write(text.encode("utf-8", "backslashreplace").decode("utf-8") + "\n")


class GithubReporter:
    """For GitHub Actions: workflow commands that annotate the pull request's lines."""

    name: ClassVar[str] = "github"

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def write(self, report: Report, stream: TextIO) -> None:
        """One ``::error``/``::warning`` line per finding, then the summary line."""
        for d in report.diagnostics:
            stream.write(_annotation(d) + "\n")
        stream.write(
            message(
                "summary",
                self.lang,
                files=report.files,
                records=report.records,
                errors=report.errors,
                warnings=report.warnings,
            )
            + "\n"
        )


def _annotation(d: Diagnostic) -> str:
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
    return utf8_safe(f"::{d.severity.value} {props}::{_escape_data(text)}")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def resolve_format(name: str) -> str:
    """``auto`` is ``github`` under GitHub Actions, ``text`` elsewhere."""
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


def make_reporter(name: str, lang: Lang, color: bool | None = None) -> Reporter:
    """The reporter registered under ``name`` (after ``auto`` is resolved)."""
    resolved = resolve_format(name)
    if resolved == "json":
        return JsonReporter()
    if resolved == "github":
        return GithubReporter(lang)
    return TextReporter(lang, color)
