"""Validating a repository: load every record, run every rule, return one ``Report``."""

from __future__ import annotations

import functools
import hashlib
import pickle
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import PurePosixPath
from typing import NamedTuple

from ksd_cli import pool
from ksd_cli.cache import (
    Cross,
    Entry,
    RecordCache,
    Stamp,
    cache_enabled,
    digest_of,
    salt,
    stamps_of,
)
from ksd_cli.collector import collection_paused
from ksd_cli.config import Config
from ksd_cli.diagnostics import Diagnostic, Location, Report, Severity
from ksd_cli.facts import CROSS_RECORD_RULES, Facts, affected_paths, facts_key, facts_of
from ksd_cli.facts import build_index as facts_index
from ksd_cli.ids import PATTERNS
from ksd_cli.loading import (
    LoadedRecord,
    LoadResult,
    Progress,
    Record,
    decode_text,
    diagnostic,
    load_document,
    load_file,
    problem_finding,
    read_bytes,
    read_text,
)
from ksd_cli.messages import Lang, message
from ksd_cli.models import Agreement, build_validators
from ksd_cli.onerecord import Summary, fresh_summary, summarise
from ksd_cli.reference import load_reference
from ksd_cli.registrations import find_duplicates
from ksd_cli.repository import Repository, SourceFile
from ksd_cli.rules import BY_NAME, RULES, find_rule
from ksd_cli.rules.base import Context, Hit, RepositoryIndex, Rule
from ksd_cli.yamlread import Document, LoadProblem, Parser, read_document


def _potentials_folder(config: Config) -> str:
    return config.paths.potentials.strip("/") + "/"


def build_index(config: Config, loaded: LoadResult) -> RepositoryIndex:
    """Which ids exist and in which files, for the rules that look across records."""
    paths: dict[str, list[str]] = defaultdict(list)
    potentials: set[str] = set()
    for item in loaded.records:
        paths[item.record.id].append(item.source.rel)
        if item.source.kind == "potential":
            potentials.add(item.record.id)
    # A potential that failed validation still exists: name it by its file, so that its
    # agreements are not also reported for a missing reference.
    folder = _potentials_folder(config)
    for rel in loaded.invalid:
        if rel.startswith(folder) and "/" not in rel[len(folder) :]:
            potentials.add(PurePosixPath(rel).stem)
    return RepositoryIndex(
        potential_ids=frozenset(potentials),
        paths_by_id={k: tuple(v) for k, v in paths.items()},
        potentials_folder=config.paths.potentials + "/",
        duplicates=find_duplicates(
            item.record for item in loaded.records if isinstance(item.record, Agreement)
        ),
    )


def active_rules(ignore: Iterable[str]) -> tuple[Rule, ...]:
    """The rules not switched off by ``[validate] ignore`` (codes or names)."""
    off = {rule.code for name in ignore if (rule := find_rule(name)) is not None}
    return tuple(rule for rule in RULES if rule.code not in off)


def rules_run(config: Config, *, errors_only: bool = False) -> tuple[Rule, ...]:
    """The rules ``config`` leaves on; ``errors_only``: only those that find errors.

    For a caller that needs of the findings only which records are sound and their errors
    (``ksd stalled``): a warning never makes a record unsound, so the rules that find
    warnings change nothing it uses, and it is spared their work.
    """
    rules = active_rules(config.validate_.ignore)
    if not errors_only:
        return rules
    return tuple(r for r in rules if r.severity is Severity.ERROR)


def check_records(
    config: Config,
    loaded: LoadResult,
    *,
    as_of: date,
    lang: Lang,
    parser: Parser = "libyaml",
    only: frozenset[str] | None = None,
    cross_only: bool = False,
) -> list[Diagnostic]:
    """Run every active rule on every valid record (or those in ``only``).

    With ``cross_only``, only the rules that look across records (``CROSS_RECORD_RULES``):
    the others' findings came from the cache or from :func:`load_checked`.
    """
    rules = [
        r
        for r in active_rules(config.validate_.ignore)
        if r.check and (not cross_only or r.name in CROSS_RECORD_RULES)
    ]
    by_scope = _by_scope(rules)
    reference = load_reference()
    index = build_index(config, loaded)
    findings: list[Diagnostic] = []
    for item in loaded.records:
        if only is not None and item.source.rel not in only:
            continue
        ctx = Context(reference, config, as_of, index, item.source.rel)
        findings.extend(_check_one(item, by_scope[item.source.kind], ctx, lang, parser))
    return findings


def _by_scope(rules: Iterable[Rule]) -> dict[str, list[Rule]]:
    rules = tuple(rules)
    return {
        kind: [r for r in rules if r.scope in (kind, "record")]
        for kind in ("agreement", "potential")
    }


def _check_one(
    item: LoadedRecord,
    rules: Iterable[Rule],
    ctx: Context,
    lang: Lang,
    parser: Parser,
    document: Document | None = None,
) -> list[Diagnostic]:
    findings: list[Diagnostic] = []
    for rule in rules:
        for hit in rule.check(item.record, ctx):  # type: ignore[misc]
            if document is None:
                # Positions are read again only for records with findings.
                parsed = read_document(item.text, parser)
                assert isinstance(parsed, Document)
                document = parsed
            findings.append(_to_diagnostic(item, rule, hit, document, lang))
    return findings


def _to_diagnostic(
    item: LoadedRecord, rule: Rule, hit: Hit, document: Document, lang: Lang
) -> Diagnostic:
    location = document.locate(hit.loc, key=hit.key)
    hint = None
    if hit.hint is not None:
        hint = message(hit.hint, lang, **hit.args)
    return diagnostic(
        item.source,
        rule.name,
        location,
        lang,
        args=dict(hit.args),
        variant=hit.variant,
        record_id=item.record.id,
        hint=hint,
    )


