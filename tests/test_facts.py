"""The files a change of some records can reach, from the facts alone."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from helpers import generator

from ksd_cli.facts import Facts, affected_paths, duplicates_near, duplicates_of
from ksd_cli.registrations import Registration
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


def test_duplicates_near_gives_the_wanted_ids_what_every_pair_gives(tmp_path: Path) -> None:
    """Only the titles that can pair with a wanted one are compared: the same entries result."""
    root = tmp_path / "repo"
    generator().generate(root, 400, seed=11, invalid_every=7)
    for path in (FIXTURES / "C016-registrasi-ganda-bad/data/agreements").glob("*.yaml"):
        shutil.copy(path, root / "data/agreements" / path.name)
    repository = open_repository(root)
    scan = scan_files(
        repository, repository.source_files(), as_of=date(2025, 6, 30), lang="en", use_cache=False
    )
    facts = [s.entry.facts for s in scan.scanned if s.entry.facts is not None]
    # Titles one word apart, with a word twice, and none, among the same partners.
    words = ["air", "bersih", "jalan", "desa", "air", "pasar", "ikan"]
    partners = ("kode:64.01", "nama:pt maju")
    made = [
        Facts(
            f"KSD-6402-2024-{n:03d}",
            "agreement",
            (),
            Registration(
                f"KSD-6402-2024-{n:03d}",
                " ".join(kata),
                " ".join(kata),
                date(2024, 1 + n % 12, 1) if n % 3 else None,
                2024,
                tuple(kata),
            ),
            partners[: 1 + n % 2],
            (),
        )
        for n, kata in enumerate(
            [words[i : i + k] for k in range(0, 5) for i in range(len(words) - k + 1)]
        )
    ]
    facts.extend(made)
    every = duplicates_of(facts)
    assert sum(len(v) for k, v in every.items() if k.startswith("KSD-6402-2024")) > 10
    ids = sorted({f.id for f in facts if f.registration is not None})
    sets = [frozenset(ids[i : i + 5]) for i in range(0, len(ids), 5)]
    sets += [frozenset(every), *(frozenset({i}) for i in every)]
    for wanted in sets:
        near = duplicates_near(facts, wanted)
        assert {i: near.get(i) for i in wanted} == {i: every.get(i) for i in wanted}
