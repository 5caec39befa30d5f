"""Measure ksd against its references on a synthetic repository and check the targets."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from generate import generate

HERE = Path(__file__).resolve().parent
KSD = Path(sys.executable).parent / "ksd"
AS_OF = "2025-06-30"
HELP_REPEAT = 10
DATA_CODES = (0, 1)  # a ksd data command that ran to the end: no findings, or findings

# Parse every record with libyaml and nothing else: the least any validator has to do.
FLOOR = """
import sys
from pathlib import Path
import yaml
parsed = failed = 0
for path in sorted(Path(sys.argv[1], "data").rglob("*.yaml")):
    try:
        yaml.load(path.read_text(encoding="utf-8-sig"), Loader=yaml.CSafeLoader)
        parsed += 1
    except (yaml.YAMLError, ValueError):
        failed += 1
print(f"{parsed} parsed, {failed} failed")
"""
# Runs one command and reports its wall time, peak RSS (KiB), peak PSS (KiB), exit code and CPU
# time (user and system, its waited-for workers included) to the file argv[1]. A child's
# ru_maxrss starts at the RSS of the process that forked it, so the fork happens in this tiny
# interpreter (started with -S, about 5 MB) rather than in the harness. PSS
# (proportional set size) is the sum of /proc/PID/smaps_rollup over the command's whole process
# tree, sampled every 100 ms (reading smaps_rollup costs CPU the command would miss): workers
# count, and pages they share count once. The end is seen the moment the command exits (a
# pidfd becomes readable), not at the next sample: sleeping between samples made every time
# a multiple of about 100 ms (a 0.10 s command measured 0.20 s).
WRAPPER = """
import os, select, sys, time

def tree(root):
    pids, i = [root], 0
    while i < len(pids):
        pid, i = pids[i], i + 1
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    pids.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return pids

def pss(root):
    total = 0
    for pid in tree(root):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total

began = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execv(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
peak = 0
exited = os.pidfd_open(pid)
while True:
    peak = max(peak, pss(pid))
    if select.select([exited], [], [], 0.1)[0]:
        break
elapsed = time.perf_counter() - began
done, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w", encoding="ascii") as report:
    cpu = usage.ru_utime + usage.ru_stime
    report.write(f"{elapsed} {usage.ru_maxrss} {peak} {os.waitstatus_to_exitcode(status)} {cpu}")
"""


@dataclass
class Measurement:
    """Wall times and peak memory of repeated runs of one command, each in a fresh process."""

    name: str
    command: list[str]
    seconds: list[float] = field(default_factory=list)
    #: CPU seconds (user and system, the command's workers included) of each run.
    cpu_seconds: list[float] = field(default_factory=list)
    peak_rss_kib: int = 0
    peak_pss_kib: int = 0
    returncodes: list[int] = field(default_factory=list)
    error: str = ""

    @property
    def best(self) -> float:
        """Best (lowest) wall time in seconds."""
        return min(self.seconds)

    @property
    def best_cpu(self) -> float:
        """Least CPU time in seconds (on a shared machine, the truer figure of the work)."""
        return min(self.cpu_seconds)

    @property
    def rss_mb(self) -> float:
        """Peak resident set size over the runs, in MB (MiB)."""
        return self.peak_rss_kib / 1024

    @property
    def pss_mb(self) -> float:
        """Peak summed PSS of the process tree over the runs, in MB (MiB)."""
        return self.peak_pss_kib / 1024


@dataclass
class Row:
    """One line of the result table: a measurement and the targets it is held to."""

    what: str
    measurement: Measurement | None
    reference: Measurement | None = None
    against: str = ""
    max_ratio: float | None = None
    max_rss_mb: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """Best time over the reference's best time."""
        if self.measurement is None or self.reference is None or self.reference.error:
            return None
        return self.measurement.best / self.reference.best

    @property
    def failures(self) -> list[str]:
        """The targets this row misses, in words."""
        if self.measurement is None:
            return []
        if self.measurement.error:
            return [f"{self.what}: {self.measurement.error}"]
        missed = []
        ratio = self.ratio
        if self.max_ratio is not None and ratio is not None and ratio > self.max_ratio:
            missed.append(f"{self.what}: {ratio:.2f}x {self.against} > {self.max_ratio}x")
        if self.max_rss_mb is not None and self.measurement.pss_mb > self.max_rss_mb:
            missed.append(
                f"{self.what}: peak PSS {self.measurement.pss_mb:.0f} MB > {self.max_rss_mb:.0f} MB"
            )
        return missed

    @property
    def target(self) -> str:
        """The targets in words."""
        parts = []
        if self.max_ratio is not None:
            parts.append(f"<= {self.max_ratio}x {self.against}")
        if self.max_rss_mb is not None:
            parts.append(f"<= {self.max_rss_mb:.0f} MB")
        return ", ".join(parts) or "-"

    def cells(self) -> tuple[str, str, str, str, str, str, str, str]:
        """The row as table cells."""
        m = self.measurement
        if m is None:
            return (self.what, "-", "-", "-", "-", "-", self.target, self.note or "-")
        if m.error:
            return (self.what, "failed", "-", "-", "-", "-", self.target, "FAIL")
        ratio = "-" if self.ratio is None else f"{self.ratio:.2f}x {self.against}"
        if self.ratio is not None and self.reference is not None:
            ratio += f" ({self.reference.best:.3f} s)"
        result = self.result + (f" ({self.note})" if self.note else "")
        pss, rss = f"{m.pss_mb:.1f}", f"{m.rss_mb:.1f}"
        cpu = f"{m.best_cpu:.2f}" if m.cpu_seconds else "-"
        return (self.what, f"{m.best:.3f}", cpu, pss, rss, ratio, self.target, result)

    def as_json(self) -> dict[str, object]:
        """The row as figures for --json."""
        m = self.measurement
        return {
            "what": self.what,
            "target": self.target,
            "result": self.result,
            "note": self.note,
            "best_seconds": m.best if m and m.seconds and not m.error else None,
            "least_cpu_seconds": m.best_cpu if m and m.cpu_seconds and not m.error else None,
            "peak_rss_mb": m.rss_mb if m else None,
            "peak_pss_mb": m.pss_mb if m else None,
            "ratio": self.ratio,
            "reference_best_seconds": (
                self.reference.best if self.ratio is not None and self.reference else None
            ),
            "measurement": asdict(m) if m else None,
        }

    @property
    def result(self) -> str:
        """PASS, FAIL, or '-' for an untargeted or unmeasured row."""
        if self.measurement is None or (not self.failures and self.target == "-"):
            return "-"
        return "FAIL" if self.failures else "PASS"


def run_once(
    command: list[str], env: dict[str, str] | None = None
) -> tuple[float, int, int, int, str, float]:
    """Run a command in a fresh process: seconds, peak RSS and PSS (KiB), exit code, stderr, CPU."""
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as tmp,
    ):
        report = Path(tmp) / "report"
        subprocess.run(
            [sys.executable, "-S", "-c", WRAPPER, str(report), *command],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            check=True,
            env=env,
        )
        elapsed, rss, pss, code, cpu = report.read_text(encoding="ascii").split()
        err.seek(0)
        tail = err.read()[-1500:].decode("utf-8", errors="replace").strip()
    return float(elapsed), int(rss), int(pss), int(code), tail, float(cpu)


@dataclass
class Run:
    """One command to measure, and how: each run in a fresh process."""

    name: str
    command: list[str]
    ok_codes: tuple[int, ...] = (0,)
    #: A file the command must write (deleted before each run).
    output: Path | None = None
    env: dict[str, str] | None = None
    #: Runs before each run, not timed: to change a file, to empty a cache.
    before: Callable[[], None] | None = None


def measure_in_turn(runs: Sequence[Run], repeat: int) -> list[Measurement]:
    """Each of ``runs`` best-of-``repeat``, run in turn: a, b, a, b, ...

    A ratio of two commands measured minutes apart carries the host's drift between those
    minutes (on the machine of benchmarks/README.md, a quarter from one minute to the next);
    run in turn, both see the same minutes. A command stops at its first run that fails.
    """
    results = [Measurement(run.name, run.command) for run in runs]
    for _ in range(repeat):
        for run, result in zip(runs, results, strict=True):
            if not result.error:
                _measure_once(run, result)
    return results


