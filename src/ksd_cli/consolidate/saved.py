"""A region's consolidated row kept in the ksd cache, so that an unchanged repository is free.

Keyed by everything the row is made of: every record file's path and bytes, the
configuration, ksd's code and reference data, the as-of date and the region's today, the
language and where the repository is. Like the record cache (:mod:`ksd_cli.cache`), it is an
optimisation only: unreadable or stale entries are ignored, ``--no-cache`` and
``KSD_NO_CACHE`` switch it off, and the result is the same without it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ksd_cli.cache import cache_folder, code_fingerprint, content_key, reference_fingerprint
from ksd_cli.loading import read_bytes

if TYPE_CHECKING:
    from ksd_cli.repository import Repository

#: The layout of a saved row; another is ignored (and replaced).
FORMAT = 1


def code_key() -> str:
    """Ksd's code and reference data, once per run (not once per repository)."""
    return code_fingerprint() + reference_fingerprint()


def row_key(
    repository: Repository, *, label: str, as_of: date, today: date, lang: str, code: str
) -> str:
    """The key of a repository's row: all its record files' bytes and what else shapes it.

    ``code`` is :func:`code_key`.
    """
    config = repository.config
    digest = hashlib.blake2b(digest_size=20)
    parts = (
        str(FORMAT),
        code,
        config.model_dump_json(),
        as_of.isoformat(),
        lang,
        today.isoformat(),
        label,
        str(repository.root),
    )
    digest.update("\n".join(parts).encode())
    max_bytes = config.validate_.max_file_kb * 1024
    for source in repository.source_files():
        data = read_bytes(source, max_bytes)
        key = content_key(source.rel, data) if isinstance(data, bytes) else repr(data)
        digest.update(key.encode("utf-8", "surrogateescape") + b"\n")
    return digest.hexdigest()


def _path(root: Path) -> Path:
    name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=12).hexdigest()
    return cache_folder() / "konsolidasi-daerah" / f"{name}.pickle"


def findings_place(labels: list[str]) -> Path:
    """Where the findings across the regions of one set of sources (by label) are kept."""
    name = hashlib.blake2b("\0".join(labels).encode("utf-8", "surrogateescape"), digest_size=12)
    return cache_folder() / "konsolidasi-temuan" / f"{name.hexdigest()}.pickle"


def findings_key(keys: list[str]) -> str:
    """The key of the findings across regions: every region's row key, in source order."""
    return hashlib.blake2b("\n".join([str(FORMAT), *keys]).encode(), digest_size=20).hexdigest()


def load(root: Path, key: str, *, place: Path | None = None) -> object | None:
    """The row saved under ``key`` for the repository at ``root``; None when there is none.

    ``place`` names the cache file instead (the findings across regions).
    """
    try:
        with (place or _path(root)).open("rb") as stream:
            stored = pickle.load(stream)  # noqa: S301 - the user's own cache folder
    except Exception:  # noqa: BLE001 - a cache that cannot be read is no cache
        return None
    if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("key") != key:
        return None
    return stored.get("row")


def save(root: Path, key: str, row: object, *, place: Path | None = None) -> None:
    """Keep ``row`` under ``key`` (atomically); a cache that cannot be written is skipped."""
    path = place or _path(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as stream:
                pickle.dump(
                    {"format": FORMAT, "key": key, "row": row},
                    stream,
                    protocol=pickle.HIGHEST_PROTOCOL,
                )
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError):
        return
