"""Reading YAML: YAML 1.2 values, positions, and hostile inputs as findings."""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest

from ksd_cli.diagnostics import Location
from ksd_cli.messages import Msg
from ksd_cli.yamlread import (
    MAX_DEPTH,
    MAX_EXPANDED_NODES,
    Document,
    LoadProblem,
    raw_scalar,
    read_document,
)
from ksd_cli.yamlscalar import MAX_INT_DIGITS, resolve_plain

PARSERS = ["libyaml", "ruamel"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("true", True),
        ("False", False),
        ("010", 10),
        ("0o10", 8),
        ("0x1F", 31),
        ("0b101", 5),
        ("1_000", 1000),
        ("-12", -12),
        ("+12", 12),
        ("2.10", 2.1),
        ("64.02", 64.02),
        ("1e3", 1000.0),
        ("~", None),
        ("null", None),
        ("", None),
        ("2024-03-15", date(2024, 3, 15)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2024-02-30", "2024-02-30"),
        ("2023-02-29", "2023-02-29"),
        ("2024-3-5", "2024-3-5"),
        ("2024-03-15 10:30:00", datetime(2024, 3, 15, 10, 30)),
        ("180/015/HK/III/2021", "180/015/HK/III/2021"),
        ("KSD-6402-2021-001", "KSD-6402-2021-001"),
        ("2021-2026", "2021-2026"),
        (".5", 0.5),
    ],
)
def test_plain_scalars_follow_yaml_1_2(text: str, expected: object) -> None:
    value = resolve_plain(text)
    assert value == expected
    assert type(value) is type(expected)


def test_special_floats() -> None:
    assert resolve_plain(".inf") == math.inf
    assert resolve_plain("-.inf") == -math.inf
    assert math.isnan(resolve_plain(".nan"))


@pytest.mark.parametrize("parser", PARSERS)
def test_quoted_and_tagged_scalars_stay_strings(parser: str) -> None:
    doc = read_document("a: \"2.10\"\nb: !!str 010\nc: 'yes'\n", parser)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    assert doc.data == {"a": "2.10", "b": "010", "c": "yes"}


@pytest.mark.parametrize("parser", PARSERS)
def test_positions_of_values_keys_and_missing_keys(parser: str) -> None:
    text = "id: X\npihak:\n  - peran: a\n    tipe: pemda\n  - {peran: b, nama: Z}\n"
    doc = read_document(text, parser)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    assert doc.locate(("pihak", 0, "tipe")) == Location(4, 11)
    assert doc.locate(("pihak", 0, "tipe"), key=True) == Location(4, 5)
    assert doc.locate(("pihak", 1, "nama")) == Location(5, 22)
    # A missing key resolves to the mapping that should hold it.
    assert doc.locate(("pihak", 1, "tipe")) == Location(5, 5)
    assert doc.locate(("judul",)) == Location(1, 1)


@pytest.mark.parametrize("parser", PARSERS)
def test_duplicate_keys_are_all_reported_and_the_first_wins(parser: str) -> None:
    text = "a: 1\nb:\n  c: 1\n  c: 2\na: 3\n"
    doc = read_document(text, parser)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    assert doc.data == {"a": 1, "b": {"c": 1}}
    assert [(p.code, p.line, p.column) for p in doc.problems] == [
        ("duplicate-key", 4, 3),
        ("duplicate-key", 5, 1),
    ]


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("", "empty-file", 1, 1),
        ("# only a comment\n", "empty-file", 1, 1),
        ("~\n", "empty-file", 1, 1),
        ("- a\n- b\n", "not-a-mapping", 1, 1),
        ("just text\n", "not-a-mapping", 1, 1),
        ("a: 1\n---\nb: 2\n", "multiple-documents", 3, 1),
        ("a:\n\tb: 1\n", "tab", 2, 1),
        ("a: [1, 2\nb: 3\n", "yaml-syntax", 2, 2),
        # An unclosed quote or bracket: the parser marks the end of the stream, a line after
        # the last; the finding goes where the unclosed construct starts.
        ("a: 'unclosed\n", "yaml-syntax", 1, 4),
        ('id: x\njudul: "unterminated\njenis: y\n', "yaml-syntax", 2, 8),
        ('"a\n\n\n', "yaml-syntax", 1, 1),
        # Without a newline at the end the end of the stream is on the last line.
        ('a: "unclosed', "yaml-syntax", 1, 13),
        # No start within the file: the end of the last line.
        ("a: [\n", "yaml-syntax", 1, 5),
        ("%YAML 1.2\n", "yaml-syntax", 1, 10),
        ("a: b: c\n", "yaml-syntax", 1, 5),
        ("a: !custom x\n", None, 0, 0),
        ("a: !custom {b: 1}\n", None, 0, 0),
    ],
)
def test_hostile_inputs_become_positioned_problems(
    parser: str, text: str, code: str | None, line: int, column: int
) -> None:
    result = read_document(text, parser)  # type: ignore[arg-type]
    if code is None:
        assert isinstance(result, Document)
        assert [p.code for p in result.problems] == ["unsupported-tag"]
        return
    assert isinstance(result, LoadProblem)
    assert (result.code, result.line, result.column) == (code, line, column)