def _measure_once(run: Run, result: Measurement) -> None:
    """One run of ``run``, added to ``result`` (its ``error`` set when it failed)."""
    if run.output is not None:
        run.output.unlink(missing_ok=True)
    if run.before is not None:
        run.before()
    seconds, rss, pss, code, tail, cpu = run_once(run.command, run.env)
    result.seconds.append(seconds)
    result.cpu_seconds.append(cpu)
    result.returncodes.append(code)
    result.peak_rss_kib = max(result.peak_rss_kib, rss)
    result.peak_pss_kib = max(result.peak_pss_kib, pss)
    if code not in run.ok_codes:
        result.error = f"exit code {code}" + (f"\n    {tail[-600:]}" if tail else "")
    elif run.output is not None and not (run.output.is_file() and run.output.stat().st_size > 0):
        result.error = f"exit code {code} but {run.output} was not written"


def measure(
    name: str,
    command: list[str],
    repeat: int,
    ok_codes: tuple[int, ...] = (0,),
    output: Path | None = None,
    env: dict[str, str] | None = None,
    before: Callable[[], None] | None = None,
) -> Measurement:
    """Best-of-`repeat` measurement of one command (see :class:`Run`)."""
    return measure_in_turn([Run(name, command, ok_codes, output, env, before)], repeat)[0]


def cpu_model() -> str:
    """The CPU model name, as far as the platform tells."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def machine() -> dict[str, str | int]:
    """What the figures were measured on."""
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu_model(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "pyyaml": metadata.version("PyYAML"),
    }


def prepare(args: argparse.Namespace, scratch: Path) -> tuple[Path, float | None]:
    """The repository to measure, generated unless --keep names an existing one."""
    if args.keep is not None and (args.keep / "data" / "agreements").is_dir():
        return args.keep, None
    root = args.keep if args.keep is not None else scratch / "repo"
    began = time.perf_counter()
    generate(root, args.agreements, seed=args.seed, invalid_every=args.invalid_every)
    return root, time.perf_counter() - began


def warm_cache(root: Path) -> None:
    """Read every record once so that no measured run pays for a cold page cache."""
    for path in (root / "data").rglob("*.yaml"):
        path.read_bytes()


def print_table(rows: list[Row]) -> None:
    """Print the result table."""
    lines = [
        ("what", "seconds", "CPU s", "peak PSS MB", "peak RSS MB", "ratio", "target", "result"),
        *(row.cells() for row in rows),
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(8)]
    for line in lines:
        print(
            "  ".join(
                cell.rjust(width) if i in (1, 2, 3, 4) else cell.ljust(width)
                for i, (cell, width) in enumerate(zip(line, widths, strict=True))
            ).rstrip()
        )


def compile_ksd() -> None:
    """Compile ksd's bytecode, as ``pip install`` does, so that --help is timed as installed.

    An editable install under PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module
    of ksd from source on every start, which no installed copy does.
    """
    subprocess.run(
        [
            str(KSD.parent / "python"),
            "-c",
            "import compileall, pathlib, ksd_cli; "
            "compileall.compile_dir(pathlib.Path(ksd_cli.__file__).parent, quiet=1)",
        ],
        check=True,
    )


def ksd(*args: str) -> list[str]:
    """A ksd command line."""
    return [str(KSD), *args]


def git(root: Path, *args: str) -> None:
    """Run git quietly in ``root``."""
    subprocess.run(
        ["git", "-C", str(root), *args],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def changed_copy(root: Path, scratch: Path, files: int) -> Path:
    """A git copy of the repository, committed, with ``files`` agreements changed since."""
    copy = scratch / "git"
    shutil.copytree(root, copy)
    git(copy, "init", "-q", "-b", "main")
    git(copy, "add", "-A")
    git(
        copy,
        "-c",
        "user.name=bench",
        "-c",
        "user.email=bench@example.invalid",
        "commit",
        "-q",
        "-m",
        "records",
    )
    for path in sorted((copy / "data" / "agreements").glob("*.yaml"))[:files]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("judul: ", "judul: Perubahan ", 1), encoding="utf-8")
    return copy


def first_id(root: Path) -> str:
    """The id of the first agreement (named by its file)."""
    return sorted((root / "data" / "agreements").glob("*.yaml"))[0].stem


class Touch:
    """Changes one record file before each run (a comment line that differs each time)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.original = path.read_bytes()
        self.count = 0

    def __call__(self) -> None:
        self.count += 1
        self.path.write_bytes(self.original + f"# run {self.count}\n".encode())

    def restore(self) -> None:
        """Put the file back as it was."""
        self.path.write_bytes(self.original)


