"""Canonical formatting of record files (``ksd fmt``), verified never to change data or comments.

The canonical form: keys in the order of the record format (recursively, per model; unknown
keys after the known ones, in their own order), two-space indentation with list items written
``  - item``, region and urusan codes in double quotes, dates in ISO form, block style for
every non-empty list and mapping, no ``---`` line without a directive. Comments, blank lines,
the line endings (LF or CRLF) and a byte-order mark are kept.

How: ruamel.yaml's round trip normalises indentation, quoting and list style; keys are then put
in order by moving whole lines (an entry moves with the comment and blank lines just above it),
so that no comment is re-attached by guesswork. Before anything is written the result is
checked, as black checks its output: it must read back, with both YAML readers, to exactly the
data of the original (except the documented value fixes below), keep every comment, and be
stable (formatting it again changes nothing). Otherwise the file is refused and left untouched.

Value fixes, the only changes of data ``fmt`` makes, each checked to be lossless:

- a code typed without quotes (``urusan: 2.10``, read as the number 2.1) becomes the string of
  exactly the characters typed (``"2.10"``): what the finding S004 asks for;
- a date in a date field written as a string (``"2024-03-05"``, or ``2024-3-5``) becomes the
  ISO date ``2024-03-05``: the same calendar day.
"""

from __future__ import annotations

import copy
import difflib
import functools
import io
import math
import os
import re
import stat
import types
import typing
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Union

from pydantic import BaseModel

from ksd_cli.diagnostics import Location
from ksd_cli.errors import UserError, Words
from ksd_cli.messages import Lang, Msg
from ksd_cli.models import CODE_FIELDS, KEY_ORDER, Agreement, Naskah, Potential
from ksd_cli.repository import Kind, SourceFile
from ksd_cli.yamlread import Document, LoadProblem, raw_scalar, read_document
from ksd_cli.yamlscalar import NUMBER_FIRST, digitless_number, resolve_plain

BOM = "\ufeff"
MODELS: dict[str, type[BaseModel]] = {"agreement": Agreement, "potential": Potential}
_LOOSE_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
Loc = tuple[str | int, ...]


class FormatError(UserError):
    """A file that ``fmt`` cannot format: it does not load, or the result failed a check.

    ``problem`` is the loading problem when the file does not load (worded by
    :mod:`ksd_cli.loading`, as ``ksd validate`` words it, once the file is known).
    """

    def __init__(
        self,
        words: Words,
        *,
        line: int | None = None,
        column: int | None = None,
        problem: LoadProblem | None = None,
        hint: Words | None = None,
    ) -> None:
        super().__init__(words, hint)
        self.line = line
        self.column = column
        self.problem = problem


@dataclass(frozen=True)
class ValueFix:
    """One deliberate change of a value (see the module docstring), at ``loc`` in the data."""

    loc: Loc
    old: object
    new: object


# Public API ------------------------------------------------------------------------------------


def format_text(text: str, kind: Kind) -> str:
    """The canonical form of a record file's text (``kind``: agreement or potential).

    ``text`` is the decoded file, a leading byte-order mark included if the file has one; the
    result keeps it and the line endings. Raises ``FormatError`` when the text does not load,
    has loading problems (a duplicate key...), or when the result fails the checks.
    """
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom) :]
    newline = _newline_of(body)
    body = body.replace("\r\n", "\n")
    if _quickly_canonical(body, kind):
        formatted = body  # the common case, recognised without a round trip through ruamel
    else:
        before = _read(body)
        formatted, fixes = _canonical(body, kind)
        # Already canonical: same text, so same data and comments, and stable by definition.
        if formatted != body:
            _check(body, before, formatted, fixes, kind)
    if newline != "\n":
        formatted = formatted.replace("\n", newline)
    return bom + formatted


@dataclass(frozen=True)
class FormatOutcome:
    """What ``fmt`` made of one file: the text before and after, or why it could not."""

    source: SourceFile
    original: str | None
    formatted: str | None
    error: FormatError | None = None

    @property
    def changed(self) -> bool:
        """Whether formatting changes the file."""
        return self.formatted is not None and self.formatted != self.original

    def diff(self) -> str:
        """A unified diff of the change (empty when nothing changes)."""
        if not self.changed or self.original is None or self.formatted is None:
            return ""
        old = self.original.removeprefix(BOM).replace("\r\n", "\n").splitlines(keepends=True)
        new = self.formatted.removeprefix(BOM).replace("\r\n", "\n").splitlines(keepends=True)
        return "".join(
            difflib.unified_diff(old, new, f"a/{self.source.rel}", f"b/{self.source.rel}")
        )


NO_LIMIT = 2**62


def format_source(
    source: SourceFile, *, max_bytes: int | None = None, lang: Lang = "id"
) -> FormatOutcome:
    """Read one record file and format its text in memory (nothing is written).

    The file is read by :mod:`ksd_cli.loading` (never through a symbolic link, at most
    ``max_bytes``, the ``[validate] max_file_kb``); a loading problem is worded in ``lang`` as
    ``ksd validate`` words it.
    """
    from ksd_cli.loading import read_bytes, read_text

    limit = max_bytes if max_bytes is not None else NO_LIMIT
    data = read_bytes(source, limit)
    if isinstance(data, LoadProblem):
        return FormatOutcome(source, None, None, _problem_error(source, data, lang))
    try:
        text = data.decode("utf-8")  # a byte-order mark stays, as U+FEFF: format_text keeps it
    except UnicodeDecodeError:
        problem = read_text(source, limit)  # loading places the bad byte, as validate does
        if isinstance(problem, LoadProblem):
            return FormatOutcome(source, None, None, _problem_error(source, problem, lang))
        return FormatOutcome(source, None, None, FormatError(Msg("fmt.changed")))
    try:
        return FormatOutcome(source, text, format_text(text, source.kind))
    except FormatError as exc:
        if exc.problem is not None:
            exc = _problem_error(source, exc.problem, lang)
        return FormatOutcome(source, text, None, exc)


