"""The English text of a foreign cooperation's naskah: the words ksd itself supplies, in English.

Record values (names, purposes, scopes, offices, new texts of an adendum) stay as the record
writes them, in the English column too: ksd does not translate what a user wrote. What ksd
supplies from its own vocabulary is English there: kinds of document, region names
("Kabupaten Kutai Kartanegara" → "Kutai Kartanegara Regency"), government affairs, financing
sources, the standard rights and obligations, an adendum's amendment instructions, dates and
numbers in words (num2words, ``lang="en"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ksd_cli.draft import perubahan
from ksd_cli.draft.perubahan import KetentuanView, Perubahan
from ksd_cli.escaping import markdown_text
from ksd_cli.reference import Wilayah

#: Each kind of naskah as the English text calls it.
NASKAH: dict[str, str] = {
    "kesepakatan_bersama": "Joint Agreement",
    "nota_kesepahaman": "Memorandum of Understanding",
    "nota_kesepakatan": "Memorandum of Agreement",
    "perjanjian_kerja_sama": "Cooperation Agreement",
    "adendum": "Addendum",
    "surat_pernyataan_kehendak": "Letter of Intent",
}

#: The 32 concurrent government affairs (UU 23/2014 Pasal 12), by code, in English.
URUSAN: dict[str, str] = {
    "1.01": "education",
    "1.02": "health",
    "1.03": "public works and spatial planning",
    "1.04": "public housing and residential areas",
    "1.05": "peace, public order and community protection",
    "1.06": "social affairs",
    "2.07": "manpower",
    "2.08": "women's empowerment and child protection",
    "2.09": "food",
    "2.10": "land",
    "2.11": "environment",
    "2.12": "population administration and civil registration",
    "2.13": "community and village empowerment",
    "2.14": "population control and family planning",
    "2.15": "transportation",
    "2.16": "communication and informatics",
    "2.17": "cooperatives and small and medium enterprises",
    "2.18": "investment",
    "2.19": "youth and sports",
    "2.20": "statistics",
    "2.21": "cryptography",
    "2.22": "culture",
    "2.23": "libraries",
    "2.24": "archives",
    "3.25": "marine affairs and fisheries",
    "3.26": "tourism",
    "3.27": "agriculture",
    "3.28": "forestry",
    "3.29": "energy and mineral resources",
    "3.30": "trade",
    "3.31": "industry",
    "3.32": "transmigration",
}

# Financing sources of the record format, as ``context._SUMBER`` words them in Indonesian.
_SUMBER: dict[str, str] = {
    "apbd": "the Regional Revenue and Expenditure Budget of {daerah}",
    "belanja_tidak_terduga": "the unforeseen expenditure of the Regional Revenue and "
    "Expenditure Budget of {daerah}",
    "dana_tjsl": "the corporate social and environmental responsibility funds of {nama}",
    "dana": "the funds of {nama}",
    "hibah": "a grant from {nama}",
}
_SUMBER_TANPA_PIHAK: dict[str, str] = {
    "apbn": "the State Revenue and Expenditure Budget",
    "apbd": "the Regional Revenue and Expenditure Budgets of the respective PARTIES",
}

#: An acting head of region, in the English comparisi.
_PEJABAT: dict[str, str] = {"plt": "Acting", "plh": "Daily Acting", "pj": "Interim"}

_ASING = ("pemda_luar_negeri", "lembaga_luar_negeri")


def words(n: int) -> str:
    """A whole number in English words: 21 → "twenty-one"."""
    from num2words import num2words

    return " ".join(str(num2words(n, lang="en")).split())


def ordinal(n: int) -> str:
    """An ordinal in English words: 1 → "first", 2 → "second"."""
    from num2words import num2words

    return str(num2words(n, lang="en", to="ordinal"))


def number_and_words(n: int) -> str:
    """A number and its words, as legal texts write it: 3 → "3 (three)"."""
    return f"{n} ({words(n)})"


def english_date(d: date) -> str:
    """A date in English, "18 August 2022"."""
    from ksd_cli.idformat import date_text

    return date_text(d, "en")


def rupiah_words(n: int) -> str:
    """An amount with its words in English: "Rp1.250.000,00 (one million ... rupiah)"."""
    from ksd_cli.idformat import rupiah

    return f"{rupiah(n)} ({words(n)} rupiah)"


def with_words(text: str) -> str:
    """Each amount in rupiah followed by its words in English, unless already spelled out."""
    return perubahan.with_amount_words(text, words)


#: The English amendment form, the structure of ``perubahan.INDONESIA``.
BENTUK = perubahan.Bentuk(
    pasal="Article {n}",
    ayat="{pasal} paragraph ({m})",
    ubah="{where} is amended to read as follows:",
    sisip="Between {after} and {next}, 1 (one) Article is inserted, namely {pasal}, which reads "
    "as follows:",
    hapus_ayat="{where} is deleted.",
    hapus_pasal="{where} is deleted.",
    angka=with_words,
)


def join(items: Sequence[object], conjunction: str = "and") -> str:
    """Join in English: "A", "A and B", "A, B, and C"."""
    texts = [str(i) for i in items]
    if len(texts) <= 2:
        return f" {conjunction} ".join(texts)
    return ", ".join(texts[:-1]) + f", {conjunction} " + texts[-1]


# Regions ---------------------------------------------------------------------------------------


def region(wilayah: Wilayah) -> str:
    """A region's English name: "Kutai Kartanegara Regency", "Samarinda City"."""
    if wilayah.tingkat == "provinsi":
        return f"{wilayah.nama} Province"
    if wilayah.tingkat == "kota":
        return f"{wilayah.nama.removeprefix('Kota ')} City"
    return f"{wilayah.nama.removeprefix('Kabupaten ')} Regency"


