"""The output contract: formats from one registry, --output checked before any work, no
file replaced without --force, and the CI formats of ``ksd validate``."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import BinaryIO

import pytest

from ksd_cli.cli import main
from ksd_cli.cli.writing import format_metavar
from ksd_cli.errors import UsageProblem, UserError
from ksd_cli.outputs import FORMATS, Format, check_target, choose_format, write_output

AS_OF = "2025-06-30"
SCHEMAS = Path(__file__).parent / "fixtures" / "schemas"


def _set_judul(repo: Path, name: str, judul: str) -> None:
    path = repo / "data" / "agreements" / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("judul:"))
    lines[index] = f"judul: {json.dumps(judul)}\n"
    path.write_text("".join(lines), encoding="utf-8")


# Choosing the format --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "requested", "name", "expected"),
    [
        ("stalled", None, "out.csv", "csv"),
        ("stalled", None, "OUT.XLSX", "xlsx"),
        ("stalled", None, "out.md", "md"),
        ("stalled", None, None, "text"),
        ("stalled", None, "ksd.toml", "text"),
        ("stalled", "csv", "ksd.toml", "csv"),
        ("validate", None, "ksd.sarif", "sarif"),
        ("validate", "sarif", "ksd.json", "sarif"),
        ("validate", None, "gl-code-quality.gitlab.json", "gitlab"),
        ("validate", None, "report.xml", "junit"),
        ("draft", None, "naskah.docx", "docx"),
        ("report", None, "laporan.md", "md"),
    ],
)
def test_the_format_follows_the_extension_unless_given(
    kind: str, requested: str | None, name: str | None, expected: str
) -> None:
    output = Path(name) if name else None
    assert choose_format(kind, requested, output).name == expected


@pytest.mark.parametrize(
    ("kind", "requested", "name"),
    [
        ("draft", "md", "naskah.docx"),
        ("stalled", "csv", "out.xlsx"),
        ("stalled", None, "out.docx"),
        ("report", "xlsx", "laporan.md"),
        ("stalled", "pdf", None),
    ],
)
def test_a_format_contradicting_the_file_name_is_a_usage_error(
    kind: str, requested: str | None, name: str | None
) -> None:
    with pytest.raises(UsageProblem):
        choose_format(kind, requested, Path(name) if name else None)


def test_format_choices_come_from_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = dict(FORMATS["stalled"], tsv=Format("tsv", ".tsv", "x:y"))
    monkeypatch.setitem(FORMATS, "stalled", extra)
    assert format_metavar("stalled") == "text|json|csv|md|xlsx|tsv"


@pytest.mark.parametrize("command", ["validate", "stalled", "show", "diff", "report", "draft"])
def test_help_lists_every_registered_format(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # no wrapping inside the list of choices
    assert main([command, "--help"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "--format" in line)
    # As the metavar (text|json|...), or named in the help where the metavar is FORMAT.
    named = set(re.findall(r"[a-z]+", row.split("--format", 1)[1]))
    assert set(FORMATS[command]) <= named


# Checking the target --------------------------------------------------------------------------


def test_an_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    with pytest.raises(UserError) as caught:
        write_output(target, "new", force=False)
    assert caught.value.words.key == "output.exists"  # type: ignore[union-attr]
    assert target.read_bytes() == b"old"
    write_output(target, "new", force=True)
    assert target.read_bytes() == b"new"


@pytest.mark.parametrize("name", [".", "..", "folder", "folder/"])
def test_a_folder_is_refused(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "folder").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UserError) as caught:
        check_target(Path(name), force=True)
    assert caught.value.words.key == "output.is-directory"  # type: ignore[union-attr]


def test_a_missing_folder_is_named_not_created(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.csv"
    with pytest.raises(UserError) as caught:
        write_output(target, "x", force=False)
    assert str(tmp_path / "missing") in caught.value.text("en")
    assert not (tmp_path / "missing").exists()


def test_a_name_over_255_bytes_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        check_target(tmp_path / ("é" * 128 + ".csv"), force=False)
    assert caught.value.words.key == "output.name-too-long"  # type: ignore[union-attr]


def test_a_symlink_or_special_file_is_not_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("keep")
    (tmp_path / "link.csv").symlink_to(real)
    with pytest.raises(UserError):
        write_output(tmp_path / "link.csv", "new", force=True)
    assert real.read_text() == "keep"
    os.mkfifo(tmp_path / "fifo.csv")
    with pytest.raises(UserError):
        check_target(tmp_path / "fifo.csv", force=True)


def test_a_read_only_folder_is_a_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, where chmod does not stop a write: the file system's refusal is
    # simulated where the atomic write creates its temporary file.
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("ksd_cli.atomic.tempfile.mkstemp", refuse)
    with pytest.raises(UserError) as caught:
        write_output(tmp_path / "out.csv", "x", force=False)
    assert "Permission denied" in caught.value.text("en")


def test_a_text_format_is_written_as_its_writer_writes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``write_text_output`` writes the bytes ``render`` gives, and maps the disk's refusal."""
    from ksd_cli.outputs import render, write_text_output
    from ksd_cli.stalled import StalledResult

    fmt = FORMATS["stalled"]["md"]
    result = StalledResult(as_of=date(2025, 6, 30), flags=(), records=0, invalid=())
    target = tmp_path / "macet.md"
    write_text_output(target, fmt, result, force=False, lang="id")
    expected = render(fmt, result, lang="id")
    assert isinstance(expected, str) and expected
    assert target.read_bytes() == expected.encode("utf-8")
    with pytest.raises(UserError):  # exists, without --force
        write_text_output(target, fmt, result, force=False, lang="id")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("ksd_cli.atomic.tempfile.mkstemp", refuse)
    with pytest.raises(UserError) as caught:
        write_text_output(target, fmt, result, force=True, lang="id")
    assert "Permission denied" in caught.value.text("en")