@dataclass(frozen=True)
class CheckedRecords:
    """The repository loaded, with the findings of the rules that look at one record alone.

    ``checks`` hold those findings for every valid record; the rules that look across
    records (``CROSS_RECORD_RULES``) are left to run on the whole, from ``loaded``.
    """

    loaded: LoadResult
    checks: tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class Scanned:
    """One record file read through the cache: its entry, and its record when asked for."""

    source: SourceFile
    entry: Entry
    record: Record | None = None
    text: str = ""
    #: What ``assess`` gave of the record (see :func:`scan_files`).
    assessment: object = None


@dataclass
class Scan:
    """The files scanned through the cache, and whether its index is to be written again."""

    scanned: list[Scanned]
    cache: RecordCache | None
    dirty: bool

    def save(self, cross: Cross | None = None) -> None:
        """Write the index when it changed, or when ``cross`` is new (see :func:`cross_key`)."""
        if self.cache is None or (not self.dirty and (cross is None or cross == self.cache.cross)):
            return
        entries = {s.source.rel: s.entry for s in self.scanned if s.entry.digest}
        self.cache.write(entries, cross if cross is not None else self.cache.cross)


def load_checked(
    repository: Repository,
    *,
    as_of: date,
    lang: Lang,
    parser: Parser = "libyaml",
    progress: Progress | None = None,
    sources: Sequence[SourceFile] | None = None,
    use_cache: bool = True,
) -> CheckedRecords:
    """Load every record and run the rules that look at one record alone, through the cache.

    A file whose bytes, path and everything else that changes findings (see
    :mod:`ksd_cli.cache`) are as last time is not parsed again: its record and findings come
    from the cache. The result is the same with or without the cache.
    """
    if sources is None:
        sources = repository.source_files()
    scan = scan_files(
        repository,
        sources,
        as_of=as_of,
        lang=lang,
        parser=parser,
        progress=progress,
        use_cache=use_cache,
        keep_records=True,
    )
    scan.save()
    scanned = scan.scanned
    records = [LoadedRecord(s.source, s.record, s.text) for s in scanned if s.record is not None]
    loading = [d for s in scanned for d in s.entry.loading]
    checks = [d for s in scanned for d in s.entry.checks]
    invalid = frozenset(s.source.rel for s in scanned if s.entry.facts is None or s.entry.loading)
    loaded = LoadResult(tuple(records), tuple(loading), len(sources), invalid)
    return CheckedRecords(loaded, tuple(checks))


def scan_files(
    repository: Repository,
    sources: Sequence[SourceFile],
    *,
    as_of: date,
    lang: Lang,
    parser: Parser = "libyaml",
    progress: Progress | None = None,
    use_cache: bool = True,
    keep_records: bool = False,
    assess: Assess | None = None,
    assess_key: str = "",
    packed: bool = False,
    errors_only: bool = False,
) -> Scan:
    """Every file's findings (of loading and of its own rules) and facts, through the cache.

    A file whose stamp is as stored is not read; one whose bytes are as stored is not parsed.
    ``keep_records``: the records too, with their text (from the cache's records file when
    their bytes are as stored); otherwise no record is built beyond checking it, and none is
    held. In the order of ``sources``, the same with or without the cache. The records file
    is written here; the index by :meth:`Scan.save`.

    ``assess``: what to keep of each record that has no error of its own (``assessment``),
    computed where the record is: in the worker that parsed it, or here for a record from the
    cache's records file. No record is sent back for it, and the records file is not written.
    ``assess_key`` names what ``assess`` gives beyond the cache's salt (``ksd stalled``: its
    as-of day): the assessments are kept in the cache under it, and a file whose stamp is as
    stored is then not read at all. ``packed``: with ``PACKED_FROM`` files or more to parse,
    the assessments are sent back and held packed, a chunk's together (a :class:`Packed`
    each; :func:`unpacked`). ``errors_only``: with no cache, only the rules that find errors
    run on the files parsed (see :func:`rules_run`), and their entries lack what only C016
    and the cache read (an unsigned agreement's ``registration`` and ``partners``, the facts'
    key); with a cache, every rule runs, as the entries stored are read by every command.
    """
    config = repository.config
    wants_records = keep_records or assess is not None
    ignored = _ignored_codes(config) if assess is not None else frozenset[str]()
    cache = _record_cache(repository, as_of, lang, parser) if cache_enabled(not use_cache) else None
    max_bytes = config.validate_.max_file_kb * 1024
    slots: list[Scanned | None] = []
    # What is still to parse: a file the cache knows is read and hashed here (when its bytes
    # are as stored, it is not parsed); any other is read by the worker that parses it, so
    # that the texts of a whole repository are never held at once.
    missing: list[tuple[int, SourceFile, str | LoadProblem | None, Stamp | None, str]] = []
    with collection_paused():
        stored = cache.read() if cache is not None else {}
        kept = cache.read_records() if cache is not None and wants_records else {}
        assessed = cache.read_assessed(assess_key) if cache is not None and assess_key else {}
        stamps = _stamps(repository, sources) if cache is not None else None
        changed = False
        for i, source in enumerate(sources):
            old = stored.get(source.rel)
            # A stamp is only ever compared with the cache's (one lstat a file, in this process).
            stamp = stamps[i] if stamps is not None else None
            if old is not None and stamp is not None and old.stamp == stamp:
                if not wants_records:
                    slots.append(Scanned(source, old))
                    continue
                hit = assessed.get(source.rel)
                if assess is not None and hit is not None and hit[0] == old.digest:
                    slots.append(Scanned(source, old, assessment=hit[1]))
                    continue
            if old is None:
                missing.append((len(slots), source, None, stamp, ""))
                slots.append(None)
                continue
            data = read_bytes(source, max_bytes)
            if isinstance(data, LoadProblem):
                problem = (problem_finding(source, data, lang),)
                slots.append(Scanned(source, Entry(None, "", None, problem, ())))
                continue
            digest = digest_of(data)
            text = decode_text(data)
            if old is not None and old.digest == digest:
                if old.stamp != stamp:
                    old, changed = replace(old, stamp=stamp), True
                known = kept.get(source.rel)
                if not wants_records or old.facts is None:
                    slots.append(Scanned(source, old, None, text if isinstance(text, str) else ""))
                    continue
                if known is not None and known[0] == digest and isinstance(text, str):
                    if assess is None:
                        slots.append(Scanned(source, old, known[1], text))  # type: ignore[arg-type]
                    else:
                        sound = _without_errors(old.loading, old.checks, ignored)
                        got = assess(source, known[1]) if sound else None  # type: ignore[arg-type]
                        slots.append(Scanned(source, old, assessment=got))
                    continue
            missing.append((len(slots), source, text, stamp, digest))
            slots.append(None)
        parsed = _check_files(
            [(source, text, digest) for _, source, text, _, digest in missing],
            config,
            as_of=as_of,
            lang=lang,
            parser=parser,
            keep_records=keep_records,
            assess=assess,
            packed=packed and len(missing) >= PACKED_FROM,
            errors_only=errors_only and cache is None,
            progress=progress,
        )
        for (i, source, _, stamp, _), got in zip(missing, parsed, strict=True):
            digest, facts, loading, checks, record, text, key, assessment = got
            entry = Entry(stamp if digest else None, digest, facts, loading, checks, key)
            slots[i] = Scanned(source, entry, record, text, assessment)
        scanned = [s for s in slots if s is not None]
        kept_rels = {s.source.rel for s in scanned if s.entry.digest}
        dirty = changed or bool(missing) or kept_rels != stored.keys()
        if cache is not None and keep_records:
            records = {
                s.source.rel: (s.entry.digest, s.record) for s in scanned if s.record is not None
            }
            if records.keys() != kept.keys() or any(
                kept[rel][0] != digest for rel, (digest, _) in records.items()
            ):
                cache.write_records(records)
        if cache is not None and assess is not None and assess_key:
            now_assessed = {
                s.source.rel: (s.entry.digest, s.assessment)
                for s in scanned
                if s.entry.facts is not None and s.entry.digest
            }
            if now_assessed.keys() != assessed.keys() or any(
                assessed[rel][0] != digest for rel, (digest, _) in now_assessed.items()
            ):
                cache.write_assessed(assess_key, now_assessed)
    return Scan(scanned, cache, dirty)


