"""Semantic diff of a data repository between two revisions (or a revision and the work tree).

For a reviewer: which records were added or removed, which fields changed (``old → new`` by
record path, ``naskah[2].tanggal_ttd``, positions 1-based like ``induk``), how each
cooperation's stage and status moved as of one date, and which stalled flags appeared or
cleared, on both sides computed with the whole repository of that side and its ``ksd.toml``.
"""

from __future__ import annotations

import difflib
import json
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import ValidationError

from ksd_cli.config import CONFIG_FILE, Config
from ksd_cli.errors import UserError
from ksd_cli.gitio import GitRepository, open_git
from ksd_cli.lifecycle import lifecycle
from ksd_cli.loading import MODELS, LoadedRecord, LoadResult, read_text
from ksd_cli.messages import Lang
from ksd_cli.models import Agreement
from ksd_cli.reference import load_reference
from ksd_cli.repository import Kind, Repository, SourceFile
from ksd_cli.stalled import Flag, find_stalled
from ksd_cli.yamlread import LoadProblem, read_document

SCHEMA_VERSION = 1
#: Text values starting with this are placeholders written by ``ksd new``, still to be filled.
PLACEHOLDER = "ISI:"
RecordChange = Literal["added", "removed", "changed", "flags"]
FieldChangeKind = Literal["added", "removed", "changed"]
Loc = tuple[str | int, ...]


