"""The consolidation through the cache: the same result cold, cached, and after a change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import generator

from ksd_cli import cache
from ksd_cli.consolidate import Consolidation, Options, Source, consolidate
from ksd_cli.consolidate import build as consolidate_build
from ksd_cli.consolidate.render import as_dict

from .fixture import AS_OF


def _regions(tmp_path: Path) -> list[Source]:
    """Three generated regions with mirrored pairs (planted disagreements) and broken records."""
    generate = generator()
    roots = generate.generate_regions(tmp_path, 3, 40, seed=5, mirrored=3)
    # A record that does not validate in each region: the row lists it, the cache keeps it.
    for root in roots:
        first = sorted((root / "data" / "agreements").glob("*.yaml"))[0]
        first.write_text(first.read_text(encoding="utf-8") + "tidak_dikenal: 1\n", "utf-8")
    return [Source(r.name, str(r)) for r in roots]


def _run(sources: list[Source], *, use_cache: bool, workers: int = 1) -> Consolidation:
    return consolidate(sources, Options(as_of=AS_OF, use_cache=use_cache), workers=workers)


def test_cached_and_uncached_results_are_equal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)  # as if the files had been at rest for long
    sources = _regions(tmp_path)
    result = _run(sources, use_cache=False)
    uncached = as_dict(result)
    assert result.pairs and not any(
        r.figures is not None and r.figures.valid for r in result.regions
    )
    assert as_dict(_run(sources, use_cache=True)) == uncached  # writes the cache

    # Unchanged: every row comes from the cache by the files' stamps, none is read again.
    def no_row(*args: object, **kwargs: object) -> object:
        raise AssertionError("an unchanged repository was read again")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(consolidate_build, "_row", no_row)
        patch.setattr(consolidate_build, "read_source", no_row)  # not even by a worker
        assert as_dict(_run(sources, use_cache=True, workers=2)) == uncached

    # New stamps, same bytes: hashed, found unchanged, still not read again.
    monkeypatch.setattr(consolidate_build, "_row", no_row)
    for source in sources:
        for path in (Path(source.location) / "data" / "agreements").glob("*.yaml"):
            os.utime(path)
    assert as_dict(_run(sources, use_cache=True)) == uncached


def test_a_changed_file_is_seen_through_the_stamps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    sources = _regions(tmp_path)
    _run(sources, use_cache=True)
    agreements = Path(sources[1].location) / "data" / "agreements"
    # A pair's record made to agree with its partner in the region before it: a difference goes.
    first = _run(sources, use_cache=True)
    changed = next(p for p in first.pairs if p.differences and p.b.repository == sources[1].label)
    path = agreements / Path(changed.b.path).name
    difference = changed.differences[0]
    text = path.read_text(encoding="utf-8")
    assert str(difference.b) in text
    path.write_text(text.replace(str(difference.b), str(difference.a), 1), encoding="utf-8")
    after = _run(sources, use_cache=True)
    assert as_dict(after) == as_dict(_run(sources, use_cache=False))
    assert as_dict(after) != as_dict(first)


def test_the_stamps_see_files_added_removed_renamed_and_distrust_fresh_or_odd_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ksd_cli.consolidate.saved import key_of
    from ksd_cli.repository import open_repository

    monkeypatch.setattr(cache, "RACY_NS", 0)
    root = Path(_regions(tmp_path)[0].location)
    repo = open_repository(root)

    def key() -> tuple[str, bool]:
        found = key_of(repo, label="r", as_of=AS_OF, today=AS_OF, lang="id", code="c")
        return found.stamps, found.trusted

    before = key()
    assert before[1] and key() == before
    agreements = root / "data" / "agreements"
    first = sorted(agreements.glob("*.yaml"))[0]
    added = agreements / "KSD-TAMBAHAN.yaml"
    added.write_bytes(first.read_bytes())
    assert key()[0] != before[0]
    added.unlink()
    assert key() == before
    (root / "data" / "potentials" / "catatan.txt").write_text("bukan rekaman\n", "utf-8")
    assert key() == before  # not a record file
    monkeypatch.setattr(cache, "RACY_NS", 10**18)  # every file changed "moments ago"
    assert key() == (before[0], False)
    monkeypatch.setattr(cache, "RACY_NS", 0)
    first.rename(agreements / ("z-" + first.name))
    assert key()[0] != before[0]
    (agreements / "KSD-TAUTAN.yaml").symlink_to(agreements / ("z-" + first.name))
    assert key()[1] is False  # a link is never followed, never trusted