@dataclass
class Bench:
    """What every row's measurement needs: the repository, the references, the settings."""

    root: Path
    scratch: Path
    repeat: int
    agreements: int
    floor: Measurement
    baseline: Measurement
    warm_env: dict[str, str]
    cold_env: dict[str, str]
    #: ``ksd validate`` cold on this repository (the reference of most rows), once measured.
    cold: Measurement | None = None

    @property
    def large(self) -> bool:
        """A national-scale run (100,000 agreements or more): memory bounds apply."""
        return self.agreements >= 100_000

    @property
    def memory(self) -> float | None:
        """The bound on peak PSS of the data commands at national scale."""
        return 400 if self.large else None

    def check(self, root: Path | None = None) -> list[str]:
        """``ksd validate`` on the repository (or on ``root``)."""
        return ksd("validate", "--root", str(root or self.root), "--format", "json", *AS_OF_ARGS)

    def warmed(self, root: Path | None = None, command: list[str] | None = None) -> None:
        """Fill the cache with one unmeasured run of ``command`` (default: validate).

        Commands that judge as of the region's today (show, diff: never before it) keep a
        cache of their own beside validate's judged as of ``--as-of``.
        """
        subprocess.run(
            command or self.check(root),
            env=self.warm_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )

    def floor_run(self) -> Run:
        """The floor (see :data:`FLOOR`), as a run to take in turn with a command."""
        return Run("floor (in turn)", [sys.executable, "-c", FLOOR, str(self.root)])

    def cold_run(self) -> Run:
        """``ksd validate`` cold, as a run to take in turn with a command."""
        return Run("validate cold (in turn)", self.check(), DATA_CODES, env=self.cold_env)

    def in_turn(
        self, reference: Run, name: str, command: list[str], *, warm: bool, **kwargs: object
    ) -> tuple[Measurement, Measurement]:
        """A ksd data command and its row's reference, run in turn: (command, reference)."""
        env = self.warm_env if warm else self.cold_env
        run = Run(name, command, DATA_CODES, env=env, **kwargs)  # type: ignore[arg-type]
        against, found = measure_in_turn([reference, run], self.repeat)
        return found, against


AS_OF_ARGS = ("--as-of", AS_OF)
RowMaker = Callable[[Bench], list[Row]]


def validate_cold(bench: Bench) -> list[Row]:
    """``ksd validate`` without the cache, against the floor (and the memory bound at 100,000)."""
    bench.cold, floor = bench.in_turn(bench.floor_run(), "validate cold", bench.check(), warm=False)
    size = f"{bench.agreements:,}"
    return [
        Row(
            f"ksd validate, cold, {size}",
            bench.cold,
            floor,
            "floor",
            max_ratio=0.8,
            max_rss_mb=bench.memory,
        )
    ]


def folded_copy(bench: Bench) -> Path:
    """The repository's records again, written as by hand (``generate.by_hand``: long texts
    folded, a few comments), generated once per run."""
    folded = bench.scratch / "folded"
    if not (folded / "data" / "agreements").is_dir():
        generate(folded, bench.agreements, seed=1, folded=True)
    warm_cache(folded)
    return folded


def validate_folded(bench: Bench) -> list[Row]:
    """``ksd validate`` cold on records written by hand: long texts folded (``>-``), comments.

    People write long titles, aims and notes so by hand (the sample repository does); the
    generator's records have them on one line. The same records, folded, against the floor
    on those files: the validate target holds for either way of writing them.
    """
    folded = folded_copy(bench)
    floor = Run("floor, folded (in turn)", [sys.executable, "-c", FLOOR, str(folded)])
    found, against = bench.in_turn(floor, "validate folded", bench.check(folded), warm=False)
    return [
        Row("floor, written by hand", against),
        Row(
            f"ksd validate, cold, {bench.agreements:,}, written by hand",
            found,
            against,
            "floor",
            max_ratio=0.8,
            max_rss_mb=bench.memory,
        ),
    ]


