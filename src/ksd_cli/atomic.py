"""Writing user files safely: never a half-written file, never a silent overwrite."""

from __future__ import annotations

import errno
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ksd_cli.errors import UserError
from ksd_cli.messages import Msg

#: In the name of every temporary file ksd writes, with the writer's process id after it:
#: ``.NAME.ksd-PID-RANDOM.tmp``. A run killed between writing and renaming leaves one behind;
#: the next run recognises it by this mark and a process id that is no longer running.
TEMP_MARK = "ksd-"
_TEMP_NAME = re.compile(r"^\..+\." + TEMP_MARK + r"([0-9]+)-[A-Za-z0-9_]+\.tmp$")


def write_text_atomic(path: Path, text: str, *, newline: str | None = None) -> None:
    r"""Write ``text`` (UTF-8) to ``path`` through a temporary file and a rename.

    ``newline`` as for ``open``: ``None``, ``""`` or ``"\n"`` write the text as it is,
    ``"\r\n"`` turns every line feed into CRLF.
    """
    if newline not in (None, "", "\n"):
        text = text.replace("\n", newline)
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder and a rename.

    Either the whole new file is there, or the old one is untouched: never half a file.
    """
    with _atomic(path, "wb") as stream:
        stream.write(content)


@contextmanager
def open_text_atomic(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text stream whose text replaces ``path`` when the block ends without an error.

    For text written a piece at a time (a report of 100,000 agreements is over 100 MB of
    it): as :func:`write_bytes_atomic`, never half a file; line feeds are written as they are.
    """
    with _atomic(path, "w", encoding="utf-8", newline="") as stream:
        yield stream


@contextmanager
def open_bytes_atomic(path: Path) -> Iterator[BinaryIO]:
    """A binary stream (seekable) whose bytes replace ``path`` when the block ends without an error.

    As :func:`open_text_atomic`, for a file written as it is made (a workbook as it is zipped).
    """
    with _atomic(path, "wb") as stream:
        yield stream


@contextmanager
def _atomic(path: Path, mode: str, **options: Any) -> Iterator[Any]:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.{TEMP_MARK}{os.getpid()}-", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(handle, mode, **options) as stream:
            yield stream
        replace_keeping_mode(Path(temporary), path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def replace_keeping_mode(temporary: Path, path: Path) -> None:
    """Rename ``temporary`` over ``path`` with the mode the user expects.

    ``mkstemp`` makes files readable by their owner only; an existing file keeps its mode, a
    new one gets the usual mode for the user's umask (0644 under the common umask 022).
    """
    if path.exists():
        mode = path.stat().st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)
    os.replace(temporary, path)


def create_new_files(folder: Path, files: Iterable[tuple[str, bytes]]) -> list[str]:
    """Create each named file in ``folder`` with its content; return the names already there.

    Each file appears whole under its name or not at all, and a file already there is left
    as it is (its name is returned, for the caller to replace it deliberately). An ``OSError``
    (a full disk) names the file it failed on, and the files before it stay whole. For the many
    new files of an import: on Linux each is written unnamed (``O_TMPFILE``) and then linked
    under its name, which cannot replace anything, and a run killed before the link leaves no
    file at all; two directory operations fewer than a temporary name and a rename, about half
    the kernel's time per file. Where that is not available, a temporary name and a rename.
    """
    folder.mkdir(parents=True, exist_ok=True)
    existing: list[str] = []
    directory = _open_folder(folder)
    try:
        for name, content in files:
            try:
                if directory is not None:
                    try:
                        _link_unnamed(directory, name, content)
                        continue
                    except _NoUnnamed:
                        os.close(directory)
                        directory = None
                _rename_new(folder / name, content)
            except FileExistsError:
                existing.append(name)
            except OSError as exc:
                if exc.filename is None:  # os.write names no file: say which one it was
                    exc.filename = os.fspath(folder / name)
                raise
    finally:
        if directory is not None:
            os.close(directory)
    return existing


class _NoUnnamed(Exception):
    """The file system or the system cannot write unnamed files: take the temporary name."""


#: How ``open(O_TMPFILE)`` or the link through ``/proc`` says it cannot be done here: no
#: support in the file system or kernel (EOPNOTSUPP, EISDIR, EINVAL), no ``/proc`` (ENOENT).
_UNNAMED_UNSUPPORTED = frozenset(
    {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT, errno.EXDEV, errno.EPERM}
)


def _open_folder(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or os.link not in os.supports_dir_fd:
        return None
    return os.open(folder, os.O_RDONLY | os.O_DIRECTORY)


def _link_unnamed(directory: int, name: str, content: bytes) -> None:
    try:
        handle = os.open(".", os.O_WRONLY | os.O_TMPFILE, 0o666, dir_fd=directory)
    except OSError as exc:
        if exc.errno in _UNNAMED_UNSUPPORTED:
            raise _NoUnnamed from exc
        raise
    try:
        _write_all(handle, content)
        # linkat(..., AT_SYMLINK_FOLLOW) through /proc: the way open(2) documents for an
        # unprivileged process; a destination given by folder makes os.link call linkat.
        try:
            os.link(f"/proc/self/fd/{handle}", name, dst_dir_fd=directory, follow_symlinks=True)
        except OSError as exc:
            if exc.errno in _UNNAMED_UNSUPPORTED:
                raise _NoUnnamed from exc
            raise
    finally:
        os.close(handle)


def _rename_new(path: Path, content: bytes) -> None:
    """A new file through a temporary name and a rename; ``FileExistsError`` if it exists."""
    if os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, "exists", str(path))
    temporary = path.with_name(f".{path.name}.{TEMP_MARK}{os.getpid()}-new.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        try:
            _write_all(handle, content)
        finally:
            os.close(handle)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_all(handle: int, content: bytes) -> None:
    view = memoryview(content)
    while view:
        view = view[os.write(handle, view) :]


def refuse_overwrite(path: Path, force: bool) -> None:
    """A ``UserError`` when ``path`` exists and ``--force`` was not given."""
    if path.exists() and not force:
        raise UserError(Msg("file.exists", path=path), hint=Msg("file.exists.hint"))


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files that a killed ksd run left in ``folder``; return them.

    Only files named as :func:`write_bytes_atomic` names them, whose process is gone, are
    removed: a run still writing keeps its file, and no user file is ever touched.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        if _running(int(match.group(1))):
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    """Whether a process with this id exists (on this machine)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # it exists (another user's), or we cannot tell: keep the file
    return True