# The commands ---------------------------------------------------------------------------------


def test_stalled_never_replaces_an_existing_file_without_force(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = sample_repo / "ksd.toml"
    before = config.read_bytes()
    args = ["stalled", "--root", str(sample_repo), "--as-of", AS_OF, "-f", "csv"]
    assert main([*args, "-o", str(config)]) == 1
    assert config.read_bytes() == before
    assert "ksd.toml" in capsys.readouterr().err
    existing = sample_repo / "existing.csv"
    existing.write_bytes(b"mine\r\n")
    assert main(["stalled", "--root", str(sample_repo), "-o", str(existing)]) == 1
    assert existing.read_bytes() == b"mine\r\n"
    assert main([*args, "-o", str(existing), "--force"]) == 0
    assert existing.read_text(encoding="utf-8").startswith("id,code,")


def test_stalled_refuses_a_docx_name_and_writes_xlsx_by_extension(
    sample_repo: Path, tmp_path: Path
) -> None:
    base = ["stalled", "--root", str(sample_repo), "--as-of", AS_OF]
    assert main([*base, "-o", str(tmp_path / "x.docx")]) == 2
    assert not (tmp_path / "x.docx").exists()
    assert main([*base, "-o", str(tmp_path / "x.xlsx")]) == 0
    from openpyxl import load_workbook

    assert load_workbook(tmp_path / "x.xlsx").sheetnames == ["Temuan", "Ringkasan"]


@pytest.mark.parametrize("command", ["report", "draft"])
def test_a_directory_as_output_is_a_clear_error(
    command: str, sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [command, "--root", str(sample_repo), "--as-of", AS_OF, "-o", str(sample_repo)]
    if command == "draft":
        args.insert(1, "KSD-6402-2019-001")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(sample_repo) in err


# CSV and Markdown carry nothing active --------------------------------------------------------

FORMULA = '=HYPERLINK("http://evil.example","klik")'


def test_stalled_csv_neutralises_formulas_from_record_text(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _set_judul(sample_repo, "KSD-6402-2019-001.yaml", FORMULA)
    assert main(["stalled", "--root", str(sample_repo), "--as-of", AS_OF, "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    judul = [r["judul"] for r in rows if r["id"] == "KSD-6402-2019-001"]
    assert judul and all(j == "'" + FORMULA for j in judul)
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_stalled_markdown_escapes_record_text(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from markdown_it import MarkdownIt

    _set_judul(sample_repo, "KSD-6402-2019-001.yaml", "x")
    args = ["stalled", "--root", str(sample_repo), "--as-of", AS_OF, "-f", "md"]
    assert main(args) == 0
    rows = capsys.readouterr().out.count("\n| KSD-")
    bad = sample_repo / "data" / "agreements" / "x`y\n## z <b>|.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    assert main(args) == 0
    out = capsys.readouterr().out
    html = MarkdownIt("commonmark").enable("table").render(out)
    assert "<h2" not in html and "<b>" not in html
    assert out.count("\n| KSD-") == rows


# The CI formats of ksd validate ---------------------------------------------------------------


@pytest.fixture
def broken_repo(sample_repo: Path) -> Path:
    path = sample_repo / "data" / "agreements" / "KSD-6402-2022-002.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('kode_wilayah: "64.71"', "kode_wilayah: 64.71", 1), "utf-8")
    return sample_repo


def _validate(repo: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", "--root", str(repo), "--as-of", AS_OF, "-f", fmt])
    return code, capsys.readouterr().out


def test_sarif_is_valid_against_the_sarif_2_1_0_schema(
    broken_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import jsonschema

    code, out = _validate(broken_repo, "sarif", capsys)
    assert code == 1
    log = json.loads(out)
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    results = log["runs"][0]["results"]
    assert results and all(r["level"] in ("error", "warning") for r in results)
    first = results[0]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "data/agreements/KSD-6402-2022-002.yaml"
    assert location["region"]["startLine"] >= 1


def test_junit_has_one_testcase_per_file_and_a_failure_per_error(
    broken_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _validate(broken_repo, "junit", capsys)
    assert code == 1
    suites = ET.fromstring(out.encode("utf-8"))
    cases = suites.findall("./testsuite/testcase")
    files = sorted(p.relative_to(broken_repo).as_posix() for p in broken_repo.rglob("*.yaml"))
    assert sorted(c.get("name", "") for c in cases) == files
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["data/agreements/KSD-6402-2022-002.yaml"]
    assert suites.get("failures") == "1" and suites.get("tests") == str(len(files))
    assert failed[0].find("failure").get("type", "").startswith("S")  # type: ignore[union-attr]


def test_gitlab_code_quality_has_the_required_fields(
    broken_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _validate(broken_repo, "gitlab", capsys)
    assert code == 1
    issues = json.loads(out)
    assert issues
    for issue in issues:
        assert issue["description"] and issue["check_name"]
        assert len(issue["fingerprint"]) == 64
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["path"] == "data/agreements/KSD-6402-2022-002.yaml"
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert _validate(broken_repo, "gitlab", capsys)[1] == out  # stable across runs


@pytest.fixture
def warning_repo(sample_repo: Path) -> Path:
    """The sample with one warning (C011: a status without its ``berakhir`` event), no error."""
    path = sample_repo / "data" / "agreements" / "KSD-6402-2024-006.yaml"
    with path.open("a", encoding="utf-8") as stream:
        stream.write("status: dibatalkan\n")
    return sample_repo


def _validate_warning(
    repo: Path, fmt: str, strict: bool, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    args = ["validate", "--root", str(repo), "--as-of", AS_OF, "-f", fmt]
    code = main([*args, "--strict"] if strict else args)
    return code, capsys.readouterr().out


@pytest.mark.parametrize("strict", [False, True])
def test_junit_counts_a_warning_as_a_failure_exactly_when_strict_fails_the_run(
    warning_repo: Path, strict: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _validate_warning(warning_repo, "junit", strict, capsys)
    assert code == (1 if strict else 0)
    suites = ET.fromstring(out.encode("utf-8"))
    (case,) = [
        c
        for c in suites.iter("testcase")
        if c.get("name") == "data/agreements/KSD-6402-2024-006.yaml"
    ]
    failures = case.findall("failure")
    output = case.find("system-out")
    if strict:
        assert suites.get("failures") == "1"
        assert suites.find("testsuite").get("failures") == "1"  # type: ignore[union-attr]
        assert [f.get("type") for f in failures] == ["C011 status-tanpa-berakhir"]
        assert output is None
    else:
        assert suites.get("failures") == "0" and failures == []
        assert output is not None and "warning C011" in (output.text or "")


@pytest.mark.parametrize("strict", [False, True])
def test_sarif_and_github_levels_agree_with_the_exit_code_under_strict(
    warning_repo: Path, strict: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    level = "error" if strict else "warning"
    code, out = _validate_warning(warning_repo, "sarif", strict, capsys)
    assert code == (1 if strict else 0)
    run = json.loads(out)["runs"][0]
    (result,) = run["results"]
    assert (result["ruleId"], result["level"]) == ("C011", level)
    # The rule's own level is what it always is: a warning.
    rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["defaultConfiguration"]["level"] == "warning"

    _, out = _validate_warning(warning_repo, "github", strict, capsys)
    (annotation,) = [line for line in out.splitlines() if line.startswith("::")]
    assert annotation.startswith(f"::{level} file=data/agreements/KSD-6402-2024-006.yaml,")


@pytest.mark.parametrize("fmt", ["json", "gitlab", "text"])
def test_formats_without_a_verdict_write_the_same_under_strict(
    warning_repo: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # JSON and the text report give each finding its own severity; GitLab Code Quality
    # ranks issues and fails nothing. --strict changes only the exit code.
    lenient = _validate_warning(warning_repo, fmt, False, capsys)
    strict = _validate_warning(warning_repo, fmt, True, capsys)
    assert (lenient[0], strict[0]) == (0, 1)
    assert strict[1] == lenient[1] and "C011" in strict[1]


def test_an_unclosed_quote_is_placed_on_a_line_the_file_has_in_every_format(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "data/agreements/KSD-6402-2025-010.yaml"
    text = 'id: KSD-6402-2025-010\njudul: "unterminated\njenis: ksdd_sukarela\n'
    (sample_repo / name).write_text(text, encoding="utf-8")
    places = {}
    for fmt in ("text", "json", "github", "sarif", "junit", "gitlab"):
        code, out = _validate(sample_repo, fmt, capsys)
        assert code == 1
        if fmt == "json":
            (finding,) = json.loads(out)["findings"]
            places[fmt] = (finding["code"], finding["line"], finding["column"])
        elif fmt == "sarif":
            (result,) = json.loads(out)["runs"][0]["results"]
            region = result["locations"][0]["physicalLocation"]["region"]
            places[fmt] = (result["ruleId"], region["startLine"], region["startColumn"])
        elif fmt == "gitlab":
            (issue,) = json.loads(out)
            places[fmt] = (issue["check_name"][:4], issue["location"]["lines"]["begin"], 8)
        elif fmt == "github":
            assert f"::error file={name},line=2,col=8,title=Y001 yaml-syntax::" in out
            places[fmt] = ("Y001", 2, 8)
        else:  # text and junit both write path:line:column
            assert f"{name}:2:8: error Y001 " in out
            places[fmt] = ("Y001", 2, 8)
    assert set(places.values()) == {("Y001", 2, 8)}
    assert "found unexpected end of stream" in out  # the message is the parser's, as before


def test_validate_writes_sarif_by_extension(
    broken_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ksd.sarif"
    args = ["validate", "--root", str(broken_repo), "--as-of", AS_OF, "-o", str(target)]
    assert main(args) == 1
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert capsys.readouterr().out == f"{target}\n"


def _seeking_writer(result: object, stream: BinaryIO, *, fail: bool = False) -> None:
    """A streamed binary writer that goes back to patch what it wrote, as a zip writer does."""
    stream.write(b"head:????;")
    stream.write(str(result).encode())
    if fail:
        raise OSError(28, "No space left on device")
    stream.seek(5)
    stream.write(b"done")


def test_a_streamed_binary_format_is_written_as_its_writer_writes_it(tmp_path: Path) -> None:
    """``write_streamed_output`` writes what ``render`` gives; a failed write leaves the old file."""
    from ksd_cli.outputs import render, write_streamed_output

    fmt = Format("bin", ".bin", f"{__name__}:_seeking_writer", binary=True, streamed=True)
    assert render(fmt, "body") == b"head:done;body"
    target = tmp_path / "out.bin"
    write_streamed_output(target, fmt, "body", force=False)
    assert target.read_bytes() == b"head:done;body"
    with pytest.raises(UserError):  # exists, without --force
        write_streamed_output(target, fmt, "other", force=False)
    with pytest.raises(UserError) as caught:
        write_streamed_output(target, fmt, "other", force=True, fail=True)
    assert "No space left" in caught.value.text("en")
    assert target.read_bytes() == b"head:done;body"  # never half a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]  # no temporary file left
