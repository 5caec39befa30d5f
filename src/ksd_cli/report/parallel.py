"""Large tables' rows made into text by forked workers while the parent writes (issue 14).

Once a report is built, writing it was the parent's work alone: the rows of its large tables
(the list of agreements, the findings) made into XML or Markdown text, then zipped or
written, while the machine's other cores sat idle. Here those rows are made a slice at a
time by a pool of forked workers, which inherit the report (nothing of it is pickled) and
send back only text; the parent takes the slices in order and writes them as they come.

Only for reports of up to :data:`PARALLEL_UP_TO` rows in large tables: a worker reading rows
writes to every page that holds them (reference counts), and so copies them, and the parent
does the same to pages it shares with its workers. At 100,000 agreements (some 330,000 such
rows) that took ``ksd report``'s peak memory to 810 MB (650 MB with the rows pickled to
the workers instead), over its 400 MB budget.

A workbook's rows name their cells' styles by the workbook's index, and a style enters the
workbook when a cell first needs it: the order matters (it is the styles part's order). A
worker cannot add a style to the parent's workbook, so a style its slice needs that the
parent did not have when it sent the slice is written as a stand-in (:data:`STAND_IN`); the
parent replaces the stand-ins as it takes the slice, making the styles in the order the slice
first names them: the order writing the rows in one process makes them. Each slice is sent
with the styles known then, so only the first few slices of a table have stand-ins.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ksd_cli import pool

if TYPE_CHECKING:
    import multiprocessing.pool

#: Rows a worker makes at a time.
ROWS_PER_TASK = 1_024
#: The rows of a table's first slice, taken before the others are sent: the styles its
#: rows need are then known when they are made (a stand-in costs the parent a pass over the
#: slice's text).
FIRST_ROWS = 128
#: Slices made and not yet written, per worker, at most (what the parent holds at once).
AHEAD_PER_WORKER = 3
#: Rows of a table from which its rows are made by workers (fewer are not worth a pool).
PARALLEL_ROWS = 1_024
#: Rows of the large tables together up to which workers make them (see the module's text).
PARALLEL_UP_TO = 100_000
#: The character around a stand-in's number: one no text of a workbook keeps (``xml_text``
#: drops the control characters).
STAND_IN = "\x01"

#: A kind of cell: its style's name and number format.
StyleKey = tuple[str, str | None]
#: A style as rows name it: its index in the workbook, or a worker's stand-in for it.
StyleRef = int | str
#: Gives the style of a kind of cell.
StyleOf = Callable[[str, str | None], StyleRef]


def no_style(name: str, number_format: str | None = None) -> StyleRef:
    """The style of tables that have none (Markdown): never asked for."""
    raise AssertionError(f"a style asked of rows without styles: {name}, {number_format}")


@dataclass(frozen=True)
class RowsJob:
    """A table's rows to make into text, and how.

    ``make(rows, start, style)`` gives the text of ``rows``, the table's rows from index
    ``start`` on, in pieces; ``styles`` are the styles known so far (the parent's, growing);
    ``style`` gives a style, made in the parent's workbook on first use.
    """

    rows: Sequence[Sequence[Any]]
    make: Callable[[Sequence[Sequence[Any]], int, StyleOf], Iterable[str]]
    styles: Mapping[StyleKey, int]
    style: StyleOf = no_style


class ParallelRows:
    """The rows of a document's tables, the large ones made by forked workers.

    Tables are added as the document is laid out (:meth:`rows` gives an iterator of their
    text, made only when read); the workers are forked by :meth:`running`, within which the
    document must be written. Read outside it, or where forking is not possible, every
    table's rows are made here, as they always were.
    """

    def __init__(self, parallel_from: int = PARALLEL_ROWS, up_to: int = PARALLEL_UP_TO) -> None:
        self.parallel_from = parallel_from
        self.up_to = up_to
        self.jobs: list[RowsJob] = []
        self._pool: multiprocessing.pool.Pool | None = None
        self._workers = 0

    def rows(self, job: RowsJob) -> Iterator[str]:
        """The text of ``job``'s rows, in pieces of many rows."""
        if len(job.rows) < self.parallel_from or not job.rows:
            return iter(job.make(job.rows, 0, job.style))
        self.jobs.append(job)
        return self._made(len(self.jobs) - 1)

    @contextmanager
    def running(self) -> Iterator[None]:
        """The workers forked, for the large tables added so far, while the document is written."""
        tasks = sum(-(-len(job.rows) // ROWS_PER_TASK) for job in self.jobs)
        self._workers = min(pool.cores(), tasks)
        if sum(len(job.rows) for job in self.jobs) > self.up_to:
            self._workers = 0  # their copies of the rows would cost too much memory
        with pool.forked(self._workers, _take_jobs, self.jobs) as workers:
            self._pool = workers
            try:
                yield
            finally:
                self._pool = None

    def _made(self, index: int) -> Iterator[str]:
        job = self.jobs[index]
        if self._pool is None:
            yield from job.make(job.rows, 0, job.style)
            return
        # Each slice made with the styles known when it is sent.
        bounds = [0, *range(FIRST_ROWS, len(job.rows), ROWS_PER_TASK), len(job.rows)]
        tasks = (
            (index, start, stop, dict(job.styles))
            for start, stop in zip(bounds, bounds[1:], strict=False)
        )
        first = pool.ahead(self._pool, _made_by_worker, itertools.islice(tasks, 1), 1)
        rest = pool.ahead(self._pool, _made_by_worker, tasks, AHEAD_PER_WORKER * self._workers)
        for text, stand_ins in itertools.chain(first, rest):
            for stand_in, key in stand_ins:
                text = text.replace(stand_in, str(job.style(*key)))
            yield text


#: The jobs a forked worker was handed (set in the worker only).
_JOBS: list[RowsJob] = []


def _take_jobs(jobs: list[RowsJob]) -> None:
    _JOBS[:] = jobs


def _made_by_worker(
    task: tuple[int, int, int, dict[StyleKey, int]],
) -> tuple[str, list[tuple[str, StyleKey]]]:
    """A slice of a job's rows as text, with the stand-ins it has, in the order they appear."""
    index, start, stop, styles = task
    job = _JOBS[index]
    stand_ins = _StandIns(styles)
    text = "".join(job.make(job.rows[start:stop], start, stand_ins.style))
    return text, stand_ins.found(text)


class _StandIns:
    """A worker's styles: those the parent had when it forked, and stand-ins for new ones."""

    def __init__(self, known: Mapping[StyleKey, int]) -> None:
        self.known = known
        self.made: dict[StyleKey, str] = {}

    def style(self, name: str, number_format: str | None = None) -> StyleRef:
        key = (name, number_format)
        index = self.known.get(key)
        if index is not None:
            return index
        stand_in = self.made.get(key)
        if stand_in is None:
            stand_in = self.made[key] = f"{STAND_IN}{len(self.made)}{STAND_IN}"
        return stand_in

    def found(self, text: str) -> list[tuple[str, StyleKey]]:
        """The stand-ins in ``text`` with their styles, in the order ``text`` first names them."""
        at = [(text.find(stand_in), stand_in, key) for key, stand_in in self.made.items()]
        return [(stand_in, key) for where, stand_in, key in sorted(at) if where >= 0]
