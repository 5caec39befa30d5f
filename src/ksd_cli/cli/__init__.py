"""The ``ksd`` command line: a thin shell over the library."""

from __future__ import annotations

import importlib
import inspect
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from ksd_cli import __version__
from ksd_cli.stdout import OutputError, guarded_stdout, let_go_of_stdout, output_failed


class LazyGroup(TyperGroup):
    """The command group whose commands' modules are imported only when a command runs.

    ``ksd --help`` lists every command by the first paragraph of its help
    (:data:`SUMMARIES`, checked against the commands' own docstrings by
    tests/cli/test_app.py) without importing the modules; running a command, or asking for
    its own help, imports its module and builds the real command.
    """

    # Click's types are Any here: Typer >= 0.25 uses its own copy of Click.
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, summary in SUMMARIES.items():
            # A stand-in that knows only the summary: listed by --help, suggested for a typo.
            self.commands.setdefault(name, TyperCommand(name, help=summary))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """The real command to run, its module imported."""
        if args and args[0] in SUMMARIES:
            return args[0], real_command(args[0]), args[1:]
        return super().resolve_command(ctx, args)


def _quiet_flags() -> None:
    """Show no value type ("<bool>") beside an on/off option in ``--help``: it takes none.

    Typer >= 0.25 writes the type of every option in its help's type column, ``<bool>``
    beside ``--force`` too, as if the flag took a value. Where Typer has no such column
    (older versions) nothing is changed.
    """
    from typer.core import TyperOption

    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None:
        return

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        return None if getattr(self, "is_flag", False) else shown(self, ctx)

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_quiet_flags()

app = typer.Typer(
    name="ksd",
    cls=LazyGroup,
    help="Tools for Kerja Sama Daerah records kept in git: validate, find what is stalled, "
    "draft naskah, report.",
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
# One line per command: (module under ksd_cli.cli, function name). Each module is imported only
# when its command runs (``LazyGroup``) and keeps its heavy imports (pandas, openpyxl, jinja2,
# docx) inside its function.
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
#: What ``ksd --help`` says of each command: the first paragraph of its docstring.
SUMMARIES: dict[str, str] = {
    "validate": "Check the records against the record format and the rules.",
    "rules": "List every rule with its code, name, severity and summary; or explain one rule.",
    "stalled": "List cooperation that is stuck before or after signing, expiring, or never "
    "evaluated.",
    "show": "Show one record as of a date: stages with dates, documents, status, flags.",
    "report": "Write the evaluation report of a period: Excel workbook, Markdown, Word or PDF.",
    "mapping": "Write the Rancangan Pemetaan Potensi: the matrix of potentials per urusan.",
    "fmt": "Format records canonically: key order, indentation, quoted codes, ISO dates.",
    "diff": "Show what changed in the records: fields, stages, status, stalled flags.",
    "init": "Create a data repository: ksd.toml, data folders, README, hooks and CI.",
    "new": "Create a record with the next free id and every required field, and print its path.",
    "draft": "Write a naskah (KB, PKS, nota kesepakatan, adendum) of a record as Markdown, Word "
    "or PDF.",
    "import": "Import a register: one record per cooperation, its rows' documents as its naskah.",
    "export": "Export the agreements as a register (Excel or CSV) that ksd import reads back.",
    "consolidate": "Consolidate many regions' repositories: a province's or Kemendagri's view.",
}
_BUILT: dict[str, Any] = {}


def command_name(function_name: str) -> str:
    """The name a command is called by: ``import_`` is ``import``."""
    return function_name.rstrip("_").replace("_", "-")


def real_command(name: str) -> Any:
    """The command ``name`` with its options, its module imported (once)."""
    if name not in _BUILT:
        from ksd_cli.cli.common import boundary

        module_name, function_name = next((m, f) for m, f in COMMANDS if command_name(f) == name)
        module = importlib.import_module(f"ksd_cli.cli.{module_name}")
        single = typer.Typer(
            add_completion=False,
            rich_markup_mode="rich",
            context_settings={"help_option_names": ["-h", "--help"]},
            pretty_exceptions_enable=False,
        )
        function = getattr(module, function_name)
        single.command(name=name, help=help_of(function))(boundary(function))
        built = typer.main.get_command(single)
        built.name = name
        _BUILT[name] = built
    return _BUILT[name]


def help_of(function: Any) -> str:
    """A command's help: its docstring with each paragraph on one line.

    Typer keeps the line breaks inside the paragraphs after the first, and rich then wraps
    each line to the terminal: a paragraph broken at the source's 100 columns came out ragged
    at 80 (a line of two words, then a full one). Joined, each paragraph is wrapped once, to
    the terminal's width.
    """
    paragraphs = inspect.cleandoc(function.__doc__ or "").split("\n\n")
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


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
    Standard output is guarded (``ksd_cli.stdout``): a write to it that fails (a full disk)
    is one line on stderr and exit 1, in a command or outside one (``--help``).
    """
    arguments = sys.argv[1:] if argv is None else argv
    with guarded_stdout() as stdout:
        try:
            code = _run(arguments)
            # What is still buffered is written here, where a failure can still be told.
            stdout.flush()
        except OutputError as exc:  # outside a command's boundary: --help, a usage error
            from ksd_cli.cli.usage import argv_lang

            output_failed(exc.reason, argv_lang(arguments))
            return 1
        except BrokenPipeError:  # the reader went away: nothing to say (as the boundary)
            let_go_of_stdout()
            return 1
        return code


def _run(arguments: list[str]) -> int:
    try:
        # Not standalone: Click's usage errors come back here to be worded in the user's
        # language instead of Click's English panel.
        outcome = app(args=arguments, prog_name="ksd", standalone_mode=False)
    except Exception as exc:
        from ksd_cli.cli.usage import parse_error_exit

        code = parse_error_exit(exc, arguments, SUMMARIES)
        if code is None:
            raise
        return code
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
