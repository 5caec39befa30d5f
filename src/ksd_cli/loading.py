"""Loading records: bytes to text to YAML to models, every problem a positioned finding."""

from __future__ import annotations

import codecs
import difflib
import os
import stat
import types
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Union

from pydantic import BaseModel, ValidationError

from ksd_cli.collector import collection_paused
from ksd_cli.diagnostics import Diagnostic, Location
from ksd_cli.messages import Lang, message
from ksd_cli.models import CODE_FIELDS, RUPIAH_MAX, Agreement, Potential
from ksd_cli.repository import Repository, SourceFile
from ksd_cli.rules import BY_NAME
from ksd_cli.yamlread import Document, LoadProblem, Parser, raw_scalar, read_document

Record = Agreement | Potential
MODELS: dict[str, type[Agreement] | type[Potential]] = {
    "agreement": Agreement,
    "potential": Potential,
}
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class LoadedRecord:
    """A record that passed the schema, with the text it was read from (to locate findings)."""

    source: SourceFile
    record: Record
    text: str


@dataclass(frozen=True)
class LoadResult:
    """Every valid record, and every finding raised while reading and validating the files."""

    records: tuple[LoadedRecord, ...]
    diagnostics: tuple[Diagnostic, ...]
    files: int
    invalid: frozenset[str]


def diagnostic(
    source: SourceFile,
    name: str,
    location: Location,
    lang: Lang,
    *,
    args: dict[str, object] | None = None,
    variant: str | None = None,
    record_id: str | None = None,
    hint: str | None = None,
) -> Diagnostic:
    """A finding of rule ``name`` at ``location``, worded in ``lang``."""
    rule = BY_NAME[name]
    key = f"{name}.{variant}" if variant else name
    return Diagnostic(
        path=source.rel,
        line=location.line,
        column=location.column,
        code=rule.code,
        rule=rule.name,
        severity=rule.severity,
        message=message(key, lang, **(args or {})),
        record_id=record_id,
        hint=hint,
    )


