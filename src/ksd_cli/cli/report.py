"""``ksd report``: the evaluation report of a period: workbook, Markdown, Word or PDF."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ksd_cli.cli.common import (
    AsOfOption,
    ForceOption,
    LangOption,
    NoCacheOption,
    RootOption,
    as_of_date,
    checked_year,
    language,
    repository,
)
from ksd_cli.cli.writing import OutputOption, format_option, plan_output
from ksd_cli.errors import UsageProblem
from ksd_cli.messages import Msg, counted
from ksd_cli.outputs import FORMATS

if TYPE_CHECKING:
    from ksd_cli.report import Period
    from ksd_cli.repository import Repository


def report(
    periode: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time (checked_year)
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
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time
        format_option(
            "report",
            "Excel workbook, Markdown, Word document or PDF (default: from the --output "
            "extension, else xlsx).",
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    root: RootOption = None,
    lang: LangOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Write the evaluation report of a period: Excel workbook, Markdown, Word or PDF.

    Stage, status and findings are as of --as-of; signings and monev count within the period.

    Prints the path of the file written.
    """
    from ksd_cli.collector import collection_paused
    from ksd_cli.gitio import head_commit
    from ksd_cli.idformat import number
    from ksd_cli.reference import load_reference
    from ksd_cli.report import build_report_in
    from ksd_cli.report.prepare import Preparation

    lang_ = language(lang)
    year = checked_year("--periode", periode)
    start, end = _day(date_from, "--from"), _day(date_to, "--to")
    repo = repository(root)
    day = as_of_date(as_of, repo)
    period = _period(year, start, end, day)
    if output is None:
        # Without --output the report is a file all the same: ksd-laporan-<periode>.<format>.
        suffix = FORMATS["report"][output_format or "xlsx"].suffix
        output = f"ksd-laporan-{period.slug}{suffix}"
    plan = plan_output("report", output_format, output, force=force)

    commit, changed = head_commit(repo.root, _data_paths(repo))
    # The writer's imports and template, made ready while the workers parse the files.
    preparation = Preparation(plan.format.name, repo)
    # The report's values live until the process ends: the cycle collector need not scan
    # them after loading, nor again and again while the writers allocate the output.
    with collection_paused(kept=True):
        result = build_report_in(
            repo,
            load_reference(),
            as_of=day,
            period=period,
            data_commit=commit,
            data_changed=changed,
            lang=lang_,
            today=repo.config.today(),
            use_cache=not no_cache,
            progress=preparation.start,
        )
    preparation.finish()
    options: dict[str, object] = {}
    if plan.format.name == "md":
        options["env"] = preparation.environment or _environment(repo)
    elif plan.format.name in ("docx", "pdf"):
        options["kop"] = repo.config.laporan
    plan.write(result, **options)
    if result.invalid:
        n = len(result.invalid)
        keys = ("laporan.invalid-stderr.one", "laporan.invalid-stderr")
        sys.stderr.write(f"ksd: {counted(keys, lang_, n, count=number(n, lang_))}\n")


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
        # The option given is the value that cannot be used alone ("invalid value for --to"
        # named an option the user never gave).
        given = "--from" if end is None else "--to"
        raise UsageProblem(given, Msg("usage.from-to-together"))
    if year is not None:
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
