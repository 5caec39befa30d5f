"""The ``ksd`` command line: a thin shell over the library."""

from __future__ import annotations

import importlib
import sys
from typing import Annotated

import typer

from ksd_cli import __version__
from ksd_cli.cli.common import EXIT_INTERRUPTED, EXIT_USAGE, boundary
from ksd_cli.cli.usage import argv_lang, is_kind, is_usage_error, usage_error_lines
from ksd_cli.messages import message

app = typer.Typer(
    name="ksd",
    help="Tools for Kerja Sama Daerah records kept in git: validate, find what is stalled, "
    "draft naskah, report.",
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
# One line per command: (module under ksd_cli.cli, function name). Modules are imported here,
# but each keeps its heavy imports (pandas, openpyxl, jinja2, docx) inside its function.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("validate", "validate"),
    ("rules", "rules"),
    ("stalled", "stalled"),
    ("show", "show"),
    ("report", "report"),
    ("mapping", "mapping"),
    ("fmt", "fmt"),
    ("diff", "diff"),
    ("init", "init"),
    ("new", "new"),
    ("draft", "draft"),
    ("import_", "import_"),
    ("export", "export"),
    ("consolidate", "consolidate"),
)
for module_name, function_name in COMMANDS:
    module = importlib.import_module(f"ksd_cli.cli.{module_name}")
    app.command(name=function_name.rstrip("_").replace("_", "-"))(
        boundary(getattr(module, function_name))
    )


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ksd {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Tools for Kerja Sama Daerah records kept in git."""


def main(argv: list[str] | None = None) -> int:
    """Run ksd with ``argv`` and return its exit code.

    0 clean, 1 findings or a user error, 2 usage error, 3 internal error, 130 interrupted.
    """
    arguments = sys.argv[1:] if argv is None else argv
    try:
        # Not standalone: Click's usage errors come back here to be worded in the user's
        # language instead of Click's English panel.
        outcome = app(args=arguments, prog_name="ksd", standalone_mode=False)
    except Exception as exc:
        if is_kind(exc, "NoArgsIsHelpError"):
            exc.show()  # type: ignore[attr-defined]
            return EXIT_USAGE
        if is_kind(exc, "Abort"):
            sys.stderr.write("\n")
            return EXIT_INTERRUPTED
        if not is_usage_error(exc):
            raise
        lang = argv_lang(arguments)
        names = {name.rstrip("_").replace("_", "-") for _, name in COMMANDS}
        given = next((a for a in arguments if not a.startswith("-")), None)
        command = f"ksd {given}" if given in names else "ksd"
        problem, hint = usage_error_lines(exc, lang, command=command)
        sys.stderr.write(f"ksd: {problem}\n  {message('boundary.hint-label', lang)}: {hint}\n")
        return EXIT_USAGE
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        sys.stderr.write(f"{exc.code}\n")
        return 1
    # Click returns the exit code of a ``typer.Exit`` and a command's return value otherwise.
    return outcome if isinstance(outcome, int) else 0


def console_main() -> None:
    """Entry point of the ``ksd`` console script."""
    sys.exit(main())
