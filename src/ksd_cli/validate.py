"""Validating a repository: load every record, run every rule, return one ``Report``."""

from __future__ import annotations

import functools
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from ksd_cli.cache import Entry, RecordCache, cache_enabled, content_key, salt
from ksd_cli.config import Config
from ksd_cli.diagnostics import Diagnostic, Report, Severity
from ksd_cli.ids import PATTERNS
from ksd_cli.loading import (
    LoadedRecord,
    LoadResult,
    Progress,
    collection_paused,
    decode_text,
    diagnostic,
    load_text,
    problem_finding,
    read_bytes,
    read_text,
)
from ksd_cli.messages import Lang, message
from ksd_cli.models import Agreement
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
    item: LoadedRecord, rules: Iterable[Rule], ctx: Context, lang: Lang, parser: Parser
) -> list[Diagnostic]:
    findings: list[Diagnostic] = []
    document: Document | None = None
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


#: The rules whose findings in one record can be caused by a change in another.
CROSS_RECORD_RULES = frozenset({"unknown-potensi", "duplicate-id", "registrasi-ganda"})


def affected_records(loaded: LoadResult, ids: Iterable[str]) -> frozenset[str]:
    """The files of the records that reference one of ``ids`` or carry one of them.

    These are the records whose cross-record findings (unknown-potensi R004, duplicate-id
    S009, registrasi-ganda C016) can change when the records with those ids change, are
    renamed or removed: C016 links a record to the ones that look like the same request.
    """
    wanted = frozenset(ids)
    agreements = [i.record for i in loaded.records if isinstance(i.record, Agreement)]
    alike = {
        other.id
        for record_id, others in find_duplicates(agreements).items()
        if record_id in wanted
        for other in others
    }
    affected = set()
    for item in loaded.records:
        record = item.record
        references = getattr(record, "potensi", None) if item.source.kind == "agreement" else None
        if record.id in wanted or record.id in alike or any(p in wanted for p in references or ()):
            affected.add(item.source.rel)
    return frozenset(affected)


@dataclass(frozen=True)
class CheckedRecords:
    """The repository loaded, with the findings of the rules that look at one record alone.

    ``checks`` hold those findings for every valid record; the rules that look across
    records (``CROSS_RECORD_RULES``) are left to run on the whole, from ``loaded``.
    """

    loaded: LoadResult
    checks: tuple[Diagnostic, ...]


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
    config = repository.config
    if sources is None:
        sources = repository.source_files()
    cache = None
    if cache_enabled(not use_cache):
        key = salt(config_json=config.model_dump_json(), as_of=as_of, lang=lang, parser=parser)
        cache = RecordCache.for_repository(repository.root, key)
    fresh: dict[str, Entry] = {}
    max_bytes = config.validate_.max_file_kb * 1024
    records: list[LoadedRecord] = []
    loading: list[Diagnostic] = []
    checks: list[Diagnostic] = []
    invalid: set[str] = set()
    with collection_paused():
        stored = cache.read() if cache is not None else {}
        # First what each file holds, and which files the cache does not know.
        read: list[tuple[SourceFile, str, Entry | LoadProblem | None, str]] = []
        missing: list[tuple[SourceFile, str | LoadProblem]] = []
        for source in sources:
            data = read_bytes(source, max_bytes)
            if isinstance(data, LoadProblem):
                read.append((source, "", data, ""))
                continue
            key = content_key(source.rel, data)
            found = stored.get(key)
            decoded = decode_text(data)
            if found is None:
                missing.append((source, decoded))
            read.append((source, key, found, decoded if isinstance(decoded, str) else ""))
        parsed = iter(
            _check_files(missing, config, as_of=as_of, lang=lang, parser=parser, progress=progress)
        )
        for source, key, got, text in read:
            if isinstance(got, LoadProblem):
                entry = Entry(None, (problem_finding(source, got, lang),), ())
            else:
                entry = got if got is not None else next(parsed)
                fresh[key] = entry
            if entry.record is not None:
                records.append(LoadedRecord(source, entry.record, text))  # type: ignore[arg-type]
            if entry.record is None or entry.loading:
                invalid.add(source.rel)
            loading.extend(entry.loading)
            checks.extend(entry.checks)
        if cache is not None and fresh.keys() != stored.keys():
            cache.write(fresh)
    loaded = LoadResult(tuple(records), tuple(loading), len(sources), frozenset(invalid))
    return CheckedRecords(loaded, tuple(checks))


