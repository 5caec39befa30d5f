"""The message catalog: one entry per key, worded in both languages."""

from __future__ import annotations


def test_no_key_is_defined_in_two_areas() -> None:
    from collections import Counter

    from ksd_cli.messages import AREAS

    counts = Counter(key for area in AREAS for key in area.ENTRIES)
    assert [key for key, n in counts.items() if n > 1] == []
