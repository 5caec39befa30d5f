"""``ksd import``: a register to agreement records, planned in memory, then written at once.

:func:`plan_import` reads the sheet, finds the columns, parses and groups the rows, matches
each group to an existing record (by the export's key column, by a document number, or by the
``ksd import: sumber`` comment a previous import wrote) and computes the text of every record
to create or update. Nothing touches the disk until :func:`write_plan`, which writes nothing
when the plan has an error, unless told to skip the bad rows.

Record format v1 has no field for where a record came from, so a created record starts with a
YAML comment ``# ksd import: sumber register.xlsx, lembar Daftar, baris 5, 7``.
"""

from __future__ import annotations

import copy
import io
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from ksd_cli.errors import UserError
from ksd_cli.messages import Lang, Msg, message
from ksd_cli.models import Agreement
from ksd_cli.register.grouping import (
    NASKAH_FIELDS,
    RECORD_FIELDS,
    CellReader,
    Finding,
    Level,
    ParsedRow,
    group_rows,
    parse_row,
)
from ksd_cli.register.headings import (
    FIELDS,
    HEADER_SEARCH_ROWS,
    Layout,
    apply_overrides,
    detect_layout,
)
from ksd_cli.register.readers import Sheet, cell_name, read_sheet
from ksd_cli.register.values import cell_text, jenis_dari_pihak, normalise
from ksd_cli.repository import Repository
from ksd_cli.tanggal import TanggalBulan, parse_bulan

if TYPE_CHECKING:
    from ksd_cli.diagnostics import Diagnostic
    from ksd_cli.loading import LoadResult

Action = Literal["created", "updated", "unchanged"]
_SUMBER = re.compile(
    r"^# ksd import: sumber (?P<file>.+?), (?:lembar (?P<sheet>.+?), )?baris (?P<rows>[0-9, ]+)$"
)
_SUMBER_SIKERJA = re.compile(r"^# ksd import: sumber SIKERJA (?P<table>\w+) (?P<key>.+)$")


def register_source(file: str, sheet: str | None, row: int) -> str:
    """The key of a record imported from a register, as its ``sumber`` note gives it."""
    return f"{file}|{sheet or ''}|{row}"


def sikerja_source(table: str, key: str) -> str:
    """The key of a record imported from SIKERJA, as its ``sumber`` note gives it."""
    return f"SIKERJA|{table}|{key}"


@dataclass(frozen=True)
class PlannedRecord:
    """A record the import creates, updates or leaves as it is, and the rows it came from."""

    action: Action
    id: str
    path: Path
    text: str
    rows: tuple[int, ...]
    #: The record ``text`` holds, as validated (for the repository's rules; not compared).
    record: Agreement | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ImportPlan:
    """Everything ``ksd import`` would do, and every finding, positioned in the register."""

    sheet: Sheet
    layout: Layout | None
    findings: tuple[Finding, ...]
    records: tuple[PlannedRecord, ...]
    #: What to call a record's unit (``ParsedRow.row``) when listing skipped ones.
    labels: Mapping[int, str] = field(default_factory=dict)

    @property
    def error_rows(self) -> frozenset[int]:
        """Rows (record units) with an error finding."""
        return frozenset(f.record_unit for f in self.findings if f.level == "error")

    def where(self, finding: Finding) -> str:
        """``register.xlsx:Daftar!F12`` (``register.csv:F12``; the row alone without a column)."""
        cell = (
            str(finding.row) if finding.column is None else cell_name(finding.column, finding.row)
        )
        if finding.table is not None:  # "permohonan.csv", "permohonan.xlsx:Sheet1"
            return f"{finding.table}!{cell}" if ":" in finding.table else f"{finding.table}:{cell}"
        sheet = f"{self.sheet.name}!" if self.sheet.name else ""
        return f"{self.sheet.file.name}:{sheet}{cell}"

    def usable(self, skip_invalid: bool) -> tuple[PlannedRecord, ...]:
        """The records to write: all, or with ``skip_invalid`` those without a bad row."""
        bad = self.error_rows
        if bad and not skip_invalid:
            return ()
        return tuple(r for r in self.records if not bad.intersection(r.rows))

    def skipped(self, skip_invalid: bool) -> tuple[str, ...]:
        """The rows left out, as the register or the tables number them."""
        units = sorted(self.error_rows) if skip_invalid else []
        return tuple(self.labels.get(u, str(u)) for u in units)