def government(wilayah: Wilayah) -> str:
    """The name of its government in a sentence: "the Government of Kutai Kartanegara Regency".

    Treaty practice keeps the article in titles too ("BETWEEN THE GOVERNMENT OF ...").
    """
    return f"the Government of {region(wilayah)}"


def head_of_region(wilayah: Wilayah) -> str:
    """The office of its head: "Regent of Kutai Kartanegara", "Mayor of Samarinda"."""
    if wilayah.tingkat == "provinsi":
        return f"Governor of {wilayah.nama}"
    if wilayah.tingkat == "kota":
        return f"Mayor of {wilayah.nama.removeprefix('Kota ')}"
    return f"Regent of {wilayah.nama.removeprefix('Kabupaten ')}"


# Views -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PihakEn:
    """What the English text says of a party where ksd supplies the words."""

    #: The party's name: the record's ``nama`` as written, else its government in English.
    nama: str
    #: Its region in English ("Kutai Kartanegara Regency") of a pemda, else ``None``.
    daerah: str | None
    #: Who results are reported to: "the Regent of Kutai Kartanegara", "the head of X".
    pimpinan: str
    #: The signatory's ground of authority (power of attorney, decree), or "".
    dasar: str
    hak: tuple[str, ...]
    kewajiban: tuple[str, ...]


@dataclass(frozen=True)
class LegalBasisEn:
    """The legal basis in English, from the same table as the Indonesian (``dasar_hukum``)."""

    menimbang: str
    mengingat: tuple[str, ...]
    tambahan: tuple[str, ...]


@dataclass(frozen=True)
class EnglishView:
    """The English counterparts of the Indonesian views, for ``templates/en/`` (``en``)."""

    pihak: tuple[PihakEn, ...]
    #: The government affairs of the cooperation.
    urusan: tuple[str, ...]
    #: Financing sources in words.
    sumber_dana: tuple[str, ...]
    dasar_hukum: LegalBasisEn
    #: What the title calls the document: "Cooperation Agreement", "First Addendum to the
    #: Cooperation Agreement".
    sebutan: str
    #: What the title calls the document that a PKS follows or an adendum amends.
    induk: str | None
    #: An adendum's changes, the instructions in English, new texts as the record writes them.
    ketentuan: tuple[KetentuanView, ...]


def sebutan(jenis: str, induk_jenis: str | None, adendum_ke: int) -> str:
    """What the English title calls the document: "First Addendum to the Joint Agreement"."""
    if jenis == "adendum" and induk_jenis is not None:
        return f"{ordinal(max(adendum_ke, 1)).title()} Addendum to the {NASKAH[induk_jenis]}"
    return NASKAH.get(jenis, jenis.replace("_", " ").title())


