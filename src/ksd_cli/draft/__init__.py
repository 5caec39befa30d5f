"""Drafting naskah (KB, PKS, nota kesepakatan, adendum) from a record: ``ksd draft``."""

from __future__ import annotations

from ksd_cli.draft.context import DraftContext, MissingField, build_context
from ksd_cli.draft.provenance import Provenance
from ksd_cli.draft.render import (
    TEMPLATES,
    NaskahIncomplete,
    OutputFormat,
    RenderedNaskah,
    Selection,
    document_title,
    missing_fields,
    render_naskah,
    select_naskah,
    write_naskah,
)

__all__ = [
    "TEMPLATES",
    "DraftContext",
    "MissingField",
    "NaskahIncomplete",
    "OutputFormat",
    "Provenance",
    "RenderedNaskah",
    "Selection",
    "build_context",
    "document_title",
    "missing_fields",
    "render_naskah",
    "select_naskah",
    "write_naskah",
]
