"""The output contract of every command that writes: its formats, and writing a file safely.

One registry, :data:`FORMATS`, names the writers of each result type (validate, stalled,
show, diff, report, mapping, draft) by ``--format`` name. The CLI builds its
``--format`` choices from its keys, maps an ``--output`` file's extension to a format
through the same table, and writes through :func:`write_output`: never over an existing
file without ``--force``, never into a folder that does not exist, always atomically.

This module is imported when the CLI starts: writers are named as ``"module:function"`` and
imported only when used, so ``ksd --help`` does not load openpyxl, jinja2 or python-docx.
"""

from __future__ import annotations

import errno
import importlib
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ksd_cli.errors import UsageProblem, UserError
from ksd_cli.messages import Msg

#: The longest file name most file systems accept, in bytes.
MAX_NAME_BYTES = 255


@dataclass(frozen=True)
class Format:
    """One output format of one result type.

    ``writer`` is ``"module:attribute"``. A text writer is a function called as
    ``writer(result, stream, **options)`` or a class used as
    ``writer(**options).write(result, stream)``; a ``binary`` writer is called as
    ``writer(result, **options)`` and returns the file's bytes (it cannot go to stdout), or,
    ``streamed``, as ``writer(result, stream, **options)`` with a seekable binary stream, so
    that a large file is not held whole. ``suffix`` is the file extension that selects the
    format for ``--output``.
    """

    name: str
    suffix: str
    writer: str
    binary: bool = False
    streamed: bool = False

    def load(self) -> Callable[..., Any]:
        """The writer function (its module imported now)."""
        module, _, function = self.writer.partition(":")
        writer: Callable[..., Any] = getattr(importlib.import_module(module), function)
        return writer


def _formats(*formats: Format) -> dict[str, Format]:
    return {f.name: f for f in formats}


#: Every output format of every result type. The first entry of each is its default.
FORMATS: dict[str, dict[str, Format]] = {
    "validate": _formats(
        Format("text", ".txt", "ksd_cli.reporters:TextReporter"),
        Format("json", ".json", "ksd_cli.reporters:JsonReporter"),
        Format("github", ".txt", "ksd_cli.reporters:GithubReporter"),
        Format("sarif", ".sarif", "ksd_cli.reporters:SarifReporter"),
        Format("junit", ".xml", "ksd_cli.reporters:JunitReporter"),
        Format("gitlab", ".gitlab.json", "ksd_cli.reporters:GitlabReporter"),
    ),
    "stalled": _formats(
        Format("text", ".txt", "ksd_cli.stalled_output:write_text"),
        Format("json", ".json", "ksd_cli.stalled_output:write_json"),
        Format("csv", ".csv", "ksd_cli.stalled_output:write_csv"),
        Format("md", ".md", "ksd_cli.stalled_output:write_markdown"),
        Format("xlsx", ".xlsx", "ksd_cli.stalled_output:xlsx_bytes", binary=True),
    ),
    "show": _formats(
        Format("text", ".txt", "ksd_cli.cli.show:write_text"),
        Format("json", ".json", "ksd_cli.cli.show:write_json"),
    ),
    "diff": _formats(
        Format("text", ".txt", "ksd_cli.cli.diff:write_text"),
        Format("md", ".md", "ksd_cli.cli.diff:write_markdown"),
        Format("json", ".json", "ksd_cli.cli.diff:write_json"),
    ),
    "report": _formats(
        Format("xlsx", ".xlsx", "ksd_cli.report.excel:write_workbook", binary=True, streamed=True),
        Format("md", ".md", "ksd_cli.report.markdown:write_markdown"),
        Format("docx", ".docx", "ksd_cli.report.document:docx_bytes", binary=True),
        Format("pdf", ".pdf", "ksd_cli.report.document:pdf_bytes", binary=True),
    ),
    "mapping": _formats(
        Format("md", ".md", "ksd_cli.mapping.markdown:write_markdown"),
        Format("xlsx", ".xlsx", "ksd_cli.mapping.excel:xlsx_bytes", binary=True),
        Format("docx", ".docx", "ksd_cli.mapping.document:docx_bytes", binary=True),
        Format("pdf", ".pdf", "ksd_cli.mapping.document:pdf_bytes", binary=True),
        Format("json", ".json", "ksd_cli.mapping.markdown:write_json"),
    ),
    # ksd consolidate (issue 15)
    "consolidate": _formats(
        Format("text", ".txt", "ksd_cli.consolidate.render:write_text"),
        Format("json", ".json", "ksd_cli.consolidate.render:write_json"),
        Format("md", ".md", "ksd_cli.consolidate.render:write_markdown"),
        Format("xlsx", ".xlsx", "ksd_cli.consolidate.excel:xlsx_bytes", binary=True),
    ),
    "draft": _formats(
        Format("md", ".md", "ksd_cli.draft.render:naskah_bytes", binary=True),
        Format("docx", ".docx", "ksd_cli.draft.render:naskah_bytes", binary=True),
        Format("pdf", ".pdf", "ksd_cli.draft.render:naskah_bytes", binary=True),
    ),
}


