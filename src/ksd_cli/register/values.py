"""Cell values as registers write them: dates, durations, rupiah, kinds, regions, urusan.

Pure functions. A value that cannot be read raises :class:`ValueProblem` carrying a catalog
message; the importer positions it at the cell (``register.xlsx:Daftar!F12``).
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import get_args

from ksd_cli.escaping import FORMULA_STARTS
from ksd_cli.messages import Msg, message
from ksd_cli.models import (
    JenisKerjaSama,
    JenisNaskah,
    JenisPendapatan,
    JenisPeristiwa,
    KategoriPihak,
    TipePihak,
)
from ksd_cli.reference import Wilayah, load_reference
from ksd_cli.tanggal import TanggalBulan


class ValueProblem(Exception):
    """A cell value that cannot be read: what the analyst is told."""

    def __init__(self, words: Msg) -> None:
        super().__init__(words.key)
        self.words = words


@dataclass(frozen=True)
class Bulan:
    """A date known only to the month ("Maret 2021"): record format v1.1 can store it."""

    tahun: int
    bulan: int


@dataclass(frozen=True)
class Durasi:
    """A term: "5 (lima) tahun", "6 bulan"."""

    tahun: int = 0
    bulan: int = 0

    def sampai(self, mulai: date) -> date:
        """The last day in force of a term starting on ``mulai`` (start + term - 1 day).

        Raises ``ValueProblem`` when that day is beyond the calendar (year 9999).
        """
        months = mulai.month - 1 + self.bulan + 12 * self.tahun
        year, month = mulai.year + months // 12, months % 12 + 1
        if year > date.max.year:
            raise ValueProblem(Msg("register.term-past-calendar", value=str(self), start=mulai))
        # 31 Januari + 1 bulan: the last day of February.
        day = min(mulai.day, monthrange(year, month)[1])
        return date(year, month, day) - timedelta(days=1)

    def __str__(self) -> str:
        words = [
            f"{self.tahun} tahun" if self.tahun else "",
            f"{self.bulan} bulan" if self.bulan else "",
        ]
        return " ".join(w for w in words if w) or "0 tahun"


@dataclass(frozen=True)
class WilayahMatch:
    """A partner name resolved to a region, with what it matched and how closely (0-1)."""

    wilayah: Wilayah
    matched: str
    score: float


# Text --------------------------------------------------------------------------------------


def cell_text(value: object) -> str:
    """A cell as text: stripped, ``None`` as empty; a leading ``'`` that kept a formula out goes."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    # The exporter writes "'=..." (escaping.csv_cell) so spreadsheets keep it text.
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        text = text[1:]
    return text


