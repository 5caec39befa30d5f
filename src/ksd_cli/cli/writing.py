"""``--format``, ``--output`` and ``--force``: the same options and rules for every command.

The choices come from :data:`ksd_cli.outputs.FORMATS`; a command plans its output before it
does any work (so a refused file costs nothing and changes nothing), then writes its result.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ksd_cli.errors import UsageProblem
from ksd_cli.messages import LANGS, Msg, message, resolve_lang
from ksd_cli.outputs import (
    FORMATS,
    Format,
    check_target,
    choose_format,
    render,
    write_output,
    write_stream,
    write_streamed_output,
    write_text_output,
)

OutputOption = Annotated[
    Optional[str],  # noqa: UP045 - typer reads the annotation at run time
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead of stdout ('-' is stdout); its extension chooses the "
        "format when --format is not given. An existing file needs --force.",
        show_default=False,
    ),
]


def format_option(
    kind: str, help: str, *, extra: tuple[str, ...] = (), metavar: str | None = None
) -> Any:
    """The ``--format``/``-f`` option of a command writing ``kind`` results.

    Its choices are the registry's keys (and ``extra``), shown as the metavar (unless
    ``metavar`` is given: then ``help`` names them) and checked by :func:`format_check`;
    ``help`` says what each is for and the default.
    """
    return typer.Option(
        "--format",
        "-f",
        metavar=metavar or format_metavar(kind, extra=extra),
        callback=format_check(kind, extra=extra),
        help=help,
        show_default=False,
    )


def format_metavar(kind: str, *, extra: tuple[str, ...] = ()) -> str:
    """The ``--format`` choices of a command writing ``kind`` results: the registry's keys."""
    return "|".join([*extra, *FORMATS[kind]])


def format_check(
    kind: str, *, extra: tuple[str, ...] = ()
) -> Callable[[typer.Context, str | None], str | None]:
    """A callback refusing a ``--format`` value the registry does not have (exit 2)."""
    choices = [*extra, *FORMATS[kind]]

    def check(ctx: typer.Context, value: str | None) -> str | None:
        if value is not None and value not in choices:
            # Options are parsed in command-line order: --lang may be known yet, or not.
            given = ctx.params.get("lang")
            lang = resolve_lang(given if isinstance(given, str) and given in LANGS else None)
            worded = message(
                "usage.not-one-of", lang, value=repr(value), choices=", ".join(choices)
            )
            raise typer.BadParameter(worded)
        return value

    return check


@dataclass(frozen=True)
class OutputPlan:
    """Where a command's result goes, and in which format: decided before the work."""

    format: Format
    path: Path | None
    force: bool

    @property
    def to_file(self) -> bool:
        """Whether the result goes to a file (else to stdout)."""
        return self.path is not None

    def write(self, result: object, **options: Any) -> None:
        """Write ``result`` to the file (atomically, printing its path) or to stdout."""
        if self.path is None:
            write_stream(self.format, result, sys.stdout, **options)
            return
        if self.format.streamed:
            write_streamed_output(self.path, self.format, result, force=self.force, **options)
            sys.stdout.write(f"{self.path}\n")
            return
        if self.format.binary:
            self.write_rendered(render(self.format, result, **options))
            return
        write_text_output(self.path, self.format, result, force=self.force, **options)
        sys.stdout.write(f"{self.path}\n")

    def write_rendered(self, content: str | bytes) -> None:
        """Write a result already rendered in :attr:`format`, as :meth:`write` does."""
        if self.path is None:
            if isinstance(content, bytes):
                sys.stdout.buffer.write(content)
            else:
                sys.stdout.write(content)
            return
        write_output(self.path, content, force=self.force)
        sys.stdout.write(f"{self.path}\n")


def plan_output(
    kind: str,
    requested: str | None,
    output: str | None,
    *,
    force: bool,
    default_file: Callable[[Format], Path] | None = None,
) -> OutputPlan:
    """Check ``--format``/``--output``/``--force`` and decide the output.

    A binary format (xlsx, docx) without ``--output`` goes to ``default_file(format)`` when the
    command has a default name, and is a usage error otherwise; ``-o -`` with a binary format
    is a usage error. The target file is checked now: see :func:`ksd_cli.outputs.check_target`.
    """
    to_stdout = output == "-"
    path = Path(output) if output and not to_stdout else None
    fmt = choose_format(kind, requested, path)
    if fmt.binary and to_stdout:
        raise UsageProblem("--output", Msg("usage.binary-to-stdout", format=fmt.name))
    if path is None and fmt.binary and not to_stdout:
        if default_file is None:
            raise UsageProblem("--output", Msg("usage.binary-needs-file", format=fmt.name))
        path = default_file(fmt)
    if path is not None:
        check_target(path, force=force)
    return OutputPlan(fmt, path, force)
