"""Finished answers of the one-record commands, kept while nothing they were made from changed.

``ksd show ID`` and ``ksd draft ID`` print a few kilobytes made from one record, but whether
that answer still holds depends on every record file (another file with the same id, the
region that owns the repository, the agreements following a potential up), on ``ksd.toml``,
on the templates, on the day and on ksd itself. An answer is kept with a :class:`Witness` of
all the files: ``ksd.toml``'s bytes, and the stamp (size, modification and change times,
inode) of every entry of the record folders and of every file below the template folders,
taken before the answer was made. While every stamp is as witnessed (one listing of each
folder and one ``lstat`` an entry: nothing read, nothing hashed), the command gives the answer
as it was made, without importing the models or reading a record; anything else (a file
edited, added, deleted, a configuration or a template edited, another ksd, another day) and
the command runs in full and keeps its new answer.

A stamp is only trusted when the file has not changed for ``ksd_cli.cache.RACY_NS`` (a coarse
clock could hide a second change): a witness with a newer change is not kept. The file is an
optimisation only, beside the record cache (``ksd_cli.cache``): ignored when unreadable,
corrupt or written by another version of ksd, off with ``--no-cache`` or ``KSD_NO_CACHE``.
This module imports nothing heavy: the warm path of ``ksd show`` is start-up, this, and a write.
"""

from __future__ import annotations

import hashlib
import os
import time
from array import array
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ksd_cli import CONFIG_FILE, cache

#: The layout of an answers file; one of another layout is ignored (and replaced).
FORMAT = 1
#: The answers kept per repository (each command, record, day and option set is one).
KEEP = 64
#: One folder as stamped: its path, whether every file below it counts (else only its own
#: entries), and its entries' relative paths (joined by NUL) and stamps (size, modification
#: and change times, inode: four signed 64-bit numbers each, in the paths' order); ``None``
#: for both when the folder is absent.
Watched = tuple[str, bool, str | None, bytes | None]


@dataclass(frozen=True, slots=True)
class Witness:
    """The state of the files an answer was made from (see the module's docstring).

    ``config``: the bytes of ``ksd.toml`` (``None`` without one); ``folders``: each folder
    watched, as :data:`Watched`.
    """

    config: bytes | None
    folders: tuple[Watched, ...]


def today_in(zona_waktu: str) -> date:
    """Today's date in the time zone ``zona_waktu`` (the region's: ``[daerah] zona_waktu``)."""
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(zona_waktu)).date()


def witness(
    root: Path,
    config: bytes | None,
    folders: Sequence[Path],
    trees: Sequence[Path] = (),
    *,
    now_ns: int | None = None,
) -> Witness | None:
    """The witness of ``root``'s configuration, the entries of ``folders`` and ``trees``.

    ``config``: the bytes of ``ksd.toml`` read (:func:`config_bytes`) before the command
    opened the repository. ``folders`` are watched by their own entries (record folders:
    files and whatever else they hold), ``trees`` by every entry below them (template
    folders); ``ksd.toml`` by its stamp too. ``None`` when an entry changed less than
    ``RACY_NS`` before ``now_ns`` (default: now), or cannot be stamped: such a witness could
    hide a change and is never kept.
    """
    watched = [(str(folder), False) for folder in folders]
    watched.extend((str(tree), True) for tree in (*trees, root / CONFIG_FILE))
    found = _stamp(watched)
    if found is None:
        return None
    newest = max((max(s[2::4], default=0) for s in _numbers(found)), default=0)
    if (time.time_ns() if now_ns is None else now_ns) - newest < cache.RACY_NS:
        return None
    return Witness(config, found)


def _numbers(folders: tuple[Watched, ...]) -> list[array[int]]:
    """The stamps of each folder present, as numbers."""
    listed = []
    for *_, stamps in folders:
        if stamps is not None:
            numbers = array("q")
            numbers.frombytes(stamps)
            listed.append(numbers)
    return listed


def _holds(root: Path, seen: Witness) -> bool:
    """Whether every file is still as ``seen`` witnessed it."""
    if config_bytes(root) != seen.config:
        return False
    return _stamp([(folder, deep) for folder, deep, _, _ in seen.folders]) == seen.folders


def _stamp(watched: Sequence[tuple[str, bool]]) -> tuple[Watched, ...] | None:
    """Each folder as :data:`Watched`; ``None`` when one cannot be read."""
    found: list[Watched] = []
    try:
        for folder, deep in watched:
            listed = _tree(folder) if deep else _flat(folder)
            if listed is None:
                found.append((folder, deep, None, None))
            else:
                found.append((folder, deep, *listed))
    except (OSError, OverflowError):
        return None
    return tuple(found)


