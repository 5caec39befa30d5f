"""A repository's record files and their stamps, taken by a forked child meanwhile.

``ksd diff REV`` and ``ksd validate --changed-since REV`` on a repository the cache knows
spend about a third of their time importing their modules (pydantic, the models, the
rules) and a sixth listing the record files and taking each one's stamp (an ``lstat`` a
file). The two do not depend on each other: a child forked once the configuration is known
lists and stamps on the other core while this process imports, and hands back each folder's
names and stamps in one compact value. What it hands back is what
``Repository.source_files`` and ``ksd_cli.cache.stamps_of`` give here; when it cannot fork,
or the child fails, they are taken here instead.

Loading the configuration imports pydantic and builds its models (about a third of the
imports), and the child need not wait for it: :func:`listed_ahead` forks it before, for the
record folders that ``ksd.toml``'s ``[paths]`` name, read as plain TOML.
``open_repository`` takes that child only when those are the record folders the
configuration gives; else it waits for it and forks another.
"""

from __future__ import annotations

import gc
import marshal
import os
import tempfile
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import IO, NoReturn

from ksd_cli import CONFIG_FILE
from ksd_cli.cache import Stamp, stamps_of
from ksd_cli.repository import NotRegular, RecordFolder, SourceFile, files_in, record_folders_at

#: ``[paths]``'s defaults (``ksd_cli.config.Paths``), for a ``ksd.toml`` that names none.
DEFAULT_FOLDERS = {"agreements": "data/agreements", "potentials": "data/potentials"}


@dataclass(frozen=True)
class Listing:
    """The record files of a repository, as ``Repository.source_files`` lists them, stamped."""

    sources: tuple[SourceFile, ...]
    stamps: tuple[Stamp | None, ...]

    def stamps_of(self, sources: Sequence[SourceFile]) -> list[Stamp | None] | None:
        """The stamps of ``sources`` when they are these very files, in this order."""
        if len(sources) != len(self.sources) or any(
            a is not b for a, b in zip(sources, self.sources, strict=True)
        ):
            return None
        return list(self.stamps)


def listed_ahead(root: Path) -> Aside | None:
    """A child listing the record folders ``ksd.toml`` at ``root`` names, forked now.

    The folders are read from the file as plain TOML, without the configuration's models:
    ``None`` when the file cannot be read so, or names a folder outside ``root`` (the
    configuration then refuses it). See ``open_repository(ahead=)``.
    """
    try:
        folders = _named_folders(root)
    except (OSError, ValueError, RuntimeError):  # unreadable, not UTF-8, not TOML, a loop
        return None
    return Aside(folders) if folders is not None else None


def _named_folders(root: Path) -> list[RecordFolder] | None:
    """The record folders ``ksd.toml`` names, read as plain TOML (see :func:`listed_ahead`)."""
    import tomllib

    top = root.resolve()
    config = top / CONFIG_FILE
    table = tomllib.loads(config.read_text(encoding="utf-8-sig")) if config.is_file() else {}
    paths = table.get("paths", {})
    if not isinstance(paths, dict):
        return None
    named = [paths.get(key, default) for key, default in DEFAULT_FOLDERS.items()]
    for value in named:
        if not isinstance(value, str) or Path(value).is_absolute():
            return None
        target = (top / value).resolve()
        if target != top and top not in target.parents:
            return None
    return record_folders_at(top, *named)


class Aside:
    """The listing of record folders' files, taken by a child forked when this is made.

    :meth:`listing` waits for the child (once) and gives what it found; when this process
    could not fork, or the child failed, the listing is taken then, here.
    """

    def __init__(self, folders: Sequence[RecordFolder]) -> None:
        """Fork the child that lists ``folders`` (a repository's ``record_folders``)."""
        from ksd_cli.pool import can_fork

        self._folders = list(folders)
        self._found: Listing | None = None
        self._child = -1
        self._out: IO[bytes] | None = None
        if not can_fork():
            return
        try:
            out = tempfile.TemporaryFile()  # noqa: SIM115 - closed when the child is waited for
        except OSError:
            return  # no temporary folder to write in: listed here
        try:
            child = os.fork()
        except OSError:
            out.close()
            return
        if child == 0:
            _child(self._folders, out)
        self._child, self._out = child, out

    def lists(self, folders: Sequence[RecordFolder]) -> bool:
        """Whether these are the folders listed (a repository's ``record_folders``)."""
        return self._folders == list(folders)

    def listing(self) -> Listing:
        """The record files and their stamps (the same value at every call)."""
        if self._found is None:
            self._found = self._waited() or _listing_here(self._folders)
        return self._found

    def abandon(self) -> None:
        """Wait for the child without reading what it found (the command goes no further)."""
        self._waited(read=False)

    def _waited(self, *, read: bool = True) -> Listing | None:
        """What the child wrote, once it has ended (``None``: nothing usable, or no child)."""
        out, self._out = self._out, None
        if out is None:
            return None
        with out:
            _, status = os.waitpid(self._child, 0)
            if not read or os.waitstatus_to_exitcode(status) != 0:
                return None
            out.seek(0)
            try:
                return _from_parts(marshal.loads(out.read()))
            except (EOFError, ValueError, TypeError, KeyError):
                return None


