"""The diff against the working tree that reads only what a change can reach: the same result."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pytest
from gitrepos import changed_in_every_way, commit, git
from helpers import generator

from ksd_cli.diff import semantic_diff
from ksd_cli.diff.model import DiffResult
from ksd_cli.repository import SourceFile, open_repository

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
    # A potential that agreements name is removed: they get an error (R004), and their
    # flags are not judged after (neither cleared nor raised).
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
    assert any(r.flags_unjudged for r in steps[1][0].records)
    assert not any(r.flags_cleared for r in steps[1][0].records if r.valid_after is False)
    # Records not touched on disk are reached: those naming the removed potential.
    reached = {r.path for r in steps[1][0].records} - {r.path for r in steps[0][0].records}
    assert len(reached - {f"data/potentials/{named[0].name}"}) >= 1


@pytest.mark.usefixtures("hermetic_git")
def test_a_potential_followed_only_by_a_changed_agreement_with_errors_is_followed(
    tmp_path: Path,
) -> None:
    """An agreement with errors, changed, still follows up what it names: no flag is raised.

    The potential is known to be followed from the changed agreement's own facts (the files no
    change touched are looked through once for both sides).
    """
    root = _generated(tmp_path / "repo")
    agreements = sorted((root / "data/agreements").glob("*.yaml"))
    potentials = sorted((root / "data/potentials").glob("*.yaml"))
    shared = next(
        p.stem
        for p in potentials
        if "prioritas: tinggi" in p.read_text() and "tahun: 2019" in p.read_text()
    )
    naming = next(a for a in agreements if "potensi:\n  - POT" in a.read_text())
    other = next(p.stem for p in potentials if p.stem != shared)
    for path in agreements:  # only ``naming`` names it
        if path != naming:
            path.write_text(path.read_text().replace(shared, other), encoding="utf-8")
    text = naming.read_text(encoding="utf-8")
    first = text.split("potensi:\n  - ", 1)[1].split("\n", 1)[0]
    naming.write_text(text.replace(first, shared), encoding="utf-8")
    commit(root, "one follower")
    # It names a potential that does not exist too (R004): it has an error, but loads.
    _edit(naming, f"  - {shared}\n", f"  - {shared}\n  - POT-6402-2099-999\n")
    quick, whole = _both(root)
    assert quick == whole
    by_path = {r.path: r for r in whole.records}
    assert by_path[_rel(naming)].valid_after is False
    assert not any(r.flags_raised for r in whole.records if r.id == shared)
    # Without it, the potential is not followed up: it raises a flag.
    _edit(naming, f"  - {shared}\n", "")
    quick, whole = _both(root)
    assert quick == whole
    assert any(r.flags_raised for r in whole.records if r.id == shared)


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


@pytest.mark.usefixtures("hermetic_git")
def test_the_quick_diff_is_the_whole_diff_in_every_cache_state(
    tmp_path: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repo"
    files = changed_in_every_way(root)
    repository = open_repository(root)
    whole = semantic_diff(repository, "HEAD", None, as_of=AS_OF, lang="en", quick=False)

    def quick(*, use_cache: bool = True) -> DiffResult:
        return semantic_diff(repository, "HEAD", None, as_of=AS_OF, lang="en", use_cache=use_cache)

    cold = quick()
    warm = quick()
    for path in _own_cache.rglob("*.pickle"):
        path.write_bytes(path.read_bytes()[:100] + b"corrupt")
    corrupt = quick()
    uncached = quick(use_cache=False)
    monkeypatch.setenv("KSD_NO_CACHE", "1")
    switched_off = quick()
    assert cold == warm == corrupt == uncached == switched_off == whole
    changes = {r.change for r in whole.records}
    assert {"changed", "added", "removed"} <= changes
    assert any(r.flags_raised or r.flags_cleared for r in whole.records)
    # The PKS whose KB went is invalid now (R006); the agreements naming the deleted potential
    # (unchanged on disk, reached through it) turn invalid (R004).
    by_path = {r.path: r for r in whole.records}
    assert by_path[_rel(files["pks"])].valid_after is False
    naming = {
        _rel(p)
        for p in (root / "data/agreements").glob("*.yaml")
        if files["named"].stem in p.read_text(encoding="utf-8")
    }
    turned = {r.path for r in whole.records if r.valid_before and r.valid_after is False}
    assert naming & turned
    # The id the deleted file carried twice is sound again: S009 gone.
    assert any(r.valid_before is False and r.valid_after for r in whole.records)


def _rel(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.parent.name}/{path.name}"


@pytest.mark.usefixtures("hermetic_git")
def test_the_quick_diff_reads_only_what_a_change_reaches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Changed files, and potentials they name, are parsed; never the other agreements."""
    from ksd_cli import gitio
    from ksd_cli.diff import quick as quick_module
    from ksd_cli.diff import snapshot

    root = _generated(tmp_path / "repo")
    agreements = sorted((root / "data/agreements").glob("*.yaml"))
    for path in agreements[:3]:
        _edit(path, "judul: ", "judul: Perubahan ")
    repository = open_repository(root)
    semantic_diff(repository, "HEAD", None, as_of=AS_OF, lang="en")  # the cache, warm
    parsed: list[str] = []
    real_file = snapshot.snapshot_file

    def counted_file(source: SourceFile, text: str | None) -> snapshot.SnapshotFile:
        parsed.append(source.rel)
        return real_file(source, text)

    monkeypatch.setattr(quick_module, "snapshot_file", counted_file)
    commands: list[str] = []
    real_git = gitio.run_git

    def counted_git(cwd: Path, args: Sequence[str], *, stdin: bytes | None = None) -> bytes:
        commands.append(args[0])
        return real_git(cwd, args, stdin=stdin)

    real_start = gitio.start_git

    def counted_start(
        cwd: Path, args: Sequence[str], *, stdin: bytes | None = None
    ) -> Callable[[], bytes]:
        commands.append(args[0])
        return real_start(cwd, args, stdin=stdin)

    monkeypatch.setattr(gitio, "run_git", counted_git)
    monkeypatch.setattr(gitio, "start_git", counted_start)
    quick = semantic_diff(repository, "HEAD", None, as_of=AS_OF, lang="en")
    asked = list(commands)
    assert quick == semantic_diff(repository, "HEAD", None, as_of=AS_OF, lang="en", quick=False)
    changed = {f"data/agreements/{p.name}" for p in agreements[:3]}
    others = {rel for rel in parsed if rel.startswith("data/agreements/")} - changed
    assert others == set() and changed <= set(parsed)
    # Once each: a changed file's old text is read with its old entry (below), not again.
    assert len(parsed) == len(set(parsed))
    # Where the work tree is with the revision, its short name, its ksd.toml, its record
    # files, what differs, and the old contents: one git process each.
    assert asked == [
        "rev-parse",
        "rev-parse",
        "cat-file",
        "ls-tree",
        "diff",
        "cat-file",
    ]


