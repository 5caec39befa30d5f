"""The comparison of two snapshots: changed fields, stage and status moves, flags raised/cleared."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from ksd_cli.diff.model import (
    MISSING,
    DiffResult,
    FieldChange,
    Loc,
    RecordChange,
    RecordDiff,
    Side,
    Transition,
    jsonable,
    record_path,
)
from ksd_cli.diff.snapshot import (
    Snapshot,
    SnapshotFile,
    resolve_sides,
    snapshot_at,
    snapshot_worktree,
)
from ksd_cli.gitio import GitRepository, open_git
from ksd_cli.lifecycle import lifecycle
from ksd_cli.messages import Lang
from ksd_cli.models import PLACEHOLDER, Agreement
from ksd_cli.reference import load_reference
from ksd_cli.repository import Repository
from ksd_cli.stalled import Flag, find_stalled

# The diff ------------------------------------------------------------------------------------


def semantic_diff(
    repository: Repository,
    rev_a: str | None,
    rev_b: str | None,
    *,
    as_of: date,
    lang: Lang = "id",
    use_cache: bool = True,
    quick: bool = True,
    git: GitRepository | None = None,
) -> DiffResult:
    """Compare two revisions (``rev_b`` None: the working tree), as of ``as_of``.

    Revisions follow ``resolve_sides``: ``A..B`` and ``A...B`` are accepted as ``rev_a``.
    Against the working tree, only the records a change can reach are read (``quick``,
    through the record cache unless ``use_cache`` is false; see ``ksd_cli.diff.quick``).
    ``git``: the repository's git work tree, when the caller opened it (and started git's
    listings ahead: ``GitRepository.start_listings``).
    """
    git = git if git is not None else open_git(repository.root, rev_a)
    before_side, after_side = resolve_sides(git, rev_a, rev_b)
    assert before_side.commit is not None
    if after_side.commit is None and quick:
        from ksd_cli.diff.quick import worktree_diff

        found = worktree_diff(
            repository, git, before_side, after_side, as_of=as_of, lang=lang, use_cache=use_cache
        )
        if found is not None:
            return found
    before = snapshot_at(git, before_side.commit)
    after = (
        snapshot_worktree(repository)
        if after_side.commit is None
        else snapshot_at(git, after_side.commit)
    )
    return compare(before, after, before_side, after_side, as_of=as_of, lang=lang)


def compare(
    before: Snapshot,
    after: Snapshot,
    before_side: Side,
    after_side: Side,
    *,
    as_of: date,
    lang: Lang = "id",
) -> DiffResult:
    """The semantic diff of two snapshots, as of ``as_of``."""
    reference = load_reference()
    judged_before = _flags(before, as_of, lang, reference)
    judged_after = _flags(after, as_of, lang, reference)
    return compare_judged(
        before, after, before_side, after_side, judged_before, judged_after, as_of=as_of
    )


#: A side's flags by file, and the files with errors (see ``_flags``).
Judged = tuple[dict[str, list[Flag]], frozenset[str]]


def compare_judged(
    before: Snapshot,
    after: Snapshot,
    before_side: Side,
    after_side: Side,
    judged_before: Judged,
    judged_after: Judged,
    *,
    as_of: date,
) -> DiffResult:
    """The diff of two snapshots whose flags and unsound files are already known.

    The snapshots may hold only some files (``ksd_cli.diff.quick``): the others are the same.
    """
    flags_before, unsound_before = judged_before
    flags_after, unsound_after = judged_after
    records = []
    for path in sorted(set(before.files) | set(after.files)):
        # A record with errors is not judged: no stage, status or flag from its contents.
        old = _judged(before.files.get(path), unsound_before)
        new = _judged(after.files.get(path), unsound_after)
        flags_old, flags_new = flags_before.get(path, ()), flags_after.get(path, ())
        raised: tuple[Flag, ...] = ()
        cleared: tuple[Flag, ...] = ()
        unjudged: tuple[Flag, ...] = ()
        if _invalid(old) or _invalid(new):
            # Unknown on the side with errors: neither cleared there nor raised from there.
            unjudged = tuple(flags_new or flags_old)
        else:
            raised = _minus(flags_new, flags_old)
            cleared = _minus(flags_old, flags_new)
        diff = _record_diff(path, old, new, raised, cleared, as_of, unjudged)
        if diff is not None:
            records.append(diff)
    records.sort(key=lambda r: (r.kind != "agreement", r.id, r.path))
    return DiffResult(before_side, after_side, as_of, tuple(records))


def _judged(file: SnapshotFile | None, unsound: frozenset[str]) -> SnapshotFile | None:
    """The file as diffed: without its record when that has errors (listed as invalid)."""
    if file is None or file.loaded is None or file.source.rel not in unsound:
        return file
    return SnapshotFile(file.source, file.text, file.data, None)


def _invalid(file: SnapshotFile | None) -> bool:
    """Whether the file is on this side but its record has errors (is not judged)."""
    return file is not None and file.loaded is None


def _flags(
    snapshot: Snapshot, as_of: date, lang: Lang, reference: Any
) -> tuple[dict[str, list[Flag]], frozenset[str]]:
    """The flags of the snapshot's sound records by file, and the files with errors."""
    from ksd_cli.validate import sound_records

    def text_of(rel: str) -> str | None:
        return snapshot.files[rel].text

    loaded = snapshot.load_result()
    today = snapshot.config.today()
    sound = sound_records(snapshot.config, loaded, text_of, as_of=as_of, lang=lang, today=today)
    result = find_stalled(sound, snapshot.config, reference, as_of=as_of, lang=lang)
    by_path: dict[str, list[Flag]] = {}
    for flag in result.flags:
        by_path.setdefault(flag.path, []).append(flag)
    return by_path, frozenset(sound.errors)