def read_mapping_file(path: Path) -> dict[str, str]:
    """A mapping file (TOML): ``[kolom]`` table of heading or column letter = field."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(Msg("register.bad-mapping-file", file=str(path), reason=str(exc))) from None
    columns = data.get("kolom", {})
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        reason = '[kolom] harus berisi judul = "field"'
        raise UserError(Msg("register.bad-mapping-file", file=str(path), reason=reason))
    return {str(k): v for k, v in columns.items()}


def mapping_toml(layout: Layout) -> str:
    """The layout as a mapping file an analyst can edit and pass back with ``--mapping``."""
    lines = [
        '# Pemetaan kolom untuk ksd import --mapping. Ubah field di kanan; "-" = abaikan.',
        "# Field: " + ", ".join(FIELDS),
        "[kolom]",
    ]
    for column in layout.columns:
        if column.heading:
            heading = column.heading.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
            lines.append(f'"{heading}" = "{column.field or "-"}"')
    return "\n".join(lines) + "\n"


def find_layout(sheet: Sheet, overrides: Mapping[str, str]) -> Layout:
    """The columns of ``sheet`` with ``overrides`` applied; no header is a ``UserError``."""
    layout = detect_layout(sheet.rows)
    if layout is None:
        raise UserError(
            Msg("register.no-header", file=sheet.file.name, rows=HEADER_SEARCH_ROWS),
            hint=Msg("register.no-header.hint"),
        )
    try:
        return apply_overrides(layout, overrides)
    except KeyError as exc:
        raise UserError(Msg("register.bad-map.unknown", value=exc.args[0])) from None


# Planning ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Existing:
    id: str
    path: Path
    text: str
    numbers: frozenset[str]
    sumber: str | None
    #: The normalised title and the parties' identities, to tell a row's record from another.
    judul: str = ""
    partners: tuple[str, ...] = ()

    @property
    def origin(self) -> str | None:
        """The register (``file|sheet``) the record was imported from, without the row."""
        return None if self.sumber is None else self.sumber.rpartition("|")[0]


def plan_import(
    repository: Repository,
    path: Path,
    *,
    as_of: date,
    owner: str,
    sheet: str | None = None,
    overrides: Mapping[str, str] | None = None,
    lang: Lang = "id",
) -> ImportPlan:
    """Read the register at ``path`` and plan the records (nothing is written)."""
    from ksd_cli.collector import collection_paused

    # Every cell, parsed row and planned record stays alive until the plan is written: the
    # cycle collector would rescan them all again and again and free nothing (half the time).
    with collection_paused():
        return _plan_register(repository, path, as_of, owner, sheet, overrides or {}, lang)


def _plan_register(
    repository: Repository,
    path: Path,
    as_of: date,
    owner: str,
    sheet: str | None,
    overrides: Mapping[str, str],
    lang: Lang,
) -> ImportPlan:
    table = read_sheet(path, sheet)
    layout = find_layout(table, overrides)
    findings: list[Finding] = []
    _no_judul_column(layout, findings)
    parsed: list[ParsedRow] = []
    reader = CellReader()
    for number in range(layout.first_data_row, len(table.rows) + 1):
        row, problems = parse_row(table.rows[number - 1], number, layout, owner, reader)
        findings.extend(problems)
        if row is not None:
            parsed.append(row)
    _duplicates(table, parsed, findings)

    def source(group: Sequence[ParsedRow]) -> tuple[str, str]:
        rows = ", ".join(str(r.row) for r in group)
        where = f"lembar {table.name}, " if table.name else ""
        header = message("register.sumber", "id", file=table.file.name, where=where, rows=rows)
        return register_source(table.file.name, table.name, group[0].row), header

    planned = plan_groups(
        repository,
        group_rows(parsed),
        findings,
        as_of=as_of,
        owner=owner,
        source=source,
        lang=lang,
        by_position=True,
    )
    findings.sort(key=lambda f: (f.row, f.column if f.column is not None else -1))
    return ImportPlan(table, layout, tuple(findings), planned)


def _no_judul_column(layout: Layout, findings: list[Finding]) -> None:
    """A note at the header when no column gives the title, naming the headings not recognised.

    Without it every row says only "judul kosong", and the heading meant for it ("Judul
    Kegiatan") is one line among the mapping's.
    """
    if any(c.field == "judul" for c in layout.columns):
        return
    ignored = ", ".join(f'"{" ".join(c.heading.split())}"' for c in layout.ignored) or "-"
    words = Msg("impor.no-judul-column", headings=ignored)
    findings.append(Finding(layout.header_rows[-1], None, "warning", words))


def _duplicates(table: Sheet, parsed: Sequence[ParsedRow], findings: list[Finding]) -> None:
    """Errors on a row whose ``Kunci ksd`` with its ``#n`` another row has, or that repeats one.

    A copied exported row keeps its key: imported, it would overwrite the naskah the key
    names (a new adendum replacing the one it was copied from). A row repeated cell for cell
    would register its cooperation or document twice. Either is a slip to be corrected in the
    register, so nothing is written while it stands.
    """
    keys: dict[str, int] = {}
    rows: dict[tuple[str, ...], int] = {}
    for row in parsed:
        if row.kunci is not None and row.posisi is not None:
            kunci = f"{row.kunci}#{row.posisi}"
            first = keys.setdefault(kunci, row.row)
            if first != row.row:
                words = Msg(
                    "impor.duplicate-key", kunci=kunci, first=first, row=row.row, id=row.kunci
                )
                findings.append(Finding(row.row, row.columns.get("kunci"), "error", words))
                continue
        cells = tuple(cell_text(c) for c in table.rows[row.row - 1])
        first = rows.setdefault(cells, row.row)
        if first != row.row:
            words = Msg("impor.duplicate-row", first=first, row=row.row)
            findings.append(Finding(row.row, None, "error", words))


def plan_groups(
    repository: Repository,
    groups: Sequence[Sequence[ParsedRow]],
    findings: list[Finding],
    *,
    as_of: date,
    owner: str,
    source: Callable[[Sequence[ParsedRow]], tuple[str, str]],
    lang: Lang = "id",
    by_position: bool = False,
) -> tuple[PlannedRecord, ...]:
    """The records that groups of rows create or update; ``source`` gives key and note.

    ``by_position``: the key ``source`` gives is the group's position in its table (a
    register's row), not an identifier that stays with the row (SIKERJA's).
    """
    from ksd_cli.collector import collection_paused

    with collection_paused():  # as in plan_import: everything planned stays alive
        return _plan_groups(repository, groups, findings, as_of, owner, source, lang, by_position)


def _plan_groups(
    repository: Repository,
    groups: Sequence[Sequence[ParsedRow]],
    findings: list[Finding],
    as_of: date,
    owner: str,
    source: Callable[[Sequence[ParsedRow]], tuple[str, str]],
    lang: Lang,
    by_position: bool,
) -> tuple[PlannedRecord, ...]:
    loaded = _load(repository)
    existing = _existing(loaded)
    ids = _Ids({e.id for e in existing}, owner)
    known = _Known(existing)
    folder = repository.agreements_dir
    keeping = _keys_kept(groups, known, folder, owner)
    ids.used.update(keeping)  # never given to a record the register does not key so
    planned: list[PlannedRecord] = []
    claimed: set[str] = set()
    by_rows: dict[tuple[int, ...], Sequence[ParsedRow]] = {}
    numbered: dict[str, ParsedRow] = {}
    passed_over: list[tuple[ParsedRow, str]] = []
    for group in groups:
        rows = tuple(r.row for r in group)
        by_rows[rows] = group
        _shared_numbers(group, numbered, findings)
        key, header = source(group)
        match = _match(group, known, key, claimed, findings, by_position=by_position,
                       passed_over=passed_over, keeping=keeping)  # fmt: skip
        if match is None:
            kunci = _kunci(group)
            data = _new_record(group, ids, as_of, kunci if kunci in keeping else None)
            record_path = folder / f"{data['id']}.yaml"
            model = _valid(data, group, findings, lang)
            if model is not None:
                text = _text(data, header)
                planned.append(PlannedRecord("created", model.id, record_path, text, rows, model))
            continue
        claimed.add(match.id)
        kept: list[str] = []
        updated = _updated_text(match, group, owner, kept)
        for name in kept:
            column = group[0].columns.get(_REGISTER_FIELD.get(name, name))
            words = Msg("impor.cut-kept", field=name)
            findings.append(Finding(group[0].at, column, "warning", words, group[0].table,
                                    group[0].row))  # fmt: skip
        model = _valid(_plain(updated), group, findings, lang) if updated is not None else None
        if updated is not None and model is None:
            continue
        if by_position and match.origin == key.rpartition("|")[0] and match.sumber != key:
            # The row moved in its register: the record's note follows it, so that the next
            # import finds it there (a record from another register keeps its note).
            moved = _with_sumber(updated or match.text, header)
            if moved != (updated or match.text):
                if model is None:
                    model = _valid(_plain(moved), group, findings, lang)
                    if model is None:
                        continue
                updated = moved
        action: Action = "unchanged" if updated is None else "updated"
        text = updated or match.text
        planned.append(PlannedRecord(action, match.id, match.path, text, rows, model))
    for row, ident in passed_over:
        if ident not in claimed:  # no row moved away from there: its row was changed
            words = Msg("impor.not-at-position", row=row.at, id=ident)
            findings.append(Finding(row.at, None, "warning", words, row.table, row.row))
    check_with_repository(repository, loaded, planned, by_rows, findings, as_of=as_of, lang=lang)
    return tuple(planned)


def check_with_repository(
    repository: Repository,
    loaded: LoadResult,
    planned: Sequence[PlannedRecord],
    groups: Mapping[tuple[int, ...], Sequence[ParsedRow]],
    findings: list[Finding],
    *,
    as_of: date,
    lang: Lang,
) -> None:
    """Run ``ksd validate``'s rules on the records to write, together with the repository.

    Cross-record rules see the repository as it would be after the import: an id used twice,
    one cooperation registered twice (C016), an unknown potential. Each finding is put on the
    first register row of its record, so that nothing is written while it stands.
    """
    from ksd_cli.loading import LoadedRecord, LoadResult
    from ksd_cli.repository import SourceFile
    from ksd_cli.validate import check_records

    changed = [r for r in planned if r.action != "unchanged" and r.record is not None]
    if not changed:
        return
    rels = _Rels(repository)
    replaced = {rels(r.path) for r in changed if r.action == "updated"}
    records = [i for i in loaded.records if i.source.rel not in replaced]
    mine: dict[str, PlannedRecord] = {}
    for record in changed:
        assert record.record is not None
        # The record was validated from the very data its text was written from: no reparse.
        rel = rels(record.path)
        mine[rel] = record
        source = SourceFile(record.path, rel, "agreement")
        records.append(LoadedRecord(source, record.record, record.text))
    combined = LoadResult(tuple(records), loaded.diagnostics, len(records), loaded.invalid)
    for diagnostic in check_records(
        repository.config, combined, as_of=as_of, lang=lang, only=frozenset(mine)
    ):
        _rule_finding(diagnostic, groups[mine[diagnostic.path].rows], findings)


def _rel(repository: Repository, path: Path) -> str:
    """``path`` relative to the repository's root, as loading names record files."""
    try:
        return path.relative_to(repository.root).as_posix()
    except ValueError:
        return path.resolve().relative_to(repository.root.resolve()).as_posix()


