"""``ksd rules``: list the rules and explain one."""

from __future__ import annotations

import json

import pytest

from ksd_cli.cli import main


def test_rules_lists_and_explains(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json", "--lang", "en"]) == 0
    rules = json.loads(capsys.readouterr().out)["rules"]
    assert len({r["code"] for r in rules}) == len(rules) >= 39
    assert all("Passing" in r["doc"] and "Failing" in r["doc"] for r in rules)
    assert main(["rules", "pks-sebelum-kb", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("C006 pks-sebelum-kb (error)")
    assert main(["rules", "Z999"]) == 1