class _Missing:
    """The value of a field that does not exist on one side."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class Side:
    """One side of the comparison: a revision (with its commit), or the working tree."""

    revision: str | None
    commit: str | None
    short: str | None = None

    @property
    def working_tree(self) -> bool:
        """Whether this side is the files on disk."""
        return self.commit is None

    def as_dict(self) -> dict[str, object]:
        """JSON form."""
        return {
            "revision": self.revision,
            "commit": self.commit,
            "working_tree": self.working_tree,
        }


@dataclass(frozen=True)
class FieldChange:
    """One changed value: where (``naskah[2].tanggal_ttd``), and the values before and after."""

    loc: Loc
    old: Any
    new: Any

    @property
    def kind(self) -> FieldChangeKind:
        """added, removed or changed."""
        if self.old is MISSING:
            return "added"
        if self.new is MISSING:
            return "removed"
        return "changed"

    @property
    def path(self) -> str:
        """The record path with 1-based positions: ``naskah[2].tanggal_ttd``."""
        return record_path(self.loc)

    def as_dict(self) -> dict[str, object]:
        """JSON form (``loc`` holds 0-based positions, ``path`` 1-based ones)."""
        return {
            "path": self.path,
            "loc": list(self.loc),
            "change": self.kind,
            "old": None if self.old is MISSING else jsonable(self.old),
            "new": None if self.new is MISSING else jsonable(self.new),
        }


@dataclass(frozen=True)
class Transition:
    """A derived value before and after (None: not applicable, or the record does not load)."""

    old: str | None
    new: str | None

    @property
    def changed(self) -> bool:
        """Whether it moved."""
        return self.old != self.new

    def as_dict(self) -> dict[str, object]:
        """JSON form."""
        return {"old": self.old, "new": self.new, "changed": self.changed}


@dataclass(frozen=True)
class RecordDiff:
    """What changed in one record file."""

    path: str
    id: str
    kind: Kind
    change: RecordChange
    judul: str
    fields: tuple[FieldChange, ...] = ()
    tahap: Transition | None = None
    status: Transition | None = None
    flags_raised: tuple[Flag, ...] = ()
    flags_cleared: tuple[Flag, ...] = ()
    valid_before: bool | None = None
    valid_after: bool | None = None
    placeholders: tuple[str, ...] = ()

    @property
    def stuck(self) -> bool:
        """Whether a stalled flag (not a mere reminder) appeared."""
        return any(f.kategori == "macet" for f in self.flags_raised)

    def as_dict(self) -> dict[str, object]:
        """JSON form."""
        return {
            "id": self.id,
            "path": self.path,
            "kind": self.kind,
            "change": self.change,
            "judul": self.judul,
            "fields": [f.as_dict() for f in self.fields],
            "tahap": self.tahap.as_dict() if self.tahap else None,
            "status": self.status.as_dict() if self.status else None,
            "flags_raised": [f.as_dict() for f in self.flags_raised],
            "flags_cleared": [f.as_dict() for f in self.flags_cleared],
            "valid": {"before": self.valid_before, "after": self.valid_after},
            "placeholders": list(self.placeholders),
        }


@dataclass(frozen=True)
class DiffResult:
    """Every record that changed between two sides, as of one date."""

    before: Side
    after: Side
    as_of: date
    records: tuple[RecordDiff, ...]
    schema_version: int = field(default=SCHEMA_VERSION, init=False)

    def count(self, change: RecordChange) -> int:
        """Number of records with this kind of change."""
        return sum(1 for r in self.records if r.change == change)

    @property
    def flags_raised(self) -> int:
        """Number of flags that appeared."""
        return sum(len(r.flags_raised) for r in self.records)

    @property
    def flags_cleared(self) -> int:
        """Number of flags that cleared."""
        return sum(len(r.flags_cleared) for r in self.records)

    def as_dict(self) -> dict[str, object]:
        """The stable JSON form (schema version 1)."""
        return {
            "schema_version": self.schema_version,
            "as_of": self.as_of.isoformat(),
            "before": self.before.as_dict(),
            "after": self.after.as_dict(),
            "summary": {
                "added": self.count("added"),
                "removed": self.count("removed"),
                "changed": self.count("changed"),
                "flags_raised": self.flags_raised,
                "flags_cleared": self.flags_cleared,
            },
            "records": [r.as_dict() for r in self.records],
        }


# Snapshots: the repository as it is at one side -------------------------------------------------


@dataclass(frozen=True)
class _File:
    """One record file of a snapshot: its data when it parses, its record when it validates."""

    source: SourceFile
    text: str | None
    data: dict[str, Any] | None
    loaded: LoadedRecord | None


@dataclass(frozen=True)
class Snapshot:
    """The record files and the configuration of one side."""

    config: Config
    files: Mapping[str, _File]

    def load_result(self) -> LoadResult:
        """The valid records, as ``load_records`` gives them (for ``find_stalled``)."""
        records = tuple(f.loaded for f in self.files.values() if f.loaded is not None)
        invalid = frozenset(rel for rel, f in self.files.items() if f.loaded is None)
        return LoadResult(records, (), len(self.files), invalid)


def snapshot_from_texts(config: Config, texts: Mapping[str, tuple[Kind, str | None]]) -> Snapshot:
    """A snapshot from file texts (None: a file that cannot be decoded)."""
    files: dict[str, _File] = {}
    for rel, (kind, text) in sorted(texts.items()):
        source = SourceFile(Path(rel), rel, kind)
        files[rel] = _load(source, text)
    return Snapshot(config, files)


def _load(source: SourceFile, text: str | None) -> _File:
    if text is None:
        return _File(source, None, None, None)
    document = read_document(text)
    if isinstance(document, LoadProblem) or not isinstance(document.data, dict):
        return _File(source, text, None, None)
    try:
        record = MODELS[source.kind].model_validate(document.data)
    except ValidationError:
        return _File(source, text, document.data, None)
    # Like load_records: a record with a loading finding (a duplicate key) is still assessed.
    return _File(source, text, document.data, LoadedRecord(source, record, text))


def snapshot_worktree(repository: Repository) -> Snapshot:
    """The repository as it is on disk."""
    max_bytes = repository.config.validate_.max_file_kb * 1024
    texts: dict[str, tuple[Kind, str | None]] = {}
    for source in repository.source_files():
        text = read_text(source, max_bytes)
        texts[source.rel] = (source.kind, None if isinstance(text, LoadProblem) else text)
    return snapshot_from_texts(repository.config, texts)


def snapshot_at(git: GitRepository, revision: str) -> Snapshot:
    """The repository as committed at ``revision`` (its ``ksd.toml`` included)."""
    config = config_from_text(git.show_file(revision, CONFIG_FILE), revision)
    folders: dict[str, Kind] = {
        config.paths.agreements.strip("/"): "agreement",
        config.paths.potentials.strip("/"): "potential",
    }
    paths = [
        p for p in git.list_files(revision, folders) if PurePosixPath(p).suffix in (".yaml", ".yml")
    ]
    contents = git.read_files(revision, paths)
    max_bytes = config.validate_.max_file_kb * 1024
    texts: dict[str, tuple[Kind, str | None]] = {}
    for path in paths:
        kind = folders[str(PurePosixPath(path).parent)]
        data = contents.get(path)
        text = None
        if data is not None and len(data) <= max_bytes:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = None
        texts[path] = (kind, text)
    return snapshot_from_texts(config, texts)


def config_from_text(data: bytes | None, revision: str) -> Config:
    """``ksd.toml`` as committed (defaults when absent); a bad file is a UserError."""
    if data is None:
        return Config()
    try:
        return Config.model_validate(tomllib.loads(data.decode("utf-8-sig")))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise UserError(
            f"{revision}:{CONFIG_FILE}: konfigurasi tidak valid / invalid configuration",
            hint=str(exc).splitlines()[0],
        ) from None


@dataclass(frozen=True)
class ChangeSet:
    """The record files changed since a revision, and the ids they carried before and after."""

    paths: tuple[str, ...]  # changed record files that exist now
    ids: frozenset[str]  # ids of every changed record file, old and new (stems included)
    config_changed: bool  # ksd.toml changed: every record may be judged differently


def changes_since(repository: Repository, revision: str) -> ChangeSet:
    """What changed in the records since ``revision`` (committed, staged, unstaged, untracked)."""
    git = open_git(repository.root)
    folders = {
        repository.config.paths.agreements.strip("/").removeprefix("./"),
        repository.config.paths.potentials.strip("/").removeprefix("./"),
    }
    changes = git.changed_files(revision)
    records = [
        c
        for c in changes
        if str(PurePosixPath(c.path).parent) in folders
        and PurePosixPath(c.path).suffix in (".yaml", ".yml")
    ]
    ids = {PurePosixPath(c.path).stem for c in records}
    old = git.read_files(revision, [c.path for c in records if c.status != "added"])
    for content in old.values():
        ids.update(_id_in(content.decode("utf-8-sig", "replace")))
    existing = []
    for change in records:
        path = repository.root / change.path
        if path.is_file():
            existing.append(change.path)
            ids.update(_id_in(path.read_text(encoding="utf-8-sig", errors="replace")))
    return ChangeSet(tuple(existing), frozenset(ids), any(c.path == CONFIG_FILE for c in changes))


def _id_in(text: str) -> list[str]:
    document = read_document(text)
    if isinstance(document, LoadProblem) or not isinstance(document.data, dict):
        return []
    value = document.data.get("id")
    return [value] if isinstance(value, str) else []


# Revisions ---------------------------------------------------------------------------------------


def resolve_sides(git: GitRepository, rev_a: str | None, rev_b: str | None) -> tuple[Side, Side]:
    """The two sides named on the command line.

    ``A..B`` is ``A B``; ``A...B`` compares B with where it left A (their merge base). No
    ``A``: the merge base of the default branch and HEAD. No ``B``: the working tree.
    """
    if rev_a is not None and rev_b is None and ".." in rev_a:
        three = "..." in rev_a
        left, right = rev_a.split("..." if three else "..", 1)
        left, right = left or "HEAD", right or "HEAD"
        if three:
            base = git.merge_base(left, right)
            return (
                Side(f"{left}...{right}", base, git.short(base)),
                _side(git, right),
            )
        return _side(git, left), _side(git, right)
    if rev_a is None:
        branch = git.default_branch()
        base = git.merge_base(branch, "HEAD")
        before = Side(f"merge-base {branch}", base, git.short(base))
    else:
        before = _side(git, rev_a)
    after = _side(git, rev_b) if rev_b is not None else Side(None, None)
    return before, after


def _side(git: GitRepository, revision: str) -> Side:
    commit = git.resolve(revision)
    return Side(revision, commit, git.short(commit))


# The diff ------------------------------------------------------------------------------------


def semantic_diff(
    repository: Repository,
    rev_a: str | None,
    rev_b: str | None,
    *,
    as_of: date,
    lang: Lang = "id",
) -> DiffResult:
    """Compare two revisions (``rev_b`` None: the working tree), as of ``as_of``.

    Revisions follow ``resolve_sides``: ``A..B`` and ``A...B`` are accepted as ``rev_a``.
    """
    git = open_git(repository.root)
    before_side, after_side = resolve_sides(git, rev_a, rev_b)
    assert before_side.commit is not None
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
    flags_before = _flags(before, as_of, lang, reference)
    flags_after = _flags(after, as_of, lang, reference)
    records = []
    for path in sorted(set(before.files) | set(after.files)):
        old, new = before.files.get(path), after.files.get(path)
        raised = _minus(flags_after.get(path, ()), flags_before.get(path, ()))
        cleared = _minus(flags_before.get(path, ()), flags_after.get(path, ()))
        diff = _record_diff(path, old, new, raised, cleared, as_of)
        if diff is not None:
            records.append(diff)
    records.sort(key=lambda r: (r.kind != "agreement", r.id, r.path))
    return DiffResult(before_side, after_side, as_of, tuple(records))


def _flags(snapshot: Snapshot, as_of: date, lang: Lang, reference: Any) -> dict[str, list[Flag]]:
    result = find_stalled(
        snapshot.load_result(), snapshot.config, reference, as_of=as_of, lang=lang
    )
    by_path: dict[str, list[Flag]] = {}
    for flag in result.flags:
        by_path.setdefault(flag.path, []).append(flag)
    return by_path


def _minus(these: Iterable[Flag], those: Iterable[Flag]) -> tuple[Flag, ...]:
    known = {(f.code, f.naskah) for f in those}
    return tuple(f for f in these if (f.code, f.naskah) not in known)


def _record_diff(
    path: str,
    old: _File | None,
    new: _File | None,
    raised: tuple[Flag, ...],
    cleared: tuple[Flag, ...],
    as_of: date,
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
    )


def _state(file: _File | None, as_of: date) -> tuple[str | None, str | None]:
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
        return _key(a) == _key(b)
    return type(a) is type(b) and a == b


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


def record_path(loc: Sequence[str | int]) -> str:
    """``("naskah", 1, "tanggal_ttd")`` as ``naskah[2].tanggal_ttd`` (1-based, like ``induk``)."""
    out = ""
    for segment in loc:
        if isinstance(segment, int):
            out += f"[{segment + 1}]"
        else:
            out += f".{segment}" if out else str(segment)
    return out


def jsonable(value: Any) -> Any:
    """Loaded YAML data as JSON values (dates as ISO text)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value != value:
        return None
    return value


