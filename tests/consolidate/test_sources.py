"""Sources: folders, folders of repositories, git with a revision, the list file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ksd_cli.consolidate.sources import Source, checkout, classify, gather, read_list
from ksd_cli.errors import UserError

from .fixture import FIXTURE


def test_a_repository_folder_is_one_source() -> None:
    (source,) = classify("kukar", base=FIXTURE)
    assert (source.location, source.git, source.problem) == (str(FIXTURE / "kukar"), False, None)


def test_a_folder_of_repositories_is_each_of_them() -> None:
    sources = classify(".", base=FIXTURE)
    assert [s.label for s in sources] == ["./balikpapan", "./kaltim", "./kukar", "./samarinda"]


def test_the_list_file_gives_codes_locations_and_the_expected_regions() -> None:
    listed = read_list(FIXTURE / "ksd-konsolidasi.toml")
    assert [(s.label, s.kode) for s in listed.sources] == [
        ("kaltim", "64"),
        ("kukar", "64.02"),
        ("balikpapan", "64.71"),
        ("samarinda", "64.72"),
    ]
    assert listed.expected == ("64", "64.02", "64.03", "64.71", "64.72")


def test_an_invalid_list_file_names_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "ksd-konsolidasi.toml"
    path.write_text('[[sumber]]\nlokasi = "a"\nkota = "64.72"\n', encoding="utf-8")
    with pytest.raises(UserError) as caught:
        read_list(path)
    assert "sumber.0.kota" in caught.value.text("en")


@pytest.mark.parametrize(
    ("argument", "location", "revision"),
    [
        (
            "https://git.example.go.id/kukar/ksd-data.git",
            "https://git.example.go.id/kukar/ksd-data.git",
            None,
        ),
        (
            "https://git.example.go.id/kukar/ksd-data.git@v2025",
            "https://git.example.go.id/kukar/ksd-data.git",
            "v2025",
        ),
        (
            "git@git.example.go.id:kukar/ksd-data.git@main",
            "git@git.example.go.id:kukar/ksd-data.git",
            "main",
        ),
        (
            "git@git.example.go.id:kukar/ksd-data.git",
            "git@git.example.go.id:kukar/ksd-data.git",
            None,
        ),
    ],
)
def test_git_urls_and_revisions(argument: str, location: str, revision: str | None) -> None:
    (source,) = classify(argument, base=FIXTURE)
    assert (source.location, source.revision, source.git) == (location, revision, True)


def test_an_option_or_a_missing_folder_is_a_problem_not_a_command() -> None:
    (option,) = classify("--upload-pack=touch /tmp/x", base=FIXTURE)
    (missing,) = classify("tidak-ada", base=FIXTURE)
    assert option.problem is not None and missing.problem is not None
    assert not option.git


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    """A bare repository of Kukar's records, branch main and tag v1; a hook that must not run."""
    work = tmp_path / "work"
    subprocess.run(["cp", "-r", str(FIXTURE / "kukar"), str(work)], check=True)
    _git(work, "init", "-q", "-b", "main")
    _git(work, "add", "-A")
    _git(work, "commit", "-q", "-m", "records")
    _git(work, "tag", "v1")
    bare = tmp_path / "kukar.git"
    _git(tmp_path, "clone", "-q", "--bare", str(work), str(bare))
    hook = bare / "hooks" / "post-checkout"
    hook.write_text(f"#!/bin/sh\ntouch {tmp_path / 'hook-ran'}\n", encoding="utf-8")
    hook.chmod(0o755)
    return bare


def test_a_git_path_is_cloned_shallowly_without_hooks(bare: Path, tmp_path: Path) -> None:
    (source,) = classify(f"{bare}@v1", base=tmp_path)
    assert source.git and source.revision == "v1"
    cache = tmp_path / "cache"
    folder = checkout(source, cache=cache, offline=False)
    assert (folder / "ksd.toml").is_file()
    assert (folder / ".git" / "shallow").is_file()
    assert not (tmp_path / "hook-ran").exists()
    # Offline, the clone already there is used; a source never fetched is refused.
    assert checkout(source, cache=cache, offline=True) == folder
    assert checkout(source, cache=cache, offline=False) == folder  # fetched anew
    with pytest.raises(UserError):
        checkout(Source("x", source.location, "main", git=True), cache=cache, offline=True)


def test_an_unreachable_git_source_is_a_user_error(tmp_path: Path) -> None:
    source = Source("hilang", (tmp_path / "hilang.git").as_uri(), git=True)
    with pytest.raises(UserError) as caught:
        checkout(source, cache=tmp_path / "cache", offline=False)
    assert "hilang" in caught.value.text("en")


def test_gather_reads_list_files_and_folders() -> None:
    listed = gather(["ksd-konsolidasi.toml", "kukar"], cwd=FIXTURE)
    assert [s.label for s in listed.sources][-1] == "kukar"
    assert len(listed.sources) == 5
