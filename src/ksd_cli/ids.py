"""Record ids: the one pattern of the record format, matched in full and in ASCII only."""

from __future__ import annotations

import re

from ksd_cli.errors import UserError
from ksd_cli.messages import Msg

#: ``KSD-6402-2024-007``: prefix, region code (2 or 4 digits), year, sequence (3+ digits).
#: ``[0-9]`` and ``fullmatch``: ``\\d`` would also accept Arabic-Indic or full-width digits,
#: and ``$`` a trailing newline.
PATTERNS = {
    "KSD": re.compile(r"KSD-(?:[0-9]{2}|[0-9]{4})-[0-9]{4}-[0-9]{3,}"),
    "POT": re.compile(r"POT-(?:[0-9]{2}|[0-9]{4})-[0-9]{4}-[0-9]{3,}"),
}
SHAPES = {"KSD": "KSD-<kode>-<tahun>-<urut>", "POT": "POT-<kode>-<tahun>-<urut>"}


def is_record_id(value: str, prefix: str | None = None) -> bool:
    """Whether ``value`` is an id of the record format (of kind ``prefix`` when given)."""
    patterns = [PATTERNS[prefix]] if prefix else PATTERNS.values()
    return any(p.fullmatch(value) for p in patterns)


def checked_id(value: str, prefix: str | None = None) -> str:
    """``value`` when it is a record id; otherwise a ``UserError`` saying what an id looks like.

    Every command that takes an id checks it before using it, so that an id never becomes
    a path (``ksd draft ../../outside/evil``).
    """
    if not is_record_id(value, prefix):
        raise UserError(Msg("id.invalid", value=value))
    return value
