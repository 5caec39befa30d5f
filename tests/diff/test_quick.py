"""The diff against the working tree that reads only what a change can reach: the same result."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from gitrepos import commit, git
from helpers import generator

from ksd_cli.diff import semantic_diff
from ksd_cli.diff.model import DiffResult
from ksd_cli.repository import open_repository

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2025, 6, 30)


def _generated(root: Path) -> Path:
    generator().generate(root, 60, seed=5, invalid_every=6)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Analis Kerja Sama")
    git(root, "config", "user.email", "analis@example.org")
    git(root, "config", "commit.gpgsign", "false")
    commit(root, "records")
    return root


def _both(root: Path) -> tuple[DiffResult, DiffResult]:
    repository = open_repository(root)
    quick = semantic_diff(repository, "HEAD", None, as_of=AS_OF, lang="en")
    whole = semantic_diff(repository, "HEAD", None, as_of=AS_OF, lang="en", quick=False)
    return quick, whole


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.usefixtures("hermetic_git")
def test_the_quick_diff_is_the_whole_diff(tmp_path: Path) -> None:
    root = _generated(tmp_path / "repo")
    agreements = sorted((root / "data/agreements").glob("*.yaml"))
    potentials = sorted((root / "data/potentials").glob("*.yaml"))
    quick, whole = _both(root)
    assert quick == whole and whole.records == ()

    steps = []
    # Titles changed; a stage added.
    for path in agreements[:3]:
        _edit(path, "judul: ", "judul: Perubahan ")
    steps.append(_both(root))
    # A potential that agreements name is removed: they get an error (R004) and lose flags.
    named = [
        p
        for p in potentials
        if "prioritas: tinggi" not in p.read_text()
        and any(p.stem in a.read_text() for a in agreements[5:])
    ]
    named[0].unlink()
    steps.append(_both(root))
    # An agreement stops naming an old high-priority potential that another agreement still
    # follows up: no flag (that other agreement, unchanged, must be read to know it).
    shared = next(
        p.stem
        for p in potentials
        if p.is_file() and "prioritas: tinggi" in p.read_text() and "tahun: 2019" in p.read_text()
    )
    naming = [a for a in agreements[30:] if "potensi:\n  - POT" in a.read_text()][:2]
    other = next(p.stem for p in potentials if p.is_file() and p.stem != shared)
    for path in agreements:  # only these two name it
        if path.is_file() and path not in naming:
            path.write_text(path.read_text().replace(shared, other), encoding="utf-8")
    for path in naming:
        text = path.read_text(encoding="utf-8")
        first = text.split("potensi:\n  - ", 1)[1].split("\n", 1)[0]
        path.write_text(text.replace(first, shared), encoding="utf-8")
    commit(root, "followers")
    text = naming[0].read_text(encoding="utf-8")
    start = text.index("potensi:\n")
    end = text.index("\n", text.index("  - POT", start)) + 1
    naming[0].write_text(text[:start] + text[end:], encoding="utf-8")
    steps.append(_both(root))
    assert not any(r.id == shared for r in steps[-1][1].records)
    # A new agreement, a copy carrying another's id (S009 in both), a broken file.
    shutil.copy(agreements[10], root / "data/agreements/KSD-6402-2099-001.yaml")
    _edit(agreements[12], "id: ", "id:\n  - ")
    steps.append(_both(root))
    # A file git ignores is still a record of the working tree.
    (root / ".gitignore").write_text("data/agreements/KSD-6402-2099-002.yaml\n", encoding="utf-8")
    shutil.copy(agreements[20], root / "data/agreements/KSD-6402-2099-002.yaml")
    steps.append(_both(root))

    for quick, whole in steps:
        assert quick == whole
    changes = {r.change for quick, _ in steps for r in quick.records}
    assert {"changed", "added", "removed"} <= changes
    assert any(r.flags_raised or r.flags_cleared for quick, _ in steps for r in quick.records)
    # Records not touched on disk are reached: those naming the removed potential.
    reached = {r.path for r in steps[1][0].records} - {r.path for r in steps[0][0].records}
    assert len(reached - {f"data/potentials/{named[0].name}"}) >= 1


@pytest.mark.usefixtures("hermetic_git")
def test_a_changed_configuration_compares_everything(tmp_path: Path) -> None:
    root = _generated(tmp_path / "repo")
    config = root / "ksd.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[validate]\nignore = ["unknown-key"]\n',
        encoding="utf-8",
    )
    quick, whole = _both(root)
    assert quick == whole