class _Rels:
    """:func:`_rel` of many paths, each folder's worked out once (ten thousand in one folder)."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository
        self.folders: dict[str, str | None] = {}

    def __call__(self, path: Path) -> str:
        folder, name = os.path.split(os.fspath(path))  # as text: see write_plan
        if folder not in self.folders:
            try:
                self.folders[folder] = Path(folder).relative_to(self.repository.root).as_posix()
            except ValueError:
                self.folders[folder] = None  # resolved, path by path (a link may lead out)
        rel = self.folders[folder]
        if rel is None:
            return _rel(self.repository, path)
        return name if rel == "." else f"{rel}/{name}"


def _rule_finding(
    diagnostic: Diagnostic, group: Sequence[ParsedRow], findings: list[Finding]
) -> None:
    row = group[0]
    level: Level = "error" if diagnostic.severity.value == "error" else "warning"
    words = Msg("impor.rule", code=diagnostic.code, rule=diagnostic.rule, text=diagnostic.message)
    findings.append(Finding(row.at, None, level, words, row.table, row.row))


def _load(repository: Repository) -> LoadResult:
    from ksd_cli.loading import load_records

    return load_records(repository, lang="id")


def _kunci(group: Sequence[ParsedRow]) -> str | None:
    """The record id a group's rows are keyed with (``Kunci ksd``), if any row has one."""
    return next((r.kunci for r in group if r.kunci), None)


