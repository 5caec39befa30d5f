"""``ksd validate --changed-since``: the changed files and what they reach, cache or not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gitrepos import changed_in_every_way

from ksd_cli.cli import main
from ksd_cli.repository import open_repository

AS_OF = "2025-06-30"


def _since(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    main(["validate", "--format", "json", "--as-of", AS_OF, "--root", str(root), *args])
    report: dict[str, object] = json.loads(capsys.readouterr().out)
    return report


@pytest.mark.usefixtures("hermetic_git")
def test_changed_since_is_the_same_with_and_without_the_cache(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    _own_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = tmp_path / "repo"
    files = changed_in_every_way(root)
    cold = _since(root, capsys, "--changed-since", "HEAD")
    warm = _since(root, capsys, "--changed-since", "HEAD")
    for path in _own_cache.rglob("*.pickle"):
        path.write_bytes(path.read_bytes()[:100] + b"corrupt")
    corrupt = _since(root, capsys, "--changed-since", "HEAD")
    uncached = _since(root, capsys, "--changed-since", "HEAD", "--no-cache")
    monkeypatch.setenv("KSD_NO_CACHE", "1")
    switched_off = _since(root, capsys, "--changed-since", "HEAD")
    assert cold == warm == corrupt == uncached == switched_off
    # Each changed file is reported with every finding the whole repository's run gives it.
    whole = _since(root, capsys)
    findings = cold["findings"]
    assert isinstance(findings, list) and isinstance(whole["findings"], list)
    reported = {f["path"] for f in findings}
    for name in ("twin", "pks", "new"):
        rel = f"data/agreements/{files[name].name}"
        assert rel in reported
        assert [f for f in findings if f["path"] == rel] == [
            f for f in whole["findings"] if f["path"] == rel
        ]
    rules = {f["rule"] for f in findings}
    assert {"duplicate-id", "unknown-potensi", "invalid-induk"} <= rules


@pytest.mark.usefixtures("hermetic_git")
def test_the_ids_changed_files_carry_now_come_from_the_scan_when_they_load(
    tmp_path: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read from the text only when the file does not load: the same ids either way."""
    import shutil
    from datetime import date

    from gitrepos import edit

    from ksd_cli import changes
    from ksd_cli.validate import scan_across

    root = tmp_path / "repo"
    files = changed_in_every_way(root)
    agreements = root / "data/agreements"
    # Carries another record's id and fails its schema: that id is known from its text only.
    stray = agreements / "KSD-6402-2099-010.yaml"
    shutil.copy(files["pks"], stray)
    edit(stray, "judul: ", "judul:\n  - ")
    repository = open_repository(root)
    # The old ids read from git each time (not kept: see the test below), to count the texts.
    whole = changes.changes_since(repository, "HEAD", use_cache=False)
    scanned, _ = scan_across(
        repository,
        as_of=date(2025, 6, 30),
        lang="en",
        parser="libyaml",
        progress=None,
        use_cache=True,
    )
    read: list[str] = []
    real = changes._id_in

    def counted(text: str) -> list[str]:
        read.append(text)
        return real(text)

    monkeypatch.setattr(changes, "_id_in", counted)
    assert changes.changes_since(repository, "HEAD", use_cache=False) == whole
    # The old texts first, then every changed file's text now.
    old_texts = read[: len(read) - len(whole.paths)]
    assert old_texts
    read.clear()
    from_scan = changes.changes_since_later(repository, "HEAD", use_cache=False)(scanned)
    assert from_scan == whole
    assert files["pks"].stem in whole.ids and files["twin"].stem in whole.ids
    assert read[: len(old_texts)] == old_texts
    loading = {s.source.rel for s in scanned if s.entry.facts is not None}
    # The broken file and the stray one are read; not one changed file that loads.
    not_loading = [rel for rel in whole.paths if rel not in loading]
    texts_now = [(root / rel).read_text(encoding="utf-8") for rel in not_loading]
    assert read[len(old_texts) :] == texts_now
    assert "data/agreements/KSD-6402-2099-010.yaml" in not_loading and len(not_loading) >= 2


@pytest.mark.usefixtures("hermetic_git")
def test_the_ids_old_blobs_carried_are_kept_and_give_what_git_gives(
    tmp_path: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gitrepos import edit

    from ksd_cli import changes
    from ksd_cli.gitio import GitRepository

    root = tmp_path / "repo"
    files = changed_in_every_way(root)
    repository = open_repository(root)
    asked: list[list[str]] = []
    real = GitRepository.read_files

    def counted(self: GitRepository, revision: str, paths: list[str]) -> dict[str, bytes]:
        asked.append(list(paths))
        return real(self, revision, paths)

    monkeypatch.setattr(GitRepository, "read_files", counted)
    from_git = changes.changes_since(repository, "HEAD", use_cache=False)
    assert len(asked[-1]) > 10
    kept_file = next(_own_cache.rglob("old-ids/*.pickle"), None)
    assert kept_file is None  # the cache off: nothing kept
    first = changes.changes_since(repository, "HEAD")
    assert first == from_git
    assert asked[-1] == asked[0]
    kept_file = next(_own_cache.rglob("old-ids/*.pickle"))
    written = kept_file.stat().st_mtime_ns
    # An edit since: the old blobs are the same, and git is asked for none of them.
    edit(files["pks"], "judul: ", "judul: Sekali lagi ")
    again = changes.changes_since(repository, "HEAD")
    assert asked[-1] == []
    assert again == changes.changes_since(repository, "HEAD", use_cache=False)
    assert kept_file.stat().st_mtime_ns == written  # nothing new to keep
    # A file changed since the revision is restored: one blob fewer, the file follows.
    restored = asked[0][0]
    from ksd_cli.gitio import run_git

    run_git(root, ("checkout", "HEAD", "--", restored))
    fewer = changes.changes_since(repository, "HEAD")
    assert asked[-1] == []
    assert restored not in fewer.paths
    assert fewer == changes.changes_since(repository, "HEAD", use_cache=False)
    # Kept by another ksd, or spoilt: read from git again, with the same ids.
    monkeypatch.setattr(changes, "code_fingerprint", lambda: "another ksd")
    assert changes.changes_since(repository, "HEAD") == fewer
    assert len(asked[-1]) > 10
    kept_file.write_bytes(kept_file.read_bytes()[:40] + b"spoilt")
    assert changes.changes_since(repository, "HEAD") == fewer
    assert len(asked[-1]) > 10
    assert changes.changes_since(repository, "HEAD") == fewer
    assert asked[-1] == []