def sumber(code: str, parties: dict[str, tuple[str, str]]) -> str:
    """A financing source in English; ``parties`` maps a role to its (region, name) in English."""
    if code in _SUMBER_TANPA_PIHAK:
        return _SUMBER_TANPA_PIHAK[code]
    for peran, (daerah, nama) in parties.items():
        suffix = f"_{peran}"
        if code.endswith(suffix):
            kind = code.removesuffix(suffix)
            pattern = _SUMBER.get(kind)
            if pattern is None:
                return f"{kind.replace('_', ' ')} of {nama}"
            return pattern.format(daerah=daerah, nama=nama)
    return code.replace("_", " ")


def dasar(
    *,
    kuasa: tuple[str, date, str] | None,
    jenis_kewenangan: str | None,
    nomor: str | None,
    tanggal: date | None,
    kepala: str | None,
) -> str:
    """The signatory's ground of authority in the English comparisi, or "".

    ``kuasa`` is a power of attorney as (number, date, grantor in English); the rest describe
    the decree of an acting or appointed official (``dasar_kewenangan``).
    """
    if kuasa is not None:
        number, day, grantor = kuasa
        return (
            f", pursuant to the Power of Attorney of the {grantor} Number {number} "
            f"dated {english_date(day)}"
        )
    if jenis_kewenangan is None:
        return ""
    decree = "Decree"
    if nomor:
        decree += f" Number {markdown_text(nomor)}"
    if tanggal:
        decree += f" dated {english_date(tanggal)}"
    acting = _PEJABAT.get(jenis_kewenangan)
    if acting is not None:
        office = f"{acting} {kepala}" if kepala else acting
        return f", as {office} pursuant to {decree}"
    if jenis_kewenangan == "keputusan_pengangkatan":
        return f", appointed pursuant to {decree}"
    return f", pursuant to {decree}"


def hak_kewajiban(
    tipe: str, jenis: str, *, nama_jenis: str, pemilik: bool, kepala: str | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The standard rights and obligations in English, as ``hak_kewajiban.baku`` words them."""
    document = f"this {nama_jenis}"
    hak = (
        f"to obtain from the other Party the data and information required to carry out {document}",
        "to obtain the benefits of the results of the cooperation in accordance with its "
        "authority and duties",
    )
    if jenis == "nota_kesepakatan":
        kewajiban = [
            f"to carry out the activities of the action plan of {document} for which it is "
            "responsible"
        ]
    else:
        kewajiban = [
            f"to carry out activities in accordance with the scope of {document} and its authority"
        ]
    if tipe == "pemda":
        kewajiban.append(
            "to budget the cost of the activities for which it is responsible in the Regional "
            "Revenue and Expenditure Budget in accordance with the laws and regulations"
        )
    elif tipe == "kementerian_lembaga":
        kewajiban.append(
            "to allocate the budget of the activities for which it is responsible in the State "
            "Revenue and Expenditure Budget in accordance with the laws and regulations"
        )
    elif tipe in _ASING:
        kewajiban.append(
            "to provide the funding of the activities for which it is responsible in accordance "
            "with the laws and regulations in force in its country"
        )
    else:
        kewajiban.append(
            "to provide the personnel, facilities and funding of the activities for which it is "
            "responsible from its own lawful and non-binding sources"
        )
    kewajiban.append("to provide the data and information required by the other Party")
    head = f"the {kepala}" if kepala else "the head of region"
    if tipe == "pemda" and pemilik:
        kewajiban.append(
            f"to report on the implementation of the cooperation to {head} through the Regional "
            "Cooperation Coordination Team"
        )
    elif tipe == "pemda":
        kewajiban.append(f"to report on the implementation of the cooperation to {head}")
    else:
        kewajiban.append(
            "to report on the implementation of the activities for which it is responsible to "
            "the other Party"
        )
    return hak, tuple(kewajiban)


def ketentuan(changes: Sequence[Perubahan]) -> tuple[KetentuanView, ...]:
    """An adendum's changes in English amendment form, as ``perubahan.ketentuan`` in Indonesian.

    New texts are the record's own; only their amounts get English words.
    """
    return perubahan.ketentuan(changes, BENTUK)