_VALUE_BREAKS = re.compile(r"[;\n\r]+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def split_values(value: object) -> list[str]:
    """Several values in one cell, split on semicolons and line breaks, never on commas.

    Commas belong to names: "ketenteraman, ketertiban umum, dan pelindungan masyarakat" is one.
    """
    parts = _VALUE_BREAKS.split(cell_text(value))
    return [p.strip(" \t-•") for p in parts if p.strip(" \t-•")]


#: Distinct texts remembered by the lookups below: a register repeats its partners, kinds and
#: urusan on every row (ten thousand rows, a few dozen distinct names).
_REMEMBERED = 4096


@lru_cache(maxsize=_REMEMBERED)
def normalise(text: str) -> str:
    """Lower case, accents and punctuation gone, spaces collapsed: for matching words."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(_NOT_ALNUM.sub(" ", folded.lower()).split())


# Dates -------------------------------------------------------------------------------------

BULAN: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")  # "2021-03-15", "2021/03/15"
#: "15 Maret 2021", "Maret 2021", and Excel's "15-Mar-21" and "Mar-21" (its dd-mmm-yy, mmm-yy).
_WORDS = re.compile(r"^(?:(\d{1,2})(?:\s+|-))?([a-z]+)\.?(?:\s+|-)(\d{4}|\d{2})$")
#: "Tgl. 15 Maret 2021", "tanggal 15 Maret 2021": the word before the date.
_DATE_WORD = re.compile(r"^(?:tgl\.?|tanggal)\s*")
#: An Excel date left as its serial number (a cell not formatted as a date, a CSV of it):
#: five digits, of the years a register can hold (1980-2099); nothing else of a date column.
_SERIAL = re.compile(r"^\d{5}(?:\.0+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)
_SERIALS = range((date(1980, 1, 1) - _EXCEL_EPOCH).days, (date(2100, 1, 1) - _EXCEL_EPOCH).days)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")  # "2021-03": how the record and a CSV export write it


def parse_date(value: object) -> date | Bulan:
    """A date cell: an Excel date, "15 Maret 2021", "15-03-2021", "15/3/21", "2021-03-15".

    Also as Excel and people write them: "15-Mar-21", "2021/03/15", "Tgl. 15 Maret 2021",
    and an Excel date left as its serial number (44270).

    "Maret 2021" and "2021-03" are a month-precision :class:`Bulan`. Anything else raises
    ``ValueProblem``.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not isinstance(value, bool) and _SERIAL.match(text):
        serial = int(float(text))
        if serial in _SERIALS:
            return _EXCEL_EPOCH + timedelta(days=serial)
    lowered = _DATE_WORD.sub("", text.lower())
    lowered = re.sub(r"^[a-z]+,\s*", "", lowered)  # "Senin, 15 Maret 2021"
    parts: tuple[int, int, int] | None = None
    if (m := _ISO_MONTH.match(lowered)) and 1 <= int(m.group(2)) <= 12:
        return Bulan(int(m.group(1)), int(m.group(2)))
    if m := _ISO.match(lowered):
        parts = (int(m.group(1)), int(m.group(3)), int(m.group(4)))
    elif m := _DMY.match(lowered):
        parts = (_year(m.group(3)), int(m.group(2)), int(m.group(1)))
    elif (m := _WORDS.match(lowered)) and m.group(2) in BULAN:
        month = BULAN[m.group(2)]
        if m.group(1) is None:
            return Bulan(_year(m.group(3)), month)
        parts = (_year(m.group(3)), month, int(m.group(1)))
    if parts is not None:
        try:
            return date(*parts)
        except ValueError:
            pass
    raise ValueProblem(Msg("register.bad-date", value=text))


#: Between the two dates of a period: "1 Maret 2021 s.d. 28 Februari 2026", "... - ...".
_UNTIL = re.compile(r"\s+(?:s\.\s?d\.?|s/d|sd|sampai(?:\s+dengan)?|hingga|[-–—])\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Rentang:
    """A period written in one cell: "1 Maret 2021 s.d. 28 Februari 2026"."""

    mulai: date
    sampai: date


def parse_period(value: object) -> Rentang | None:
    """The period a cell writes as two days, the first not after the second; else ``None``."""
    if isinstance(value, date):
        return None
    parts = _UNTIL.split(cell_text(value))
    if len(parts) != 2:
        return None
    try:
        mulai, sampai = parse_date(parts[0]), parse_date(parts[1])
    except ValueProblem:
        return None
    if isinstance(mulai, date) and isinstance(sampai, date) and mulai <= sampai:
        return Rentang(mulai, sampai)
    return None


def _year(digits: str) -> int:
    """A year as a register writes it: two digits are of this century ("15/3/21")."""
    year = int(digits)
    return year + 2000 if year < 100 else year


def parse_day(value: object) -> date:
    """A date that must be a day: validity dates (record format v1.1 keeps them to the day)."""
    parsed = parse_date(value)
    if isinstance(parsed, Bulan):
        raise ValueProblem(Msg("register.month-only", value=cell_text(value)))
    return parsed


def parse_day_or_month(value: object) -> date:
    """A signing or event date: a day, or a month-only :class:`~ksd_cli.tanggal.TanggalBulan`.

    Record format v1.1 lets ``tanggal_ttd`` and event dates be known only to the month.
    """
    parsed = parse_date(value)
    if isinstance(parsed, Bulan):
        return TanggalBulan.dari(parsed.tahun, parsed.bulan)
    return parsed


#: The longest term read: an agreement's term is a few years (five for most); more is a typo
#: or another value in the column.
MAX_TERM_YEARS = 100

_DURASI = re.compile(r"(\d+)\s*(?:\([^)]*\)\s*)?(tahun|thn|th|bulan|bln)\b")


def parse_duration(value: object) -> Durasi:
    """A term: "5 (lima) tahun", "6 bulan", "1 tahun 6 bulan", or a bare number of years."""
    text = cell_text(value).lower()
    if re.fullmatch(r"\d+", text):
        if int(text) > MAX_TERM_YEARS:  # "45363": an Excel date's serial, not years
            raise ValueProblem(Msg("register.bad-duration", value=cell_text(value)))
        return Durasi(tahun=int(text))
    found = _DURASI.findall(text)
    if not found:
        raise ValueProblem(Msg("register.bad-duration", value=cell_text(value)))
    years = sum(int(n) for n, unit in found if unit.startswith("t"))
    months = sum(int(n) for n, unit in found if unit.startswith("b"))
    if 12 * years + months > 12 * MAX_TERM_YEARS:
        raise ValueProblem(Msg("register.term-too-long", value=cell_text(value)))
    return Durasi(years, months)


# Money -------------------------------------------------------------------------------------

_SCALE = {"m": 10**9, "miliar": 10**9, "milyar": 10**9, "jt": 10**6, "juta": 10**6,
          "rb": 10**3, "ribu": 10**3, "t": 10**12, "triliun": 10**12}  # fmt: skip


def parse_rupiah(value: object) -> int:
    """Rupiah: a number cell, "Rp1.250.000.000,00", "Rp. 2.000.000,-", "1,25 M", "750 juta".

    A fraction of a rupiah is refused, not rounded: "1,5" is far more likely a value whose
    scale was left out ("1,5 M") than one and a half rupiah. So is a negative amount.
    """
    if isinstance(value, bool):
        raise ValueProblem(Msg("register.bad-rupiah", value=str(value)))
    if isinstance(value, int | float):
        return _whole_rupiah(value, 1, str(value))
    shown = cell_text(value)
    # "Rp", "Rp." and "IDR" before the amount; ",-" or ",00" or "-" after it.
    text = re.sub(r"^(rp|idr)\.?", "", shown.lower().replace(" ", ""))
    text = re.sub(r",-+$", "", text).rstrip(".-")
    m = re.fullmatch(r"([0-9.,]+)([a-z]*)", text)
    if m is None or (m.group(2) and m.group(2) not in _SCALE):
        raise ValueProblem(Msg("register.bad-rupiah", value=shown))
    number, scale = m.group(1), _SCALE.get(m.group(2), 1)
    # Indonesian: "." groups thousands, "," starts the decimals ("1.250.000,00", "1,25").
    whole, _, decimals = number.partition(",")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", whole):
        whole = whole.replace(".", "")
    try:
        amount = float(f"{whole}.{decimals}" if decimals else whole)
    except ValueError:
        raise ValueProblem(Msg("register.bad-rupiah", value=shown)) from None
    return _whole_rupiah(amount, scale, shown)


def _whole_rupiah(amount: float, scale: int, shown: str) -> int:
    """``amount`` times ``scale`` as whole rupiah; refused when negative or a fraction."""
    if not math.isfinite(amount) or amount < 0:  # a spreadsheet's NaN or infinity too
        raise ValueProblem(Msg("register.bad-rupiah", value=shown))
    rupiah = amount * scale
    whole = round(rupiah)
    if abs(rupiah - whole) >= 0.005:
        raise ValueProblem(Msg("register.rupiah-fraction", value=shown))
    return whole


# Kinds -------------------------------------------------------------------------------------

#: Words registers use for a document, normalised, to ``naskah.jenis``. Longest match first.
JENIS_NASKAH_WORDS: dict[str, JenisNaskah] = {
    "perjanjian kerja sama": "perjanjian_kerja_sama",
    "perjanjian kerjasama": "perjanjian_kerja_sama",
    "kesepakatan bersama": "kesepakatan_bersama",
    "nota kesepahaman": "nota_kesepahaman",
    "nota kesepakatan": "nota_kesepakatan",
    "memorandum of understanding": "nota_kesepahaman",
    "surat pernyataan kehendak": "surat_pernyataan_kehendak",
    "letter of intent": "surat_pernyataan_kehendak",
    "addendum": "adendum",
    "adendum": "adendum",
    "amandemen": "adendum",
    "perjanjian": "perjanjian_kerja_sama",
    "mou": "nota_kesepahaman",
    "moa": "perjanjian_kerja_sama",
    "pks": "perjanjian_kerja_sama",
    "kb": "kesepakatan_bersama",
    "loi": "surat_pernyataan_kehendak",
}
JENIS_NASKAH: tuple[str, ...] = get_args(JenisNaskah)
JENIS_KERJA_SAMA: tuple[str, ...] = get_args(JenisKerjaSama)


def parse_jenis_naskah(value: object) -> JenisNaskah:
    """A document kind from words: "MoU", "Nota Kesepahaman", "PKS", "Adendum I"..."""
    text = normalise(cell_text(value))
    code = text.replace(" ", "_")
    if code in JENIS_NASKAH:
        return code  # type: ignore[return-value]
    for pattern, jenis in _jenis_naskah_patterns():
        if pattern.search(text):
            return jenis
    raise ValueProblem(Msg("register.bad-jenis-naskah", value=cell_text(value)))


@cache
def _jenis_naskah_patterns() -> tuple[tuple[re.Pattern[str], JenisNaskah], ...]:
    """Each kind's words as a pattern, longest words first (compiled once, not per cell)."""
    words = sorted(JENIS_NASKAH_WORDS, key=len, reverse=True)
    return tuple((re.compile(rf"\b{w}\b"), JENIS_NASKAH_WORDS[w]) for w in words)


def parse_jenis_kerja_sama(value: object) -> JenisKerjaSama | None:
    """A kind of cooperation written as its code ("ksdpk", "KSDD Sukarela"), else ``None``."""
    code = normalise(cell_text(value)).replace(" ", "_")
    return code if code in JENIS_KERJA_SAMA else None  # type: ignore[return-value]


def jenis_dari_pihak(tipe: list[TipePihak]) -> JenisKerjaSama:
    """The record's kind from its partners' types (a pemda-only record is voluntary KSDD)."""
    for partner_type, jenis in (
        ("kementerian_lembaga", "sinergi"),
        ("lembaga_luar_negeri", "ksdll"),
        ("pemda_luar_negeri", "ksdpl"),
        ("pihak_ketiga", "ksdpk"),
    ):
        if partner_type in tipe:
            return jenis  # type: ignore[return-value]
    return "ksdd_sukarela"


#: The partner's type the record's kind implies, for a partner that is not a region.
TIPE_MITRA: dict[str, TipePihak] = {
    "ksdpk": "pihak_ketiga",
    "sinergi": "kementerian_lembaga",
    "ksdpl": "pemda_luar_negeri",
    "ksdll": "lembaga_luar_negeri",
}
_KL = re.compile(r"^(kementerian|kementrian|badan|lembaga|kantor staf|sekretariat)\b")


def tipe_mitra(name: str, jenis: str | None) -> TipePihak:
    """A named partner's type: from the record's kind if known, else from its name."""
    if jenis in TIPE_MITRA:
        return TIPE_MITRA[jenis]
    if _KL.match(normalise(name)):
        return "kementerian_lembaga"
    return "pihak_ketiga"


# Regions -----------------------------------------------------------------------------------

_PREFIXES = (
    ("pemerintah kabupaten", "kabupaten"),
    ("pemerintah kota", "kota"),
    ("pemerintah provinsi", "provinsi"),
    ("pemerintah daerah kabupaten", "kabupaten"),
    ("pemerintah daerah kota", "kota"),
    ("pemerintah daerah provinsi", "provinsi"),
    ("pemkab", "kabupaten"),
    ("pemkot", "kota"),
    ("pemprov", "provinsi"),
    ("kabupaten", "kabupaten"),
    ("kab", "kabupaten"),
    ("kota", "kota"),
    ("provinsi", "provinsi"),
    ("prov", "provinsi"),
)
#: Below this similarity a name is not taken for a region (reported instead).
MIN_SCORE = 0.85


@cache
def _region_names() -> dict[tuple[str, str], Wilayah]:
    names: dict[tuple[str, str], Wilayah] = {}
    for wilayah in load_reference().wilayah.values():
        bare = normalise(wilayah.nama)
        for prefix in ("kabupaten ", "kota "):
            bare = bare.removeprefix(prefix)
        names[(wilayah.tingkat, bare)] = wilayah
    return names


@cache
def _regions_at(tingkat: str) -> dict[str, Wilayah]:
    return {bare: w for (level, bare), w in _region_names().items() if level == tingkat}


@lru_cache(maxsize=_REMEMBERED)  # a misspelt name is matched fuzzily once, not on every row
def resolve_wilayah(name: str) -> WilayahMatch | None:
    """The region a partner name means ("Pemkot Samarinda", "Kab. Kutai Timur"), else ``None``.

    Only names that say they are a region (Pemerintah, Pemkab, Kota, Provinsi, ...) are
    matched, so that "PT Kutai Timur Energi" is never taken for the kabupaten; the rest of the
    name is matched fuzzily (difflib) against the shipped code list at the same level.
    """
    text = normalise(name)
    for prefix, tingkat in sorted(_PREFIXES, key=lambda p: len(p[0]), reverse=True):
        if text == prefix or not text.startswith(prefix + " "):
            continue
        rest = text[len(prefix) + 1 :]
        candidates = _regions_at(tingkat)
        if rest in candidates:
            return WilayahMatch(candidates[rest], candidates[rest].nama, 1.0)
        close = difflib.get_close_matches(rest, list(candidates), n=1, cutoff=MIN_SCORE)
        if close:
            score = difflib.SequenceMatcher(None, rest, close[0]).ratio()
            return WilayahMatch(candidates[close[0]], candidates[close[0]].nama, score)
        return None
    return None


# Urusan ------------------------------------------------------------------------------------


@cache
def _urusan_names() -> dict[str, str]:
    names: dict[str, str] = {}
    reference = load_reference()
    # The 32 concurrent affairs, then (v1.1) supporting functions such as "5.02 keuangan";
    # a concurrent affair keeps a name both tables might share.
    for urusan in (*reference.urusan_lain.values(), *reference.urusan.values()):
        names[normalise(urusan.nama)] = urusan.kode
        if urusan.alias:
            names[normalise(urusan.alias)] = urusan.kode
    return names


def parse_urusan(value: object) -> list[str]:
    """Urusan codes from codes ("2.11") or names ("Lingkungan Hidup"), one per value in the cell.

    Supporting functions (v1.1: "5.02", "Keuangan") are urusan too; validate warns (R008).
    """
    codes: list[str] = []
    for item in split_values(value):
        code = _one_urusan(item)
        if code not in codes:
            codes.append(code)
    return codes


def _one_urusan(item: str) -> str:
    m = re.match(r"^(\d\.\d{2})\b", item)
    if m and load_reference().cari_urusan(m.group(1)) is not None:
        return m.group(1)
    name = normalise(re.sub(r"^(urusan|bidang)\s+", "", item, flags=re.IGNORECASE))
    names = _urusan_names()
    if name in names:
        return names[name]
    # "Pekerjaan Umum", "Perumahan": the first words of one urusan's name, as registers
    # shorten it ("Pemberdayaan" begins two: no match).
    starting = {code for known, code in names.items() if known.startswith(f"{name} ")}
    if len(starting) == 1:
        return starting.pop()
    close = difflib.get_close_matches(name, list(names), n=1, cutoff=MIN_SCORE)
    if close:
        return names[close[0]]
    raise ValueProblem(Msg("register.bad-urusan", value=item))


# v1.1 values -------------------------------------------------------------------------------

#: What a cell says when the end of validity is not known (record format v1.1).
TIDAK_DIKETAHUI_WORDS = frozenset(
    {"tidak diketahui", "tdk diketahui", "tidak diketahui tanggalnya"}
)


def parse_sampai(value: object) -> date | str:
    """An end of validity: a day, or "tidak diketahui" (v1.1 ``tidak_diketahui``)."""
    if normalise(cell_text(value)) in TIDAK_DIKETAHUI_WORDS | {"tidak_diketahui"}:
        return "tidak_diketahui"
    return parse_day(value)


def _by_words(codes: tuple[str, ...], title: str) -> dict[str, str]:
    """Codes by their normalised spellings: the code, and its catalog title in both languages."""
    words: dict[str, str] = {}
    for code in codes:
        words[normalise(code.replace("_", " "))] = code
        for lang in ("id", "en"):
            words[normalise(message(f"{title}.{code}", lang))] = code
    return words


_KATEGORI_ALIAS = {
    "swasta": "badan_usaha_swasta", "pt": "badan_usaha_swasta",
    "ormas": "organisasi_kemasyarakatan", "universitas": "perguruan_tinggi",
    "lpnk": "lembaga_pemerintah_non_kementerian",
    "instansi vertikal": "instansi_vertikal", "lsm": "organisasi_kemasyarakatan",
}  # fmt: skip


def parse_kategori(value: object) -> str:
    """A partner's category (v1.1 ``kategori``): its code, its title, or a common word."""
    words = {**_by_words(get_args(KategoriPihak), "kategori-pihak"), **_KATEGORI_ALIAS}
    text = normalise(cell_text(value))
    if text in words:
        return words[text]
    raise ValueProblem(Msg("impor.bad-kategori", value=cell_text(value)))


def parse_peristiwa(value: object) -> str:
    """An event of a proposal (v1.1 ``peristiwa.jenis``): its code or its title."""
    words = _by_words(get_args(JenisPeristiwa), "peristiwa")
    text = normalise(cell_text(value))
    if text in words:
        return words[text]
    raise ValueProblem(Msg("impor.bad-peristiwa", value=cell_text(value)))


def parse_pendapatan(value: object) -> list[dict[str, object]]:
    """Revenue (v1.1 ``pembiayaan.pendapatan``): "retribusi 250.000.000; sewa", one per item."""
    kinds = get_args(JenisPendapatan)
    items: list[dict[str, object]] = []
    for item in split_values(value):
        kind, _, amount = item.partition(" ")
        code = normalise(kind).replace(" ", "_")
        if code not in kinds:
            raise ValueProblem(Msg("impor.bad-pendapatan", value=item, kinds=", ".join(kinds)))
        entry: dict[str, object] = {"jenis": code}
        if amount.strip():
            entry["nilai"] = parse_rupiah(amount.strip())
        items.append(entry)
    return items


def per_partner(value: object) -> list[str | None]:
    """One value per partner, in the partners' order: ";" or line breaks apart, "-" for none."""
    parts = [p.strip() for p in re.split(r"[;\n\r]", cell_text(value))]
    return [None if p in ("", "-", "–") else p for p in parts]
