"""Rows of a register to parsed values, and rows of one cooperation grouped into one record.

How rows are grouped (in this order):

1. a key column (``Kunci ksd``, written by ``ksd export``: the record id, ``#n`` for its n-th
   naskah) or a grouping column (``Grup``, ``ID Kerja Sama``): rows with the same value are one
   record;
2. a PKS or adendum row whose partners are those of an earlier row and which cites one of that
   row's document numbers (in its ``Rujukan``/``Dasar`` column, its title or its remarks)
   joins that earlier row's record;
3. every other row is a record of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from ksd_cli.messages import Msg
from ksd_cli.models import KATEGORI_PER_TIPE
from ksd_cli.register.headings import NOT_IMPORTED, Layout
from ksd_cli.register.values import (
    TIDAK_DIKETAHUI_WORDS,
    Bulan,
    Durasi,
    Rentang,
    ValueProblem,
    cell_text,
    normalise,
    parse_date,
    parse_day,
    parse_day_or_month,
    parse_duration,
    parse_jenis_kerja_sama,
    parse_jenis_naskah,
    parse_kategori,
    parse_pendapatan,
    parse_period,
    parse_peristiwa,
    parse_rupiah,
    parse_sampai,
    parse_urusan,
    per_partner,
    resolve_wilayah,
    split_values,
    tipe_mitra,
)
from ksd_cli.tanggal import TanggalBulan

Level = Literal["error", "warning", "info"]
PERAN = ("pihak_kesatu", "pihak_kedua", "pihak_ketiga", "pihak_keempat", "pihak_kelima")
#: Register fields that feed the record (not one of its naskah), and the record key they set.
RECORD_FIELDS = {
    "judul": "judul",
    "jenis": "jenis",
    "urusan": "urusan",
    "maksud_tujuan": "maksud_tujuan",
    "objek": "objek",
    "ruang_lingkup": "ruang_lingkup",
    "mitra": "pihak",
    "perangkat_daerah": "perangkat_daerah",
    "nilai": "pembiayaan",
    "status": "status",
    "keterangan": "catatan",
    "peristiwa": "peristiwa",
}
#: Register fields that feed a naskah, and the naskah key they set.
NASKAH_FIELDS = {
    "jenis_naskah": "jenis",
    "nomor": "nomor",
    "nomor_pihak_kesatu": "nomor",
    "nomor_pihak_kedua": "nomor",
    "nomor_pihak_ketiga": "nomor",
    "tanggal_ttd": "tanggal_ttd",
    "tempat_ttd": "tempat_ttd",
    "berlaku_mulai": "berlaku_mulai",
    "berlaku_sampai": "berlaku_sampai",
    "masa_berlaku": "berlaku_sampai",
    "berkas": "berkas",
    "objek_naskah": "objek",
    "ruang_lingkup_naskah": "ruang_lingkup",
    "nilai_naskah": "nilai",
}
_STORED_STATUS = {"dibatalkan": "dibatalkan", "batal": "dibatalkan", "diakhiri": "diakhiri"}


@dataclass(frozen=True)
class Finding:
    """A problem (or a note) positioned in the register: row, and column when there is one."""

    row: int
    column: int | None
    level: Level
    words: Msg
    #: Where the row is when not in the register's sheet ("permohonan.csv"); SIKERJA's tables.
    table: str | None = None
    #: The record's unit (the ``ParsedRow.row`` it belongs to) when it differs from ``row``.
    unit: int | None = None

    @property
    def record_unit(self) -> int:
        """The ``ParsedRow.row`` whose record this finding is about."""
        return self.row if self.unit is None else self.unit


@dataclass
class ParsedRow:
    """One data row: record values, naskah values, and where each came from."""

    row: int
    record: dict[str, Any] = field(default_factory=dict)
    naskah: dict[str, Any] = field(default_factory=dict)
    columns: dict[str, int] = field(default_factory=dict)
    kunci: str | None = None
    posisi: int | None = None
    grup: str | None = None
    cites: str = ""
    #: For rows of another table than the register's sheet (SIKERJA): its name and real row.
    table: str | None = None
    line: int | None = None

    @property
    def at(self) -> int:
        """The row in its table (``row`` is a unique key that may differ, see SIKERJA)."""
        return self.row if self.line is None else self.line

    @property
    def partners(self) -> tuple[str, ...]:
        """The partners' identities, to tell whether two rows name the same parties."""
        return tuple(
            sorted(p.get("kode_wilayah") or normalise(p.get("nama", ""))
                   for p in self.record.get("pihak") or ())
        )  # fmt: skip