def validate_warm(bench: Bench) -> list[Row]:
    """``ksd validate`` again on the unchanged repository, the cache warm."""
    bench.warmed()
    warm, floor = bench.in_turn(bench.floor_run(), "validate warm", bench.check(), warm=True)
    return [Row("ksd validate, unchanged (cache)", warm, floor, "floor", max_ratio=0.15)]


def validate_one_changed(bench: Bench) -> list[Row]:
    """``ksd validate`` with one agreement changed before each run, the cache warm."""
    touch = Touch(sorted((bench.root / "data" / "agreements").glob("*.yaml"))[-1])
    try:
        one, floor = bench.in_turn(
            bench.floor_run(), "validate one changed", bench.check(), warm=True, before=touch
        )
    finally:
        touch.restore()
    return [Row("ksd validate, one file changed", one, floor, "floor", max_ratio=0.2)]


def scaling(bench: Bench) -> list[Row]:
    """At 100,000: validate cold on 10,000 too; the time per agreement may grow by 10 %."""
    if not bench.large:
        return [Row("scaling 10,000 to 100,000", None, note="run with --agreements 100000")]
    small = bench.scratch / "small"
    generate(small, 10_000, seed=1)
    warm_cache(small)
    # The two sizes in turn, so that both see the same minutes of the host.
    ten, large = measure_in_turn(
        [Run("validate cold 10,000", bench.check(small), DATA_CODES, env=bench.cold_env),
         bench.cold_run()],
        bench.repeat,
    )  # fmt: skip
    factor = bench.agreements / 10_000
    # The reference is the 10,000 run scaled linearly: a ratio of 1.0 is exactly linear.
    linear = Measurement("linear", ten.command, [s * factor for s in ten.seconds])
    return [
        Row("ksd validate, cold, 10,000", ten),
        Row("scaling 10,000 to 100,000", large, linear, "linear", max_ratio=1.1),
    ]


def stalled(bench: Bench) -> list[Row]:
    """``ksd stalled`` cold, as JSON and as its text table, against validate cold."""
    rows = []
    for fmt, name in (("json", "ksd stalled (cold)"), ("text", "ksd stalled text (cold)")):
        command = ksd("stalled", "--root", str(bench.root), "--format", fmt, *AS_OF_ARGS)
        found, cold = bench.in_turn(bench.cold_run(), name, command, warm=False)
        rows.append(Row(name, found, cold, "validate", max_ratio=1.2, max_rss_mb=bench.memory))
    return rows


def report(bench: Bench) -> list[Row]:
    """``ksd report`` as xlsx and as md, cold, against validate cold."""
    rows = []
    for fmt in ("xlsx", "md"):
        out = bench.scratch / f"r.{fmt}"
        command = ksd(
            "report", "--root", str(bench.root), "--format", fmt, "--output", str(out), "--force"
        )
        command += [*AS_OF_ARGS, "--periode", "2024"]
        found, cold = bench.in_turn(bench.cold_run(), "report", command, warm=False, output=out)
        rows.append(
            Row(
                f"ksd report {fmt} (cold)",
                found,
                cold,
                "validate",
                max_ratio=1.2,
                max_rss_mb=bench.memory,
            )
        )
    return rows


def show(bench: Bench) -> list[Row]:
    """``ksd show ID`` with the cache warm, against validate cold."""
    command = ksd("show", first_id(bench.root), "--root", str(bench.root), "--format", "json")
    bench.warmed(command=[*command, *AS_OF_ARGS])
    found, cold = bench.in_turn(bench.cold_run(), "show", [*command, *AS_OF_ARGS], warm=True)
    return [Row("ksd show ID (cache warm)", found, cold, "validate", max_ratio=0.1)]


def draft(bench: Bench) -> list[Row]:
    """``ksd draft ID --draft`` with the cache warm, against validate cold."""
    out = bench.scratch / "naskah.md"
    command = ksd(
        "draft", first_id(bench.root), "--root", str(bench.root), "--output", str(out), "--force"
    )
    found, cold = bench.in_turn(bench.cold_run(), "draft", [*command, "--draft"], warm=True)
    return [Row("ksd draft ID (cache warm)", found, cold, "validate", max_ratio=0.1)]


