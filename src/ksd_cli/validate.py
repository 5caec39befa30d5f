"""Validating a repository: load every record, run every rule, return one ``Report``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import PurePosixPath

from ksd_cli.diagnostics import Diagnostic, Report
from ksd_cli.loading import LoadedRecord, LoadResult, Progress, diagnostic, load_records
from ksd_cli.messages import Lang
from ksd_cli.reference import load_reference
from ksd_cli.repository import Repository
from ksd_cli.rules import RULES, find_rule
from ksd_cli.rules.base import Context, Hit, RepositoryIndex, Rule
from ksd_cli.yamlread import Document, Parser, read_document


def build_index(repository: Repository, loaded: LoadResult) -> RepositoryIndex:
    """Which ids exist and in which files, for the rules that look across records."""
    paths: dict[str, list[str]] = defaultdict(list)
    potentials: set[str] = set()
    for item in loaded.records:
        paths[item.record.id].append(item.source.rel)
        if item.source.kind == "potential":
            potentials.add(item.record.id)
    # A potential that failed validation still exists: name it by its file, so that its
    # agreements are not also reported for a missing reference.
    for source in repository.source_files():
        if source.kind == "potential" and source.rel in loaded.invalid:
            potentials.add(PurePosixPath(source.rel).stem)
    return RepositoryIndex(
        potential_ids=frozenset(potentials),
        paths_by_id={k: tuple(v) for k, v in paths.items()},
        potentials_folder=repository.config.paths.potentials + "/",
    )


def active_rules(ignore: Iterable[str]) -> tuple[Rule, ...]:
    """The rules not switched off by ``[validate] ignore`` (codes or names)."""
    off = {rule.code for name in ignore if (rule := find_rule(name)) is not None}
    return tuple(rule for rule in RULES if rule.code not in off)


def check_records(
    repository: Repository,
    loaded: LoadResult,
    *,
    as_of: date,
    lang: Lang,
    parser: Parser = "libyaml",
    only: frozenset[str] | None = None,
) -> list[Diagnostic]:
    """Run every active rule on every valid record (or those in ``only``)."""
    rules = active_rules(repository.config.validate_.ignore)
    by_scope = {
        kind: [r for r in rules if r.check and r.scope in (kind, "record")]
        for kind in ("agreement", "potential")
    }
    reference = load_reference()
    index = build_index(repository, loaded)
    findings: list[Diagnostic] = []
    for item in loaded.records:
        if only is not None and item.source.rel not in only:
            continue
        ctx = Context(reference, repository.config, as_of, index, item.source.rel)
        document: Document | None = None
        for rule in by_scope[item.source.kind]:
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
        from ksd_cli.messages import message

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
CROSS_RECORD_RULES = frozenset({"unknown-potensi", "duplicate-id"})


def affected_records(loaded: LoadResult, ids: Iterable[str]) -> frozenset[str]:
    """The files of the records that reference one of ``ids`` or carry one of them.

    These are the records whose cross-record findings (unknown-potensi R004, duplicate-id
    S009) can change when the records with those ids change, are renamed or removed.
    """
    wanted = frozenset(ids)
    affected = set()
    for item in loaded.records:
        record = item.record
        references = getattr(record, "potensi", None) if item.source.kind == "agreement" else None
        if record.id in wanted or any(p in wanted for p in references or ()):
            affected.add(item.source.rel)
    return frozenset(affected)


def validate_repository(
    repository: Repository,
    *,
    as_of: date,
    lang: Lang = "id",
    paths: Iterable[str] | None = None,
    parser: Parser = "libyaml",
    progress: Progress | None = None,
    changed_ids: Iterable[str] | None = None,
) -> Report:
    """Check the whole repository; with ``paths`` (relative, forward slashes) report only those.

    References are always resolved against the whole repository. With ``changed_ids`` (the
    ids of changed records, before and after the change), the records those changes affect
    are reported too, with the findings such changes can cause there (``CROSS_RECORD_RULES``):
    records whose ``potensi`` names one of the ids, or that carry one.
    """
    loaded = load_records(repository, lang=lang, parser=parser, progress=progress)
    only = frozenset(paths) if paths is not None else None
    affected = frozenset[str]()
    if only is not None and changed_ids is not None:
        affected = affected_records(loaded, changed_ids) - only
        only = only | affected
    findings = list(loaded.diagnostics)
    findings.extend(
        check_records(repository, loaded, as_of=as_of, lang=lang, parser=parser, only=only)
    )
    ignored = {r.code for r in RULES} - {
        r.code for r in active_rules(repository.config.validate_.ignore)
    }
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
    checked = read if only is None else only
    return Report.build(kept, files=files, records=records, checked=checked)
