"""Snapshots: the record files and configuration of one side, read from git or from disk."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from ksd_cli.config import CONFIG_FILE, Config
from ksd_cli.diff.model import Side
from ksd_cli.errors import UserError
from ksd_cli.gitio import GitRepository
from ksd_cli.loading import MODELS, LoadedRecord, LoadResult, read_text
from ksd_cli.messages import Msg
from ksd_cli.repository import Kind, Repository, SourceFile, is_record_name
from ksd_cli.yamlread import LoadProblem, read_document

# Snapshots: the repository as it is at one side -------------------------------------------------


@dataclass(frozen=True)
class SnapshotFile:
    """One record file of a snapshot: its data when it parses, its record when it validates."""

    source: SourceFile
    text: str | None
    data: dict[str, Any] | None
    loaded: LoadedRecord | None


@dataclass(frozen=True)
class Snapshot:
    """The record files and the configuration of one side."""

    config: Config
    files: Mapping[str, SnapshotFile]

    def load_result(self) -> LoadResult:
        """The valid records, as ``load_records`` gives them (for ``find_stalled``)."""
        records = tuple(f.loaded for f in self.files.values() if f.loaded is not None)
        invalid = frozenset(rel for rel, f in self.files.items() if f.loaded is None)
        return LoadResult(records, (), len(self.files), invalid)


def snapshot_from_texts(config: Config, texts: Mapping[str, tuple[Kind, str | None]]) -> Snapshot:
    """A snapshot from file texts (None: a file that cannot be decoded)."""
    files: dict[str, SnapshotFile] = {}
    for rel, (kind, text) in sorted(texts.items()):
        source = SourceFile(Path(rel), rel, kind)
        files[rel] = snapshot_file(source, text)
    return Snapshot(config, files)


def snapshot_file(source: SourceFile, text: str | None) -> SnapshotFile:
    """One file of a snapshot from its text (``None``: a file that cannot be decoded)."""
    if text is None:
        return SnapshotFile(source, None, None, None)
    document = read_document(text)
    if isinstance(document, LoadProblem) or not isinstance(document.data, dict):
        return SnapshotFile(source, text, None, None)
    try:
        record = MODELS[source.kind].model_validate(document.data)
    except ValidationError:
        return SnapshotFile(source, text, document.data, None)
    # Like load_records: a record with a loading finding (a duplicate key) is still assessed.
    return SnapshotFile(source, text, document.data, LoadedRecord(source, record, text))


def snapshot_worktree(repository: Repository) -> Snapshot:
    """The repository as it is on disk."""
    max_bytes = repository.config.validate_.max_file_kb * 1024
    texts: dict[str, tuple[Kind, str | None]] = {}
    for source in repository.source_files():
        text = read_text(source, max_bytes)
        texts[source.rel] = (source.kind, None if isinstance(text, LoadProblem) else text)
    return snapshot_from_texts(repository.config, texts)


def snapshot_at(git: GitRepository, revision: str) -> Snapshot:
    """The repository as committed at ``revision`` (its ``ksd.toml`` included)."""
    config = config_from_text(git.show_file(revision, CONFIG_FILE), revision)
    folders: dict[str, Kind] = {
        config.paths.agreements.strip("/"): "agreement",
        config.paths.potentials.strip("/"): "potential",
    }
    paths = [p for p in git.list_files(revision, folders) if is_record_name(PurePosixPath(p).name)]
    contents = git.read_files(revision, paths)
    max_bytes = config.validate_.max_file_kb * 1024
    texts: dict[str, tuple[Kind, str | None]] = {}
    for path in paths:
        kind = folders[str(PurePosixPath(path).parent)]
        texts[path] = (kind, text_from_bytes(contents.get(path), max_bytes))
    return snapshot_from_texts(config, texts)


def text_from_bytes(data: bytes | None, max_bytes: int) -> str | None:
    """A committed file's text; ``None`` when absent, too large or not UTF-8."""
    if data is None or len(data) > max_bytes:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def config_from_text(data: bytes | None, revision: str) -> Config:
    """``ksd.toml`` as committed (defaults when absent); a bad file is a UserError."""
    if data is None:
        return Config()
    try:
        return Config.model_validate(tomllib.loads(data.decode("utf-8-sig")))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise UserError(
            Msg("diff.config-invalid", revision=revision, file=CONFIG_FILE),
            hint=str(exc).splitlines()[0],
        ) from None


# Revisions ---------------------------------------------------------------------------------------


def resolve_sides(git: GitRepository, rev_a: str | None, rev_b: str | None) -> tuple[Side, Side]:
    """The two sides named on the command line.

    ``A..B`` is ``A B``; ``A...B`` compares B with where it left A (their merge base). No
    ``A``: the merge base of the default branch and HEAD. No ``B``: the working tree.
    """
    if rev_a is not None and rev_b is None and ".." in rev_a:
        three = "..." in rev_a
        left, right = rev_a.split("..." if three else "..", 1)
        left, right = left or "HEAD", right or "HEAD"
        if three:
            base = git.merge_base(left, right)
            return (
                Side(f"{left}...{right}", base, git.short(base)),
                _side(git, right),
            )
        return _side(git, left), _side(git, right)
    if rev_a is None:
        branch = git.default_branch()
        base = git.merge_base(branch, "HEAD")
        before = Side(f"merge-base {branch}", base, git.short(base))
    else:
        before = _side(git, rev_a)
    after = _side(git, rev_b) if rev_b is not None else Side(None, None)
    return before, after


def _side(git: GitRepository, revision: str) -> Side:
    commit = git.resolve(revision)
    return Side(revision, commit, git.short(commit))
