"""The diff of a revision and the working tree, reading only the records a change can reach.

``ksd diff REV`` compares every record of both sides. When the other side is the working
tree and the configuration is the same on both, a record that did not change can differ
between the sides only through the records that did: its findings across records (R004
unknown-potensi, S009 duplicate-id) when a changed record carried or named an id, and a
potential's follow-up when an agreement naming it changed. Those records, the changed ones,
and the agreements that name any potential among them are read on both sides; every other
record is known from the cache (its facts and findings), which gives each side's ids, errors
and named potentials as a whole. The result is the same as comparing everything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from ksd_cli.cache import Entry
from ksd_cli.config import CONFIG_FILE, Config
from ksd_cli.diagnostics import Diagnostic, Severity
from ksd_cli.diff.model import DiffResult, Side
from ksd_cli.diff.snapshot import Snapshot, config_from_text, snapshot_from_texts, text_from_bytes
from ksd_cli.facts import CROSS_RECORD_RULES, Facts, affected_paths
from ksd_cli.gitio import GitRepository
from ksd_cli.loading import LoadResult, collection_paused, read_text
from ksd_cli.messages import Lang
from ksd_cli.reference import load_reference
from ksd_cli.repository import Kind, Repository, SourceFile
from ksd_cli.rules.base import Context, RepositoryIndex
from ksd_cli.stalled import Flag, find_stalled
from ksd_cli.validate import (
    Scanned,
    SoundRecords,
    active_rules,
    by_scope,
    check_file,
    cross_findings,
    ignored_codes,
    judgement_day,
    named_potentials,
    scan_across,
)


@dataclass(frozen=True)
class _Side:
    """One side as a whole: every file's entry (facts and findings) and the text of some."""

    config: Config
    scanned: tuple[Scanned, ...]
    texts: Mapping[str, str | None]

    def facts(self) -> dict[str, Facts]:
        return {s.source.rel: s.entry.facts for s in self.scanned if s.entry.facts is not None}


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
    from ksd_cli.diff.compare import compare_judged

    assert before_side.commit is not None and after_side.commit is None
    commit = before_side.commit
    config = repository.config
    if config_from_text(git.show_file(commit, CONFIG_FILE), commit) != config:
        return None
    judged = judgement_day(as_of, config.today())
    with collection_paused():
        scanned, cross = scan_across(
            repository,
            as_of=judged,
            lang=lang,
            parser="libyaml",
            progress=None,
            use_cache=use_cache,
        )
        if any(s.source.not_regular is not None for s in scanned):
            return None
        kinds = _record_folders(config)
        before_paths = [
            p for p in git.list_files(commit, kinds) if PurePosixPath(p).suffix in (".yaml", ".yml")
        ]
        now = {s.source.rel for s in scanned}
        changed = {c.path for c in git.changed_files(commit) if _is_record(c.path, kinds)}
        changed |= now.symmetric_difference(before_paths)
        after = _Side(config, tuple(scanned), {})
        old = git.read_files(commit, sorted(changed & set(before_paths)))
        max_bytes = config.validate_.max_file_kb * 1024
        old_texts = {
            rel: text_from_bytes(old.get(rel), max_bytes) for rel in changed if rel in before_paths
        }
        before = _before(after, changed, old_texts, kinds, judged, lang)
        wanted = _reach(before, after, changed)
        after_texts = _worktree_texts(scanned, wanted, max_bytes)
        existed = set(before_paths)
        before_texts = {
            rel: old_texts[rel] if rel in changed else after_texts.get(rel)
            for rel in wanted
            if rel in existed
        }
        old_side = _subset(config, before_texts, kinds)
        new_side = _subset(config, {r: t for r, t in after_texts.items() if r in now}, kinds)
        judged_before = _flags(
            before, old_side, wanted, _cross_of(before, judged, lang), as_of, lang
        )
        judged_after = _flags(after, new_side, wanted, cross, as_of, lang)
        return compare_judged(
            old_side,
            new_side,
            before_side,
            after_side,
            judged_before,
            judged_after,
            as_of=as_of,
        )


def _record_folders(config: Config) -> dict[str, Kind]:
    return {
        config.paths.agreements.strip("/"): "agreement",
        config.paths.potentials.strip("/"): "potential",
    }


def _is_record(path: str, kinds: Mapping[str, Kind]) -> bool:
    pure = PurePosixPath(path)
    return str(pure.parent) in kinds and pure.suffix in (".yaml", ".yml")


