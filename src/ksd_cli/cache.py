"""A cache of loaded, checked records, so that a repository read before is not read again.

A few files per repository and salt under the user's cache folder (never in the repository).
The index holds for each record file, by its path: its stamp (size, modification and change times,
inode), the hash of its bytes, the findings of loading it and of the rules that look at that
record alone, and its ``Facts`` (what the rules across records need). A file whose stamp is as
stored is not read at all; one whose stamp differs is read and hashed, and parsed only when its
bytes differ. The records file holds the records themselves, read only by the commands that
need them; the summary, only what one record's view needs of the others (``ksd_cli.onerecord``).
All are keyed too by everything else that changes those findings (``salt``): ksd's
version and code, the configuration, the reference data, the date the rules judge as of, the
language and the parser. The rules that look across records run on every run, from the facts.

The index is written whole when many entries changed; when few did, only they are written,
to a change file beside it (``.changes``) that names the index it changes, read over the
index by the next run. At 10,000 files, writing the whole index again took ~0.1 s for one
changed file: most of the time of ``ksd diff`` or ``--changed-since`` after an edit.

The cache is an optimisation only: safe to delete, ignored when unreadable, corrupt or written
by another version, and off with ``KSD_NO_CACHE`` (or ``--no-cache``). ``KSD_CACHE_DIR``
moves it (tests point it at a temporary folder).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import secrets
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ksd_cli.diagnostics import Diagnostic
from ksd_cli.frozen import pickled_by_fields

if TYPE_CHECKING:
    from ksd_cli.facts import Facts
    from ksd_cli.repository import SourceFile

#: The layout of the cache files; a file of another format is ignored (and replaced).
FORMAT = 2
#: A file changed this recently may change again within the same tick of a coarse clock
#: without its stamp changing: its stamp is not trusted (it is hashed next time).
RACY_NS = 3_000_000_000
#: The caches kept per repository (each under its own salt: another day, language...).
KEEP = 4
#: Entries changed, added or removed since the index was written whole, up to which only they
#: are written (to the change file): ``CHANGES_SHARE`` of the index's entries, at least
#: ``CHANGES_MIN``. Each run writes again every change since the index, so the change file
#: grows until the index is written whole.
CHANGES_SHARE = 10
CHANGES_MIN = 64
#: size, modification time, change time (ns), inode.
Stamp = tuple[int, int, int, int]
CACHE_DIR_ENV = "KSD_CACHE_DIR"
NO_CACHE_ENV = "KSD_NO_CACHE"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Entry:
    """What one file gave: the findings of reading it and of its own rules, and its facts.

    ``stamp`` is the file's stamp when it was read (``None`` when it changed moments before:
    see ``RACY_NS``), ``digest`` the hash of its bytes, ``facts`` ``None`` when it did not
    load. ``loading`` are the findings of reading and validating the file; ``checks`` those of
    the rules that look at the record alone.
    """

    stamp: Stamp | None
    digest: str
    facts: Facts | None
    loading: tuple[Diagnostic, ...]
    checks: tuple[Diagnostic, ...]
    #: The hash of ``facts`` (a file can change without its facts changing).
    facts_key: str = ""


def digest_of(data: bytes) -> str:
    """The hash of a file's bytes."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def content_key(rel: str, data: bytes) -> str:
    """A file's path (findings name it) and the hash of its bytes, as one key."""
    return rel + "\0" + digest_of(data)


def stamp_of(path: str | Path, now_ns: int | None = None) -> Stamp | None:
    """The stamp of the file at ``path`` (never following a link); ``None`` when it has none.

    ``None`` too when it changed less than ``RACY_NS`` before ``now_ns`` (default: now).
    """
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return stamp_from(info, time.time_ns() if now_ns is None else now_ns)


def stamps_of(sources: Sequence[SourceFile]) -> list[Stamp | None]:
    """:func:`stamp_of` of each file of ``sources`` (``None`` for one not regular), in order.

    Each file is looked at relative to its folder, opened once: the kernel does not walk
    every file's whole path again (10,000 files: about a third less time).
    """
    now = time.time_ns()
    stamps: list[Stamp | None] = []
    folder: Path | None = None
    handle = -1
    try:
        for source in sources:
            where = source.location
            if source.not_regular is not None:
                stamps.append(None)
                continue
            if not isinstance(where, tuple):
                stamps.append(stamp_of(where, now))
                continue
            if where[0] != folder:
                if handle >= 0:
                    os.close(handle)
                folder, handle = where[0], _open_folder(where[0])
            try:
                info = os.lstat(where[1], dir_fd=handle) if handle >= 0 else None
            except OSError:
                info = None
            stamps.append(None if info is None else stamp_from(info, now))
    finally:
        if handle >= 0:
            os.close(handle)
    return stamps


def _open_folder(folder: Path) -> int:
    """A handle on ``folder`` to look at its files by name; -1 when it cannot be opened."""
    try:
        return os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return -1


