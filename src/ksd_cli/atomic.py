"""Writing user files safely: never a half-written file, never a silent overwrite."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ksd_cli.errors import UserError
from ksd_cli.messages import Msg


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
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
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


def refuse_overwrite(path: Path, force: bool) -> None:
    """A ``UserError`` when ``path`` exists and ``--force`` was not given."""
    if path.exists() and not force:
        raise UserError(Msg("file.exists", path=path), hint=Msg("file.exists.hint"))
