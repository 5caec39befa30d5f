"""A data repository on disk: where its root is, its configuration, and its record files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ksd_cli.config import CONFIG_FILE, Config, load_config
from ksd_cli.errors import UserError
from ksd_cli.messages import Msg

Kind = Literal["agreement", "potential"]
RECORD_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class SourceFile:
    """A record file: its absolute path, its path relative to the root, and its kind."""

    path: Path
    rel: str
    kind: Kind


@dataclass(frozen=True)
class Repository:
    """A data repository: root folder and configuration."""

    root: Path
    config: Config

    @property
    def agreements_dir(self) -> Path:
        """Folder of agreement records."""
        return self.root / self.config.paths.agreements

    @property
    def potentials_dir(self) -> Path:
        """Folder of potential records."""
        return self.root / self.config.paths.potentials

    def relative(self, path: Path) -> str:
        """``path`` relative to the root with forward slashes (as findings name files)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def source_files(self) -> list[SourceFile]:
        """Every record file, agreements first, each folder in name order."""
        files: list[SourceFile] = []
        for folder, kind in (
            (self.agreements_dir, "agreement"),
            (self.potentials_dir, "potential"),
        ):
            if folder.is_dir():
                paths = sorted(
                    p for p in folder.iterdir() if p.suffix in RECORD_SUFFIXES and p.is_file()
                )
                files.extend(SourceFile(p, self.relative(p), kind) for p in paths)  # type: ignore[arg-type]
        return files

    def sources_for(self, paths: Iterable[Path]) -> list[SourceFile]:
        """The record files named by ``paths``: files, or folders holding record files."""
        selected: dict[str, SourceFile] = {}
        every = None
        for path in paths:
            if path.is_dir():
                every = every if every is not None else self.source_files()
                folder = path.resolve()
                inside = [
                    s
                    for s in every
                    if folder == s.path.resolve().parent or folder in s.path.resolve().parents
                ]
                if not inside:
                    raise UserError(Msg("repo.no-records-in-folder", path=path))
                selected.update((s.rel, s) for s in inside)
            else:
                source = self.source_for(path)
                selected[source.rel] = source
        return list(selected.values())

    def source_for(self, path: Path) -> SourceFile:
        """The record file at ``path``, which must lie in one of the record folders."""
        resolved = path.resolve()
        if not resolved.is_file():
            raise UserError(Msg("repo.file-not-found", path=path))
        for folder, kind in (
            (self.agreements_dir, "agreement"),
            (self.potentials_dir, "potential"),
        ):
            if resolved.parent == folder.resolve():
                return SourceFile(resolved, self.relative(resolved), kind)  # type: ignore[arg-type]
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


def open_repository(root: Path | None = None, *, cwd: Path | None = None) -> Repository:
    """The repository at ``root``, or the one found from ``cwd`` upward."""
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
    return Repository(found, load_config(found))
