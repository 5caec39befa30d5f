"""Options shared by the commands, and the helpers that turn them into library arguments."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, ParamSpec, TypeVar

import typer

from ksd_cli.errors import UsageProblem, UserError
from ksd_cli.escaping import terminal_text
from ksd_cli.messages import Lang, Msg, boundary_lang, chosen_lang, env_lang, message
from ksd_cli.stdout import OutputError, output_failed

if TYPE_CHECKING:
    from ksd_cli.answers import Answers
    from ksd_cli.repository import Repository

RootOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at run time
    typer.Option(
        "--root",
        help="Root of the data repository (default: found from the working folder upward).",
        file_okay=False,
        show_default=False,
    ),
]
AsOfOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Judge dates as of this day (default: today in the region's zona_waktu).",
        show_default=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")]
LangOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--lang",
        metavar="id|en",
        help="Language of messages (default: KSD_LANG, else id).",
        show_default=False,
    ),
]

# issue 14 (scale): the record cache, off for one run.
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read every file again instead of reusing what an earlier run found in files "
        "that have not changed (the cache in the user's cache folder; also KSD_NO_CACHE=1).",
    ),
]


def repository(root: Path | None) -> Repository:
    """Open the repository named by ``--root`` or found from the working folder."""
    from ksd_cli.repository import open_repository

    return open_repository(root)


def answers_for(root: Path | None, command: str, *, no_cache: bool) -> Answers | None:
    """The answers of ``command`` kept for the repository at ``--root`` (or found upward).

    See ``ksd_cli.answers.kept_answers``.
    """
    from ksd_cli.answers import kept_answers

    return kept_answers(root, command, no_cache=no_cache)


def as_of_date(value: str | None, repo: Repository) -> date:
    """Parse ``--as-of``; default today in the region's time zone."""
    from ksd_cli.models import parse_date

    if value is None:
        return repo.config.today()
    parsed = parse_date(value)
    if parsed is None:
        raise UsageProblem("--as-of", Msg("usage.not-a-date", value=repr(value)))
    return parsed


def checked_year(option: str, value: str | None) -> int | None:
    """A year option (``--tahun``, ``--periode``): a year within the years records may hold.

    The options are read as text, not as numbers by Click, so that a value that is no year
    (``abc``) is worded from the catalog in the user's language, as ``--as-of`` is.
    """
    from ksd_cli.models import TANGGAL_MAX, TANGGAL_MIN

    if value is None:
        return None
    if not (value.isascii() and value.isdigit()):
        raise UsageProblem(option, Msg("usage.not-a-year", value=repr(value)))
    year, low, high = int(value), TANGGAL_MIN.year, TANGGAL_MAX.year
    if not low <= year <= high:
        raise UsageProblem(option, Msg("usage.year-out-of-range", value=year, low=low, high=high))
    return year


def language(value: str | None) -> Lang:
    """Resolve ``--lang`` (or ``KSD_LANG``); anything but id/en is a usage error."""
    lang = chosen_lang(value)
    if lang is None:
        option, given = ("--lang", value) if value is not None else ("KSD_LANG", env_lang())
        raise UsageProblem(option, Msg("usage.not-one-of", value=repr(given), choices="id, en"))
    return lang


EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
P = ParamSpec("P")
R = TypeVar("R")


def boundary(command: Callable[P, R]) -> Callable[P, R]:
    """The one error boundary around every command.

    A ``UserError`` is printed without a traceback (exit 1), a bad option value is a usage
    error (exit 2), output that cannot be written to stdout (a full disk) is said in one line
    (exit 1), Ctrl-C exits 130, and anything else is a bug in ksd (exit 3) whose traceback
    the user can paste into a report.
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except UserError as exc:
            lang = boundary_lang(kwargs.get("lang"))
            # File names and record values in the message reach the terminal: strip controls.
            sys.stderr.write(f"ksd: {terminal_text(exc.text(lang))}\n")
            hint = exc.hint_text(lang)
            if hint:
                label = message("boundary.hint-label", lang)
                sys.stderr.write(f"  {label}: {terminal_text(hint)}\n")
            raise typer.Exit(EXIT_FINDINGS) from None
        except UsageProblem as exc:
            lang = boundary_lang(kwargs.get("lang"))
            problem = message(
                "usage.invalid-value",
                lang,
                option=exc.option,
                problem=terminal_text(exc.text(lang)),
            )
            sys.stderr.write(f"ksd: {problem}\n")
            hint = message("usage.hint", lang, command=_command_path(command))
            sys.stderr.write(f"  {message('boundary.hint-label', lang)}: {hint}\n")
            raise typer.Exit(EXIT_USAGE) from None
        except OutputError as exc:
            # stdout is a full disk, a failing device: not a bug, not the data (ksd_cli.stdout).
            output_failed(exc.reason, boundary_lang(kwargs.get("lang")))
            raise typer.Exit(EXIT_FINDINGS) from None
        except BrokenPipeError:
            # The reader went away (``ksd ... | head``): not an error of ksd or of the data.
            # Point stdout at devnull so that Python's flush at exit does not fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(EXIT_FINDINGS) from None
        except KeyboardInterrupt:
            lang = boundary_lang(kwargs.get("lang"))
            sys.stderr.write(f"\nksd: {message('boundary.interrupted', lang)}\n")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception:
            import traceback

            lang = boundary_lang(kwargs.get("lang"))
            sys.stderr.write(f"ksd: {message('boundary.internal', lang)}\n")
            traceback.print_exc()
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


def _command_path(command: Callable[..., object]) -> str:
    """``ksd validate``: how the user calls the command a boundary wraps (for its ``--help``)."""
    from ksd_cli.cli import command_name

    return f"ksd {command_name(command.__name__)}"
