"""Where the consolidated repositories come from: folders, folders of them, git, a list file.

A SOURCE is a data repository folder (it has ``ksd.toml``), a folder whose sub-folders are
data repositories, a git URL or path with an optional ``@REVISION`` (a branch or tag), or a
``ksd-konsolidasi.toml`` list. Git sources are cloned shallowly into the ksd cache folder,
without tags and with hooks switched off, by the real ``git`` called with an argument list:
nothing from a source or a list is ever expanded or run by a shell.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ksd_cli import CONFIG_FILE
from ksd_cli.errors import UserError
from ksd_cli.messages import Msg

#: The name a list of sources goes by.
LIST_FILE = "ksd-konsolidasi.toml"
#: Which regions are expected to report: every province present with its kabupaten/kota
#: (``provinsi``), all regions of the code list (``semua``), or a list of codes.
ExpectedRule = Literal["provinsi", "semua"]
#: A git source: a URL (``https://``, ``ssh://``, ``file://``, ``git@host:path``).
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|[\w.-]+@[\w.-]+:)", re.IGNORECASE)
#: ``SOURCE@REVISION``: a branch or a tag, never an option.
_REVISION = re.compile(r"^(?P<where>.+?)@(?P<rev>[A-Za-z0-9._][A-Za-z0-9._/-]*)$")


@dataclass(frozen=True)
class Source:
    """One repository to consolidate, as named by the user or the list.

    ``location`` is a local folder or a git URL; ``revision`` a branch or tag to clone;
    ``kode`` the region the list says it is. ``problem`` is set when the source can be
    told to be unusable before it is read.
    """

    label: str
    location: str
    revision: str | None = None
    kode: str | None = None
    git: bool = False
    problem: Msg | None = None


@dataclass(frozen=True)
class SourceList:
    """The sources named on the command line and in list files, and who is expected."""

    sources: tuple[Source, ...]
    expected: ExpectedRule | tuple[str, ...] | None = None


def gather(arguments: list[str], *, cwd: Path) -> SourceList:
    """The sources the command line names, list files and folders of repositories opened."""
    sources: list[Source] = []
    expected: ExpectedRule | tuple[str, ...] | None = None
    for argument in arguments:
        path = cwd / argument
        if path.is_file() and path.suffix == ".toml":
            listed = read_list(path)
            sources.extend(listed.sources)
            expected = listed.expected if listed.expected is not None else expected
        else:
            sources.extend(classify(argument, base=cwd))
    return SourceList(tuple(sources), expected)


def read_list(path: Path) -> SourceList:
    """The sources of a ``ksd-konsolidasi.toml``; locations are relative to its folder."""
    from pydantic import ValidationError

    from ksd_cli.consolidate.listfile import ListFile

    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        parsed = ListFile.model_validate(raw)
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(Msg("konsolidasi.list-unreadable", file=path, reason=str(exc))) from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(Msg("konsolidasi.list-invalid", file=path, reason=str(exc))) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        reason = f"{where}: {first['msg']}"
        raise UserError(
            Msg("konsolidasi.list-invalid", file=path, reason=reason),
            hint=Msg("konsolidasi.list-invalid.hint"),
        ) from None
    sources: list[Source] = []
    for entry in parsed.sumber:
        location = entry.lokasi
        if entry.revisi is not None:
            location = f"{location}@{entry.revisi}"
        for source in classify(location, base=path.parent, label=entry.lokasi):
            sources.append(_with_code(source, entry.kode))
    expected = parsed.diharapkan
    return SourceList(tuple(sources), tuple(expected) if isinstance(expected, list) else expected)


def _with_code(source: Source, kode: str | None) -> Source:
    return Source(source.label, source.location, source.revision, kode, source.git, source.problem)


def classify(argument: str, *, base: Path, label: str | None = None) -> list[Source]:
    """What ``argument`` names: a repository, the repositories in a folder, or a git source."""
    shown = label or argument
    if argument.startswith("-"):
        return [Source(shown, argument, problem=Msg("konsolidasi.source-option", source=shown))]
    local = base / argument
    if _URL.match(argument) is None and local.is_dir():
        return _local(shown, local)
    where, revision = argument, None
    match = _REVISION.match(argument)
    if match is not None and (
        _URL.match(match["where"]) is not None or (base / match["where"]).exists()
    ):
        where, revision = match["where"], match["rev"]
    if _URL.match(where) is not None:
        return [Source(shown, where, revision, git=True)]
    folder = base / where
    if folder.is_dir():
        if revision is None and not _is_git(folder):
            return _local(shown, folder)
        return [Source(shown, folder.resolve().as_uri(), revision, git=True)]
    return [Source(shown, where, problem=Msg("konsolidasi.source-missing", source=shown))]


def _local(label: str, folder: Path) -> list[Source]:
    """A repository folder, or a folder of repositories (each sub-folder with ``ksd.toml``)."""
    if (folder / CONFIG_FILE).is_file():
        return [Source(label, str(folder))]
    inside = sorted(
        child
        for child in folder.iterdir()
        if child.is_dir() and not child.is_symlink() and (child / CONFIG_FILE).is_file()
    )
    if inside:
        return [Source(f"{label.rstrip('/')}/{child.name}", str(child)) for child in inside]
    if _is_git(folder):
        return [Source(label, folder.resolve().as_uri(), git=True)]
    return [Source(label, str(folder), problem=Msg("konsolidasi.not-a-repository", source=label))]


def _is_git(folder: Path) -> bool:
    """A bare git repository (a clone source, not a checkout with its files)."""
    return (folder / "HEAD").is_file() and (folder / "objects").is_dir()


def checkout(source: Source, *, cache: Path, offline: bool) -> Path:
    """The local folder of a git source: its shallow clone in ``cache``, fetched anew.

    ``offline`` uses the clone already there. A failure is a ``UserError`` naming the source.
    """
    from ksd_cli.gitio import GitError, run_git

    key = hashlib.blake2b(
        f"{source.location}\0{source.revision or ''}".encode(), digest_size=12
    ).hexdigest()
    folder = cache / key
    if offline:
        if (folder / ".git").is_dir():
            return folder
        raise UserError(
            Msg("konsolidasi.not-cached", source=source.label),
            hint=Msg("konsolidasi.not-cached.hint"),
        )
    safe = ("-c", "protocol.ext.allow=never", "-c", "core.hooksPath=/dev/null")
    try:
        if (folder / ".git").is_dir():
            wanted = source.revision or "HEAD"
            run_git(folder, (*safe, "fetch", "--depth", "1", "--no-tags", "origin", wanted))
            run_git(folder, (*safe, "reset", "--hard", "--quiet", "FETCH_HEAD"))
            return folder
        cache.mkdir(parents=True, exist_ok=True)
        partial = cache / f"{key}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        branch = ("--branch", source.revision) if source.revision else ()
        run_git(
            cache,
            (
                *safe,
                "clone",
                "--quiet",
                "--depth",
                "1",
                "--no-tags",
                "-c",
                "core.hooksPath=/dev/null",
                *branch,
                "--",
                source.location,
                str(partial),
            ),
        )
        partial.rename(folder)
    except GitError as exc:
        raise UserError(
            Msg("konsolidasi.clone-failed", source=source.label, reason=exc.text("en"))
        ) from None
    return folder


def clone_folder() -> Path:
    """Where git sources are cloned: ``konsolidasi/`` in the ksd cache folder."""
    from ksd_cli.cache import cache_folder

    return cache_folder() / "konsolidasi"