def _bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("parser", PARSERS)
def test_alias_bomb_is_refused_quickly(parser: str) -> None:
    result = read_document(_bomb(9), parser)  # type: ignore[arg-type]
    assert isinstance(result, LoadProblem)
    assert result.code == "alias-bomb"
    assert result.args == {"limit": MAX_EXPANDED_NODES}


@pytest.mark.parametrize("parser", PARSERS)
def test_modest_anchors_and_merge_keys_are_fine(parser: str) -> None:
    text = "base: &b {tipe: pemda, kode_wilayah: '64.02'}\np: {<<: *b, peran: x}\nq: *b\n"
    doc = read_document(text, parser)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    assert doc.problems == []
    assert doc.data["p"] == {"peran": "x", "tipe": "pemda", "kode_wilayah": "64.02"}
    assert doc.data["q"] == {"tipe": "pemda", "kode_wilayah": "64.02"}


@pytest.mark.parametrize("parser", PARSERS)
def test_crlf_gives_the_same_data_and_positions_as_lf(parser: str) -> None:
    lf = "id: X\npihak:\n  - peran: a\n    tipe: ~\n"
    doc_lf = read_document(lf, parser)  # type: ignore[arg-type]
    doc_crlf = read_document(lf.replace("\n", "\r\n"), parser)  # type: ignore[arg-type]
    assert isinstance(doc_lf, Document) and isinstance(doc_crlf, Document)
    assert doc_lf.data == doc_crlf.data
    assert doc_lf.locate(("pihak", 0, "tipe")) == doc_crlf.locate(("pihak", 0, "tipe"))


def test_raw_scalar_returns_what_the_user_typed() -> None:
    text = "urusan:\n  - 2.10  # lingkungan\nkode: [64.70, 1]\n"
    assert raw_scalar(text, Location(2, 5)) == "2.10"
    assert raw_scalar(text, Location(3, 8)) == "64.70"


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("id: X\njudul: Pengelolaan\t# sementara\n", 2, 19),
        ("id: X\ncatatan:\tBahas ulang\n", 2, 9),
    ],
)
def test_tabs_as_separators_are_refused_by_both_readers(
    parser: str, text: str, line: int, column: int
) -> None:
    result = read_document(text, parser)  # type: ignore[arg-type]
    assert isinstance(result, LoadProblem)
    assert (result.code, result.line, result.column) == ("tab", line, column)


@pytest.mark.parametrize("parser", PARSERS)
def test_tabs_inside_quotes_and_block_text_are_fine(parser: str) -> None:
    doc = read_document('a: "x\ty"\nb: |\n  p\tq\n', parser)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    assert doc.data == {"a": "x\ty", "b": "p\tq\n"}


@pytest.mark.parametrize("parser", PARSERS)
def test_an_empty_value_is_located_at_its_key(parser: str) -> None:
    doc = read_document("id: X\njudul:\njenis: ksdpk\n", parser)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    assert doc.data["judul"] is None
    assert doc.locate(("judul",)) == Location(2, 1)


@pytest.mark.parametrize("parser", PARSERS)
def test_a_trailing_document_marker_is_harmless(parser: str) -> None:
    doc = read_document("a: 1\n---\n", parser)  # type: ignore[arg-type]
    assert isinstance(doc, Document) and doc.data == {"a": 1}


