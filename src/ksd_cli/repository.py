"""A data repository on disk: where its root is, its configuration, and its record files."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ksd_cli import CONFIG_FILE
from ksd_cli.errors import UserError
from ksd_cli.messages import Msg

if TYPE_CHECKING:
    # Imported when a repository is opened: finding a root needs none of the models.
    from ksd_cli.config import Config
    from ksd_cli.listed import Aside

Kind = Literal["agreement", "potential"]
RECORD_SUFFIXES = (".yaml", ".yml")
#: Why a record file is not read: it is a symbolic link (never followed, wherever it points),
#: not a regular file at all (a FIFO, a device, a socket), or it lies in a sub-folder of a
#: record folder (records are one file each directly in their folder: ``subfolder``).
NotRegular = Literal["symlink", "special", "subfolder"]


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A record file: its absolute path, its path relative to the root, and its kind.

    ``not_regular`` says why the entry is not read (a symlink, a FIFO...): it is still a
    record file of the repository, and loading reports it as a finding.
    """

    #: The path, or its folder and file name: a listing holds one folder for all its files
    #: and makes each path when it is asked for (a ``Path`` per file was most of the memory
    #: of a listing of 100,000 files).
    location: Path | tuple[Path, str]
    rel: str
    kind: Kind
    not_regular: NotRegular | None = None

    @property
    def path(self) -> Path:
        """The file's absolute path (as the repository names it: never resolved)."""
        where = self.location
        return where[0] / where[1] if isinstance(where, tuple) else where

    @property
    def fspath(self) -> str:
        """:attr:`path` as text, made without a ``Path`` (for the system calls on every file)."""
        where = self.location
        return os.path.join(where[0], where[1]) if isinstance(where, tuple) else str(where)


def is_record_name(name: str) -> bool:
    """Whether a file name is a record's: ``.yaml`` or ``.yml`` in any case."""
    if not name.lower().endswith(RECORD_SUFFIXES):
        return False
    # Only a name starting with a dot can end so without a suffix (".yaml" has none).
    return not name.startswith(".") or os.path.splitext(name)[1].lower() in RECORD_SUFFIXES


def record_stem(name: str) -> str | None:
    """The name of a record file without its suffix (its record's id); ``None`` for another.

    ``KSD-6402-2024-007.YAML`` is ``KSD-6402-2024-007``: any case, as :func:`is_record_name`.
    """
    return name.rpartition(".")[0] if is_record_name(name) else None


def classify(path: Path) -> NotRegular | None:
    """Why the entry at ``path`` is not a regular file (``None`` when it is one).

    Looked at with ``lstat``: a symbolic link is reported as one, never followed.
    """
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        return "symlink"
    return None if stat.S_ISREG(mode) else "special"


#: A record folder that exists: its path, the kind of its records and the prefix of their
#: paths relative to the root (``data/agreements/``).
RecordFolder = tuple[Path, Kind, str]


def relative_to(root: Path, path: Path) -> str:
    """``path`` relative to ``root`` with forward slashes (see :meth:`Repository.relative`)."""
    absolute = Path(os.path.abspath(path))
    try:
        folder = absolute.parent.resolve()
        return (folder / absolute.name).relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def record_folders_at(root: Path, agreements: str, potentials: str) -> list[RecordFolder]:
    """The record folders of a repository at ``root`` whose ``[paths]`` name these folders.

    Those that exist, agreements first (see :meth:`Repository.record_folders`).
    """
    found: list[RecordFolder] = []
    for folder, kind in ((root / agreements, "agreement"), (root / potentials, "potential")):
        if folder.is_dir():
            # Resolved once; each entry is named below it, never resolved itself.
            prefix = relative_to(root, folder / "_").removesuffix("_")
            found.append((folder, kind, prefix))  # type: ignore[arg-type]
    return found


def files_in(folders: Iterable[RecordFolder]) -> list[SourceFile]:
    """Every record file of ``folders``, each folder in name order (see ``source_files``).

    After each folder's own files, the files named like records in its sub-folders at any
    depth (never through a symbolic link), marked ``subfolder``: they are not records, and
    are listed to be reported (an agreement "archived" into ``data/agreements/arsip/`` would
    otherwise drop out of every check unnoticed).
    """
    files: list[SourceFile] = []
    for folder, kind, prefix in folders:
        below: list[tuple[Path, str]] = []
        _listed(folder, kind, prefix, None, files, below)
        # Only a folder with sub-folders costs more: the directory entries tell them (no
        # system call per file), and only the few entries not named like records are asked.
        while below:
            inner, inner_prefix = below.pop()
            _listed(inner, kind, inner_prefix, "subfolder", files, below)
    return files


