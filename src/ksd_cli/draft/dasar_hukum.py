"""The legal basis a naskah cites, per kind of cooperation: one table a legal officer can check.

Every citation names its source and says whether its exact article and wording were checked
against the official text (``verified``). An unverified citation is used only in a draft
(``--draft``); a final cites the regulation by its title alone (``umum``), which is safe.
To correct or verify an entry, edit it here: the templates only receive the result.
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

    def bunyi(self, *, draft: bool) -> str:
        """The form to print: the exact one when verified or in a draft, else the general one."""
        return self.teks if self.verified or draft else self.umum


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
    ),
}

#: The regulations each kind rests on ("dengan berpedoman pada ..."), in order.
MENGINGAT: dict[str, tuple[Rujukan, ...]] = {}


def _aturan(judul: str, pasal: str, sumber: str) -> Rujukan:
    """A regulation cited with its article (unverified), or by its title alone."""
    return Rujukan(
        teks=f"{pasal} {judul}" if pasal else judul,
        umum=judul,
        sumber=sumber,
        verified=not pasal,
    )


_UU = _aturan(UU_23_2014, "", "UU 23/2014, title")
_PP = _aturan(PP_28_2018, "", "PP 28/2018, title")
_P22 = _aturan(PERMENDAGRI_22_2020, "", "Permendagri 22/2020, title")
_P25 = _aturan(PERMENDAGRI_25_2020, "", "Permendagri 25/2020, title")
_BAHASA = _aturan(
    UU_24_2009, "Pasal 31", f"UU 24/2009 Pasal 31 (language of agreements); {_UNCHECKED}"
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
