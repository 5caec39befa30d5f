"""The one Jinja environment of ksd: sandboxed, strict, user templates before the bundled ones."""

from __future__ import annotations

import functools
import hashlib
import os
import re
import stat
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NoReturn

from jinja2 import (
    BaseLoader,
    Environment,
    StrictUndefined,
    Template,
    TemplateError,
    TemplateSyntaxError,
    nodes,
)
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from jinja2.exceptions import SecurityError, TemplateNotFound, TemplatesNotFound
from jinja2.loaders import split_template_path
from jinja2.runtime import Context, Macro, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum, pass_eval_context
from jinja2.visitor import NodeTransformer

from ksd_cli.errors import UserError
from ksd_cli.escaping import markdown_cell, markdown_code, markdown_text
from ksd_cli.idformat import FILTERS
from ksd_cli.messages import Msg

if TYPE_CHECKING:
    from ksd_cli.repository import Repository

#: Limits on what a template may compute (the sandbox already caps ``range`` at 100,000).
MAX_EXPONENT = 1000
MAX_REPEAT = 1_000_000
#: Limits of one render (issue 16 section 5): a template from a pull request must never be
#: able to hold a CI runner for an hour or fill its memory. Each is far above what a naskah
#: or a report needs (the bundled templates loop a few hundred times and write a few KB).
MAX_ITERATIONS = 1_000_000  # loop iterations, all loops of the render together
MAX_OUTPUT = 20_000_000  # characters written, and the longest text a template may build
MAX_DEPTH = 100  # nested macro calls
MAX_SECONDS = 60.0  # wall time of one render

__all__ = [
    "ConfinedLoader",
    "KsdTemplate",
    "TemplateLimitError",
    "KsdEnvironment",
    "bundled_templates",
    "make_environment",
    "markdown_cell",
    "template_dirs",
]


def bundled_templates() -> Path:
    """The folder of the templates shipped inside the package (``ksd_cli.templates``).

    In a checkout that folder is the root ``templates/``, mapped into the package by
    ``pyproject.toml``; an installed wheel holds a copy.
    """
    return Path(str(files("ksd_cli.templates"))).resolve()


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


# Bounds of one render ---------------------------------------------------------------------------


class TemplateLimitError(TemplateError):
    """A render went past one of the limits above; ``what`` says which (a catalog message)."""

    def __init__(self, what: Msg) -> None:
        super().__init__(what.key)
        self.what = what


@dataclass
class _Budget:
    """What one render has used so far (loop iterations, macro depth, output), and its limits.

    ``scale`` multiplies the limits on iterations, output and time: a render of data that is
    itself that large (a report of 100,000 agreements writes ten times what one of 10,000
    writes) gets that much more; the depth limit stays.
    """

    scale: int = 1
    deadline: float = 0.0
    iterations: int = 0
    depth: int = 0
    output: int = 0

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.seconds

    @property
    def max_iterations(self) -> int:
        return MAX_ITERATIONS * self.scale

    @property
    def max_output(self) -> int:
        return MAX_OUTPUT * self.scale

    @property
    def seconds(self) -> float:
        return MAX_SECONDS * self.scale

    def step(self) -> None:
        """Count one loop iteration (or call) and check the clock."""
        self.iterations += 1
        if self.iterations > self.max_iterations:
            raise TemplateLimitError(Msg("template.limit.iterations", limit=self.max_iterations))
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(Msg("template.limit.time", limit=int(self.seconds)))


#: The budget of the render in progress (set by ``KsdTemplate``; renders never share one).
_BUDGET: ContextVar[_Budget | None] = ContextVar("ksd_template_budget", default=None)


def _budget() -> _Budget:
    budget = _BUDGET.get()
    if budget is None:  # a render that did not go through KsdTemplate: bound it all the same
        budget = _Budget()
        _BUDGET.set(budget)
    return budget


def _check_size(size: int) -> None:
    """Refuse to build a text of ``size`` characters when that is over the limit."""
    limit = _budget().max_output
    if size > limit:
        raise TemplateLimitError(Msg("template.limit.string", limit=limit))


def _length(value: object) -> int:
    return len(value) if isinstance(value, str | list | tuple) else len(str(value))


#: A width or precision in a ``%`` or ``{}`` format: ``%-1000000000s``, ``{:>1000000000}``.
_FORMAT_NUMBER = re.compile(r"[0-9]+")


