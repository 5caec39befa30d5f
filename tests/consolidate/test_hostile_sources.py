"""The hostile corpus among the consolidated repositories: rows and findings, never a crash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hostile import corpus

from ksd_cli.consolidate import Consolidation, Options, consolidate, gather
from ksd_cli.outputs import FORMATS, render

from .fixture import FIXTURE


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-sources")
    root = folder / "kukar"
    for part in ("data/agreements", "data/potentials"):
        (root / part).mkdir(parents=True)
    (root / "ksd.toml").write_text('[daerah]\nkode = "64.02"\n', encoding="utf-8")
    for entry in corpus():
        entry.write(root)
    # A source whose ksd.toml reaches outside its folder, and one that is not TOML at all.
    for name, text in (
        ("keluar", '[paths]\nagreements = "../kukar/data/agreements"\n'),
        ("rusak", "[["),
    ):
        (folder / name).mkdir()
        (folder / name / "ksd.toml").write_text(text, encoding="utf-8")
    (folder / "samarinda").symlink_to(FIXTURE / "samarinda", target_is_directory=True)
    return folder


@pytest.fixture(scope="module")
def result(sources: Path) -> Consolidation:
    listed = gather([str(sources)], cwd=sources)
    return consolidate(listed.sources, Options(as_of=date(2025, 6, 30)))


def test_every_source_is_a_row_and_nothing_crashed(result: Consolidation) -> None:
    rows = {r.label.rsplit("/", 1)[-1]: r for r in result.regions}
    # A linked folder is not followed as a repository of the folder.
    assert sorted(rows) == ["keluar", "kukar", "rusak"]
    kukar = rows["kukar"].figures
    assert kukar is not None and not kukar.valid and kukar.gagal
    assert rows["keluar"].figures is None and rows["keluar"].problem is not None
    assert rows["rusak"].figures is None and rows["rusak"].problem is not None


@pytest.mark.parametrize("fmt", ["text", "json", "md", "xlsx"])
def test_every_format_writes_the_hostile_result(result: Consolidation, fmt: str) -> None:
    written = render(FORMATS["consolidate"][fmt], result)
    if isinstance(written, str):
        written.encode("utf-8")  # no lone surrogate reaches any output
        assert "\x1b" not in written or fmt == "json"
    else:
        assert written[:2] == b"PK"