def format_names(kind: str) -> list[str]:
    """The ``--format`` choices of a result type, in registry order."""
    return list(FORMATS[kind])


def _suffix_of(path: Path, known: set[str]) -> str | None:
    """The longest registered suffix ``path`` ends with (``.gitlab.json`` before ``.json``)."""
    name = path.name.lower()
    matches = [s for s in known if name.endswith(s)]
    return max(matches, key=len) if matches else None


def choose_format(kind: str, requested: str | None, output: Path | None) -> Format:
    """The format to write: ``--format`` if given, else the ``--output`` file's extension.

    A ``--format`` that contradicts the extension (``-f md -o x.docx``), or an extension
    that belongs to a format this command does not write (``stalled -o x.docx``), is a
    usage error: never a file whose content does not match its name. An extension no format
    uses (``.out``) leaves the choice to ``--format`` or the default.
    """
    formats = FORMATS[kind]
    if requested is not None and requested not in formats:
        raise UsageProblem(
            "--format", Msg("usage.not-one-of", value=repr(requested), choices=", ".join(formats))
        )
    suffix = None
    if output is not None:
        every = {f.suffix for table in FORMATS.values() for f in table.values()}
        suffix = _suffix_of(output, every)
    by_suffix = [f for f in formats.values() if f.suffix == suffix] if suffix else []
    if requested is not None:
        chosen = formats[requested]
        if suffix is not None and chosen.suffix != suffix and not _generic(suffix, chosen):
            raise UsageProblem(
                "--format",
                Msg("usage.format-mismatch", format=requested, output=output, suffix=suffix),
            )
        return chosen
    if suffix is not None:
        if not by_suffix:
            written = ", ".join(f"{f.name} ({f.suffix})" for f in formats.values())
            raise UsageProblem(
                "--output",
                Msg(
                    "usage.suffix-not-written",
                    output=output,
                    kind=kind,
                    suffix=suffix,
                    formats=written,
                ),
            )
        return by_suffix[0]
    return next(iter(formats.values()))


def _generic(suffix: str, chosen: Format) -> bool:
    """A ``.json`` name fits every JSON format (``-f sarif -o x.json``), ``.txt`` every text."""
    if suffix == ".json":
        return chosen.suffix.endswith(".json") or chosen.name == "sarif"
    return suffix == ".txt" and not chosen.binary


def render(fmt: Format, result: object, **options: Any) -> str | bytes:
    """``result`` in format ``fmt``: text for text formats, bytes for binary ones."""
    if fmt.streamed:
        buffer = io.BytesIO()
        fmt.load()(result, buffer, **options)
        return buffer.getvalue()
    if fmt.binary:
        content: bytes = fmt.load()(result, **options)
        return content
    stream = io.StringIO()
    write_stream(fmt, result, stream, **options)
    return stream.getvalue()


