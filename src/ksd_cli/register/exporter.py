"""``ksd export``: the repository as a flat register, one row per record or per document.

The headings are ones ``ksd import`` recognises, so a register exported, edited in a
spreadsheet program and imported again updates exactly the cells that were edited. A hidden
first column ``Kunci ksd`` holds the record id (``#n`` for its n-th naskah), which is how the
import finds the record again. ``Tahap`` and ``Status`` are derived as of the as-of date (the
import reads back only a stored status, ``dibatalkan`` or ``diakhiri``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from ksd_cli.escaping import csv_cell
from ksd_cli.idformat import tanggal
from ksd_cli.lifecycle import lifecycle
from ksd_cli.models import Agreement, Naskah
from ksd_cli.reference import load_reference
from ksd_cli.repository import Repository
from ksd_cli.tanggal import TanggalBulan
from ksd_cli.xlsx import DATE_FORMAT, RUPIAH_FORMAT

if TYPE_CHECKING:
    from ksd_cli.stalled import InvalidRecord

Per = Literal["naskah", "record"]
PERAN = ("pihak_kesatu", "pihak_kedua", "pihak_ketiga")
KEY_HEADING = "Kunci ksd"


@dataclass(frozen=True)
class ExportColumn:
    """A column of the exported register: heading, width, number format, hidden or not."""

    heading: str
    width: int = 16
    number_format: str | None = None
    hidden: bool = False


@dataclass(frozen=True)
class ExportTable:
    """The register: columns and rows of typed values (dates as dates, rupiah as integers)."""

    columns: tuple[ExportColumn, ...]
    rows: tuple[tuple[Any, ...], ...]
    #: The agreement files that do not load, so are not in the register.
    skipped: tuple[InvalidRecord, ...] = ()


def export_table(
    repository: Repository, *, as_of: date, per: Per, owner: str | None
) -> ExportTable:
    """Every agreement that loads, as register rows; those that do not are named in ``skipped``."""
    from ksd_cli.loading import load_records
    from ksd_cli.stalled import invalid_records

    loaded = load_records(repository, lang="id")
    agreements = [r.record for r in loaded.records if isinstance(r.record, Agreement)]
    folder = _rel_folder(repository)
    skipped = tuple(
        r
        for r in invalid_records(loaded, (i.source.rel for i in loaded.records))
        if folder is None or r.path.startswith(folder)
    )
    columns = [
        ExportColumn(KEY_HEADING, 22, hidden=True),
        ExportColumn("No", 5),
        ExportColumn("Judul", 40),
        ExportColumn("Jenis Kerja Sama", 14),
        ExportColumn("Mitra Kerja Sama", 36),
        ExportColumn("Urusan", 30),
        ExportColumn("Perangkat Daerah", 30),
        ExportColumn("Ruang Lingkup", 30),
        ExportColumn("Nilai", 18, RUPIAH_FORMAT),
        ExportColumn("Keterangan", 30),
        *V11_RECORD_COLUMNS,
    ]
    if per == "naskah":
        columns += [
            ExportColumn("Jenis Naskah", 20),
            *(ExportColumn(f"Nomor {p.replace('_', ' ').title()}", 22) for p in PERAN),
            ExportColumn("Tanggal Penandatanganan", 18, DATE_FORMAT),
            ExportColumn("Tempat", 16),
            ExportColumn("Berlaku Mulai", 18, DATE_FORMAT),
            ExportColumn("Berlaku Hingga", 18, DATE_FORMAT),
            ExportColumn("Dokumen", 24),
            *V11_NASKAH_COLUMNS,
        ]
    columns += [ExportColumn("Tahap", 18), ExportColumn("Status", 14)]
    rows: list[tuple[Any, ...]] = []
    for record in sorted(agreements, key=lambda a: a.id):
        state = lifecycle(record, as_of)
        common = _record_cells(record, owner)
        derived = (state.tahap_terakhir, state.status)
        if per == "record" or not record.naskah:
            rows.append(
                (
                    record.id,
                    len(rows) + 1,
                    *common,
                    *(_blank_naskah() if per == "naskah" else ()),
                    *derived,
                )
            )
            continue
        for position, naskah in enumerate(record.naskah, 1):
            key = f"{record.id}#{position}"
            rows.append((key, len(rows) + 1, *common, *_naskah_cells(naskah), *derived))
    return ExportTable(tuple(columns), tuple(rows), skipped)


def _rel_folder(repository: Repository) -> str | None:
    """The agreements' folder as loading names its files (``data/agreements/``)."""
    try:
        return repository.agreements_dir.relative_to(repository.root).as_posix() + "/"
    except ValueError:
        return None


def _record_cells(record: Agreement, owner: str | None) -> tuple[Any, ...]:
    reference = load_reference()
    partners = []
    for pihak in record.pihak:
        if pihak.tipe == "pemda" and pihak.kode_wilayah == owner:
            continue
        wilayah = reference.wilayah.get(pihak.kode_wilayah or "") if pihak.tipe == "pemda" else None
        partners.append(wilayah.pemerintah if wilayah is not None else pihak.nama or "")
    urusan = [
        f"{kode} {found.nama}" if (found := reference.cari_urusan(kode)) is not None else kode
        for kode in record.urusan
    ]
    nilai = record.pembiayaan.nilai if record.pembiayaan is not None else None
    return (
        record.judul,
        record.jenis,
        "; ".join(partners),
        "; ".join(urusan),
        "; ".join(record.perangkat_daerah or ()),
        "\n".join(record.ruang_lingkup or ()),
        nilai,
        record.catatan,
        *_record_cells_v11(record, owner),
    )


