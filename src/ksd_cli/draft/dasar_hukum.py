"""The legal basis a naskah cites, per kind of cooperation: one table a legal officer can check.

Every citation names its source and says whether its exact article and wording were checked
against the official text (``verified``). An unverified citation is used only in a draft
(``--draft``); a final cites the regulation by its title alone (``umum``), which is safe.
To correct or verify an entry, edit it here: the templates only receive the result.

The English text beside a foreign cooperation's naskah cites the same entries in English
(``text`` and ``general``), in the form Indonesian treaty practice uses: "Law Number 23 of
2014 concerning Regional Government". Their source is :data:`ENGLISH_SOURCE`; they follow
``verified`` as the Indonesian forms do.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rujukan:
    """One citation: its exact form, a safe general form, its source, and a verified flag.

    ``verified``: the exact form was checked against the official text.
    """

    #: The exact form: a regulation with its article, or a consideration citing one.
    teks: str
    #: The form used in a final while ``teks`` is not verified (no article number).
    umum: str
    #: Where it comes from: the regulation and article, so a legal officer can check it.
    sumber: str
    verified: bool
    #: The exact form in English, and its general form (see :data:`ENGLISH_SOURCE`).
    text: str = ""
    general: str = ""

    def bunyi(self, *, draft: bool) -> str:
        """The form to print: the exact one when verified or in a draft, else the general one."""
        return self.teks if self.verified or draft else self.umum

    def english(self, *, draft: bool) -> str:
        """The English form to print, chosen as :meth:`bunyi` chooses the Indonesian one."""
        return self.text if self.verified or draft else self.general


UU_23_2014 = "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"
PP_28_2018 = "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah"
PERMENDAGRI_22_2020 = (
    "Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020 tentang Tata Cara Kerja Sama Daerah "
    "dengan Daerah Lain dan Kerja Sama Daerah dengan Pihak Ketiga"
)
PERMENDAGRI_25_2020 = (
    "Peraturan Menteri Dalam Negeri Nomor 25 Tahun 2020 tentang Tata Cara Kerja Sama Daerah "
    "dengan Pemerintah Daerah di Luar Negeri dan Kerja Sama Daerah dengan Lembaga di Luar Negeri"
)
UU_24_2009 = (
    "Undang-Undang Nomor 24 Tahun 2009 tentang Bendera, Bahasa, dan Lambang Negara, serta "
    "Lagu Kebangsaan"
)

_UNCHECKED = "not yet checked against the official text (JDIH)"

#: Where the English titles come from: the form of the English texts of Indonesian
#: regulations and agreements ("Law Number N of YYYY concerning ..."), as the official
#: translations of the Ministry of Law (BPHN, JDIH) write them; checked against no official
#: English text (there is none with legal force: UU 24/2009 Pasal 31 makes the English text
#: of an agreement authentic, not the translation of a law).
ENGLISH_SOURCE = (
    "English titles in the form of the official translations of Indonesian legislation "
    "(BPHN/JDIH: 'Law Number N of YYYY concerning ...'); not legally binding"
)

#: The English titles of the regulations, beside the Indonesian ones.
LAW_23_2014 = "Law Number 23 of 2014 concerning Regional Government"
GR_28_2018 = "Government Regulation Number 28 of 2018 concerning Regional Cooperation"
MOHA_22_2020 = (
    "Minister of Home Affairs Regulation Number 22 of 2020 concerning Procedures for "
    "Cooperation between Regions and Other Regions and Cooperation between Regions and Third "
    "Parties"
)
MOHA_25_2020 = (
    "Minister of Home Affairs Regulation Number 25 of 2020 concerning Procedures for "
    "Cooperation between Regions and Regional Governments Abroad and Cooperation between "
    "Regions and Institutions Abroad"
)
LAW_24_2009 = "Law Number 24 of 2009 concerning the National Flag, Language, Emblem, and Anthem"

#: The first consideration, by kind of cooperation.
MENIMBANG: dict[str, Rujukan] = {
    "dapat": Rujukan(
        teks="bahwa berdasarkan Pasal 363 ayat (1) Undang-Undang Nomor 23 Tahun 2014 tentang "
        "Pemerintahan Daerah, dalam rangka meningkatkan kesejahteraan rakyat, daerah dapat "
        "mengadakan kerja sama yang didasarkan pada pertimbangan efisiensi dan efektivitas "
        "pelayanan publik serta saling menguntungkan",
        umum="bahwa berdasarkan Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, "
        "dalam rangka meningkatkan kesejahteraan rakyat, daerah dapat mengadakan kerja sama yang "
        "didasarkan pada pertimbangan efisiensi dan efektivitas pelayanan publik serta saling "
        "menguntungkan",
        sumber="UU 23/2014 Pasal 363 ayat (1)",
        verified=True,
        text="that pursuant to Article 363 paragraph (1) of Law Number 23 of 2014 concerning "
        "Regional Government, in order to improve the welfare of the people, regions may enter "
        "into cooperation based on considerations of the efficiency and effectiveness of public "
        "services and of mutual benefit",
        general="that pursuant to Law Number 23 of 2014 concerning Regional Government, in "
        "order to improve the welfare of the people, regions may enter into cooperation based "
        "on considerations of the efficiency and effectiveness of public services and of mutual "
        "benefit",
    ),
    "ksdd_wajib": Rujukan(
        teks="bahwa berdasarkan Pasal 364 Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan "
        "Daerah, daerah yang berbatasan wajib bekerja sama dalam penyelenggaraan urusan "
        "pemerintahan yang memiliki eksternalitas lintas daerah dan penyediaan layanan publik "
        "yang lebih efisien jika dikelola bersama",
        umum="bahwa berdasarkan Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, "
        "daerah yang berbatasan wajib bekerja sama dalam penyelenggaraan urusan pemerintahan "
        "yang memiliki eksternalitas lintas daerah dan penyediaan layanan publik yang lebih "
        "efisien jika dikelola bersama",
        sumber=f"UU 23/2014 Pasal 364 (kerja sama wajib); wording {_UNCHECKED}",
        verified=False,
        text="that pursuant to Article 364 of Law Number 23 of 2014 concerning Regional "
        "Government, bordering regions shall cooperate in government affairs with cross-regional "
        "externalities and in public services that are more efficient when managed jointly",
        general="that pursuant to Law Number 23 of 2014 concerning Regional Government, "
        "bordering regions shall cooperate in government affairs with cross-regional "
        "externalities and in public services that are more efficient when managed jointly",
    ),
}

#: The regulations each kind rests on ("dengan berpedoman pada ..."), in order.
MENGINGAT: dict[str, tuple[Rujukan, ...]] = {}


def _aturan(judul: str, pasal: str, sumber: str, title: str) -> Rujukan:
    """A regulation cited with its article (unverified), or by its title alone.

    ``title`` is its English title; the article reads "Article 31 of Law ..." in English.
    """
    article = pasal.replace("Pasal", "Article")
    return Rujukan(
        teks=f"{pasal} {judul}" if pasal else judul,
        umum=judul,
        sumber=sumber,
        verified=not pasal,
        text=f"{article} of {title}" if pasal else title,
        general=title,
    )


_UU = _aturan(UU_23_2014, "", "UU 23/2014, title", LAW_23_2014)
_PP = _aturan(PP_28_2018, "", "PP 28/2018, title", GR_28_2018)
_P22 = _aturan(PERMENDAGRI_22_2020, "", "Permendagri 22/2020, title", MOHA_22_2020)
_P25 = _aturan(PERMENDAGRI_25_2020, "", "Permendagri 25/2020, title", MOHA_25_2020)
_BAHASA = _aturan(
    UU_24_2009,
    "Pasal 31",
    f"UU 24/2009 Pasal 31 (language of agreements); {_UNCHECKED}",
    LAW_24_2009,
)

MENGINGAT.update(
    {
        "ksdd_wajib": (_UU, _PP, _P22),
        "ksdd_sukarela": (_UU, _PP, _P22),
        "ksdpk": (_UU, _PP, _P22),
        # Cooperation with ministries is "sinergi" under Permendagri 22/2020.
        "sinergi": (_UU, _PP, _P22),
        "ksdpl": (_UU, _PP, _P25, _BAHASA),
        "ksdll": (_UU, _PP, _P25, _BAHASA),
    }
)


def menimbang(jenis: str, *, draft: bool) -> str:
    """The first consideration of a naskah of cooperation ``jenis`` (no final punctuation)."""
    return MENIMBANG.get(jenis, MENIMBANG["dapat"]).bunyi(draft=draft)


def mengingat(jenis: str, *, draft: bool) -> tuple[str, ...]:
    """The regulations a naskah of cooperation ``jenis`` rests on."""
    return tuple(r.bunyi(draft=draft) for r in MENGINGAT.get(jenis, (_UU, _PP)))


def considering(jenis: str, *, draft: bool) -> str:
    """The first consideration in English ("that pursuant to ..."), as :func:`menimbang`."""
    return MENIMBANG.get(jenis, MENIMBANG["dapat"]).english(draft=draft)


def having_regard(jenis: str, *, draft: bool) -> tuple[str, ...]:
    """The regulations in English ("Law Number 23 of 2014 concerning ..."), as :func:`mengingat`."""
    return tuple(r.english(draft=draft) for r in MENGINGAT.get(jenis, (_UU, _PP)))
