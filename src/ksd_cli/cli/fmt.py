"""``ksd fmt``: write records in the canonical form, or check that they are (``--check``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ksd_cli.cli.common import LangOption, RootOption, language, repository
from ksd_cli.escaping import terminal_text

if TYPE_CHECKING:
    from ksd_cli.fmt import FormatOutcome
    from ksd_cli.messages import Lang

_TEXT: dict[str, tuple[str, str]] = {
    "formatted": ("diformat", "formatted"),
    "would": ("perlu diformat", "would be formatted"),
    "failed": ("tidak dapat diformat", "cannot be formatted"),
    "summary.write": (
        "{changed} berkas diformat, {same} sudah rapi, {failed} gagal",
        "{changed} files formatted, {same} unchanged, {failed} failed",
    ),
    "summary.check": (
        "{changed} berkas perlu diformat, {same} sudah rapi, {failed} gagal",
        "{changed} files would be formatted, {same} unchanged, {failed} failed",
    ),
    "hint": (
        "jalankan `ksd fmt` untuk merapikannya",
        "run `ksd fmt` to format them",
    ),
}


def _t(key: str, lang: Lang, **args: object) -> str:
    return _TEXT[key][0 if lang == "id" else 1].format(**args)


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
    from ksd_cli.fmt import format_sources, write_outcome

    lang_ = language(lang)
    repo = repository(root)
    sources = repo.sources_for(paths) if paths else repo.source_files()
    outcomes = format_sources(sources, max_bytes=repo.config.validate_.max_file_kb * 1024)
    dry = check or show_diff
    out = sys.stdout
    changed = failed = 0
    for outcome in outcomes:
        if outcome.error is not None:
            failed += 1
            sys.stderr.write(_failure(outcome, lang_) + "\n")
            continue
        if not outcome.changed:
            continue
        changed += 1
        if show_diff:
            out.write(outcome.diff())
        if check:
            (sys.stderr if show_diff else out).write(
                f"{_t('would', lang_)}: {terminal_text(outcome.source.rel)}\n"
            )
        if not dry:
            write_outcome(outcome)
            out.write(f"{_t('formatted', lang_)}: {terminal_text(outcome.source.rel)}\n")
    same = len(outcomes) - changed - failed
    summary = _t(
        "summary.check" if dry else "summary.write",
        lang_,
        changed=changed,
        same=same,
        failed=failed,
    )
    (sys.stderr if show_diff else out).write(summary + "\n")
    if dry and changed:
        sys.stderr.write(f"  hint: {_t('hint', lang_)}\n")
    raise typer.Exit(1 if failed or (dry and changed) else 0)


def _failure(outcome: FormatOutcome, lang: Lang) -> str:
    from ksd_cli.fmt import describe_problem

    error = outcome.error
    assert error is not None
    where = outcome.source.rel
    if error.line is not None:
        where += f":{error.line}"
        if error.column is not None:
            where += f":{error.column}"
    reason = describe_problem(error.problem, lang) if error.problem is not None else error.message
    return terminal_text(f"{where}: {_t('failed', lang)}: {reason}")
