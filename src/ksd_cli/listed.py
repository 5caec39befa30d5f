"""A repository's record files and their stamps, taken by a forked child meanwhile.

``ksd diff REV`` and ``ksd validate --changed-since REV`` on a repository the cache knows
spend about a third of their time importing their modules (pydantic, the models, the
rules) and a sixth listing the record files and taking each one's stamp (an ``lstat`` a
file). The two do not depend on each other: a child forked once the configuration is known
lists and stamps on the other core while this process imports, and hands back each folder's
names and stamps in one compact value. What it hands back is what
``Repository.source_files`` and ``ksd_cli.cache.stamps_of`` give here; when it cannot fork,
or the child fails, they are taken here instead.
"""

from __future__ import annotations

import gc
import marshal
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ksd_cli.cache import Stamp, stamps_of
from ksd_cli.repository import Repository, SourceFile


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


class Aside:
    """The listing of a repository's record files, taken by a child forked when this is made.

    :meth:`listing` waits for the child (once) and gives what it found; when this process
    could not fork, or the child failed, the listing is taken then, here.
    """

    def __init__(self, repository: Repository) -> None:
        """Fork the child that lists ``repository`` (configuration known, files not listed)."""
        from ksd_cli.pool import can_fork

        self._repository = repository
        self._found: Listing | None = None
        self._child = -1
        self._out: IO[bytes] | None = None
        if not can_fork():
            return
        out = tempfile.TemporaryFile()  # noqa: SIM115 - closed when the child is waited for
        try:
            child = os.fork()
        except OSError:
            out.close()
            return
        if child == 0:
            _child(repository, out)
        self._child, self._out = child, out

    def listing(self) -> Listing:
        """The record files and their stamps (the same value at every call)."""
        if self._found is None:
            self._found = self._waited() or _listing_here(self._repository)
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
            except (EOFError, ValueError, TypeError):
                return None


def _child(repository: Repository, out: IO[bytes]) -> None:
    """The forked child's whole life: list, stamp, write, leave without cleaning up."""
    code = 1
    try:
        # A collection here would touch every object shared with the parent, copying pages.
        gc.disable()
        sources = repository.source_files()
        stamps = stamps_of(sources)
        parts: list[tuple[str, str, str, list[tuple[str, str | None, Stamp | None]]]] = []
        for source, stamp in zip(sources, stamps, strict=True):
            where = source.location
            assert isinstance(where, tuple)
            folder = str(where[0])
            if not parts or parts[-1][0] != folder:
                prefix = source.rel[: len(source.rel) - len(where[1])]
                parts.append((folder, source.kind, prefix, []))
            parts[-1][3].append((where[1], source.not_regular, stamp))
        out.write(marshal.dumps(parts))
        out.flush()
        code = 0
    finally:
        # Nothing of the parent's (buffers, handlers at exit, temporary files) is run here.
        os._exit(code)


def _from_parts(parts: object) -> Listing | None:
    """The listing the child wrote (``None`` when it is not one)."""
    if not isinstance(parts, list):
        return None
    sources: list[SourceFile] = []
    stamps: list[Stamp | None] = []
    for folder, kind, prefix, files in parts:
        place = Path(folder)
        for name, not_regular, stamp in files:
            sources.append(SourceFile((place, name), prefix + name, kind, not_regular))
            stamps.append(stamp)
    return Listing(tuple(sources), tuple(stamps))


def _listing_here(repository: Repository) -> Listing:
    sources = repository.source_files()
    return Listing(tuple(sources), tuple(stamps_of(sources)))
