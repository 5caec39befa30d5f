"""``ksd report``: the evaluation report of a region's cooperation, in Excel and Markdown."""

from __future__ import annotations

from ksd_cli.report.build import build_report, build_report_in
from ksd_cli.report.excel import SHEETS, write_xlsx
from ksd_cli.report.markdown import TEMPLATE, render_markdown
from ksd_cli.report.model import Cell, Column, Figure, Period, Report, Share, Table

__all__ = [
    "SHEETS",
    "TEMPLATE",
    "Cell",
    "Column",
    "Figure",
    "Period",
    "Report",
    "Share",
    "Table",
    "build_report",
    "build_report_in",
    "render_markdown",
    "write_xlsx",
]