def _stamps(repository: Repository, sources: Sequence[SourceFile]) -> list[Stamp | None]:
    """The stamps of ``sources``: taken when the repository was listed, if they are its files."""
    aside = repository.listed
    listed = aside.listing().stamps_of(sources) if aside is not None else None
    return listed if listed is not None else stamps_of(sources)


#: The pool's sizes (see :mod:`ksd_cli.pool`), here so that tests can make a pool of a few files.
POOL_THRESHOLD = pool.THRESHOLD
POOL_CHUNK = pool.CHUNK
#: The fewest files to parse for which ``scan_files(packed=True)`` packs the assessments.
#: Packing costs a few us a record of wall time (pickling in the workers, and unpacking
#: after the pool rather than while it runs); below this, the assessments held beside the
#: files' entries take less than some 70 MB (``ksd report``'s parts: ~1.7 KB a record).
PACKED_FROM = 40_000
#: What reading, parsing and checking one file gives: the digest of its bytes ("" when it could
#: not be read), facts, loading findings, own-rule findings, record and text (when kept), the
#: key of the facts, and what ``assess`` gave of the record (see :func:`scan_files`).
Checked = tuple[
    str,
    Facts | None,
    tuple[Diagnostic, ...],
    tuple[Diagnostic, ...],
    Record | None,
    str,
    str,
    object,
]
#: What to keep of a record instead of the record (see :func:`scan_files`): called in the
#: worker that parsed it, so it must pickle (a module-level function, or a partial of one).
Assess = Callable[[SourceFile, Record], object]
#: A file to parse: its bytes' text and digest when already read, else ``None`` and "".
ToParse = tuple[SourceFile, str | LoadProblem | None, str]


class Packed(NamedTuple):
    """One of a chunk's assessments, held with the others as one pickle.

    ``ksd report``'s parts of 100,000 records, as objects, took about 200 MB in the parent
    while the pool ran, beside every file's entry; pickled, about 80 MB. They are unpacked
    once the checks across records have said which records are sound and the entries are
    let go (:func:`unpacked`): the two are never held at once. Not compressed: the
    report's peak is after the pool (its parent alone, writing), above the pool's (parent
    and workers, the pickles held), and deflating and inflating them took ~0.8 s of CPU at
    100,000 records, 0.2 s of it in the parent after the pool.
    """

    blob: bytes
    at: int

    @staticmethod
    def each(values: Sequence[object]) -> list[Packed]:
        """``values`` packed together, one :class:`Packed` for each, in their order."""
        blob = pickle.dumps(list(values), protocol=pickle.HIGHEST_PROTOCOL)
        return [Packed(blob, i) for i in range(len(values))]


def unpacked(pairs: list[tuple[SourceFile, object]]) -> tuple[tuple[SourceFile, object], ...]:
    """``pairs`` with each :class:`Packed` assessment replaced by its value, in order.

    Each blob is unpacked once for its run of neighbours. ``pairs`` is emptied as it is read,
    so that a blob goes as soon as its values are out.
    """
    out: list[tuple[SourceFile, object]] = []
    blob: bytes | None = None
    values: list[object] = []
    unpacked_blobs = 0
    pairs.reverse()
    while pairs:
        source, assessment = pairs.pop()
        if isinstance(assessment, Packed):
            if assessment.blob is not blob:
                blob = assessment.blob
                values = pickle.loads(blob)
                unpacked_blobs += 1
                if unpacked_blobs % TRIM_EVERY == 0:
                    _trim_heap()
            assessment = values[assessment.at]
        out.append((source, assessment))
    if blob is not None:
        del blob, values
        _trim_heap()
    return tuple(out)


