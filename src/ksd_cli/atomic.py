"""Writing user files safely: never a half-written file, never a silent overwrite."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ksd_cli.errors import UserError


def write_text_atomic(path: Path, text: str, *, newline: str | None = None) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def refuse_overwrite(path: Path, force: bool) -> None:
    """A ``UserError`` when ``path`` exists and ``--force`` was not given."""
    if path.exists() and not force:
        raise UserError(
            f"{path}: berkas sudah ada / file exists", hint="pass --force to replace it"
        )