def _listed(
    folder: Path,
    kind: Kind,
    prefix: str,
    problem: NotRegular | None,
    files: list[SourceFile],
    below: list[tuple[Path, str]],
) -> None:
    """Append the record-named files of ``folder`` to ``files``, in name order.

    Its sub-folders, with the prefix of their files' paths, go to ``below`` in reverse name
    order (taken from the end: in name order). ``problem``: what every file of ``folder`` is
    marked (``subfolder``); ``None``: each file as what it is.
    """
    found: list[os.DirEntry[str]] = []
    inner: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if is_record_name(entry.name):
                    found.append(entry)
                elif entry.is_dir(follow_symlinks=False):
                    inner.append(entry.name)
    except OSError:
        if problem is None:
            raise  # a record folder that cannot be listed: the command says so, as before
        return  # a sub-folder that cannot be listed shows nothing to report
    found.sort(key=lambda e: e.name)
    for entry in found:
        if entry.is_dir(follow_symlinks=False):
            inner.append(entry.name)  # "2019.yaml/": a folder, whatever its name
            continue
        marked: NotRegular | None = problem or (
            "symlink"
            if entry.is_symlink()
            else None
            if entry.is_file(follow_symlinks=False)
            else "special"
        )
        files.append(SourceFile((folder, entry.name), prefix + entry.name, kind, marked))
    below.extend((folder / name, f"{prefix}{name}/") for name in sorted(inner, reverse=True))


@dataclass(frozen=True)
class Repository:
    """A data repository: root folder and configuration."""

    root: Path
    config: Config
    #: The record files, listed and stamped by a child forked when the repository was opened
    #: (``open_repository(listed_aside=True)``): :meth:`source_files` gives them as they were
    #: then, for a command that lists them once.
    listed: Aside | None = field(default=None, compare=False, repr=False)

    @property
    def agreements_dir(self) -> Path:
        """Folder of agreement records."""
        return self.root / self.config.paths.agreements

    @property
    def potentials_dir(self) -> Path:
        """Folder of potential records."""
        return self.root / self.config.paths.potentials

    def relative(self, path: Path) -> str:
        """``path`` relative to the root with forward slashes (as findings name files).

        Only the folder is resolved: a symbolic link is named as itself, not as its target.
        """
        return relative_to(self.root, path)

    def source_files(self) -> list[SourceFile]:
        """Every record file, agreements first, each folder in name order.

        Entries named like records that are not regular files (symbolic links, FIFOs,
        devices) are listed too, marked ``not_regular``, so that they become findings
        instead of being followed or silently skipped. Sub-folders hold no records: the
        files named like records in them are listed last, marked ``subfolder`` (findings).
        """
        if self.listed is not None:
            return list(self.listed.listing().sources)
        return files_in(self.record_folders())

    def record_folders(self) -> list[RecordFolder]:
        """The record folders that exist, agreements first, each with its kind and prefix.

        The prefix is what the relative paths of its files start with (``data/agreements/``).
        """
        paths = self.config.paths
        return record_folders_at(self.root, paths.agreements, paths.potentials)

    def sources_for(self, paths: Iterable[Path]) -> list[SourceFile]:
        """The record files named by ``paths``: files, or folders holding record files."""
        selected: dict[str, SourceFile] = {}
        every = None
        for path in paths:
            if path.is_dir() and not path.is_symlink():
                every = every if every is not None else self.source_files()
                folder = path.resolve()
                inside = [
                    s
                    for s in every
                    if folder == s.path.parent.resolve()
                    or folder in s.path.parent.resolve().parents
                ]
                if not inside:
                    raise UserError(Msg("repo.no-records-in-folder", path=path))
                selected.update((s.rel, s) for s in inside)
            else:
                source = self.source_for(path)
                selected[source.rel] = source
        return list(selected.values())

    def source_for(self, path: Path) -> SourceFile:
        """The record file at ``path``, which must lie in one of the record folders.

        The file itself is not followed when it is a symbolic link: it is returned marked
        ``not_regular`` (a finding at loading), as it is when listed from its folder. A file
        named like a record in a sub-folder of a record folder is returned marked
        ``subfolder`` (a finding too: a pre-commit hook names such files).
        """
        absolute = Path(os.path.abspath(path))
        try:
            candidate = absolute.parent.resolve() / absolute.name
            problem = classify(candidate)
        except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python 3.11)
            raise UserError(Msg("repo.file-not-found", path=path)) from None
        for folder, kind in (
            (self.agreements_dir, "agreement"),
            (self.potentials_dir, "potential"),
        ):
            top = folder.resolve()
            if not is_record_name(candidate.name):
                continue
            if candidate.parent == top:
                rel = self.relative(candidate)
                return SourceFile(candidate, rel, kind, problem)  # type: ignore[arg-type]
            if top in candidate.parents:  # in a sub-folder: named to be reported (pre-commit)
                rel = self.relative(candidate)
                return SourceFile(candidate, rel, kind, "subfolder")  # type: ignore[arg-type]
        raise UserError(
            Msg("repo.not-a-record-file", path=path),
            hint=Msg(
                "repo.not-a-record-file.hint",
                agreements=self.config.paths.agreements,
                potentials=self.config.paths.potentials,
            ),
        )


