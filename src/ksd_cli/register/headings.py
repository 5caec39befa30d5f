"""Finding the columns of a register: which heading means which field, and where the header is.

Headings are matched case- and spacing-insensitively against synonyms ("Mitra Kerja Sama",
"OPD Pelaksana"). The header row may sit below a title block, and may be two rows where a
merged cell ("Nomor", "Masa Berlaku") spans the cells below it ("Pemkab", "Mitra"; "Mulai",
"Berakhir"): then each column's heading is the lower cell, or both joined when the lower one
alone means nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ksd_cli.register.values import cell_text, normalise

#: Field → headings that mean it (normalised: lower case, punctuation gone). The field names
#: are what ``--map COLUMN=FIELD`` and a mapping file accept.
FIELDS: dict[str, tuple[str, ...]] = {
    "kunci": ("kunci ksd", "kunci", "id ksd", "id rekaman"),
    "grup": ("grup", "kelompok", "id kerja sama", "kode kerja sama"),
    "no": ("no", "nomor urut", "no urut"),
    "judul": (
        "judul", "judul tentang", "tentang", "perihal", "nama kerja sama", "uraian",
        "judul kerja sama", "judul kerjasama", "judul naskah", "judul perjanjian",
    ),
    "mitra": (
        "mitra kerja sama", "mitra kerjasama", "mitra", "pihak mitra", "nama mitra",
        "para pihak", "pihak kedua", "instansi mitra", "nama instansi",
    ),
    "jenis": ("jenis kerja sama", "jenis kerjasama", "kategori kerja sama", "jenis ksd"),
    "jenis_naskah": ("jenis naskah", "jenis dokumen", "bentuk kerja sama", "bentuk", "jenis"),
    "nomor": ("nomor", "nomor naskah", "nomor perjanjian", "no naskah", "nomor dokumen"),
    "nomor_pihak_kesatu": (
        "nomor pihak kesatu", "nomor pihak pertama", "nomor pemda", "nomor pemkab",
        "nomor pemkot", "nomor pemprov", "nomor kami", "nomor daerah",
    ),
    "nomor_pihak_kedua": ("nomor pihak kedua", "nomor mitra", "nomor pihak mitra"),
    "nomor_pihak_ketiga": ("nomor pihak ketiga",),
    "rujukan": ("rujukan", "dasar", "nomor kb", "dasar kb", "rujukan kb", "naskah induk"),
    "tanggal_ttd": (
        "tanggal penandatanganan", "tanggal ttd", "tgl ttd", "tanggal", "tgl",
        "tanggal tanda tangan", "sign", "ttd",
    ),
    "tempat_ttd": ("tempat", "tempat penandatanganan", "tempat ttd", "lokasi penandatanganan"),
    "masa_berlaku": ("masa berlaku", "jangka waktu", "durasi", "lama berlaku"),
    "berlaku_mulai": ("mulai", "berlaku mulai", "tanggal mulai", "mulai berlaku", "dari"),
    "berlaku_sampai": (
        "berlaku hingga", "berlaku sampai", "s d", "sd", "sampai", "hingga", "berakhir",
        "tanggal berakhir", "masa berlaku s d", "masa berlaku sampai",
    ),
    "status": ("status", "keadaan", "status kerja sama", "status kerjasama"),
    "tahap": ("tahap", "tahap terakhir", "tahapan"),
    "ruang_lingkup": (
        "ruang lingkup", "lingkup", "objek dan ruang lingkup", "ruang lingkup kerja sama",
        "ruang lingkup kerjasama",
    ),
    "perangkat_daerah": (
        "perangkat daerah", "opd pelaksana", "opd", "perangkat daerah pelaksana", "skpd",
        "pelaksana", "unit pelaksana", "opd pengampu", "perangkat daerah pengampu",
        "opd penanggung jawab",
    ),
    "urusan": (
        "urusan", "bidang", "bidang urusan", "urusan pemerintahan", "kategori",
        "bidang kerja sama", "bidang kerjasama",
    ),
    "maksud_tujuan": ("maksud dan tujuan", "maksud tujuan", "tujuan"),
    "objek": ("objek", "objek kerja sama"),
    "nilai": ("nilai", "nilai rp", "nilai kerja sama", "anggaran", "pembiayaan", "nilai kontrak"),
    "keterangan": ("keterangan", "ket", "catatan"),
    "berkas": ("dokumen", "berkas", "file", "tautan dokumen", "scan", "link dokumen"),
    # v1.1 columns (issue 11): who the partner is, revenue, the latest event, per-document content
    "kategori_mitra": ("kategori mitra", "kategori pihak mitra", "kategori pihak"),
    "unit_kerja_mitra": ("unit kerja mitra", "unit kerja pihak mitra", "unit kerja"),
    "pendapatan": ("pendapatan", "pendapatan daerah", "jenis dan nilai pendapatan"),
    "peristiwa": ("peristiwa terakhir", "tahap peristiwa terakhir", "peristiwa"),
    "tanggal_peristiwa": ("tanggal peristiwa terakhir", "tanggal peristiwa"),
    "objek_naskah": ("objek naskah",),
    "ruang_lingkup_naskah": ("ruang lingkup naskah", "lingkup naskah"),
    "nilai_naskah": ("nilai naskah",),
}  # fmt: skip
#: Fields that name nothing to import: recognised so they are not reported as ignored.
NOT_IMPORTED = frozenset({"no", "tahap"})
#: The words of a lower header cell that only make sense under the cell above it.
_LOWER_FOR = {
    "nomor": {"pihak kesatu", "pihak pertama", "pihak kedua", "pihak ketiga", "pemda",
              "pemkab", "pemkot", "pemprov", "mitra", "daerah", "kami"},
}  # fmt: skip
_BY_HEADING: dict[str, str] = {h: f for f, hs in FIELDS.items() for h in hs}
HEADER_SEARCH_ROWS = 20


#: Abbreviations a heading may use for a word of the synonyms ("Tgl.", "s/d"), once normalised.
_ABBREVIATIONS = ((re.compile(r"\btgl\b"), "tanggal"), (re.compile(r"\bs d\b"), "sampai"),
                  (re.compile(r"\bttd\b"), "tanda tangan"))  # fmt: skip


def field_for(heading: str) -> str | None:
    """The field a heading means, or ``None``."""
    key = normalise(heading)
    if key in _BY_HEADING:
        return _BY_HEADING[key]
    # "Nomor Pihak Kesatu (Pemkab)", "Tanggal Penandatanganan*": drop a trailing remark.
    trimmed = normalise(re.sub(r"\(.*?\)|\*", " ", heading))
    if trimmed in _BY_HEADING:
        return _BY_HEADING[trimmed]
    # "Tgl. Penandatanganan", "Berlaku s/d": the abbreviation written out.
    for text in (key, trimmed):
        for pattern, word in _ABBREVIATIONS:
            text = pattern.sub(word, text)
        if text in _BY_HEADING:
            return _BY_HEADING[text]
    return None


@dataclass(frozen=True)
class Column:
    """One column of the register: 0-based index, its heading, and the field it feeds."""

    index: int
    heading: str
    field: str | None


@dataclass(frozen=True)
class Layout:
    """Where the header is (1-based rows) and what each column means."""

    header_rows: tuple[int, ...]
    columns: tuple[Column, ...]

    @property
    def first_data_row(self) -> int:
        """The 1-based row after the header."""
        return self.header_rows[-1] + 1

    @property
    def mapped(self) -> tuple[Column, ...]:
        """Columns that feed a field."""
        return tuple(c for c in self.columns if c.field is not None)

    @property
    def ignored(self) -> tuple[Column, ...]:
        """Columns with a heading that feed no field."""
        return tuple(c for c in self.columns if c.field is None and c.heading)


def _headings_one(row: Sequence[object]) -> list[str]:
    return [cell_text(v) for v in row]


def _headings_two(upper: Sequence[object], lower: Sequence[object]) -> list[str]:
    headings = []
    width = max(len(upper), len(lower))
    for i in range(width):
        top = cell_text(upper[i]) if i < len(upper) else ""
        bottom = cell_text(lower[i]) if i < len(lower) else ""
        if not bottom:
            headings.append(top)
        elif not top or top == bottom:
            headings.append(bottom)
        elif normalise(bottom) in _LOWER_FOR.get(field_for(top) or "", set()):
            headings.append(f"{top} {bottom}")
        elif field_for(bottom) is not None:
            headings.append(bottom)
        else:
            headings.append(f"{top} {bottom}")
    return headings


def _assign(headings: Sequence[str]) -> list[Column]:
    """Columns with fields; a field's second column ("NOMOR" twice) becomes the next party's."""
    columns: list[Column] = []
    seen: set[str] = set()
    nomor_sequence = ["nomor_pihak_kesatu", "nomor_pihak_kedua", "nomor_pihak_ketiga"]
    nomor_columns = [i for i, h in enumerate(headings) if field_for(h) == "nomor"]
    for index, heading in enumerate(headings):
        field = field_for(heading) if heading else None
        if field == "nomor" and len(nomor_columns) > 1:
            position = nomor_columns.index(index)
            field = nomor_sequence[position] if position < len(nomor_sequence) else None
        if field == "tanggal_ttd" and field in seen:
            field = None  # a second "Tanggal" per party: the first one is the signing date
        if field is not None and field in seen:
            field = None
        if field is not None:
            seen.add(field)
        columns.append(Column(index, heading, field))
    return columns


def _score(columns: Sequence[Column]) -> int:
    return sum(1 for c in columns if c.field is not None and c.field != "no")


def detect_layout(rows: Sequence[Sequence[object]]) -> Layout | None:
    """The header row(s) among the first rows, the one(s) recognising the most headings."""
    best: tuple[int, Layout] | None = None
    for r in range(min(len(rows), HEADER_SEARCH_ROWS)):
        candidates: list[tuple[tuple[int, ...], list[str]]] = [((r + 1,), _headings_one(rows[r]))]
        if r + 1 < len(rows):
            candidates.append(((r + 1, r + 2), _headings_two(rows[r], rows[r + 1])))
        for header_rows, headings in candidates:
            columns = _assign(headings)
            score = _score(columns)
            if score >= 2 and (best is None or score > best[0]):
                best = (score, Layout(header_rows, tuple(columns)))
    return None if best is None else best[1]


def apply_overrides(layout: Layout, overrides: Mapping[str, str]) -> Layout:
    """The layout with ``--map COLUMN=FIELD`` overrides applied.

    COLUMN is a heading (any case) or a column letter; FIELD may be ``-`` to ignore the
    column. Unknown names raise ``KeyError`` naming what was not found.
    """
    from ksd_cli.register.xlsxquick import column_number

    columns = list(layout.columns)
    for column, field in overrides.items():
        if field != "-" and field not in FIELDS:
            raise KeyError(field)
        target = next(
            (i for i, c in enumerate(columns) if normalise(c.heading) == normalise(column)), None
        )
        if target is None and re.fullmatch(r"[A-Za-z]{1,3}", column):
            index = column_number(column.upper()) - 1
            target = index if index < len(columns) else None
        if target is None:
            raise KeyError(column)
        if field != "-":  # a field fed by one column only: the override wins
            columns = [c if c.field != field else Column(c.index, c.heading, None) for c in columns]
        old = columns[target]
        columns[target] = Column(old.index, old.heading, None if field == "-" else field)
    return Layout(layout.header_rows, tuple(columns))
