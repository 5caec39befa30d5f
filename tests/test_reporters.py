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