def _flat(folder: str) -> tuple[str, bytes] | None:
    """The names of ``folder``'s entries and their stamps; ``None`` when it is no folder."""
    try:
        names = sorted(os.listdir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return None
    stamps = array("q")
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        lstat = os.lstat
        for name in names:
            info = lstat(name, dir_fd=handle)
            stamps.extend((info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino))
    finally:
        os.close(handle)
    return "\0".join(names), stamps.tobytes()


def _tree(folder: str) -> tuple[str, bytes] | None:
    """Every entry below ``folder`` (links not followed) and their stamps, as :func:`_flat`.

    A folder that is a link, or no folder, is stamped itself.
    """
    if not os.path.lexists(folder):
        return None
    if os.path.islink(folder) or not os.path.isdir(folder):
        return "", _stamps([folder])
    paths: list[str] = []
    for top, dirs, files in os.walk(folder, onerror=_raise):
        dirs.sort()
        paths.extend(os.path.join(top, name) for name in sorted((*dirs, *files)))
    names = "\0".join(os.path.relpath(path, folder) for path in paths)
    return names, _stamps(paths)


def _raise(error: OSError) -> None:
    raise error


def _stamps(paths: Sequence[str]) -> bytes:
    stamps = array("q")
    for path in paths:
        info = os.lstat(path)
        stamps.extend((info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino))
    return stamps.tobytes()


def config_bytes(root: Path) -> bytes | None:
    """The bytes of ``root``'s ``ksd.toml``; ``None`` when there is no such file."""
    try:
        with open(root / CONFIG_FILE, "rb") as stream:
            return stream.read()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


class Answers:
    """The answers of the command ``command`` kept for the repository at ``root`` (resolved).

    One file per command: each watches its own files (``ksd draft`` the templates too).
    """

    def __init__(self, root: Path, command: str) -> None:
        self.root = root
        name = hashlib.blake2b(str(root).encode(), digest_size=12).hexdigest()
        self.path = cache.cache_folder() / "answers" / f"{name}-{command}.pickle"

    def find(self, key: Callable[[date], Hashable]) -> object | None:
        """The answer kept under ``key(today)`` when its witness still holds, else ``None``.

        ``today`` is the day in the region's time zone as the configuration said when the
        answer was kept (the configuration is part of the witness).
        """
        stored = self._load()
        if stored is None:
            return None
        seen, zona_waktu, answers = stored
        if config_bytes(self.root) != seen.config:
            return None
        try:
            wanted = key(today_in(zona_waktu))
        except Exception:  # noqa: BLE001 - a time zone this machine lacks: no answer
            return None
        answer = answers.get(wanted)
        if answer is None or not _holds(self.root, seen):
            return None
        return answer

    def keep(self, key: Hashable, answer: object, seen: Witness | None, *, zona_waktu: str) -> None:
        """Keep ``answer`` under ``key``, made from the files ``seen`` before it was made.

        Nothing is kept without a witness, or when a file changed since (while the answer
        was made: every change moves a change time, which no tool sets back). Answers kept
        under another witness (or time zone) are dropped: they no longer hold. A cache that
        cannot be written is skipped.
        """
        if seen is None or not _holds(self.root, seen):
            return
        stored = self._load()
        answers: dict[Hashable, object] = {}
        if stored is not None and stored[:2] == (seen, zona_waktu):
            answers = stored[2]
        answers.pop(key, None)
        answers[key] = answer
        while len(answers) > KEEP:
            del answers[next(iter(answers))]
        payload = {
            "code": cache.code_fingerprint(),
            "witness": seen,
            "zona_waktu": zona_waktu,
            "answers": answers,
        }
        cache.store_pickled(self.path, FORMAT, payload)

    def _load(self) -> tuple[Witness, str, dict[Hashable, object]] | None:
        """The witness, time zone and answers stored by this ksd in this layout, else ``None``."""
        stored = cache.read_pickled(self.path, FORMAT)
        if (
            stored is None
            or stored.get("code") != cache.code_fingerprint()
            or not isinstance(stored.get("witness"), Witness)
            or not isinstance(stored.get("zona_waktu"), str)
            or not isinstance(stored.get("answers"), dict)
        ):
            return None
        return stored["witness"], stored["zona_waktu"], stored["answers"]


def kept_answers(root: Path | None, command: str, *, no_cache: bool) -> Answers | None:
    """The answers of ``command`` kept for the repository at ``root`` (or found upward).

    ``None`` when the cache is off, or no repository is found. Nothing of the repository is
    read or checked here.
    """
    from ksd_cli.repository import find_root

    if not cache.cache_enabled(no_cache):
        return None
    found = root.resolve() if root is not None else find_root(Path.cwd())
    return Answers(found, command) if found is not None and found.is_dir() else None


def show_key(record_id: str, name: str, lang: str, as_of: str | None, today: date) -> Hashable:
    """What a kept ``ksd show`` view is found by: record, format, language, as-of, today.

    The view judges as of the later of ``--as-of`` and today (``ksd_cli.validate``), so
    today counts even when ``--as-of`` is given.
    """
    return ("show", record_id, name, lang, as_of, today.isoformat())


@dataclass(frozen=True)
class DraftAnswer:
    """What ``ksd draft`` answers: its notes (stderr), and the Markdown or the file's bytes.

    ``markdown`` is set when the naskah goes to stdout (``--output -``), ``content`` when it
    goes to a file (``--output``, else ``default_filename``).
    """

    notes: str
    markdown: str | None
    content: bytes | None
    default_filename: str


def draft_key(
    record_id: str,
    choice: int | str | None,
    name: str,
    to_stdout: bool,
    draft_mode: bool,
    lang: str,
    as_of: str | None,
    today: date,
    commit: str | None,
) -> Hashable:
    """What a kept naskah is found by: the record, the options, the day and HEAD's commit.

    The day is ``--as-of`` as given, else ``today`` (the naskah is dated by it and judged
    as of it); the commit is the one its provenance names.
    """
    day = as_of if as_of is not None else today.isoformat()
    return ("draft", record_id, choice, name, to_stdout, draft_mode, lang, day, commit)
