"""The layout of a ``ksd-konsolidasi.toml`` (pydantic: imported only when a list is read)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from ksd_cli.consolidate.sources import ExpectedRule


class Entry(BaseModel):
    """One source of the list: where it is, the region it is, the revision to clone."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    lokasi: Annotated[str, Field(min_length=1)]
    kode: str | None = None
    revisi: str | None = None


class ListFile(BaseModel):
    """The list: who is expected to report, and the sources."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    diharapkan: ExpectedRule | list[str] | None = None
    sumber: list[Entry] = []
