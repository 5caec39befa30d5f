"""The report's workbook as openpyxl reads it back, compared with goldens of every sheet.

The goldens were captured from openpyxl's own write-only writer (cell objects for every cell)
before the table rows were written as XML directly (issue 14): they hold, sheet by sheet,
every cell's value, data type, number format, font, fill, alignment and border, and the
sheet's column widths, row heights, merged cells, frozen panes, auto-filter, print titles,
page setup, footers, hyperlinks and charts. Any difference between the two writers fails here.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from conftest import check_golden
from helpers import generator

from ksd_cli.messages import Lang
from ksd_cli.reference import load_reference
from ksd_cli.report import Period, Report, build_report, write_xlsx
from report.conftest import AS_OF, GOLDEN, load, report_of

SAMPLE_ROOT = Path(__file__).resolve().parent.parent.parent


def _value(value: Any) -> Any:
    """A cell value as JSON: dates tagged, so that a date never equals its text."""
    if isinstance(value, datetime | date | time):
        return {type(value).__name__: value.isoformat()}
    if isinstance(value, float) and value.is_integer():
        return {"float": value}
    return value


def _color(color: Any) -> Any:
    return None if color is None else [color.type, color.rgb if color.type == "rgb" else None]


def _style(cell: Any) -> list[Any]:
    """The cell's number format, font, fill, alignment and border, as one comparable list."""
    font, fill, align, border = cell.font, cell.fill, cell.alignment, cell.border
    return [
        cell.number_format,
        [font.name, font.sz, font.b, font.i, font.u, _color(font.color)],
        [fill.fill_type, _color(fill.fgColor)],
        [align.horizontal, align.vertical, align.wrap_text, align.indent, align.textRotation],
        [
            (side.style, _color(side.color))
            for side in (border.left, border.right, border.top, border.bottom)
        ],
        cell.protection.locked,
    ]


def _chart(chart: Any) -> dict[str, Any]:
    anchor = chart.anchor._from
    refs = [series.val.numRef.f for series in chart.series]
    categories = [series.cat.numRef.f if series.cat.numRef else series.cat.strRef.f
                  for series in chart.series]  # fmt: skip
    return {
        "type": chart.tagname,
        "anchor": [anchor.col, anchor.row],
        "size": [chart.width, chart.height],
        "values": refs,
        "categories": categories,
    }


def workbook_facts(path: Path) -> dict[str, Any]:
    """Everything a reader of the workbook sees, sheet by sheet, as a JSON-able value."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    styles: list[list[Any]] = []
    style_ids: dict[str, int] = {}
    sheets = []
    worksheets: list[Any] = list(workbook.worksheets)  # Any: private _charts, optional parts
    for ws in worksheets:
        cells = []
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None and not cell.has_style:
                    continue
                style = _style(cell)
                key = json.dumps(style)
                if key not in style_ids:
                    style_ids[key] = len(styles)
                    styles.append(style)
                link = cell.hyperlink.location if cell.hyperlink else None
                cells.append(
                    [cell.coordinate, _value(cell.value), cell.data_type, style_ids[key], link]
                )
        setup = ws.page_setup
        sheets.append(
            {
                "title": ws.title,
                "dimensions": ws.dimensions,
                "columns": {k: d.width for k, d in sorted(ws.column_dimensions.items())},
                "rows": {str(k): d.height for k, d in sorted(ws.row_dimensions.items())},
                "merged": sorted(str(r) for r in ws.merged_cells.ranges),
                "freeze": ws.freeze_panes,
                "autofilter": ws.auto_filter.ref,
                "print_titles": [ws.print_title_rows, ws.print_title_cols],
                "page": [
                    setup.orientation,
                    setup.paperSize,
                    setup.fitToWidth,
                    setup.fitToHeight,
                    setup.scale,
                    setup.pageOrder,
                    ws.sheet_properties.pageSetUpPr.fitToPage,
                    ws.print_options.horizontalCentered,
                ],
                "footer": [ws.oddFooter.left.text, ws.oddFooter.right.text],
                "charts": [_chart(chart) for chart in ws._charts],
                "cells": cells,
            }
        )
    names = {name: str(value.attr_text) for name, value in workbook.defined_names.items()}
    return {"sheets": sheets, "styles": styles, "defined_names": names}


def _check(report: Report, name: str, tmp_path: Path, update: bool) -> None:
    target = tmp_path / "laporan.xlsx"
    # The version changes with every release; the goldens should not.
    write_xlsx(dataclasses.replace(report, ksd_version="0.0.0"), target)
    facts = json.dumps(workbook_facts(target), ensure_ascii=False, indent=0, sort_keys=True)
    check_golden(GOLDEN / f"{name}.xlsx.json", facts + "\n", update)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sample_workbook_equals_its_golden(tmp_path: Path, update_golden: bool, lang: Lang) -> None:
    loaded, config = load(SAMPLE_ROOT)
    report = build_report(
        loaded,
        config,
        load_reference(),
        as_of=AS_OF,
        period=Period.year(2024),
        data_commit="abc1234",
        lang=lang,
    )
    _check(report, f"sample-2024.{lang}", tmp_path, update_golden)


def test_generated_workbook_with_planted_mistakes_equals_its_golden(
    tmp_path: Path, update_golden: bool
) -> None:
    root = tmp_path / "gen"
    generator().generate(root, 70, seed=5, invalid_every=7)
    _check(report_of(root, Period.year(2024)), "generated-70", tmp_path, update_golden)
