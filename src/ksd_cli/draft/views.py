"""The views a naskah template receives: parties, document, cooperation, legal basis.

Frozen values built by :func:`ksd_cli.draft.context.build_context`; their fields are the
template variables documented in docs/naskah.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ksd_cli.draft.english import EnglishView
from ksd_cli.draft.penandatangan import PenandatanganView
from ksd_cli.draft.perubahan import KetentuanView
from ksd_cli.messages import Lang, Msg, render
from ksd_cli.models import Agreement, Naskah


@dataclass(frozen=True)
class MissingField:
    """A required value the record lacks, at its record path (positions counted from 1)."""

    path: str
    #: What is missing, worded in the reader's language by :meth:`text`.
    msg: Msg

    def text(self, lang: Lang) -> str:
        """What is missing, in ``lang``."""
        return render(self.msg, lang)

    @property
    def message(self) -> str:
        """What is missing, in Indonesian (the language of the naskah)."""
        return self.text("id")


@dataclass(frozen=True)
class PihakView:
    """A party as the naskah names it."""

    peran: str
    label: str
    tipe: str
    nama: str
    alamat: str | None
    negara: str | None
    #: The region ("Kabupaten Kutai Kartanegara") of a pemda, else ``None``.
    daerah: str | None
    #: The office of its head ("Bupati Kutai Kartanegara") of a pemda, else ``None``.
    kepala_daerah: str | None
    #: Who results are reported to: the head of region, else "pimpinan <nama>".
    pimpinan: str
    #: The party is the region that owns the data repository.
    pemilik: bool
    #: This party's number of the naskah (or a marker).
    nomor: str
    penandatangan: PenandatanganView
    #: Rights and obligations from the record (``naskah.hak_kewajiban``), empty if none.
    hak_kewajiban: tuple[str, ...] = ()
    #: What the party "berhak" and "berkewajiban": the standard wording for its type and the
    #: kind of naskah (used when ``hak_kewajiban`` is empty).
    hak: tuple[str, ...] = ()
    kewajiban: tuple[str, ...] = ()
    #: Who carries out this document for the party (v1.1 ``naskah.pelaksana``), else ``None``.
    pelaksana: str | None = None
    #: Where the party is seated, for "berkedudukan di": its ``alamat``, else for the
    #: repository's own region ``[daerah] alamat`` of ksd.toml, else ``None``.
    kedudukan: str | None = None
    #: A foreign party (pemda or institution abroad): no meterai, English text beside.
    luar_negeri: bool = False


@dataclass(frozen=True)
class NaskahView:
    """The document being drafted."""

    posisi: int
    baru: bool
    jenis: str
    #: "Kesepakatan Bersama", "Perjanjian Kerja Sama", ...
    nama_jenis: str
    #: What the title calls the document: "Kesepakatan Bersama", "Adendum Pertama Perjanjian
    #: Kerja Sama" (from ``judul`` before "tentang", else the kind's name).
    sebutan: str
    #: The subject after "tentang".
    tentang: str
    tanggal_ttd: date | None
    tempat_ttd: str
    berlaku_mulai: date | None
    berlaku_sampai: date | None
    #: The term in whole years or months, "5 (lima) tahun", when the dates make one.
    durasi: str | None
    pertimbangan: tuple[str, ...]
    rencana_aksi: tuple[RencanaAksiView, ...]
    #: The adendum's changes written as free text (v1), as written.
    perubahan: tuple[str, ...]
    #: The marker shown instead of the signing date when it is missing.
    penanda_tanggal_ttd: str
    #: What this document covers (v1.1 ``naskah.objek`` ...), else the cooperation's: a PKS
    #: on bank sampah does not describe the landfill of the KB it follows.
    objek: str | None = None
    ruang_lingkup: tuple[str, ...] = ()
    nilai: int | None = None
    #: Witnesses to the signing (v1.1 ``saksi``), in record order.
    saksi: tuple[SaksiView, ...] = ()
    #: Every change of an adendum in record order, structured ones in amendment form.
    ketentuan: tuple[KetentuanView, ...] = ()

    @property
    def bentuk_perubahan(self) -> bool:
        """Whether any change names its Pasal (the adendum is then written in amendment form)."""
        return any(not k.bebas for k in self.ketentuan)


@dataclass(frozen=True)
class SaksiView:
    """A witness: name, office, and whose witness ("Saksi PIHAK KESATU", else "Saksi")."""

    nama: str
    jabatan: str
    label: str


@dataclass(frozen=True)
class RencanaAksiView:
    """One row of the action plan; absent cells are empty strings."""

    kegiatan: str
    keluaran: str = ""
    lokasi: str = ""
    waktu: str = ""
    penanggung_jawab: str = ""
    sumber_dana: str = ""


@dataclass(frozen=True)
class IndukView:
    """The document a PKS follows or an adendum amends."""

    posisi: int
    jenis: str
    nama_jenis: str
    sebutan: str
    tentang: str
    #: (party label, number) in party order; a missing number is a marker.
    nomor: tuple[tuple[str, str], ...]
    tanggal_ttd: date | None
    berlaku_sampai: date | None
    penanda_tanggal_ttd: str
    #: How many adendum of this document come up to and including the one being drafted.
    adendum_ke: int = 0


@dataclass(frozen=True)
class KerjaSamaView:
    """The cooperation as a whole."""

    id: str
    judul: str
    jenis: str
    maksud_tujuan: str | None
    objek: str | None
    ruang_lingkup: tuple[str, ...]
    #: Names of the urusan ("lingkungan hidup"), in record order.
    urusan: tuple[str, ...]
    perangkat_daerah: tuple[str, ...]
    #: Financing sources in words.
    sumber_dana: tuple[str, ...]
    nilai: int | None
    #: A foreign cooperation (KSDPL, KSDLL, or a party abroad): the naskah is bilingual, its
    #: texts equally authentic (UU 24/2009 Pasal 31), disputes settled through diplomatic
    #: channels.
    luar_negeri: bool = False


@dataclass(frozen=True)
class DasarHukumView:
    """The legal basis the naskah cites (from ``ksd_cli.draft.dasar_hukum``)."""

    #: The first consideration, fit for the kind ("bahwa berdasarkan Pasal 363 ...").
    menimbang: str
    #: The regulations the naskah rests on, for "Dengan berpedoman pada ...".
    mengingat: tuple[str, ...]
    #: Further considerations from the record: the DPRD approval, the planning link.
    tambahan: tuple[str, ...]


@dataclass(frozen=True)
class DraftContext:
    """Everything a naskah template receives, and what required data is missing."""

    naskah: NaskahView
    pihak: tuple[PihakView, ...]
    kerja_sama: KerjaSamaView
    induk: IndukView | None
    pemilik: PihakView | None
    missing: tuple[MissingField, ...]
    dasar_hukum: DasarHukumView
    record: Agreement = field(repr=False)
    raw_naskah: Naskah = field(repr=False)
    #: The naskah has an English text beside it (a foreign cooperation with an English
    #: template): the closing Pasal says both texts are equally authentic.
    dwibahasa: bool = False
    #: What ksd itself words in the English text (``templates/en/``): region names, affairs,
    #: legal basis, rights and obligations, amendment instructions. Record values are not here.
    en: EnglishView | None = None

    def as_template_vars(self) -> dict[str, object]:
        """The variables of the template (documented in docs/naskah.md)."""
        return {
            "naskah": self.naskah,
            "pihak": self.pihak,
            "kerja_sama": self.kerja_sama,
            "induk": self.induk,
            "pemilik": self.pemilik,
            "dasar_hukum": self.dasar_hukum,
            "para_pihak": [p.label for p in self.pihak],
            "rangkap": len(self.pihak),
            "rekaman": self.record,
            "rekaman_naskah": self.raw_naskah,
            "penomoran": Penomoran(),
            "dwibahasa": self.dwibahasa,
            "en": self.en,
        }


class Penomoran:
    """Numbers Pasal and ayat as a template writes them: ``penomoran.pasal()`` → 1, 2, ...

    Each render gets a fresh instance, so numbering never depends on hard-coded figures and
    never leaks between documents. ``pasal()`` also restarts the ayat count.
    """

    def __init__(self) -> None:
        self._pasal = 0
        self._ayat = 0

    def pasal(self) -> int:
        """The next Pasal number."""
        self._pasal += 1
        self._ayat = 0
        return self._pasal

    def ayat(self) -> int:
        """The next ayat number within the current Pasal."""
        self._ayat += 1
        return self._ayat
