"""The record files listed and stamped by a forked child: what the parent would have found."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ksd_cli import cache, listed
from ksd_cli.errors import UserError
from ksd_cli.repository import SourceFile, open_repository


def _odd_entries(root: Path) -> None:
    """Links, a FIFO, a sub-folder, other suffixes, a potential: every kind of entry listed."""
    agreements = root / "data" / "agreements"
    (agreements / "KSD-6402-2030-001.yaml").symlink_to("KSD-6402-2020-001.yaml")
    (agreements / "KSD-6402-2030-002.yaml").symlink_to(root / "missing.yaml")
    os.mkfifo(agreements / "KSD-6402-2030-003.yaml")
    (agreements / "KSD-6402-2030-004.YML").write_text("id: x\n", encoding="utf-8")
    (agreements / "sub.yaml").mkdir()
    (agreements / "catatan.txt").write_text("x", encoding="utf-8")


def _here(root: Path) -> tuple[list[tuple[object, ...]], list[cache.Stamp | None]]:
    repo = open_repository(root)
    sources = repo.source_files()
    return [(s.path, s.rel, s.kind, s.not_regular) for s in sources], cache.stamps_of(sources)


def test_the_child_lists_and_stamps_what_the_parent_would(
    sample_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    _odd_entries(sample_repo)

    aside, sources = _listed_by_the_child(sample_repo, monkeypatch)
    assert len(sources) == 39 + 4
    found = [(s.path, s.rel, s.kind, s.not_regular) for s in sources]
    assert (found, aside.listing().stamps_of(sources)) == _here(sample_repo)
    # The very values a listing made here holds (made without SourceFile's __init__).
    fresh = _fresh(sample_repo)
    assert sources == fresh and [hash(s) for s in sources] == [hash(s) for s in fresh]
    assert [repr(s) for s in sources] == [repr(s) for s in fresh]
    # Each folder's files share one folder, as a listing made here holds them.
    assert len({id(s.location[0]) for s in sources if isinstance(s.location, tuple)}) == 2
    # The stamps are given only for the very files listed.
    assert aside.listing().stamps_of(sources[1:]) is None
    assert aside.listing().stamps_of(_fresh(sample_repo)) is None


def _fresh(root: Path) -> list[SourceFile]:
    return open_repository(root).source_files()


def test_the_stamps_of_files_changed_moments_ago_are_not_trusted(sample_repo: Path) -> None:
    repo = open_repository(sample_repo, listed_aside=True)
    assert repo.listed is not None
    assert set(repo.listed.listing().stamps) == {None}  # the copy was just made
    assert repo.source_files() == _fresh(sample_repo)


@pytest.mark.parametrize("failure", ["no fork", "child fails", "garbage"])
def test_without_a_usable_child_the_files_are_listed_here(
    sample_repo: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    if failure == "no fork":
        monkeypatch.setattr("ksd_cli.pool.can_fork", lambda: False)
    elif failure == "child fails":

        def stamps_fail(sources: object) -> object:
            raise OSError("no")

        # The child fails; the parent's own listing (stamped after the patch is undone) holds.
        monkeypatch.setattr(listed, "stamps_of", stamps_fail)
    else:
        monkeypatch.setattr("ksd_cli.listed.marshal.dumps", lambda value: b"\x00garbage")
    repo = open_repository(sample_repo, listed_aside=True)
    monkeypatch.undo()
    assert repo.listed is not None
    sources = repo.source_files()
    found = [(s.path, s.rel, s.kind, s.not_regular) for s in sources]
    assert (found, repo.listed.listing().stamps_of(sources)) == _here(sample_repo)
    # The very values a listing made here holds (made without SourceFile's __init__).
    fresh = _fresh(sample_repo)
    assert sources == fresh and [hash(s) for s in sources] == [hash(s) for s in fresh]
    assert [repr(s) for s in sources] == [repr(s) for s in fresh]


def test_a_repository_refused_after_forking_leaves_no_child(
    sample_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    abandoned: list[listed.Aside] = []
    abandon = listed.Aside.abandon

    def kept(self: listed.Aside) -> None:
        abandoned.append(self)
        abandon(self)

    monkeypatch.setattr(listed.Aside, "abandon", kept)
    config = sample_repo / "ksd.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[validate]\nignore = ["no-such-rule"]\n',
        encoding="utf-8",
    )
    with pytest.raises(UserError):
        open_repository(sample_repo, listed_aside=True)
    [aside] = abandoned
    assert aside._child > 0  # forked, and waited for
    with pytest.raises(ChildProcessError):
        os.waitpid(aside._child, os.WNOHANG)


def test_a_listing_read_back_marks_only_the_files_without_a_stamp() -> None:
    from array import array

    numbers = array("q", [10, 1, 2, 3, -1, -1, -1, -1, 12, 4, 5, 6]).tobytes()
    part = ("/r/data/agreements", "agreement", "data/agreements/", "a.yaml\0b.yaml\0c.yaml", "-l-")
    found = listed._from_parts([(*part, numbers)])
    assert found is not None
    assert found.stamps == ((10, 1, 2, 3), None, (12, 4, 5, 6))
    folder = Path("/r/data/agreements")
    assert found.sources == (
        SourceFile((folder, "a.yaml"), "data/agreements/a.yaml", "agreement"),
        SourceFile((folder, "b.yaml"), "data/agreements/b.yaml", "agreement", "symlink"),
        SourceFile((folder, "c.yaml"), "data/agreements/c.yaml", "agreement"),
    )
    # Not what the child writes: no listing.
    assert listed._from_parts([(*part, numbers[:-8])]) is None


def test_a_child_forked_ahead_lists_the_folders_ksd_toml_names(
    sample_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    _odd_entries(sample_repo)
    (sample_repo / "data" / "agreements").rename(sample_repo / "perjanjian")
    config = sample_repo / "ksd.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[paths]\nagreements = "perjanjian/"\n',
        encoding="utf-8",
    )

    def not_here(folders: object) -> listed.Listing:
        raise AssertionError("listed here, not by the child")

    monkeypatch.setattr(listed, "_listing_here", not_here)
    ahead = listed.listed_ahead(sample_repo)
    assert ahead is not None
    repo = open_repository(sample_repo, listed_aside=True, ahead=ahead)
    assert repo.listed is ahead  # taken: no second child
    sources = repo.source_files()
    assert sources[0].rel.startswith("perjanjian/") and len(sources) == 39 + 4
    found = [(s.path, s.rel, s.kind, s.not_regular) for s in sources]
    assert (found, ahead.listing().stamps_of(sources)) == _here(sample_repo)


def test_a_child_forked_ahead_for_other_folders_is_waited_for_and_replaced(
    sample_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    other = tmp_path / "other"
    (other / "data" / "agreements").mkdir(parents=True)
    (other / "data" / "agreements" / "KSD-6402-2020-009.yaml").write_text("id: x\n")
    ahead = listed.listed_ahead(other)
    assert ahead is not None and not ahead.lists(open_repository(sample_repo).record_folders())
    repo = open_repository(sample_repo, listed_aside=True, ahead=ahead)
    assert repo.listed is not None and repo.listed is not ahead
    with pytest.raises(ChildProcessError):  # waited for
        os.waitpid(ahead._child, os.WNOHANG)
    sources = repo.source_files()
    found = [(s.path, s.rel, s.kind, s.not_regular) for s in sources]
    assert (found, repo.listed.listing().stamps_of(sources)) == _here(sample_repo)


def test_a_child_forked_ahead_is_waited_for_when_the_repository_is_refused(
    sample_repo: Path,
) -> None:
    config = sample_repo / "ksd.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[validate]\nignore = ["no-such-rule"]\n',
        encoding="utf-8",
    )
    ahead = listed.listed_ahead(sample_repo)
    assert ahead is not None
    with pytest.raises(UserError):
        open_repository(sample_repo, listed_aside=True, ahead=ahead)
    with pytest.raises(ChildProcessError):
        os.waitpid(ahead._child, os.WNOHANG)


@pytest.mark.parametrize(
    "paths",
    [
        '[paths]\nagreements = "../elsewhere"\n',
        '[paths]\npotentials = "/etc"\n',
        "[paths]\nagreements = 3\n",
        "paths = 3\n",
        "[paths\n",
    ],
)
def test_no_child_ahead_for_folders_outside_or_a_file_that_is_not_toml(
    sample_repo: Path, paths: str
) -> None:
    (sample_repo / "ksd.toml").write_text(paths, encoding="utf-8")
    assert listed.listed_ahead(sample_repo) is None


def test_the_folders_guessed_without_ksd_toml_are_the_configurations_defaults(
    sample_repo: Path,
) -> None:
    from ksd_cli.config import Paths

    assert listed.DEFAULT_FOLDERS == {
        "agreements": Paths().agreements,
        "potentials": Paths().potentials,
    }
    (sample_repo / "ksd.toml").unlink()
    ahead = listed.listed_ahead(sample_repo)
    assert ahead is not None
    assert ahead.lists(open_repository(sample_repo).record_folders())
    ahead.abandon()


def test_the_child_lists_the_record_files_of_sub_folders_as_the_parent_would(
    sample_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    archive = sample_repo / "data" / "agreements" / "arsip"
    (archive / "2019").mkdir(parents=True)
    (archive / "KSD-6402-2019-009.yaml").write_text("id: [broken\n", encoding="utf-8")
    (archive / "2019" / "KSD-6402-2019-010.yml").write_text("id: x\n", encoding="utf-8")
    (archive / "2019" / "KSD-6402-2019-011.yaml").symlink_to("/etc/passwd")

    aside, sources = _listed_by_the_child(sample_repo, monkeypatch)
    found = [(s.path, s.rel, s.kind, s.not_regular) for s in sources]
    assert (found, aside.listing().stamps_of(sources)) == _here(sample_repo)
    assert [(s.rel, s.not_regular) for s in sources if "arsip" in s.rel] == [
        ("data/agreements/arsip/KSD-6402-2019-009.yaml", "subfolder"),
        ("data/agreements/arsip/2019/KSD-6402-2019-010.yml", "subfolder"),
        ("data/agreements/arsip/2019/KSD-6402-2019-011.yaml", "subfolder"),
    ]
    assert sources == _fresh(sample_repo)


def _listed_by_the_child(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[listed.Aside, list[SourceFile]]:
    """The files of the repository at ``root`` as the forked child alone listed them."""

    def not_here(repository: object) -> listed.Listing:
        raise AssertionError("listed here, not by the child")

    monkeypatch.setattr(listed, "_listing_here", not_here)
    repo = open_repository(root, listed_aside=True)
    assert repo.listed is not None
    return repo.listed, list(repo.source_files())