def diff_and_changed_since(bench: Bench) -> list[Row]:
    """On a git copy with 50 agreements changed: ``ksd diff HEAD`` and ``--changed-since``.

    Before each run one of the changed files is saved again with a new comment line, as a
    user's next run follows an edit: what a command kept from its previous run of the same
    question (an answer, not the cache's per-file entries) never serves the measured run.
    """
    copy = changed_copy(bench.root, bench.scratch, 50)
    bench.warmed(copy)
    command = ksd("diff", "HEAD", "--root", str(copy), "--format", "json", *AS_OF_ARGS)
    bench.warmed(command=command)
    touch = Touch(sorted((copy / "data" / "agreements").glob("*.yaml"))[0])
    since_command = [*bench.check(copy), "--changed-since", "HEAD"]
    try:
        cold, diffed, since = measure_in_turn(
            [bench.cold_run(),
             Run("diff", command, DATA_CODES, env=bench.warm_env, before=touch),
             Run("changed-since", since_command, DATA_CODES, env=bench.warm_env, before=touch)],
            bench.repeat,
        )  # fmt: skip
    finally:
        touch.restore()
    return [
        Row(
            "ksd diff HEAD, 50 changed (cache warm)",
            diffed,
            cold,
            "validate",
            max_ratio=0.2,
            max_rss_mb=250,
        ),
        Row(
            "ksd validate --changed-since, 50 changed",
            since,
            cold,
            "validate",
            max_ratio=0.2,
            max_rss_mb=250,
        ),
    ]


def consolidate_rows(scratch: Path, repeat: int) -> list[Row]:
    """ksd consolidate (issue 15) over generated regions, against validate of the same records.

    ``KSD_BENCH_REGIONS`` repositories (default 50; the issue's target is 552) of about 200
    records each, 4 KSDD records of each kept by the next region too (every other one with a
    planted disagreement); the reference is ``ksd validate`` over all their records copied
    into one repository.
    """
    from generate import generate_regions

    regions = int(os.environ.get("KSD_BENCH_REGIONS", "50"))
    folder = scratch / "regions"
    generate_regions(folder, regions, 160, mirrored=4)
    one = scratch / "regions-one"
    for kind in ("agreements", "potentials"):
        (one / "data" / kind).mkdir(parents=True)
        for path in folder.glob(f"*/data/{kind}/*.yaml"):
            shutil.copyfile(path, one / "data" / kind / path.name)
    (one / "ksd.toml").write_text('[daerah]\nzona_waktu = "Asia/Makassar"\n', encoding="utf-8")
    warm_cache(one)
    cache = scratch / "cache-consolidate"
    warm_env = {**os.environ, "KSD_CACHE_DIR": str(cache)}
    warm_env.pop("KSD_NO_CACHE", None)
    cold_env = {**warm_env, "KSD_NO_CACHE": "1"}
    as_of = ("--as-of", AS_OF)
    check = ksd("validate", "--root", str(one), "--format", "json", *as_of)
    command = ksd("consolidate", str(folder), "--format", "json", *as_of)
    validate, cold = measure_in_turn(
        [Run("validate regions in one", check, DATA_CODES, env=cold_env),
         Run("consolidate cold", command, DATA_CODES, env=cold_env)],
        repeat,
    )  # fmt: skip
    subprocess.run(command, env=warm_env, stdout=subprocess.DEVNULL, check=False)
    warm = measure("consolidate warm", command, repeat, DATA_CODES, env=warm_env)
    size = f"{regions} repositories"
    return [
        Row(f"ksd validate, {size} in one (cold)", validate),
        Row(
            f"ksd consolidate, {size} (cold)",
            cold,
            validate,
            "validate",
            max_ratio=1.5,
            max_rss_mb=500,
        ),
        Row(
            f"ksd consolidate, {size} unchanged (cache)",
            warm,
            validate,
            "validate",
            max_ratio=0.2,
        ),
    ]


def fmt_check(bench: Bench) -> list[Row]:
    """``ksd fmt --check`` over every file, against validate cold."""
    command = ksd("fmt", "--check", "--root", str(bench.root))
    found, cold = bench.in_turn(bench.cold_run(), "fmt", command, warm=False)
    rows = [Row("ksd fmt --check", found, cold, "validate", max_ratio=1.5)]
    # The same records written by hand (long texts folded, comments), against
    # validate of those files.
    folded = folded_copy(bench)
    against = Run("validate folded (in turn)", bench.check(folded), DATA_CODES, env=bench.cold_env)
    command = ksd("fmt", "--check", "--root", str(folded))
    found, cold = bench.in_turn(against, "fmt folded", command, warm=False)
    rows.append(Row("ksd fmt --check, written by hand", found, cold, "validate", max_ratio=1.5))
    return rows


