"""The values an evaluation report is made of: its period, tables of plain cells, and figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ksd_cli.idformat import date_text
from ksd_cli.messages import Lang, message
from ksd_cli.stalled import InvalidRecord, StalledResult

#: How a column's values read: the writers pick number formats and wording from it.
ColumnKind = Literal["teks", "bilangan", "rupiah", "persen", "tanggal"]
#: One cell: text, a count or rupiah (int), a share 0..1 (float), a date, or nothing.
Cell = str | int | float | date | None


@dataclass(frozen=True)
class Period:
    """The reporting period: events dated ``start``..``end`` (both included) are counted."""

    start: date
    end: date

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year ``year``: 1 January to 31 December."""
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def is_year(self) -> bool:
        """Whether the period is exactly one calendar year."""
        year = self.start.year
        return (self.start, self.end) == (date(year, 1, 1), date(year, 12, 31))

    @property
    def slug(self) -> str:
        """For file names: "2024", or "2024-01-01_2024-06-30"."""
        if self.is_year:
            return str(self.start.year)
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    @property
    def judul(self) -> str:
        """In words: "Tahun 2024 (1 Januari 2024 s.d. 31 Desember 2024)"."""
        return self.title("id")

    def title(self, lang: Lang) -> str:
        """In words in ``lang``: "Year 2024 (1 January 2024 to 31 December 2024)" in English."""
        span = message(
            "laporan.period-span",
            lang,
            start=date_text(self.start, lang),
            end=date_text(self.end, lang),
        )
        if not self.is_year:
            return span
        return message("laporan.period-year", lang, tahun=self.start.year, span=span)


@dataclass(frozen=True)
class Column:
    """A column of a report table: header, kind of value, width in characters (for Excel)."""

    header: str
    kind: ColumnKind = "teks"
    width: int = 14


@dataclass(frozen=True)
class Table:
    """A titled table of plain cells, one tuple per row, in the order of ``columns``."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str | None = None

    def column(self, header: str) -> list[Cell]:
        """The values of the column headed ``header``."""
        index = [c.header for c in self.columns].index(header)
        return [row[index] for row in self.rows]

    def records(self) -> list[dict[str, Cell]]:
        """The rows as mappings from header to value."""
        headers = [c.header for c in self.columns]
        return [dict(zip(headers, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class Figure:
    """One key figure of the summary: label, value and how to read it."""

    label: str
    value: Cell
    kind: ColumnKind = "bilangan"


@dataclass(frozen=True)
class Share:
    """A part of a whole: ``part`` of ``whole``, and their ratio (None when ``whole`` is 0)."""

    part: int
    whole: int

    @property
    def ratio(self) -> float | None:
        """``part / whole``, or None for an empty whole."""
        return self.part / self.whole if self.whole else None


@dataclass(frozen=True)
class Report:
    """A region's cooperation over a period: state as of ``as_of``, events within ``period``.

    Tables are grouped by the sections of the report (I. Ringkasan to VII. Daftar kerja sama);
    ``stalled`` is the ``ksd stalled`` result the findings come from.
    """

    daerah_kode: str | None
    daerah_nama: str
    period: Period
    as_of: date
    ksd_version: str
    data_commit: str | None
    data_changed: bool
    agreements: int
    potentials: int
    invalid: tuple[InvalidRecord, ...]
    # I. Ringkasan
    ikhtisar: tuple[Figure, ...]
    konversi: Share
    menurut_jenis: Table
    menurut_status: Table
    menurut_tahap: Table
    kegiatan: Table
    konversi_per_tahun: Table
    temuan_per_kode: Table
    # II. Rincian
    menurut_urusan: Table
    menurut_mitra: Table
    menurut_perangkat_daerah: Table
    # III. Temuan
    temuan: Table
    # IV. Akan berakhir
    akan_berakhir: Table
    # V. Pemetaan potensi
    tindak_lanjut_potensi: Share
    potensi_per_urusan: Table
    potensi_belum_ditindaklanjuti: Table
    # VI. Monev
    rekomendasi: Table
    monev_terakhir: Table
    tanpa_monev: Table
    # VII. Daftar kerja sama
    daftar: Table
    stalled: StalledResult
    schema_version: int = 1
    #: The language of every title, header and note above, and of the writers' wording.
    lang: Lang = "id"
    # issue 13: record format v1.1 and an evaluator's questions (see report/evaluasi.py)
    menurut_kategori_mitra: Table | None = None
    pembiayaan: Table | None = None
    penilaian_monev: Table | None = None
    penilaian_per_kriteria: Table | None = None
    usulan: Table | None = None
    berbatasan: Table | None = None
    kelembagaan: Table | None = None
    #: The signed KBs not followed yet whose ``kb_tanpa_pks`` time has not run out: outside
    #: ``konversi`` (whose whole is the other KBs), as in the table by year.
    kb_muda: int = 0

    @property
    def tambahan(self) -> tuple[Table, ...]:
        """The issue 13 tables, in the order of the report (those that were built)."""
        tables = (
            self.menurut_kategori_mitra,
            self.usulan,
            self.pembiayaan,
            self.penilaian_per_kriteria,
            self.penilaian_monev,
            self.berbatasan,
            self.kelembagaan,
        )
        return tuple(t for t in tables if t is not None)

    @property
    def dibuat_dengan(self) -> str:
        """Provenance line: "dibuat dengan ksd 0.1.0 dari commit data 1a2b3c4"."""
        lang = self.lang
        if self.data_commit is None:
            source = message("laporan.from-no-git", lang)
        else:
            source = message("laporan.from-commit", lang, commit=self.data_commit)
            if self.data_changed:
                source += message("laporan.uncommitted", lang)
        return message("laporan.made-with", lang, version=self.ksd_version, source=source)
