"""``ksd fmt``: write records in the canonical form, or check that they are (``--check``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ksd_cli.cli.common import LangOption, RootOption, language, repository
from ksd_cli.escaping import terminal_text

if TYPE_CHECKING:
    from ksd_cli.fmt import FormatError, FormatOutcome
    from ksd_cli.messages import Lang


def fmt(
    paths: Annotated[
        Optional[list[Path]],  # noqa: UP045 - typer reads the annotation at run time
        typer.Argument(
            help="Record files or folders to format (default: every record of the repository).",
            show_default=False,
        ),
    ] = None,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; list the files that would change."),
    ] = False,
    show_diff: Annotated[
        bool,
        typer.Option("--diff", help="Write nothing; show what would change as a unified diff."),
    ] = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Format records canonically: key order, indentation, quoted codes, ISO dates.

    Comments, blank lines, line endings (CRLF stays CRLF) and a byte-order mark are kept; the
    result is checked to hold exactly the same data before a file is replaced (atomically).
    A file that does not load is reported and left untouched.

    Exit 0 when nothing needs formatting (or everything was formatted), 1 when --check or
    --diff finds files that would change, or a file cannot be formatted.
    """
    from ksd_cli.atomic import remove_stale_temporaries
    from ksd_cli.fmt import FormatError, format_each, write_outcome
    from ksd_cli.messages import message

    lang_ = language(lang)
    repo = repository(root)
    sources = repo.sources_for(paths) if paths else repo.source_files()
    max_bytes = repo.config.validate_.max_file_kb * 1024
    dry = check or show_diff
    out = sys.stdout
    changed = failed = 0
    if not dry:
        for folder in sorted({source.path.parent for source in sources}):
            remove_stale_temporaries(folder)  # left by a run that was killed
    # Only the files that change or fail are held: memory stays flat on a large repository.
    for outcome in format_each(sources, max_bytes=max_bytes, lang=lang_):
        if outcome.error is not None:
            failed += 1
            sys.stderr.write(_failure(outcome, outcome.error, lang_) + "\n")
            continue
        if not outcome.changed:
            continue
        if show_diff:
            out.write(outcome.diff())
        if check:
            (sys.stderr if show_diff else out).write(
                f"{message('fmt.would', lang_)}: {terminal_text(outcome.source.rel)}\n"
            )
        if not dry:
            try:
                write_outcome(outcome)
            except FormatError as exc:  # changed meanwhile, read-only, unwritable: the others go on
                failed += 1
                sys.stderr.write(_failure(outcome, exc, lang_) + "\n")
                continue
            out.write(f"{message('fmt.formatted', lang_)}: {terminal_text(outcome.source.rel)}\n")
        changed += 1
    same = len(sources) - changed - failed
    summary = message(
        "fmt.summary.check" if dry else "fmt.summary.write",
        lang_,
        changed=changed,
        same=same,
        failed=failed,
    )
    (sys.stderr if show_diff else out).write(summary + "\n")
    if dry and changed:
        label = message("boundary.hint-label", lang_)
        sys.stderr.write(f"  {label}: {message('fmt.hint', lang_)}\n")
    raise typer.Exit(1 if failed or (dry and changed) else 0)


def _failure(outcome: FormatOutcome, error: FormatError, lang: Lang) -> str:
    from ksd_cli.messages import message

    where = outcome.source.rel
    if error.line is not None:
        where += f":{error.line}"
        if error.column is not None:
            where += f":{error.column}"
    line = terminal_text(f"{where}: {message('fmt.failed', lang)}: {error.text(lang)}")
    hint = error.hint_text(lang)
    if hint:
        line += f"\n  {message('boundary.hint-label', lang)}: {terminal_text(hint)}"
    return line
