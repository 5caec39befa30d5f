"""``ksd diff``: what changed in the records between two revisions, for a reviewer."""

from __future__ import annotations

import enum
import json
import sys
from typing import Annotated, Optional

import typer

from ksd_cli.cli.common import AsOfOption, LangOption, RootOption, as_of_date, language, repository


class DiffFormat(enum.StrEnum):
    """Output formats of ``ksd diff``."""

    text = "text"
    md = "md"
    json = "json"


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
        DiffFormat,
        typer.Option(
            "--format", "-f", help="text; md for a pull request comment or job summary; json."
        ),
    ] = DiffFormat.text,
    as_of: AsOfOption = None,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Show what changed in the records: fields, stages, status, stalled flags.

    Records added and removed; changed fields as old → new by record path
    (naskah[2].tanggal_ttd, positions from 1); stage transitions and status changes as of
    --as-of; stalled flags that appear or clear. Reads the history with git.
    """
    from ksd_cli.diff import render_markdown, render_text, semantic_diff

    lang_ = language(lang)
    repo = repository(root)
    day = as_of_date(as_of, repo)
    result = semantic_diff(repo, rev_a, rev_b, as_of=day, lang=lang_)
    if output_format is DiffFormat.json:
        json.dump(result.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif output_format is DiffFormat.md:
        sys.stdout.write(render_markdown(result, lang_))
    else:
        sys.stdout.write(render_text(result, lang_))