def _keys_kept(
    groups: Sequence[Sequence[ParsedRow]], known: _Known, folder: Path, owner: str
) -> frozenset[str]:
    """The keys that become new records' ids: a register exported from another repository.

    A key written as an agreement id of this repository's region that no record here has,
    and no file is named so (a record that does not load keeps its file): the new record
    keeps the id its register and every document citing it know, instead of the next free
    number. Another region's id is not this repository's to give (the record format: the
    digits of the owning region's code); such a row is numbered here, as before.
    """
    from ksd_cli.ids import is_record_id
    from ksd_cli.repository import record_stem

    prefix = f"KSD-{owner.replace('.', '')}-"
    try:  # every record file's stem, ".YAML" too (the repository's listing reads it so)
        taken = {record_stem(n) for n in os.listdir(folder)}
    except OSError:
        taken = set()
    kept = set()
    for group in groups:
        kunci = _kunci(group)
        if kunci is None or kunci in known.by_id or not is_record_id(kunci, "KSD"):
            continue
        if kunci.startswith(prefix) and kunci not in taken:
            kept.add(kunci)
    return frozenset(kept)


def _existing(loaded: LoadResult) -> list[_Existing]:
    found = []
    for item in loaded.records:
        record = item.record
        if not isinstance(record, Agreement):
            continue
        numbers = frozenset(
            " ".join(n.split()).lower()
            for d in record.naskah or ()
            for n in (d.nomor or {}).values()
        )
        sumber = None
        for line in item.text.lstrip("\ufeff").splitlines():
            if not line.startswith("#"):
                break
            if m := _SUMBER.match(line.strip()):
                first = int(m.group("rows").split(",")[0])
                sumber = register_source(m.group("file"), m.group("sheet"), first)
            elif m := _SUMBER_SIKERJA.match(line.strip()):
                sumber = sikerja_source(m.group("table"), m.group("key").strip())
        partners = tuple(
            sorted(p.kode_wilayah or normalise(p.nama or "") for p in record.pihak or ())
        )
        judul = normalise(record.judul)
        found.append(
            _Existing(record.id, item.source.path, item.text, numbers, sumber, judul, partners)
        )
    return found


