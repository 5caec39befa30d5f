"""Consolidating repositories: read each (in parallel), take its figures, compare partners.

Every figure of a region is taken from ``ksd report`` and ``ksd mapping`` (``build_report``,
``build_mapping``) over the records ``load_sound_records`` keeps, so that a province's table
and each region's own report can never disagree. Reading a repository never renders its
templates; its ``ksd.toml`` is opened as ``ksd validate`` opens it.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, get_args

from ksd_cli import __version__
from ksd_cli.consolidate.mirror import (
    MirrorRecord,
    is_mirrorable,
    match_records,
    mirror_record,
)
from ksd_cli.consolidate.model import (
    Consolidation,
    Expected,
    FailingRecord,
    FlagRow,
    MirroredPair,
    OneSided,
    RecordRow,
    Region,
    RegionFigures,
)
from ksd_cli.consolidate.sources import ExpectedRule, Source, checkout, clone_folder
from ksd_cli.diagnostics import Severity
from ksd_cli.errors import UserError
from ksd_cli.lifecycle import STATUSES, mapped_by
from ksd_cli.messages import Lang, Msg
from ksd_cli.models import URUTAN_TAHAP, Agreement, JenisKerjaSama, Potential
from ksd_cli.naming import (
    region_name,
    repository_name,
    repository_region,
)

if TYPE_CHECKING:
    from ksd_cli.config import Config
    from ksd_cli.consolidate import saved
    from ksd_cli.reference import ReferenceData
    from ksd_cli.repository import Repository
    from ksd_cli.validate import SoundRecords


@dataclass(frozen=True)
class Options:
    """How every repository is read: the day, the language, the cache, git access."""

    as_of: date
    lang: Lang = "id"
    use_cache: bool = True
    offline: bool = False
    #: ksd's code and reference data (``saved.code_key``), worked out once for all workers.
    code: str = ""


@dataclass(frozen=True)
class _Read:
    """What a worker sends back: the region row and its records that a partner also keeps."""

    region: Region
    records: tuple[MirrorRecord, ...]
    #: The key the region's row is cached under ("" when the cache is off or it is unread).
    key: str = ""


def consolidate(
    sources: Sequence[Source],
    options: Options,
    *,
    expected: ExpectedRule | tuple[str, ...] | None = None,
    workers: int | None = None,
) -> Consolidation:
    """The consolidation of ``sources`` as of ``options.as_of``.

    Repositories are read by a pool of processes (``workers``, default one per core); the
    result keeps the order of ``sources``, so it is the same however the work was spread.
    One repository that cannot be read is a row with its problem, never a stop.
    """
    from dataclasses import replace

    from ksd_cli.cache import cache_enabled
    from ksd_cli.consolidate.saved import code_key
    from ksd_cli.reference import load_reference

    reference = load_reference()
    if not options.code and cache_enabled(not options.use_cache):
        options = replace(options, code=code_key())
    done = _read_all(sources, options, workers)
    regions = tuple(d.region for d in done)
    pairs, one_sided = _findings(done, regions, reference)
    rule = expected if expected is not None else "provinsi"
    wanted = expected_regions(rule, regions, reference)
    have = {r.kode for r in regions if r.kode is not None}
    missing = tuple(e for e in wanted if e.kode not in have)
    return Consolidation(
        as_of=options.as_of,
        regions=regions,
        pairs=pairs,
        one_sided=one_sided,
        belum_melapor=missing,
        expected_rule=rule if isinstance(rule, str) else "daftar",
        ksd_version=__version__,
        lang=options.lang,
    )


def _findings(
    done: Sequence[_Read], regions: Sequence[Region], reference: ReferenceData
) -> tuple[tuple[MirroredPair, ...], tuple[OneSided, ...]]:
    """Mirrored pairs and one-sided records; kept in the cache while no region changes."""
    from ksd_cli.consolidate import saved

    keys = [d.key for d in done]
    labels = [d.region.label for d in done]
    place = saved.findings_place(labels) if all(keys) and keys else None
    key = saved.findings_key(keys) if place is not None else ""
    if place is not None:
        found = saved.load(Path(), key, place=place)
        if isinstance(found, tuple) and len(found) == 2:
            return found
    result = match_records(
        [r for d in done for r in d.records],
        present={r.kode for r in regions if r.kode is not None and r.figures is not None},
        reference=reference,
    )
    if place is not None:
        saved.save(Path(), key, result, place=place)
    return result


def _read_all(sources: Sequence[Source], options: Options, workers: int | None) -> list[_Read]:
    """Every source read, in order: unchanged ones from the cache here, the others by a pool."""
    done = [_unchanged(source, options) for source in sources]
    todo = [source for source, read in zip(sources, done, strict=True) if read is None]
    count = workers if workers is not None else len(os.sched_getaffinity(0))
    count = max(1, min(count, len(todo)))
    from ksd_cli.pool import can_fork

    if count > 1 and can_fork():
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial

        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(count, mp_context=context) as pool:
            # One repository at a time: a worker left with a chunk of several at the end
            # would keep the other core idle that long.
            fresh = iter(pool.map(partial(read_source, options=options), todo))
            return [read if read is not None else next(fresh) for read in done]
    return [
        read if read is not None else read_source(s, options=options)
        for s, read in zip(sources, done, strict=True)
    ]


def _unchanged(source: Source, options: Options) -> _Read | None:
    """A local repository's row from the cache when none of its files changed, else ``None``.

    Only the files' stamps are looked at (no file is read), so that an unchanged source costs
    no worker. A git checkout is left to the workers (its last commit's date asks git).
    """
    from ksd_cli.cache import cache_enabled

    if source.problem is not None or source.git or not cache_enabled(not options.use_cache):
        return None
    from ksd_cli.consolidate import saved
    from ksd_cli.reference import load_reference
    from ksd_cli.repository import open_repository

    root = Path(source.location)
    try:
        if (root / ".git").exists():
            return None
        repository = open_repository(root)
        found = saved.load_unchanged(repository.root, _key(source, repository, options))
    except Exception:  # noqa: BLE001 - a worker reads it again, and says what is wrong
        return None
    if found is None or not isinstance(found[1], _Row):
        return None
    return _region_read(source, root, found[1], found[0], load_reference())


def read_source(source: Source, *, options: Options) -> _Read:
    """One source read: its region row and its mirrorable records; a failure is a row too."""
    from ksd_cli.reference import load_reference

    reference = load_reference()
    kode = source.kode
    nama = region_name(kode, reference) if kode else source.label
    tingkat = _tingkat(kode, reference)
    if source.problem is not None:
        return _Read(
            Region(source.label, None, kode, nama, tingkat, None, None, source.problem), ()
        )
    try:
        root = (
            checkout(source, cache=clone_folder(), offline=options.offline)
            if source.git
            else Path(source.location)
        )
        return _read_repository(source, root, options, reference)
    except UserError as exc:
        problem: Msg | str = exc.words
    except Exception as exc:  # noqa: BLE001 - one repository never stops the others
        problem = Msg("konsolidasi.read-failed", error=f"{type(exc).__name__}: {exc}")
    return _Read(Region(source.label, None, kode, nama, tingkat, None, None, problem), ())


@dataclass(frozen=True)
class _Row:
    """What is saved of a repository between runs: its owner, figures and mirror records."""

    kode: str | None
    nama: str
    figures: RegionFigures
    records: tuple[MirrorRecord, ...]


def _read_repository(
    source: Source, root: Path, options: Options, reference: ReferenceData
) -> _Read:
    from ksd_cli.cache import cache_enabled
    from ksd_cli.consolidate import saved
    from ksd_cli.repository import open_repository

    repository = open_repository(root)
    use_cache = cache_enabled(not options.use_cache)
    key = ""
    row = None
    stamped = None
    if use_cache:
        stamped = _key(source, repository, options)
        unchanged = saved.load_unchanged(repository.root, stamped)
        if unchanged is not None and isinstance(unchanged[1], _Row):
            key, row = unchanged[0], unchanged[1]
        else:
            key = stamped.row_key()
            found = saved.load(repository.root, key)
            row = found if isinstance(found, _Row) else None
            if row is not None:  # the same bytes under new stamps (a checkout, a touch)
                saved.save(repository.root, key, row, stamped=stamped)
    if row is None:
        row = _row(source, repository, options, reference, repository.config.today())
        if use_cache:
            saved.save(repository.root, key, row, stamped=stamped)
    return _region_read(source, root, row, key, reference)


def _key(source: Source, repository: Repository, options: Options) -> saved.Key:
    """The key of ``source``'s row: its settings and its files' stamps (see ``saved``)."""
    from ksd_cli.consolidate import saved

    return saved.key_of(
        repository,
        label=source.label,
        as_of=options.as_of,
        today=repository.config.today(),
        lang=options.lang,
        code=options.code or saved.code_key(),
    )


def _region_read(
    source: Source, root: Path, row: _Row, key: str, reference: ReferenceData
) -> _Read:
    """What a source gives from its row (read now or kept): its region and mirror records."""
    region = Region(
        label=source.label,
        root=str(root),
        kode=row.kode,
        nama=row.nama,
        tingkat=_tingkat(row.kode, reference),
        commit_date=commit_date(root),
        figures=row.figures,
        problem=_code_mismatch(source.kode, row.kode),
    )
    return _Read(region, row.records, key)


def _row(
    source: Source,
    repository: Repository,
    options: Options,
    reference: ReferenceData,
    today: date,
) -> _Row:
    """Read the repository: its sound records, its figures, its records partners keep too."""
    from ksd_cli.validate import load_sound_records

    config = repository.config
    sound = load_sound_records(
        repository,
        as_of=options.as_of,
        lang=options.lang,
        today=today,
        use_cache=options.use_cache,
    )
    owner = repository_region(config, sound.ids) or source.kode
    figures = region_figures(sound, config, reference, as_of=options.as_of, lang=options.lang)
    records = tuple(
        mirror_record(
            item.record,
            owner=owner,
            repository=source.label,
            root=str(repository.root),
            path=item.source.rel,
            text=item.text,
            as_of=options.as_of,
        )
        for item in (*sound.loaded.records, *sound.unsound)
        if isinstance(item.record, Agreement) and is_mirrorable(item.record)
    )
    nama = repository_name(config, owner, reference, options.lang, sound.ids)
    return _Row(owner, nama, figures, records)


def _code_mismatch(listed: str | None, owner: str | None) -> Msg | None:
    if listed is None or owner is None or listed == owner:
        return None
    return Msg("konsolidasi.code-mismatch", listed=listed, owner=owner)


def _tingkat(kode: str | None, reference: ReferenceData) -> str | None:
    wilayah = reference.wilayah.get(kode) if kode else None
    return wilayah.tingkat if wilayah is not None else None


def region_figures(
    sound: SoundRecords,
    config: Config,
    reference: ReferenceData,
    *,
    as_of: date,
    lang: Lang,
) -> RegionFigures:
    """A region's row: the figures of its report (the as-of year) and of its mapping.

    Only the figures the row shows are counted, from the report's own part of each record
    (``report.parts.report_part``) and its stalled findings: the report's tables and data
    frames are not built (they cost most of a report's time).
    ``tests/consolidate/test_build.py`` checks the row against a whole report. The
    mapping's coverage comes from ``build_mapping``, given the same stalled findings.
    """
    from ksd_cli.mapping import build_mapping
    from ksd_cli.report import Period, Share
    from ksd_cli.report import build as report
    from ksd_cli.report.parts import AgreementPart, parts_of
    from ksd_cli.stalled import invalid_records, stalled_result
    from ksd_cli.validate import cap_per_file

    period = Period.year(as_of.year)
    records = sound.loaded.records
    parts = parts_of(
        records, config=config, as_of=as_of, period=period, lang=lang, reference=reference
    )
    facts = [p for p in parts if isinstance(p, AgreementPart)]
    stalled = stalled_result(
        [p.stalled for p in parts],
        config,
        ids=sound.ids,
        named_potentials=sound.named_potentials,
        invalid=invalid_records(sound.loaded, (r.source.rel for r in records)),
        as_of=as_of,
    )
    mapping = build_mapping(sound, config, reference, as_of=as_of, lang=lang, stalled=stalled)
    # Counted as the report counts its frame of agreements (one row each: kind, status,
    # stage) and its KBs, from the same parts, without building the frames.
    jenis = _counts((f.jenis for f in facts), get_args(JenisKerjaSama))
    status = _counts((f.status for f in facts), STATUSES)
    tahap = _counts((f.tahap or "" for f in facts), ("", *URUTAN_TAHAP))
    if not tahap[""]:
        del tahap[""]  # as the report, which shows "no stage yet" only when there is one
    # The report's KBs followed up (each part's signed KB-kind documents), its "monev in the
    # period" (the last column of its table of latest monev) and "in force without monev".
    kb = [diikuti for f in facts for _, diikuti, _ in f.kb]
    kb_muda = sum(muda for f in facts for _, _, muda in f.kb)
    monev = report._monev_terakhir(facts, lang)
    monev_periode = sum(n for row in monev.rows if isinstance(n := row[-1], int))
    tanpa_monev = len(report._tanpa_monev(facts, lang).rows)
    findings = cap_per_file(sound.loaded.diagnostics, lang)
    severities = Counter(d.severity for d in findings)
    ids = {item.source.rel: item.record.id for item in sound.unsound}
    gagal = tuple(
        FailingRecord(path, ids.get(path, PurePosixPath(path).stem), len(errors))
        for path, errors in sorted(sound.errors.items())
    )
    # The report's rate: KBs still within their kb_tanpa_pks time are outside it.
    konversi = Share(sum(kb), len(kb) - kb_muda)
    return RegionFigures(
        perjanjian=len(facts),
        potensi=sum(
            1
            for r in sound.loaded.records
            if isinstance(r.record, Potential) and mapped_by(r.record.tahun, as_of)
        ),
        menurut_jenis=jenis,
        menurut_status=status,
        menurut_tahap=tahap,
        aktif=status.get("aktif", 0),
        kb_ditandatangani=len(kb),
        kb_diikuti_pks=konversi.part,
        konversi=konversi.ratio,
        temuan=stalled.counts(),
        monev_periode=monev_periode,
        berlaku_tanpa_monev=tanpa_monev,
        cakupan=mapping.coverage,
        errors=severities[Severity.ERROR],
        warnings=severities[Severity.WARNING],
        gagal=gagal,
        rekaman=_record_rows(sound, facts),
        daftar_temuan=tuple(
            FlagRow(f.path, f.id, f.code, f.kategori, f.since, f.days, f.threshold)
            for f in stalled.flags
        ),
        kb_muda=kb_muda,
    )


def _record_rows(sound: SoundRecords, facts: Sequence[Any]) -> tuple[RecordRow, ...]:
    """Every record file: the sound ones with their state, then the others, by path."""
    states = {f.id: f for f in facts}
    rows: list[RecordRow] = []
    for item in sound.loaded.records:
        record = item.record
        if isinstance(record, Agreement):
            state = states.get(record.id)
            rows.append(
                RecordRow(
                    item.source.rel,
                    record.id,
                    record.jenis,
                    record.judul,
                    state.status if state else None,
                    state.tahap if state else None,
                    True,
                )
            )
        else:
            rows.append(RecordRow(item.source.rel, record.id, "potensi", None, None, None, True))
    loaded = {item.source.rel: item.record.id for item in sound.unsound}
    for path in sorted(sound.loaded.invalid):
        record_id = loaded.get(path, PurePosixPath(path).stem)
        rows.append(RecordRow(path, record_id, None, None, None, None, False))
    return tuple(sorted(rows, key=lambda r: r.path))


def _counts(values: Iterable[str], order: Sequence[str]) -> dict[str, int]:
    """How many of ``values`` are each value of ``order`` (zeros included), in that order."""
    found = Counter(values)
    return {key: found[key] for key in order}


def commit_date(root: Path) -> date | None:
    """The date of the last commit when ``root`` is the top of a git checkout, else None."""
    from ksd_cli.gitio import GitError, run_git

    if not (root / ".git").exists():
        return None
    try:
        out = run_git(root, ("log", "-1", "--format=%cs")).decode().strip()
    except GitError:
        return None
    try:
        return date.fromisoformat(out)
    except ValueError:
        return None


def expected_regions(
    rule: ExpectedRule | tuple[str, ...],
    regions: Sequence[Region],
    reference: ReferenceData,
) -> tuple[Expected, ...]:
    """The regions expected to report, in code order.

    ``provinsi``: every province among the regions, with its kabupaten and kota;
    ``semua``: every region of the code list; a tuple: those codes.
    """
    wilayah = reference.wilayah
    if rule == "semua":
        codes = list(wilayah)
    elif rule == "provinsi":
        provinces = {r.kode.split(".")[0] for r in regions if r.kode}
        codes = [k for k in wilayah if k.split(".")[0] in provinces]
    else:
        codes = list(dict.fromkeys(rule))
    return tuple(
        Expected(
            kode,
            region_name(kode, reference),
            wilayah[kode].tingkat if kode in wilayah else "",
        )
        for kode in sorted(codes, key=_code_order)
    )


def _code_order(kode: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in kode.split("."))
