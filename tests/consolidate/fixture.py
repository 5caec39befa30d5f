"""The fixture of five regions: four repositories of Kalimantan Timur and one that is missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ksd_cli.consolidate import Consolidation, Options, consolidate, gather
from ksd_cli.messages import Lang

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "consolidate"
AS_OF = date(2025, 6, 30)


def run(workers: int | None = 1, lang: Lang = "id") -> Consolidation:
    """The consolidation of the fixture's list file as of 30 June 2025."""
    listed = gather(["ksd-konsolidasi.toml"], cwd=FIXTURE)
    return consolidate(
        listed.sources,
        Options(as_of=AS_OF, lang=lang),
        expected=listed.expected,
        workers=workers,
    )
