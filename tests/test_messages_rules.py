"""The Indonesian rule pages: one per rule, shaped like the English docstring, shown by ksd rules."""

from __future__ import annotations

import inspect
import json

import pytest

from ksd_cli.cli import main
from ksd_cli.messages import rules as pages
from ksd_cli.rules import BY_CODE, RULES


def snippets(page: str) -> list[str]:
    """The YAML snippet lines of a page, without their trailing comments (which are translated)."""
    return [
        line.split("  #")[0].rstrip()
        for line in inspect.cleandoc(page).splitlines()
        if line.startswith("    ")
    ]


def test_every_rule_of_the_registry_has_an_indonesian_page() -> None:
    lacking = [r.code for r in RULES if r.code not in pages.HALAMAN]
    assert lacking == [], f"no Indonesian page: {lacking}"


def test_every_page_belongs_to_a_rule() -> None:
    assert set(pages.HALAMAN) <= set(BY_CODE)


@pytest.mark.parametrize("code", sorted(pages.HALAMAN))
def test_a_page_is_shaped_like_the_english_one(code: str) -> None:
    page = pages.rule_page(code, BY_CODE[code].doc, "id")
    english = inspect.cleandoc(BY_CODE[code].doc)
    summary, blank, *rest = page.splitlines()
    assert summary.strip() and not blank
    assert "\nAlasan: " in page
    assert "\nContoh yang lolos" in page and "\nContoh yang gagal" in page
    assert page.index("Contoh yang lolos") < page.index("Contoh yang gagal")
    assert ("(peringatan)" in summary) == ("(a warning)" in english.splitlines()[0])
    # The snippets are the English page's, word for word (only comments are translated).
    assert snippets(page) == snippets(english)


def test_the_english_page_is_the_docstring() -> None:
    rule = BY_CODE["C006"]
    assert pages.rule_page("C006", rule.doc, "en") == inspect.cleandoc(rule.doc)
    assert pages.rule_summary("C006", rule.doc, "en") == rule.summary


def test_ksd_rules_explains_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KSD_LANG", raising=False)
    assert main(["rules", "C006"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("C006 pks-sebelum-kb (galat)")
    assert "PKS yang ditandatangani sebelum" in out and "Contoh yang gagal" in out
    assert "Passing" not in out and "Failing" not in out
    assert main(["rules", "C006", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("C006 pks-sebelum-kb (error)") and "Failing::" in out
    monkeypatch.setenv("KSD_LANG", "en")
    assert main(["rules", "C008"]) == 0
    assert "Stage events whose dates go backwards" in capsys.readouterr().out


def test_ksd_rules_lists_summaries_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KSD_LANG", raising=False)
    assert main(["rules", "--format", "json"]) == 0
    listed = {r["code"]: r for r in json.loads(capsys.readouterr().out)["rules"]}
    assert listed["C003"]["summary"] == "KSDPK tanpa pihak ketiga."
    assert listed["C003"]["severity"] == "error"  # a value for programs: never translated
    assert main(["rules", "--format", "json", "--lang", "en"]) == 0
    listed = {r["code"]: r for r in json.loads(capsys.readouterr().out)["rules"]}
    assert listed["C003"]["summary"] == "A KSDPK without a third party."
    assert main(["rules"]) == 0
    table = capsys.readouterr().out
    assert table.split()[:4] == ["kode", "nama", "tingkat", "ringkasan"]


def test_a_rule_without_an_indonesian_page_is_explained_in_english_and_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KSD_LANG", raising=False)
    monkeypatch.delitem(pages.HALAMAN, "Y004")
    assert main(["rules", "Y004"]) == 0
    out = capsys.readouterr().out
    assert "belum tersedia dalam bahasa Indonesia" in out
    assert "A tab character where YAML wants spaces." in out
