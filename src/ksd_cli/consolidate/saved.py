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
import time
from array import array
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ksd_cli import cache
from ksd_cli.cache import cache_folder, code_fingerprint, content_key, reference_fingerprint
from ksd_cli.onerecord import record_stamps

if TYPE_CHECKING:
    from ksd_cli.repository import Repository

#: The layout of a saved row; another is ignored (and replaced).
FORMAT = 3


def code_key() -> str:
    """Ksd's code and reference data, once per run (not once per repository)."""
    return code_fingerprint() + reference_fingerprint()


@dataclass(frozen=True)
class Key:
    """What a repository's row is keyed by: the settings, and its files' stamps and bytes.

    ``settings`` hashes everything but the files (see :func:`key_of`), ``stamps`` every
    record file's name and stamp; ``trusted`` is false when one of them cannot be trusted (a
    file changed moments before, see ``ksd_cli.cache.RACY_NS``, or one that is not a regular
    file). The files' bytes are hashed only when the stamps do not tell the files unchanged
    (:meth:`row_key`).
    """

    repository: Repository
    settings: str
    stamps: str
    trusted: bool

    def row_key(self) -> str:
        """The key of the row: the settings and every record file's path and bytes."""
        from ksd_cli.loading import read_bytes

        digest = hashlib.blake2b(self.settings.encode(), digest_size=20)
        max_bytes = self.repository.config.validate_.max_file_kb * 1024
        # Listed again: a file added since the stamps were taken is read now, and its stamp,
        # missing from the stamps kept, has it read again next time.
        for source in self.repository.source_files():
            data = read_bytes(source, max_bytes)
            key = content_key(source.rel, data) if isinstance(data, bytes) else repr(data)
            digest.update(key.encode("utf-8", "surrogateescape") + b"\n")
        return digest.hexdigest()


def key_of(
    repository: Repository, *, label: str, as_of: date, today: date, lang: str, code: str
) -> Key:
    """The settings of a repository's row and its files' stamps (no file is read).

    ``code`` is :func:`code_key`. The stamps are taken before the bytes are read (by
    :meth:`Key.row_key`), so that a file changed in between is read again next time. One
    listing and one ``lstat`` a record file, relative to its open folder (a province's 552
    repositories hold about 100,000 files).
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
    stamps = hashlib.blake2b(digest_size=20)
    trusted = True
    racy_before = time.time_ns() - cache.RACY_NS
    for folder, _, prefix in repository.record_folders():
        listed = record_stamps(folder)
        if listed is None:  # a record file that is not a regular file: read every time
            trusted = False
            continue
        names, numbers = listed
        stamps.update(f"{prefix}\0{names}\0{len(numbers)}\0".encode("utf-8", "surrogateescape"))
        stamps.update(numbers)
        # Each stamp is (size, modification time, change time, inode): the change times.
        if any(changed > racy_before for changed in array("q", numbers)[2::4]):
            trusted = False
    return Key(repository, settings, stamps.hexdigest(), trusted)


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
    stored = cache.read_pickled(place or _path(root), FORMAT)
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
    stored = cache.read_pickled(path, FORMAT)
    if stored is None or stored.get("settings") != key.settings:
        return None
    row_key = stored.get("key")
    if stored.get("stamps") != key.stamps or not isinstance(row_key, str):
        return None
    return row_key, stored.get("row")


def save(
    root: Path, key: str, row: object, *, place: Path | None = None, stamped: Key | None = None
) -> None:
    """Keep ``row`` under ``key`` (atomically); a cache that cannot be written is skipped.

    ``stamped``: the settings and stamps the row's files had (see :func:`load_unchanged`).
    """
    path = place or _path(root)
    payload: dict[str, object] = {"key": key, "row": row}
    if stamped is not None:
        payload |= {"settings": stamped.settings, "stamps": stamped.stamps}
    cache.store_pickled(path, FORMAT, payload)