def _problem_error(source: SourceFile, problem: LoadProblem, lang: Lang) -> FormatError:
    """A loading problem as ``ksd validate`` words it (one wording, in :mod:`loading`)."""
    from ksd_cli.loading import problem_finding

    finding = problem_finding(source, problem, lang)
    return FormatError(finding.message, line=finding.line, column=finding.column, problem=problem)


def format_sources(
    sources: Iterable[SourceFile], *, max_bytes: int | None = None, lang: Lang = "id"
) -> list[FormatOutcome]:
    """Format every file in memory; one file that cannot be formatted never stops the others."""
    return [format_source(source, max_bytes=max_bytes, lang=lang) for source in sources]


def format_each(
    sources: Sequence[SourceFile], *, max_bytes: int | None = None, lang: Lang = "id"
) -> Iterator[FormatOutcome]:
    """:func:`format_source` of each file, in their order, many files on every core.

    An outcome that changes nothing comes back without its texts (``original`` and
    ``formatted`` are ``None``): only what changes, or fails, is carried between processes
    and held.
    """
    from ksd_cli.pool import in_order

    task = functools.partial(_format_chunk, max_bytes=max_bytes, lang=lang)
    for outcomes in in_order(task, sources):
        yield from outcomes


def _format_chunk(
    sources: Sequence[SourceFile], *, max_bytes: int | None, lang: Lang
) -> list[FormatOutcome]:
    outcomes = []
    for source in sources:
        outcome = format_source(source, max_bytes=max_bytes, lang=lang)
        if outcome.error is None and not outcome.changed:
            outcome = FormatOutcome(source, None, None)
        outcomes.append(outcome)
    return outcomes


def write_outcome(outcome: FormatOutcome) -> bool:
    """Replace the file with its formatted text, atomically (keeping its mode).

    Returns whether the file was written. Raises ``FormatError`` and writes nothing when the
    file changed on disk since it was read, is no longer a regular file (a symbolic link put
    in its place is never replaced by a regular file), is read-only (mode ``0444``: its
    owner asked that it not be changed, even by root), or cannot be written (a read-only
    file system, a full disk: the system's reason is said; the original stays as it was and
    no temporary file is left).
    """
    from ksd_cli.atomic import write_bytes_atomic
    from ksd_cli.loading import read_bytes

    if not outcome.changed or outcome.formatted is None or outcome.original is None:
        return False
    path = outcome.source.path
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        raise FormatError(Msg("fmt.changed"), hint=Msg("fmt.changed.hint")) from None
    if not stat.S_ISREG(mode):
        raise FormatError(Msg("fmt.not-regular"))
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FormatError(
            Msg("fmt.read-only", mode=f"{stat.S_IMODE(mode):04o}"), hint=Msg("fmt.read-only.hint")
        )
    current = read_bytes(outcome.source, NO_LIMIT)
    if isinstance(current, LoadProblem) or current != outcome.original.encode("utf-8"):
        raise FormatError(Msg("fmt.changed"), hint=Msg("fmt.changed.hint"))
    try:
        write_bytes_atomic(path, outcome.formatted.encode("utf-8"))  # keeps the file's mode
    except OSError as exc:
        # Before the rename the original is untouched, and the temporary file is removed.
        raise FormatError(Msg("fmt.cannot-write", error=exc.strerror or str(exc))) from None
    return True


# Recognising a canonical file cheaply ---------------------------------------------------------
#
# Most files of a repository are already canonical (CI runs ``fmt --check`` on every change),
# and ruamel's round trip is slow (pure Python). A file made only of block mappings and lists of
# simple one-line values, without comments or blank lines, is canonical when laying its values
# out the canonical way, each with its own text, gives back the file. Anything else (comments,
# block text, flow collections, anchors, floats, values that fmt would fix...) takes the full
# pipeline. Tests check that the full pipeline leaves every file this check accepts unchanged.

_INT = re.compile(r"^(?:0|-?[1-9][0-9]*)$")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _perans(data: Any) -> tuple[str, ...]:
    """The parties' labels in order: the order of the keys of ``nomor`` and ``hak_kewajiban``."""
    pihak = data.get("pihak") if isinstance(data, dict) else None
    if not isinstance(pihak, list):
        return ()
    return tuple(
        p["peran"] for p in pihak if isinstance(p, dict) and isinstance(p.get("peran"), str)
    )


def _quickly_canonical(body: str, kind: Kind) -> bool:
    """Whether ``body`` is canonical by a cheap check (``False``: use the full pipeline).

    For the texts ``yamlquick`` reads: the file is canonical when laying out its values the
    canonical way, each with the text it has in the file, gives the file back line for line.
    Comments and empty lines are where fmt keeps them (see :meth:`_QuickLayout.skip`).
    """
    if not body.endswith("\n") or body.startswith(("\n", " ")):
        return False
    from ksd_cli.yamlquick import read_quick

    quick = read_quick(body)
    if quick is None or not quick.data:
        return False
    lines = body.split("\n")
    layout = _QuickLayout(lines, _perans(quick.data), skips="#" in body or "\n\n" in body)
    if not layout.mapping(quick.data, MODELS[kind], 0, ""):
        return False
    layout.skip()
    return layout.at == len(lines) - 1


