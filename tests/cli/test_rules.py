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


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_list_shows_every_code_name_and_severity_whole_at_80_columns(
    lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A rule's name is what `ksd rules NAME` and `ignore` take: never cut to fit.
    from ksd_cli.rules import RULES

    monkeypatch.setenv("COLUMNS", "80")
    assert main(["rules", "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    for rule in RULES:
        row = next(line for line in lines if line.startswith(rule.code + " "))
        assert row.split()[:2] == [rule.code, rule.name]
    assert "…" not in "\n".join(lines)
