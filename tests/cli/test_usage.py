"""Usage errors Click finds while parsing are worded in the user's language (ksd_cli.cli.usage)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksd_cli.cli import main
from ksd_cli.cli.usage import argv_lang

#: (arguments, the Indonesian problem, the English problem, the command the hint names)
CASES = [
    (["validate", "--bogus"], "opsi tidak dikenal: --bogus", "no such option: --bogus", "validate"),
    (["frob"], "perintah tidak dikenal: frob", "no such command: frob", ""),
    (
        ["validat"],
        "perintah tidak dikenal: validat (mungkin maksud Anda validate?)",
        "no such command: validat (did you mean validate?)",
        "",
    ),
    (
        ["validate", "--output"],
        "opsi --output memerlukan nilai",
        "option --output requires a value",
        "validate",
    ),
    (
        ["fmt", "--check=3"],
        "opsi --check tidak menerima nilai",
        "option --check does not take a value",
        "fmt",
    ),
    (["show"], "argumen ID wajib diberikan", "missing argument ID", "show"),
    (["show", "a", "b", "c"], "argumen berlebih: b c", "unexpected extra arguments: b c", "show"),
    (
        ["validate", "--format", "bogus"],
        "nilai tidak sah untuk --format: 'bogus' bukan salah satu dari:",
        "invalid value for --format: 'bogus' is not one of:",
        "validate",
    ),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("arguments", "indonesian", "english", "command"), CASES)
def test_click_usage_errors_are_worded_in_the_users_language(
    arguments: list[str],
    indonesian: str,
    english: str,
    command: str,
    lang: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KSD_LANG", lang)
    assert main(arguments) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    problem, hint = captured.err.splitlines()
    path = f"ksd {command}".strip()
    if lang == "id":
        assert problem.startswith(f"ksd: {indonesian}")
        assert hint == f"  petunjuk: lihat `{path} -h`"
        # Nothing of Click's English frame is left: no "Usage:", no "Error" panel, no "Try".
        for word in ("Usage", "Error", "Try", "No such", "Missing", "Invalid", "Got "):
            assert word not in captured.err
    else:
        assert problem.startswith(f"ksd: {english}")
        assert hint == f"  hint: see `{path} -h`"
        assert "petunjuk" not in captured.err and "tidak" not in captured.err


@pytest.mark.parametrize(
    ("arguments", "environment", "expected"),
    [
        (["validate", "--lang", "en", "--bogus"], "", "en"),
        (["validate", "--lang=en", "--bogus"], "", "en"),
        (["validate", "--lang", "id", "--bogus"], "en", "id"),
        (["validate", "--bogus"], "en", "en"),
        (["validate", "--bogus"], "", "id"),
        (["validate", "--lang", "xx"], "", "id"),
        (["validate", "--lang"], "en", "en"),
    ],
)
def test_the_language_of_a_usage_error_comes_from_the_raw_arguments(
    arguments: list[str], environment: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KSD_LANG", environment)
    assert argv_lang(arguments) == expected


def test_help_and_version_still_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--help"]) == 0
    assert "--format" in capsys.readouterr().out


def test_no_arguments_shows_the_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    captured = capsys.readouterr()
    assert "validate" in captured.out + captured.err


#: ksd's own usage errors (``UsageProblem``, worded at the command's boundary): the arguments
#: after the command, and the command the hint names.
OWN_USAGE_ERRORS = [
    (["validate", "--format", "json", "-o", "x.sarif"], "validate"),
    (["validate", "--as-of", "2025-13-01"], "validate"),
    (["validate", "data/agreements/KSD-6402-2018-001.yaml", "--changed-since", "main"], "validate"),
    (["report", "--from", "2024-01-01"], "report"),
    (["new", "agreement", "--tahun", "1800"], "new"),
    (["stalled", "--only", "nope"], "stalled"),
    (["import", "--as-of", "x", "register.xlsx"], "import"),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("arguments", "command"), OWN_USAGE_ERRORS)
def test_the_hint_of_a_usage_error_names_the_command_it_came_from(
    arguments: list[str],
    command: str,
    lang: str,
    project_root: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([*arguments, "--root", str(project_root), "--lang", lang]) == 2
    problem, hint = capsys.readouterr().err.splitlines()
    assert problem.startswith(("ksd: nilai tidak sah untuk --", "ksd: invalid value for --"))
    label = {"id": "petunjuk: lihat", "en": "hint: see"}[lang]
    assert hint == f"  {label} `ksd {command} --help`"


#: ksd's own usage errors with their whole problem line: (arguments, Indonesian, English).
OWN_PROBLEMS = [
    (
        ["report", "--from", "2024-01-01"],
        "nilai tidak sah untuk --from: --from dan --to harus diberikan bersama",
        "invalid value for --from: --from and --to must be given together",
    ),
    (
        ["report", "--to", "2024-12-31"],
        "nilai tidak sah untuk --to: --from dan --to harus diberikan bersama",
        "invalid value for --to: --from and --to must be given together",
    ),
    (
        ["report", "--periode", "1900"],
        "nilai tidak sah untuk --periode: tahun harus di antara 1945 dan 2100, bukan 1900",
        "invalid value for --periode: the year must be between 1945 and 2100, not 1900",
    ),
    (
        ["new", "agreement", "--tahun", "1800"],
        "nilai tidak sah untuk --tahun: tahun harus di antara 1945 dan 2100, bukan 1800",
        "invalid value for --tahun: the year must be between 1945 and 2100, not 1800",
    ),
    (
        ["mapping", "--tahun", "2101"],
        "nilai tidak sah untuk --tahun: tahun harus di antara 1945 dan 2100, bukan 2101",
        "invalid value for --tahun: the year must be between 1945 and 2100, not 2101",
    ),
    (
        ["report", "--periode", "abc"],
        "nilai tidak sah untuk --periode: 'abc' bukan tahun YYYY",
        "invalid value for --periode: 'abc' is not a year YYYY",
    ),
    (
        ["mapping", "--tahun", "abc"],
        "nilai tidak sah untuk --tahun: 'abc' bukan tahun YYYY",
        "invalid value for --tahun: 'abc' is not a year YYYY",
    ),
    (
        ["new", "potential", "--tahun", "20.5"],
        "nilai tidak sah untuk --tahun: '20.5' bukan tahun YYYY",
        "invalid value for --tahun: '20.5' is not a year YYYY",
    ),
]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("arguments", "indonesian", "english"), OWN_PROBLEMS)
def test_usage_problems_say_what_is_wrong_in_the_users_language(
    arguments: list[str],
    indonesian: str,
    english: str,
    lang: str,
    project_root: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([*arguments, "--root", str(project_root), "--lang", lang]) == 2
    captured = capsys.readouterr()
    problem, _ = captured.err.splitlines()
    assert problem == f"ksd: {indonesian if lang == 'id' else english}"
    assert "Input should be" not in captured.err and "integer" not in captured.err
    assert captured.out == ""


def test_a_year_within_the_range_is_taken(
    project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["mapping", "--tahun", "2024", "--root", str(project_root), "--as-of", "2025-06-30"]
    assert main([*args, "-f", "json"]) == 0
    assert '"tahun": 2024' in capsys.readouterr().out
