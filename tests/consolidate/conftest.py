"""The fixture of five regions: four repositories of Kalimantan Timur and one that is missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ksd_cli.consolidate import Consolidation, Options, consolidate, gather

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "consolidate"
AS_OF = date(2025, 6, 30)


def run(workers: int | None = 1, lang: str = "id") -> Consolidation:
    listed = gather(["ksd-konsolidasi.toml"], cwd=FIXTURE)
    return consolidate(
        listed.sources,
        Options(as_of=AS_OF, lang=lang),  # type: ignore[arg-type]
        expected=listed.expected,
        workers=workers,
    )


@pytest.fixture(scope="module")
def result() -> Consolidation:
    return run()