# Rendering ---------------------------------------------------------------------------------

_TEXT: dict[str, tuple[str, str]] = {
    "working_tree": ("working tree", "working tree"),
    "as_of": ("per", "as of"),
    "summary": (
        "{changed} diubah, {added} ditambahkan, {removed} dihapus",
        "{changed} changed, {added} added, {removed} removed",
    ),
    "flags": (
        "tanda macet: {raised} muncul, {cleared} teratasi",
        "stalled flags: {raised} raised, {cleared} cleared",
    ),
    "nothing": ("Tidak ada perubahan rekaman.", "No record changed."),
    "tahap": ("tahap", "stage"),
    "status": ("status", "status"),
    "raised": ("MACET BARU", "NEWLY STUCK"),
    "raised.pengingat": ("PENGINGAT BARU", "NEW REMINDER"),
    "cleared": ("teratasi", "cleared"),
    "added": ("ditambahkan", "added"),
    "removed": ("dihapus", "removed"),
    "invalid": (
        "tidak valid di sisi {side}: jalankan ksd validate",
        "invalid on the {side} side: run ksd validate",
    ),
    "before": ("sebelum", "before"),
    "after": ("sesudah", "after"),
    "placeholders": (
        "isian `ksd new` belum diganti: {paths}",
        "`ksd new` placeholders still to fill: {paths}",
    ),
    "md.title": ("Perubahan rekaman", "Record changes"),
    "md.record": ("Rekaman", "Record"),
    "md.flags": ("Tanda macet", "Stalled flags"),
    "md.field": ("Kolom", "Field"),
    "md.new": ("baru", "new"),
}
_MARK = {"added": "+", "removed": "-", "changed": "~", "flags": "!"}
_MD_MARK = {"added": "➕", "removed": "➖", "changed": "✏️", "flags": "⚠️"}