class CellReader:
    """Cells read once per distinct text, for the rows of one register.

    A register repeats its partners, kinds, places, terms and urusan on every row (ten thousand
    rows, a few dozen distinct texts): a text cell's stripped text and what a parser made of
    it are remembered (a list as a tuple, handed out as a new list: rows change theirs). Only
    text cells, and only values that cannot change: numbers and dates read from a sheet are
    quick to read again, and two equal ones may differ (a time zone).
    """

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._parsed: dict[tuple[Callable[[object], Any], str], Any] = {}
        self._layout: Layout | None = None
        self._fields: tuple[tuple[str, int], ...] = ()

    def fields(self, layout: Layout) -> tuple[tuple[str, int], ...]:
        """The imported fields of ``layout`` and their columns, in the layout's order."""
        if layout is not self._layout:
            self._layout = layout
            self._fields = tuple(
                (c.field, c.index)
                for c in layout.mapped
                if c.field is not None and c.field not in NOT_IMPORTED
            )
        return self._fields

    def text(self, value: object) -> str:
        """:func:`cell_text` of ``value``."""
        if type(value) is not str:
            return cell_text(value)
        text = self._texts.get(value)
        if text is None:
            text = self._texts[value] = cell_text(value)
        return text

    def parse(self, parser: Callable[[object], Any], value: object) -> Any:
        """``parser(value)``; its ``ValueProblem`` is raised again each time, never kept."""
        if type(value) is not str:
            return parser(value)
        key = (parser, value)
        if key in self._parsed:
            kept = self._parsed[key]
            return list(kept) if type(kept) is tuple else kept
        result = parser(value)
        kind = type(result)
        if kind is list and all(type(item) is str for item in result):
            self._parsed[key] = tuple(result)
        elif kind in _UNCHANGING:
            self._parsed[key] = result
        return result


#: Parsed values that nothing changes later, so that one can serve every row that has it.
_UNCHANGING = frozenset({str, int, date, TanggalBulan, Durasi, type(None)})


