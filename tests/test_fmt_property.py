"""ksd fmt refuses no valid record (issue 16 §6): generated records, decorated every way YAML allows.

Valid records from the benchmark generator are re-laid out (indentation, flow collections, block
scalars with every chomping indicator) and decorated (comments on their own lines and at line
ends, blank lines, CRLF, a byte-order mark). Each decoration is kept only when the file still
reads to the same data. fmt must format every such file, keep its data and comments (its own
checks), and formatting the result again must change nothing.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

import pytest
from helpers import generator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ksd_cli.fmt import FormatError, comments, format_text, same_data
from ksd_cli.repository import Kind
from ksd_cli.yamlread import Document, read_document

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Kind]]:
    return generated(tmp_path_factory.mktemp("gen"))


def generated(out: Path) -> list[tuple[str, Kind]]:
    generator().generate(out, 60, seed=11)
    return [
        (
            p.read_text(encoding="utf-8"),
            "potential" if p.parent.name == "potentials" else "agreement",
        )
        for p in sorted((out / "data").rglob("*.yaml"))
    ]


def _data(text: str) -> Any:
    document = read_document(text)
    return document.data if isinstance(document, Document) and not document.problems else None


class Choices:
    """Choices made by hypothesis (``draw``) or by a seeded ``random.Random`` (for debugging)."""

    def __init__(self, draw: Any) -> None:
        self.draw = draw

    def one(self, options: list[Any]) -> Any:
        if isinstance(self.draw, random.Random):
            return self.draw.choice(options)
        return self.draw(st.sampled_from(options))

    def number(self, low: int, high: int) -> int:
        if isinstance(self.draw, random.Random):
            return self.draw.randint(low, high)
        return int(self.draw(st.integers(low, high)))


def _relayout(text: str, draw: Choices) -> str:
    """The same data written by ruamel with other indentation, flow styles and block scalars."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    mapping = draw.one([2, 3, 4])
    offset = draw.one([0, 2])
    yaml.indent(mapping=mapping, sequence=offset + draw.one([2, 4]), offset=offset)
    yaml.width = draw.one([40, 80, 4096])
    data = yaml.load(text)

    def walk(node: Any) -> None:
        keys = list(node.keys()) if isinstance(node, CommentedMap) else range(len(node))
        if len(node) and draw.number(0, 5) == 0:
            node.fa.set_flow_style()
            return  # a flow collection holds no block scalar
        for key in keys:
            value = node[key]
            if isinstance(value, CommentedMap | CommentedSeq):
                walk(value)
            elif isinstance(value, str) and value and draw.number(0, 3) == 0:
                block = draw.one([LiteralScalarString, FoldedScalarString])
                tail = draw.one(["", "\n", "\n\n"])
                if value.strip() == value and "\n" not in value:
                    node[key] = block(value + tail)

    walk(data)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _decorate(text: str, draw: Choices) -> str:
    """Comments and blank lines added one at a time, each kept only if the data stays the same."""
    expected = _data(text)
    lines = text.split("\n")
    for _ in range(draw.number(0, 12)):
        at = draw.number(0, len(lines) - 1)
        choice = draw.one(["above", "end", "blank", "trailing"])
        word = draw.one(["# catatan", "#", "# a: b", "#- x", "# ' \" # ###"])
        trial = list(lines)
        if choice == "above":
            indent = len(lines[at]) - len(lines[at].lstrip())
            trial.insert(at, " " * draw.number(0, indent + 4) + word)
        elif choice == "end":
            if not trial[at].strip():
                continue
            trial[at] += " " * draw.number(1, 3) + word
        elif choice == "blank":
            trial.insert(at, " " * draw.number(0, 3))
        else:
            trial[-1:] = [word, ""]
        candidate = "\n".join(trial)
        if same_data(_data(candidate), expected):
            lines = trial
    return "\n".join(lines)


@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.data())
def test_fmt_formats_every_valid_decorated_record_and_is_stable(
    records: list[tuple[str, Kind]], data: st.DataObject
) -> None:
    check_decorated(records, Choices(data.draw))


def check_decorated(records: list[tuple[str, Kind]], draw: Choices) -> None:
    text, kind = records[draw.number(0, len(records) - 1)]
    text = _relayout(text, draw)  # block scalars may get a final newline or two ("|", "|+")
    expected = _data(text)
    text = _decorate(text, draw)
    assert same_data(_data(text), expected)  # the decorations keep the data
    crlf = draw.one([False, True])
    bom = draw.one(["", "\ufeff"])
    raw = bom + (text.replace("\n", "\r\n") if crlf else text)
    try:
        formatted = format_text(raw, kind)
    except FormatError as exc:  # pragma: no cover - the failure this test exists to find
        pytest.fail(f"fmt refused a valid record ({exc.words}):\n{text}")
    assert formatted.startswith(bom) and (("\r\n" in formatted) == crlf)
    body = formatted.removeprefix(bom).replace("\r\n", "\n")
    assert comments(body, read_document(body)) == comments(text, read_document(text))
    assert format_text(formatted, kind) == formatted