def find_root(start: Path) -> Path | None:
    """The nearest folder from ``start`` upward holding ``ksd.toml`` or ``data/agreements/``."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file() or (folder / "data" / "agreements").is_dir():
            return folder
    return None


def open_repository(
    root: Path | None = None,
    *,
    cwd: Path | None = None,
    listed_aside: bool = False,
    ahead: Aside | None = None,
) -> Repository:
    """The repository at ``root``, or the one found from ``cwd`` upward.

    ``listed_aside``: its record files are listed and stamped by a child forked as soon as
    the configuration is known, while this process goes on (see ``ksd_cli.listed``).
    ``ahead``: such a child forked before, for the folders guessed from ``ksd.toml``
    (``ksd_cli.listed.listed_ahead``); taken when they are the repository's record folders,
    else waited for (and another forked, with ``listed_aside``). It is always taken or
    waited for here, also when the repository cannot be opened.
    """
    try:
        return _opened(root, cwd, listed_aside, ahead)
    except BaseException:
        if ahead is not None:
            ahead.abandon()
        raise


def _opened(
    root: Path | None, cwd: Path | None, listed_aside: bool, ahead: Aside | None
) -> Repository:
    if root is not None:
        if not root.is_dir():
            raise UserError(Msg("repo.root-not-found", root=root))
        found: Path | None = root.resolve()
    else:
        found = find_root(cwd or Path.cwd())
    if found is None:
        raise UserError(
            Msg("repo.not-found"),
            hint=Msg("repo.not-found.hint"),
        )
    from ksd_cli.config import load_config

    config = load_config(found)
    check_paths_inside(found, config)
    aside = None
    if listed_aside or ahead is not None:
        folders = Repository(found, config).record_folders()
        if ahead is not None and ahead.lists(folders):
            aside = ahead
        elif ahead is not None:
            ahead.abandon()
        if aside is None and listed_aside:
            from ksd_cli.listed import Aside

            aside = Aside(folders)
    try:
        _check_ignored_rules(config)
    except BaseException:
        if aside is not None:
            aside.abandon()
        raise
    return Repository(found, config, aside)


def check_paths_inside(root: Path, config: Config) -> None:
    """Refuse ``[paths]`` that lead outside the repository (``agreements = "../secrets"``).

    Repository content comes from pull requests: nothing outside the root may be read,
    shown or rewritten because of it.
    """
    top = root.resolve()
    for key in ("agreements", "potentials", "templates"):
        value: str = getattr(config.paths, key)
        target = (top / value).resolve()
        if Path(value).is_absolute() or (target != top and top not in target.parents):
            raise UserError(
                Msg("config.path-outside", file=CONFIG_FILE, key=key, value=value),
                hint=Msg("config.path-outside.hint"),
            )


def _check_ignored_rules(config: Config) -> None:
    # Here rather than in config: rules read the configuration, so config stays below them.
    from ksd_cli.rules import find_rule

    unknown = [name for name in config.validate_.ignore if find_rule(name) is None]
    if unknown:
        raise UserError(
            Msg("config.unknown-rules", file=CONFIG_FILE, rules=", ".join(unknown)),
            hint=Msg("rules.list-hint"),
        )
