"""The Rancangan Pemetaan Potensi Kerja Sama Daerah: the matrix of potentials per urusan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ksd_cli.mapping.model import Coverage, FollowUp, Mapping, MappingRow, UrusanGroup

if TYPE_CHECKING:
    from ksd_cli.mapping.build import build_mapping

__all__ = ["Coverage", "FollowUp", "Mapping", "MappingRow", "UrusanGroup", "build_mapping"]


def __getattr__(name: str) -> Any:
    # ``build_mapping`` is imported when first asked for: the model alone (what
    # ``ksd consolidate`` reads back from its cache) does not need the records' readers.
    if name == "build_mapping":
        from ksd_cli.mapping.build import build_mapping

        return build_mapping
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