def parse_row(
    cells: Sequence[object],
    row: int,
    layout: Layout,
    owner: str,
    reader: CellReader | None = None,
) -> tuple[ParsedRow | None, list[Finding]]:
    """The values of one data row (``None`` for an empty row), and what could not be read.

    ``reader``: the same for every row of a register, so that each distinct text is read once.
    """
    reader = CellReader() if reader is None else reader
    parsed = ParsedRow(row)
    findings: list[Finding] = []
    raw: dict[str, tuple[int, object]] = {}
    for name, index in reader.fields(layout):
        raw[name] = (index, cells[index] if index < len(cells) else None)
        parsed.columns[name] = index
    text = {name: reader.text(value) for name, (_, value) in raw.items()}
    if not any(text.values()):
        return None, []

    def read(name: str, parser: Any) -> Any:
        index, value = raw[name]
        if text[name] == "":
            return None
        try:
            return reader.parse(parser, value)
        except ValueProblem as problem:
            findings.append(Finding(row, index, "error", problem.words))
            return None

    if "kunci" in raw and text["kunci"]:
        kunci, _, posisi = text["kunci"].partition("#")
        parsed.kunci = kunci
        parsed.posisi = int(posisi) if posisi.isdigit() else None
    if "grup" in raw and text["grup"]:
        parsed.grup = text["grup"]
    record = parsed.record
    jenis_naskah = None
    if "jenis" in raw and text["jenis"]:
        # "Jenis Kerja Sama" holds either the record's kind (ksdpk) or the document's (MoU).
        kind = parse_jenis_kerja_sama(text["jenis"])
        if kind is not None:
            record["jenis"] = kind
        else:
            jenis_naskah = read("jenis", parse_jenis_naskah)
    for name, key in (("judul", "judul"), ("maksud_tujuan", "maksud_tujuan"),
                      ("objek", "objek"), ("keterangan", "catatan")):  # fmt: skip
        if name in raw:
            record[key] = text[name] or None
    for name in ("ruang_lingkup", "perangkat_daerah"):
        if name in raw:
            record[name] = reader.parse(split_values, raw[name][1]) or None
    if "urusan" in raw:
        record["urusan"] = read("urusan", parse_urusan)
    if "nilai" in raw:
        record["pembiayaan"] = read("nilai", parse_rupiah)
    if "status" in raw:
        record["status"] = _STORED_STATUS.get(normalise(text["status"]))
    if "mitra" in raw:
        record["pihak"] = _pihak(raw["mitra"], row, owner, record.get("jenis"), findings)
        _mitra_v11(record["pihak"], raw, row, findings)
    if "pendapatan" in raw:
        record["pendapatan"] = read("pendapatan", parse_pendapatan)
    if "peristiwa" in raw or "tanggal_peristiwa" in raw:
        record["peristiwa_terakhir"] = _peristiwa(raw, row, read, findings)
    _parse_naskah(parsed, raw, text, read, jenis_naskah, findings)
    parsed.cites = " ".join(text.get(n, "") for n in ("rujukan", "judul", "keterangan"))
    return parsed, findings


def _pihak(
    cell: tuple[int, object], row: int, owner: str, jenis: str | None, findings: list[Finding]
) -> list[dict[str, Any]] | None:
    index, value = cell
    names = split_values(value)
    if not names:
        return None
    parties: list[dict[str, Any]] = [{"peran": PERAN[0], "tipe": "pemda", "kode_wilayah": owner}]
    for name in names:
        peran = PERAN[len(parties)] if len(parties) < len(PERAN) else f"pihak_{len(parties) + 1}"
        match = resolve_wilayah(name)
        if match is not None:
            parties.append({"peran": peran, "tipe": "pemda", "kode_wilayah": match.wilayah.kode})
            if normalise(name) != normalise(match.wilayah.pemerintah):
                words = Msg("register.partner-matched", value=name, nama=match.wilayah.nama,
                            kode=match.wilayah.kode, score=f"{match.score:.0%}")  # fmt: skip
                findings.append(Finding(row, index, "info", words))
        elif re.match(r"(?i)^(pem(erintah|kab|kot|prov)|kab\.?|kota|prov)\b", name):
            findings.append(
                Finding(row, index, "error", Msg("register.unknown-region", value=name))
            )
        else:
            parties.append({"peran": peran, "tipe": tipe_mitra(name, jenis), "nama": name})
    return parties


def _mitra_v11(
    parties: list[dict[str, Any]] | None,
    raw: dict[str, tuple[int, object]],
    row: int,
    findings: list[Finding],
) -> None:
    """Each partner's ``kategori`` and ``unit_kerja`` (v1.1), one per partner in a cell.

    A key set to ``None`` says the register speaks for it and it is empty (an update removes
    it). A category names the partner's type too: a ministry's office is not a third party.
    """
    partners = (parties or [])[1:]
    for name, key in (("kategori_mitra", "kategori"), ("unit_kerja_mitra", "unit_kerja")):
        if name not in raw or not partners:
            continue
        index, value = raw[name]
        values = per_partner(value) if cell_text(value) else []
        if len(values) > len(partners):
            words = Msg("impor.too-many-values", count=len(values), partners=len(partners))
            findings.append(Finding(row, index, "error", words))
            continue
        for i, party in enumerate(partners):
            item = values[i] if i < len(values) else None
            if item is None or key == "unit_kerja":
                party[key] = item
                continue
            try:
                party[key] = parse_kategori(item)
            except ValueProblem as problem:
                findings.append(Finding(row, index, "error", problem.words))
                continue
            for tipe, allowed in KATEGORI_PER_TIPE.items():
                if party[key] in allowed and party["tipe"] != "pemda":
                    party["tipe"] = tipe


