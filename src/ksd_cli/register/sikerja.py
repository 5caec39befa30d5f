"""SIKERJA's tables (Kota Samarinda's request system) to parsed rows, one per future record.

SIKERJA is an open-source Laravel application. Its administrator exports its tables as CSV or
Excel files named after them, into one folder: ``permohonan`` (requests), ``permohonan_histori``
(their dated history), ``permohonan_opd`` (the OPDs of a request), ``kerjasama_manual``
(agreements typed in by hand) and ``kerjasama_manual_opd``, with ``kategori`` and ``opd`` for
the names behind the ids. Each request becomes a record with its history as v1.1 ``peristiwa``
(and ``tahapan`` for uploaded drafts); each manual agreement a signed record.

``permohonan.status``, as the application's ``Permohonan`` model defines it: 0 waiting for
validation, 1 under discussion, 2 scheduling the signature, 3 schedule approved (final PKS to
upload), 4 waiting for the signature, 5 signed documents uploaded, 6 in implementation,
7 finished, 8 revoked during implementation (split from 9 by a later migration, its reason in
``alasan_tolak``), 9 rejected (reason in ``alasan_tolak``). From 5 on a PKS is signed.

Never copied into records: e-mail addresses, telephone numbers, ``kode_pos``, ``website``, the
operators' ids. Free text that is copied (aims, scope, reasons) has e-mail addresses and
telephone numbers removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from ksd_cli.errors import UserError
from ksd_cli.messages import Lang, Msg, message
from ksd_cli.register.grouping import PERAN, Finding, Level, ParsedRow
from ksd_cli.register.importer import ImportPlan, plan_groups, sikerja_source
from ksd_cli.register.readers import Sheet, read_sheet
from ksd_cli.register.values import (
    ValueProblem,
    cell_text,
    jenis_dari_pihak,
    normalise,
    parse_day,
    parse_duration,
    parse_urusan,
    resolve_wilayah,
    split_values,
    tipe_mitra,
)
from ksd_cli.register.zona_waktu import tanggal_lokal
from ksd_cli.repository import Repository

TABLES = (
    "permohonan",
    "permohonan_histori",
    "permohonan_opd",
    "kerjasama_manual",
    "kerjasama_manual_opd",
    "kategori",
    "opd",
)
_SUFFIXES = (".csv", ".xlsx", ".ods", ".xls")
#: ``ParsedRow.row`` of a manual agreement: its row plus this, apart from the requests' rows.
MANUAL_ROWS = 1_000_000
#: The statuses from which a PKS is signed, and the ones that end the cooperation.
SIGNED = frozenset({5, 6, 7, 8})
DRAFTED = frozenset({2, 3, 4})
DITOLAK, DICABUT = 9, 8

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+62|\(\s*0\d{1,4}\s*\)|\b0\d{2,4})(?:[\s.-]?\d{2,4}){2,4}\b")

#: Words of a history entry (``deskripsi``), normalised, to the event it records. First match.
HISTORI: tuple[tuple[str, str, str], ...] = (
    (r"\b(tolak|ditolak)\b", "peristiwa", "ditolak"),
    (r"\b(dikembalikan|perbaikan|revisi)\b", "peristiwa", "dikembalikan"),
    (r"\b(tunda|ditunda)\b", "peristiwa", "ditunda"),
    (r"\bsurat (balasan|tanggapan|jawaban)\b", "peristiwa", "surat_tanggapan"),
    (r"\bsurat penawaran\b", "peristiwa", "penawaran_diterima"),
    (r"\b(rancangan|draf|draft|konsep) (kb|kesepakatan bersama|mou)\b", "tahap", "penyusunan_kb"),
    (r"\b(rancangan|draf|draft|konsep) (pks|perjanjian)\b", "tahap", "penyusunan_pks"),
    (r"\b(pembahasan|dibahas|rapat|tkksd)\b", "peristiwa", "pembahasan_tkksd"),
    (r"\b(disetujui|setuju)\b", "peristiwa", "disetujui"),
    (r"\b(ditambahkan|diajukan|permohonan baru|dibuat)\b", "peristiwa", "permohonan"),
)


def tanpa_kontak(text: str) -> str:
    """``text`` without e-mail addresses and telephone numbers (never copied into records)."""
    text = _EMAIL.sub("", text)
    text = _PHONE.sub("", text)
    return " ".join(text.replace(" ,", ",").split()).strip(" ,;:-")


@dataclass(frozen=True)
class Table:
    """One exported table: where it came from, its columns by name, its data rows."""

    name: str
    where: str
    columns: dict[str, int]
    rows: tuple[tuple[int, tuple[object, ...]], ...]

    def cell(self, cells: Sequence[object], column: str) -> object:
        """The value of ``column`` in a row (``None`` when the table has no such column)."""
        index = self.columns.get(column)
        return cells[index] if index is not None and index < len(cells) else None

    def text(self, cells: Sequence[object], column: str) -> str:
        """The value of ``column`` as stripped text."""
        return cell_text(self.cell(cells, column))


def read_tables(directory: Path) -> dict[str, Table]:
    """The SIKERJA tables found in ``directory`` (CSV, XLSX, ODS or XLS named after each)."""
    if not directory.is_dir():
        raise UserError(Msg("impor.sikerja.no-dir", dir=str(directory)))
    files = {
        p.stem.lower(): p for p in sorted(directory.iterdir()) if p.suffix.lower() in _SUFFIXES
    }
    tables: dict[str, Table] = {}
    for name in TABLES:
        path = files.get(name)
        if path is None:
            continue
        sheet = read_sheet(path)
        header = sheet.rows[0] if sheet.rows else []
        columns = {normalise(cell_text(h)).replace(" ", "_"): i for i, h in enumerate(header)}
        where = f"{path.name}:{sheet.name}" if sheet.name else path.name
        deleted = columns.get("deleted_at")  # Laravel's soft delete: the row is gone
        rows = tuple(
            (number, tuple(cells))
            for number, cells in enumerate(sheet.rows[1:], 2)
            if any(cell_text(c) for c in cells)
            and (deleted is None or deleted >= len(cells) or not cell_text(cells[deleted]))
        )
        tables[name] = Table(name, where, columns, rows)
    if "permohonan" not in tables and "kerjasama_manual" not in tables:
        raise UserError(
            Msg("impor.sikerja.no-tables", dir=str(directory)),
            hint=Msg("impor.sikerja.no-tables.hint"),
        )
    return tables


@dataclass(frozen=True)
class SikerjaRow:
    """A parsed request or manual agreement, the key its ``sumber`` note carries, its label."""

    parsed: ParsedRow
    table: str
    key: str
    label: str


@dataclass(frozen=True)
class SikerjaRead:
    """What the tables hold: the parsed rows, and a label for every row read (even a bad one)."""

    tables: dict[str, Table]
    rows: tuple[SikerjaRow, ...]
    labels: dict[int, str]


class _Reader:
    """Reads the tables into rows, collecting findings positioned at their cells."""

    def __init__(
        self,
        tables: dict[str, Table],
        owner: str,
        source_zone: tzinfo,
        local_zone: tzinfo,
        findings: list[Finding],
    ) -> None:
        self.tables = tables
        self.owner = owner
        self.source_zone = source_zone
        self.local_zone = local_zone
        self.findings = findings
        self.labels: dict[int, str] = {}
        self.kategori = self._names("kategori")
        self.opd = self._names("opd")

    def _names(self, table: str) -> dict[str, str]:
        found = self.tables.get(table)
        if found is None:
            return {}
        column = "nama" if "nama" in found.columns else f"nama_{table}"
        return {found.text(c, "id"): found.text(c, column) for _, c in found.rows}

    def note(
        self, table: Table, row: int, column: str | None, level: Level, words: Msg, unit: int
    ) -> None:
        index = table.columns.get(column) if column is not None else None
        self.findings.append(Finding(row, index, level, words, table.where, unit))

    # Values ------------------------------------------------------------------------------

    def moment(
        self, table: Table, row: int, cells: Sequence[object], column: str, unit: int
    ) -> date | None:
        """The local date of a timestamp or date cell."""
        value = table.cell(cells, column)
        text = cell_text(value)
        if not text:
            return None
        if isinstance(value, datetime):
            return tanggal_lokal(value, self.source_zone, self.local_zone)
        if isinstance(value, date):
            return value
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                return parse_day(value)
            except ValueProblem as problem:
                self.note(table, row, column, "error", problem.words, unit)
                return None
        if len(text) <= 10:  # a date column (tanggal_mulai): no time, no zone to convert
            return moment.date()
        return tanggal_lokal(moment, self.source_zone, self.local_zone)

    def pihak(
        self, table: Table, row: int, cells: Sequence[object], unit: int
    ) -> list[dict[str, Any]] | None:
        name = tanpa_kontak(table.text(cells, "nama_instansi"))
        if not name:
            return None
        parties: list[dict[str, Any]] = [
            {"peran": PERAN[0], "tipe": "pemda", "kode_wilayah": self.owner}
        ]
        match = resolve_wilayah(name)
        if match is not None:
            parties.append({"peran": PERAN[1], "tipe": "pemda", "kode_wilayah": match.wilayah.kode})
        else:
            parties.append({"peran": PERAN[1], "tipe": tipe_mitra(name, None), "nama": name})
        alamat = tanpa_kontak(table.text(cells, "alamat"))
        if alamat and match is None:
            parties[1]["alamat"] = alamat
        return parties

    def urusan(
        self, table: Table, row: int, cells: Sequence[object], unit: int
    ) -> list[str] | None:
        kode = table.text(cells, "id_kategori")
        if not kode:
            return None
        name = self.kategori.get(kode)
        if name is None:
            self.note(
                table,
                row,
                "id_kategori",
                "error",
                Msg("impor.sikerja.kategori-unknown", id=kode),
                unit,
            )
            return None
        try:
            return parse_urusan(name)
        except ValueProblem as problem:
            self.note(table, row, "id_kategori", "error", problem.words, unit)
            return None

    def perangkat_daerah(self, link: str, own: str, key: str, unit: int) -> list[str] | None:
        table = self.tables.get(link)
        if table is None:
            return None
        names = []
        for row, cells in table.rows:
            if table.text(cells, own) != key:
                continue
            opd = table.text(cells, "id_opd")
            name = self.opd.get(opd)
            if name is None:
                self.note(
                    table, row, "id_opd", "warning", Msg("impor.sikerja.opd-unknown", id=opd), unit
                )
                continue
            if name not in names:
                names.append(name)
        return names or None

    def masa(
        self, table: Table, row: int, cells: Sequence[object], mulai: date | None, unit: int
    ) -> date | str | None:
        """``berlaku_sampai``: ``tanggal_berakhir``, else ``jangka_waktu`` from the start."""
        sampai = self.moment(table, row, cells, "tanggal_berakhir", unit)
        if sampai is not None:
            return sampai
        term = table.text(cells, "jangka_waktu")
        if term and mulai is not None:
            try:
                return parse_duration(term).sampai(mulai)
            except ValueProblem:
                pass
        return "tidak_diketahui"

    # Requests ----------------------------------------------------------------------------

    def histori(self, key: str, unit: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        table = self.tables.get("permohonan_histori")
        peristiwa: list[dict[str, Any]] = []
        tahapan: list[dict[str, Any]] = []
        if table is None:
            return peristiwa, tahapan
        for row, cells in table.rows:
            if table.text(cells, "id_permohonan") != key:
                continue
            words = normalise(table.text(cells, "deskripsi"))
            kind = next(((k, j) for pattern, k, j in HISTORI if re.search(pattern, words)), None)
            if kind is None:
                self.note(
                    table,
                    row,
                    "deskripsi",
                    "info",
                    Msg("impor.sikerja.histori-ignored", value=table.text(cells, "deskripsi")),
                    unit,
                )
                continue
            day = self.moment(table, row, cells, "created_at", unit)
            if day is None:
                continue
            keterangan = tanpa_kontak(table.text(cells, "deskripsi"))
            if kind[0] == "tahap":
                tahapan.append({"tahap": kind[1], "tanggal": day, "keterangan": keterangan or None})
            else:
                peristiwa.append(
                    {"jenis": kind[1], "tanggal": day, "keterangan": keterangan or None}
                )
        return peristiwa, tahapan

    def permohonan(self, row: int, cells: Sequence[object]) -> SikerjaRow | None:
        table = self.tables["permohonan"]
        parsed = ParsedRow(row, table=table.where)
        for field, column in (
            ("judul", "label"),
            ("mitra", "nama_instansi"),
            ("urusan", "id_kategori"),
            ("ruang_lingkup", "ruang_lingkup"),
            ("maksud_tujuan", "maksud_tujuan"),
            ("status", "status"),
        ):
            if column in table.columns:
                parsed.columns[field] = table.columns[column]
        nomor = table.text(cells, "nomor_permohonan")
        key = table.text(cells, "id") or nomor
        self.labels[row] = f"{table.where} baris {row}" + (f" ({nomor})" if nomor else "")
        record = parsed.record
        record["judul"] = tanpa_kontak(table.text(cells, "label")) or None
        record["pihak"] = self.pihak(table, row, cells, row)
        record["urusan"] = self.urusan(table, row, cells, row)
        record["maksud_tujuan"] = tanpa_kontak(table.text(cells, "maksud_tujuan")) or None
        record["ruang_lingkup"] = [
            tanpa_kontak(v) for v in split_values(table.cell(cells, "ruang_lingkup"))
        ] or None
        record["perangkat_daerah"] = self.perangkat_daerah(
            "permohonan_opd", "id_permohonan", key, row
        )
        if record["pihak"]:
            record["jenis"] = jenis_dari_pihak([p["tipe"] for p in record["pihak"][1:]])
        peristiwa, tahapan = self.histori(key, row)
        created = self.moment(table, row, cells, "created_at", row)
        if created is not None and not any(p["jenis"] == "permohonan" for p in peristiwa):
            peristiwa.append({"jenis": "permohonan", "tanggal": created})
        for event in peristiwa:
            if event["jenis"] == "permohonan" and nomor:
                event["dokumen"] = nomor
        status_text = table.text(cells, "status")
        status = int(status_text) if status_text.isdigit() else None
        if status is None or status > 9:
            self.note(
                table,
                row,
                "status",
                "error",
                Msg("impor.sikerja.bad-status", value=status_text),
                row,
            )
            return None
        alasan = tanpa_kontak(table.text(cells, "alasan_tolak")) or None
        last = max((e["tanggal"] for e in (*peristiwa, *tahapan)), default=created)
        updated = self.moment(table, row, cells, "updated_at", row) or last
        if status == DITOLAK and not any(p["jenis"] == "ditolak" for p in peristiwa) and updated:
            peristiwa.append({"jenis": "ditolak", "tanggal": updated, "keterangan": alasan})
        elif status == DITOLAK and alasan:
            for event in peristiwa:
                if event["jenis"] == "ditolak":
                    event["keterangan"] = alasan
        mulai = self.moment(table, row, cells, "tanggal_mulai", row)
        if status in SIGNED:
            signed = next(
                (t["tanggal"] for t in tahapan if t["tahap"] == "penandatanganan_pks"), mulai
            )
            if signed is None:
                self.note(table, row, "tanggal_mulai", "error", Msg("impor.sikerja.no-start"), row)
            parsed.naskah.update(
                {
                    "jenis": "perjanjian_kerja_sama",
                    "tanggal_ttd": signed,
                    "berlaku_mulai": mulai,
                    "berlaku_sampai": self.masa(table, row, cells, mulai, row),
                }
            )
            self.note(table, row, "tanggal_mulai", "info", Msg("impor.sikerja.ttd-from-start"), row)
        elif status in DRAFTED:
            parsed.naskah["jenis"] = "perjanjian_kerja_sama"
        if status == DICABUT and updated is not None:
            record["status"] = "diakhiri"
            tahapan.append({"tahap": "berakhir", "tanggal": updated, "keterangan": alasan})
        record["peristiwa"] = _clean(sorted(peristiwa, key=lambda e: e["tanggal"])) or None
        record["tahapan"] = _clean(sorted(tahapan, key=lambda e: e["tanggal"])) or None
        return SikerjaRow(parsed, "permohonan", nomor or key, self.labels[row])

    # Manual agreements --------------------------------------------------------------------

    def manual(self, row: int, cells: Sequence[object]) -> SikerjaRow:
        table = self.tables["kerjasama_manual"]
        unit = MANUAL_ROWS + row
        parsed = ParsedRow(unit, table=table.where, line=row)
        for field, column in (
            ("judul", "label"),
            ("mitra", "nama_instansi"),
            ("urusan", "id_kategori"),
            ("ruang_lingkup", "ruang_lingkup"),
        ):
            if column in table.columns:
                parsed.columns[field] = table.columns[column]
        key = table.text(cells, "uuid") or table.text(cells, "id") or table.text(cells, "nomor_pks")
        record = parsed.record
        record["judul"] = tanpa_kontak(table.text(cells, "label")) or None
        record["pihak"] = self.pihak(table, row, cells, unit)
        record["urusan"] = self.urusan(table, row, cells, unit)
        record["ruang_lingkup"] = [
            tanpa_kontak(v) for v in split_values(table.cell(cells, "ruang_lingkup"))
        ] or None
        record["perangkat_daerah"] = self.perangkat_daerah(
            "kerjasama_manual_opd", "id_kerjasama_manual", table.text(cells, "id"), unit
        )
        if record["pihak"]:
            record["jenis"] = jenis_dari_pihak([p["tipe"] for p in record["pihak"][1:]])
        mulai = self.moment(table, row, cells, "tanggal_mulai", unit)
        nomor = table.text(cells, "nomor_pks")
        parsed.naskah.update({
            "jenis": "perjanjian_kerja_sama",
            "nomor": {PERAN[0]: nomor} if nomor else None,
            "tanggal_ttd": _apart(mulai),
            "berlaku_mulai": mulai,
            "berlaku_sampai": self.masa(table, row, cells, mulai, unit),
        })  # fmt: skip
        if mulai is None:
            self.note(table, row, "tanggal_mulai", "error", Msg("impor.sikerja.no-start"), unit)
        self.labels[unit] = f"{table.where} baris {row}" + (f" ({nomor})" if nomor else "")
        return SikerjaRow(parsed, "kerjasama_manual", key, self.labels[unit])


def _apart(day: date | None) -> date | None:
    """A copy of ``day``: one date object in two places would be written as a YAML alias."""
    return None if day is None else date(day.year, day.month, day.day)


def _clean(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events without empty keys, and without exact repeats."""
    cleaned: list[dict[str, Any]] = []
    for event in events:
        item = {k: v for k, v in event.items() if v is not None}
        if item not in cleaned:
            cleaned.append(item)
    return cleaned