class _QuickLayout:
    """The canonical layout of values read by ``yamlquick``, checked against the file's lines.

    The lines are checked in order, each value's text taken from its own line.
    """

    def __init__(self, lines: list[str], perans: tuple[str, ...], *, skips: bool = True) -> None:
        self.lines = lines
        self.perans = perans
        self.at = 0  # the next line to check
        #: Whether a line may be empty or a comment (``False``: none is looked for).
        self.skips = skips

    def _line(self, prefix: str) -> str | None:
        """The rest of the next line after ``prefix`` (``None`` when it does not start so).

        Empty lines and comment lines before it are passed over where fmt keeps them.
        """
        if self.skips:
            self.skip()
        if self.at >= len(self.lines):
            return None
        line = self.lines[self.at]
        self.at += 1
        return line[len(prefix) :] if line.startswith(prefix) else None

    def skip(self) -> None:
        """Pass over the empty lines and comment lines fmt leaves as they are.

        ruamel keeps an empty line, and a comment line indented as the next line that is
        neither (at the end of the file: not indented). A comment indented otherwise it
        moves: it stays, and the line is then not what its place expects.
        """
        lines, at = self.lines, self.at
        last = len(lines) - 1
        while at < last:
            line = lines[at]
            if line:
                text = line.lstrip(" ")
                if text[:1] != "#" or line[-1] == " ":
                    break  # not a comment, or one ending in spaces (fmt drops them)
                if len(line) - len(text) != self._indent_after(at):
                    break
            at += 1
        self.at = at

    def _indent_after(self, at: int) -> int:
        """The indentation of the first line after ``at`` that is neither empty nor a comment."""
        for line in self.lines[at + 1 : -1]:
            text = line.lstrip(" ")
            if text and text[0] != "#":
                return len(line) - len(text)
        return 0

    def mapping(self, values: dict[str, Any], model: _Shape, indent: int, lead: str) -> bool:
        if not values:
            return False
        positions, after = _positions(model)
        last = (-1, -1)
        for index, (key, value) in enumerate(values.items()):
            place = positions.get(key)
            rank = (place, 0) if place is not None else (after, index)
            if rank < last:
                return False  # not in the canonical order
            last = rank
            prefix = f"{lead}{key}:" if index == 0 else f"{' ' * indent}{key}:"
            code = key in CODE_FIELDS
            if isinstance(value, dict | list):
                rest = self._line(prefix)
                if rest is None or (rest and _EOL_COMMENT.fullmatch(rest) is None):
                    return False
                child: _Shape = self.perans if model is Naskah and key in _PER_PARTY else None
                if child is None and not isinstance(model, tuple) and model is not None:
                    child = _field_model(model, key)
                if isinstance(value, dict):
                    if not self.mapping(value, child, indent + 2, " " * (indent + 2)):
                        return False
                elif not self.sequence(value, child, indent + 2, code):
                    return False
                continue
            if not self._scalar(prefix + " ", value, code, indent + 2):
                return False
        return True

    def sequence(self, items: list[Any], model: _Shape, indent: int, code: bool) -> bool:
        if not items:
            return False
        lead = " " * indent + "- "
        for item in items:
            if isinstance(item, dict):
                if code or not self.mapping(item, model, indent + 2, lead):
                    return False
                continue
            if isinstance(item, list):
                return False
            if not self._scalar(lead, item, code, indent + 2):
                return False
        return True

    def _scalar(self, prefix: str, value: Any, code: bool, inner: int) -> bool:
        """A scalar after ``prefix``: on its line, or a block scalar on lines at ``inner``."""
        rest = self._line(prefix)
        if rest is None:
            return False
        if rest in _BLOCK_HEADERS:
            return not code and self._block(value, inner)
        if _canonical_scalar(rest, value, code):
            return True
        # A comment after the value, two spaces or more from it (fmt puts two after one).
        return any(
            _canonical_scalar(rest[: m.start()], value, code)
            for m in _EOL_COMMENT.finditer(rest)
            if m.end() == len(rest)
        )

    def _block(self, value: Any, inner: int) -> bool:
        """Whether a block scalar's lines are as fmt keeps them.

        They stand two columns in from their key or dash (fmt moves deeper ones back), their
        text is printable, and it is not a date that fmt would make one.
        """
        if not isinstance(value, str) or _LOOSE_DATE.match(value):
            return False
        pad = " " * inner
        start = self.at
        lines = self.lines
        while self.at < len(lines):
            line = lines[self.at]
            if not line:
                # An empty line of the text when a line of it follows.
                after = next((x for x in lines[self.at + 1 : -1] if x), "")
                if not after.startswith(pad):
                    break
            elif not line.startswith(pad) or not line.isprintable():
                break
            self.at += 1
        # The lines were read as this scalar's (``yamlquick``): those left here belong to
        # what follows, or are not as fmt writes them, and say so there.
        return self.at > start and self.lines[start][inner] != " "


#: A comment at the end of a line: two spaces or more, then "#" and any text that does not
#: end in a space.
_EOL_COMMENT = re.compile(r" {2,}#(?:.*[^ ])?")
#: The block scalar headers fmt keeps as they are (the ones ``yamlquick`` reads).
_BLOCK_HEADERS = frozenset([">", ">-", "|", "|-"])
#: The mappings of a naskah keyed by the parties' labels, in the order of ``pihak``.
_PER_PARTY = frozenset({"nomor", "hak_kewajiban", "pelaksana"})


def _canonical_scalar(text: str, value: Any, code: bool) -> bool:
    """Whether fmt writes ``value`` (read from ``text``) as ``text``, unchanged."""
    quote = text[:1]
    if quote in ('"', "'"):
        inner = text[1:-1]
        return (
            len(text) >= 2
            and text[-1:] == quote
            and quote not in inner
            and "\\" not in inner
            and inner.isprintable()
            and inner == value
            and (not code or quote == '"')
            and not _LOOSE_DATE.match(inner)
        )
    if code or text != text.rstrip(" "):
        return False
    if isinstance(value, str):
        return (
            value == text
            and not value.startswith(("---", "..."))  # ruamel quotes a document marker
            and value.isprintable()
            and ": " not in value
            and not value.endswith(":")
            and not _LOOSE_DATE.match(value)
            and (value[:1] not in NUMBER_FIRST or not digitless_number(value))  # "-_"
        )
    if isinstance(value, bool):
        return text in ("true", "false")
    if isinstance(value, int):
        return bool(_INT.match(text))
    if isinstance(value, date) and not isinstance(value, datetime):
        return bool(_ISO_DATE.match(text))
    if isinstance(value, float):
        # fmt keeps a float as typed whenever it reads back the same (``_keep_float``).
        return bool(_PLAIN_FLOAT.match(text)) and not math.isnan(value)
    return False