def _t(key: str, lang: Lang, **args: object) -> str:
    return _TEXT[key][0 if lang == "id" else 1].format(**args)


def _side_label(side: Side, lang: Lang) -> str:
    if side.working_tree:
        return _t("working_tree", lang)
    if side.revision and side.short and not side.revision.startswith(side.short):
        return f"{side.revision} ({side.short})"
    return side.short or side.revision or "?"


def show_value(value: Any, limit: int = 70) -> str:
    """A value on one line for people: dates ISO, lists and mappings in flow form, shortened."""
    if value is MISSING or value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        text = "{" + ", ".join(f"{k}: {show_value(v, limit)}" for k, v in value.items()) + "}"
    elif isinstance(value, list):
        text = "[" + ", ".join(show_value(v, limit) for v in value) + "]"
    elif isinstance(value, datetime | date):
        text = value.isoformat()
    else:
        text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _arrow(transition: Transition, change: RecordChange = "changed") -> str:
    old, new = transition.old or "—", transition.new or "—"
    if change == "added":
        return new
    if change == "removed":
        return old
    return f"{old} → {new}" if transition.changed else new


def render_text(result: DiffResult, lang: Lang = "id") -> str:
    """The diff for a terminal: one block per record, most telling lines first."""
    lines = [
        f"ksd diff {_side_label(result.before, lang)} → {_side_label(result.after, lang)} · "
        f"{_t('as_of', lang)} {result.as_of.isoformat()}",
        _t(
            "summary",
            lang,
            changed=result.count("changed"),
            added=result.count("added"),
            removed=result.count("removed"),
        )
        + " · "
        + _t("flags", lang, raised=result.flags_raised, cleared=result.flags_cleared),
    ]
    if not result.records:
        lines += ["", _t("nothing", lang)]
    for record in result.records:
        lines.append("")
        lines.extend(_text_record(record, lang))
    return "\n".join(lines) + "\n"


