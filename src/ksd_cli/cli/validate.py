"""``ksd validate``: check records, report findings, exit 1 on errors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from ksd_cli.loading import Progress

from ksd_cli.cli.common import (
    AsOfOption,
    ForceOption,
    LangOption,
    RootOption,
    as_of_date,
    language,
    repository,
)
from ksd_cli.cli.writing import OutputOption, format_option, plan_output
from ksd_cli.errors import UsageProblem
from ksd_cli.messages import Msg
from ksd_cli.outputs import FORMATS

PROGRESS_THRESHOLD = 200


def validate(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045
        typer.Argument(
            help="Record files to report on (default: the whole repository). References are "
            "still resolved against the whole repository.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time
        format_option(
            "validate",
            f"{', '.join(FORMATS['validate'])} or auto: auto is github under GitHub "
            "Actions, else text; sarif for GitHub code scanning, junit for test reports, "
            "gitlab for GitLab Code Quality. Default: from the --output extension, else auto.",
            extra=("auto",),
            # The seven choices as a metavar (auto|text|...|gitlab) took the column's width
            # and broke inside a word at 80 columns: FORMAT, and the help names them.
            metavar="FORMAT",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")] = False,
    changed_since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--changed-since",
            metavar="REV",
            help="Report only the records changed since this git revision (committed, staged, "
            "unstaged or untracked), and the findings they cause elsewhere (a removed "
            "potential still referenced). The whole repository is still loaded.",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read every file again instead of reusing what an earlier run found in files "
            "that have not changed (the cache in the user's cache folder; also KSD_NO_CACHE=1).",
        ),
    ] = False,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Check the records against the record format and the rules.

    Exit 0 when there is no error, 1 when there are errors (or warnings under --strict).
    """
    from ksd_cli.reporters import resolve_format
    from ksd_cli.validate import validate_repository

    lang_ = language(lang)
    if output_format == "auto" or (output_format is None and output in (None, "-")):
        output_format = resolve_format("auto")
    plan = plan_output("validate", output_format, output, force=force)
    repo = repository(root)
    day = as_of_date(as_of, repo)
    selected = [s.rel for s in repo.sources_for(paths)] if paths else None
    changed_ids = None
    if changed_since is not None:
        if paths:
            raise UsageProblem("--changed-since", Msg("usage.files-or-changed-since"))
        from ksd_cli.changes import changes_since

        selected, changed_ids = changes_since(
            repo, changed_since, use_cache=not no_cache
        ).selection()
    with _progress() as progress:
        report = validate_repository(
            repo,
            as_of=day,
            lang=lang_,
            paths=selected,
            progress=progress,
            changed_ids=changed_ids,
            use_cache=not no_cache,
        )
    plan.write(report, lang=lang_, color=False if plan.to_file else None, strict=strict)
    raise typer.Exit(1 if report.failed(strict=strict) else 0)


class _progress:
    """A progress bar on stderr for long runs on a terminal; nothing when piped."""

    def __enter__(self) -> Progress | None:
        if not sys.stderr.isatty():
            return None
        from rich.console import Console
        from rich.progress import Progress

        # Refreshed on each update rather than by a thread of its own: loading forks a pool
        # of workers only while no other thread runs (see pool.can_fork).
        self.bar = Progress(console=Console(stderr=True), transient=True, auto_refresh=False)
        self.task = None
        self.bar.start()

        def update(done: int, total: int) -> None:
            if total < PROGRESS_THRESHOLD:
                return
            if self.task is None:
                self.task = self.bar.add_task("memeriksa", total=total)
            self.bar.update(self.task, completed=done, refresh=True)

        return update

    def __exit__(self, *exc: object) -> None:
        if hasattr(self, "bar"):
            self.bar.stop()