#: A float written in plain decimal digits (``78.5``, ``-0.25``, ``1.5e3``).
_PLAIN_FLOAT = re.compile(r"^-?[0-9]+\.[0-9]+(?:[eE][-+]?[0-9]+)?$")


# The pipeline ----------------------------------------------------------------------------------


def _newline_of(text: str) -> str:
    """CRLF when most line breaks are CRLF, else LF."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def _read(body: str) -> Document:
    document = read_document(body, quick=False)
    if isinstance(document, LoadProblem):
        raise FormatError(
            Msg("fmt.does-not-load", problem=document.code),
            line=document.line,
            column=document.column,
            problem=document,
        )
    if document.problems:
        first = document.problems[0]
        raise FormatError(
            Msg("fmt.does-not-load", problem=first.code),
            line=first.line,
            column=first.column,
            problem=first,
        )
    return document


def _canonical(body: str, kind: Kind) -> tuple[str, list[ValueFix]]:
    """Normalise with ruamel.yaml, then put keys in order; the value fixes made on the way.

    The comments that end a file are set aside first: ruamel's scanner takes quadratic time
    over a long run of comments (a million lines took over 300 s), and their canonical form is
    simple: each at column 0, blank lines kept empty.
    """
    head, tail = _split_final_comments(body)
    if tail:
        formatted, fixes = _canonical_body(head, kind)
        if formatted.strip() and not formatted.rstrip("\n").endswith("\n..."):
            return formatted + "\n".join(tail), fixes
    return _canonical_body(body, kind)


def _split_final_comments(body: str) -> tuple[str, list[str]]:
    """The text up to the comments that end it, and those lines (each stripped)."""
    document = read_document(body, quick=False)
    if isinstance(document, LoadProblem):
        return body, []
    lines = body.split("\n")
    columns = comment_columns(body, document)
    start = len(lines)
    for number in range(len(lines) - 1, -1, -1):
        line = lines[number]
        if number in columns and not line[: columns[number]].strip():
            start = number
        elif line.strip():
            break
    if start >= len(lines) - 1:
        return body, []
    return "\n".join(lines[:start]) + "\n", [line.strip() for line in lines[start:]]


def _canonical_body(body: str, kind: Kind) -> tuple[str, list[ValueFix]]:
    normalised, fixes = _normalise(_hoist_comments(_drop_document_start(body)), kind)
    reordered = _reorder(normalised, kind)
    if reordered != normalised:
        # Once more through ruamel: what it writes can depend on where a value stands (a
        # "|+" text at the very end of a file is followed by "...").
        reordered, more = _normalise(reordered, kind)
        fixes = [*fixes, *more]
    # Blank lines above everything mean nothing (ruamel drops them): none, for stability.
    return _without_leading_blank_lines(_indent_comments(reordered)), fixes


def _without_leading_blank_lines(text: str) -> str:
    """``text`` from its first line with something on it (spaces alone are a blank line)."""
    lines = text.split("\n")
    start = 0
    while start < len(lines) - 1 and not lines[start].strip(" "):
        start += 1
    return "\n".join(lines[start:])


def _drop_document_start(body: str) -> str:
    """Remove a ``---`` line that has only comments above it (ruamel would drop those)."""
    lines = body.split("\n")
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("%"):
            return body  # a directive needs its "---": ruamel keeps both
        if stripped == "---" or re.match(r"^---[ \t]+#", line):
            rest = line[3:].strip()
            lines[i : i + 1] = [rest] if rest else []
            return "\n".join(lines)
        if stripped and not stripped.startswith("#"):
            return body
    return body


def _hoist_comments(body: str) -> str:
    """Move the comments ruamel.yaml would drop to their own lines, where it keeps them.

    ruamel loses a comment inside a flow collection that it writes in block style, one on the
    header of a block scalar that is a list item (``- >-  # ...``), and one after a final
    ``...`` line. Such a comment goes, whole, to a line of its own just above the collection
    (or the item); the ``...`` line goes (ruamel writes one again where the data needs it).
    Comment lines start at column 0 (see below).
    """
    document = read_document(body, quick=False)
    if isinstance(document, LoadProblem):
        return body
    lines = body.split("\n")
    columns = comment_columns(body, document)
    moves: dict[int, list[int]] = {}  # line to put comments above -> lines of the comments
    for key, value in _split_entries(document.root):
        # A comment between a key and its value on a later line, or on the header of a code
        # written as a block scalar (fmt quotes it), is lost: it goes above the key.
        first, stop = int(key.start_mark.line), int(value.start_mark.line)
        header = value.style in ("|", ">") and key.value in CODE_FIELDS
        found = [n for n in range(first, stop + (1 if header else 0)) if n in columns]
        if found:
            moves.setdefault(first, []).extend(found)
    for node in _flow_and_item_scalars(document.root):
        first = int(node.start_mark.line)
        if node is document.root:
            last = len(lines) - 1  # comments after a flow root are lost too
        elif _is_mapping(node) or _is_sequence(node):
            last = int(node.end_mark.line)
        else:
            last = first
        inside = [n for n in range(first, last + 1) if n in columns]
        if node.start_mark.column >= columns.get(first, 1 << 30):
            inside = inside[1:]  # a comment before the collection starts stays where it is
        if inside:
            moves.setdefault(first, []).extend(inside)
    end = _final_document_end(lines, columns)
    # A comment line indented less than a block scalar's text above it ends the text; once
    # ruamel re-indents the text, the comment could be read as text: it starts at column 0
    # (its indentation is set again at the end, like the line below it).
    for number, column in columns.items():
        if column and not lines[number][:column].strip():
            lines[number] = lines[number][column:]
            columns[number] = 0
    moved = {n for found in moves.values() for n in found}
    out: list[str] = []
    for number, line in enumerate(lines):
        for comment in moves.get(number, ()):
            out.append(lines[comment][columns[comment] :])
        if end is not None and end < number < len(lines) - 1 and not lines[number].strip():
            continue  # "..." and the blank lines after it: no longer kept by a "|+" text
        if number == end:
            continue
        if number in moved:
            line = line[: columns[number]].rstrip()
            if not line.strip():
                continue
        out.append(line)
    return "\n".join(out)


def _flow_and_item_scalars(root: Any) -> Iterator[Any]:
    """The outermost flow collections, and the block scalars that are list items."""
    stack = [root]
    while stack:
        node = stack.pop()
        if (_is_mapping(node) or _is_sequence(node)) and node.flow_style and node.value:
            yield node
        elif _is_mapping(node):
            for key, value in node.value:
                stack.extend((key, value))
        elif _is_sequence(node):
            for item in node.value:
                if _node_kind(item) == "ScalarNode" and item.style in ("|", ">"):
                    yield item
                else:
                    stack.append(item)


def _split_entries(root: Any) -> Iterator[tuple[Any, Any]]:
    """The block mapping entries with a scalar value that starts below its key, or a code."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.flow_style if _is_mapping(node) or _is_sequence(node) else True:
            continue
        if _is_mapping(node):
            for key, value in node.value:
                if _node_kind(key) == "ScalarNode" and _node_kind(value) == "ScalarNode":
                    below = value.start_mark.line > key.start_mark.line
                    if below or (value.style in ("|", ">") and key.value in CODE_FIELDS):
                        yield key, value
                else:
                    stack.append(value)
        else:
            stack.extend(node.value)


def _final_document_end(lines: Sequence[str], columns: dict[int, int]) -> int | None:
    """The line of a ``...`` with only comments and blank lines after it (ruamel drops those)."""
    for number in range(len(lines) - 1, -1, -1):
        line = lines[number]
        if line.rstrip() == "..." or re.match(r"^\.\.\.[ \t]+#", line):
            return number if number not in columns else None
        if line.strip() and number not in columns:
            return None
        if number in columns and line[: columns[number]].strip():
            return None
    return None


class _Float(str):
    """A float kept as typed: ruamel's own rendering of some floats changes their value."""


_REPRESENTER: list[type] = []


def _representer() -> type:
    """The round-trip representer plus ``_Float``, as a subclass (no global registration)."""
    if not _REPRESENTER:
        from ruamel.yaml.representer import RoundTripRepresenter

        class Representer(RoundTripRepresenter):
            pass

        def represent(representer: Any, value: _Float) -> Any:
            return representer.represent_scalar("tag:yaml.org,2002:float", str(value))

        Representer.add_representer(_Float, represent)
        _REPRESENTER.append(Representer)
    return _REPRESENTER[0]


_CONSTRUCTOR: list[type] = []


def _constructor() -> type:
    """The round-trip constructor, reading a number without a digit (``-_``) as text.

    ruamel resolves such a plain scalar as an integer or a float and then fails to build
    it (an IndexError for ``-_``); ksd's readers take it as text (``yamlscalar``), and so
    does fmt: it writes it quoted, the same text.
    """
    if not _CONSTRUCTOR:
        from ruamel.yaml.constructor import RoundTripConstructor

        class Constructor(RoundTripConstructor):
            def construct_yaml_int(self, node: Any) -> Any:
                if digitless_number(node.value):
                    return str(node.value)
                return super().construct_yaml_int(node)

            def construct_yaml_float(self, node: Any) -> Any:
                if digitless_number(node.value):
                    return str(node.value)
                return super().construct_yaml_float(node)

        Constructor.add_constructor("tag:yaml.org,2002:int", Constructor.construct_yaml_int)
        Constructor.add_constructor("tag:yaml.org,2002:float", Constructor.construct_yaml_float)
        _CONSTRUCTOR.append(Constructor)
    return _CONSTRUCTOR[0]


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Constructor = _constructor()
    yaml.Representer = _representer()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap text: a long line stays one line
    return yaml


def _normalise(body: str, kind: Kind) -> tuple[str, list[ValueFix]]:
    from ruamel.yaml.error import YAMLError

    yaml = _yaml()
    try:
        data = yaml.load(body)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise FormatError(
            Msg("fmt.does-not-load", problem=str(exc)),
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except (ValueError, OverflowError) as exc:
        # ruamel builds dates as it reads: 2023-02-30, 0000-01-01 or 2024-13-01 raise here.
        raise _impossible_date(body) or FormatError(
            Msg("fmt.does-not-load", problem=str(exc))
        ) from None
    fixes: list[ValueFix] = []
    _Normaliser(body, fixes).walk(data, MODELS[kind], ())
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue(), fixes


class _Normaliser:
    """Quotes codes, fixes date strings, and turns non-empty flow collections into blocks."""

    def __init__(self, body: str, fixes: list[ValueFix]) -> None:
        self.body = body
        self.fixes = fixes

    def walk(self, node: Any, model: type[BaseModel] | None, loc: Loc) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        if isinstance(node, CommentedMap):
            if len(node):
                node.fa.set_block_style()
            own = getattr(node, "_ok", None)
            for key in list(node.keys()):
                if own is not None and key not in own:  # merged in with "<<": not its own
                    continue
                self._keep_float(node, key)
                info = (
                    model.model_fields.get(key)
                    if model is not None and isinstance(key, str)
                    else None
                )
                if info is None:
                    self.walk(node[key], None, (*loc, key))
                    continue
                if key in CODE_FIELDS:
                    self._code(node, key, (*loc, key))
                elif _is_date_field(info.annotation):
                    self._date(node, key, (*loc, key))
                self.walk(node[key], _inner_model(info.annotation), (*loc, key))
        elif isinstance(node, CommentedSeq):
            if len(node):
                node.fa.set_block_style()
            for i in range(len(node)):
                self._keep_float(node, i)
                self.walk(node[i], model, (*loc, i))

    def _keep_float(self, parent: Any, index: str | int) -> None:
        value = parent[index]
        if isinstance(value, float):
            line, column = _position(parent, index)
            raw = raw_scalar(self.body, Location(line + 1, column + 1))
            read_back = resolve_plain(raw) if raw else None
            if isinstance(read_back, float) and (
                read_back == value or (math.isnan(read_back) and math.isnan(value))
            ):
                _set(parent, index, _Float(raw))

    def _code(self, parent: Any, key: str, loc: Loc) -> None:
        from ruamel.yaml.comments import CommentedSeq

        value = parent[key]
        if isinstance(value, CommentedSeq):
            for i in range(len(value)):
                self._quote(value, i, (*loc, i))
        else:
            self._quote(parent, key, loc)

    def _quote(self, parent: Any, index: str | int, loc: Loc) -> None:
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        value = parent[index]
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, _Float):
            value = resolve_plain(str(value))
        if isinstance(value, str):
            if not isinstance(value, DoubleQuotedScalarString):
                _set(parent, index, DoubleQuotedScalarString(str(value)))
            return
        if isinstance(value, int | float):
            line, column = _position(parent, index)
            raw = raw_scalar(self.body, Location(line + 1, column + 1))
            read_back = resolve_plain(raw) if raw else None
            plain = _plain(value)
            if type(read_back) is type(plain) and read_back == plain:
                _set(parent, index, DoubleQuotedScalarString(raw))
                self.fixes.append(ValueFix(loc, plain, raw))

    def _date(self, parent: Any, key: str, loc: Loc) -> None:
        value = parent[key]
        if not isinstance(value, str):
            return
        match = _LOOSE_DATE.match(value)
        if match is None:
            return
        try:
            day = date(*(int(part) for part in match.groups()))
        except ValueError:
            return  # not a real date: validate reports it
        _set(parent, key, day)
        self.fixes.append(ValueFix(loc, str(value), day))


#: A plain scalar that YAML reads as a date when it is a real one (what ruamel chokes on).
_DATE_LIKE = re.compile(
    r"(?:^|[\s\[{,:-])([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})(?=$|[\s,\]}#])", re.MULTILINE
)


def _impossible_date(body: str) -> FormatError | None:
    """The first date-shaped plain value that is not a calendar day, as a positioned error."""
    for match in _DATE_LIKE.finditer(body):
        value = match.group(1)
        try:
            date(*(int(part) for part in value.split("-")))
        except ValueError:
            start = match.start(1)
            line = body.count("\n", 0, start) + 1
            column = start - (body.rfind("\n", 0, start) + 1) + 1
            return FormatError(Msg("invalid-date", value=value), line=line, column=column)
    return None


def _set(parent: Any, index: str | int, value: Any) -> None:
    """Replace a value in a ruamel container, keeping the comments attached to it."""
    parent[index] = value


def _position(parent: Any, index: str | int) -> tuple[int, int]:
    if isinstance(index, int):
        line, column = parent.lc.item(index)
    else:
        line, column = parent.lc.value(index)
    return int(line), int(column)


def _plain(value: object) -> object:
    """A ruamel scalar (ScalarFloat, ScalarInt...) as the plain Python value the reader gives."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


def _is_date_field(annotation: Any) -> bool:
    return any(item is date for item in _annotation_parts(annotation))


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``X | None``, ``list[X]``, ``Annotated[X, ...]`` (not inside dicts)."""
    for item in _annotation_parts(annotation):
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
    return None


def _annotation_parts(annotation: Any) -> Iterator[Any]:
    stack = [annotation]
    while stack:
        item = stack.pop()
        yield item
        origin = typing.get_origin(item)
        if origin in (Union, types.UnionType, list, typing.Annotated):
            args = typing.get_args(item)
            stack.extend(args[:1] if origin is typing.Annotated else args)


# Key order: moving whole lines -----------------------------------------------------------------


def _reorder(text: str, kind: Kind) -> str:
    """Put the keys of every mapping in the record format's order by moving whole lines."""
    document = read_document(text, quick=False)
    if isinstance(document, LoadProblem) or not _is_mapping(document.root):
        return text  # refused later by the checks
    if document.root.flow_style or not document.root.value:
        return text
    lines = text.split("\n")
    layout = _Layout(lines, document.root, _perans(document.data))
    lo, hi, region = layout.mapping(document.root, MODELS[kind])
    reordered = "\n".join([*lines[:lo], *region, *lines[hi + 1 :]])
    if reordered != text and _has_aliases(document.root):
        # Lines moved as they are: an alias that now comes before its anchor no longer
        # loads, or names an anchor of the same name defined before it (other data).
        moved = read_document(reordered, quick=False)
        if (
            isinstance(moved, LoadProblem)
            or moved.problems
            or not same_data(moved.data, document.data)
        ):
            raise FormatError(Msg("fmt.alias-order"), hint=Msg("fmt.alias-order.hint"))
    return reordered


def _indent_comments(text: str) -> str:
    """Indent full-line comments like the line below them; two spaces before a line's comment."""
    document = read_document(text, quick=False)
    if isinstance(document, LoadProblem):
        return text
    lines = text.split("\n")
    columns = comment_columns(text, document)
    indent = 0
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        stripped = line.strip()
        column = columns.get(index)
        if column is not None and not line[:column].strip():
            lines[index] = " " * indent + stripped
        elif column is not None and line[column - 2 : column] != "  ":
            lines[index] = line[:column].rstrip() + "  " + line[column:]
        if stripped and not (column is not None and not line[:column].strip()):
            indent = len(line) - len(line.lstrip())
    return "\n".join(lines)


def _node_kind(node: Any) -> str:
    return type(node).__name__


def _is_mapping(node: Any) -> bool:
    return _node_kind(node) == "MappingNode"


def _is_sequence(node: Any) -> bool:
    return _node_kind(node) == "SequenceNode"


def _has_aliases(root: Any) -> bool:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if _is_mapping(node):
            for key, value in node.value:
                stack.extend((key, value))
        elif _is_sequence(node):
            stack.extend(node.value)
    return False


#: What orders a mapping's keys: a record model, the parties' labels (``nomor``), or nothing.
_Shape = type[BaseModel] | tuple[str, ...] | None


def _scalars(root: Any) -> Iterator[Any]:
    """Every scalar node below ``root`` (keys included), in no particular order."""
    stack = [root]
    while stack:
        node = stack.pop()
        if _is_mapping(node):
            for key, value in node.value:
                stack.extend((key, value))
        elif _is_sequence(node):
            stack.extend(node.value)
        else:
            yield node


class _Layout:
    """The lines of a normalised file and where each node's content ends."""

    def __init__(self, lines: list[str], root: Any, perans: tuple[str, ...] = ()) -> None:
        self.lines = lines
        self.perans = perans  # the parties' labels, in order: the order of nomor's keys
        # The collections laid out: met again, a node is an alias (``*pk``, ``<<: *pk``),
        # written as one line where it stands; its lines are where its anchor is.
        self.laid_out: set[int] = set()
        # Lines inside multi-line scalars: text there is content, never a comment.
        self.content: set[int] = set()
        for node in _scalars(root):
            first = node.start_mark.line + 1
            self.content.update(range(first, self.end(node) + 1))

    def end(self, node: Any) -> int:
        """The last line holding part of ``node`` (-1 for an empty value written as nothing)."""
        if _is_mapping(node) or _is_sequence(node):
            if node.flow_style:
                return int(node.end_mark.line)
            ends = [-1]
            for child in node.value:
                if isinstance(child, tuple):
                    ends.extend((self.end(child[0]), self.end(child[1])))
                elif _node_kind(child) == "ScalarNode" and child.value == "" and not child.style:
                    ends.append(int(child.start_mark.line))  # "- " alone: the dash's line
                else:
                    ends.append(self.end(child))
            return max(ends)
        if node.value == "" and not node.style:
            return -1
        end = node.end_mark
        return int(end.line) if end.column > 0 else int(end.line) - 1

    def _loose(self, index: int) -> bool:
        """A blank or comment-only line outside any scalar."""
        stripped = self.lines[index].strip()
        return index not in self.content and (not stripped or stripped.startswith("#"))

    def regions(self, node: Any, model: _Shape) -> list[tuple[int, int, list[str]]]:
        """The reordered regions inside ``node``: one per block mapping, outermost first."""
        if id(node) in self.laid_out:
            return []  # an alias: its anchor's lines were laid out where the anchor is
        self.laid_out.add(id(node))
        if _is_mapping(node) and not node.flow_style and node.value:
            return [self.mapping(node, model)]
        if _is_sequence(node) and not node.flow_style:
            found: list[tuple[int, int, list[str]]] = []
            for item in node.value:
                found.extend(self.regions(item, model))
            return found
        return []

    def mapping(self, node: Any, model: _Shape) -> tuple[int, int, list[str]]:
        """The lines of a block mapping from its first key to its end, keys in order."""
        entries = node.value
        key_lines = [int(key.start_mark.line) for key, _ in entries]
        lo = key_lines[0]
        ends = [
            max(line, self.end(value)) for line, (_, value) in zip(key_lines, entries, strict=True)
        ]
        hi = max(ends)
        starts = [lo]
        for i in range(1, len(entries)):
            start = key_lines[i]
            while start - 1 > ends[i - 1] and self._loose(start - 1):
                start -= 1
            starts.append(start)
        stops = [s - 1 for s in starts[1:]] + [hi]
        blocks: list[list[str]] = []
        column = int(entries[0][0].start_mark.column)
        for i, (key, value) in enumerate(entries):
            child = self._child(model, key)
            inner = self.regions(value, child)
            block = self._emit(starts[i], stops[i], inner)
            # The comments above a key take its indentation: after a moved block scalar, a
            # comment indented deeper would be read as part of the text.
            for j in range(key_lines[i] - starts[i]):
                if block[j].strip():
                    block[j] = " " * column + block[j].strip()
            blocks.append(block)
        order = sorted(range(len(entries)), key=lambda i: _rank(model, entries[i][0], i))
        if order == list(range(len(entries))) or not _reorderable(entries):
            return lo, hi, [line for block in blocks for line in block]
        prefix = self.lines[lo][:column]
        out: list[str] = []
        for position, i in enumerate(order):
            block = list(blocks[i])
            head = key_lines[i] - starts[i]  # index of the key line in the block
            if i == 0:
                block[head] = " " * column + block[head][column:]
            if position == 0:
                block[head] = prefix + block[head][column:]
            out.extend(block)
        return lo, hi, out

    def _child(self, model: _Shape, key: Any) -> _Shape:
        """What orders the keys of an entry's value: a model, the parties' labels, or nothing."""
        if model is Naskah and _node_kind(key) == "ScalarNode":
            if key.value in _PER_PARTY:
                return self.perans
        return _child_model(model, key) if not isinstance(model, tuple) else None

    def _emit(self, lo: int, hi: int, inner: Sequence[tuple[int, int, list[str]]]) -> list[str]:
        out: list[str] = []
        at = lo
        for start, stop, lines in sorted(inner, key=lambda region: region[0]):
            out.extend(self.lines[at:start])
            out.extend(lines)
            at = stop + 1
        out.extend(self.lines[at : hi + 1])
        return out


def _child_model(model: _Shape, key: Any) -> type[BaseModel] | None:
    if model is None or isinstance(model, tuple) or _node_kind(key) != "ScalarNode":
        return None
    return _field_model(model, key.value)


@functools.cache
def _field_model(model: type[BaseModel], name: object) -> type[BaseModel] | None:
    """The model of field ``name``'s values (looked up once per model and field)."""
    info = model.model_fields.get(name) if isinstance(name, str) else None
    return _inner_model(info.annotation) if info is not None else None


def _rank(model: _Shape, key: Any, index: int) -> tuple[int, int]:
    positions, after = _positions(model)
    name = key.value if _node_kind(key) == "ScalarNode" else None
    place = positions.get(name) if isinstance(name, str) else None
    return (place, 0) if place is not None else (after, index)


@functools.cache
def _positions(model: _Shape) -> tuple[dict[str, int], int]:
    """Each key's place in the canonical order of ``model``, and the place of any other key.

    ``model``: a record model, or the parties' labels. Keys it does not name come after all
    it names, in their own order.
    """
    if isinstance(model, tuple):
        order = model
    else:
        order = KEY_ORDER.get(model, ()) if model is not None else ()
    positions: dict[str, int] = {}
    for place, name in enumerate(order):
        positions.setdefault(name, place)  # the first, as ``order.index`` gave
    return positions, len(order)


def _reorderable(entries: Sequence[tuple[Any, Any]]) -> bool:
    """Plain scalar keys, each on its own line, and no merge key."""
    lines = set()
    for key, _ in entries:
        if _node_kind(key) != "ScalarNode" or (key.value == "<<" and not key.style):
            return False
        lines.add(key.start_mark.line)
    return len(lines) == len(entries)


# The checks ------------------------------------------------------------------------------------


def _check(
    body: str, before: Document, formatted: str, fixes: Sequence[ValueFix], kind: Kind
) -> None:
    """Refuse the result unless it keeps every value and comment, and is stable.

    Values may differ only by the fixes, each checked to lose nothing.
    """
    expected = copy.deepcopy(before.data)
    for fix in fixes:
        _check_fix(fix)
        _put(expected, fix.loc, fix.new)
    for parser in ("libyaml", "ruamel"):
        after = read_document(formatted, parser, quick=False)
        if isinstance(after, LoadProblem) or after.problems:
            raise FormatError(Msg("fmt.bug.load", parser=parser))
        if not same_data(after.data, expected):
            raise FormatError(Msg("fmt.bug.data", where=first_difference(after.data, expected)))
    lost = comments(body, before) - comments(formatted, read_document(formatted, quick=False))
    if lost:
        raise FormatError(Msg("fmt.bug.comment", comment=repr(next(iter(lost)))))
    again, _ = _canonical(formatted, kind)
    if again != formatted:
        raise FormatError(Msg("fmt.bug.unstable"))


def _check_fix(fix: ValueFix) -> None:
    """A value fix must lose nothing: the same number as typed, or the same calendar day."""
    if isinstance(fix.new, str) and isinstance(fix.old, int | float):
        read_back = resolve_plain(fix.new)
        if type(read_back) is type(fix.old) and read_back == fix.old:
            return
    if isinstance(fix.new, date) and isinstance(fix.old, str):
        match = _LOOSE_DATE.match(fix.old)
        if match and date(*(int(p) for p in match.groups())) == fix.new:
            return
    raise FormatError(Msg("fmt.bug.value", loc=str(fix.loc)))


def _put(data: Any, loc: Loc, value: object) -> None:
    target = data
    for segment in loc[:-1]:
        target = target[segment]
    target[loc[-1]] = value


def same_data(a: object, b: object) -> bool:
    """Strict equality of loaded data: types must match too (``1`` is not ``1.0`` nor ``True``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return (
            len(a) == len(b)
            and all(k in b for k in a)
            and all(same_data(k, next(x for x in b if x == k)) for k in a)
            and all(same_data(a[k], b[k]) for k in a)
        )
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def first_difference(a: object, b: object, path: str = "") -> str:
    """The path of the first place where two data trees differ (for error messages)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            if key not in a or key not in b or not same_data(a[key], b[key]):
                if key in a and key in b:
                    return first_difference(a[key], b[key], f"{path}.{key}" if path else str(key))
                return f"{path}.{key}" if path else str(key)
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if not same_data(x, y):
                return first_difference(x, y, f"{path}[{i + 1}]")
        return f"{path}[{min(len(a), len(b)) + 1}]"
    return path or "/"


@dataclass
class _Spans:
    """Per line, the column ranges covered by scalars (where a ``#`` is text, not a comment)."""

    ranges: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    def add(self, line: int, start: int, stop: int) -> None:
        self.ranges.setdefault(line, []).append((start, stop))

    def covers(self, line: int, column: int) -> bool:
        return any(start <= column < stop for start, stop in self.ranges.get(line, ()))


def comments(text: str, document: Document | LoadProblem) -> Counter[str]:
    """Every comment of a file (its text from ``#``), counted: the guard's inventory."""
    lines = text.split("\n")
    return Counter(
        lines[line][column:].rstrip() for line, column in comment_columns(text, document).items()
    )


def comment_columns(text: str, document: Document | LoadProblem) -> dict[int, int]:
    """Line (0-based) to the column where the line's comment starts, for lines with one."""
    lines = text.split("\n")
    spans = _Spans()
    if isinstance(document, Document):
        for node in _scalars(document.root):
            _scalar_span(node, spans)
    found: dict[int, int] = {}
    for number, line in enumerate(lines):
        for match in re.finditer("#", line):
            column = match.start()
            if column and not line[column - 1].isspace():
                continue
            if spans.covers(number, column):
                continue
            found[number] = column
            break
    return found


def _scalar_span(node: Any, spans: _Spans) -> None:
    start, end = node.start_mark, node.end_mark
    if node.style in ("|", ">"):
        spans.add(start.line, start.column, start.column + 1)
        last = end.line if end.column > 0 else end.line - 1
        for line in range(start.line + 1, last + 1):
            spans.add(line, 0, 1 << 30)
        return
    if start.line == end.line:
        spans.add(start.line, start.column, end.column)
        return
    spans.add(start.line, start.column, 1 << 30)
    for line in range(start.line + 1, end.line):
        spans.add(line, 0, 1 << 30)
    spans.add(end.line, 0, end.column)
