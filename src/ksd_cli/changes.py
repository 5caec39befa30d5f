"""What changed in the records since a git revision: ``ksd validate --changed-since REV``.

Apart from the diff (``ksd_cli.diff``), which it does not import: validate needs only the
changed files and the ids they carried before and after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from ksd_cli.config import CONFIG_FILE
from ksd_cli.gitio import Change, GitRepository, open_git
from ksd_cli.repository import Repository
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


def changes_since(repository: Repository, revision: str) -> ChangeSet:
    """What changed in the records since ``revision`` (committed, staged, unstaged, untracked)."""
    return changes_since_later(repository, revision)(())


def changes_since_later(
    repository: Repository, revision: str, git: GitRepository | None = None
) -> Callable[[Iterable[Scanned]], ChangeSet]:
    """:func:`changes_since`, git started now: the call returned waits for it.

    It is given the repository's files as scanned meanwhile (``validate.scan_files``): the id
    a changed file carries now is its facts' when it loads (the id its text holds, as the
    scan read the same bytes with the same reader), read from its text only when it does not.
    A bad revision, or a folder outside git, raises here; git failing, in the call. ``git``:
    the repository's work tree, when the caller opened it (``gitio.open_git``).
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
        return _changes(repository, git, revision, found, known)

    return changes


def _changes(
    repository: Repository,
    git: GitRepository,
    revision: str,
    changes: list[Change],
    known: Mapping[str, str],
) -> ChangeSet:
    folders = {
        repository.config.paths.agreements.strip("/").removeprefix("./"),
        repository.config.paths.potentials.strip("/").removeprefix("./"),
    }
    records = [
        c
        for c in changes
        if str(PurePosixPath(c.path).parent) in folders
        and PurePosixPath(c.path).suffix in (".yaml", ".yml")
    ]
    ids = {PurePosixPath(c.path).stem for c in records}
    old = git.read_files(revision, [c.path for c in records if c.status != "added"])
    for content in old.values():
        ids.update(_id_in(content.decode("utf-8-sig", "replace")))
    existing = []
    for change in records:
        path = repository.root / change.path
        if path.is_file():
            existing.append(change.path)
            if change.path in known:
                ids.add(known[change.path])
            else:
                ids.update(_id_in(path.read_text(encoding="utf-8-sig", errors="replace")))
    return ChangeSet(tuple(existing), frozenset(ids), any(c.path == CONFIG_FILE for c in changes))


def _id_in(text: str) -> list[str]:
    document = read_document(text)
    if isinstance(document, LoadProblem) or not isinstance(document.data, dict):
        return []
    value = document.data.get("id")
    return [value] if isinstance(value, str) else []