def import_register(bench: Bench) -> list[Row]:
    """``ksd import`` of a 10,000-row register, against validate of what it wrote."""
    return [import_row(bench.scratch, bench.repeat, bench.cold_env)]


def consolidate(bench: Bench) -> list[Row]:
    """``ksd consolidate`` over generated regions (see ``consolidate_rows``)."""
    return consolidate_rows(bench.scratch, bench.repeat)


def help_rows(bench: Bench) -> list[Row]:
    """``ksd --help`` against a bare two-command Typer app."""
    found = measure("ksd --help", ksd("--help"), HELP_REPEAT)
    return [
        Row("baseline_app.py --help", bench.baseline),
        Row("ksd --help", found, bench.baseline, "baseline", max_ratio=1.3),
    ]


#: One function per row (or group of rows), in table order: a new row is a new function here.
ROWS: tuple[RowMaker, ...] = (
    validate_cold,
    validate_folded,
    validate_warm,
    validate_one_changed,
    scaling,
    stalled,
    report,
    show,
    draft,
    diff_and_changed_since,
    fmt_check,
    import_register,
    consolidate,
    help_rows,
)


def measure_all(
    root: Path, scratch: Path, repeat: int, agreements: int, only: frozenset[str] = frozenset()
) -> list[Row]:
    """Measure the references and whatever ksd commands exist, in table order (``only``: these
    rows' functions, every row when empty)."""
    floor = measure("floor", [sys.executable, "-c", FLOOR, str(root)], repeat)
    baseline = measure(
        "baseline", [sys.executable, str(HERE / "baseline_app.py"), "--help"], HELP_REPEAT
    )
    rows = [Row("floor (CSafeLoader parse only)", floor)]
    if not KSD.is_file() or not os.access(KSD, os.X_OK):
        print(f"ksd: not found at {KSD}; no ksd command measured")
        return [*rows, Row("baseline_app.py --help", baseline)]
    compile_ksd()
    warm_env = {**os.environ, "KSD_CACHE_DIR": str(scratch / "cache")}
    warm_env.pop("KSD_NO_CACHE", None)
    cold_env = {**warm_env, "KSD_NO_CACHE": "1"}
    bench = Bench(root, scratch, repeat, agreements, floor, baseline, warm_env, cold_env)
    for make in ROWS:
        if not only or make.__name__ in only:
            rows.extend(make(bench))
    return rows