def read_bytes(source: SourceFile, max_bytes: int) -> bytes | LoadProblem:
    """The file's bytes, or why they cannot be had (never following a symbolic link).

    The file is opened without following links and without blocking (a FIFO put in place
    of a record never makes ksd wait), then checked to be a regular file of at most
    ``max_bytes``.
    """
    if source.not_regular == "subfolder":
        folder = source.rel.rpartition("/")[0]
        return LoadProblem("record-in-subfolder", 1, 1, {"folder": folder})
    if source.not_regular is not None:
        return LoadProblem("unreadable-file", 1, 1, {"variant": source.not_regular})
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(source.fspath, flags | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        # ELOOP: the entry became a symbolic link after the folder was listed.
        variant = "symlink" if os.path.islink(source.path) else "os"
        return LoadProblem("unreadable-file", 1, 1, {"variant": variant, "error": exc.strerror})
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return LoadProblem("unreadable-file", 1, 1, {"variant": "special"})
        if info.st_size > max_bytes:
            size_kb, limit_kb = -(-info.st_size // 1024), max_bytes // 1024
            return LoadProblem("file-too-large", 1, 1, {"size_kb": size_kb, "limit_kb": limit_kb})
        data = _read_at_most(fd, max_bytes + 1, info.st_size)
        if len(data) > max_bytes:
            limit_kb = max_bytes // 1024
            return LoadProblem(
                "file-too-large", 1, 1, {"size_kb": f">{limit_kb}", "limit_kb": limit_kb}
            )
        return data
    except OSError as exc:
        return LoadProblem("unreadable-file", 1, 1, {"variant": "os", "error": exc.strerror})
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int, size: int) -> bytes:
    """Up to ``limit`` bytes of ``fd``, asked for all at once when the size is known.

    A size that says 0 can hide content (files under /proc): reading goes on until the end.
    """
    chunks: list[bytes] = []
    want = min(limit, size + 1) if size else min(limit, 1 << 20)
    while limit > 0:
        chunk = os.read(fd, want)
        if not chunk:
            break
        chunks.append(chunk)
        limit -= len(chunk)
        want = min(limit, 1 << 20)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_text(source: SourceFile, max_bytes: int) -> str | LoadProblem:
    """The file's text (UTF-8, BOM removed), or why it cannot be had."""
    data = read_bytes(source, max_bytes)
    if isinstance(data, LoadProblem):
        return data
    return decode_text(data)


def decode_text(data: bytes) -> str | LoadProblem:
    """The text of a file's bytes (UTF-8, BOM removed), or where the first bad byte is."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # The decoder counts from after the byte-order mark; positions count in the file.
        start = exc.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        line_start = data.rfind(b"\n", 0, start) + 1
        line = data.count(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", "replace").lstrip("\ufeff")) + 1
        return LoadProblem("invalid-encoding", line, column, {"byte": f"0x{data[start]:02X}"})


def load_file(
    source: SourceFile, *, max_bytes: int, lang: Lang, parser: Parser = "libyaml"
) -> tuple[LoadedRecord | None, list[Diagnostic]]:
    """Read, parse and validate one file: the record when it passed, and the findings."""
    text = read_text(source, max_bytes)
    if isinstance(text, LoadProblem):
        return None, [problem_finding(source, text, lang)]
    return load_text(source, text, lang=lang, parser=parser)


def load_text(
    source: SourceFile, text: str, *, lang: Lang, parser: Parser = "libyaml"
) -> tuple[LoadedRecord | None, list[Diagnostic]]:
    """Parse and validate the text of one file: the record when it passed, and the findings."""
    loaded, findings, _ = load_document(source, text, lang=lang, parser=parser)
    return loaded, findings


def load_document(
    source: SourceFile, text: str, *, lang: Lang, parser: Parser = "libyaml"
) -> tuple[LoadedRecord | None, list[Diagnostic], Document | None]:
    """As :func:`load_text`, with the parsed document too (``None`` when it did not parse)."""
    document = read_document(text, parser)
    if isinstance(document, LoadProblem):
        return None, [problem_finding(source, document, lang)], None
    findings = [problem_finding(source, p, lang) for p in document.problems]
    model = MODELS[source.kind]
    raw_id = document.data.get("id")
    record_id = raw_id if isinstance(raw_id, str) else None
    try:
        record = model.model_validate(document.data)
    except ValidationError as exc:
        findings.extend(
            schema_diagnostics(exc.errors(), document, text, source, model, lang, record_id)
        )
        return None, findings, document
    loaded = LoadedRecord(source, record, text)
    # A file with loading findings (a duplicate key) is still checked, but marked by them.
    return loaded, findings, document


def problem_finding(source: SourceFile, problem: LoadProblem, lang: Lang) -> Diagnostic:
    """A loading problem of ``source`` as the finding ``ksd validate`` reports (``fmt`` too)."""
    name, args = problem.code, dict(problem.args)
    variant = problem.variant
    if name in ("complex-key", "bad-merge", "unsupported-tag"):
        kind = {"complex-key": "complex-key", "bad-merge": "bad-merge"}.get(name, "tag")
        what = message(f"unsupported-yaml.{kind}", lang, **args)
        name, args = "unsupported-yaml", {"what": what}
    elif name == "not-a-mapping":
        args = {"found": message("not-a-mapping.found", lang)}
    elif name == "unreadable-file":
        reason = str(args.pop("variant"))
        args = {"reason": message(f"unreadable-file.{reason}", lang, **args)}
    location = Location(problem.line, problem.column)
    hint = message(f"{name}.hint", lang, **args) if name == "record-in-subfolder" else None
    return diagnostic(source, name, location, lang, args=args, variant=variant, hint=hint)


def load_records(
    repository: Repository,
    *,
    lang: Lang,
    parser: Parser = "libyaml",
    progress: Progress | None = None,
    sources: Sequence[SourceFile] | None = None,
) -> LoadResult:
    """Load every record of the repository (or ``sources``); one bad file never stops the others."""
    if sources is None:
        sources = repository.source_files()
    max_bytes = repository.config.validate_.max_file_kb * 1024
    records: list[LoadedRecord] = []
    findings: list[Diagnostic] = []
    invalid: set[str] = set()
    with collection_paused():
        for done, source in enumerate(sources, 1):
            loaded, problems = load_file(source, max_bytes=max_bytes, lang=lang, parser=parser)
            if loaded is not None:
                records.append(loaded)
            if loaded is None or problems:
                invalid.add(source.rel)
            findings.extend(problems)
            if progress is not None:
                progress(done, len(sources))
    return LoadResult(tuple(records), tuple(findings), len(sources), frozenset(invalid))


# Mapping pydantic's errors to findings ---------------------------------------------------------

_RANGE_ERRORS = {
    "greater_than_equal": ("ge", "ge"),
    "greater_than": ("ge", "gt"),
    "less_than_equal": ("le", "le"),
    "less_than": ("le", "lt"),
    "too_short": ("too_short", "min_length"),
}
#: Unknown keys that get a did-you-mean: more than a file lists (validate.MAX_FINDINGS_PER_FILE).
_SUGGESTED = 200
_DATE_ERRORS = {"invalid_date", "date_type", "date_parsing", "date_from_datetime_parsing"}
_TYPE_NAMES = {
    "string": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "date": "date",
    "list": "list",
    "dict": "dict",
    "model": "dict",
}


def schema_diagnostics(
    errors: Iterable[Any],
    document: Document,
    text: str,
    source: SourceFile,
    model: type[BaseModel],
    lang: Lang,
    record_id: str | None,
) -> list[Diagnostic]:
    """Turn pydantic's errors into findings at the offending nodes."""
    findings = []
    for error in errors:
        loc = tuple(error["loc"])
        kind: str = error["type"]
        value = error.get("input")
        field = next((str(s) for s in reversed(loc) if isinstance(s, str)), "")
        ctx = error.get("ctx") or {}

        def make(
            name: str,
            where: Location,
            variant: str | None = None,
            hint: str | None = None,
            **args: object,
        ) -> None:
            findings.append(
                diagnostic(
                    source,
                    name,
                    where,
                    lang,
                    args=args,
                    variant=variant,
                    record_id=record_id,
                    hint=hint,
                )
            )

        if kind == "missing":
            make("missing-key", document.locate(loc), key=loc[-1])
        elif kind == "invalid_key":
            make("unknown-key", document.locate(loc, key=True), key=loc[-1], suggestion="")
        elif kind == "extra_forbidden":
            # Past the findings a file lists, a did-you-mean costs time and is never shown.
            suggestion = _suggest(model, loc, lang) if len(findings) < _SUGGESTED else ""
            make("unknown-key", document.locate(loc, key=True), key=loc[-1], suggestion=suggestion)
        elif value is None and kind.endswith("_type"):
            make("wrong-type", document.locate(loc), variant="empty", field=field)
        elif kind == "literal_error":
            make(
                "invalid-enum",
                document.locate(loc),
                value=value,
                field=field,
                expected=_choices(ctx),
            )
        elif kind == "date_with_time":
            make("invalid-date", document.locate(loc), variant="time", field=field)
        elif kind in _DATE_ERRORS:
            make("invalid-date", document.locate(loc), value=_shown(value))
        elif kind == "invalid_date_or_month":
            # v1.1: a field that also takes a month (``2018-10``) says so.
            make("invalid-date", document.locate(loc), variant="bulan", value=_shown(value))
        elif kind == "out_of_range_between":
            cond = message("out-of-range.between", lang, low=ctx["low"], high=ctx["high"])
            make(
                "out-of-range",
                document.locate(loc),
                field=field,
                condition=cond,
                value=_shown(value),
            )
        elif kind in _RANGE_ERRORS:
            condition, limit_key = _RANGE_ERRORS[kind]
            limit = ctx.get(limit_key, "")
            if limit == RUPIAH_MAX and condition == "le":
                condition = "amount"  # named in rupiah too, so that the limit reads at a glance
            cond = message(f"out-of-range.{condition}", lang, limit=_number(limit, lang))
            shown = len(value) if kind == "too_short" and isinstance(value, Sequence) else value
            make("out-of-range", document.locate(loc), field=field, condition=cond, value=shown)
        elif kind == "string_type" and _is_number(value):
            where = document.locate(loc)
            raw = raw_scalar(text, where) or str(value)
            if any(s in CODE_FIELDS for s in loc if isinstance(s, str)):
                hint = message("unquoted-code.hint", lang, raw=raw)
                make("unquoted-code", where, hint=hint, raw=raw, value=value)
            else:
                hint = message("wrong-type.quote-hint", lang, field=field, raw=raw)
                expected = message("type.str", lang)
                make(
                    "wrong-type",
                    where,
                    hint=hint,
                    field=field,
                    expected=expected,
                    found=_found(value, lang),
                )
        else:
            expected = message(f"type.{_TYPE_NAMES.get(kind.split('_')[0], 'str')}", lang)
            bool_hint = message("wrong-type.bool-hint", lang) if kind == "bool_type" else None
            make(
                "wrong-type",
                document.locate(loc),
                hint=bool_hint,
                field=field,
                expected=expected,
                found=_found(value, lang),
            )
    return findings


def schema_message(error: Any, model: type[BaseModel], lang: Lang) -> str:
    """How ``ksd validate`` words one of pydantic's ``error`` for a record not from a file.

    ``ksd import`` builds records from a register's rows: its finding names the cell, and
    the words are validate's, in ``lang`` (pydantic's own are English).
    """
    (found,) = schema_diagnostics([error], _Unplaced(), "", _NO_FILE, model, lang, None)
    return found.message


class _Unplaced(Document):
    """A record's data with no text behind it: every part is at the start."""

    def __init__(self) -> None:
        super().__init__(None, None, [])

    def locate(self, loc: Sequence[str | int], *, key: bool = False) -> Location:
        return Location(1, 1)


_NO_FILE = SourceFile(location=Path(), rel="", kind="agreement")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value: object, lang: Lang) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int) and abs(value) >= 10_000:
        grouped = f"{value:,}"
        return grouped.replace(",", ".") if lang == "id" else grouped
    return str(value)


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _found(value: object, lang: Lang) -> str:
    if isinstance(value, bool):
        return message("type.bool", lang)
    if isinstance(value, dict):
        return message("type.dict", lang)
    if isinstance(value, list):
        return message("type.list", lang)
    if isinstance(value, str):
        return f'"{value}"'
    return _shown(value)


def _choices(ctx: dict[str, Any]) -> str:
    expected = str(ctx.get("expected", ""))
    return expected.replace("'", "").replace(" or ", ", ")


def _suggest(model: type[BaseModel], loc: tuple[Any, ...], lang: Lang) -> str:
    known = _fields_at(model, loc[:-1])
    if not known:
        return ""
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    if close:
        return message("unknown-key.suggestion", lang, key=close[0])
    return message("unknown-key.allowed", lang, keys=", ".join(known))


def _fields_at(model: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    """The field names of the model found by walking ``loc`` down from ``model``."""
    current: Any = model
    for segment in loc:
        if isinstance(segment, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(segment)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    """The model class inside ``X | None``, ``list[X]``, ``Annotated[X, ...]``."""
    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
        origin = typing.get_origin(item)
        if origin in (Union, types.UnionType, list, typing.Annotated) or origin is not None:
            stack.extend(a for a in typing.get_args(item) if a is not type(None))
    return None
