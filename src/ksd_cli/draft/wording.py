"""Small Indonesian drafting helpers: party labels, lists, sentences, ordinals, terms."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from ksd_cli.idformat import terbilang

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_TRAILING = re.compile(r"[\s;,.:]+$")
_CONNECTOR = re.compile(r"[\s;,]+(?:dan|atau|dan/atau)$", re.IGNORECASE)
# A first word written in capitals (PIHAK, TPA, APBD) or with a capital inside (TPS3R, eKTP)
# is a name or an acronym and keeps its case; so does a word with digits or a full stop (Ir.).
_KEEP_CASE = re.compile(r"^(?:\S*[A-Z0-9]\S*[A-Z0-9]\S*|\S+\.\S*)(?:\s|$)")


def label_pihak(peran: str, sebutan: str = "kesatu") -> str:
    """The party's label in the naskah: ``pihak_kedua`` → "PIHAK KEDUA".

    ``sebutan="pertama"`` (``[naskah] sebutan_pihak`` in ksd.toml) labels the first party
    "PIHAK PERTAMA" instead of "PIHAK KESATU".
    """
    if peran == "pihak_kesatu" and sebutan == "pertama":
        return "PIHAK PERTAMA"
    return " ".join(peran.split("_")).upper()


def teks(value: str) -> str:
    """``value`` on one line: runs of white space (line breaks from YAML) become one space."""
    return " ".join(value.split())


def gabung(items: Iterable[object], penghubung: str = "dan") -> str:
    """Join in Indonesian style: "A", "A dan B", "A, B, dan C"."""
    words = [str(i) for i in items]
    if len(words) <= 2:
        return f" {penghubung} ".join(words)
    return ", ".join(words[:-1]) + f", {penghubung} " + words[-1]


def kapital(text: str) -> str:
    """Upper case for titles and signature blocks, leaving ``[[...]]`` markers as they are."""
    parts = re.split(r"(\[\[.*?\]\])", teks(text))
    return "".join(p if p.startswith("[[") else p.upper() for p in parts)


def awal_kecil(text: str) -> str:
    """The first letter in lower case, for a clause inside a sentence.

    An acronym or name at the start keeps its case: "TPA Regional ..." stays, "Mewujudkan
    ..." becomes "mewujudkan ...".
    """
    text = teks(text)
    if not text or _KEEP_CASE.match(text):
        return text
    return text[0].lower() + text[1:]


def awal_besar(text: str) -> str:
    """The first letter in upper case, to start a sentence."""
    text = teks(text)
    return text[:1].upper() + text[1:]


def kalimat(text: str) -> str:
    """A sentence: one line, a capital first letter, ending with a single full stop."""
    text = _TRAILING.sub("", teks(text))
    return awal_besar(text) + "." if text else ""


def butir(
    items: Sequence[str], penghubung: str = "dan", akhir: str = ".", kecil: bool = True
) -> list[str]:
    """List items as clauses of one sentence: "x;", ..., "y; dan", "z.".

    Each item loses its own final punctuation and, with ``kecil``, starts in lower case
    (unless it starts with an acronym or name; pass ``kecil=False`` for lists of names such
    as agencies); ``penghubung`` ("dan", "atau") ends the second-to-last item.
    """
    # An item that already ends in "dan" or "atau" gets no second one ("; dan; dan").
    cleaned = [_TRAILING.sub("", _CONNECTOR.sub("", _TRAILING.sub("", teks(i)))) for i in items]
    cleaned = [awal_kecil(i) for i in cleaned] if kecil else cleaned
    result = []
    for index, item in enumerate(cleaned):
        if index == len(cleaned) - 1:
            result.append(item + akhir)
        elif index == len(cleaned) - 2:
            result.append(f"{item}; {penghubung}")
        else:
            result.append(item + ";")
    return result


def berhuruf(items: Sequence[str]) -> list[str]:
    """Items prefixed with letters: "a. ...", "b. ...", and "aa. ..." after "z"."""
    return [f"{_huruf(i)}. {teks(item)}" for i, item in enumerate(items)]


def _huruf(index: int) -> str:
    if index < len(_LETTERS):
        return _LETTERS[index]
    return _LETTERS[index // len(_LETTERS) - 1] + _LETTERS[index % len(_LETTERS)]


def urutan(n: int) -> str:
    """An ordinal in words: 1 → "pertama", 2 → "kedua", 11 → "kesebelas"."""
    return "pertama" if n == 1 else "ke" + terbilang(n)


def angka_kata(n: int) -> str:
    """A count in figures and words, as legal texts write it: 3 → "3 (tiga)"."""
    return f"{n} ({terbilang(n)})"


def durasi(mulai: date | None, sampai: date | None) -> str | None:
    """The term in whole years or months ("5 (lima) tahun") when the dates make one exactly.

    A term "for five years from 15 March 2021" ends on 14 March 2026; ``None`` when the
    dates do not span whole years or months.
    """
    if mulai is None or sampai is None or sampai < mulai:
        return None
    end = sampai + timedelta(days=1)
    months = (end.year - mulai.year) * 12 + end.month - mulai.month
    if months <= 0 or _add_months(mulai, months) != end:
        return None
    if months % 12 == 0:
        return f"{angka_kata(months // 12)} tahun"
    return f"{angka_kata(months)} bulan"


def _add_months(day: date, months: int) -> date | None:
    month0 = day.month - 1 + months
    try:
        return day.replace(year=day.year + month0 // 12, month=month0 % 12 + 1)
    except ValueError:
        return None


def number_and_words(n: int) -> str:
    """A number and its English words, "2 (two)": the counterpart of ``angka_kata``."""
    from ksd_cli.draft.english import number_and_words as worded

    return worded(n)


def english_date(d: date) -> str:
    """A date in English, "18 August 2022"."""
    from ksd_cli.idformat import date_text

    return date_text(d, "en")


def sebut_tanggal(d: date, lengkap: bool = False) -> str:
    """A date as a naskah names it: "tanggal 15 Maret 2021", or "bulan Oktober 2018".

    ``lengkap`` adds the words, "tanggal 15 Maret 2021 (lima belas bulan Maret tahun dua ribu
    dua puluh satu)", as a validity clause writes it. A date known only to its month (v1.1)
    is "bulan Oktober 2018" either way: "tanggal Oktober 2018 (........ bulan Oktober ...)"
    would read as a day left out.
    """
    from ksd_cli.idformat import tanggal, tanggal_terbilang
    from ksd_cli.tanggal import presisi

    if presisi(d) == "bulan":
        return f"bulan {tanggal(d)}"
    return f"tanggal {tanggal(d)}" + (f" ({tanggal_terbilang(d)})" if lengkap else "")


def english_opening_date(d: date) -> str:
    """The date of "On this day, ..." in English: "18 August 2022", "........ October 2018".

    A date known only to its month (v1.1) leaves the day blank, as the Indonesian opening does.
    """
    from ksd_cli.idformat import KOSONG
    from ksd_cli.tanggal import presisi

    return f"{KOSONG} {english_date(d)}" if presisi(d) == "bulan" else english_date(d)


def english_term(mulai: date | None, sampai: date | None) -> str | None:
    """The term in whole years or months in English ("5 (five) years"), as ``durasi``."""
    worded = durasi(mulai, sampai)
    if worded is None:
        return None
    count = int(worded.split(" ", 1)[0])
    unit = "year" if worded.endswith("tahun") else "month"
    return f"{number_and_words(count)} {unit}{'s' if count != 1 else ''}"


def english_rupiah(n: int) -> str:
    """An amount in rupiah with its English words: "Rp1.000.000,00 (one million rupiah)"."""
    from ksd_cli.draft.english import rupiah_words

    return rupiah_words(n)


def english_join(items: Iterable[object], conjunction: str = "and") -> str:
    """Join in English: "A", "A and B", "A, B, and C"."""
    from ksd_cli.draft.english import join

    return join(list(items), conjunction)


def english_ordinal(n: int) -> str:
    """An ordinal in English words: 2 → "second"."""
    from ksd_cli.draft.english import ordinal

    return ordinal(n)


#: Drafting filters registered in the naskah templates' environment, besides idformat's.
FILTERS: dict[str, Callable[..., Any]] = {
    "label_pihak": label_pihak,
    "kapital": kapital,
    "gabung": gabung,
    "awal_kecil": awal_kecil,
    "awal_besar": awal_besar,
    "kalimat": kalimat,
    "butir": butir,
    "berhuruf": berhuruf,
    "urutan": urutan,
    "angka_kata": angka_kata,
    # The English text beside a foreign cooperation's naskah (templates/en/).
    "number_words": number_and_words,
    "english_date": english_date,
    "english_opening_date": english_opening_date,
    "sebut_tanggal": sebut_tanggal,
    "english_term": english_term,
    "english_rupiah": english_rupiah,
    "english_join": english_join,
    "english_ordinal": english_ordinal,
}