def write_stream(fmt: Format, result: object, stream: TextIO, **options: Any) -> None:
    """Write ``result`` in the text format ``fmt`` to ``stream`` (stdout keeps its terminal)."""
    writer = fmt.load()
    if isinstance(writer, type):
        writer(**options).write(result, stream)
    else:
        writer(result, stream, **options)


def check_target(path: Path, *, force: bool) -> None:
    """Refuse an output file ksd must not write, before any work is done.

    An existing file needs ``force``; a folder, ``.``, a name over 255 bytes, a missing
    folder or something that is not a regular file are refused with a message that names
    them.
    """
    name = path.name
    if name in ("", ".", ".."):
        raise UserError(Msg("output.is-directory", path=path))
    if len(os.fsencode(name)) > MAX_NAME_BYTES:
        shown = name[:40] + "…"
        raise UserError(Msg("output.name-too-long", name=shown, limit=MAX_NAME_BYTES))
    try:
        if path.is_dir():
            raise UserError(Msg("output.is-directory", path=path))
        folder = path.parent
        if not folder.is_dir():
            raise UserError(
                Msg("output.no-folder", folder=folder, path=path),
                hint=Msg("output.no-folder.hint"),
            )
        if os.path.lexists(path):
            if path.is_symlink() or not path.is_file():
                raise UserError(Msg("output.not-a-file", path=path))
            if not force:
                raise UserError(Msg("output.exists", path=path), hint=Msg("output.exists.hint"))
    except OSError as exc:
        raise UserError(Msg("output.cannot-write", path=path, reason=_reason(exc))) from None


def _reason(exc: OSError) -> str:
    return exc.strerror or errno.errorcode.get(exc.errno or 0, str(exc))


def cannot_write(exc: OSError, hint: Msg | None = None) -> UserError:
    """The ``UserError`` for a file the file system refused (``exc`` names it)."""
    return UserError(Msg("output.cannot-write", path=exc.filename, reason=_reason(exc)), hint)


def write_text_output(
    path: Path, fmt: Format, result: object, *, force: bool, **options: Any
) -> None:
    """``result`` in the text format ``fmt`` to ``path``, written as the writer writes it.

    As :func:`write_output` (atomic, a failing file system a ``UserError``), without the
    whole text held first (a large report's Markdown is over 100 MB).
    """
    from ksd_cli.atomic import open_text_atomic

    check_target(path, force=force)
    try:
        with open_text_atomic(path) as stream:
            write_stream(fmt, result, stream, **options)
    except OSError as exc:
        raise UserError(Msg("output.cannot-write", path=path, reason=_reason(exc))) from None


def write_streamed_output(
    path: Path, fmt: Format, result: object, *, force: bool, **options: Any
) -> None:
    """``result`` in the ``streamed`` binary format ``fmt`` to ``path``, as the writer makes it.

    As :func:`write_text_output`: atomic, a failing file system a ``UserError``, the file's
    bytes never held whole.
    """
    from ksd_cli.atomic import open_bytes_atomic

    check_target(path, force=force)
    try:
        with open_bytes_atomic(path) as stream:
            fmt.load()(result, stream, **options)
    except OSError as exc:
        raise UserError(Msg("output.cannot-write", path=path, reason=_reason(exc))) from None


def write_output(path: Path, content: str | bytes, *, force: bool) -> None:
    """Write ``content`` to ``path`` atomically under the rules of :func:`check_target`.

    A failure of the file system (a read-only folder, a full disk) is a ``UserError`` naming
    the file, not a traceback.
    """
    from ksd_cli.atomic import write_bytes_atomic

    check_target(path, force=force)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise UserError(Msg("output.cannot-write", path=path, reason=_reason(exc))) from None
