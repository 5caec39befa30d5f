"""``ksd validate --changed-since``: the changed files and what they reach, cache or not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gitrepos import changed_in_every_way

from ksd_cli.cli import main

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
