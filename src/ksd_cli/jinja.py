"""The one Jinja environment of ksd: sandboxed, strict, user templates before the bundled ones."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping, Sequence
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NoReturn

from jinja2 import (
    BaseLoader,
    Environment,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
)
from jinja2.exceptions import SecurityError, TemplateNotFound, TemplatesNotFound
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ksd_cli.errors import UserError
from ksd_cli.escaping import markdown_cell
from ksd_cli.idformat import FILTERS
from ksd_cli.messages import Msg

if TYPE_CHECKING:
    from ksd_cli.repository import Repository

#: Limits on what a template may compute (the sandbox already caps ``range`` at 100,000).
MAX_EXPONENT = 1000
MAX_REPEAT = 1_000_000

__all__ = [
    "ConfinedLoader",
    "KsdEnvironment",
    "bundled_templates",
    "make_environment",
    "markdown_cell",
    "template_dirs",
]


def bundled_templates() -> Path:
    """The folder of the templates shipped inside the package (resolved: it is ksd's own)."""
    return Path(str(files("ksd_cli").joinpath("templates"))).resolve()


def template_dirs(repository: Repository) -> list[Path]:
    """Where templates are looked up: the repository's ``templates/`` first, then the bundled.

    The repository's folder must be a real folder inside the repository: a symbolic link
    there (or to it) is refused, as any link inside it is when a template is read.
    """
    own = repository.root / repository.config.paths.templates
    if own.is_symlink():
        raise UserError(
            Msg("template.symlink", path=repository.config.paths.templates),
            hint=Msg("template.symlink.hint"),
        )
    return [own, bundled_templates()] if own.is_dir() else [bundled_templates()]


class ConfinedLoader(BaseLoader):
    """Templates read from folders in order, never through a symbolic link.

    Templates of a data repository are untrusted: a pull request could add
    ``templates/leak.j2 -> /etc/passwd`` or ``templates/up -> /`` and have CI print any file
    of its machine through ``{% include %}``. Every part of a template's path below its
    folder is looked at with ``lstat``: a symbolic link is refused with an error naming it
    (never skipped in favour of a bundled template of the same name), and the file is
    opened without following links. ``..`` in a name is refused by Jinja itself.
    """

    def __init__(self, searchpath: Sequence[Path], display_root: Path | None = None) -> None:
        self.searchpath = [Path(p) for p in searchpath]
        self.display_root = display_root

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """The text of ``template`` from the first folder that holds it."""
        pieces = split_template_path(template)
        for folder in self.searchpath:
            path = self._find(folder, pieces)
            if path is not None:
                return self._read(path), os.fspath(path), lambda: True
        raise TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        """Names of the regular template files, as Jinja lists them."""
        found: set[str] = set()
        for folder in self.searchpath:
            for dirpath, _dirs, filenames in os.walk(folder):
                for filename in filenames:
                    path = Path(dirpath, filename)
                    if not path.is_symlink():
                        found.add(path.relative_to(folder).as_posix())
        return sorted(found)

    def _find(self, folder: Path, pieces: list[str]) -> Path | None:
        """``folder/pieces`` when it exists there; a symbolic link on the way is an error."""
        path = folder
        for piece in pieces:
            path = path / piece
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                return None
            if stat.S_ISLNK(mode):
                raise UserError(
                    Msg("template.symlink", path=self._shown(path)),
                    hint=Msg("template.symlink.hint"),
                )
        if not stat.S_ISREG(mode):
            raise UserError(Msg("template.not-a-file", path=self._shown(path)))
        return path

    def _read(self, path: Path) -> str:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as stream:
            return stream.read().decode("utf-8")

    def _shown(self, path: Path) -> str:
        if self.display_root is not None:
            try:
                return path.relative_to(self.display_root).as_posix()
            except ValueError:
                pass
        return os.fspath(path)


class KsdEnvironment(ImmutableSandboxedEnvironment):
    """The sandboxed environment whose every template error is a ``UserError`` with its place.

    Templates from a data repository are untrusted (a pull request can change them and CI
    renders them): the sandbox refuses attributes such as ``__class__`` and calls that would
    change data, and this class turns those refusals, syntax errors, undefined names and
    failing filters into a message naming the template file and line.
    """

    #: Folder whose files are named relative to it in messages (the data repository's root).
    display_root: Path | None = None
    #: ``*`` and ``**`` are checked: ``'x' * 10**10`` would exhaust the memory of a CI runner.
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse huge powers and repetitions; compute every other operation as usual."""
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"exponent {right} is larger than {MAX_EXPONENT}")
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if (
                    isinstance(sequence, str | list | tuple)
                    and isinstance(count, int)
                    and len(sequence) * count > MAX_REPEAT
                ):
                    raise SecurityError(f"repetition longer than {MAX_REPEAT} items")
        return super().call_binop(context, operator, left, right)

    def handle_exception(self, source: str | None = None) -> NoReturn:
        """Raise the current exception as a ``UserError`` naming the template and line."""
        try:
            super().handle_exception(source)
        except TemplateSyntaxError as exc:
            raise UserError(
                f"{self._shown(exc.filename or exc.name)}, baris {exc.lineno}: "
                f"kesalahan sintaks templat / template syntax error: {exc.message}",
                hint="see the Jinja template documentation; ksd templates are sandboxed",
            ) from None
        except (TemplateError, TypeError, ValueError, ArithmeticError, LookupError) as exc:
            filename, line = _template_frame(exc.__traceback__)
            where = f"{self._shown(filename)}, baris {line}" if filename else "templat"
            raise UserError(f"{where}: {_describe(exc)}", hint=_hint(exc)) from exc

    def _shown(self, filename: str | None) -> str:
        """A template file as the user knows it: relative to the repository root when inside."""
        if not filename:
            return "<templat>"
        if self.display_root is not None:
            try:
                return Path(filename).resolve().relative_to(self.display_root.resolve()).as_posix()
            except ValueError:
                pass
        return filename


def make_environment(
    source: Repository | Sequence[Path],
    *,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    autoescape: bool = False,
) -> KsdEnvironment:
    """The Jinja environment that every ksd template is rendered with.

    ``source`` is a data repository (its ``templates/`` folder first, then the bundled
    templates) or an explicit list of folders searched in order. The environment is sandboxed
    and immutable, undefined names are errors, blocks are trimmed (``trim_blocks``,
    ``lstrip_blocks``), and the Indonesian filters of :mod:`ksd_cli.idformat` plus
    ``markdown_cell`` and any extra ``filters`` are registered. Autoescaping is off: the
    output is Markdown, not HTML.
    """
    display_root: Path | None = None
    if isinstance(source, Sequence):
        dirs = [Path(d) for d in source]
    else:
        dirs = template_dirs(source)
        display_root = source.root
    env = KsdEnvironment(
        loader=ConfinedLoader(dirs, display_root),
        undefined=StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.display_root = display_root
    env.filters.update(FILTERS)
    env.filters["markdown_cell"] = markdown_cell
    if filters:
        env.filters.update(filters)
    return env


def _template_frame(tb: TracebackType | None) -> tuple[str | None, int | None]:
    """The innermost template file and line in a traceback that Jinja rewrote."""
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        code = tb.tb_frame.f_code
        # Jinja's rewritten frames carry the template's file name and line number.
        if "__jinja_exception__" in tb.tb_frame.f_globals or code.co_filename.endswith(".j2"):
            found = (code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _describe(exc: BaseException) -> str:
    if isinstance(exc, SecurityError):
        return f"ditolak oleh sandbox / refused by the sandbox: {exc}"
    if isinstance(exc, TemplateNotFound | TemplatesNotFound):
        return f"templat tidak ditemukan / template not found: {exc}"
    if isinstance(exc, TemplateError):
        return f"kesalahan templat / template error: {exc}"
    return f"kesalahan saat merender / error while rendering: {type(exc).__name__}: {exc}"


def _hint(exc: BaseException) -> str | None:
    if isinstance(exc, SecurityError):
        return "templates may not reach Python internals (names starting with _) or change data"
    if "undefined" in str(exc):
        return "check the variable name against the ones the template receives (docs/naskah.md)"
    return None