class _Known:
    """The existing records, indexed once by id, document number and ``sumber`` note.

    Looking each group up by scanning every record made re-importing ten thousand rows
    quadratic (minutes). The lookups give what the scans gave: the first record, in the
    repository's order, that is not claimed yet.
    """

    def __init__(self, existing: Sequence[_Existing]) -> None:
        self.existing = existing
        self.by_id = {e.id: e for e in existing}
        self.by_number: dict[str, list[int]] = {}
        self.by_sumber: dict[str, list[int]] = {}
        self.by_origin: dict[str, list[int]] = {}
        for index, item in enumerate(existing):
            for number in item.numbers:
                self.by_number.setdefault(number, []).append(index)
            if item.sumber is not None:
                self.by_sumber.setdefault(item.sumber, []).append(index)
            if item.origin is not None:
                self.by_origin.setdefault(item.origin, []).append(index)

    def first_unclaimed(
        self,
        indexes: Iterable[int],
        claimed: set[str],
        agrees: Callable[[_Existing], bool] = lambda _: True,
    ) -> _Existing | None:
        """The first record of ``indexes`` (in the repository's order) not claimed yet."""
        for index in sorted(indexes):
            item = self.existing[index]
            if item.id not in claimed and agrees(item):
                return item
        return None


def _match(
    group: Sequence[ParsedRow],
    known: _Known,
    source: str,
    claimed: set[str],
    findings: list[Finding],
    *,
    by_position: bool = False,
    passed_over: list[tuple[ParsedRow, str]] | None = None,
    keeping: frozenset[str] = frozenset(),
) -> _Existing | None:
    """The existing record a group of rows speaks for: by key, by number, by ``sumber`` note.

    A number is shared by mistake now and then (two rows, one number): a record found by it
    must name the row's partners too. With ``by_position`` the note gives a row's position,
    which moves when a row is inserted above it: the record there must have the row's title
    and partners, else the row's own record is looked for among those of its register
    (the record passed over is added to ``passed_over``, for a warning if no row takes it).
    """
    kunci = _kunci(group)
    if kunci is not None:
        if kunci in known.by_id:
            return known.by_id[kunci]
        if kunci in keeping:
            return None  # a new record under the id the register gives it
        column = group[0].columns.get("kunci")
        findings.append(
            Finding(group[0].row, column, "warning", Msg("register.unknown-key", value=kunci))
        )
    numbers = _numbers(group)
    partners = next((r.partners for r in group if r.partners), ())

    def same_partners(item: _Existing) -> bool:
        return not partners or not item.partners or partners == item.partners

    sharing = {i for n in numbers for i in known.by_number.get(n, ())}
    by_number = known.first_unclaimed(sharing, claimed, same_partners)
    if by_number is not None:
        return by_number
    at_position = known.by_sumber.get(source, ())
    if not by_position:
        return known.first_unclaimed(at_position, claimed)
    judul = normalise(_first(group, "judul") or "")

    def same_identity(item: _Existing) -> bool:
        return (not judul or judul == item.judul) and same_partners(item)

    found = known.first_unclaimed(at_position, claimed, same_identity)
    if found is None:
        origin = source.rpartition("|")[0]
        found = known.first_unclaimed(known.by_origin.get(origin, ()), claimed, same_identity)
    if found is None and passed_over is not None:
        there = known.first_unclaimed(at_position, claimed)
        if there is not None:
            passed_over.append((group[0], there.id))
    return found


def _shared_numbers(
    group: Sequence[ParsedRow], numbered: dict[str, ParsedRow], findings: list[Finding]
) -> None:
    """A warning on a row whose document number an earlier row of another record has."""
    for row in group:
        for nomor in (row.naskah.get("nomor") or {}).values():
            key = " ".join(nomor.split()).lower()
            if len(key) < 4:
                continue
            earlier = numbered.setdefault(key, row)
            if earlier is not row and earlier not in group:
                words = Msg("impor.shared-number", nomor=nomor, row=earlier.at)
                column = row.columns.get("nomor", row.columns.get("nomor_pihak_kesatu"))
                findings.append(Finding(row.at, column, "warning", words, row.table, row.row))


def _with_sumber(text: str, header: str) -> str:
    """``text`` with its ``ksd import: sumber`` note replaced by ``header``."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.startswith("#"):
            break
        if _SUMBER.match(line.strip()):
            lines[i] = f"# {header}"
            return "\n".join(lines)
    return text


def _numbers(group: Sequence[ParsedRow]) -> set[str]:
    """The group's document numbers as matching compares them (4 characters or more)."""
    return {
        " ".join(n.split()).lower()
        for r in group
        for n in (r.naskah.get("nomor") or {}).values()
        if len(n.strip()) >= 4
    }


def _first(group: Sequence[ParsedRow], key: str) -> Any:
    return next((r.record[key] for r in group if r.record.get(key) is not None), None)


def _owned(group: Sequence[ParsedRow]) -> set[str]:
    """The record keys the register's cells speak for (an empty kind cell speaks for none)."""
    return {key for r in group for key in r.record}


