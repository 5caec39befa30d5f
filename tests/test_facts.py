"""The files a change of some records can reach, from the facts alone."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from helpers import generator

from ksd_cli.facts import Facts, affected_paths, duplicates_of
from ksd_cli.repository import open_repository
from ksd_cli.validate import scan_files

FIXTURES = Path(__file__).resolve().parent / "fixtures/repos"


def _every_file_alike(facts: dict[str, Facts], ids: frozenset[str]) -> frozenset[str]:
    """``affected_paths`` as first written: C016's whole index, then the wanted ids' entries."""
    alike = {
        o.id for i, others in duplicates_of(facts.values()).items() if i in ids for o in others
    }
    return frozenset(
        rel
        for rel, item in facts.items()
        if item.id in ids or item.id in alike or any(p in ids for p in item.potensi)
    )


def test_only_the_wanted_records_partners_are_compared_and_nothing_is_missed(
    tmp_path: Path,
) -> None:
    root = tmp_path / "repo"
    generator().generate(root, 60, seed=3, invalid_every=5)
    alike_pair = FIXTURES / "C016-registrasi-ganda-bad/data/agreements"
    for path in alike_pair.glob("*.yaml"):
        shutil.copy(path, root / "data/agreements" / path.name)
    repository = open_repository(root)
    scan = scan_files(
        repository, repository.source_files(), as_of=date(2025, 6, 30), lang="en", use_cache=False
    )
    facts = {s.source.rel: s.entry.facts for s in scan.scanned if s.entry.facts is not None}
    alike = duplicates_of(facts.values())
    assert alike  # the corpus has records that look like the same request
    ids = sorted({f.id for f in facts.values()})
    sets = [frozenset(ids[i : i + 7]) for i in range(0, len(ids), 7)]
    sets += [frozenset(alike), frozenset({next(iter(alike))}), frozenset({"POT-6402-2099-001"})]
    for wanted in sets:
        assert affected_paths(facts, wanted) == _every_file_alike(facts, wanted)
    assert any(
        affected_paths(facts, {i}) > {r for r, f in facts.items() if f.id == i} for i in alike
    )
