"""The quick reader gives what the full reader gives, or refuses the text.

Wherever ``read_quick`` accepts a text, its values equal the full reader's (types included:
``1`` is not ``True``, a date is not its text) and every path's place, as a value and as a
key, is where ``Document.locate`` on the composed tree points. Checked on the sample
repository, the fixtures, a generated register with mistakes, hand-picked edge cases and
texts made by hypothesis from the shapes records are written in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import generator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ksd_cli.yamlquick import read_quick
from ksd_cli.yamlread import Document, read_document

ROOT = Path(__file__).resolve().parent.parent


def same(a: Any, b: Any) -> bool:
    """Equal values of the same types, mappings in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def paths(value: Any, at: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield at
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*at, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from paths(item, (*at, i))


def agrees(text: str) -> bool:
    """Whether the quick reader took ``text``; fails the test if it took it wrongly."""
    quick = read_quick(text)
    if quick is None:
        return False
    full = read_document(text, quick=False)
    assert isinstance(full, Document), f"quick read a text the full reader refuses: {full}"
    assert full.problems == [], f"quick read a text with findings: {full.problems}"
    assert same(quick.data, full.data), f"{quick.data!r} != {full.data!r}"
    every = list(paths(full.data))
    assert set(every) == set(quick.values)
    for path in every:
        for key in (False, True):
            where = full.locate(path, key=key)
            assert quick.place(path, key=key) == (where.line, where.column), (path, key)
    return True


def record_files() -> list[Path]:
    found: list[Path] = []
    for base in (ROOT / "data", ROOT / "tests" / "fixtures"):
        found.extend(p for p in base.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    return sorted(found)


def test_sample_and_fixtures_agree() -> None:
    taken = 0
    refused_sample = []
    for path in record_files():
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        took = agrees(text)
        taken += took
        # The same file saved on Windows (or, saved so, on Linux) is read the same way.
        other = text.replace("\r\n", "\n") if "\r\n" in text else text.replace("\n", "\r\n")
        assert agrees(other) == took, path.name
        if not took and ROOT / "data" in path.parents:
            refused_sample.append(path.name)
    # Most fixtures are in the shapes the quick reader takes (many are broken on purpose),
    # and every file of the sample: hand-written, with long texts folded (">-").
    assert taken >= 200
    assert refused_sample == []


def test_folded_long_texts_are_read_quickly() -> None:
    # The sample's long texts are folded block scalars, in keys and in list items.
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").rglob("*.yaml"))]
    folded = [t for t in texts if ": >-\n" in t]
    assert len(folded) >= 20 and any("- >-\n" in t for t in folded)
    for text in folded:
        quick = read_quick(text)
        assert quick is not None
        assert agrees(text)


def test_generated_register_agrees(tmp_path: Path) -> None:
    generator().generate(tmp_path, 300, seed=11, invalid_every=4)
    files = sorted(tmp_path.rglob("*.yaml"))
    taken = sum(agrees(p.read_text(encoding="utf-8")) for p in files)
    # Files with planted mistakes of syntax are refused; the rest are taken.
    assert taken >= 0.9 * len(files)


def test_generated_folded_register_agrees(tmp_path: Path) -> None:
    make = generator()
    make.generate(tmp_path / "one-line", 120, seed=5, invalid_every=4)
    make.generate(tmp_path / "folded", 120, seed=5, invalid_every=4, folded=True)
    files = sorted((tmp_path / "folded").rglob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    agreements = [t for p, t in zip(files, texts, strict=True) if p.parent.name == "agreements"]
    assert sum(": >-\n" in t for t in agreements) == len(agreements) == 120  # all folded
    taken = sum(agrees(t) for t in texts)
    assert taken >= 0.9 * len(files)
    # Folding changes how a text is written, never its value.
    for path, text in zip(files, texts, strict=True):
        one_line = (tmp_path / "one-line" / path.relative_to(tmp_path / "folded")).read_text(
            encoding="utf-8"
        )
        assert text != one_line or ": >-\n" not in text
        a, b = read_document(text, quick=False), read_document(one_line, quick=False)
        if isinstance(a, Document) and isinstance(b, Document):
            assert same(a.data, b.data), path.name


TAKEN = [
    "id: x\n",
    "---\nid: x\n",
    "--- # first\nid: x\n",
    "# comment\n\nid: x  # trailing\njudul: 'it''s'\n",
    'id: "a # not a comment"\nn: 010\nf: 0o10\nb: yes\nt: True\nz: ~\ne:\n',
    "a:\n- 1\n- 2\nb: 3\n",
    "a:\n  - x: 1\n    y: 2\n  -   z: 3\n      w: 4\nb: -5\n",
    "a:\n  b:\n    c: 2024-02-29\n    d: 2024-02-30\n  e: 2024-01-01 10:00:00\n",
    "a: http://x.y/z?q=1#frag\nb: a:b\nc: a :b\nd: ?x\ne: -x\n",
    "  id: x\n  judul: y\n",
    "a:\n  - b:\n    - 1\n    - 2\n    c: 3\n",
    "a: 'x'   # c\nb: \"\"\nc: ''\n",
    "a: .inf\nb: -.inf\nc: .nan\nd: 1e3\ne: 1_000\nf: 0x1F\n",
    "a: Rp 1.000.000,00\nb: 50%\nc: C&D\nd: x [y] {z}\n",
    "a: é ü 日本 😀\nb: '😀'\n",
    # Spaces after dashes and colons, trailing spaces and comments after values.
    'a:\n  -   x\n  -    y: 1\n       z:   2\nb: text   \nc: "q"  # c\nd: plain # c\ne:  \n',
    # Block scalars, folded and literal, as long texts are written by hand.
    "a: |\n  text\n",
    "a: >-\n  text\n",
    "a: >\n  one\n  two\n\n  three\n\n\n  four\nb: 1\n",
    "a: >-\n    one: x\n    - two # not a comment\n    'three'\n  # a comment\nb: 1\n",
    "a: |-\n  one\n    more\n\n  # text\n  ---\nb: |\n   x\n\n\n",
    "a:\n  - >-\n    one\n    two\n  - |\n    x\n  - k: >\n      y\n    j: 1\n",
    "a:\n- >-\n  one\n- b: |-\n    two\n",
    "a: >-\n  no line break at the end",
    "a: >-\n  é 😀 [x] {y} &z *w !t\n",
    # Numbers without a digit (ruamel's resolver takes "_" for a digit, then fails): text.
    "a: -_\nb: ._\nc: 0x_\nd: +._\ne: 0b_\nf: [-_, 0o_]\ng: 1_\nh: .inf\n",
    # Plain text continued on the lines below its key, folded.
    "a: b\n  c\n",
    "a: satu dua\n    tiga\n\n  empat\n\n\n   lima 14 Maret 2026.\nb: 1\n",
    "x:\n  - k: satu\n      dua\n    j: satu\n     dua\n  - m: n\n",
    "a: satu\n    \n  dua\n\n",
    # Short lists in flow style, as the record format's examples write them.
    'urusan: ["2.10", "1.03"]\nb: 1\n',
    "a: []\nb: [ ]\nc: [x]\n",
    "a: [2.10, 1, yes, ~, 2024-01-01,  b c , 'it''s', \"q\", -1, é😀]\n",
    "a:\n  - k: [opd, tkksd]\n    j: [menerima laporan harian]\n",
    # Lines ending in CRLF, as files saved on Windows: all of them, or some.
    "a: b\r\nc: d\r\n",
    "a: >-\r\n  one\r\n\r\n  two\r\nb:\r\n  - |\r\n    x\r\nc: 'q'  # c\r\n",
    "a: b\nc: d\r\ne:\r\n",
]


@pytest.mark.parametrize("text", TAKEN)
def test_taken(text: str) -> None:
    if "nan" in text:
        # NaN is not equal to itself: compare the rest and the places.
        quick = read_quick(text)
        assert quick is not None and quick.data["c"] != quick.data["c"]
        return
    assert agrees(text)


REFUSED = [
    "",
    "# only a comment\n",
    "- a\n- b\n",
    "a: 1\n  c\n",  # a number continued: the full reader's to resolve
    "a: b\n  # c\n  d\n",  # a comment ends a plain text; a deeper line after it is wrong
    "a: b\n  c: d\n",
    "a: b\n  - c\n",
    "a: b\n  c #d\n",
    "a: b\n  c \n",
    "a: b\n  &c\n",
    "a: 'b'\n  c\n",
    "a: b # c\n  d\n",
    'a: "b\n  c"\n',
    'a: "tab\\tescape"\n',
    "a: &x 1\nb: *x\n",
    # Block scalars in the shapes left to the full reader.
    "a: |+\n  kept\n\n",
    "a: >2\n   x\n",
    "a: >- # c\n  text\n",
    "a: >\nb: 1\n",
    "a: >\n\n  after an empty line\n",
    "a: >\n  x  \n",
    "a: >\n  x\n  \n  y\n",
    "a: >\n    x\n  \n    y\n",  # a line of fewer spaces than the scalar's indentation
    "a: >\n  x\n    more indented\n",
    "a:\n    b: >\n      x\n     y\n",
    "a: |\n  no line break at the end",
    "a: >x\n  text\n",
    "a: \u00a0>\n  x\n",
    "a: !!str 1\n",
    "a: {b: 1}\n",
    "a: {}\n",
    "a: [a,]\n",
    "a: [a,,b]\n",
    "a: [[a]]\n",
    "a: [a, {b: 1}]\n",
    "a: [a] # c\n",
    "a: [a]x\n",
    "a: [a, b\n  ]\n",
    "a: [a:b]\n",
    "a: [a: b]\n",
    "a: ['a, b']\n",
    'a: ["a\\tb"]\n',
    "a: [- a]\n",
    "a: [? a]\n",
    "a: [?a]\n",
    "a: [:a]\n",
    "a: [&x a, *x]\n",
    "a: [!t a]\n",
    "a: [a#b]\n",
    "a: [it's]\n",
    "a: [" + ", ".join(["1"] * 10_000) + "]\n",  # as many values as the full reader bounds
    "- [a]\n",
    "a:\n  - [a]\n",
    "a: 1\na: 2\n",
    "true: 1\n",
    "null: 1\n",
    "<<: {a: 1}\n",
    "? a\n: b\n",
    "a:b\n",
    "a : b\n",
    '"a": b\n',
    "a: b: c\n",
    "a: b:\n",
    "a:\n-\n- x\n",
    "a:\n- - x\n",
    "a: 1\n---\nb: 2\n",
    "---x: 1\n",
    "--- a: 1\n",
    "a: 1\n...\n",
    "a:\tb\n",
    "a: b\rc: d\n",  # a carriage return alone breaks a line in YAML
    "a: b\r\n\rc: d\n",
    "a: 'b\rc'\n",
    "a: b\x85c\n",
    "a: b\u2028c\n",
    "a: \ufeffb\n",
    "a: \x07\n",
    "a: \U0001fffe\n",
    "a: 'b'c\n",
    'a: "b"#c\n',
    "a:\n    b: 1\n  c: 2\n",
    "a:\n  - 1\n  b: 2\n",
    "a:\n- 1\n  - 2\n",
    "a: -\n",
    "a: - b\n",
    "a: @x\n",
    "a: `x`\n",
    "a: %x\n",
    "a: 9" + "9" * 5000 + "\n",
]


@pytest.mark.parametrize("text", REFUSED)
def test_refused(text: str) -> None:
    assert read_quick(text) is None


def test_indentless_list_ends_at_the_next_key() -> None:
    quick = read_quick("a:\n- 1\n- 2\nb: 3\n")
    assert quick is not None
    assert quick.data == {"a": [1, 2], "b": 3}
    assert quick.place(("b",), key=False) == (4, 4)


def test_a_missing_path_is_placed_by_the_composed_tree() -> None:
    document = read_document("a:\n  b: 1\nc:\n")
    assert isinstance(document, Document)
    # A key that is not there points at the mapping that should hold it.
    assert (document.locate(("a", "x")).line, document.locate(("a", "x")).column) == (2, 3)
    # An empty value is placed at its key.
    assert (document.locate(("c",)).line, document.locate(("c",)).column) == (3, 1)
    assert document.root.start_mark.line == 0


# Texts made of the shapes records use, with odd scalars and indentation mixed in.
_KEYS = st.sampled_from(["id", "a", "b", "nama", "true", "x_1", "<<", "a b", "N"])
_SCALARS = st.sampled_from(
    [
        "x",
        "1",
        "-1",
        "010",
        "1.5",
        "yes",
        "~",
        "null",
        "2024-01-31",
        "2024-13-01",
        "'q''s'",
        '"d"',
        '"e\\n"',
        "a # c",
        "a#b",
        "a: b",
        "a:",
        "[1]",
        "{}",
        "&x y",
        "*x",
        "!t y",
        "|",
        ">",
        "-",
        "- x",
        "?",
        "? x",
        ":x",
        "'open",
        '"open',
        "é😀",
        "",
        "# c",
    ]
)


@st.composite
def texts(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        indent = " " * draw(st.sampled_from([0, 0, 0, 1, 2, 2, 4, 6]))
        shape = draw(st.sampled_from(["key", "key", "item", "itemkey", "comment", "blank", "raw"]))
        if shape == "key":
            lines.append(f"{indent}{draw(_KEYS)}: {draw(_SCALARS)}".rstrip() + "\n")
        elif shape == "item":
            lines.append(f"{indent}- {draw(_SCALARS)}".rstrip() + "\n")
        elif shape == "itemkey":
            lines.append(f"{indent}- {draw(_KEYS)}: {draw(_SCALARS)}".rstrip() + "\n")
        elif shape == "comment":
            lines.append(f"{indent}# note\n")
        elif shape == "blank":
            lines.append("\n")
        else:
            lines.append(f"{indent}{draw(_SCALARS)}\n")
    return "".join(lines)


_GOOD_KEYS = st.sampled_from(["id", "a", "b", "nama", "x_1", "N", "tanggal", "True_", "nullx"])
_GOOD_SCALARS = st.sampled_from(
    [
        "x",
        "1",
        "-1",
        "010",
        "0o10",
        "1.5",
        "1e3",
        "yes",
        "True",
        "~",
        "null",
        "2024-01-31",
        "2024-02-30",
        "2024-01-31 10:00:00",
        "'q''s'",
        '"d # e"',
        "a # c",
        "a#b",
        "http://x:80",
        "Rp 1.000,00",
        "é😀",
        "''",
        '""',
        "-x",
        "?x",
        ":x",
        "a - b",
        "x [y] {z}",
    ]
)


_BLOCK_HEADERS = [">", ">-", "|", "|-"]
# Lines of a plain text over several lines.
_PLAIN_TEXTS = st.sampled_from(
    ["kata", "dua kata", "Kerja Sama", "14 Maret 2026.", "a-b", "x/y", "(c)", "é😀", "p:q"]
)
_PLAIN_FIRST = st.sampled_from(["kata", "dua kata", "Kerja Sama", "a-b", "x/y", "(c)"])
# Items of a one-line flow list.
_FLOW_ITEMS = st.sampled_from(
    ["x", "dua kata", "1", "2.10", '"2.10"', "'q''s'", "yes", "~", "2024-01-31", "-1", "é😀"]
)
# What a block scalar's lines hold: text, text that would be markup outside it, nothing.
_BLOCK_TEXTS = st.sampled_from(
    ["kata", "dua kata", "a: b", "- x", "# c", "'q'", '"d"', "[x]", "---", "é😀", "1", ""]
)


@st.composite
def block_scalar(draw: st.DrawFn, indent: int) -> tuple[str, list[str]]:
    """A block scalar's header and lines at ``indent``: some empty, some more indented."""
    header = draw(st.sampled_from(_BLOCK_HEADERS))
    lines = [" " * indent + (draw(_BLOCK_TEXTS) or "x")]
    for _ in range(draw(st.integers(0, 4))):
        text = draw(_BLOCK_TEXTS)
        # A folded scalar's more indented lines are left to the full reader.
        more = " " * draw(st.sampled_from([0, 0, 0, 1, 2] if header[0] == "|" else [0]))
        lines.append(" " * indent + more + text if text else "")
    return header, lines


@st.composite
def records(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> list[str]:
    """The lines of a mapping in block style, nested, with comments between its lines."""
    lines = []
    used = set()
    shape = "scalar"
    for _ in range(draw(st.integers(1, 5))):
        key = draw(_GOOD_KEYS)
        if key in used:
            continue
        used.add(key)
        pad = " " * indent
        if draw(st.integers(0, 6)) == 0:
            # After what may end in a block scalar, a comment deeper than the keys would be
            # the scalar's text.
            deepest = 8 if shape in ("scalar", "empty") else indent
            lines.append(f"{' ' * draw(st.integers(0, deepest))}# note")
        shape = draw(
            st.sampled_from(["scalar", "scalar", "empty", "map", "list", "block", "flow", "lines"])
        )
        if depth >= 3:
            shape = "scalar"
        if shape == "scalar":
            lines.append(f"{pad}{key}: {draw(_GOOD_SCALARS)}")
        elif shape == "lines":
            lines.append(f"{pad}{key}: {draw(_PLAIN_FIRST)}")
            for _ in range(draw(st.integers(1, 3))):
                lines.extend([""] * draw(st.sampled_from([0, 0, 1, 2])))
                deeper = " " * (indent + draw(st.sampled_from([1, 2, 4])))
                lines.append(deeper + draw(_PLAIN_TEXTS))
        elif shape == "flow":
            items = draw(st.lists(_FLOW_ITEMS, max_size=4))
            gap = draw(st.sampled_from(["", " ", "  "]))
            lines.append(f"{pad}{key}: [{gap}" + f",{gap or ' '}".join(items) + f"{gap}]")
        elif shape == "block":
            header, text = draw(block_scalar(indent + draw(st.sampled_from([1, 2, 4]))))
            lines.append(f"{pad}{key}: {header}")
            lines.extend(text)
        elif shape == "empty":
            lines.append(f"{pad}{key}:" + draw(st.sampled_from(["", "  ", " # c"])))
        elif shape == "map":
            lines.append(f"{pad}{key}:")
            step = draw(st.sampled_from([1, 2, 4]))
            lines.extend(draw(records(indent + step, depth + 1)))
        else:
            lines.append(f"{pad}{key}:")
            at = indent + draw(st.sampled_from([0, 2, 4]))
            for _ in range(draw(st.integers(1, 3))):
                if draw(st.integers(0, 5)) == 0:
                    header, text = draw(block_scalar(at + draw(st.sampled_from([1, 2, 3]))))
                    lines.append(f"{' ' * at}- {header}")
                    lines.extend(text)
                elif draw(st.booleans()):
                    lines.append(f"{' ' * at}- {draw(_GOOD_SCALARS)}")
                else:
                    inner = draw(records(at + 2, depth + 1))
                    first = inner[0].lstrip(" ")
                    if first.startswith("#"):
                        inner = inner[1:] or [f"{' ' * (at + 2)}a: 1"]
                        first = inner[0].lstrip(" ")
                    lines.append(f"{' ' * at}- {first}")
                    lines.extend(inner[1:])
    return lines or [" " * indent + "a: 1"]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_made_records_agree(lines: list[str]) -> None:
    # Built in the shapes the quick reader takes, so it must take them, with either line end.
    assert agrees("\n".join(lines) + "\n")
    assert agrees("\r\n".join(lines) + "\r\n")


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(), st.integers(0, 10_000), st.sampled_from(list("-:#'\" \n\r&*!|>[{}],?%@`")))
def test_made_records_changed_agree_or_are_refused(lines: list[str], at: int, char: str) -> None:
    text = ("\r\n" if at % 2 else "\n").join(lines) + "\n"
    at %= len(text)
    agrees(text[:at] + char + text[at:])


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts())
def test_made_texts_agree_or_are_refused(text: str) -> None:
    agrees(text)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(list("-:#'\" \n&*!|>[{}],?%@`\t")))
def test_one_character_changed_in_a_record_agrees_or_is_refused(at: int, char: str) -> None:
    text = (ROOT / "data" / "agreements").glob("*.yaml")
    sample = sorted(text)[0].read_text(encoding="utf-8")
    at %= len(sample)
    agrees(sample[:at] + char + sample[at:])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.text(alphabet=list("ab1.-?:'\" #&*!,[]{}@`%|>~é"), max_size=5), max_size=4),
    st.sampled_from(["", " ", "  "]),
)
def test_flow_lists_of_odd_items_agree_or_are_refused(items: list[str], gap: str) -> None:
    agrees(f"id: x\na: [{gap}" + ",".join(items) + f"{gap}]\nb: 1\n")


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["kata", "a b", "x:y", "1", "t", "é"]),
    st.lists(
        st.tuples(
            st.integers(0, 5),
            st.text(alphabet=list("ab1.-?:'\" #&*!,[]{}@`%|>~é"), max_size=5),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_plain_text_over_lines_agrees_or_is_refused(
    first: str, more: list[tuple[int, str]]
) -> None:
    lines = [f"  - k: {first}"]
    lines.extend(" " * indent + line for indent, line in more)
    agrees("id: x\na:\n" + "\n".join(lines) + "\nb: 1\n")


def test_a_number_without_a_digit_is_text_as_libyaml_reads_it() -> None:
    import yaml

    text = "a: -_\nb: ._\nc: 0x_\nd: 1_\n"
    quick = read_quick(text)
    assert quick is not None
    assert quick.data == {"a": "-_", "b": "._", "c": "0x_", "d": 1}
    # libyaml's own constructor (YAML 1.1) fails on "0x_" too; the others it reads so.
    del quick.data["c"]
    assert quick.data == yaml.load(text.replace("c: 0x_\n", ""), Loader=yaml.CSafeLoader)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("0123456789_+-.xobeEinfa"), min_size=1, max_size=6))
def test_digitless_numbers_are_the_numbers_read_as_text(value: str) -> None:
    # fmt's constructor (``digitless_number``) and the readers (``resolve_plain``) say the
    # same of a plain scalar ruamel's resolver calls a number.
    from ksd_cli.yamlscalar import INT, digitless_number, resolve_plain

    if digitless_number(value):
        assert resolve_plain(value) == value
    elif value[0] in "-+0123456789." and INT.match(value):
        assert not isinstance(resolve_plain(value), str)
