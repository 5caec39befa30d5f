"""Every sentence ksd shows comes from the catalog: no "Indonesian / English" text in code."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import ksd_cli

SOURCE = Path(ksd_cli.__file__).parent
MODULES = sorted(SOURCE.rglob("*.py"))
#: "kesalahan templat / template error": words on both sides of a spaced slash. Paths, dates,
#: "KB/PKS" and URLs have no spaces around their slashes; ``a / b`` in code is an operator.
MIXED = re.compile(r"[A-Za-z]\S* / \S*[A-Za-z]")
#: Errors that reach the user: their message and hint must be catalog messages.
ERRORS = {"UserError", "UsageProblem"}


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes (developer text, not shown to users)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _mixed(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docs
            and MIXED.search(node.value)
        ):
            yield f"{path.relative_to(SOURCE)}:{node.lineno}: {node.value!r}"


def _worded_errors(source: str) -> Iterator[str]:
    """``line: argument`` of each user error raised with text instead of a catalog message."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in ERRORS:
            continue
        words = [*node.args, *(k.value for k in node.keywords if k.arg == "hint")]
        if name == "UsageProblem":
            words = words[1:]  # the first argument is the option's name
        for arg in words:
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if literal or isinstance(arg, ast.JoinedStr | ast.BinOp):
                yield f"{node.lineno}: {ast.unparse(arg)}"


def test_the_pattern_catches_the_old_form_and_spares_paths() -> None:
    assert MIXED.search("kesalahan templat / template error: {exc}")
    assert MIXED.search("berkas sudah ada / file exists")
    for fine in ("KB/PKS", "data/agreements/x.yaml", "https://example.org/a", "25/07/2019"):
        assert not MIXED.search(fine)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(SOURCE).as_posix())
def test_no_string_mixes_indonesian_and_english(path: Path) -> None:
    assert list(_mixed(path)) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(SOURCE).as_posix())
def test_user_errors_are_worded_from_the_catalog(path: Path) -> None:
    assert list(_worded_errors(path.read_text(encoding="utf-8"))) == []


def test_the_error_check_sees_literal_messages_and_hints() -> None:
    source = (
        'raise UserError("file exists", hint=f"use {x}")\n'
        'raise UsageProblem("--format", "bad " + value)\n'
        'raise UserError(Msg("output.exists", path=p), hint=Msg("output.exists.hint"))\n'
    )
    assert list(_worded_errors(source)) == [
        "1: 'file exists'",
        "1: f'use {x}'",
        "2: 'bad ' + value",
    ]
