"""User errors and usage problems carry catalog messages, worded in the language asked for."""

from __future__ import annotations

from ksd_cli.errors import UsageProblem, UserError
from ksd_cli.messages import Msg


def test_a_user_error_is_worded_in_either_language_with_its_hint() -> None:
    error = UserError(Msg("region.unknown", kode="64.99"), hint=Msg("region.unknown.hint"))
    assert error.text("id") == error.message == str(error) == "kode wilayah tidak dikenal: 64.99"
    assert error.text("en") == "unknown region code: 64.99"
    assert error.hint is not None and error.hint.startswith("provinsi berkode 2 digit")
    assert (error.hint_text("en") or "").startswith("a province has a 2-digit code")


def test_text_that_comes_worded_is_shown_as_it_is() -> None:
    error = UserError("data/agreements/x.yaml:3:1: kunci tidak dikenal")
    assert error.text("en") == error.text("id") == "data/agreements/x.yaml:3:1: kunci tidak dikenal"
    assert error.hint_text("en") is None


def test_a_usage_problem_names_its_option() -> None:
    problem = UsageProblem("--format", Msg("usage.not-one-of", value="'pdf'", choices="md, xlsx"))
    assert problem.option == "--format"
    assert problem.text("id") == "'pdf' bukan salah satu dari: md, xlsx"
    assert str(problem) == "--format: 'pdf' is not one of: md, xlsx"