def read_sikerja(
    directory: Path,
    *,
    owner: str,
    source_zone: tzinfo,
    local_zone: tzinfo,
    findings: list[Finding],
) -> SikerjaRead:
    """The tables in ``directory`` and one parsed row per request and manual agreement."""
    tables = read_tables(directory)
    reader = _Reader(tables, owner, source_zone, local_zone, findings)
    found: list[SikerjaRow] = []
    steps: list[tuple[str, Callable[[int, Sequence[object]], SikerjaRow | None]]] = [
        ("permohonan", reader.permohonan),
        ("kerjasama_manual", reader.manual),
    ]
    for name, read in steps:
        for row, cells in tables[name].rows if name in tables else ():
            item = read(row, cells)
            if item is not None:
                found.append(item)
    return SikerjaRead(tables, tuple(found), reader.labels)


def plan_sikerja(
    repository: Repository,
    directory: Path,
    *,
    as_of: date,
    owner: str,
    source_zone: tzinfo,
    local_zone: tzinfo,
    lang: Lang = "id",
) -> ImportPlan:
    """Read SIKERJA's exported tables in ``directory`` and plan the records (nothing written)."""
    findings: list[Finding] = []
    read = read_sikerja(directory, owner=owner, source_zone=source_zone,
                        local_zone=local_zone, findings=findings)  # fmt: skip
    rows = read.rows
    by_unit = {item.parsed.row: item for item in rows}

    def source(group: Sequence[ParsedRow]) -> tuple[str, str]:
        item = by_unit[group[0].row]
        header = message("impor.sikerja.sumber", "id", table=item.table, key=item.key)
        return sikerja_source(item.table, item.key), header

    planned = plan_groups(repository, [[item.parsed] for item in rows], findings,
                          as_of=as_of, owner=owner, source=source, lang=lang)  # fmt: skip
    findings.sort(key=lambda f: (f.table or "", f.row, -1 if f.column is None else f.column))
    return ImportPlan(Sheet(directory, None, []), None, tuple(findings), planned, read.labels)