def import_row(scratch: Path, repeat: int, env: dict[str, str], count: int = 10_000) -> Row:
    """ksd import of a register of ``count`` rows, against ksd validate of what it wrote.

    Self-contained (issue 11): writes a register of signed agreements with the headings real
    registers use (Indonesian dates in text, rupiah as text, partners named as regions and as
    companies, urusan by name), imports it into a fresh, empty repository in every run, then
    measures a cold ``ksd validate`` of the result. Target: at most 2x that validate.
    """
    import random

    from openpyxl import Workbook

    rng = random.Random(11)
    regions = ["Pemkot Samarinda", "Pemkot Balikpapan", "Kab. Kutai Timur", "Kab. Paser",
               "Pemerintah Provinsi Kalimantan Timur", "Kab. Berau", "Pemkot Bontang"]  # fmt: skip
    urusan = ["pendidikan", "kesehatan", "perhubungan", "lingkungan hidup", "pariwisata"]
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember"]  # fmt: skip
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["No", "Judul/Tentang", "Mitra Kerja Sama", "Jenis Naskah", "Nomor",
                  "Tanggal Penandatanganan", "Tempat", "Masa Berlaku", "Urusan",
                  "OPD Pelaksana", "Nilai"])  # fmt: skip
    for n in range(1, count + 1):
        partner = rng.choice(regions) if n % 3 else f"PT Mitra Usaha {n}"
        day = f"{rng.randint(1, 28)} {rng.choice(months)} {rng.randint(2019, 2024)}"
        sheet.append([n, f"Kerja Sama Bidang {n}", partner, "PKS" if n % 3 == 0 else "KB",
                      f"180/{n:05d}/KS/2024", day, "Tenggarong", f"{rng.randint(1, 5)} tahun",
                      rng.choice(urusan), "Bagian Kerja Sama",
                      f"Rp{rng.randint(1, 900) * 1_000_000:,}".replace(",", ".")])  # fmt: skip
    register = scratch / "import-register.xlsx"
    workbook.save(register)
    pristine = scratch / "import-empty"
    subprocess.run([*ksd("init", str(pristine), "--daerah", "64.02")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip

    # Each run imports into its own fresh repository at a new path, as an analyst's first
    # import does, and the copies are deleted only after every run (the validate of the result
    # reads one of them). Deleting the previous run's ten thousand files and creating ten
    # thousand at the same place seconds later made ext4's inode allocator scan the
    # just-deleted inodes for every new file (recently_deleted, find_inode_bit): 4-8 s of
    # system time that was the benchmark's, not ksd's (0.5 s in a new folder).
    copies = [scratch / f"import-repo-{n}" for n in range(repeat)]
    for repo in copies:
        shutil.copytree(pristine, repo)

    def command(repo: Path) -> list[str]:
        return ksd("import", str(register), "--root", str(repo), "--as-of", AS_OF)

    # In turn: an import into a fresh copy, then validate of the first copy imported.
    check = ksd("validate", "--root", str(copies[0]), "--format", "json", "--as-of", AS_OF)
    imported = Measurement("import", command(copies[0]))
    validated = Measurement("validate imported", check)
    for repo in copies:
        _measure_once(Run("import", command(repo), env=env), imported)
        if imported.error:
            break
        _measure_once(Run("validate imported", check, DATA_CODES, env=env), validated)
    for repo in copies:
        shutil.rmtree(repo, ignore_errors=True)
    what = f"ksd import, {count:,} rows"
    return Row(what, imported, validated, "validate of result", max_ratio=2.0)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agreements", type=int, default=10_000)
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per data command; the best counts"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        metavar="DIR",
        help="reuse the repository in DIR, or generate it there and keep it",
    )
    parser.add_argument(
        "--invalid-every",
        type=int,
        default=0,
        metavar="K",
        help="when generating, give every K-th agreement one mistake",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--json", type=Path, default=None, metavar="FILE", help="also write the figures here"
    )
    parser.add_argument(
        "--only",
        default="",
        metavar="ROWS",
        help="measure only these rows, by function name, comma-separated (e.g. "
        "validate_cold,report,help_rows); the references are always measured",
    )
    args = parser.parse_args(argv)
    only = frozenset(n for n in args.only.split(",") if n)
    unknown = only - {make.__name__ for make in ROWS}
    if unknown:
        parser.error(f"unknown rows: {', '.join(sorted(unknown))}")

    info = machine()
    print(f"machine: nproc {info['nproc']}, {info['cpu']}, {info['platform']}")
    print(f"python {info['python']} ({sys.executable}), PyYAML {info['pyyaml']}")
    print(f"load average at the start: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="ksd-bench-") as tmp:
        scratch = Path(tmp)
        root, generated = prepare(args, scratch)
        agreements = sum(1 for _ in (root / "data" / "agreements").glob("*.yaml"))
        potentials = sum(1 for _ in (root / "data" / "potentials").glob("*.yaml"))
        how = f"generated in {generated:.2f} s" if generated is not None else "reused"
        print(f"repository: {root} ({how}): {agreements} agreements, {potentials} potentials")
        warm_cache(root)

        rows = measure_all(root, scratch, args.repeat, agreements, only)

    print(f"\nbest of {args.repeat} runs (--help: {HELP_REPEAT}); peak memory: maximum over runs")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}\n")
    print_table(rows)
    failures = [failure for row in rows for failure in row.failures]
    for failure in failures:
        print(f"FAIL {failure}")
    if args.json is not None:
        figures = {
            "machine": info,
            "repository": {
                "path": str(root),
                "agreements": agreements,
                "potentials": potentials,
                "generated_seconds": generated,
                "invalid_every": args.invalid_every,
                "seed": args.seed,
            },
            "repeat": args.repeat,
            "help_repeat": HELP_REPEAT,
            "rows": [row.as_json() for row in rows],
            "failures": failures,
        }
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
