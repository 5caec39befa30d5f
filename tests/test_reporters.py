"""Reporters: every format writes valid UTF-8, whatever a finding quotes."""

from __future__ import annotations

import io
import json

import pytest

from ksd_cli.diagnostics import Diagnostic, Report, Severity
from ksd_cli.reporters import make_reporter


@pytest.mark.parametrize("name", ["text", "json", "github"])
def test_a_lone_surrogate_in_a_finding_never_makes_invalid_utf8(name: str) -> None:
    finding = Diagnostic(
        "data/agreements/a\ud800.yaml",
        2,
        3,
        "S002",
        "unknown-key",
        Severity.ERROR,
        "kunci `\udfff`",
    )
    report = Report.build([finding], files=1, records=0)
    stream = io.StringIO()
    make_reporter(name, "en", color=False).write(report, stream)
    written = stream.getvalue()
    written.encode("utf-8")  # raises on a lone surrogate
    if name == "json":
        assert json.loads(written)["findings"][0]["message"] == "kunci `\udfff`"
    else:
        assert "\ufffd" in written


@pytest.mark.parametrize("name", ["text", "github"])
def test_a_line_break_a_finding_quotes_keeps_it_on_one_line(name: str) -> None:
    # A quoted key ("a\nb": 1) is named in its finding: one finding is one line, which
    # editors' problem matchers and grep read; its hint likewise.
    finding = Diagnostic(
        "data/agreements/a.yaml",
        2,
        3,
        "S002",
        "unknown-key",
        Severity.ERROR,
        "kunci `a\nb` tidak dikenal",
        hint="hapus `a\nb`",
    )
    report = Report.build([finding], files=1, records=0)
    stream = io.StringIO()
    make_reporter(name, "id", color=False).write(report, stream)
    lines = stream.getvalue().splitlines()
    (line,) = [x for x in lines if x.startswith(("data/agreements/a.yaml:2:3", "::error"))]
    assert "kunci `a" in line and "b` tidak dikenal" in line
    if name == "text":
        assert "data/agreements/a.yaml:2:3: error S002 kunci `a b` tidak dikenal" == line
        assert lines[1] == "    petunjuk: hapus `a b`"