#: Files to parse before a pool of processes pays for starting it and sending records back.
POOL_THRESHOLD = 2_000
#: Files sent to a worker at a time (small enough to spread the work evenly).
POOL_CHUNK = 250


def _check_files(
    missing: Sequence[tuple[SourceFile, str | LoadProblem]],
    config: Config,
    *,
    as_of: date,
    lang: Lang,
    parser: Parser,
    progress: Progress | None = None,
) -> list[Entry]:
    """The entries of the files the cache does not know, in their order.

    Many files are parsed by a pool of forked processes, one per core (results come back in
    the order of the files, so the findings are the same as parsed here).
    """
    workers = min(len(os.sched_getaffinity(0)), -(-len(missing) // POOL_CHUNK))
    chunks = [list(missing[i : i + POOL_CHUNK]) for i in range(0, len(missing), POOL_CHUNK)]
    task = functools.partial(_check_chunk, config=config, as_of=as_of, lang=lang, parser=parser)
    entries: list[Entry] = []
    if len(missing) >= POOL_THRESHOLD and workers > 1 and _can_fork():
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for done in pool.imap(task, chunks):
                entries.extend(done)
                if progress is not None:
                    progress(len(entries), len(missing))
        return entries
    for chunk in chunks:
        entries.extend(task(chunk))
        if progress is not None:
            progress(len(entries), len(missing))
    return entries


def _can_fork() -> bool:
    """Whether forking is safe: a platform that has it, and no other thread holding locks."""
    import threading

    return hasattr(os, "fork") and threading.active_count() == 1


def _check_chunk(
    chunk: Sequence[tuple[SourceFile, str | LoadProblem]],
    *,
    config: Config,
    as_of: date,
    lang: Lang,
    parser: Parser,
) -> list[Entry]:
    rules = _by_scope(
        r
        for r in active_rules(config.validate_.ignore)
        if r.check and r.name not in CROSS_RECORD_RULES
    )
    alone = RepositoryIndex(frozenset(), {}, config.paths.potentials + "/")
    reference = load_reference()
    entries = []
    with collection_paused():
        for source, text in chunk:
            ctx = Context(reference, config, as_of, alone, source.rel)
            entries.append(_check_file(source, text, rules[source.kind], ctx, lang, parser))
    return entries


def _check_file(
    source: SourceFile,
    text: str | LoadProblem,
    rules: Iterable[Rule],
    ctx: Context,
    lang: Lang,
    parser: Parser,
) -> Entry:
    """What one file gives: its record, the findings of loading it and of its own rules."""
    if isinstance(text, LoadProblem):
        return Entry(None, (problem_finding(source, text, lang),), ())
    loaded, problems = load_text(source, text, lang=lang, parser=parser)
    if loaded is None:
        return Entry(None, tuple(problems), ())
    return Entry(
        loaded.record, tuple(problems), tuple(_check_one(loaded, rules, ctx, lang, parser))
    )


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
) -> Report:
    """Check the whole repository; with ``paths`` (relative, forward slashes) report only those.

    References are always resolved against the whole repository. With ``changed_ids`` (the
    ids of changed records, before and after the change), the records those changes affect
    are reported too, with the findings such changes can cause there (``CROSS_RECORD_RULES``):
    records whose ``potensi`` names one of the ids, or that carry one. ``use_cache``: see
    :func:`load_checked`.
    """
    checked = load_checked(
        repository, as_of=as_of, lang=lang, parser=parser, progress=progress, use_cache=use_cache
    )
    loaded = checked.loaded
    only = frozenset(paths) if paths is not None else None
    affected = frozenset[str]()
    if only is not None and changed_ids is not None:
        affected = affected_records(loaded, changed_ids) - only
        only = only | affected
    findings = [*loaded.diagnostics, *checked.checks]
    findings.extend(
        check_records(
            repository.config,
            loaded,
            as_of=as_of,
            lang=lang,
            parser=parser,
            only=only,
            cross_only=True,
        )
    )
    ignored = _ignored_codes(repository.config)
    kept = [
        d
        for d in findings
        if d.code not in ignored
        and (only is None or d.path in only)
        and (d.path not in affected or d.rule in CROSS_RECORD_RULES)
    ]
    files = loaded.files if only is None else len(only)
    records = sum(1 for r in loaded.records if only is None or r.source.rel in only)
    read = {r.source.rel for r in loaded.records} | loaded.invalid | {d.path for d in findings}
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
