"""The diff's values: record paths counted from 1, JSON-ready data, the summary counts."""

from __future__ import annotations

import math
from datetime import date, datetime

from ksd_cli.diff.model import MISSING, DiffResult, FieldChange, Side, jsonable, record_path


def test_record_paths_count_positions_from_one() -> None:
    assert record_path(("naskah", 1, "tanggal_ttd")) == "naskah[2].tanggal_ttd"
    assert record_path(("pihak", 0, "nomor", "pihak_kedua")) == "pihak[1].nomor.pihak_kedua"
    assert record_path(()) == ""


def test_jsonable_writes_dates_as_iso_text_and_nan_as_null() -> None:
    data = {"tanggal": date(2025, 1, 13), 7: [datetime(2025, 1, 13, 8, 30), math.nan, "x"]}
    assert jsonable(data) == {"tanggal": "2025-01-13", "7": ["2025-01-13T08:30:00", None, "x"]}


def test_a_field_change_knows_whether_it_added_removed_or_changed() -> None:
    assert FieldChange(("judul",), MISSING, "Baru").kind == "added"
    assert FieldChange(("judul",), "Lama", MISSING).kind == "removed"
    assert FieldChange(("judul",), "Lama", "Baru").kind == "changed"


def test_the_working_tree_is_the_side_without_a_commit() -> None:
    tree, head = Side("working tree", None), Side("HEAD", "0123abc", "0123abc")
    assert tree.working_tree and not head.working_tree
    result = DiffResult(head, tree, date(2026, 6, 30), ())
    assert result.as_dict() == {
        "schema_version": 1,
        "as_of": "2026-06-30",
        "before": {"revision": "HEAD", "commit": "0123abc", "working_tree": False},
        "after": {"revision": "working tree", "commit": None, "working_tree": True},
        "summary": {
            "added": 0,
            "removed": 0,
            "changed": 0,
            "flags_raised": 0,
            "flags_cleared": 0,
            "flags_unjudged": 0,
        },
        "records": [],
    }
