"""A cache of loaded, checked records, so that a repository read before is not read again.

One file per repository under the user's cache folder (never in the repository), holding for
each record file, keyed by its path and the hash of its bytes: the record (when it loaded), the
findings of loading it, and the findings of the rules that look at that record alone. The
whole cache is keyed too by everything else that changes those findings (``salt``): ksd's
version and code, the configuration, the reference data, the date the rules judge as of, the
language and the parser. The rules that look across records run on every run.

The cache is an optimisation only: safe to delete, ignored when unreadable, corrupt or written
by another version, and off with ``KSD_NO_CACHE`` (or ``--no-cache``). ``KSD_CACHE_DIR``
moves it (tests point it at a temporary folder).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ksd_cli.diagnostics import Diagnostic

#: The layout of the cache file; a file of another format is ignored (and replaced).
FORMAT = 1
CACHE_DIR_ENV = "KSD_CACHE_DIR"
NO_CACHE_ENV = "KSD_NO_CACHE"


@dataclass(frozen=True)
class Entry:
    """What one file gave: its record (``None`` when it did not load) and its findings.

    ``loading`` are the findings of reading and validating the file; ``checks`` those of the
    rules that look at the record alone. ``record`` is an ``Agreement`` or a ``Potential``.
    """

    record: object | None
    loading: tuple[Diagnostic, ...]
    checks: tuple[Diagnostic, ...]


def content_key(rel: str, data: bytes) -> str:
    """The key of a file: its path (findings name it) and the hash of its bytes."""
    return rel + "\0" + hashlib.blake2b(data, digest_size=20).hexdigest()


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
    package = Path(ksd_cli.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv", ".j2", ".toml"):
            info = path.stat()
            digest.update(f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}".encode())
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


@dataclass
class RecordCache:
    """The cache file of one repository, under one salt."""

    path: Path
    salt: str

    @classmethod
    def for_repository(cls, root: Path, salt: str) -> RecordCache:
        """The cache of the repository at ``root`` (one file per repository)."""
        name = hashlib.blake2b(str(root.resolve()).encode(), digest_size=12).hexdigest()
        return cls(cache_folder() / "records" / f"{name}.pickle", salt)

    def read(self) -> dict[str, Entry]:
        """The entries stored under this salt; none when absent, unreadable or stale."""
        try:
            with self.path.open("rb") as stream:
                stored = pickle.load(stream)  # noqa: S301 - the user's own cache folder
        except Exception:  # noqa: BLE001 - a cache that cannot be read is no cache
            return {}
        if (
            not isinstance(stored, dict)
            or stored.get("format") != FORMAT
            or stored.get("salt") != self.salt
            or not isinstance(stored.get("entries"), dict)
        ):
            return {}
        entries: dict[str, Entry] = stored["entries"]
        return entries

    def write(self, entries: Mapping[str, Entry]) -> None:
        """Replace the stored entries (atomically); a cache that cannot be written is skipped."""
        payload = {"format": FORMAT, "salt": self.salt, "entries": dict(entries)}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as stream:
                    pickle.dump(payload, stream, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError):
            return
