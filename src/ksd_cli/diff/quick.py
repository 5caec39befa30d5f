"""The diff of a revision and the working tree, reading only the records a change can reach.

``ksd diff REV`` compares every record of both sides. When the other side is the working
tree and the configuration is the same on both, a record that did not change can differ
between the sides only through the records that did: its findings across records (R004
unknown-potensi, S009 duplicate-id) when a changed record carried or named an id, and a
potential's follow-up when an agreement naming it changed. Those records, the changed ones
and the potentials any of them names are read (once when they are the same on both sides);
every other record is known from the cache (its facts and findings), which gives each side's
ids, errors and followed-up potentials as a whole. The revision's side differs from the
working tree only in the changed files: its findings across records are found again for the
records read, and are the working tree's for every other. Git is asked for the revision's
configuration, its list of record files, the files that differ and their old contents. The
result is the same as comparing everything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath

from ksd_cli.cache import Entry
from ksd_cli.collector import collection_paused
from ksd_cli.config import CONFIG_FILE, Config
from ksd_cli.diagnostics import Diagnostic, Severity
from ksd_cli.diff.model import DiffResult, Side
from ksd_cli.diff.snapshot import (
    Snapshot,
    SnapshotFile,
    config_from_text,
    snapshot_file,
    text_from_bytes,
)
from ksd_cli.facts import CROSS_RECORD_RULES, Facts, affected_paths, duplicates_near, facts_of
from ksd_cli.facts import build_index as facts_index
from ksd_cli.gitio import GitRepository
from ksd_cli.loading import LoadResult, load_document, read_text
from ksd_cli.messages import Lang
from ksd_cli.reference import load_reference
from ksd_cli.repository import Kind, Repository, SourceFile, is_record_name
from ksd_cli.rules import BY_NAME
from ksd_cli.rules.base import Context, RepositoryIndex, Rule
from ksd_cli.stalled import Flag, find_stalled
from ksd_cli.validate import (
    Scanned,
    SoundRecords,
    active_rules,
    by_scope,
    check_one,
    cross_findings,
    ignored_codes,
    judgement_day,
    named_potentials,
    scan_across,
)

#: The diff judges a record by its errors alone. The rule across records that links records
#: alike (C016) only warns: the records it links need not be read, nor compared.
_ALIKE_JUDGED = BY_NAME["registrasi-ganda"].severity is Severity.ERROR


@dataclass(frozen=True)
class _Side:
    """One side as a whole: every file's entry and the findings across records.

    ``facts``: those of the files that load; ``texts``: the revision's texts of the changed
    files (on the revision's side). The findings across records of the revision's side are
    the working tree's until :func:`_across` finds its own.
    """

    config: Config
    entries: Mapping[str, Scanned]
    facts: Mapping[str, Facts]
    cross: tuple[Diagnostic, ...]
    texts: Mapping[str, str | None]


def worktree_diff(
    repository: Repository,
    git: GitRepository,
    before_side: Side,
    after_side: Side,
    *,
    as_of: date,
    lang: Lang,
    use_cache: bool = True,
) -> DiffResult | None:
    """The diff of ``before_side`` (a commit) and the working tree, or ``None``.

    ``None`` when it cannot be done without reading every record (the configuration
    changed, an entry that is not a regular file): the caller compares everything then.
    """
    assert before_side.commit is not None and after_side.commit is None
    commit = before_side.commit
    config = repository.config
    if config_from_text(git.show_file(commit, CONFIG_FILE), commit) != config:
        return None
    with collection_paused():
        # Every file's entry is let go when this returns, before the collector resumes: its
        # first collection would otherwise scan them all.
        return _diff(
            repository, git, before_side, after_side, as_of=as_of, lang=lang, use_cache=use_cache
        )


def _diff(
    repository: Repository,
    git: GitRepository,
    before_side: Side,
    after_side: Side,
    *,
    as_of: date,
    lang: Lang,
    use_cache: bool,
) -> DiffResult | None:
    """What :func:`worktree_diff` gives once the configuration is known to be the same."""
    from ksd_cli.diff.compare import compare_judged

    assert before_side.commit is not None
    commit = before_side.commit
    config = repository.config
    judged = judgement_day(as_of, config.today())
    kinds = _record_folders(config)
    # git lists the revision's files and compares the work tree with it while the work tree
    # is scanned here (on another core, when there is one).
    listed = git.list_files_later(commit, kinds)
    differ = git.changed_paths_later(commit, kinds)
    try:
        scanned, cross = scan_across(
            repository,
            as_of=judged,
            lang=lang,
            parser="libyaml",
            progress=None,
            use_cache=use_cache,
        )
    finally:
        listing, differing = _each(listed, differ)
    existed = _yaml_paths(listing)
    changed = {p for p in differing if _is_record(p, kinds)}
    if any(s.source.not_regular is not None for s in scanned):
        return None
    now = {s.source.rel: s for s in scanned}
    # What git sees changed, and what it does not track (untracked, ignored) on one side.
    changed |= now.keys() ^ existed
    max_bytes = config.validate_.max_file_kb * 1024
    # git reads the changed files' old texts while the files no change touched are looked
    # through (what ``_flags`` reads of them is the same on both sides).
    reading = git.read_files_later(commit, sorted(changed & existed))
    try:
        facts = {rel: s.entry.facts for rel, s in now.items() if s.entry.facts is not None}
        after = _Side(config, now, facts, cross, {})
        same = _Unchanged.of(after, changed)
    finally:
        old = reading()
    old_texts = {rel: text_from_bytes(old.get(rel), max_bytes) for rel in changed & existed}
    before, changed_files = _before(after, changed, old_texts, kinds, judged, lang)
    wanted = _reach(before, after, changed)
    before = _across(before, wanted, judged, lang)
    new_files = {
        rel: snapshot_file(_source(rel, kinds), text)
        for rel, text in _worktree_texts(now, wanted, max_bytes).items()
    }
    # A file the change did not touch is the same on both sides: read once.
    old_files = {
        rel: new_files[rel] if rel not in changed else changed_files[rel]
        for rel in sorted(wanted & existed)
    }
    old_side = Snapshot(config, old_files)
    new_side = Snapshot(config, dict(sorted(new_files.items())))
    return compare_judged(
        old_side,
        new_side,
        before_side,
        after_side,
        _flags(before, same, old_side, as_of, lang),
        _flags(after, same, new_side, as_of, lang),
        as_of=as_of,
    )


def _each(*calls: Callable[[], list[str]]) -> list[list[str]]:
    """What each call gives: every one is made (each waits for its git), the first error last."""
    results: list[list[str]] = []
    failed: BaseException | None = None
    for call in calls:
        try:
            results.append(call())
        except BaseException as exc:  # noqa: BLE001 - raised below, once every git is done
            failed = failed or exc
    if failed is not None:
        raise failed
    return results


def _record_folders(config: Config) -> dict[str, Kind]:
    return {
        config.paths.agreements.strip("/"): "agreement",
        config.paths.potentials.strip("/"): "potential",
    }


def _is_record(path: str, kinds: Mapping[str, Kind]) -> bool:
    return str(PurePosixPath(path).parent) in kinds and _is_yaml(path)


def _yaml_paths(paths: Iterable[str]) -> set[str]:
    """The paths :func:`_is_yaml` accepts (a listing of every record)."""
    return {p for p in paths if is_record_name(p.rpartition("/")[2])}


def _is_yaml(path: str) -> bool:
    """Whether the path names a record file (``.yaml`` or ``.yml`` in any case)."""
    return is_record_name(path.rpartition("/")[2])


def _before(
    after: _Side,
    changed: set[str],
    old_texts: Mapping[str, str | None],
    kinds: Mapping[str, Kind],
    judged: date,
    lang: Lang,
) -> tuple[_Side, dict[str, SnapshotFile]]:
    """The revision's side: the working tree's entries, those of the changed files read anew.

    Its findings across records are still the working tree's (see :func:`_across`). With the
    side, the changed files as the snapshot holds them: each old text is parsed once for both.
    """
    config = after.config
    rules = by_scope(
        r
        for r in active_rules(config.validate_.ignore)
        if r.check and r.name not in CROSS_RECORD_RULES
    )
    alone = RepositoryIndex(frozenset(), {}, config.paths.potentials + "/")
    reference = load_reference()
    # Copied whole and the few changed files taken out: the same dicts, in the same order, as
    # keeping every other file one by one (~1 ms each for 12,000 files).
    entries = dict(after.entries)
    facts = dict(after.facts)
    for rel in changed:
        entries.pop(rel, None)
        facts.pop(rel, None)
    files: dict[str, SnapshotFile] = {}
    for rel, text in sorted(old_texts.items()):
        source = _source(rel, kinds)
        if text is None:
            entries[rel] = Scanned(source, Entry(None, "", None, (), ()))
            files[rel] = SnapshotFile(source, None, None, None)
            continue
        ctx = Context(reference, config, judged, alone, rel)
        entry, files[rel] = _read_old(source, text, rules[source.kind], ctx, lang)
        entries[rel] = Scanned(source, entry)
        if entry.facts is not None:
            facts[rel] = entry.facts
    return _Side(config, entries, facts, after.cross, dict(old_texts)), files


def _read_old(
    source: SourceFile, text: str, rules: Iterable[Rule], ctx: Context, lang: Lang
) -> tuple[Entry, SnapshotFile]:
    """A changed file's old text, parsed once: its entry and its file in the snapshot.

    The entry as the scan finds it, the file as ``snapshot_file`` reads it.
    """
    loaded, problems, document = load_document(source, text, lang=lang, parser="libyaml")
    data = None if document is None else document.data
    if loaded is None or document is None:
        return Entry(None, "-", None, tuple(problems), ()), SnapshotFile(source, text, data, None)
    found = facts_of(loaded.record, source.kind, document.locate)
    checks = tuple(check_one(loaded, rules, ctx, lang, "libyaml", document))
    entry = Entry(None, "-", found, tuple(problems), checks)
    return entry, SnapshotFile(source, text, data, loaded)


def _source(rel: str, kinds: Mapping[str, Kind]) -> SourceFile:
    return SourceFile(Path(rel), rel, kinds[str(PurePosixPath(rel).parent)])


def _reach(before: _Side, after: _Side, changed: set[str]) -> set[str]:
    """The files a change can reach (see the module's documentation), on either side.

    The sides' facts differ only in the changed files, which are reached anyway: a file is
    reached by its own facts alone, so the revision's side is looked through only when C016
    links records alike (through every record's facts).
    """
    ids: set[str] = {PurePosixPath(rel).stem for rel in changed}
    for side in (before, after):
        ids.update(side.facts[rel].id for rel in changed if rel in side.facts)
    wanted = set(changed)
    sides = (before, after) if _ALIKE_JUDGED else (after,)
    for side in sides:
        wanted |= affected_paths(side.facts, ids, alike=_ALIKE_JUDGED)
    potentials: set[str] = set()
    for side in (before, after):
        for rel in wanted:
            item = side.facts.get(rel)
            if item is not None:
                potentials.update(item.potensi if item.kind == "agreement" else (item.id,))
    wanted.update(rel for rel, item in after.facts.items() if item.id in potentials)
    return wanted


def _across(side: _Side, wanted: set[str], judged: date, lang: Lang) -> _Side:
    """The revision's side with its own findings across records.

    Only a file a change reaches can have other findings across records than in the working
    tree: those of ``wanted`` are found again, from an index of every file's facts.
    """
    config = side.config
    invalid = [rel for rel, s in side.entries.items() if s.entry.facts is None or s.entry.loading]
    reached = {side.facts[rel].id for rel in wanted if rel in side.facts}
    duplicates = duplicates_near(side.facts.values(), reached) if _ALIKE_JUDGED else {}
    index = facts_index(side.facts, invalid, config.paths.potentials, duplicates)
    scanned = [side.entries[rel] for rel in sorted(wanted) if rel in side.entries]
    found = cross_findings(config, scanned, as_of=judged, lang=lang, index=index)
    kept = tuple(d for d in side.cross if d.path not in wanted)
    return replace(side, cross=(*kept, *found))


def _worktree_texts(
    now: Mapping[str, Scanned], wanted: Iterable[str], max_bytes: int
) -> dict[str, str | None]:
    texts: dict[str, str | None] = {}
    for rel in wanted:
        if rel in now:
            text = read_text(now[rel].source, max_bytes)
            texts[rel] = text if isinstance(text, str) else None
    return texts


@dataclass(frozen=True)
class _Unchanged:
    """What :func:`_flags` reads of the files no change touched: the same on both sides.

    The sides' entries and facts differ only in the changed files (see :func:`_before`), so
    the files of neither are looked through once for both: the errors of their own rules by
    path, the files that do not load, the potentials agreements name, every record's id.
    """

    changed: frozenset[str]
    errors: Mapping[str, tuple[Diagnostic, ...]]
    broken: tuple[str, ...]
    named: frozenset[str]
    ids: tuple[str, ...]

    @classmethod
    def of(cls, side: _Side, changed: Iterable[str]) -> _Unchanged:
        """The files of ``side`` but ``changed``."""
        left_out = frozenset(changed)
        ignored = ignored_codes(side.config)
        errors: dict[str, list[Diagnostic]] = defaultdict(list)
        broken = []
        # One pass over every file: most have no finding of their own and load.
        for rel, scanned in side.entries.items():
            if rel in left_out:
                continue
            entry = scanned.entry
            if entry.facts is None:
                broken.append(rel)
            for finding in entry.checks:
                if finding.code not in ignored and finding.severity is Severity.ERROR:
                    errors[finding.path].append(finding)
        facts = [item for rel, item in side.facts.items() if rel not in left_out]
        named = {p for item in facts if item.kind == "agreement" for p in item.potensi}
        return cls(
            left_out,
            {path: tuple(found) for path, found in errors.items()},
            tuple(broken),
            frozenset(named),
            tuple(item.id for item in facts),
        )


def _flags(
    side: _Side, same: _Unchanged, snapshot: Snapshot, as_of: date, lang: Lang
) -> tuple[dict[str, list[Flag]], frozenset[str]]:
    """The flags of the side's sound records among those read, and the files with errors.

    As ``ksd_cli.diff.compare`` judges a snapshot: errors are the rules' (not loading's). A
    potential is followed up when an agreement names it: a sound one follows it, one with
    errors counts as following it (``SoundRecords.named_potentials``), and so does one that
    does not load but whose text names it. Every agreement that loads is known by its facts,
    so the agreements naming a potential read need not be read themselves. What the files no
    change touched give is ``same``'s; the side's changed files are looked through here.
    """
    config = side.config
    ignored = ignored_codes(config)
    errors: dict[str, list[Diagnostic]] = defaultdict(list)
    for path, own in same.errors.items():
        errors[path].extend(own)
    broken = list(same.broken)
    changed = sorted(same.changed & side.entries.keys())
    for rel in changed:
        entry = side.entries[rel].entry
        if entry.facts is None:
            broken.append(rel)
        for finding in entry.checks:
            if finding.code not in ignored and finding.severity is Severity.ERROR:
                errors[finding.path].append(finding)
    for finding in side.cross:
        if finding.code not in ignored and finding.severity is Severity.ERROR:
            errors[finding.path].append(finding)
    broken.sort()
    records = [f.loaded for f in snapshot.files.values() if f.loaded is not None]
    facts = [side.facts[rel] for rel in changed if rel in side.facts]
    named = set(same.named)
    named.update(p for item in facts if item.kind == "agreement" for p in item.potensi)
    agreements_folder = config.paths.agreements.strip("/") + "/"
    for rel in broken:
        if rel.startswith(agreements_folder):
            named.update(named_potentials(_text(side, snapshot, rel)))
    ids = [*same.ids, *(item.id for item in facts)]
    ids.extend(PurePosixPath(rel).stem for rel in broken)
    loaded = LoadResult(
        tuple(r for r in records if r.source.rel not in errors),
        (),
        len(side.entries),
        frozenset(broken) | frozenset(errors),
    )
    sound = SoundRecords(
        loaded,
        frozenset(named),
        tuple(ids),
        tuple(r for r in records if r.source.rel in errors),
        {path: tuple(found) for path, found in errors.items()},
    )
    found = find_stalled(sound, config, load_reference(), as_of=as_of, lang=lang)
    by_path: dict[str, list[Flag]] = {}
    for flag in found.flags:
        by_path.setdefault(flag.path, []).append(flag)
    return by_path, frozenset(errors)


def _text(side: _Side, snapshot: Snapshot, rel: str) -> str | None:
    if rel in snapshot.files:
        return snapshot.files[rel].text
    if rel in side.texts:
        return side.texts[rel]
    text = read_text(side.entries[rel].source, side.config.validate_.max_file_kb * 1024)
    return text if isinstance(text, str) else None
