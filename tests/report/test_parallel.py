"""The large tables' rows made by forked workers: the same bytes as made in one process.

Workbooks compared part by part, Markdown whole."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ksd_cli import pool
from ksd_cli.report import Column, Report, Table
from ksd_cli.report import parallel as parallel_module
from ksd_cli.report.excel import write_workbook
from ksd_cli.tanggal import TanggalBulan
from report.conftest import markdown_env

ROOT = Path(__file__).resolve().parent.parent.parent

needs_cores = pytest.mark.skipif(
    pool.cores() < 2 or not pool.can_fork(), reason="workers need two cores and fork"
)


@pytest.fixture
def slices(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The slices of rows the workers sent back, counted per batch sent (two per table)."""
    counts: list[int] = []
    ahead = pool.ahead

    def counting(*args: Any) -> Iterator[Any]:
        counts.append(0)
        for result in ahead(*args):
            counts[-1] += 1
            yield result

    monkeypatch.setattr(pool, "ahead", counting)
    return counts


def _members(report: Report, parallel_from: int) -> dict[str, bytes]:
    buffer = io.BytesIO()
    write_workbook(report, buffer, parallel_from=parallel_from)
    archive = zipfile.ZipFile(buffer)
    # The creation time of the workbook is all that may differ.
    return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def _large(report: Report) -> Report:
    """``report`` with a list of agreements of 3,000 rows whose cells need new styles late.

    A wrapped text, a month-only date, a date in a text column: each first met past the
    first slices a worker makes, so that workers write stand-ins for styles the parent
    makes only as it takes their rows.
    """
    long = "teks yang jauh lebih panjang daripada lebar kolomnya " * 3
    columns = (
        Column("Teks", "teks", 20),
        Column("Jumlah", "rupiah"),
        Column("Tanggal", "tanggal", 16),
        Column("Bebas", "teks"),
    )
    rows = []
    for n in range(3_000):
        text = long if n in (1_500, 2_900) else f"kerja sama {n % 97} & <mitra>"
        day: date = TanggalBulan.dari(2018, 10) if n >= 2_100 else date(2018, 10, 1 + n % 28)
        free: object = date(2020, 1, 2) if n == 2_500 else (n if n % 3 else None)
        rows.append((text, n * 1_000 if n > 1_200 else None, day, free))
    table = Table("Daftar", columns, tuple(rows), report.daftar.note)  # type: ignore[arg-type]
    return dataclasses.replace(report, daftar=table, temuan=dataclasses.replace(table, title="T"))


@needs_cores
def test_rows_made_by_workers_are_the_rows_made_in_one_process(
    sample_2024: Report, slices: list[int]
) -> None:
    report = _large(sample_2024)
    in_process = _members(report, parallel_from=10**9)
    assert slices == []
    by_workers = _members(report, parallel_from=2_000)
    # Both large tables by the workers: a first slice of 128 rows, then 1,024 at a time.
    assert slices == [1, 3, 1, 3]
    assert by_workers == in_process


@needs_cores
def test_every_table_by_workers_gives_the_same_workbook(
    sample_2024: Report, slices: list[int]
) -> None:
    """Every table, however small, made by workers: the sample's workbook is unchanged."""
    in_process = _members(sample_2024, parallel_from=10**9)
    by_workers = _members(sample_2024, parallel_from=1)
    assert len(slices) > 10
    assert by_workers == in_process


def test_without_a_pool_the_large_tables_are_made_here(
    sample_2024: Report, monkeypatch: pytest.MonkeyPatch, slices: list[int]
) -> None:
    """Where forking is not safe, the rows are made in the parent: the same workbook."""
    report = _large(sample_2024)
    in_process = _members(report, parallel_from=10**9)
    monkeypatch.setattr(pool, "can_fork", lambda: False)
    assert _members(report, parallel_from=1) == in_process
    assert slices == []


def test_a_worker_names_new_styles_by_stand_ins_in_the_order_it_meets_them() -> None:
    stand_ins = parallel_module._StandIns({("plain", None): 3})
    assert stand_ins.style("plain", None) == 3
    wrap, month = stand_ins.style("wrap", None), stand_ins.style("plain", "mmmm yyyy")
    assert isinstance(wrap, str) and isinstance(month, str)
    assert parallel_module.STAND_IN in wrap and wrap != month
    assert stand_ins.found(f"a{month}b{wrap}c{month}") == [
        (month, ("plain", "mmmm yyyy")),
        (wrap, ("wrap", None)),
    ]


def _markdown(report: Report, parallel_from: int) -> str:
    from ksd_cli.report.markdown import write_markdown

    stream = io.StringIO()
    write_markdown(report, stream, env=markdown_env(ROOT), parallel_from=parallel_from)
    return stream.getvalue()


@needs_cores
def test_markdown_rows_made_by_workers_are_the_rows_made_in_one_process(
    sample_2024: Report, slices: list[int]
) -> None:
    report = _large(sample_2024)
    in_process = _markdown(report, parallel_from=10**9)
    assert slices == []
    assert _markdown(report, parallel_from=2_000) == in_process
    assert slices == [1, 3, 1, 3]
    # Every table, however small, by workers.
    assert _markdown(sample_2024, parallel_from=1) == _markdown(sample_2024, 10**9)
    assert len(slices) > 10


@needs_cores
def test_workers_make_rows_only_up_to_a_bound_of_rows(slices: list[int]) -> None:
    """Past ``up_to`` rows in large tables, the rows are made here (workers would copy them)."""

    def make(rows: Any, start: int, style: Any) -> Iterator[str]:
        yield "".join(f"<{start + n}:{row[0]}>" for n, row in enumerate(rows))

    rows = tuple((f"baris {n}",) for n in range(3_000))
    expected = "".join(f"<{n}:baris {n}>" for n in range(3_000))
    for up_to, batches in ((3_000, [1, 3]), (2_999, [])):
        tables = parallel_module.ParallelRows(parallel_from=1, up_to=up_to)
        made = tables.rows(parallel_module.RowsJob(rows, make, {}))
        with tables.running():
            assert "".join(made) == expected
        assert slices == batches
        slices.clear()
