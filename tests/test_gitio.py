"""Reading a repository's history with git: the data commit."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepos import AGR, DAY, PASAR, POT, SAMPAH, commit, git, put

from ksd_cli import gitio
from ksd_cli.cli import main
from ksd_cli.diff import semantic_diff
from ksd_cli.gitio import GitError, open_git
from ksd_cli.repository import open_repository


def test_data_commit_names_the_commit_or_nothing(tmp_path: Path, project_root: Path) -> None:
    from ksd_cli.gitio import head_commit as data_commit

    assert data_commit(tmp_path) == (None, False)
    commit, _ = data_commit(project_root, ["data"])
    assert commit is not None and len(commit) >= 7


def test_changed_files_sees_committed_staged_unstaged_untracked_and_deleted(git_repo: Path) -> None:
    base = git(git_repo, "rev-parse", "HEAD").strip()
    put(git_repo, f"{AGR}/KSD-6402-2025-001.yaml", SAMPAH + "catatan: committed\n")
    commit(git_repo, "satu")
    put(git_repo, f"{AGR}/KSD-6402-2025-002.yaml", PASAR + "catatan: staged\n")
    git(git_repo, "add", f"{AGR}/KSD-6402-2025-002.yaml")
    (git_repo / POT / "POT-6402-2024-001.yaml").unlink()
    put(git_repo, f"{AGR}/KSD-6402-2026-001.yaml", PASAR)
    put(git_repo, "catatan.tmp", "x")
    (git_repo / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    changes = {(c.path, c.status) for c in open_git(git_repo).changed_files(base)}
    assert changes == {
        (".gitignore", "modified"),  # ksd init wrote one
        (f"{AGR}/KSD-6402-2025-001.yaml", "modified"),
        (f"{AGR}/KSD-6402-2025-002.yaml", "modified"),
        (f"{AGR}/KSD-6402-2026-001.yaml", "added"),
        (f"{POT}/POT-6402-2024-001.yaml", "deleted"),
    }


def data_repository_in_a_subfolder(tmp_path: Path) -> tuple[Path, Path]:
    """A git work tree ``pemda`` with a fresh ksd data repository in ``pemda/kerja-sama``."""
    outer = tmp_path / "pemda"
    outer.mkdir()
    git(outer, "init", "-q", "-b", "main")
    git(outer, "config", "user.name", "A")
    git(outer, "config", "user.email", "a@example.org")
    root = outer / "kerja-sama"
    assert main(["init", str(root), "--daerah", "64.02"]) == 0
    return outer, root


@pytest.mark.usefixtures("hermetic_git")
def test_a_data_repository_in_a_subfolder_of_the_git_work_tree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outer, root = data_repository_in_a_subfolder(tmp_path)
    put(root, f"{AGR}/KSD-6402-2025-002.yaml", PASAR)
    put(outer, "lain/data/agreements/KSD-6402-2025-009.yaml", PASAR)  # outside the ksd root
    commit(outer, "awal")
    put(root, f"{AGR}/KSD-6402-2025-002.yaml", PASAR.replace("Pasar Induk", "Pasar Grosir"))
    gitrepo = open_git(root)
    assert gitrepo.prefix == "kerja-sama/"
    assert gitrepo.list_files("HEAD", ["data/agreements"]) == [
        "data/agreements/.gitkeep",
        "data/agreements/KSD-6402-2025-002.yaml",
    ]
    assert gitrepo.show_file("HEAD", "data/agreements/KSD-6402-2025-002.yaml") == PASAR.encode()
    assert gitrepo.show_file("HEAD", "data/agreements/none.yaml") is None
    (record,) = semantic_diff(open_repository(root), "HEAD", None, as_of=DAY).records
    assert record.path == f"{AGR}/KSD-6402-2025-002.yaml"
    assert [(f.path, f.new) for f in record.fields] == [("judul", "Pasar Grosir Bersama")]


@pytest.mark.usefixtures("hermetic_git")
def test_default_branch_prefers_origin_head_then_main_then_master(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    git(root, "init", "-q", "-b", "master")
    git(root, "config", "user.name", "A")
    git(root, "config", "user.email", "a@example.org")
    put(root, "x.txt", "x")
    commit(root, "x")
    assert open_git(root).default_branch() == "master"
    git(root, "branch", "main")
    assert open_git(root).default_branch() == "main"
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "trunk", str(origin))
    git(root, "remote", "add", "origin", str(origin))
    git(root, "push", "-q", "origin", "master:trunk")
    git(root, "remote", "set-head", "origin", "-a")
    assert open_git(root).default_branch() == "origin/trunk"


def test_git_started_gives_what_git_run_gives(
    git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The output of a git started while ksd works, and its failure, as a git run waited for."""
    from ksd_cli.gitio import GitError, run_git, start_git

    listing = ("ls-tree", "-r", "-z", "--name-only", "HEAD")
    assert start_git(git_repo, listing)() == run_git(git_repo, listing) != b""
    bad = ("rev-parse", "--verify", "no-such-revision")
    with pytest.raises(GitError) as run:
        run_git(git_repo, bad)
    with pytest.raises(GitError) as started:
        start_git(git_repo, bad)()
    assert str(started.value) == str(run.value)
    repository = open_git(git_repo)
    assert repository.list_files_later("HEAD", [AGR])() == repository.list_files("HEAD", [AGR])
    put(git_repo, f"{AGR}/KSD-6402-2025-001.yaml", SAMPAH + "catatan: diubah\n")
    assert repository.changed_paths_later("HEAD", [AGR, POT])() == [f"{AGR}/KSD-6402-2025-001.yaml"]
    monkeypatch.setenv("PATH", str(git_repo))  # no git there
    with pytest.raises(GitError):
        start_git(git_repo, listing)


