"""The Rancangan Pemetaan Potensi Kerja Sama Daerah: the matrix of potentials per urusan."""

from __future__ import annotations

from ksd_cli.mapping.build import build_mapping
from ksd_cli.mapping.model import Coverage, FollowUp, Mapping, MappingRow, UrusanGroup

__all__ = ["Coverage", "FollowUp", "Mapping", "MappingRow", "UrusanGroup", "build_mapping"]
