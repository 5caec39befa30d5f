"""``ksd mapping --format md|json``: the mapping as Markdown (``pemetaan.md.j2``) or JSON."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ksd_cli.escaping import markdown_cell
from ksd_cli.idformat import date_text
from ksd_cli.mapping.model import Mapping
from ksd_cli.mapping.table import (
    columns,
    coverage_lines,
    group_title,
    period_title,
    text_cells,
)
from ksd_cli.messages import message

#: Template name; a data repository overrides it with its own ``templates/pemetaan.md.j2``.
TEMPLATE = "pemetaan.md.j2"


def render_markdown(mapping: Mapping, env: Any) -> str:
    """The mapping as Markdown, rendered with ``env`` (the ksd Jinja environment).

    The template receives ``pemetaan`` (the raw values), ``header`` (column headers),
    ``urusan`` (per urusan: ``judul`` and ``rows`` of escaped cells), ``cakupan`` (label,
    value) pairs and ``teks`` (the document's words in its language).
    """
    lang = mapping.lang
    counter = 0
    groups = []
    for group in mapping.groups:
        rows = []
        for row in group.rows:
            counter += 1
            rows.append(tuple(markdown_cell(c) for c in text_cells(row, counter, lang)))
        groups.append({"judul": markdown_cell(group_title(group)), "rows": rows})
    teks = {
        key.replace("-", "_"): message(f"pemetaan.{key}", lang)
        for key in ("title", "daerah", "keadaan-per", "sumber", "belum", "matrix", "cakupan")
    }
    teks |= {
        "periode": period_title(mapping),
        "keadaan": date_text(mapping.as_of, lang),
        "invalid": message("pemetaan.invalid", lang),
    }
    template = env.get_template(TEMPLATE)
    text: str = template.render(
        pemetaan=mapping,
        header=[markdown_cell(c.header) for c in columns(lang)],
        urusan=groups,
        cakupan=coverage_lines(mapping),
        teks=teks,
    )
    return text.rstrip("\n") + "\n"


def write_markdown(mapping: Mapping, stream: TextIO, *, env: Any) -> None:
    """The output writer of ``ksd mapping --format md``."""
    stream.write(render_markdown(mapping, env))


def write_json(mapping: Mapping, stream: TextIO) -> None:
    """The output writer of ``ksd mapping --format json`` (with ``schema_version``)."""
    json.dump(mapping.as_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