def _naskah_cells(naskah: Naskah) -> tuple[Any, ...]:
    nomor = naskah.nomor or {}
    return (
        naskah.jenis,
        *(nomor.get(p) for p in PERAN),
        naskah.tanggal_ttd,
        naskah.tempat_ttd,
        naskah.berlaku_mulai,
        TIDAK_DIKETAHUI_CELL if naskah.sampai_tidak_diketahui else naskah.berlaku_sampai,
        naskah.berkas,
        naskah.objek,
        "\n".join(naskah.ruang_lingkup or ()),
        naskah.nilai,
    )


def _blank_naskah() -> tuple[None, ...]:
    return (None,) * (len(PERAN) + 6 + len(V11_NASKAH_COLUMNS))


# v1.1 columns (issue 11) -------------------------------------------------------------------

#: How a register cell says v1.1's ``berlaku_sampai: tidak_diketahui``.
TIDAK_DIKETAHUI_CELL = "tidak diketahui"
V11_RECORD_COLUMNS = (
    ExportColumn("Kategori Mitra", 22),
    ExportColumn("Unit Kerja Mitra", 28),
    ExportColumn("Pendapatan", 28),
    ExportColumn("Peristiwa Terakhir", 20),
    ExportColumn("Tanggal Peristiwa Terakhir", 18, DATE_FORMAT),
)
V11_NASKAH_COLUMNS = (
    ExportColumn("Objek Naskah", 30),
    ExportColumn("Ruang Lingkup Naskah", 30),
    ExportColumn("Nilai Naskah", 18, RUPIAH_FORMAT),
)


def _record_cells_v11(record: Agreement, owner: str | None) -> tuple[Any, ...]:
    """Partners' category and unit ("-" for none, one per partner), revenue, latest event."""
    partners = [p for p in record.pihak if not (p.tipe == "pemda" and p.kode_wilayah == owner)]
    kategori = "; ".join(p.kategori or "-" for p in partners)
    unit = "; ".join(p.unit_kerja or "-" for p in partners)
    pendapatan = record.pembiayaan.pendapatan if record.pembiayaan is not None else None
    revenue = "; ".join(
        e.jenis if e.nilai is None else f"{e.jenis} {e.nilai}" for e in pendapatan or ()
    )
    latest = max(record.peristiwa or (), key=lambda e: e.tanggal, default=None)
    return (
        kategori if kategori.strip("-; ") else None,
        unit if unit.strip("-; ") else None,
        revenue or None,
        latest.jenis if latest is not None else None,
        latest.tanggal if latest is not None else None,
    )


# Writers, keyed by --format ------------------------------------------------------------------


def write_xlsx(table: ExportTable, path: Path) -> None:
    """An Excel register: styled, frozen header, filters, the key column hidden."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from ksd_cli.atomic import write_bytes_atomic
    from ksd_cli.xlsx import Column, workbook_bytes, write_table

    workbook = Workbook()
    ws = workbook.active
    assert ws is not None  # a new workbook has one sheet
    ws.title = "Register"
    columns = [Column(c.heading, c.width, c.number_format) for c in table.columns]
    rows = [tuple(_xlsx_value(v) for v in row) for row in table.rows]
    # write_table writes every text as a text cell: nothing in a record becomes a formula.
    write_table(ws, columns, rows)
    for index, column in enumerate(table.columns, 1):
        if column.hidden:
            ws.column_dimensions[get_column_letter(index)].hidden = True
    write_bytes_atomic(path, workbook_bytes(workbook))


def _xlsx_value(value: Any) -> Any:
    """A month-only date (v1.1) as the text "Maret 2021": a date cell would bring back a day.

    ``ksd import`` reads the text back as the month; an Excel date cell would be read as the
    1st of the month, a day no source gave.
    """
    if isinstance(value, TanggalBulan):
        return tanggal(value)
    return value


def write_csv(table: ExportTable, path: Path) -> None:
    """A CSV register file: UTF-8 with a BOM (so Excel reads it as UTF-8), ISO dates.

    A month-only date (v1.1) is written as the record writes it, ``2021-03``.
    """
    from ksd_cli.atomic import write_text_atomic

    stream = io.StringIO()
    stream.write("\ufeff")
    write_csv_to(table, stream)
    write_text_atomic(path, stream.getvalue())


def write_csv_to(table: ExportTable, stream: TextIO) -> None:
    """The CSV register's rows written to ``stream`` (no BOM: standard output, a pipe)."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([c.heading for c in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(v) for v in row])


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    # A leading ' keeps a spreadsheet from running text as a formula; ksd import strips it.
    return str(csv_cell(str(value)))


WRITERS: dict[str, Callable[[ExportTable, Path], None]] = {"xlsx": write_xlsx, "csv": write_csv}


def export_register(
    repository: Repository, path: Path, *, fmt: str, per: Per, as_of: date, owner: str | None
) -> ExportTable:
    """Write the register to ``path`` in format ``fmt``; return what was written."""
    table = export_table(repository, as_of=as_of, per=per, owner=owner)
    WRITERS[fmt](table, path)
    return table


def cut_cells(table: ExportTable) -> tuple[tuple[str, str], ...]:
    """The texts an Excel register cuts, as (record id, heading): over 32,767 characters.

    Excel keeps no more in a cell, and neither does the writer; ``ksd import`` reading such a
    cell back keeps the record's whole text (see ``importer``). A record's text repeated on
    each of its naskah's rows is named once.
    """
    from ksd_cli.xlsxrows import MAX_TEXT

    names = headings(table)
    cut = {
        (str(row[0]).partition("#")[0], names[i]): None
        for row in table.rows
        for i, value in enumerate(row)
        if isinstance(value, str) and len(value) > MAX_TEXT
    }
    return tuple(cut)


def headings(table: ExportTable) -> Sequence[str]:
    """The headings, in order."""
    return [c.heading for c in table.columns]
