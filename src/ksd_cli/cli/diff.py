"""``ksd diff``: what changed in the records between two revisions, for a reviewer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional, TextIO

import typer

from ksd_cli.cli.common import (
    AsOfOption,
    ForceOption,
    LangOption,
    NoCacheOption,
    RootOption,
    as_of_date,
    language,
    repository,
)
from ksd_cli.cli.writing import OutputOption, format_option, plan_output

if TYPE_CHECKING:
    from ksd_cli.diff import DiffResult
    from ksd_cli.messages import Lang


def diff(
    rev_a: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time
        typer.Argument(
            metavar="REV_A",
            help="Compare from this revision (default: where this branch left the default "
            "branch, their merge base). Also A..B, and A...B (from the merge base of A and B).",
            show_default=False,
        ),
    ] = None,
    rev_b: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            metavar="REV_B",
            help="Compare to this revision (default: the working tree, uncommitted and "
            "untracked files included).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time
        format_option(
            "diff",
            "text; md for a pull request comment or job summary; json. Default: from "
            "the --output extension, else text.",
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Show what changed in the records: fields, stages, status, stalled flags.

    Records added and removed; changed fields as old → new by record path
    (naskah[2].tanggal_ttd, positions from 1); stage transitions and status changes as of
    --as-of; stalled flags that appear or clear. Reads the history with git.
    """
    from ksd_cli.diff import semantic_diff

    lang_ = language(lang)
    repo = repository(root)
    day = as_of_date(as_of, repo)
    plan = plan_output("diff", output_format, output, force=force)
    result = semantic_diff(repo, rev_a, rev_b, as_of=day, lang=lang_, use_cache=not no_cache)
    plan.write(result, lang=lang_)


def write_text(result: DiffResult, stream: TextIO, *, lang: Lang) -> None:
    """The diff for a terminal; record text is stripped of control sequences."""
    from ksd_cli.diff import render_text
    from ksd_cli.escaping import terminal_text

    stream.write(terminal_text(render_text(result, lang)))


def write_markdown(result: DiffResult, stream: TextIO, *, lang: Lang) -> None:
    """The diff for a pull-request comment or a job summary."""
    from ksd_cli.diff import render_markdown

    stream.write(render_markdown(result, lang))


def write_json(result: DiffResult, stream: TextIO, *, lang: Lang) -> None:
    """The diff's stable JSON form (the language does not change it)."""
    from ksd_cli.diff.render import write_json as write

    write(result, stream)