def _text_record(record: RecordDiff, lang: Lang) -> list[str]:
    title = show_value(record.judul, 60)
    head = f"{_MARK[record.change]} {record.id}  {title}"
    if record.change in ("added", "removed"):
        head += f"  ({_t(record.change, lang)})"
    out = [head]
    if record.tahap is not None and record.status is not None:
        out.append(
            f"    {_t('tahap', lang)} {_arrow(record.tahap, record.change)} · "
            f"{_t('status', lang)} {_arrow(record.status, record.change)}"
        )
    width = max((len(f.path) for f in record.fields), default=0)
    for change in record.fields:
        if change.kind == "added":
            value = f"+ {show_value(change.new)}"
        elif change.kind == "removed":
            value = f"- {show_value(change.old)}"
        else:
            value = f"{show_value(change.old, 34)} → {show_value(change.new, 34)}"
        out.append(f"    {change.path.ljust(width)}  {value}")
    for flag in record.flags_raised:
        label = _t("raised" if flag.kategori == "macet" else "raised.pengingat", lang)
        out.append(f"    {label}  {flag.code}: {flag.message}")
    for flag in record.flags_cleared:
        out.append(f"    {_t('cleared', lang)}  {flag.code}")
    out.extend(f"    {line}" for line in _notes(record, lang))
    return out


