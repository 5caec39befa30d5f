"""--no-cache: every command that reads the records through the cache can be told not to."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksd_cli.cli import main

AS_OF = ["--as-of", "2025-06-30"]


def _commands(root: Path, out: Path) -> dict[str, list[str]]:
    where = ["--root", str(root)]
    return {
        "validate": ["validate", *where, *AS_OF],
        "stalled": ["stalled", *where, "--format", "json", *AS_OF],
        "show": ["show", "KSD-6402-2020-001", *where, "--format", "json", *AS_OF],
        "report": ["report", *where, "--format", "md", "--output", str(out / "r.md"), *AS_OF],
        "mapping": ["mapping", *where, "--format", "json", *AS_OF],
    }


@pytest.mark.parametrize("command", ["validate", "stalled", "show", "report", "mapping"])
def test_no_cache_neither_reads_nor_writes_the_cache(
    command: str,
    project_root: Path,
    tmp_path: Path,
    _own_cache: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = _commands(project_root, tmp_path)[command]
    assert main([*args, "--no-cache"]) in (0, 1)
    uncached = capsys.readouterr().out
    assert list(_own_cache.rglob("*.pickle")) == []
    (tmp_path / "r.md").unlink(missing_ok=True)
    assert main(args) in (0, 1)
    assert list(_own_cache.rglob("*.pickle")) != []  # the same command does use it
    assert capsys.readouterr().out == uncached


def test_draft_takes_no_cache(
    project_root: Path, tmp_path: Path, _own_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Drafting a final naskah first checks the record for errors, through the cache.
    out = tmp_path / "naskah.md"
    args = ["draft", "KSD-6402-2020-001", "--root", str(project_root), "--output", str(out)]
    assert main([*args, "--no-cache"]) == 0
    assert list(_own_cache.rglob("*.pickle")) == []
    assert main([*args, "--force"]) == 0
    assert list(_own_cache.rglob("*.pickle")) != []


def test_diff_takes_no_cache(git_repo: Path, _own_cache: Path) -> None:
    args = ["diff", "HEAD", "--root", str(git_repo), "--format", "json", *AS_OF]
    assert main([*args, "--no-cache"]) == 0
    assert list(_own_cache.rglob("*.pickle")) == []
    assert main(args) == 0
    assert list(_own_cache.rglob("*.pickle")) != []
