"""Reading a repository's history with git: the data commit."""

from __future__ import annotations

from pathlib import Path


def test_data_commit_names_the_commit_or_nothing(tmp_path: Path, project_root: Path) -> None:
    from ksd_cli.gitio import head_commit as data_commit

    assert data_commit(tmp_path) == (None, False)
    commit, _ = data_commit(project_root, ["data"])
    assert commit is not None and len(commit) >= 7
