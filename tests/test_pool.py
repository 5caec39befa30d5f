"""Work spread over processes comes back as if done in one, in the items' order."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from ksd_cli import pool
from ksd_cli.fmt import FormatError, format_each, format_source
from ksd_cli.messages import Msg
from ksd_cli.repository import open_repository

ROOT = Path(__file__).resolve().parent.parent


def _square_with_pid(items: Sequence[int]) -> list[tuple[int, int]]:
    return [(i * i, os.getpid()) for i in items]


def _error(items: Sequence[int]) -> list[FormatError]:
    return [FormatError(Msg("fmt.changed"), line=i, column=2) for i in items]


def test_results_come_back_in_order_from_more_than_one_process() -> None:
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one core: no pool")
    got = [
        r
        for part in pool.in_order(_square_with_pid, range(40), threshold=10, chunk=3)
        for r in part
    ]
    assert [value for value, _ in got] == [i * i for i in range(40)]
    assert len({pid for _, pid in got} - {os.getpid()}) >= 1


def test_few_items_stay_in_this_process() -> None:
    got = [r for part in pool.in_order(_square_with_pid, range(5), threshold=10) for r in part]
    assert {pid for _, pid in got} == {os.getpid()}


def test_a_format_error_keeps_its_words_and_place_across_processes() -> None:
    errors = [e for part in pool.in_order(_error, range(20), threshold=1, chunk=4) for e in part]
    assert [e.line for e in errors] == list(range(20))
    assert errors[3].text("en") == FormatError(Msg("fmt.changed")).text("en")
    assert errors[3].column == 2


def test_format_each_matches_format_source_file_by_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pool, "THRESHOLD", 1)
    repository = open_repository(ROOT)
    sources = repository.source_files()
    # One file that fmt changes and one that does not load, among the sample's.
    changed = tmp_path / "data" / "agreements"
    changed.mkdir(parents=True)
    sample = sources[0].path.read_text(encoding="utf-8")
    (changed / "KSD-6402-2099-001.yaml").write_text("  " + sample.replace("\n", "\n  "))
    (changed / "KSD-6402-2099-002.yaml").write_text("id: [\n")
    extra = open_repository(tmp_path).source_files()
    every = [*sources, *extra]
    each = list(format_each(every, lang="en"))
    assert [o.source.rel for o in each] == [s.rel for s in every]
    for outcome, source in zip(each, every, strict=True):
        alone = format_source(source, lang="en")
        assert outcome.changed == alone.changed
        assert (outcome.error is None) == (alone.error is None)
        if alone.changed:
            assert outcome.formatted == alone.formatted
        if alone.error is not None:
            assert outcome.error is not None
            assert outcome.error.text("en") == alone.error.text("en")
            assert (outcome.error.line, outcome.error.column) == (
                alone.error.line,
                alone.error.column,
            )
    assert sum(o.changed for o in each) == 1
    assert sum(o.error is not None for o in each) == 1
