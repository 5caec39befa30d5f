"""``ksd report``: the evaluation report of a period, as an Excel workbook or Markdown."""

from __future__ import annotations

import enum
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ksd_cli.cli.common import (
    AsOfOption,
    ForceOption,
    LangOption,
    RootOption,
    as_of_date,
    language,
    repository,
)
from ksd_cli.errors import UsageProblem
from ksd_cli.messages import Msg, message

if TYPE_CHECKING:
    from ksd_cli.report import Period
    from ksd_cli.repository import Repository


class ReportFormat(enum.StrEnum):
    """Output formats of ``ksd report``."""

    xlsx = "xlsx"
    md = "md"


def report(
    periode: Annotated[
        Optional[int],  # noqa: UP045 - typer reads the annotation at run time
        typer.Option(
            "--periode",
            metavar="YYYY",
            help="Report on this calendar year (default: the year of the as-of date).",
            show_default=False,
        ),
    ] = None,
    date_from: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--from",
            metavar="YYYY-MM-DD",
            help="First day of the period (with --to, instead of --periode).",
            show_default=False,
        ),
    ] = None,
    date_to: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--to", metavar="YYYY-MM-DD", help="Last day of the period.", show_default=False
        ),
    ] = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="Excel workbook or Markdown.")
    ] = ReportFormat.xlsx,
    output: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE (default: ksd-laporan-<periode>.xlsx or .md in the working "
            "folder); '-' writes Markdown to stdout.",
            show_default=False,
        ),
    ] = None,
    force: ForceOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Write the evaluation report of a period, as an Excel workbook or Markdown.

    Stage, status and findings are as of --as-of; signings and monev count within the period.

    Prints the path of the file written.
    """
    from ksd_cli.atomic import refuse_overwrite, write_text_atomic
    from ksd_cli.gitio import head_commit
    from ksd_cli.idformat import number
    from ksd_cli.reference import load_reference
    from ksd_cli.report import build_report
    from ksd_cli.validate import load_sound_records

    lang_ = language(lang)
    start, end = _day(date_from, "--from"), _day(date_to, "--to")
    repo = repository(root)
    day = as_of_date(as_of, repo)
    period = _period(periode, start, end, day)
    to_stdout = output == "-"
    if to_stdout and output_format is ReportFormat.xlsx:
        raise UsageProblem("--output", Msg("usage.xlsx-to-stdout"))
    target = Path(output) if output else Path(f"ksd-laporan-{period.slug}.{output_format}")
    if not to_stdout:
        refuse_overwrite(target, force)

    sound = load_sound_records(repo, as_of=day, lang=lang_, today=repo.config.today())
    commit, changed = head_commit(repo.root, _data_paths(repo))
    result = build_report(
        sound,
        repo.config,
        load_reference(),
        as_of=day,
        period=period,
        data_commit=commit,
        data_changed=changed,
        lang=lang_,
    )
    if output_format is ReportFormat.xlsx:
        from ksd_cli.report import write_xlsx

        write_xlsx(result, target)
    else:
        from ksd_cli.report import render_markdown

        text = render_markdown(result, _environment(repo))
        if to_stdout:
            sys.stdout.write(text)
        else:
            write_text_atomic(target, text)
    if result.invalid:
        count = number(len(result.invalid), lang_)
        sys.stderr.write(f"ksd: {message('laporan.invalid-stderr', lang_, count=count)}\n")
    if not to_stdout:
        sys.stdout.write(f"{target}\n")


def _day(value: str | None, option: str) -> date | None:
    from ksd_cli.models import parse_date

    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise UsageProblem(option, Msg("usage.not-a-date", value=repr(value)))
    return parsed


def _period(year: int | None, start: date | None, end: date | None, as_of: date) -> Period:
    """The period from --periode or --from/--to; default the year of the as-of date."""
    from ksd_cli.report import Period

    if year is not None and (start or end):
        raise UsageProblem("--periode", Msg("usage.periode-or-range"))
    if (start is None) != (end is None):
        missing = "--to" if end is None else "--from"
        raise UsageProblem(missing, Msg("usage.from-to-together"))
    if year is not None:
        if not 1900 <= year <= 9999:
            raise UsageProblem("--periode", Msg("usage.not-a-year", value=year))
        period = Period.year(year)
    elif start is not None and end is not None:
        if end < start:
            raise UsageProblem("--to", Msg("usage.to-before-from", end=end, start=start))
        period = Period(start, end)
    else:
        period = Period.year(as_of.year)
    if as_of < period.start:
        raise UsageProblem(
            "--as-of", Msg("usage.as-of-before-period", as_of=as_of, start=period.start)
        )
    return period


def _data_paths(repo: Repository) -> list[str]:
    """The paths whose uncommitted changes make the report differ from the commit."""
    config = repo.config.paths
    return [config.agreements, config.potentials, "ksd.toml"]


def _environment(repo: Repository) -> object:
    from ksd_cli.jinja import make_environment

    return make_environment(repo)