@pytest.mark.usefixtures("hermetic_git")
def test_a_changed_files_old_text_is_parsed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its entry (its findings, its facts) and its file in the snapshot come of one parse."""
    from ksd_cli import loading, validate, yamlread
    from ksd_cli.diff import snapshot

    root = _generated(tmp_path / "repo")
    agreements = sorted((root / "data/agreements").glob("*.yaml"))
    old_texts = [path.read_text(encoding="utf-8") for path in agreements[:4]]
    for path in agreements[:3]:
        _edit(path, "judul: ", "judul: Perubahan ")
    agreements[3].unlink()
    repository = open_repository(root)
    semantic_diff(repository, "HEAD", None, as_of=AS_OF, lang="en")  # the cache, warm
    texts: list[str] = []
    real = yamlread.read_document

    def counted(text: str, *args: object, **kwargs: object) -> object:
        texts.append(text)
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    for module in (loading, validate, snapshot):
        monkeypatch.setattr(module, "read_document", counted)
    quick = semantic_diff(repository, "HEAD", None, as_of=AS_OF, lang="en")
    assert [texts.count(text) for text in old_texts] == [1, 1, 1, 1]
    monkeypatch.undo()
    assert quick == semantic_diff(repository, "HEAD", None, as_of=AS_OF, lang="en", quick=False)
    assert {r.change for r in quick.records} >= {"changed", "removed"}


def test_the_yaml_files_of_a_listing_are_those_the_repository_reads() -> None:
    """As the working tree's listing takes them: ``.yaml``/``.yml`` in any case, not alone."""
    from ksd_cli.diff.quick import _is_yaml, _yaml_paths

    paths = [
        "data/agreements/KSD-6402-2025-001.yaml",
        "data/agreements/a.yml",
        "data/agreements/.yaml",
        "data/agreements/.yml",
        ".yaml",
        ".yml",
        "a.yaml",
        "data/agreements/..yaml",
        "data/agreements/a.YAML",
        "data/agreements/a.yaml.bak",
        "data/agreements/a.b.yml",
        "data/agreements/yaml",
        "data/agreements/.gitkeep",
        "data/x.yaml/readme.md",
        "",
    ]
    expected = {
        "data/agreements/KSD-6402-2025-001.yaml",
        "data/agreements/a.yml",
        "a.yaml",
        "data/agreements/a.YAML",
        "data/agreements/a.b.yml",
    }
    assert _yaml_paths(paths) == {p for p in paths if _is_yaml(p)} == expected