def _peristiwa(
    raw: dict[str, tuple[int, object]], row: int, read: Any, findings: list[Finding]
) -> dict[str, Any] | None:
    """The latest event of a proposal (v1.1), from "Peristiwa Terakhir" and its date."""
    jenis = read("peristiwa", parse_peristiwa) if "peristiwa" in raw else None
    tanggal = read("tanggal_peristiwa", parse_day_or_month) if "tanggal_peristiwa" in raw else None
    if jenis is not None and tanggal is not None:
        return {"jenis": jenis, "tanggal": tanggal}
    missing = "tanggal_peristiwa" if jenis is not None else "peristiwa" if tanggal else None
    if missing is not None:
        index = raw[missing][0] if missing in raw else None
        findings.append(Finding(row, index, "error", Msg("impor.peristiwa-no-date")))
    return None


def _parse_naskah(
    parsed: ParsedRow,
    raw: dict[str, tuple[int, object]],
    text: dict[str, str],
    read: Any,
    jenis_naskah: str | None,
    findings: list[Finding],
) -> None:
    naskah = parsed.naskah
    if "jenis_naskah" in raw and text["jenis_naskah"]:
        jenis_naskah = read("jenis_naskah", parse_jenis_naskah)
    if jenis_naskah is not None:
        naskah["jenis"] = jenis_naskah
    nomor: dict[str, str] = {}
    if "nomor" in raw and text["nomor"]:
        nomor[PERAN[0]] = text["nomor"]
    for i, peran in enumerate(PERAN[:3]):
        name = f"nomor_{peran}"
        if name in raw and text[name]:
            nomor[PERAN[i]] = text[name]
    if any(n in raw for n in ("nomor", "nomor_pihak_kesatu", "nomor_pihak_kedua")):
        naskah["nomor"] = nomor or None
    if "tanggal_ttd" in raw:
        naskah["tanggal_ttd"] = read("tanggal_ttd", parse_day_or_month)
    if "berlaku_mulai" in raw:
        naskah["berlaku_mulai"] = read("berlaku_mulai", parse_day)
    if "berlaku_sampai" in raw:
        naskah["berlaku_sampai"] = read("berlaku_sampai", _sampai)
    for name, key in (
        ("tempat_ttd", "tempat_ttd"),
        ("berkas", "berkas"),
        ("objek_naskah", "objek"),
    ):
        if name in raw:
            naskah[key] = text[name] or None
    if "ruang_lingkup_naskah" in raw:
        naskah["ruang_lingkup"] = split_values(raw["ruang_lingkup_naskah"][1]) or None
    if "nilai_naskah" in raw:
        naskah["nilai"] = read("nilai_naskah", parse_rupiah)
    term, term_column = None, ""
    if isinstance(naskah.get("berlaku_sampai"), Durasi | Rentang):
        # "Berlaku s/d: 5 tahun": a term where the end was asked for, read as "Masa Berlaku".
        term, term_column = naskah["berlaku_sampai"], "berlaku_sampai"
        naskah["berlaku_sampai"] = None
    elif "masa_berlaku" in raw and text["masa_berlaku"] and not naskah.get("berlaku_sampai"):
        term, term_column = read("masa_berlaku", _term), "masa_berlaku"
    if term is not None:
        start = naskah.get("berlaku_mulai") or naskah.get("tanggal_ttd")
        if isinstance(term, Durasi) and isinstance(start, TanggalBulan):
            # A term from a month-only signing gives no last day: the end is not known.
            naskah["berlaku_sampai"] = "tidak_diketahui"
            words = Msg("lanjutan.term-from-month", value=text[term_column])
            findings.append(Finding(parsed.row, raw[term_column][0], "warning", words))
        elif isinstance(term, Durasi) and isinstance(start, date):
            try:
                naskah["berlaku_sampai"] = term.sampai(start)
            except ValueProblem as problem:  # past the calendar from a start in year 9990
                findings.append(Finding(parsed.row, raw[term_column][0], "error", problem.words))
        elif isinstance(term, Rentang):
            # "1 Maret 2021 s.d. 28 Februari 2026": its start too, unless a column gives one.
            naskah["berlaku_sampai"] = term.sampai
            if not naskah.get("berlaku_mulai"):
                naskah["berlaku_mulai"] = term.mulai
        elif isinstance(term, date | str):
            naskah["berlaku_sampai"] = term
    filled = any(v is not None for k, v in naskah.items() if k != "jenis")
    if filled and "jenis" not in naskah:
        # A ministry signs a nota kesepakatan (sinergi); everyone else starts with a KB.
        tipe = {p["tipe"] for p in parsed.record.get("pihak") or ()}
        assumed = "nota_kesepakatan" if "kementerian_lembaga" in tipe else "kesepakatan_bersama"
        naskah["jenis"] = assumed
        column = parsed.columns.get("jenis_naskah", parsed.columns.get("jenis"))
        words = Msg("register.jenis-assumed", jenis=assumed)
        findings.append(Finding(parsed.row, column, "warning", words))
    if not filled and "jenis" not in naskah:
        naskah.clear()


