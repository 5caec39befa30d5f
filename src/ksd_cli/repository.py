"""A data repository on disk: where its root is, its configuration, and its record files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ksd_cli.config import CONFIG_FILE, Config, load_config
from ksd_cli.errors import UserError

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
                    raise UserError(
                        f"{path}: tidak ada berkas rekaman / no record files in this folder"
                    )
                selected.update((s.rel, s) for s in inside)
            else:
                source = self.source_for(path)
                selected[source.rel] = source
        return list(selected.values())

    def source_for(self, path: Path) -> SourceFile:
        """The record file at ``path``, which must lie in one of the record folders."""
        resolved = path.resolve()
        if not resolved.is_file():
            raise UserError(f"{path}: berkas tidak ditemukan / file not found")
        for folder, kind in (
            (self.agreements_dir, "agreement"),
            (self.potentials_dir, "potential"),
        ):
            if resolved.parent == folder.resolve():
                return SourceFile(resolved, self.relative(resolved), kind)  # type: ignore[arg-type]
        raise UserError(
            f"{path}: bukan berkas rekaman / not a record file",
            hint=f"records live in {self.config.paths.agreements}/ and "
            f"{self.config.paths.potentials}/",
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
            raise UserError(f"--root {root}: folder tidak ditemukan / folder not found")
        found: Path | None = root.resolve()
    else:
        found = find_root(cwd or Path.cwd())
    if found is None:
        raise UserError(
            "tidak ada repositori data ksd di sini / no ksd data repository here",
            hint="run ksd inside a repository (a folder with ksd.toml or data/agreements/), "
            "or pass --root DIR",
        )
    config = load_config(found)
    _check_ignored_rules(config)
    return Repository(found, config)


def _check_ignored_rules(config: Config) -> None:
    # Here rather than in config: rules read the configuration, so config stays below them.
    from ksd_cli.rules import find_rule

    unknown = [name for name in config.validate_.ignore if find_rule(name) is None]
    if unknown:
        raise UserError(
            f"{CONFIG_FILE}: [validate] ignore names unknown rules: {', '.join(unknown)}",
            hint="`ksd rules` lists the rule codes and names",
        )