@pytest.mark.parametrize("parser", PARSERS)
def test_alias_bomb_is_reported_where_the_explosion_happens(parser: str) -> None:
    result = read_document(_bomb(6), parser)  # type: ignore[arg-type]
    assert isinstance(result, LoadProblem)
    # a0..a3 expand to 11,111 nodes at most; a4 (line 5) is the first past the limit.
    assert (result.line, result.column) == (5, 5)


# One bad file never takes the others down (issue 16 section 2) ----------------------------


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("id: x\nx: &a [*a]\n", 2, 4),
        ("id: x\nx: &a {y: *a}\n", 2, 4),
        ("id: x\nx: &a\n  y: [1, {z: *a}]\n", 2, 4),
        ("id: x\nx: &a\n  <<: *a\n", 2, 4),
    ],
)
def test_recursive_aliases_are_a_problem_not_a_recursion(
    parser: str, text: str, line: int, column: int
) -> None:
    # Reported at the anchored block: the composed tree keeps no position for an alias.
    result = read_document(text, parser)  # type: ignore[arg-type]
    assert isinstance(result, LoadProblem)
    assert result.code == "unsupported-yaml"
    assert result.args["what"] == Msg("unsupported-yaml.recursive-alias")
    assert (result.line, result.column) == (line, column)


def _deep(levels: int) -> dict[str, tuple[str, int, int]]:
    """Deep nesting in four shapes, each with where depth MAX_DEPTH + 1 starts."""
    over = MAX_DEPTH  # the root mapping is level 1: the MAX_DEPTH-th bracket is one too many
    return {
        "flow sequences": (
            "id: x\nx: " + "[" * levels + "]" * levels + "\n",
            2,
            4 + over - 1,
        ),
        "flow mappings": (
            "id: x\nx: " + "{a: " * levels + "1" + "}" * levels + "\n",
            2,
            4 + 4 * (over - 1),
        ),
        "block mappings": (
            "id: x\nx:\n" + "".join("  " * (i + 1) + "a:\n" for i in range(levels)),
            2 + over,
            1 + 2 * over,
        ),
        "block sequences": ("id: x\nx:\n" + "- " * levels + "1\n", 3, 1 + 2 * (over - 1)),
    }


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 1000])
@pytest.mark.parametrize("shape", list(_deep(1)))
def test_deep_nesting_is_refused_where_the_limit_is_passed(
    parser: str, levels: int, shape: str
) -> None:
    text, line, column = _deep(levels)[shape]
    result = read_document(text, parser)  # type: ignore[arg-type]
    assert isinstance(result, LoadProblem)
    assert (result.code, result.line, result.column) == ("too-deep", line, column)
    assert result.args == {"limit": MAX_DEPTH}


@pytest.mark.parametrize("parser", PARSERS)
def test_nesting_up_to_the_limit_is_read(parser: str) -> None:
    levels = MAX_DEPTH - 1  # plus the root mapping
    doc = read_document("x: " + "[" * levels + "]" * levels + "\n", parser)  # type: ignore[arg-type]
    assert isinstance(doc, Document) and doc.problems == []


@pytest.mark.parametrize("parser", PARSERS)
def test_integers_past_pythons_digit_limit_are_a_problem(parser: str) -> None:
    long = "9" * (MAX_INT_DIGITS + 1)
    doc = read_document(f"id: x\nnilai: {long}\nok: {'9' * MAX_INT_DIGITS}\n", parser)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    assert doc.data["nilai"] == long  # kept as text: the schema reports its type
    assert doc.data["ok"] == int("9" * MAX_INT_DIGITS)
    assert [(p.code, p.line, p.column) for p in doc.problems] == [("unsupported-yaml", 2, 8)]
    assert resolve_plain(long) == long


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("escape", ["\\UFFFFFFFF", "\\U00110000"])
def test_unicode_escapes_beyond_unicode_are_syntax_errors(parser: str, escape: str) -> None:
    result = read_document(f'id: x\njudul: "ab{escape}"\n', parser)  # type: ignore[arg-type]
    assert isinstance(result, LoadProblem)
    assert (result.code, result.line, result.column) == ("yaml-syntax", 2, 11)


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("escape", "char"),
    [
        ("\\ud800", "U+D800"),
        ("\\x01", "U+0001"),
        ("\\e[2J", "U+001B"),
        ("\\0", "U+0000"),
        ("\\x7f", "U+007F"),
        ("\\x85", "U+0085"),
        ("\\ufffe", "U+FFFE"),
        ("\\U0010FFFF", "U+10FFFF"),
        ("\\r", "U+000D"),
    ],
)
def test_control_characters_and_noncharacters_are_problems(
    parser: str, escape: str, char: str
) -> None:
    doc = read_document(f'id: x\njudul: "a{escape}b"\n', parser)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    assert doc.problems == [LoadProblem("invalid-character", 2, 8, {"char": char})]