def test_files_are_read_by_their_blob_once_a_comparison_named_it(
    git_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same contents by blob as by ``COMMIT:PATH`` (which git resolves tree by tree)."""
    base = git(git_repo, "rev-parse", "HEAD").strip()
    put(git_repo, f"{AGR}/KSD-6402-2025-001.yaml", SAMPAH + "catatan: changed\n")
    (git_repo / POT / "POT-6402-2024-001.yaml").unlink()
    put(git_repo, f"{AGR}/KSD-6402-2026-001.yaml", PASAR)
    paths = [
        f"{AGR}/KSD-6402-2025-001.yaml",
        f"{AGR}/KSD-6402-2025-002.yaml",
        f"{POT}/POT-6402-2024-001.yaml",
        f"{AGR}/KSD-6402-2026-001.yaml",  # not at the revision
    ]
    by_path = open_git(git_repo).read_files(base, paths)
    assert set(by_path) == set(paths[:3])
    asked: list[bytes] = []
    for named in ("changed_paths", "changed_files"):
        repo = open_git(git_repo)
        if named == "changed_paths":
            changed = set(repo.changed_paths(base, [AGR, POT]))
            assert changed == {paths[0], paths[2]}  # untracked files are not listed
        else:
            changed = {c.path for c in repo.changed_files(base)}
            assert {paths[0], paths[2], paths[3]} <= changed
        run = gitio.run_git

        def spy(cwd: Path, args: object, *, stdin: bytes | None = None, run: object = run) -> bytes:
            asked.append(stdin or b"")
            return run(cwd, args, stdin=stdin)  # type: ignore[operator, no-any-return]

        monkeypatch.setattr(gitio, "run_git", spy)
        assert repo.read_files(base, paths) == by_path
        # Started now and read later: the same contents, through git's input given as a file.
        assert repo.read_files_later(base, paths)() == by_path
        assert repo.read_files_later(base, [])() == {}
        requested = asked[-1].decode().splitlines()
        by_blob = [r for r in requested if ":" not in r]
        # The changed files the revision has; the unchanged one by its path.
        assert len(by_blob) == 2, requested
        assert all(len(r) == 40 for r in by_blob)


def test_git_started_never_waits_on_its_errors(git_repo: Path, tmp_path: Path) -> None:
    """A git started aside runs to its end even when it writes more errors than a pipe holds."""
    import time

    from ksd_cli.gitio import GitError, start_git

    done = tmp_path / "done"
    # An alias running a shell: 200 KB of errors (a pipe holds 64 KB), then a mark, then failure.
    noisy = (
        "!head -c 200000 /dev/zero | tr '\\0' w >&2; echo >&2; echo last words >&2; "
        f": > '{done}'; exit 3"
    )
    output = start_git(git_repo, ("-c", f"alias.noisy={noisy}", "noisy"))
    waited = 0.0
    while not done.exists() and waited < 20:
        time.sleep(0.05)
        waited += 0.05
    finished = done.exists()  # before its output is asked for: nothing read its errors yet
    with pytest.raises(GitError) as failed:
        output()
    assert finished
    assert str(failed.value) == "git -c: last words"


@pytest.mark.usefixtures("hermetic_git")
def test_a_revision_opened_with_the_work_tree_is_resolved_by_the_same_git(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One git started instead of two; a revision git cannot resolve is refused as before."""
    outer, root = data_repository_in_a_subfolder(tmp_path)
    commit(outer, "awal")
    head = git(outer, "rev-parse", "HEAD").strip()
    runs: list[tuple[str, ...]] = []
    real = gitio.run_git

    def counted(cwd: Path, args: tuple[str, ...], **kwargs: object) -> bytes:
        runs.append(tuple(args))
        return real(cwd, args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(gitio, "run_git", counted)
    for revision in ("HEAD", "main", head[:10]):
        runs.clear()
        opened = open_git(root, revision)
        assert (opened.toplevel, opened.prefix) == (open_git(root).toplevel, "kerja-sama/")
        runs.clear()
        assert opened.resolve(revision) == head
        assert runs == []  # resolved when opened
    for revision in ("no-such-revision", "HEAD..main", "--all", ""):
        opened = open_git(root, revision)
        assert (opened.toplevel, opened.prefix, opened._commits) == (
            open_git(root).toplevel,
            "kerja-sama/",
            {},
        )
        with pytest.raises(GitError) as refused:
            opened.resolve(revision)
        with pytest.raises(GitError) as alone:
            open_git(root).resolve(revision)
        assert str(refused.value) == str(alone.value)
    with pytest.raises(GitError) as outside:
        open_git(tmp_path, "HEAD")
    with pytest.raises(GitError) as plain:
        open_git(tmp_path)
    assert str(outside.value) == str(plain.value)
