"""What changed in the records since a git revision: ``ksd validate --changed-since REV``.

Apart from the diff (``ksd_cli.diff``), which it does not import: validate needs only the
changed files and the ids they carried before and after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ksd_cli.cache import (
    cache_enabled,
    cache_folder,
    code_fingerprint,
    read_pickled,
    repository_name,
    store_pickled,
)
from ksd_cli.config import CONFIG_FILE
from ksd_cli.gitio import Change, GitRepository, open_git
from ksd_cli.repository import Repository, is_record_name
from ksd_cli.yamlread import LoadProblem, read_document

if TYPE_CHECKING:
    from ksd_cli.validate import Scanned


@dataclass(frozen=True)
class ChangeSet:
    """The record files changed since a revision, and the ids they carried before and after."""

    paths: tuple[str, ...]  # changed record files that exist now
    ids: frozenset[str]  # ids of every changed record file, old and new (stems included)
    config_changed: bool  # ksd.toml changed: every record may be judged differently

    def selection(self) -> tuple[list[str] | None, frozenset[str] | None]:
        """The files to report on and the ids changed, for ``validate_repository``.

        ``(None, None)`` when ``ksd.toml`` changed: every finding may differ, so the whole
        repository is reported.
        """
        if self.config_changed:
            return None, None
        return list(self.paths), self.ids


def changes_since(repository: Repository, revision: str, *, use_cache: bool = True) -> ChangeSet:
    """What changed in the records since ``revision`` (committed, staged, unstaged, untracked).

    ``use_cache``: the ids the changed files carried at ``revision`` may come from the cache
    (see :func:`_old_ids`).
    """
    return changes_since_later(repository, revision, use_cache=use_cache)(())


def changes_since_later(
    repository: Repository,
    revision: str,
    git: GitRepository | None = None,
    *,
    use_cache: bool = True,
) -> Callable[[Iterable[Scanned]], ChangeSet]:
    """:func:`changes_since`, git started now: the call returned waits for it.

    It is given the repository's files as scanned meanwhile (``validate.scan_files``): the id
    a changed file carries now is its facts' when it loads (the id its text holds, as the
    scan read the same bytes with the same reader), read from its text only when it does not.
    A bad revision, or a folder outside git, raises here; git failing, in the call. ``git``:
    the repository's work tree, when the caller opened it (``gitio.open_git``). ``use_cache``
    as in :func:`changes_since`.
    """
    git = git if git is not None else open_git(repository.root, revision)
    later = git.changed_files_later(revision)

    def changes(scanned: Iterable[Scanned] = ()) -> ChangeSet:
        found = later()
        # Only the changed files' ids are looked up: no map of every file's.
        paths = {c.path for c in found}
        known = {
            s.source.rel: s.entry.facts.id
            for s in scanned
            if s.source.rel in paths and s.entry.facts is not None
        }
        return _changes(repository, git, revision, found, known, use_cache)

    return changes


def _changes(
    repository: Repository,
    git: GitRepository,
    revision: str,
    changes: list[Change],
    known: Mapping[str, str],
    use_cache: bool,
) -> ChangeSet:
    folders = {
        repository.config.paths.agreements.strip("/").removeprefix("./"),
        repository.config.paths.potentials.strip("/").removeprefix("./"),
    }
    # A file in a sub-folder of a record folder too: it is reported (``record-in-subfolder``).
    records = [
        c
        for c in changes
        if any(str(parent) in folders for parent in PurePosixPath(c.path).parents)
        and is_record_name(PurePosixPath(c.path).name)
    ]
    ids = {PurePosixPath(c.path).stem for c in records}
    old = [c.path for c in records if c.status != "added"]
    ids.update(_old_ids(repository, git, revision, old, use_cache=use_cache))
    existing = []
    for change in records:
        path = repository.root / change.path
        if path.is_file():
            existing.append(change.path)
            if str(PurePosixPath(change.path).parent) not in folders:
                continue  # in a sub-folder: not read as a record (its stem is among the ids)
            if change.path in known:
                ids.add(known[change.path])
            else:
                ids.update(_id_in(path.read_text(encoding="utf-8-sig", errors="replace")))
    return ChangeSet(tuple(existing), frozenset(ids), any(c.path == CONFIG_FILE for c in changes))


#: The layout of the file of the ids old blobs carry (see :func:`_old_ids`).
_OLD_IDS_FORMAT = 1


def _old_ids(
    repository: Repository,
    git: GitRepository,
    revision: str,
    paths: Sequence[str],
    *,
    use_cache: bool,
) -> set[str]:
    """The ids the files at ``paths`` carried at ``revision``: each one's text's ``id``.

    What a file carried depends on its blob alone (and on ksd's reading), and a user's runs
    after each edit ask for the same revision's: the ids of the blobs read are kept, by
    blob, in the cache folder (with ksd's code: another code reads them again), so that git
    is asked for none of them the next time, nor are their texts read (50 changed files:
    ~7 ms of reading and a ``git cat-file`` waited for). Those the comparison with the work
    tree gave no blob for are read from git as before.
    """
    store = _old_ids_file(repository) if cache_enabled(not use_cache) else None
    code = code_fingerprint() if store is not None else ""
    kept = _kept_old_ids(store, code) if store is not None else {}
    blobs = {path: git.blob_of(revision, path) for path in paths}
    ids: set[str] = set()
    used: dict[str, tuple[str, ...]] = {}
    unread: list[str] = []
    for path, blob in blobs.items():
        known = kept.get(blob) if blob is not None else None
        if blob is None or known is None:
            unread.append(path)
        else:
            ids.update(known)
            used[blob] = known
    for path, content in git.read_files(revision, unread).items():
        found = tuple(_id_in(content.decode("utf-8-sig", "replace")))
        ids.update(found)
        blob = blobs[path]
        if blob is not None:
            used[blob] = found
    if store is not None and used.keys() != kept.keys():
        # Only the blobs of this run are kept: the file follows the files changed now.
        store_pickled(store, _OLD_IDS_FORMAT, {"code": code, "ids": used})
    return ids


def _old_ids_file(repository: Repository) -> Path:
    return cache_folder() / "old-ids" / f"{repository_name(repository.root)}.pickle"


def _kept_old_ids(path: Path, code: str) -> dict[str, tuple[str, ...]]:
    """The ids kept by blob in ``path`` by this very code; none when unreadable or stale."""
    stored = read_pickled(path, _OLD_IDS_FORMAT)
    ids = stored.get("ids") if stored is not None and stored.get("code") == code else None
    if not isinstance(ids, dict):
        return {}
    return {
        blob: found
        for blob, found in ids.items()
        if isinstance(blob, str)
        and isinstance(found, tuple)
        and all(isinstance(i, str) for i in found)
    }


def _id_in(text: str) -> list[str]:
    document = read_document(text)
    if isinstance(document, LoadProblem) or not isinstance(document.data, dict):
        return []
    value = document.data.get("id")
    return [value] if isinstance(value, str) else []