def stamp_from(info: os.stat_result, now_ns: int) -> Stamp | None:
    """The stamp of a file from its ``lstat``, as :func:`stamp_of`."""
    # Every change of the content moves the change time (which no tool sets back).
    if now_ns - info.st_ctime_ns < RACY_NS:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def cache_enabled(no_cache: bool = False) -> bool:
    """Whether the cache is used: not when asked not to, by option or by ``KSD_NO_CACHE``."""
    return not no_cache and os.environ.get(NO_CACHE_ENV, "") in ("", "0")


def cache_folder() -> Path:
    """Where ksd keeps its caches: ``KSD_CACHE_DIR``, else the user's cache folder."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("ksd", appauthor=False))


def code_fingerprint() -> str:
    """The version of ksd, and the size and time of its modules (a development copy changes)."""
    import ksd_cli

    digest = hashlib.blake2b(ksd_cli.__version__.encode(), digest_size=16)
    package = os.path.dirname(ksd_cli.__file__)
    found: list[tuple[list[str], str]] = []
    for top, folders, names in os.walk(package):
        # Only bytecode below: every warm command takes this fingerprint first.
        folders[:] = [f for f in folders if f != "__pycache__"]
        for name in names:
            if os.path.splitext(name)[1] in (".py", ".csv", ".j2", ".toml"):
                rel = os.path.relpath(os.path.join(top, name), package)
                found.append((rel.split(os.sep), rel))
    # In the order of the paths' parts, as sorting ``Path`` objects gives.
    for _, rel in sorted(found):
        info = os.stat(os.path.join(package, rel))
        digest.update(f"{rel}:{info.st_size}:{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def reference_fingerprint() -> str:
    """The hash of the reference tables' content (region and urusan codes)."""
    from importlib.resources import files

    digest = hashlib.blake2b(digest_size=16)
    folder = files("ksd_cli.reference")
    for name in ("kode_wilayah.csv", "kode_wilayah_lama.csv", "urusan.csv"):
        digest.update(folder.joinpath(name).read_bytes())
    return digest.hexdigest()


def salt(*, config_json: str, as_of: date, lang: str, parser: str) -> str:
    """Everything besides a file's own bytes that changes its findings, as one key."""
    parts = (
        str(FORMAT),
        code_fingerprint(),
        reference_fingerprint(),
        config_json,
        as_of.isoformat(),
        lang,
        parser,
    )
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def repository_name(root: Path) -> str:
    """The name of the repository at ``root`` among the cache's files (of its resolved path)."""
    return hashlib.blake2b(str(root.resolve()).encode(), digest_size=12).hexdigest()


#: The findings of the rules across records, with the key of what they were found from.
Cross = tuple[str, tuple[Diagnostic, ...]]


def read_pickled(path: Path, layout: int) -> dict[str, Any] | None:
    """The payload :func:`store_pickled` left at ``path`` in ``layout``, else ``None``.

    ``None`` too when the file is missing, unreadable or corrupt: a cache that cannot be read
    is no cache.
    """
    try:
        with path.open("rb") as stream:
            stored = pickle.load(stream)  # noqa: S301 - the user's own cache folder
    except Exception:  # noqa: BLE001 - a cache that cannot be read is no cache
        return None
    if not isinstance(stored, dict) or stored.get("format") != layout:
        return None
    return stored


