"""The drafting context: what the naskah templates are given of a record."""

from __future__ import annotations

from ksd_cli.draft.context import build_context
from ksd_cli.loading import load_records
from ksd_cli.models import Agreement
from ksd_cli.reference import load_reference
from ksd_cli.repository import Repository

BANJIR = "KSD-6402-2023-001"  # signed KB, draft PKS


def test_a_supporting_urusan_is_named_not_shown_as_a_bare_code(repo: Repository) -> None:
    loaded = load_records(repo, lang="id")
    (agreement,) = [r.record for r in loaded.records if r.record.id == BANJIR]
    assert isinstance(agreement, Agreement)
    # v1.1: "5.02" keuangan is a supporting function, listed apart from the 32 affairs
    changed = agreement.model_copy(update={"urusan": ["5.02", *agreement.urusan]})
    context = build_context(changed, 0, load_reference(), owner_code="64.02")
    assert context.kerja_sama.urusan[0] == "keuangan"
    assert "5.02" not in context.kerja_sama.urusan