#: How the child writes each file's ``not_regular``, one character a file.
_NOT_REGULAR: dict[str | None, str] = {None: "-", "symlink": "l", "special": "s", "subfolder": "d"}
_FROM_CHARACTER: dict[str, NotRegular | None] = {
    "-": None,
    "l": "symlink",
    "s": "special",
    "d": "subfolder",
}
#: The stamp written for a file without one (a real file's size is never negative).
_NO_STAMP = (-1, -1, -1, -1)


def _child(folders: Sequence[RecordFolder], out: IO[bytes]) -> NoReturn:
    """The forked child's whole life: list, stamp, write, leave without cleaning up.

    Each folder is written as its path, kind and prefix, its files' names joined by NUL,
    one character a file for ``not_regular`` and the stamps as one array of integers:
    a few values for the parent to read instead of one tuple a file.
    """
    code = 1
    try:
        # A collection here would touch every object shared with the parent, copying pages.
        gc.disable()
        sources = files_in(folders)
        stamps = stamps_of(sources)
        parts: list[tuple[str, str, str, list[str], list[str], array[int]]] = []
        for source, stamp in zip(sources, stamps, strict=True):
            where = source.location
            assert isinstance(where, tuple)
            folder = str(where[0])
            if not parts or parts[-1][0] != folder:
                prefix = source.rel[: len(source.rel) - len(where[1])]
                parts.append((folder, source.kind, prefix, [], [], array("q")))
            part = parts[-1]
            part[3].append(where[1])
            part[4].append(_NOT_REGULAR[source.not_regular])
            part[5].extend(stamp if stamp is not None else _NO_STAMP)
        written = [
            (folder, kind, prefix, "\0".join(names), "".join(flags), numbers.tobytes())
            for folder, kind, prefix, names, flags, numbers in parts
        ]
        out.write(marshal.dumps(written))
        out.flush()
        code = 0
    finally:
        # Nothing of the parent's (buffers, handlers at exit, temporary files) is run here.
        os._exit(code)


#: Setters of ``SourceFile``'s slots, in its fields' order: the listing makes one a file, and
#: the frozen class's ``__init__`` sets each field through ``object.__setattr__`` (about half
#: the time of reading the child's listing).
_SOURCE_SLOTS = tuple(vars(SourceFile)[f.name].__set__ for f in fields(SourceFile))


def _from_parts(parts: object) -> Listing | None:
    """The listing the child wrote (``None`` when it is not one)."""
    if not isinstance(parts, list):
        return None
    sources: list[SourceFile] = []
    stamps: list[Stamp | None] = []
    set_location, set_rel, set_kind, set_not_regular = _SOURCE_SLOTS
    for folder, kind, prefix, joined, flags, numbers in parts:
        place = Path(folder)
        names = joined.split("\0") if joined else []
        values = array("q")
        values.frombytes(numbers)
        if not len(names) == len(flags) == len(values) // 4:
            return None
        for name, flag in zip(names, flags, strict=True):
            # SourceFile((place, name), prefix + name, kind, not_regular), without __init__.
            source: SourceFile = object.__new__(SourceFile)
            set_location(source, (place, name))
            set_rel(source, prefix + name)
            set_kind(source, kind)
            set_not_regular(source, _FROM_CHARACTER[flag])
            sources.append(source)
        each = iter(values)
        found: list[Stamp] = list(zip(each, each, each, each, strict=True))
        # A file without a stamp is rare (changed moments ago): most folders have none.
        stamps.extend(
            found if min(values[::4], default=0) >= 0 else [None if s[0] < 0 else s for s in found]
        )
    return Listing(tuple(sources), tuple(stamps))


def _listing_here(folders: Sequence[RecordFolder]) -> Listing:
    sources = files_in(folders)
    return Listing(tuple(sources), tuple(stamps_of(sources)))
