"""The diff for people: the terminal text and the Markdown comment, in either language."""

from __future__ import annotations

from datetime import date

from ksd_cli.diff.model import DiffResult, FieldChange, RecordDiff, Side, Transition
from ksd_cli.diff.render import render_markdown, render_text, show_value

HEAD = Side("HEAD", "0123abcdef", "0123abc")
TREE = Side(None, None)


def result(*records: RecordDiff) -> DiffResult:
    return DiffResult(HEAD, TREE, date(2026, 6, 30), records)


PASAR = RecordDiff(
    path="data/agreements/KSD-6402-2025-002.yaml",
    id="KSD-6402-2025-002",
    kind="agreement",
    change="changed",
    judul="Pasar | Induk",
    fields=(FieldChange(("judul",), "Pasar Induk", "Pasar | Induk"),),
    tahap=Transition("identifikasi", "identifikasi"),
    status=Transition("draf", "draf"),
    valid_before=True,
    valid_after=False,
)


def test_an_empty_diff_says_so_in_the_chosen_language() -> None:
    assert render_text(result(), "id").splitlines() == [
        "ksd diff HEAD (0123abc) → pohon kerja · per 2026-06-30",
        "0 diubah, 0 ditambahkan, 0 dihapus · tanda macet: 0 muncul, 0 teratasi",
        "",
        "Tidak ada perubahan rekaman.",
    ]
    english = render_text(result(), "en").splitlines()
    assert english[0] == "ksd diff HEAD (0123abc) → working tree · as of 2026-06-30"
    assert english[-1] == "No record changed."


def test_a_record_that_stops_validating_is_marked_in_text_and_markdown() -> None:
    text = render_text(result(PASAR), "en")
    assert "invalid on the after side: run ksd validate" in text
    assert "tidak valid di sisi sesudah" in render_text(result(PASAR), "id")
    markdown = render_markdown(result(PASAR), "en")
    assert markdown.startswith("### Record changes: `HEAD (0123abc)`")
    # A value holding a pipe does not break the table it sits in.
    assert "Pasar \\| Induk" in markdown and "| Pasar | Induk |" not in markdown


def test_values_are_shown_on_one_shortened_line() -> None:
    assert show_value({"a": [date(2025, 1, 13), True, None]}) == "{a: [2025-01-13, true, —]}"
    assert show_value("satu\n  dua") == "satu dua"
    assert show_value("x" * 100, limit=10) == "x" * 9 + "…"