def _notes(record: RecordDiff, lang: Lang) -> list[str]:
    notes = []
    if record.valid_before is False:
        notes.append(_t("invalid", lang, side=_t("before", lang)))
    if record.valid_after is False:
        notes.append(_t("invalid", lang, side=_t("after", lang)))
    if record.placeholders:
        notes.append(_t("placeholders", lang, paths=", ".join(record.placeholders)))
    return notes


def _cell(text: str) -> str:
    from ksd_cli.escaping import markdown_cell

    return markdown_cell(text)


def _code(text: str, *, in_table: bool = False) -> str:
    from ksd_cli.escaping import markdown_code

    return markdown_code(text, in_table=in_table)


def render_markdown(result: DiffResult, lang: Lang = "id") -> str:
    """The diff for a pull-request comment or ``$GITHUB_STEP_SUMMARY``."""
    before = _side_label(result.before, lang)
    after = _side_label(result.after, lang)
    out = [
        f"### {_t('md.title', lang)}: `{before}` → `{after}`",
        "",
        f"{_t('as_of', lang).capitalize()} {result.as_of.isoformat()} · **"
        + _t(
            "summary",
            lang,
            changed=result.count("changed"),
            added=result.count("added"),
            removed=result.count("removed"),
        )
        + "** · "
        + _t("flags", lang, raised=f"**{result.flags_raised}**", cleared=result.flags_cleared),
        "",
    ]
    if not result.records:
        out.append(_t("nothing", lang))
        return "\n".join(out) + "\n"
    out += [
        f"| | {_t('md.record', lang)} | {_t('tahap', lang).capitalize()} | "
        f"{_t('status', lang).capitalize()} | {_t('md.flags', lang)} |",
        "|---|---|---|---|---|",
    ]
    for record in result.records:
        tahap = _arrow(record.tahap, record.change) if record.tahap else ""
        status = _arrow(record.status, record.change) if record.status else ""
        if record.change == "changed" and record.tahap is not None and record.tahap.changed:
            tahap = f"**{tahap}**"
        if record.change == "changed" and record.status is not None and record.status.changed:
            status = f"**{status}**"
        flags = [f"⚠️ `{f.code}`" for f in record.flags_raised]
        flags += [f"✅ ~~`{f.code}`~~" for f in record.flags_cleared]
        out.append(
            f"| {_MD_MARK[record.change]} | **{record.id}** {_cell(show_value(record.judul, 60))} "
            f"| {tahap} | {status} | {' '.join(flags)} |"
        )
    for record in result.records:
        details = _md_details(record, lang)
        if details:
            out += ["", *details]
    return "\n".join(out) + "\n"


def _md_details(record: RecordDiff, lang: Lang) -> list[str]:
    if not (record.fields or record.flags_raised or record.flags_cleared or _notes(record, lang)):
        return []
    out = [f"#### {record.id} — {_cell(show_value(record.judul, 80))}", "", _code(record.path), ""]
    if record.fields:
        out += [
            f"| {_t('md.field', lang)} | {_t('before', lang).capitalize()} | "
            f"{_t('after', lang).capitalize()} |",
            "|---|---|---|",
        ]
        for change in record.fields:
            out.append(
                f"| {_code(change.path, in_table=True)} | {_cell(show_value(change.old, 60))} | "
                f"{_cell(show_value(change.new, 60))} |"
            )
        out.append("")
    for flag in record.flags_raised:
        label = _t("raised" if flag.kategori == "macet" else "raised.pengingat", lang)
        out.append(f"- ⚠️ **{label}** `{flag.code}`: {_cell(flag.message)}")
    for flag in record.flags_cleared:
        out.append(f"- ✅ {_t('cleared', lang)} `{flag.code}`: {_cell(flag.message)}")
    for note in _notes(record, lang):
        out.append(f"- ⚠️ {note}")
    return out
