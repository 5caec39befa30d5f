"""A region's consolidated row kept in the ksd cache, so that an unchanged repository is free.

Keyed by everything the row is made of: every record file's path and bytes, the
configuration, ksd's code and reference data, the as-of date and the region's today, the
language and where the repository is. The stamp of every file (see
:func:`ksd_cli.cache.stamp_of`) is kept beside the row: a repository whose files all have the
stamps stored is unchanged without reading a byte of them; one whose stamps differ is read
and its bytes hashed. Like the record cache (:mod:`ksd_cli.cache`), it is an optimisation
only: unreadable or stale entries are ignored, ``--no-cache`` and ``KSD_NO_CACHE`` switch it
off, and the result is the same without it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ksd_cli.cache import (
    Stamp,
    cache_folder,
    code_fingerprint,
    content_key,
    reference_fingerprint,
    stamp_of,
)

if TYPE_CHECKING:
    from ksd_cli.repository import Repository, SourceFile

#: The layout of a saved row; another is ignored (and replaced).
FORMAT = 2
#: Every record file's path and stamp (``None``: not to be trusted, see ``stamp_of``).
Stamps = tuple[tuple[str, Stamp | None], ...]


def code_key() -> str:
    """Ksd's code and reference data, once per run (not once per repository)."""
    return code_fingerprint() + reference_fingerprint()


@dataclass(frozen=True)
class Key:
    """What a repository's row is keyed by: the settings, and its files' stamps and bytes.

    ``settings`` hashes everything but the files (see :func:`key_of`); ``content`` is
    computed only when the stamps do not tell the files unchanged (:meth:`row_key`).
    """

    repository: Repository
    sources: Sequence[SourceFile]
    settings: str
    stamps: Stamps

    @property
    def stamps_digest(self) -> str:
        """The hash of the stamps (kept instead of them: a smaller entry to read back)."""
        data = pickle.dumps(self.stamps, protocol=pickle.HIGHEST_PROTOCOL)
        return hashlib.blake2b(data, digest_size=20).hexdigest()

    @property
    def trusted(self) -> bool:
        """Whether every stamp can be trusted (none changed moments before it was taken)."""
        return all(stamp is not None for _, stamp in self.stamps)

    def row_key(self) -> str:
        """The key of the row: the settings and every record file's path and bytes."""
        from ksd_cli.loading import read_bytes

        digest = hashlib.blake2b(self.settings.encode(), digest_size=20)
        max_bytes = self.repository.config.validate_.max_file_kb * 1024
        for source in self.sources:
            data = read_bytes(source, max_bytes)
            key = content_key(source.rel, data) if isinstance(data, bytes) else repr(data)
            digest.update(key.encode("utf-8", "surrogateescape") + b"\n")
        return digest.hexdigest()


def key_of(
    repository: Repository, *, label: str, as_of: date, today: date, lang: str, code: str
) -> Key:
    """The settings of a repository's row and its files' stamps (no file is read).

    ``code`` is :func:`code_key`. The stamps are taken before the bytes are read (by
    :meth:`Key.row_key`), so that a file changed in between is read again next time.
    """
    config = repository.config
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
    settings = hashlib.blake2b("\n".join(parts).encode(), digest_size=20).hexdigest()
    sources = repository.source_files()
    now = time.time_ns()
    stamps = tuple(
        (s.rel, stamp_of(s.fspath, now) if s.not_regular is None else None) for s in sources
    )
    return Key(repository, sources, settings, stamps)


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
    stored = _stored(place or _path(root))
    if stored is None or stored.get("key") != key:
        return None
    return stored.get("row")


def load_unchanged(root: Path, key: Key) -> tuple[str, object] | None:
    """The row key and row saved for the repository at ``root``, when its files are unchanged.

    Unchanged: the same settings, and every file listed with the stamp stored (all to be
    trusted). ``None`` otherwise: the files are then to be hashed (:meth:`Key.row_key`).
    """
    if not key.trusted:
        return None
    path = _path(root)
    if not path.is_file():
        return None
    stored = _stored(path)
    if stored is None or stored.get("settings") != key.settings:
        return None
    row_key = stored.get("key")
    if stored.get("stamps") != key.stamps_digest or not isinstance(row_key, str):
        return None
    return row_key, stored.get("row")


def _stored(path: Path) -> dict[str, object] | None:
    try:
        with path.open("rb") as stream:
            stored = pickle.load(stream)  # noqa: S301 - the user's own cache folder
    except Exception:  # noqa: BLE001 - a cache that cannot be read is no cache
        return None
    if not isinstance(stored, dict) or stored.get("format") != FORMAT:
        return None
    return stored


def save(
    root: Path, key: str, row: object, *, place: Path | None = None, stamped: Key | None = None
) -> None:
    """Keep ``row`` under ``key`` (atomically); a cache that cannot be written is skipped.

    ``stamped``: the settings and stamps the row's files had (see :func:`load_unchanged`).
    """
    path = place or _path(root)
    payload: dict[str, object] = {"format": FORMAT, "key": key, "row": row}
    if stamped is not None:
        payload |= {"settings": stamped.settings, "stamps": stamped.stamps_digest}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as stream:
                pickle.dump(payload, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError):
        return