def _before(
    after: _Side,
    changed: set[str],
    old_texts: Mapping[str, str | None],
    kinds: Mapping[str, Kind],
    judged: date,
    lang: Lang,
) -> _Side:
    """The revision's side: the working tree's entries, those of the changed files read anew."""
    config = after.config
    rules = by_scope(
        r
        for r in active_rules(config.validate_.ignore)
        if r.check and r.name not in CROSS_RECORD_RULES
    )
    alone = RepositoryIndex(frozenset(), {}, config.paths.potentials + "/")
    reference = load_reference()
    entries = {s.source.rel: s for s in after.scanned if s.source.rel not in changed}
    for rel, text in old_texts.items():
        source = _source(rel, kinds)
        if text is None:
            entries[rel] = Scanned(source, Entry(None, "", None, (), ()))
            continue
        ctx = Context(reference, config, judged, alone, rel)
        facts, loading, checks, _ = check_file(
            source, text, rules[source.kind], ctx, lang, "libyaml"
        )
        entries[rel] = Scanned(source, Entry(None, "-", facts, loading, checks))
    return _Side(config, tuple(entries[rel] for rel in sorted(entries)), dict(old_texts))


def _source(rel: str, kinds: Mapping[str, Kind]) -> SourceFile:
    return SourceFile(Path(rel), rel, kinds[str(PurePosixPath(rel).parent)])


def _cross_of(side: _Side, judged: date, lang: Lang) -> tuple[Diagnostic, ...]:
    return tuple(cross_findings(side.config, side.scanned, as_of=judged, lang=lang))


def _reach(before: _Side, after: _Side, changed: set[str]) -> set[str]:
    """The files a change can reach (see the module's documentation), on either side."""
    ids: set[str] = {PurePosixPath(rel).stem for rel in changed}
    for side in (before, after):
        facts = side.facts()
        ids.update(facts[rel].id for rel in changed if rel in facts)
    wanted = set(changed)
    for side in (before, after):
        wanted |= affected_paths(side.facts(), ids)
    potentials: set[str] = set()
    for side in (before, after):
        for rel, item in side.facts().items():
            if rel in wanted:
                potentials.update(item.potensi if item.kind == "agreement" else (item.id,))
    for side in (before, after):
        for rel, item in side.facts().items():
            if item.id in potentials or any(p in potentials for p in item.potensi):
                wanted.add(rel)
    return wanted


def _worktree_texts(
    scanned: Sequence[Scanned], wanted: Iterable[str], max_bytes: int
) -> dict[str, str | None]:
    sources = {s.source.rel: s.source for s in scanned}
    texts: dict[str, str | None] = {}
    for rel in wanted:
        if rel in sources:
            text = read_text(sources[rel], max_bytes)
            texts[rel] = text if isinstance(text, str) else None
    return texts


def _subset(config: Config, texts: Mapping[str, str | None], kinds: Mapping[str, Kind]) -> Snapshot:
    return snapshot_from_texts(
        config, {rel: (kinds[str(PurePosixPath(rel).parent)], text) for rel, text in texts.items()}
    )


def _flags(
    side: _Side,
    snapshot: Snapshot,
    wanted: set[str],
    cross: Iterable[Diagnostic],
    as_of: date,
    lang: Lang,
) -> tuple[dict[str, list[Flag]], frozenset[str]]:
    """The flags of the side's sound records among ``wanted``, and the files with errors.

    As ``ksd_cli.diff.compare`` judges a snapshot: errors are the rules' (not loading's).
    """
    config = side.config
    ignored = ignored_codes(config)
    errors: dict[str, list[Diagnostic]] = defaultdict(list)
    for finding in (*(d for s in side.scanned for d in s.entry.checks), *cross):
        if finding.code not in ignored and finding.severity is Severity.ERROR:
            errors[finding.path].append(finding)
    records = [f.loaded for f in snapshot.files.values() if f.loaded is not None]
    facts = side.facts()
    named: set[str] = set()
    for rel, item in facts.items():
        if rel in errors and item.kind == "agreement":
            named.update(item.potensi)
    agreements_folder = config.paths.agreements.strip("/") + "/"
    broken = sorted(s.source.rel for s in side.scanned if s.entry.facts is None)
    for rel in broken:
        if rel.startswith(agreements_folder):
            named.update(named_potentials(_text(side, snapshot, rel)))
    ids = [item.id for item in facts.values()]
    ids.extend(PurePosixPath(rel).stem for rel in broken)
    loaded = LoadResult(
        tuple(r for r in records if r.source.rel not in errors),
        (),
        len(side.scanned),
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
        if flag.path in wanted:
            by_path.setdefault(flag.path, []).append(flag)
    return by_path, frozenset(errors)


def _text(side: _Side, snapshot: Snapshot, rel: str) -> str | None:
    if rel in snapshot.files:
        return snapshot.files[rel].text
    if rel in side.texts:
        return side.texts[rel]
    source = next(s.source for s in side.scanned if s.source.rel == rel)
    text = read_text(source, side.config.validate_.max_file_kb * 1024)
    return text if isinstance(text, str) else None