_TOO_LONG = "register.term-too-long"


def _sampai(value: object) -> Durasi | Rentang | date | str:
    """The "Berlaku Hingga" cell: an end date, "tidak diketahui", or a term or a period.

    A term ("5 tahun") or a period is read as a "Masa Berlaku" cell reads it; anything else
    is the end date's problem.
    """
    try:
        return parse_sampai(value)
    except ValueProblem as problem:
        try:
            return _term(value)
        except ValueProblem as term:
            raise (term if term.words.key == _TOO_LONG else problem) from None


def _term(value: object) -> Durasi | Rentang | date | str:
    """The "Masa Berlaku" cell: a term ("5 tahun"), a period, an end date, "tidak diketahui"."""
    if normalise(cell_text(value)) in TIDAK_DIKETAHUI_WORDS:
        return "tidak_diketahui"
    if (period := parse_period(value)) is not None:
        return period
    try:
        return parse_duration(value)
    except ValueProblem as problem:
        if problem.words.key == _TOO_LONG:
            raise  # a term, far too long: not a date either
        parsed = parse_date(value)
        if isinstance(parsed, Bulan):
            raise ValueProblem(Msg("register.month-only", value=cell_text(value))) from None
        return parsed


# Grouping ------------------------------------------------------------------------------------

_FOLLOWERS = frozenset({"perjanjian_kerja_sama", "adendum"})


def group_rows(rows: Sequence[ParsedRow]) -> list[list[ParsedRow]]:
    """Rows of one cooperation together, in register order (see the module docstring)."""
    groups: list[list[ParsedRow]] = []
    by_key: dict[str, list[ParsedRow]] = {}
    # Groups by their first row's partners: a row is compared only with its partners' groups.
    by_partners: dict[tuple[str, ...], list[list[ParsedRow]]] = {}
    for row in rows:
        key = row.kunci or row.grup
        if key:
            if key not in by_key:
                by_key[key] = []
                groups.append(by_key[key])
            by_key[key].append(row)
            continue
        partners = row.partners
        same = by_partners.get(partners, [])
        target = _cited_group(row, same) if row.naskah.get("jenis") in _FOLLOWERS else None
        if target is not None:
            target.append(row)
        else:
            groups.append([row])
            by_partners.setdefault(partners, []).append(groups[-1])
    return groups


def _cited_group(row: ParsedRow, groups: Sequence[list[ParsedRow]]) -> list[ParsedRow] | None:
    """The latest of ``groups`` (those of the row's partners) one of whose numbers it cites."""
    cites = " ".join(row.cites.split()).lower()
    if not cites:
        return None
    for group in reversed(groups):
        for earlier in group:
            numbers = (earlier.naskah.get("nomor") or {}).values()
            if any(len(n) >= 4 and " ".join(n.split()).lower() in cites for n in numbers):
                return group
    return None
