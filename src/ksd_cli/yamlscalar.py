"""The values of plain scalars under YAML 1.2, as ruamel.yaml resolves them.

Shared by the full reader (``yamlread``) and the quick one (``yamlquick``).
"""

from __future__ import annotations

import math
import re
import string
from datetime import date, datetime
from typing import Any

# The YAML 1.2 implicit resolvers of ruamel.yaml (resolver.py, versions (1, 2)), copied so that
# the fast path needs no ruamel import; tests/test_yamlread_differential.py keeps them honest.
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_FLOAT = re.compile(
    r"""^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)
NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_TIMESTAMP = re.compile(
    r"""^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}
    (?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?
    (?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$""",
    re.X,
)

#: The first characters of the plain scalars that may resolve as numbers or dates.
NUMBER_FIRST = frozenset("-+0123456789.")
#: Longest decimal integer read: Python refuses to convert longer digit strings (its
#: int-string limit), and no value of a record comes near it.
MAX_INT_DIGITS = 4300


def resolve_plain(value: str) -> Any:
    """The value of a plain (unquoted) scalar under ruamel.yaml's YAML 1.2 rules.

    A date-shaped scalar that is no real date (``2024-02-30``) stays a string, so that the
    schema reports it at its position instead of the reader failing.
    """
    first = value[:1]
    if first in "tTfF" and _BOOL.match(value):
        return first in "tT"
    if first in "~nN" or not value:
        if NULL.match(value):
            return None
        return value
    if first in NUMBER_FIRST:
        if value[4:5] == "-" and _DATE.match(value):
            # A date is neither an integer nor a float: read first, it is the common case.
            try:
                return date.fromisoformat(value)
            except ValueError:
                return value
        if INT.match(value) and first != ".":
            return _int(value)
        if _FLOAT.match(value):
            return _float(value)
        if first in "0123456789" and _TIMESTAMP.match(value):
            return _timestamp(value)
    return value


def digitless_number(value: str) -> bool:
    """Whether ruamel's YAML 1.2 resolver takes plain ``value`` for a number without a digit.

    ``-_``, ``0x_``, ``._``: its resolver lets underscores stand for digits, and its
    constructor then fails. They are text, as libyaml and YAML 1.2's core schema read them.
    """
    if value[:1] not in NUMBER_FIRST or not (INT.match(value) or _FLOAT.match(value)):
        return False
    digits = value.replace("_", "").lstrip("+-").lower()
    if digits in (".inf", ".nan"):
        return False
    if digits[:2] == "0x":
        return not any(c in string.hexdigits for c in digits[2:])  # 0xa is ten
    if digits[:2] in ("0b", "0o"):
        digits = digits[2:]
    return not any(c.isdigit() for c in digits)


def _int(text: str) -> int | str:
    # ruamel's resolver takes underscores for digits, so "-_" or "0x_" resolve as integers
    # without a digit: ruamel then fails to build them. They are text here (as libyaml and
    # YAML 1.2's core schema read them), not a crash of the reader.
    digits = text.replace("_", "")
    sign = -1 if digits[:1] == "-" else 1
    if digits[:1] in ("+", "-"):
        digits = digits[1:]
    base = {"0b": 2, "0x": 16, "0o": 8}.get(digits[:2], 10)
    if base != 10:
        digits = digits[2:]
    if not digits:
        return text
    if len(digits) > MAX_INT_DIGITS:
        return text  # beyond Python's int-string limit: the reader reports it
    return sign * int(digits, base)


def _float(text: str) -> float | str:
    digits = text.replace("_", "").lower()
    sign = -1.0 if digits[0] == "-" else 1.0
    if digits[0] in "+-":
        digits = digits[1:]
    if digits == ".inf":
        return sign * math.inf
    if digits == ".nan":
        return math.nan
    if not any(c.isdigit() for c in digits):
        return text  # "._": a float without a digit, text as for "-_" (see ``_int``)
    return sign * float(digits)


def _timestamp(text: str) -> datetime | str:
    normalised = re.sub(r"[ \t]+", " ", text.replace("t", "T")).replace(" Z", "Z")
    normalised = normalised.replace("T", " ", 1)
    try:
        return datetime.fromisoformat(normalised.replace(" ", "T", 1))
    except ValueError:
        return text
