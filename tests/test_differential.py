"""The fast reader (libyaml) and the reference reader (ruamel.yaml) agree on data and findings.

Over every YAML file of the fixtures and the sample, and over a generated corpus with mistakes:
both composers give the same values and the same loading problems; where ruamel.yaml's own
round-trip loader accepts a file, its data equals ours; and a whole validation run gives the
same report either way.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers import generator
from ruamel.yaml import YAML

from ksd_cli.repository import open_repository
from ksd_cli.validate import validate_repository
from ksd_cli.yamlread import Document, read_document

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2025, 6, 30)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    generator().generate(root, 400, seed=7, invalid_every=9)
    return root


def yaml_files() -> Iterator[Path]:
    for base in (ROOT / "data", ROOT / "tests" / "fixtures"):
        yield from sorted(
            p for p in base.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
        )


def decode(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def plain(value: Any) -> Any:
    """ruamel's round-trip types as plain Python values, types included."""
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, date):
        return value
    return value


def typed(value: Any) -> Any:
    """Values paired with their types, so that 1 and True or 1 and 1.0 differ."""
    if isinstance(value, dict):
        return {typed(k): typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, value)


def compare_file(text: str) -> None:
    fast = read_document(text, "libyaml")
    reference = read_document(text, "ruamel")
    if isinstance(fast, Document) and isinstance(reference, Document):
        assert typed(fast.data) == typed(reference.data)
        assert fast.problems == reference.problems
        if not fast.problems:
            try:
                loaded = YAML(typ="rt", pure=True).load(text)
            except Exception:  # ruamel refuses files we report on (bad dates): no data to compare
                return
            assert typed(fast.data) == typed(plain(loaded))
    else:
        assert fast == reference


@pytest.mark.parametrize("path", list(yaml_files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_fixture_and_sample_files_read_the_same(path: Path) -> None:
    text = decode(path)
    if text is not None:
        compare_file(text)


def test_generated_corpus_reads_the_same(corpus: Path) -> None:
    files = sorted((corpus / "data").rglob("*.yaml"))
    assert len(files) == 480
    for path in files:
        compare_file(path.read_text(encoding="utf-8"))


def repositories() -> Iterator[Path]:
    yield ROOT
    fixtures = ROOT / "tests" / "fixtures" / "repos"
    if fixtures.is_dir():
        yield from sorted(p for p in fixtures.iterdir() if p.is_dir())


@pytest.mark.parametrize("root", list(repositories()), ids=lambda p: p.name)
def test_validation_reports_are_identical(root: Path) -> None:
    repository = open_repository(root)
    fast = validate_repository(repository, as_of=AS_OF, parser="libyaml")
    reference = validate_repository(repository, as_of=AS_OF, parser="ruamel")
    assert fast.as_dict() == reference.as_dict()


def test_generated_corpus_reports_are_identical(corpus: Path) -> None:
    repository = open_repository(corpus)
    fast = validate_repository(repository, as_of=AS_OF, parser="libyaml")
    reference = validate_repository(repository, as_of=AS_OF, parser="ruamel")
    assert fast.errors > 0  # the corpus carries mistakes on purpose
    assert fast.as_dict() == reference.as_dict()


def _hostile_texts() -> Iterator[Any]:
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile import corpus

    for entry in corpus():
        # Files over 100 KB take seconds in the pure-Python reader: test_hostile covers them.
        if entry.make is None and len(entry.data) < 100_000:
            try:
                text = entry.data.decode("utf-8-sig")
            except UnicodeDecodeError:
                continue
            yield pytest.param(text, id=entry.name)


@pytest.mark.parametrize("text", list(_hostile_texts()))
def test_hostile_files_read_the_same(text: str) -> None:
    compare_file(text)