def _record_values(group: Sequence[ParsedRow]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in _owned(group):
        if key in ("urusan", "perangkat_daerah", "ruang_lingkup"):
            merged: list[str] = []
            for r in group:
                merged.extend(v for v in r.record.get(key) or () if v not in merged)
            values[key] = merged or None
        elif key == "pembiayaan":
            nilai = _first(group, "pembiayaan")
            values[key] = None if nilai is None else {"nilai": nilai}
        else:
            values[key] = _first(group, key)
    return values


def _naskah_values(group: Sequence[ParsedRow]) -> list[tuple[int | None, dict[str, Any]]]:
    return [(r.posisi, r.naskah) for r in group if r.naskah]


class _Ids:
    """The next free record ids, year by year, without rescanning every id for each record."""

    def __init__(self, used: set[str], owner: str) -> None:
        self.used = used
        self.owner = owner
        self.last: dict[int, str] = {}

    def next(self, year: int) -> str:
        from ksd_cli.scaffold import next_id

        previous = self.last.get(year)
        if previous is None:
            ident = next_id(self.used, "KSD", self.owner, year)
        else:
            head, _, seq = previous.rpartition("-")
            ident = f"{head}-{int(seq) + 1:03d}"
            while ident in self.used:  # a register's own key (``_keys_kept``) is taken
                ident = f"{head}-{int(ident.rpartition('-')[2]) + 1:03d}"
        self.last[year] = ident
        return ident


def _new_record(
    group: Sequence[ParsedRow], ids: _Ids, as_of: date, kunci: str | None = None
) -> dict[str, Any]:
    values = {k: v for k, v in _record_values(group).items() if v is not None}
    if "pihak" in values:
        values["pihak"] = [{k: v for k, v in p.items() if v is not None} for p in values["pihak"]]
    if "pendapatan" in values:
        pembiayaan = values.setdefault("pembiayaan", {})
        pembiayaan["pendapatan"] = values.pop("pendapatan")
    if "peristiwa_terakhir" in values:
        values["peristiwa"] = [values.pop("peristiwa_terakhir")]
    naskah = [{k: v for k, v in n.items() if v is not None} for _, n in _naskah_values(group)]
    signed = [n["tanggal_ttd"] for n in naskah if n.get("tanggal_ttd")]
    # An unsigned proposal counts from its first dated step (a request, an offer).
    steps = [e["tanggal"] for key in ("peristiwa", "tahapan") for e in values.get(key) or ()]
    dated = signed or steps
    year = min(dated).year if dated else as_of.year
    data: dict[str, Any] = {"id": kunci or ids.next(year), **values}
    if "jenis" not in data and "pihak" in data:
        data["jenis"] = jenis_dari_pihak([p["tipe"] for p in data["pihak"][1:]])
    if naskah:
        data["naskah"] = naskah
    return data


def _valid(
    data: dict[str, Any], group: Sequence[ParsedRow], findings: list[Finding], lang: Lang
) -> Agreement | None:
    """Validate against the record format; problems become findings on the group's first row.

    Worded as ``ksd validate`` words them (``loading.schema_message``), in ``lang``:
    pydantic's own messages are English.
    """
    row = group[0]
    try:
        return Agreement.model_validate(data)
    except ValidationError as exc:
        from ksd_cli.loading import schema_message

        reverse = {v: k for k, v in RECORD_FIELDS.items()}
        for error in exc.errors():
            key = str(error["loc"][0]) if error["loc"] else ""
            column = row.columns.get(reverse.get(key, key))
            if error["type"] == "missing" and len(error["loc"]) == 1:
                heading = reverse.get(key, key)
                words = Msg("register.missing-value", field=heading)
            else:
                loc = ".".join(str(p) for p in error["loc"])
                said = schema_message(error, Agreement, lang)
                words = Msg("register.invalid-record", field=loc, problem=said)
            findings.append(Finding(row.at, column, "error", words, row.table, row.row))
        return None


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def _text(data: dict[str, Any], header: str) -> str:
    from ksd_cli.register.emit import canonical_text
    from ksd_cli.scaffold import record_text

    fast = canonical_text(data, header)
    return fast if fast is not None else record_text(_as_yaml(data), "agreement", header)


def _plain(text: str) -> dict[str, Any]:
    """The data of a record's text as plain Python values, as the models read them."""
    result = _plain_of(_yaml().load(text))
    assert isinstance(result, dict)
    return result


# Updating ----------------------------------------------------------------------------------


#: The register field of a record's or a naskah's key, where the names differ.
_REGISTER_FIELD = {
    "catatan": "keterangan",
    "naskah.objek": "objek_naskah",
    "naskah.tempat_ttd": "tempat_ttd",
    "naskah.berkas": "berkas",
}


def _cut(current: Any, value: Any) -> bool:
    """Whether ``value`` is ``current`` as an Excel cell cut it (its first 32,767 characters).

    An exported register cuts a longer text there; read back, that is no edit, and setting it
    would lose the rest of the record's text.
    """
    from ksd_cli.xlsxrows import MAX_TEXT

    return (
        isinstance(value, str)
        and isinstance(current, str)
        and len(current) > MAX_TEXT
        and value == current[:MAX_TEXT].strip()
    )


def _updated_text(
    existing: _Existing, group: Sequence[ParsedRow], owner: str, kept: list[str] | None = None
) -> str | None:
    """The existing record with the register's fields set; ``None`` when nothing changes.

    A text as Excel cut it is not set; its key is added to ``kept``.
    """
    kept = [] if kept is None else kept
    from ksd_cli.fmt import format_text, same_data

    document = _yaml().load(existing.text.lstrip("\ufeff"))
    before = copy.deepcopy(document)
    for key, value in _record_values(group).items():
        if key == "pihak":
            _set_pihak(document, value, owner)
        elif key == "pembiayaan":
            _set_nilai(document, value)
        elif key == "pendapatan":
            _set_pendapatan(document, value)
        elif key == "peristiwa_terakhir":
            _set_latest_event(document, value)
        elif key in ("peristiwa", "tahapan"):
            _merge_events(document, key, value)
        elif _cut(document.get(key), value):
            kept.append(key)
        else:
            _set(document, key, value)
    naskah_list = document.get("naskah")
    for posisi, values in _naskah_values(group):
        if naskah_list is None:
            from ruamel.yaml.comments import CommentedSeq

            naskah_list = document["naskah"] = CommentedSeq()
        index = _naskah_index(naskah_list, posisi, values)
        if index is None:
            naskah_list.append({k: _as_yaml(v) for k, v in values.items() if v is not None})
            continue
        for key, value in values.items():
            if _cut(naskah_list[index].get(key), value):
                kept.append(f"naskah.{key}")
            else:
                _set(naskah_list[index], key, value)
    if same_data(_plain_of(before), _plain_of(document)):
        return None
    stream = io.StringIO()
    _yaml().dump(document, stream)
    return format_text(stream.getvalue(), "agreement")


def _plain_of(value: Any) -> Any:
    """Plain values of ruamel's containers and scalars: dict, list, str, int, bool, date."""
    if isinstance(value, dict):
        return {str(k): _plain_of(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_of(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, date):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def _as_yaml(value: Any) -> Any:
    """``value`` as the record's YAML holds it: a month-only date as its text ``2021-03``.

    ruamel cannot write a :class:`TanggalBulan`, and reads ``2021-03`` back as text; comparing
    text with text also keeps a month from passing for the 1st of it (a ``date`` would).
    """
    if isinstance(value, TanggalBulan):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _as_yaml(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_yaml(v) for v in value]
    return value


def _event_date(value: Any) -> date:
    """An event's date as a date (a month-only one, read back as text, as its month)."""
    if isinstance(value, str) and (bulan := parse_bulan(value)) is not None:
        return bulan
    assert isinstance(value, date)  # the record validated before the import
    return value


def _set(mapping: Any, key: str, value: Any) -> None:
    value = _as_yaml(value)
    if value is None:
        mapping.pop(key, None)
    elif _plain_of(mapping.get(key)) != value:
        mapping[key] = value


def _set_nilai(document: Any, value: dict[str, Any] | None) -> None:
    pembiayaan = document.get("pembiayaan")
    if value is None:
        if pembiayaan is not None:
            pembiayaan.pop("nilai", None)
            if not pembiayaan:
                del document["pembiayaan"]
        return
    if pembiayaan is None:
        document["pembiayaan"] = dict(value)
    else:
        _set(pembiayaan, "nilai", value["nilai"])


def _set_pendapatan(document: Any, value: list[dict[str, Any]] | None) -> None:
    """The revenue list from the register; an entry's ``keterangan`` stays with its kind."""
    pembiayaan = document.get("pembiayaan")
    if value is None:
        if pembiayaan is not None and "pendapatan" in pembiayaan:
            del pembiayaan["pendapatan"]
            if not pembiayaan:
                del document["pembiayaan"]
        return
    current = _plain_of(pembiayaan.get("pendapatan")) if pembiayaan is not None else None
    notes = {e["jenis"]: e["keterangan"] for e in current or () if e.get("keterangan")}
    wanted = [{**e, **({"keterangan": notes[e["jenis"]]} if e["jenis"] in notes else {})}
              for e in value]  # fmt: skip
    if current == wanted:
        return
    if pembiayaan is None:
        document["pembiayaan"] = {"pendapatan": wanted}
    else:
        pembiayaan["pendapatan"] = wanted


def _set_latest_event(document: Any, value: dict[str, Any] | None) -> None:
    """The register's "Peristiwa Terakhir" speaks for the record's latest event: set it.

    An empty cell leaves the events alone (a register rarely lists them all); a new event
    replaces the latest one's kind and date, keeping its ``keterangan`` and ``dokumen``.
    """
    if value is None:
        return
    events = document.get("peristiwa")
    if not events:
        document["peristiwa"] = [_as_yaml(value)]
        return
    dates = [_event_date(_plain_of(e.get("tanggal"))) for e in events]
    latest = max(range(len(events)), key=lambda i: (dates[i], i))
    for key in ("jenis", "tanggal"):
        _set(events[latest], key, value[key])


def _merge_events(document: Any, key: str, value: list[dict[str, Any]] | None) -> None:
    """Events from another system added to the record's, never removing hand-written ones."""
    name = "jenis" if key == "peristiwa" else "tahap"
    events = document.get(key)
    current = _plain_of(events) if events is not None else []
    seen = {(e.get(name), _as_yaml(e.get("tanggal"))) for e in current}
    new = [_as_yaml(e) for e in value or () if (e[name], _as_yaml(e["tanggal"])) not in seen]
    if not new:
        return
    merged = sorted([*current, *new], key=lambda e: _event_date(e["tanggal"]))
    document[key] = merged


def _identity(pihak: Any) -> tuple[str, str]:
    return (str(pihak.get("tipe")), str(pihak.get("kode_wilayah") or pihak.get("nama") or ""))


def _set_pihak(document: Any, parties: list[dict[str, Any]] | None, owner: str) -> None:
    """Replace the partners only when the register names others (keeping alamat, negara...)."""
    if parties is None:
        return
    current = list(document.get("pihak") or ())
    partners = [p for p in current if p.get("kode_wilayah") != owner]
    if [_identity(p) for p in partners] == [_identity(p) for p in parties[1:]]:
        for kept, party in zip(partners, parties[1:], strict=True):
            _set_v11_party(kept, party)
        return
    by_identity = {_identity(p): p for p in current}
    replaced = []
    for party in parties:
        kept = by_identity.get(_identity(party))
        if kept is not None:
            kept["peran"] = party["peran"]
            _set_v11_party(kept, party)
            replaced.append(kept)
        else:
            replaced.append({k: v for k, v in party.items() if v is not None})
    document["pihak"] = replaced


def _set_v11_party(kept: Any, party: Mapping[str, Any]) -> None:
    """A partner's ``kategori`` and ``unit_kerja`` where the register has their columns."""
    for key in ("kategori", "unit_kerja"):
        if key in party:
            _set(kept, key, party[key])
    if party.get("kategori") is not None and kept.get("tipe") != party["tipe"]:
        kept["tipe"] = party["tipe"]


def _naskah_index(naskah_list: Any, posisi: int | None, values: Mapping[str, Any]) -> int | None:
    """Which existing naskah a register row speaks for: by key, number, or kind and date."""
    if posisi is not None and 1 <= posisi <= len(naskah_list):
        return posisi - 1
    numbers = set((values.get("nomor") or {}).values())
    for i, naskah in enumerate(naskah_list):
        if numbers & set((naskah.get("nomor") or {}).values()):
            return i
    for i, naskah in enumerate(naskah_list):
        if naskah.get("jenis") == values.get("jenis") and _plain_of(
            naskah.get("tanggal_ttd")
        ) == _as_yaml(values.get("tanggal_ttd")):
            return i
    return None


# Writing -----------------------------------------------------------------------------------


def write_plan(plan: ImportPlan, *, skip_invalid: bool) -> tuple[PlannedRecord, ...]:
    """Write the created and updated records (atomically, one file each); return them.

    A failing file system (a full disk, a read-only folder) is a ``UserError`` naming the
    file: the records written before it stay whole, and the same import run again after the
    cause is fixed finds them unchanged.
    """
    try:
        return _write_plan(plan, skip_invalid=skip_invalid)
    except OSError as exc:
        from ksd_cli.outputs import cannot_write

        raise cannot_write(exc, hint=Msg("register.write-failed.hint")) from None


def _write_plan(plan: ImportPlan, *, skip_invalid: bool) -> tuple[PlannedRecord, ...]:
    from ksd_cli.atomic import create_new_files, write_text_atomic

    usable = plan.usable(skip_invalid)
    if plan.error_rows and not skip_invalid:
        return ()
    # By folder and name as text: Path's parent, name and hash are a few microseconds each in
    # Python, which counts over ten thousand records (a Path keeps its text once made).
    folders: dict[str, list[tuple[str, PlannedRecord]]] = {}
    for record in usable:
        if record.action == "created":
            folder, name = os.path.split(os.fspath(record.path))
            folders.setdefault(folder, []).append((name, record))
    there: set[tuple[str, str]] = set()
    # One thread: four writer threads took more CPU and no less wall time for ten thousand
    # files (each write is a few microseconds of Python between GIL hand-offs).
    for folder, records in folders.items():
        files = ((name, r.text.encode("utf-8")) for name, r in records)
        there.update((folder, name) for name in create_new_files(Path(folder), files))
    written = [r for r in usable if r.action == "created"]
    if there:
        written = [r for r in written if os.path.split(os.fspath(r.path)) not in there]
    for record in usable:
        # A created record whose file is there (one that did not load) replaces it, as before.
        if record.action == "updated" or (
            record.action == "created" and there and os.path.split(os.fspath(record.path)) in there
        ):
            try:
                write_text_atomic(record.path, record.text)
            except OSError as exc:
                exc.filename = os.fspath(record.path)  # the record's, not its temporary's
                raise
            written.append(record)
    return tuple(written)


NASKAH_KEYS = frozenset(NASKAH_FIELDS.values())