def _minus(these: Iterable[Flag], those: Iterable[Flag]) -> tuple[Flag, ...]:
    known = {(f.code, f.naskah) for f in those}
    return tuple(f for f in these if (f.code, f.naskah) not in known)


def _record_diff(
    path: str,
    old: SnapshotFile | None,
    new: SnapshotFile | None,
    raised: tuple[Flag, ...],
    cleared: tuple[Flag, ...],
    as_of: date,
    unjudged: tuple[Flag, ...] = (),
) -> RecordDiff | None:
    either = new if new is not None else old
    assert either is not None
    kind = either.source.kind
    data_old = old.data if old is not None else None
    data_new = new.data if new is not None else None
    if old is None:
        change: RecordChange = "added"
        fields: tuple[FieldChange, ...] = ()
    elif new is None:
        change = "removed"
        fields = ()
    elif data_old is not None and data_new is not None:
        fields = tuple(diff_values(data_old, data_new))
        validity = (old.loaded is None) != (new.loaded is None)
        change = "changed" if fields or validity else "flags"
    else:
        fields = ()
        change = "changed" if old.text != new.text else "flags"
    if change == "flags" and not raised and not cleared:
        return None
    tahap = status = None
    if kind == "agreement":
        state_old = _state(old, as_of)
        state_new = _state(new, as_of)
        tahap = Transition(state_old[0], state_new[0])
        status = Transition(state_old[1], state_new[1])
    return RecordDiff(
        path=path,
        id=_record_id(data_new, data_old, path),
        kind=kind,
        change=change,
        judul=_title(data_new) or _title(data_old) or "",
        fields=fields,
        tahap=tahap,
        status=status,
        flags_raised=raised,
        flags_cleared=cleared,
        valid_before=None if old is None else old.loaded is not None,
        valid_after=None if new is None else new.loaded is not None,
        placeholders=tuple(placeholders(data_new)) if data_new is not None else (),
        flags_unjudged=unjudged,
    )