#: Blobs unpacked between two trims of the C heap (:func:`_trim_heap`): some 8 MB of
#: ``ksd report``'s parts.
TRIM_EVERY = 48


def _trim_heap() -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``), if it can.

    The packed pickles (some 80 MB at 100,000 records) lay in the C heap among the files'
    entries. What is unpacked from them lives in Python's own arenas, which do not reuse
    that heap: the pages of the pickles let go stay counted in the process's memory, and
    ``ksd report``'s peak (its parent, after the pool) grew by some 15 MB.
    """
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):  # not glibc: nothing to do
        return
    trim(0)


def _check_files(
    missing: Sequence[ToParse],
    config: Config,
    *,
    as_of: date,
    lang: Lang,
    parser: Parser,
    keep_records: bool,
    assess: Assess | None = None,
    packed: bool = False,
    errors_only: bool = False,
    progress: Progress | None = None,
) -> list[Checked]:
    """What the files the cache does not know give, in their order.

    Many files are parsed by a pool of forked processes, one per core (results come back in
    the order of the files, so the findings are the same as parsed here). Records are sent
    back only when ``keep_records``.
    """
    task = functools.partial(
        _check_chunk,
        config=config,
        as_of=as_of,
        lang=lang,
        parser=parser,
        keep_records=keep_records,
        assess=assess,
        packed=packed,
        errors_only=errors_only,
    )
    if len(missing) >= POOL_THRESHOLD:
        build_validators()  # once, before the workers are forked
    results: list[Checked] = []
    for done in pool.in_order(task, missing, threshold=POOL_THRESHOLD, chunk=POOL_CHUNK):
        results.extend(done)
        if progress is not None:
            progress(len(results), len(missing))
    return results


def _check_chunk(
    chunk: Sequence[ToParse],
    *,
    config: Config,
    as_of: date,
    lang: Lang,
    parser: Parser,
    keep_records: bool,
    assess: Assess | None = None,
    packed: bool = False,
    errors_only: bool = False,
) -> list[Checked]:
    rules = _by_scope(
        r
        for r in rules_run(config, errors_only=errors_only)
        if r.check and r.name not in CROSS_RECORD_RULES
    )
    alone = RepositoryIndex(frozenset(), {}, config.paths.potentials + "/")
    reference = load_reference()
    max_bytes = config.validate_.max_file_kb * 1024
    ignored = _ignored_codes(config) if assess is not None else frozenset[str]()
    results: list[Checked] = []
    # The sound records are assessed once the whole chunk is parsed, one after another,
    # not each right after its own parse: between two parses the assessing code and data
    # fall out of the processor's caches (``ksd stalled``'s workers took ~40 us a record
    # more, measured on 250-record chunks). The records of one chunk are held until then.
    to_assess: list[tuple[int, SourceFile, Record]] = []
    with collection_paused():
        for source, read, digest in chunk:
            text = read
            if text is None:
                data = read_bytes(source, max_bytes)
                if isinstance(data, LoadProblem):
                    problem = (problem_finding(source, data, lang),)
                    results.append(("", None, problem, (), None, "", "", None))
                    continue
                digest, text = digest_of(data), decode_text(data)
            ctx = Context(reference, config, as_of, alone, source.rel)
            facts, loading, checks, record = _check_file(
                source, text, rules[source.kind], ctx, lang, parser, alike=not errors_only
            )
            if assess is not None and record is not None:
                if _without_errors(loading, checks, ignored):
                    to_assess.append((len(results), source, record))
            kept = text if keep_records and isinstance(text, str) else ""
            record = record if keep_records else None
            # The key tells the cache when the findings across records are still as stored.
            key = "" if errors_only else facts_key(facts)
            results.append((digest, facts, loading, checks, record, kept, key, None))
        if assess is not None:
            at, made = _assessed(to_assess, assess)
            got: Sequence[object] = Packed.each(made) if packed and made else made
            for i, assessment in zip(at, got, strict=True):
                results[i] = (*results[i][:7], assessment)
    return results


def _assessed(
    to_assess: list[tuple[int, SourceFile, Record]], assess: Assess
) -> tuple[list[int], list[object]]:
    """The places and assessments of ``to_assess``, which is emptied as they are made.

    Each record is let go right after its assessment, while its objects are still in the
    processor's caches: freed together at the chunk's end, each record's objects were
    fetched from memory again (about 25 us a record in ``ksd stalled``'s workers).
    """
    at: list[int] = []
    made: list[object] = []
    to_assess.reverse()
    while to_assess:
        i, source, record = to_assess.pop()
        at.append(i)
        made.append(assess(source, record))
    return at, made


def _without_errors(
    loading: Iterable[Diagnostic], checks: Iterable[Diagnostic], ignored: frozenset[str]
) -> bool:
    """Whether a record has no error of its own (it may still have one across records).

    A record with one is never assessed: it is not sound, whatever the other records say.
    """
    return not any(
        d.severity is Severity.ERROR and d.code not in ignored for d in (*loading, *checks)
    )


def _check_file(
    source: SourceFile,
    text: str | LoadProblem,
    rules: Iterable[Rule],
    ctx: Context,
    lang: Lang,
    parser: Parser,
    alike: bool = True,
) -> tuple[Facts | None, tuple[Diagnostic, ...], tuple[Diagnostic, ...], Record | None]:
    """What one file gives: its facts, the findings of loading it and of its own rules.

    ``alike`` as in ``facts.facts_of``.
    """
    if isinstance(text, LoadProblem):
        return None, (problem_finding(source, text, lang),), (), None
    loaded, problems, document = load_document(source, text, lang=lang, parser=parser)
    if loaded is None or document is None:
        return None, tuple(problems), (), None
    facts = facts_of(loaded.record, source.kind, document.locate, alike=alike)
    checks = tuple(_check_one(loaded, rules, ctx, lang, parser, document))
    return facts, tuple(problems), checks, loaded.record


def cross_findings(
    config: Config,
    scanned: Sequence[Scanned],
    *,
    as_of: date,
    lang: Lang,
    parser: Parser = "libyaml",
    only: frozenset[str] | None = None,
    index: RepositoryIndex | None = None,
    errors_only: bool = False,
) -> list[Diagnostic]:
    """The findings of the rules that look across records, from the facts alone.

    Placed where the facts say; a finding at a place they do not keep reads its file again.
    ``index``: the index across records when the caller built it (from more files than
    ``scanned``, whose findings are wanted); otherwise it is built from ``scanned``.
    ``errors_only`` as in :func:`rules_run`.
    """
    rules = [
        r
        for r in rules_run(config, errors_only=errors_only)
        if r.check and r.name in CROSS_RECORD_RULES
    ]
    by_scope = _by_scope(rules)
    if index is None:
        facts = {s.source.rel: s.entry.facts for s in scanned if s.entry.facts is not None}
        invalid = [s.source.rel for s in scanned if s.entry.facts is None or s.entry.loading]
        # C016's index compares every unsigned agreement's title: only for C016.
        alike = any(r.name == "registrasi-ganda" for r in rules)
        index = facts_index(facts, invalid, config.paths.potentials, None if alike else {})
    reference = load_reference()
    max_bytes = config.validate_.max_file_kb * 1024
    findings: list[Diagnostic] = []
    for item in scanned:
        known = item.entry.facts
        rel = item.source.rel
        if known is None or (only is not None and rel not in only):
            continue
        ctx = Context(reference, config, as_of, index, rel)
        document: Document | None = None
        for rule in by_scope[known.kind]:
            for hit in rule.check(known, ctx):  # type: ignore[misc]
                where = None if hit.key else known.place(hit.loc)
                if where is None:
                    document = document or _reread(item.source, max_bytes, parser)
                    # A file changed since it was read: the finding points at its top.
                    where = Location(1, 1) if document is None else document.locate(hit.loc)
                hint = message(hit.hint, lang, **hit.args) if hit.hint is not None else None
                findings.append(
                    diagnostic(
                        item.source,
                        rule.name,
                        where,
                        lang,
                        args=dict(hit.args),
                        variant=hit.variant,
                        record_id=known.id,
                        hint=hint,
                    )
                )
    return findings


def cross_key(scanned: Iterable[Scanned]) -> str:
    """What the findings across records are found from: every file's facts, and which failed.

    With the cache's salt (the configuration, the date, the language...), the same key means
    the same findings: a file that changed without changing its facts changes nothing.
    """
    digest = hashlib.blake2b(digest_size=16)
    for item in scanned:
        entry = item.entry
        failed = "!" if entry.facts is None or entry.loading else ""
        digest.update(f"{item.source.rel}\0{entry.facts_key}{failed}\n".encode())
    return digest.hexdigest()


def _reread(source: SourceFile, max_bytes: int, parser: Parser) -> Document | None:
    """The document of a file read before (to place a finding its facts do not place)."""
    text = read_text(source, max_bytes)
    document = read_document(text, parser) if isinstance(text, str) else text
    return None if isinstance(document, LoadProblem) else document


def validate_repository(
    repository: Repository,
    *,
    as_of: date,
    lang: Lang = "id",
    paths: Iterable[str] | None = None,
    parser: Parser = "libyaml",
    progress: Progress | None = None,
    changed_ids: Iterable[str] | None = None,
    use_cache: bool = True,
    selection: Callable[[Sequence[Scanned]], tuple[Iterable[str] | None, Iterable[str] | None]]
    | None = None,
) -> Report:
    """Check the whole repository; with ``paths`` (relative, forward slashes) report only those.

    References are always resolved against the whole repository. With ``changed_ids`` (the
    ids of changed records, before and after the change), the records those changes affect
    are reported too, with the findings such changes can cause there (``CROSS_RECORD_RULES``):
    records whose ``potensi`` names one of the ids, or that carry one. ``use_cache``: see
    :func:`load_checked`. No record is held: the rules across records run from the facts.
    ``selection``: ``paths`` and ``changed_ids`` known only once the files are scanned (git
    compares a revision meanwhile), asked for then, with what the scan found of each file.
    """
    with collection_paused():
        scanned, cross = _scan_across(
            repository,
            as_of=as_of,
            lang=lang,
            parser=parser,
            progress=progress,
            use_cache=use_cache,
        )
        if selection is not None:
            paths, changed_ids = selection(scanned)
        # Paused to the end: a collection would scan every entry held, and free nothing. The
        # entries are let go before it resumes, so that its first collection does not scan them.
        report = _report(repository.config, scanned, cross, lang, paths, changed_ids)
        del scanned
    return report


def _scan_across(
    repository: Repository,
    *,
    as_of: date,
    lang: Lang,
    parser: Parser,
    progress: Progress | None,
    use_cache: bool,
    assess: Assess | None = None,
    assess_key: str = "",
    packed: bool = False,
    errors_only: bool = False,
) -> tuple[list[Scanned], tuple[Diagnostic, ...]]:
    """Every file scanned without its record, and the findings across records (cached).

    ``assess``, ``assess_key``, ``packed`` and ``errors_only`` as in :func:`scan_files`.
    """
    scan = scan_files(
        repository,
        repository.source_files(),
        as_of=as_of,
        lang=lang,
        parser=parser,
        progress=progress,
        use_cache=use_cache,
        assess=assess,
        assess_key=assess_key,
        packed=packed,
        errors_only=errors_only,
    )
    scanned = scan.scanned
    errors_only = errors_only and scan.cache is None
    # Without a cache, the key is never compared; errors only, the facts have none.
    key = "" if errors_only else cross_key(scanned)
    if scan.cache is not None and scan.cache.cross is not None and scan.cache.cross[0] == key:
        cross = scan.cache.cross
    else:
        config = repository.config
        found = cross_findings(
            config,
            scanned,
            as_of=as_of,
            lang=lang,
            parser=parser,
            errors_only=errors_only,
        )
        cross = (key, tuple(found))
    scan.save(cross)
    return scanned, cross[1]


def _report(
    config: Config,
    scanned: Sequence[Scanned],
    cross: Iterable[Diagnostic],
    lang: Lang,
    paths: Iterable[str] | None,
    changed_ids: Iterable[str] | None,
) -> Report:
    """The report of :func:`validate_repository` from the files scanned and the findings across."""
    only = frozenset(paths) if paths is not None else None
    affected = frozenset[str]()
    if only is not None and changed_ids is not None:
        facts = {s.source.rel: s.entry.facts for s in scanned if s.entry.facts is not None}
        affected = affected_paths(facts, changed_ids) - only
        only = only | affected
    findings = [d for s in scanned for d in s.entry.loading]
    findings.extend(d for s in scanned for d in s.entry.checks)
    findings.extend(cross)
    ignored = _ignored_codes(config)
    kept = [
        d
        for d in findings
        if d.code not in ignored
        and (only is None or d.path in only)
        and (d.path not in affected or d.rule in CROSS_RECORD_RULES)
    ]
    files = len(scanned) if only is None else len(only)
    valid = [s.source.rel for s in scanned if s.entry.facts is not None]
    records = sum(1 for rel in valid if only is None or rel in only)
    read = {s.source.rel for s in scanned} | {d.path for d in findings}
    reported = read if only is None else only
    return Report.build(cap_per_file(kept, lang), files=files, records=records, checked=reported)


def _ignored_codes(config: Config) -> frozenset[str]:
    """The codes of the rules ``[validate] ignore`` switches off."""
    active = {r.code for r in active_rules(config.validate_.ignore)}
    return frozenset(r.code for r in RULES if r.code not in active)


# Which records may be assessed --------------------------------------------------------------

#: A potential's id where it appears in any text (a record that does not parse is scanned).
_POTENTIAL_ID = re.compile(r"(?<![0-9A-Za-z-])" + PATTERNS["POT"].pattern + r"(?![0-9A-Za-z])")


@dataclass(frozen=True)
class SoundRecords:
    """The records fit to be assessed, and what can still be read of the others.

    ``loaded.records`` holds only the records without an error (from loading or from a rule):
    ``stalled``, ``show``, ``report`` and ``diff`` judge those alone. ``loaded.invalid`` names
    every other file, and ``loaded.diagnostics`` holds every finding, so that an unsound
    record is listed with its errors. ``named_potentials`` are the potentials that the
    unsound agreements name: they are being followed up, even if that record is broken.
    ``ids`` are the ids of every record file, sound or not (the owning region is read from
    them, so that breaking one record changes nothing in the others). ``unsound`` are the
    records that loaded but have errors, and ``errors`` the errors of each unsound file.
    """

    loaded: LoadResult
    named_potentials: frozenset[str]
    ids: tuple[str, ...]
    unsound: tuple[LoadedRecord, ...]
    errors: Mapping[str, tuple[Diagnostic, ...]]


def sound_records(
    config: Config,
    loaded: LoadResult,
    text_of: Callable[[str], str | None],
    *,
    as_of: date,
    lang: Lang,
    today: date | None = None,
    parser: Parser = "libyaml",
    checks: Sequence[Diagnostic] | None = None,
) -> SoundRecords:
    """Split ``loaded`` into the records without errors and the others.

    ``text_of`` gives the text of a file by its relative path (``None`` when it cannot be
    read): an agreement that does not load is read again for the potentials it names.
    The rules judge the records as of ``today`` when that is later than ``as_of``: looking
    back (``--as-of`` in the past), a document signed since is a later event, not a date in
    the future (``tanggal-mendatang``). ``checks``: the findings of the rules that look at one
    record alone, when already known (:func:`load_checked`, as of that same day).
    """
    ignored = _ignored_codes(config)
    judged_on = judgement_day(as_of, today)
    rule_findings = check_records(
        config, loaded, as_of=judged_on, lang=lang, parser=parser, cross_only=checks is not None
    )
    findings = sorted(
        (
            d
            for d in (*loaded.diagnostics, *(checks or ()), *rule_findings)
            if d.code not in ignored
        ),
        key=Diagnostic.sort_key,
    )
    errors: dict[str, list[Diagnostic]] = defaultdict(list)
    for finding in findings:
        if finding.severity is Severity.ERROR:
            errors[finding.path].append(finding)
    sound = tuple(r for r in loaded.records if r.source.rel not in errors)
    assessed = {r.source.rel for r in loaded.records}
    named: set[str] = set()
    for item in loaded.records:
        if item.source.rel in errors and isinstance(item.record, Agreement):
            named.update(item.record.potensi or ())
    agreements_folder = config.paths.agreements.strip("/") + "/"
    for rel in sorted(loaded.invalid - assessed):
        if rel.startswith(agreements_folder):
            named.update(named_potentials(text_of(rel), parser))
    ids = [r.record.id for r in loaded.records]
    ids.extend(PurePosixPath(rel).stem for rel in sorted(loaded.invalid - assessed))
    result = LoadResult(
        sound,
        tuple(findings),
        loaded.files,
        loaded.invalid | frozenset(errors),
    )
    return SoundRecords(
        result,
        frozenset(named),
        tuple(ids),
        tuple(r for r in loaded.records if r.source.rel in errors),
        {path: tuple(found) for path, found in errors.items()},
    )


def judgement_day(as_of: date, today: date | None) -> date:
    """The day the rules judge records as of (see :func:`sound_records`)."""
    return max(as_of, today) if today is not None else as_of


def named_potentials(text: str | None, parser: Parser = "libyaml") -> frozenset[str]:
    """The potential ids an agreement that does not validate names, as far as can be read.

    Its ``potensi`` list when the YAML parses; otherwise every potential id in its text.
    """
    if text is None:
        return frozenset()
    document = read_document(text, parser)
    if isinstance(document, Document) and isinstance(document.data, dict):
        value = document.data.get("potensi")
        items = value if isinstance(value, list) else [value]
        found = {v.strip() for v in items if isinstance(v, str)}
        if found or value is None:
            return frozenset(found)
    return frozenset(m.group(0) for m in _POTENTIAL_ID.finditer(text))


def load_sound_records(
    repository: Repository,
    *,
    as_of: date,
    lang: Lang,
    today: date | None = None,
    parser: Parser = "libyaml",
    progress: Progress | None = None,
    use_cache: bool = True,
) -> SoundRecords:
    """Load the repository and keep for assessment only the records without errors.

    ``today`` as in :func:`sound_records` (the CLI passes the region's today); ``use_cache``
    as in :func:`load_checked`.
    """
    listed = repository.source_files()
    # Paused while the records arrive and are split: every collection would scan them all
    # again and free nothing (about a fifth of ``ksd report``'s time on 10,000 records).
    with collection_paused():
        checked = load_checked(
            repository,
            as_of=judgement_day(as_of, today),
            lang=lang,
            parser=parser,
            progress=progress,
            sources=listed,
            use_cache=use_cache,
        )
    loaded = checked.loaded
    sources = {s.rel: s for s in listed}
    max_bytes = repository.config.validate_.max_file_kb * 1024

    def text_of(rel: str) -> str | None:
        source = sources.get(rel)
        text = read_text(source, max_bytes) if source is not None else None
        return None if isinstance(text, LoadProblem) else text

    with collection_paused():
        return sound_records(
            repository.config,
            loaded,
            text_of,
            as_of=as_of,
            lang=lang,
            today=today,
            parser=parser,
            checks=checked.checks,
        )


def load_sound_record(
    repository: Repository,
    record_id: str,
    *,
    as_of: date,
    lang: Lang,
    today: date | None = None,
    parser: Parser = "libyaml",
    use_cache: bool = True,
) -> SoundRecords:
    """What :func:`load_sound_records` gives, with only the records one record's view needs.

    The record with ``record_id`` and, for a potential, the agreements that name it are
    read; every other file gives its findings, facts and id through the cache, so that
    ``ksd show ID`` reads one file (and the cache) instead of every record. The errors, ids
    and named potentials are those of the whole repository, as in :func:`sound_records`.

    When no record file changed since the cache's summary (``ksd_cli.onerecord``) was
    written, nothing else is read, not even the cache's index; the findings held are then
    the errors and the findings of the files that gave no record (what a view shows).
    """
    config = repository.config
    judged_on = judgement_day(as_of, today)
    max_bytes = config.validate_.max_file_kb * 1024
    cache = (
        _record_cache(repository, judged_on, lang, parser) if cache_enabled(not use_cache) else None
    )
    with collection_paused():
        fresh = fresh_summary(repository, cache, record_id) if cache is not None else None
        if fresh is not None:
            summary, sources = fresh
            errors = summary.errors
            findings, files, invalid = summary.findings(), summary.files, summary.invalid
            named, ids = summary.named_potentials, summary.ids
        else:
            scanned, cross = _scan_across(
                repository,
                as_of=judged_on,
                lang=lang,
                parser=parser,
                progress=None,
                use_cache=use_cache,
            )
            judged = _soundness(config, scanned, cross, parser)
            made = _summary(repository, judged, scanned) if cache is not None else None
            if cache is not None and made is not None:
                cache.write_summary(made)
            facts = {s.source.rel: s.entry.facts for s in scanned if s.entry.facts is not None}
            wanted = {rel for rel, f in facts.items() if f.id == record_id}
            if any(facts[rel].kind == "potential" for rel in wanted):
                wanted.update(
                    rel
                    for rel, f in facts.items()
                    if f.kind == "agreement" and record_id in f.potensi
                )
            sources = [s.source for s in scanned if s.source.rel in wanted]
            errors, findings, files = judged.errors, judged.findings, len(scanned)
            invalid = judged.invalid | frozenset(errors)
            named, ids = judged.named_potentials, judged.ids
        items: list[LoadedRecord] = []
        for source in sources:
            loaded, _ = load_file(source, max_bytes=max_bytes, lang=lang, parser=parser)
            if loaded is not None:
                items.append(loaded)
        result = LoadResult(
            tuple(r for r in items if r.source.rel not in errors), findings, files, invalid
        )
        return SoundRecords(
            result, named, ids, tuple(r for r in items if r.source.rel in errors), errors
        )


def _record_cache(repository: Repository, as_of: date, lang: Lang, parser: Parser) -> RecordCache:
    """The repository's cache under the salt of the rules judging as of ``as_of``."""
    config_json = repository.config.model_dump_json()
    key = salt(config_json=config_json, as_of=as_of, lang=lang, parser=parser)
    return RecordCache.for_repository(repository.root, key)


def _summary(
    repository: Repository, judged: _Soundness, scanned: Sequence[Scanned]
) -> Summary | None:
    """What one record's view needs of the files scanned, judged (see ``ksd_cli.onerecord``)."""
    sources: list[tuple[SourceFile, Stamp | None, str | None, str, tuple[str, ...]]] = []
    for item in scanned:
        facts = item.entry.facts
        stamp = item.entry.stamp if item.source.not_regular is None else None
        if facts is None:
            sources.append((item.source, stamp, None, "", ()))
        else:
            potensi = facts.potensi if facts.kind == "agreement" else ()
            sources.append((item.source, stamp, facts.id, facts.kind, potensi))
    return summarise(
        repository,
        sources,
        ids=judged.ids,
        named_potentials=judged.named_potentials,
        invalid=judged.invalid | frozenset(judged.errors),
        errors=judged.errors,
        findings=judged.findings,
    )


@dataclass(frozen=True)
class _Soundness:
    """Which files are sound, judged from the files scanned and the findings across records.

    As in :class:`SoundRecords`: ``findings`` every finding not ignored, in position order;
    ``errors`` the errors of each unsound file; ``invalid`` the files that gave no record or
    have findings of loading (the unsound ones are added by the caller).
    """

    findings: tuple[Diagnostic, ...]
    errors: Mapping[str, tuple[Diagnostic, ...]]
    named_potentials: frozenset[str]
    ids: tuple[str, ...]
    invalid: frozenset[str]


def _soundness(
    config: Config, scanned: Sequence[Scanned], cross: Iterable[Diagnostic], parser: Parser
) -> _Soundness:
    """What :func:`sound_records` decides, from the facts and findings of the files scanned."""
    ignored = _ignored_codes(config)
    every = [d for s in scanned for d in s.entry.loading]
    every.extend(d for s in scanned for d in s.entry.checks)
    every.extend(cross)
    findings = sorted((d for d in every if d.code not in ignored), key=Diagnostic.sort_key)
    errors: dict[str, list[Diagnostic]] = defaultdict(list)
    for finding in findings:
        if finding.severity is Severity.ERROR:
            errors[finding.path].append(finding)
    facts = {s.source.rel: s.entry.facts for s in scanned if s.entry.facts is not None}
    named: set[str] = set()
    for rel, known in facts.items():
        if rel in errors and known.kind == "agreement":
            named.update(known.potensi)
    invalid = frozenset(s.source.rel for s in scanned if s.entry.facts is None or s.entry.loading)
    broken = sorted(invalid - facts.keys())
    sources = {s.source.rel: s.source for s in scanned}
    agreements_folder = config.paths.agreements.strip("/") + "/"
    max_bytes = config.validate_.max_file_kb * 1024
    for rel in broken:
        if rel.startswith(agreements_folder):
            text = read_text(sources[rel], max_bytes)
            named.update(named_potentials(text if isinstance(text, str) else None, parser))
    ids = [f.id for f in facts.values()]
    ids.extend(PurePosixPath(rel).stem for rel in broken)
    return _Soundness(
        tuple(findings),
        {path: tuple(found) for path, found in errors.items()},
        frozenset(named),
        tuple(ids),
        invalid,
    )


@dataclass(frozen=True)
class AssessedRecords:
    """What :func:`load_sound_records` gives, each sound record's assessment in its place.

    ``assessments``: the source and assessment of every sound record, in file order;
    ``loaded`` holds no record, and the rest as in :class:`SoundRecords`.
    """

    assessments: tuple[tuple[SourceFile, object], ...]
    loaded: LoadResult
    named_potentials: frozenset[str]
    ids: tuple[str, ...]


def load_assessed(
    repository: Repository,
    assess: Assess,
    *,
    as_of: date,
    lang: Lang,
    today: date | None = None,
    parser: Parser = "libyaml",
    progress: Progress | None = None,
    use_cache: bool = True,
    assess_key: str = "",
    packed: bool = False,
    errors_only: bool = False,
) -> AssessedRecords:
    """:func:`load_sound_records` for a caller that needs only ``assess(source, record)``.

    The workers that parse the files assess the records there and send back only that, so
    no record crosses between processes (see :func:`scan_files`). ``as_of`` and ``today``
    as in :func:`load_sound_records` (they date the rules' judgement; ``assess`` carries
    its own date); ``assess_key`` and ``packed`` as in :func:`scan_files`: packed, the
    assessments are unpacked after every file's entry is let go. ``errors_only`` as in
    :func:`scan_files`: ``loaded.diagnostics`` then holds the errors, and no warning.
    """
    config = repository.config
    with collection_paused():
        scanned, cross = _scan_across(
            repository,
            as_of=judgement_day(as_of, today),
            lang=lang,
            parser=parser,
            progress=progress,
            use_cache=use_cache,
            assess=assess,
            assess_key=assess_key,
            packed=packed,
            errors_only=errors_only,
        )
        judged = _soundness(config, scanned, cross, parser)
        sound = [
            (s.source, s.assessment)
            for s in scanned
            if s.entry.facts is not None and s.source.rel not in judged.errors
        ]
        assert all(a is not None for _, a in sound), "a sound record was not assessed"
        loaded = LoadResult(
            (), judged.findings, len(scanned), judged.invalid | frozenset(judged.errors)
        )
        del scanned  # every file's entry, before the assessments are unpacked
        return AssessedRecords(unpacked(sound), loaded, judged.named_potentials, judged.ids)


#: The most findings listed for one file; the rest are counted in one closing finding.
MAX_FINDINGS_PER_FILE = 100


def cap_per_file(
    findings: Iterable[Diagnostic], lang: Lang, limit: int = MAX_FINDINGS_PER_FILE
) -> list[Diagnostic]:
    """The first ``limit`` findings of each file in position order, then one "and N more".

    The closing finding is rule Y014 (too-many-findings), placed at the last finding listed
    so that it sorts after them.
    """
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    kept: list[Diagnostic] = []
    rule = BY_NAME["too-many-findings"]
    for path, group in by_path.items():
        if len(group) <= limit:
            kept.extend(group)
            continue
        group.sort(key=Diagnostic.sort_key)
        shown, last = group[:limit], group[limit - 1]
        closing = Diagnostic(
            path=path,
            line=last.line,
            column=last.column,
            code=rule.code,
            rule=rule.name,
            severity=rule.severity,
            message=message(rule.name, lang, count=len(group) - limit, limit=limit),
            record_id=last.record_id,
        )
        kept.extend((*shown, closing))
    return kept


# For the diff of a revision and the working tree (``ksd_cli.diff.quick``).
scan_across = _scan_across
check_one = _check_one
by_scope = _by_scope
ignored_codes = _ignored_codes