def store_pickled(path: Path, layout: int, payload: Mapping[str, object]) -> None:
    """Replace the cache file ``path`` by ``payload`` (marked ``layout``), atomically.

    Readable by its owner alone (``mkstemp``'s mode): the cache holds record values. A cache
    that cannot be written is skipped.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as stream:
                pickle.dump({"format": layout, **payload}, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError):
        return


@dataclass
class RecordCache:
    """The cache files of one repository, under one salt.

    ``cross``: the findings of the rules across records stored with the index (see
    ``ksd_cli.validate.cross_key``), set by :meth:`read`.
    """

    path: Path
    salt: str
    cross: Cross | None = None
    #: The index as written whole, and its token, when :meth:`read` found one (what the
    #: change file is written against).
    _whole: dict[str, Entry] | None = field(default=None, repr=False, compare=False)
    _token: str = field(default="", repr=False, compare=False)

    @classmethod
    def for_repository(cls, root: Path, salt: str) -> RecordCache:
        """The cache of the repository at ``root`` under ``salt``.

        One index per repository and salt: ``ksd validate --as-of`` one day and ``ksd show``
        judged as of today keep a cache each. The ``KEEP`` most recently written of a
        repository are kept (see :meth:`write`).
        """
        return cls(cache_folder() / "records" / f"{repository_name(root)}-{salt[:16]}.pickle", salt)

    @property
    def records_path(self) -> Path:
        """The file of the records themselves, beside the index."""
        return self.path.with_name(self.path.stem + ".records.pickle")

    def assessed_path(self, key: str) -> Path:
        """The file of what the command of ``key`` kept of each record (:meth:`read_assessed`).

        One file per command (the key's part before its first ``:``, ``stalled`` or
        ``report``), so that running one never drops what the other kept.
        """
        command = "".join(c for c in key.split(":", 1)[0] if c.isascii() and c.isalnum())
        return self.path.with_name(f"{self.path.stem}.assessed-{command or 'any'}.pickle")

    @property
    def changes_path(self) -> Path:
        """The file of the entries changed since the index was written whole."""
        return self.path.with_name(self.path.stem + ".changes.pickle")

    @property
    def summary_path(self) -> Path:
        """The file of the repository's summary for one record's view (see :meth:`read_summary`)."""
        return self.path.with_name(self.path.stem + ".summary.pickle")

    def read_summary(self) -> object:
        """What :meth:`write_summary` stored under this salt; ``None`` when absent or stale."""
        return self._load(self.summary_path)[0].get("summary")

    def write_summary(self, summary: object) -> None:
        """Replace the summary (atomically): small values, read whole by ``ksd show``.

        What one record's view needs of every other record, so that it reads neither the
        other files nor the index (``ksd_cli.onerecord``).
        """
        self._store(self.summary_path, {"summary": summary})

    def read(self) -> dict[str, Entry]:
        """The index: entries by path, stored under this salt; none when absent or stale.

        With the entries of the change file over them when it was written against this very
        index (its token); a change file of another index, or unreadable, is no change.
        """
        entries, extra = self._load(self.path)
        token = extra.get("token")
        self._whole, self._token = None, ""
        if entries and isinstance(token, str) and token:
            # Kept apart from what is returned, which the caller may change.
            self._whole, self._token, entries = entries, token, dict(entries)
            changed, changes = self._load(self.changes_path)
            removed = changes.get("removed")
            if changes.get("token") == token and isinstance(removed, tuple):
                entries.update(changed)
                for rel in removed:
                    entries.pop(rel, None)
                extra = changes
        cross = extra.get("cross")
        self.cross = cross if isinstance(cross, tuple) and len(cross) == 2 else None
        return entries

    def read_records(self) -> dict[str, tuple[str, object]]:
        """The records by path, each with the digest of the bytes it was read from."""
        return self._load(self.records_path)[0]

    def read_assessed(self, key: str) -> dict[str, tuple[str, object]]:
        """What was kept of each record under ``key``, by path, with the digest of its bytes.

        One key per command at a time (``ksd stalled`` keys it by its as-of day): another key
        of the same command finds none.
        """
        entries, extra = self._load(self.assessed_path(key))
        return entries if extra.get("key") == key else {}

    def write_assessed(self, key: str, entries: Mapping[str, tuple[str, object]]) -> None:
        """Replace what is kept of each record (atomically), under ``key``."""
        self._store(self.assessed_path(key), entries, {"key": key})

    def write(self, entries: Mapping[str, Entry], cross: Cross | None = None) -> None:
        """Replace the index (atomically); a cache that cannot be written is skipped.

        The repository's indexes under other salts beyond the ``KEEP`` most recent are
        removed (with their records), so that a cache judged as of each day does not pile up.
        """
        crossed = {"cross": cross} if cross is not None else {}
        whole = self._whole
        if whole is not None:
            # The entries of files unchanged since :meth:`read` are its very objects.
            changed = {rel: e for rel, e in entries.items() if whole.get(rel) is not e}
            removed = tuple(rel for rel in whole if rel not in entries)
            if len(changed) + len(removed) <= max(CHANGES_MIN, len(whole) // CHANGES_SHARE):
                extra = {"token": self._token, "removed": removed, **crossed}
                self._store(self.changes_path, changed, extra)
                try:
                    os.utime(self.path)  # in use: not among the oldest that ``KEEP`` drops
                except OSError:
                    pass
                return
        token = secrets.token_hex(8)
        self._store(self.path, entries, {"token": token, **crossed})
        self._whole, self._token = dict(entries), token
        try:
            self.changes_path.unlink(missing_ok=True)  # of the index replaced
        except OSError:
            pass
        repository = self.path.name.split("-", 1)[0]
        try:
            others = [
                p
                for p in self.path.parent.glob(f"{repository}-*.pickle")
                # An index is ``REPOSITORY-SALT.pickle``; the files beside it add a part to its
                # name (``.records``, ``.summary``, ``.assessed-stalled``...).
                if p.name.count(".") == 1
            ]
            others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
            for old in others[KEEP:]:
                old.unlink(missing_ok=True)
                for beside in old.parent.glob(f"{old.stem}.*.pickle"):
                    beside.unlink(missing_ok=True)
        except OSError:
            return

    def write_records(self, records: Mapping[str, tuple[str, object]]) -> None:
        """Replace the records file (atomically), as :meth:`write`."""
        self._store(self.records_path, records)

    def _load(self, path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
        stored = read_pickled(path, FORMAT)
        if (
            stored is None
            or stored.get("salt") != self.salt
            or not isinstance(stored.get("entries"), dict)
            or not isinstance(stored.get("extra", {}), dict)
        ):
            return {}, {}
        return stored["entries"], stored.get("extra", {})

    def _store(
        self, path: Path, entries: Mapping[str, object], extra: Mapping[str, object] | None = None
    ) -> None:
        payload = {"salt": self.salt, "entries": dict(entries), "extra": dict(extra or {})}
        store_pickled(path, FORMAT, payload)
