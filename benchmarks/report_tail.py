"""Time ``ksd report``'s serial tail in one process, by CPU time: unpack, build, md, xlsx.

The command's wall time swings with the host's load; its parent's work after the pool
does not. This loads a repository's assessed records once, as ``ksd report`` does
(``validate.load_assessed`` with its parts packed), keeps what ``validate.unpacked``
receives in a pickle beside the rest, and then times each phase of the tail several times
in this process, best of N, with the cycle collector as the command has it (paused while
the report is built, the report frozen before it is written):

- ``unpack``: ``validate.unpacked`` of the packed parts (above ``PACKED_FROM`` files);
- ``build``: ``report.build.report_of_parts``;
- ``md`` and ``xlsx``: the writers of ``--format md`` and ``--format xlsx``, to a file.

Usage (the 100,000-agreement repository takes some 45 s to load, once)::

    python benchmarks/report_tail.py load REPO /tmp/NAME
    python benchmarks/report_tail.py time REPO /tmp/NAME [--repeat 3] [--only build,md]
        [--profile DIR]

``--profile`` writes each phase's cProfile to ``DIR/PHASE.prof`` and prints its top entries.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pickle
import pstats
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

AS_OF = date(2025, 6, 30)
PERIODE = 2024
PHASES = ("unpack", "build", "md", "xlsx")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("load", "time"))
    parser.add_argument("root", type=Path, help="the data repository")
    parser.add_argument("saved", help="where the loaded parts are kept (two files: .packed, .rest)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default=",".join(PHASES))
    parser.add_argument("--profile", type=Path, help="a folder for each phase's cProfile")
    parser.add_argument("--output", default="/tmp/ksd-report-tail", help="the files written")
    args = parser.parse_args(argv)
    if args.action == "load":
        load(args.root, args.saved)
        return 0
    only = args.only.split(",")
    unknown = set(only) - set(PHASES)
    if unknown:
        parser.error(f"no phase {', '.join(sorted(unknown))}")
    timed(args.root, args.saved, only, args.repeat, args.profile, args.output)
    return 0


class _Captured(Exception):  # noqa: N818 - not an error: the load stops here
    """Raised in place of ``report_of_parts``, with what ``ksd report`` gave it."""

    def __init__(self, arguments: dict[str, Any]) -> None:
        super().__init__("captured")
        self.arguments = arguments


def load(root: Path, saved: str) -> None:
    """Load ``root``'s assessed records as ``ksd report`` does; keep them in ``saved``.

    ``report.build.build_report_in`` runs as the command runs it, up to its call of
    ``report_of_parts``: what ``validate.unpacked`` receives is kept in ``saved.packed``,
    and ``report_of_parts``' arguments but the parts, the configuration and the reference
    data in ``saved.rest``.
    """
    from ksd_cli import validate
    from ksd_cli.reference import load_reference
    from ksd_cli.report import build
    from ksd_cli.repository import open_repository

    repository = open_repository(root)
    unpacked, report_of_parts = validate.unpacked, build.report_of_parts

    def keeping(pairs: list[tuple[Any, object]]) -> tuple[tuple[Any, object], ...]:
        with open(f"{saved}.packed", "wb") as stream:
            pickle.dump(pairs, stream, protocol=pickle.HIGHEST_PROTOCOL)
        return unpacked(pairs)

    def capture(parts: object, config: object, reference: object, **arguments: Any) -> Any:
        raise _Captured(arguments)

    started = time.perf_counter()
    validate.unpacked, build.report_of_parts = keeping, capture
    try:
        build.build_report_in(
            repository,
            load_reference(),
            as_of=AS_OF,
            period=_period(),
            today=repository.config.today(),
            use_cache=False,
        )
        raise AssertionError("build_report_in did not call report_of_parts")
    except _Captured as captured:
        arguments = captured.arguments
    finally:
        validate.unpacked, build.report_of_parts = unpacked, report_of_parts
    with open(f"{saved}.rest", "wb") as stream:
        pickle.dump(arguments, stream, protocol=pickle.HIGHEST_PROTOCOL)
    seconds = time.perf_counter() - started
    print(f"loaded {len(arguments['ids'])} records in {seconds:.1f} s", file=sys.stderr)


def timed(
    root: Path, saved: str, only: list[str], repeat: int, profile: Path | None, output: str
) -> None:
    """Time the phases of ``only``, each best of ``repeat`` (the build always runs once)."""
    from ksd_cli import validate
    from ksd_cli.collector import collection_paused
    from ksd_cli.outputs import FORMATS
    from ksd_cli.reference import load_reference
    from ksd_cli.report.build import _part, report_of_parts
    from ksd_cli.repository import open_repository

    repository = open_repository(root)
    reference = load_reference()
    with open(f"{saved}.rest", "rb") as stream:
        arguments: dict[str, Any] = pickle.load(stream)  # noqa: S301 - our own file

    def packed() -> list[tuple[Any, object]]:
        with open(f"{saved}.packed", "rb") as stream:
            pairs: list[tuple[Any, object]] = pickle.load(stream)  # noqa: S301
        return pairs

    def unpack(pairs: list[tuple[Any, object]]) -> tuple[tuple[Any, object], ...]:
        with collection_paused():
            return validate.unpacked(pairs)

    assessments = unpack(packed())
    if "unpack" in only:
        _best("unpack", unpack, repeat, profile, setup=packed)

    def build(_: object = None) -> Any:
        with collection_paused():
            parts = [_part(a) for _, a in assessments]
            return report_of_parts(parts, repository.config, reference, **arguments)

    if "build" in only:
        report = _best("build", build, repeat, profile)
    else:
        report = build()
    gc.freeze()  # as ``ksd report``: the report lives until the process ends
    if "md" in only:
        from ksd_cli.jinja import make_environment
        from ksd_cli.report.markdown import TEMPLATE

        environment = make_environment(repository)
        environment.get_template(TEMPLATE)
        markdown = FORMATS["report"]["md"].load()

        def md(_: object = None) -> None:
            with open(f"{output}.md", "w", encoding="utf-8") as stream:
                markdown(report, stream, env=environment)

        _best("md", md, repeat, profile)
    if "xlsx" in only:
        import openpyxl  # noqa: F401 - imported before the clock starts, as when prepared

        workbook = FORMATS["report"]["xlsx"].load()

        def xlsx(_: object = None) -> None:
            with open(f"{output}.xlsx", "wb") as stream:
                workbook(report, stream)

        _best("xlsx", xlsx, repeat, profile)


def _period() -> Any:
    from ksd_cli.report import Period

    return Period.year(PERIODE)


def _best(
    name: str,
    function: Callable[[Any], Any],
    repeat: int,
    profile: Path | None,
    setup: Callable[[], Any] | None = None,
) -> Any:
    """``function(setup())`` run ``repeat`` times: prints its best and every CPU time.

    Only ``function`` is timed, not ``setup``. Returns the last run's value.
    """
    cpu: list[float] = []
    wall: list[float] = []
    result: Any = None
    for _ in range(repeat):
        given = setup() if setup is not None else None
        gc.collect()
        started, clock = time.perf_counter(), time.process_time()
        result = function(given)
        cpu.append(time.process_time() - clock)
        wall.append(time.perf_counter() - started)
    every = " ".join(f"{c:.3f}" for c in cpu)
    print(f"{name:7s} cpu best {min(cpu):6.3f} s  (all: {every})  wall best {min(wall):6.3f} s")
    if profile is not None:
        profile.mkdir(parents=True, exist_ok=True)
        given = setup() if setup is not None else None
        profiler = cProfile.Profile()
        profiler.enable()
        function(given)
        profiler.disable()
        path = profile / f"{name}.prof"
        profiler.dump_stats(path)
        pstats.Stats(str(path)).sort_stats("tottime").print_stats(12)
    return result


if __name__ == "__main__":
    sys.exit(main())