@pytest.mark.parametrize("parser", PARSERS)
def test_tabs_newlines_and_ordinary_unicode_are_text(parser: str) -> None:
    doc = read_document('judul: "a\\tb\\nc é 漢 \\U0001F600"\n', parser)  # type: ignore[arg-type]
    assert isinstance(doc, Document) and doc.problems == []


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("pembiayaan: !foo {nilai: 1}\n", "!foo"),
        ("x: !bar [1]\n", "!bar"),
        (
            "x: !!python/object/apply:os.system [ls]\n",
            "tag:yaml.org,2002:python/object/apply:os.system",
        ),
    ],
)
def test_custom_tags_on_collections_are_problems(parser: str, text: str, tag: str) -> None:
    doc = read_document(text, parser)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    assert [(p.code, p.args) for p in doc.problems] == [("unsupported-tag", {"tag": tag})]


@pytest.mark.parametrize("parser", PARSERS)
def test_a_huge_file_without_aliases_is_not_called_an_alias_bomb(parser: str) -> None:
    text = "x: [" + ", ".join(["1"] * (MAX_EXPANDED_NODES + 10)) + "]\n"
    result = read_document(text, parser)  # type: ignore[arg-type]
    assert isinstance(result, LoadProblem)
    assert (result.code, result.variant) == ("alias-bomb", "nodes")
    bomb = read_document(_bomb(9), parser)  # type: ignore[arg-type]
    assert isinstance(bomb, LoadProblem) and bomb.variant is None


def test_locating_many_keys_of_one_mapping_finds_each() -> None:
    keys = [f"k{i}" for i in range(5000)]
    doc = read_document("".join(f"{k}: {i}\n" for i, k in enumerate(keys)))
    assert isinstance(doc, Document)
    assert [doc.locate((k,), key=True).line for k in keys] == list(range(1, 5001))
    assert doc.locate(("missing",)) == Location(1, 1)


@pytest.mark.parametrize("parser", ["libyaml", "ruamel"])
def test_month_dates_and_their_typos_are_read_as_the_text_written(parser: str) -> None:
    # v1.1 month-only dates: both readers leave them to the schema, as text, at their place.
    text = "a: 2018-10\nb: 2018-13\nc: 2018-1\nd: 18-10\ne: '2018-10'\n"
    document = read_document(text, parser)  # type: ignore[arg-type]
    assert isinstance(document, Document)
    assert document.data == {
        "a": "2018-10",
        "b": "2018-13",
        "c": "2018-1",
        "d": "18-10",
        "e": "2018-10",
    }
    assert [document.locate([k]) for k in "abcd"] == [Location(n, 4) for n in range(1, 5)]


def test_pyyaml_is_imported_only_for_a_text_the_quick_reader_leaves() -> None:
    """PyYAML's import costs 10-20 ms; a text the quick reader takes needs none of it.

    Whether libyaml is there is told without importing it, and as importing it tells.
    """
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from ksd_cli.yamlread import has_libyaml, read_document\n"
        "quick = read_document('id: KSD-1\\njudul: Sampah\\n')\n"
        "print('yaml' in sys.modules, has_libyaml(), 'yaml' in sys.modules)\n"
        "print(quick.locate(('judul',)), quick.locate(('tidak-ada',)), 'yaml' in sys.modules)\n"
        "composed = read_document('id: &a KSD-1\\njudul: *a\\n')\n"
        "print(composed.data, 'yaml' in sys.modules)\n"
        "try:\n"
        "    from yaml import _yaml\n"
        "    print(True)\n"
        "except ImportError:\n"
        "    print(False)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    lines = run.stdout.splitlines()
    libyaml = lines[3]
    assert lines[:3] == [
        f"False {libyaml} False",
        # A place the quick reader does not hold composes the tree (PyYAML imported then).
        f"Location(line=2, column=8) Location(line=1, column=1) {libyaml}",
        f"{{'id': 'KSD-1', 'judul': 'KSD-1'}} {libyaml}",
    ]
