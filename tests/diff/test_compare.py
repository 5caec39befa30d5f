"""Comparing two snapshots: which records changed, how their stage and flags moved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from gitrepos import AGR, DAY, PASAR, POT, POTENSI, SAMPAH, commit, git, put

from ksd_cli.cli import main
from ksd_cli.diff import MISSING, semantic_diff
from ksd_cli.diff.render import render_markdown, render_text
from ksd_cli.repository import open_repository

pytestmark = pytest.mark.usefixtures("hermetic_git")


def test_diff_between_commits_names_every_change(git_branched: Path) -> None:
    result = semantic_diff(open_repository(git_branched), "main", "pks", as_of=DAY)
    assert [(r.id, r.change) for r in result.records] == [
        ("KSD-6402-2025-001", "changed"),
        ("KSD-6402-2025-002", "removed"),
        ("KSD-6402-2026-001", "added"),
    ]
    sampah = result.records[0]
    # The added document is given leaf by leaf, so that every value can be read.
    assert [(f.path, f.kind, f.old, f.new) for f in sampah.fields] == [
        ("naskah[2].jenis", "added", MISSING, "perjanjian_kerja_sama"),
        ("naskah[2].tanggal_ttd", "added", MISSING, date(2025, 9, 15)),
        ("tahapan[1].tanggal", "changed", date(2025, 1, 10), date(2025, 1, 13)),
    ]
    assert sampah.tahap is not None and sampah.status is not None
    assert (sampah.tahap.old, sampah.tahap.new) == ("penandatanganan_kb", "penandatanganan_pks")
    assert (sampah.status.old, sampah.status.new) == ("aktif", "aktif")
    assert [f.code for f in sampah.flags_raised] == ["pks_tanpa_pelaksanaan"]
    assert [f.code for f in sampah.flags_cleared] == ["kb_tanpa_pks"]
    assert sampah.stuck
    removed, added = result.records[1], result.records[2]
    assert removed.tahap is not None and added.status is not None
    assert removed.judul == "Pasar Induk Bersama" and removed.tahap.old == "identifikasi"
    assert added.judul == "Terminal Sungai Bersama" and added.status.new == "draf"
    # The market proposal has not moved since its identification (2025-02-01, 514 days):
    # usulan_tanpa_kemajuan leaves with the removed record and comes with the added copy.
    assert [f.code for f in removed.flags_cleared] == ["usulan_tanpa_kemajuan"]
    assert [f.code for f in added.flags_raised] == ["usulan_tanpa_kemajuan"]
    assert result.as_dict()["summary"] == {
        "added": 1,
        "removed": 1,
        "changed": 1,
        "flags_raised": 2,
        "flags_cleared": 2,
        "flags_unjudged": 0,
    }


def test_two_dots_and_three_dots(git_branched: Path) -> None:
    # main moves on after the branch left it: the potential's issue is reworded there.
    git(git_branched, "switch", "-q", "main")
    put(git_branched, f"{POT}/POT-6402-2024-001.yaml", POTENSI.replace("hampir penuh", "penuh"))
    commit(git_branched, "Isu diperbarui")
    repository = open_repository(git_branched)
    two = semantic_diff(repository, "main..pks", None, as_of=DAY)
    assert two.as_dict() == semantic_diff(repository, "main", "pks", as_of=DAY).as_dict()
    assert "POT-6402-2024-001" in [r.id for r in two.records]
    three = semantic_diff(repository, "main...pks", None, as_of=DAY)
    assert [r.id for r in three.records] == [
        "KSD-6402-2025-001",
        "KSD-6402-2025-002",
        "KSD-6402-2026-001",
    ]


def test_formatting_alone_is_not_a_change_and_placeholders_are_listed(git_repo: Path) -> None:
    put(git_repo, f"{AGR}/KSD-6402-2025-002.yaml", "# disunting\n" + PASAR.replace('"', "'"))
    assert main(["new", "agreement", "--as-of", "2026-01-05", "--root", str(git_repo)]) == 0
    result = semantic_diff(open_repository(git_repo), "HEAD", None, as_of=DAY)
    (new,) = result.records
    assert new.id == "KSD-6402-2026-001" and new.change == "added"
    assert new.placeholders == ("judul", "pihak[2].nama", "catatan")


def test_a_record_that_no_longer_validates_is_marked(git_repo: Path) -> None:
    put(git_repo, f"{AGR}/KSD-6402-2025-002.yaml", PASAR.replace("ksdd_sukarela", "ksdd-sukarela"))
    (record,) = semantic_diff(open_repository(git_repo), "HEAD", None, as_of=DAY).records
    assert (record.valid_before, record.valid_after) == (True, False)
    assert [(f.path, f.old, f.new) for f in record.fields] == [
        ("jenis", "ksdd_sukarela", "ksdd-sukarela")
    ]
    assert record.tahap is not None
    assert (record.tahap.old, record.tahap.new) == ("identifikasi", None)


def test_a_record_with_a_rule_error_is_invalid_and_judged_no_more(git_repo: Path) -> None:
    # The schema passes; the PKS signed before its KB is rule C006: an error.
    early_pks = "  - jenis: perjanjian_kerja_sama\n    tanggal_ttd: 2025-01-02\n"
    put(
        git_repo,
        f"{AGR}/KSD-6402-2025-001.yaml",
        SAMPAH.replace("tahapan:\n", early_pks + "tahapan:\n"),
    )
    result = semantic_diff(open_repository(git_repo), "HEAD", None, as_of=DAY)
    (record,) = [r for r in result.records if r.id == "KSD-6402-2025-001"]
    assert (record.valid_before, record.valid_after) == (True, False)
    assert record.tahap is not None
    assert (record.tahap.old, record.tahap.new) == ("penandatanganan_kb", None)
    assert record.flags_raised == ()
    # Its potential is still followed up: no flag appears on it.
    assert not [r for r in result.records if r.id == "POT-6402-2024-001"]


def test_a_flag_of_a_record_that_breaks_is_not_judged_not_cleared(git_repo: Path) -> None:
    # The potential the agreement names is deleted: the agreement fails R004. Its
    # kb_tanpa_pks is not known after, so it did not clear: it is listed as not judged.
    (git_repo / POT / "POT-6402-2024-001.yaml").unlink()
    for quick in (True, False):
        result = semantic_diff(open_repository(git_repo), "HEAD", None, as_of=DAY, quick=quick)
        (record,) = [r for r in result.records if r.id == "KSD-6402-2025-001"]
        assert (record.valid_before, record.valid_after) == (True, False)
        assert record.flags_cleared == () and record.flags_raised == ()
        assert [f.code for f in record.flags_unjudged] == ["kb_tanpa_pks"]
        summary = result.as_dict()["summary"]
        assert isinstance(summary, dict)
        assert (summary["flags_cleared"], summary["flags_unjudged"]) == (0, 1)
        records = result.as_dict()["records"]
        assert isinstance(records, list)
        (agreement,) = [r for r in records if r["id"] == "KSD-6402-2025-001"]
        assert agreement["flags_cleared"] == []
        assert [f["code"] for f in agreement["flags_unjudged"]] == ["kb_tanpa_pks"]
    text = render_text(result)
    assert "0 muncul, 0 teratasi, 1 tidak dinilai" in text
    assert "tidak dinilai  kb_tanpa_pks" in text and "teratasi  kb_tanpa_pks" not in text
    markdown = render_markdown(result, "en")
    assert "0 cleared, 1 not judged" in markdown
    assert "❔ `kb_tanpa_pks`" in markdown and "~~`kb_tanpa_pks`~~" not in markdown


def test_a_flag_of_a_record_that_is_mended_did_not_appear(git_repo: Path) -> None:
    # Broken in the commit, mended in the working tree: its flag was not known before.
    put(git_repo, f"{AGR}/KSD-6402-2025-001.yaml", SAMPAH + 'judul: "rusak\n')
    commit(git_repo, "Rusak")
    put(git_repo, f"{AGR}/KSD-6402-2025-001.yaml", SAMPAH)
    result = semantic_diff(open_repository(git_repo), "HEAD", None, as_of=DAY)
    (record,) = [r for r in result.records if r.id == "KSD-6402-2025-001"]
    assert (record.valid_before, record.valid_after) == (False, True)
    assert record.flags_raised == () and not record.stuck
    assert [f.code for f in record.flags_unjudged] == ["kb_tanpa_pks"]
    assert (result.flags_raised, result.flags_unjudged) == (0, 1)


_ALIKE_OR_NOT = [
    ({"a": 1}, {"a": 1}),
    ({"a": 1, "b": [1, 2]}, {"b": [1, 2], "a": 1}),  # key order: the same JSON
    ({"a": 1}, {"a": True}),
    ({"a": 1}, {"a": 1.0}),
    ([0.0], [-0.0]),
    ([float("nan")], [float("nan")]),
    ([float("nan")], [None]),
    ({"a": date(2025, 1, 2)}, {"a": "2025-01-02"}),  # a date is its ISO text in JSON
    ({1: "x"}, {"1": "x"}),
    ({True: "x"}, {1: "x"}),
    ([{"a": [1, {"b": None}]}], [{"a": [1, {"b": None}]}]),
    ([{"a": [1, {"b": None}]}], [{"a": [1, {"b": ""}]}]),
    ([1, 2], [1, 2, 3]),
    ({"a": 1}, {"a": 1, "b": 2}),
    ({"a": 1}, [1]),
    ("x", ["x"]),
]


@pytest.mark.parametrize(("old", "new"), _ALIKE_OR_NOT)
def test_values_are_the_same_exactly_when_their_json_is(old: object, new: object) -> None:
    """The shortcut for equal values of the same types never changes what counts as changed."""
    from ksd_cli.diff.compare import _key, _same

    assert _same(old, new) == (_key(old) == _key(new))
    assert _same(new, old) == (_key(new) == _key(old))
