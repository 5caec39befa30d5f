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
        _mapping(data, Agreement, "", lines)
    except _Unsure:
        return None
    return "\n".join(lines) + "\n"


def _ordered(data: dict[str, Any], model: type[BaseModel] | None) -> list[str]:
    """The record format's keys in its order, then any other key as ``data`` has them."""
    position = _positions(model)
    last = len(position)
    return sorted(data, key=lambda k: position.get(k, last))  # stable: the others keep order


@cache
def _positions(model: type[BaseModel] | None) -> dict[str, int]:
    order = KEY_ORDER.get(model, ()) if model is not None else ()
    return {key: n for n, key in enumerate(order)}


@lru_cache(maxsize=1024)  # record keys: a few dozen names
def _plain_key(key: str) -> bool:
    return _PLAIN.fullmatch(key) is not None


@cache
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


def _mapping(
    data: dict[str, Any], model: type[BaseModel] | None, pad: str, lines: list[str], first: str = ""
) -> None:
    """Write ``data``'s entries; the first one after ``first`` (a list item's ``- ``)."""
    if not data:
        raise _Unsure
    for n, key in enumerate(_ordered(data, model)):
        lead = first if n == 0 and first else pad
        _entry(key, data[key], model, pad, lead, lines)


def _entry(
    key: str, value: Any, model: type[BaseModel] | None, pad: str, lead: str, lines: list[str]
) -> None:
    if not isinstance(key, str) or not _plain_key(key):
        raise _Unsure
    child = _child(model, key)
    if isinstance(value, dict):
        lines.append(f"{lead}{key}:")
        _mapping(value, child, pad + "  ", lines)
    elif isinstance(value, list):
        if not value:
            raise _Unsure
        lines.append(f"{lead}{key}:")
        for item in value:
            dash = pad + "  - "
            if isinstance(item, dict):
                _mapping(item, child, pad + "    ", lines, first=dash)
            elif isinstance(item, list):
                raise _Unsure
            else:
                lines.append(dash + _scalar(item, key in CODE_FIELDS))
    else:
        lines.append(f"{lead}{key}: {_scalar(value, key in CODE_FIELDS)}")


def _scalar(value: Any, code: bool) -> str:
    if isinstance(value, str):  # first: most values are text
        if code:
            if _CODE.fullmatch(value) is None:
                raise _Unsure
            return f'"{value}"'
        plain = (
            _PLAIN.fullmatch(value) is not None
            and value.isprintable()
            and value == value.strip()
            and "  " not in value
            and _NOT_TEXT.fullmatch(value) is None
        )
        if not plain:
            raise _Unsure
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise _Unsure