def _check_format(pattern: str, values: Iterable[object]) -> None:
    """Refuse a ``%``/``format`` whose result could be over the limit (before computing it)."""
    fields = pattern.count("%") + pattern.count("{")
    widest = max((int(n) for n in _FORMAT_NUMBER.findall(pattern)[:1000]), default=0)
    longest = max((_length(v) for v in values), default=0)
    _check_size(len(pattern) + fields * (longest + min(widest, 10**12)))


def _format_values(args: Sequence[object], kwargs: Mapping[str, object]) -> list[object]:
    values: list[object] = [*args, *kwargs.values()]
    for value in list(values):
        if isinstance(value, Mapping):
            values.extend(value.values())
        elif isinstance(value, tuple):
            values.extend(value)
    return values


def _check_str_method(text: str, name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> None:
    """Refuse a string method whose result would be over the limit (``'x'.center(10**9)``)."""
    first = args[0] if args else next(iter(kwargs.values()), None)
    if name in ("center", "ljust", "rjust", "zfill") and isinstance(first, int):
        _check_size(first)
    elif name == "expandtabs":
        tabsize = first if isinstance(first, int) else 8
        _check_size(len(text) + text.count("\t") * tabsize)
    elif name == "replace" and len(args) >= 2 and isinstance(args[1], str):
        old = args[0] if isinstance(args[0], str) else ""
        count = text.count(old) if old else len(text) + 1
        _check_size(len(text) + count * len(args[1]))
    elif name in ("format", "format_map"):
        _check_format(text, _format_values(args, kwargs))
    elif name == "join" and args:
        items = args[0]
        if isinstance(items, list | tuple):
            _check_size(sum(_length(i) for i in items) + len(text) * len(items))


def _counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """The items of a loop, each counted against the render's budget."""
    budget = _budget()
    for item in iterable:
        budget.step()
        yield item


@pass_eval_context
def _bounded_concat(eval_ctx: Any, parts: list[Any]) -> str:
    """``a ~ b``: refused when the text would be over the limit (doubling in a loop)."""
    _check_size(sum(_length(p) for p in parts))
    return str(markup_join(parts) if eval_ctx.volatile or eval_ctx.autoescape else str_join(parts))


class _Bounder(NodeTransformer):
    """Routes every loop and every ``~`` of a template through the counting functions."""

    def visit_For(self, node: nodes.For) -> nodes.Node:  # noqa: N802 - visitor protocol
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, "ksd_counted", [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:  # noqa: N802 - visitor protocol
        self.generic_visit(node)
        parts = nodes.List(list(node.nodes), lineno=node.lineno)
        return nodes.Filter(parts, "ksd_concat", [], [], None, None, lineno=node.lineno)


def _sized_filter(original: Callable[..., Any], size: Callable[..., int]) -> Callable[..., Any]:
    """``original`` refused when ``size`` of its arguments is over the limit."""

    @functools.wraps(original)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_size(size(*args, **kwargs))
        return original(*args, **kwargs)

    return bounded


def _join_size(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> int:
    items = value if isinstance(value, list | tuple) else []
    size = len(d) * len(items)
    for item in items:  # a report joins half a million cells: text is counted without a call
        size += len(item) if item.__class__ is str else _length(item)
    return size


def _indent_size(s: Any, width: Any = 4, first: bool = False, blank: bool = False) -> int:
    text = str(s)
    pad = width if isinstance(width, int) else _length(width)
    return len(text) + pad * (text.count("\n") + 1)


def _center_size(value: Any, width: Any = 80) -> int:
    return width if isinstance(width, int) else 0


def _replace_size(eval_ctx: Any, s: Any, old: Any, new: Any, count: Any = None) -> int:
    text, old_, new_ = str(s), str(old), str(new)
    found = text.count(old_) if old_ else len(text) + 1
    return len(text) + found * len(new_)


def _format_size(value: Any, *args: Any, **kwargs: Any) -> int:
    _check_format(str(value), _format_values(args, kwargs))
    return 0


def _bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Jinja's ``lipsum``, refused when it would write more than the limit."""
    _check_size(n * max * 12)  # a lorem word is at most 12 characters with its space
    return str(generate_lorem_ipsum(n=n, html=html, min=min, max=max))


class KsdTemplate(Template):
    """A template whose every render is bounded: loops, output size, depth and wall time."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        """Render as Jinja does, within the limits; going past one is a ``UserError``."""
        return self.render_scaled(1, *args, **kwargs)

    def render_scaled(self, scale: int, /, *args: Any, **kwargs: Any) -> str:
        """:meth:`render` with the limits on loops, output and time multiplied by ``scale``.

        For data that is itself large: the caller sizes ``scale`` by its data (so a template
        still can do no more than the data asks), never by the template.
        """
        return "".join(self.generate_scaled(scale, *args, **kwargs))

    def generate_scaled(self, scale: int, /, *args: Any, **kwargs: Any) -> Iterator[str]:
        """:meth:`render_scaled` a chunk at a time, for a caller that writes them as they come.

        The caller must consume the chunks before it renders another template.
        """
        context = self.new_context(dict(*args, **kwargs))
        token = _BUDGET.set(_Budget(max(1, scale)))
        try:
            chunks = self.root_render_func(context)
            yield from _bounded_output(chunks)
        except Exception:
            self.environment.handle_exception()
        finally:
            _BUDGET.reset(token)


def _bounded_output(chunks: Iterator[str]) -> Iterator[str]:
    """The chunks of a render; past the output limit the error is raised inside the template.

    The error is thrown into the generator, so that it leaves through the template's frames
    and names the template and line that wrote past the limit.
    """
    budget = _budget()
    for chunk in chunks:
        budget.output += len(chunk)
        if budget.output > budget.max_output:
            error = TemplateLimitError(Msg("template.limit.output", limit=budget.max_output))
            if isinstance(chunks, Generator):
                chunks.throw(error)
            raise error
        if time.monotonic() > budget.deadline:
            raise TemplateLimitError(Msg("template.limit.time", limit=int(budget.seconds)))
        yield chunk


class KsdEnvironment(ImmutableSandboxedEnvironment):
    """The sandboxed environment whose every template error is a ``UserError`` with its place.

    Templates from a data repository are untrusted (a pull request can change them and CI
    renders them): the sandbox refuses attributes such as ``__class__`` and calls that would
    change data, and this class turns those refusals, syntax errors, undefined names and
    failing filters into a message naming the template file and line.
    """

    #: Folder whose files are named relative to it in messages (the data repository's root).
    display_root: Path | None = None
    #: ``*`` and ``**`` are checked: ``'x' * 10**10`` would exhaust the memory of a CI runner;
    #: ``+`` and ``%`` too: doubling a text in a loop, ``'%1000000000s' % x``.
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    template_class = KsdTemplate

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Parse as Jinja does, then route loops and ``~`` through the render's bounds."""
        tree = super()._parse(source, name, filename)
        bounded = _Bounder().visit(tree)
        assert isinstance(bounded, nodes.Template)
        return bounded

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse huge powers, repetitions and texts; compute every other operation as usual."""
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
        if operator == "+" and isinstance(left, str | list | tuple):
            if isinstance(right, str | list | tuple):
                _check_size(len(left) + len(right))
        if operator == "%" and isinstance(left, str):
            values = right if isinstance(right, tuple) else (right,)
            _check_format(left, _format_values(values, right if isinstance(right, Mapping) else {}))
        return super().call_binop(context, operator, left, right)

    def call(
        __self,  # noqa: N805 - Jinja's own signature (keeps keyword arguments free)
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Call as the sandbox does, counting the call and refusing oversized string methods."""
        budget = _budget()
        budget.step()
        method = getattr(__obj, "__wrapped__", __obj)
        owner = getattr(method, "__self__", None)
        if isinstance(owner, str):
            _check_str_method(owner, getattr(method, "__name__", ""), args, kwargs)
        if not isinstance(__obj, Macro):
            return super().call(__context, __obj, *args, **kwargs)
        budget.depth += 1
        try:
            if budget.depth > MAX_DEPTH:
                raise TemplateLimitError(Msg("template.limit.depth", limit=MAX_DEPTH))
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            budget.depth -= 1

    def handle_exception(self, source: str | None = None) -> NoReturn:
        """Raise the current exception as a ``UserError`` naming the template and line."""
        try:
            super().handle_exception(source)
        except TemplateSyntaxError as exc:
            raise UserError(
                Msg(
                    "template.syntax",
                    where=Msg(
                        "template.where",
                        template=self._shown(exc.filename or exc.name),
                        line=exc.lineno,
                    ),
                    problem=exc.message or "",
                ),
                hint=Msg("template.syntax.hint"),
            ) from None
        except (TemplateLimitError, RecursionError) as exc:
            filename, line = _template_frame(exc.__traceback__)
            what = (
                exc.what if isinstance(exc, TemplateLimitError) else Msg("template.limit.recursion")
            )
            place = (
                Msg("template.where", template=self._shown(filename), line=line)
                if filename
                else Msg("template.where.unknown")
            )
            raise UserError(
                Msg("template.limit", where=place, what=what), hint=Msg("template.limit.hint")
            ) from None
        except (TemplateError, TypeError, ValueError, ArithmeticError, LookupError) as exc:
            filename, line = _template_frame(exc.__traceback__)
            where = (
                Msg("template.where", template=self._shown(filename), line=line)
                if filename
                else Msg("template.where.unknown")
            )
            raise UserError(
                Msg("template.failed", where=where, problem=_describe(exc)), hint=_hint(exc)
            ) from exc

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
    keep_compiled: bool = False,
) -> KsdEnvironment:
    """The Jinja environment that every ksd template is rendered with.

    ``source`` is a data repository (its ``templates/`` folder first, then the bundled
    templates) or an explicit list of folders searched in order. The environment is sandboxed
    and immutable, undefined names are errors, blocks are trimmed (``trim_blocks``,
    ``lstrip_blocks``), and the Indonesian filters of :mod:`ksd_cli.idformat` plus
    ``markdown_cell``, ``markdown_text``, ``markdown_code`` and any extra ``filters`` are
    registered. Autoescaping is off: the
    output is Markdown, not HTML. ``keep_compiled``: templates once compiled are kept in
    ksd's cache folder (see :func:`compiled_templates`).
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
        bytecode_cache=compiled_templates(autoescape=autoescape) if keep_compiled else None,
    )
    env.display_root = display_root
    env.filters.update(FILTERS)
    env.filters["markdown_cell"] = markdown_cell
    env.filters["markdown_text"] = markdown_text
    env.filters["markdown_code"] = markdown_code
    env.filters["ksd_counted"] = _counted
    env.filters["ksd_concat"] = _bounded_concat
    for name, size in (
        ("join", _join_size),
        ("indent", _indent_size),
        ("center", _center_size),
        ("replace", _replace_size),
        ("format", _format_size),
    ):
        env.filters[name] = _sized_filter(env.filters[name], size)
    env.globals["lipsum"] = _bounded_lipsum
    if filters:
        env.filters.update(filters)
    return env


class _CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, where a file that cannot be read or written is none."""

    def load_bytecode(self, bucket: Bucket) -> None:
        """The compiled template kept in ``bucket``'s file, unless unreadable or corrupt."""
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a cache that cannot be read is no cache
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the compiled template (atomically); a cache that cannot be written is skipped."""
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return


def compiled_templates(*, autoescape: bool) -> FileSystemBytecodeCache | None:
    """Where compiled templates are kept: in ksd's cache folder; ``None`` when the cache is off.

    Jinja keys each by the template's file and checks its source's hash; the folder is named
    by ksd's code (the bounds compiled into every template, see :class:`KsdEnvironment`),
    Jinja's version and the environment's options, so that no template compiled otherwise is
    ever run. Other folders (an earlier ksd's) are removed.
    """
    import shutil

    from ksd_cli.cache import cache_enabled, cache_folder, code_fingerprint

    if not cache_enabled():
        return None
    parent = cache_folder() / "templates"
    import jinja2

    key = f"{code_fingerprint()}-{jinja2.__version__}-{int(autoescape)}"
    folder = parent / hashlib.blake2b(key.encode(), digest_size=12).hexdigest()
    if not folder.is_dir():
        try:
            for old in parent.iterdir() if parent.is_dir() else ():
                shutil.rmtree(old, ignore_errors=True)
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
    return _CompiledTemplates(str(folder))


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


def _describe(exc: BaseException) -> Msg:
    """What went wrong while rendering, as a catalog message."""
    if isinstance(exc, SecurityError):
        return Msg("template.refused", problem=str(exc))
    if isinstance(exc, TemplateNotFound | TemplatesNotFound):
        return Msg("template.missing", problem=str(exc))
    if isinstance(exc, TemplateError):
        return Msg("template.error", problem=str(exc))
    return Msg("template.render-error", problem=f"{type(exc).__name__}: {exc}")


def _hint(exc: BaseException) -> Msg | None:
    """What to do about a rendering error, when ksd knows."""
    if isinstance(exc, SecurityError):
        return Msg("template.refused.hint")
    if "undefined" in str(exc):
        return Msg("template.undefined.hint")
    return None
