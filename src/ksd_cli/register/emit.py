"""The canonical text of a new record, written directly: ``ksd import``'s fast path.

``scaffold.record_text`` dumps with ruamel and formats with ``ksd fmt``, which re-reads and
checks its own output: right for any value, but a quarter of a second per record, so ten
thousand register rows would take most of an hour. An imported record holds only plain
values (text, numbers, dates, lists and mappings of them), and for those the canonical form is
simple: the record format's key order, two-space mappings, ``- `` items indented by two,
region and urusan codes in double quotes, everything else plain. :func:`canonical_text` writes
that, and gives up (``None``) on anything that would need quoting or a block scalar, for which
the importer takes the general path. ``tests/register/test_emit.py`` holds it equal to
``ksd fmt``'s output.
"""

from __future__ import annotations

import re
import types
import typing
from datetime import date
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel

from ksd_cli.models import CODE_FIELDS, KEY_ORDER, Agreement

#: A text that YAML reads back as the same text when written plain (and ``ksd fmt`` keeps so).
_PLAIN = re.compile(r"[A-Za-z0-9(][^\"'\\#:\t]*")
#: Plain texts YAML would read as something else: numbers, dates, booleans, null.
_NOT_TEXT = re.compile(r"[-+0-9_.:eE ]+|true|false|yes|no|on|off|null|y|n|~", re.IGNORECASE)
_CODE = re.compile(r"[0-9A-Za-z.]+")


class _Unsure(Exception):
    """A value the fast path does not write: take the general one."""


def canonical_text(data: dict[str, Any], header: str) -> str | None:
    """The canonical YAML of a new agreement with a header comment, or ``None`` (general path)."""
    lines = [f"# {line}" for line in header.splitlines()]
    try:
        _mapping(data, Agreement, "", lines, "")
    except _Unsure:
        return None
    lines.append("")
    return "\n".join(lines)


# Ten thousand records of a few dozen values each: the common types are told by ``type(...)
# is`` (a subclass, which no register gives, is written as _scalar writes it), and each
# mapping's keys are ordered and checked once per set of keys, not once per record.


def _mapping(
    data: dict[str, Any], model: type[BaseModel] | None, pad: str, lines: list[str], lead: str
) -> None:
    """Write ``data``'s entries, the first one after ``lead`` (a list item's ``- `` or ``pad``)."""
    if not data:
        raise _Unsure
    for key, child, code in _keys(model, tuple(data)):
        value = data[key]
        kind = type(value)
        if kind is str:
            lines.append(f"{lead}{key}: {_text(value, code)}")
        elif isinstance(value, list):
            lines.append(f"{lead}{key}:")
            _items(value, child, code, pad, lines)
        elif isinstance(value, dict):
            lines.append(f"{lead}{key}:")
            inner = pad + "  "
            _mapping(value, child, inner, lines, inner)
        elif kind is int:
            lines.append(f"{lead}{key}: {value}")
        elif kind is date:
            lines.append(f"{lead}{key}: {value.isoformat()}")
        else:
            lines.append(f"{lead}{key}: {_scalar(value, code)}")
        lead = pad


def _items(
    items: list[Any], model: type[BaseModel] | None, code: bool, pad: str, lines: list[str]
) -> None:
    if not items:
        raise _Unsure
    dash = pad + "  - "
    inner = pad + "    "
    for item in items:
        if isinstance(item, dict):
            _mapping(item, model, inner, lines, dash)
        elif type(item) is str:
            lines.append(dash + _text(item, code))
        elif isinstance(item, list):
            raise _Unsure
        else:
            lines.append(dash + _scalar(item, code))


@lru_cache(maxsize=1024)  # a record holds a few dozen sets of keys
def _keys(
    model: type[BaseModel] | None, keys: tuple[Any, ...]
) -> tuple[tuple[str, type[BaseModel] | None, bool], ...]:
    """The keys in the record format's order (then any other, as given): key, model, code."""
    for key in keys:
        if not isinstance(key, str) or _PLAIN.fullmatch(key) is None:
            raise _Unsure
    position = _positions(model)
    last = len(position)
    ordered = sorted(keys, key=lambda k: position.get(k, last))  # stable: the others keep order
    return tuple((key, _child(model, key), key in CODE_FIELDS) for key in ordered)


@cache
def _positions(model: type[BaseModel] | None) -> dict[str, int]:
    order = KEY_ORDER.get(model, ()) if model is not None else ()
    return {key: n for n, key in enumerate(order)}


def _child(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    if model is None or key not in model.model_fields:
        return None
    return _inner(model.model_fields[key].annotation)


def _inner(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner(arg)
            if found is not None:
                return found
    return None


@lru_cache(maxsize=4096)  # kinds, roles, places and offices repeat on every record
def _text(value: str, code: bool) -> str:
    return _checked(value, code)


def _checked(value: str, code: bool) -> str:
    """``value`` as written plain (a code in double quotes); ``_Unsure`` when it cannot be."""
    if code:
        if _CODE.fullmatch(value) is None:
            raise _Unsure
        return f'"{value}"'
    if (
        _PLAIN.fullmatch(value) is None
        or not value.isprintable()
        or value != value.strip()
        or "  " in value
        or _NOT_TEXT.fullmatch(value) is not None
    ):
        raise _Unsure
    return value


def _scalar(value: Any, code: bool) -> str:
    if isinstance(value, str):
        return _checked(value, code)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise _Unsure
