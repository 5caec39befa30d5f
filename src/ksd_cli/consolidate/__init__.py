"""``ksd consolidate``: many regions' repositories seen together, by a province or Kemendagri.

The names below are imported from their modules when first used: the console script gives a
kept answer (``ksd_cli.consolidate.kept``) without loading the models that reading a
repository needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

#: Each name's module.
_HOMES = {
    "Options": "build",
    "consolidate": "build",
    "expected_regions": "build",
    "region_figures": "build",
    "Consolidation": "model",
    "Difference": "model",
    "Expected": "model",
    "FailingRecord": "model",
    "MirroredPair": "model",
    "OneSided": "model",
    "Position": "model",
    "Region": "model",
    "RegionFigures": "model",
    "LIST_FILE": "sources",
    "Source": "sources",
    "SourceList": "sources",
    "gather": "sources",
    "read_list": "sources",
}

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


def __getattr__(name: str) -> object:
    """A name of the package, from its module (imported now)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)
