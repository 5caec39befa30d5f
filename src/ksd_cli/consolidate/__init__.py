"""``ksd consolidate``: many regions' repositories seen together, by a province or Kemendagri."""

from __future__ import annotations

from ksd_cli.consolidate.build import Options, consolidate, expected_regions, region_figures
from ksd_cli.consolidate.model import (
    Consolidation,
    Difference,
    Expected,
    FailingRecord,
    MirroredPair,
    OneSided,
    Position,
    Region,
    RegionFigures,
)
from ksd_cli.consolidate.sources import LIST_FILE, Source, SourceList, gather, read_list

__all__ = [
    "LIST_FILE",
    "Consolidation",
    "Difference",
    "Expected",
    "FailingRecord",
    "MirroredPair",
    "OneSided",
    "Options",
    "Position",
    "Region",
    "RegionFigures",
    "Source",
    "SourceList",
    "consolidate",
    "expected_regions",
    "gather",
    "read_list",
    "region_figures",
]