def _state(file: SnapshotFile | None, as_of: date) -> tuple[str | None, str | None]:
    if file is None or file.loaded is None or not isinstance(file.loaded.record, Agreement):
        return None, None
    state = lifecycle(file.loaded.record, as_of)
    return state.tahap_terakhir, state.status


def _record_id(new: dict[str, Any] | None, old: dict[str, Any] | None, path: str) -> str:
    for data in (new, old):
        if data is not None and isinstance(data.get("id"), str):
            return str(data["id"])
    return PurePosixPath(path).stem


def _title(data: dict[str, Any] | None) -> str | None:
    if data is None:
        return None
    for key in ("judul", "potensi"):
        value = data.get(key)
        if isinstance(value, str):
            return value
    return None


def diff_values(old: Any, new: Any, loc: Loc = ()) -> Iterable[FieldChange]:
    """The leaf-level changes from ``old`` to ``new`` (mappings by key, lists aligned).

    A mapping or list added or removed as a whole is given leaf by leaf
    (``naskah[2].tanggal_ttd: — → 2025-01-20``), so that every value can be read.
    """
    if old is MISSING or new is MISSING:
        value = new if old is MISSING else old
        items = (
            list(value.items())
            if isinstance(value, dict)
            else list(enumerate(value))
            if isinstance(value, list)
            else []
        )
        if not items:
            yield FieldChange(loc, old, new)
        for key, item in items:
            pair = (MISSING, item) if old is MISSING else (item, MISSING)
            yield from diff_values(*pair, (*loc, key))
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*new, *(k for k in old if k not in new)]:
            if key not in old:
                yield from diff_values(MISSING, new[key], (*loc, key))
            elif key not in new:
                yield from diff_values(old[key], MISSING, (*loc, key))
            elif not _same(old[key], new[key]):
                yield from diff_values(old[key], new[key], (*loc, key))
        return
    if isinstance(old, list) and isinstance(new, list):
        yield from _diff_lists(old, new, loc)
        return
    if not _same(old, new):
        yield FieldChange(loc, old, new)


def _diff_lists(old: list[Any], new: list[Any], loc: Loc) -> Iterable[FieldChange]:
    matcher = difflib.SequenceMatcher(
        a=[_key(x) for x in old], b=[_key(x) for x in new], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):
            yield from diff_values(old[i1 + k], new[j1 + k], (*loc, j1 + k))
        for k in range(i1 + paired, i2):
            yield from diff_values(old[k], MISSING, (*loc, k))
        for k in range(j1 + paired, j2):
            yield from diff_values(MISSING, new[k], (*loc, k))


def _key(value: Any) -> str:
    return json.dumps(jsonable(value), sort_keys=True, ensure_ascii=False)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dict | list) or isinstance(b, dict | list):
        return _identical(a, b) or _key(a) == _key(b)
    return type(a) is type(b) and a == b


#: Values that, equal and of the same type, have the same :func:`_key` (a float does not:
#: ``0.0 == -0.0``; nor an aware datetime: the same instant in two zones).
_PLAIN = frozenset({str, int, bool, type(None), date})


def _identical(a: Any, b: Any) -> bool:
    """Whether ``a`` and ``b`` are equal, with the same types throughout.

    Then their :func:`_key` is the same, found without writing either as JSON. ``False``
    says nothing: the keys may still be the same.
    """
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is dict:
        return len(a) == len(b) and all(
            type(k) is str and k in b and _identical(v, b[k]) for k, v in a.items()
        )
    if kind is list:
        return len(a) == len(b) and all(map(_identical, a, b))
    return kind in _PLAIN and a == b


def placeholders(data: Any, loc: Loc = ()) -> Iterable[str]:
    """Paths of the text values still holding a ``ksd new`` placeholder (``ISI: ...``)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from placeholders(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from placeholders(value, (*loc, i))
    elif isinstance(data, str) and data.startswith(PLACEHOLDER):
        yield record_path(loc)
