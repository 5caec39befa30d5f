"""Record format v1 as pydantic models: agreements (kerja sama) and mapped potentials.

The models are strict at the edge: unknown keys are errors, codes must be strings, dates must
be real ISO dates. Cross-field and cross-record checks live in ``ksd_cli.rules``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    Tag,
)
from pydantic_core import PydanticCustomError

from ksd_cli.tanggal import parse_bulan

JenisKerjaSama = Literal["ksdd_wajib", "ksdd_sukarela", "ksdpk", "ksdpl", "ksdll", "sinergi"]
TipePihak = Literal[
    "pemda", "pihak_ketiga", "kementerian_lembaga", "pemda_luar_negeri", "lembaga_luar_negeri"
]
JenisNaskah = Literal[
    "kesepakatan_bersama",
    "nota_kesepahaman",
    "nota_kesepakatan",
    "perjanjian_kerja_sama",
    "adendum",
    "surat_pernyataan_kehendak",
]
NamaTahap = Literal[
    "identifikasi",
    "penawaran",
    "penyusunan_kb",
    "penandatanganan_kb",
    "penyusunan_pks",
    "persetujuan_dprd",
    "penandatanganan_pks",
    "pelaksanaan",
    "monev",
    "berakhir",
]
Rekomendasi = Literal["dilanjutkan", "diperluas", "diperbaiki", "dihentikan"]
Prioritas = Literal["tinggi", "sedang", "rendah"]
StatusTersimpan = Literal["dibatalkan", "diakhiri"]
HasilDprd = Literal["disetujui", "ditolak"]

# v1.1, before signing (issue 10 §1) -----------------------------------------------------------
#: Events of a proposal that are not stages (Permendagri 22/2020's procedure: the request, the
#: offer letter and its answer, the TKKSD's discussion and its outcome). They sit in the
#: sibling list ``peristiwa``, so ``tahapan`` keeps meaning "stages reached" for every v1 file.
JenisPeristiwa = Literal[
    "permohonan",
    "penawaran_dikirim",
    "penawaran_diterima",
    "surat_tanggapan",
    "pembahasan_tkksd",
    "disetujui",
    "ditolak",
    "dikembalikan",
    "ditunda",
]
#: The order of ``JenisPeristiwa`` (titles, reports, docs).
URUTAN_PERISTIWA: tuple[JenisPeristiwa, ...] = (
    "permohonan",
    "penawaran_dikirim",
    "penawaran_diterima",
    "surat_tanggapan",
    "pembahasan_tkksd",
    "disetujui",
    "ditolak",
    "dikembalikan",
    "ditunda",
)
#: Events that are an offer letter, and the stage they reach.
PERISTIWA_PENAWARAN: frozenset[str] = frozenset({"penawaran_dikirim", "penawaran_diterima"})
#: Events that answer an offer (a reply, a discussion, a decision).
PERISTIWA_JAWABAN: frozenset[str] = frozenset(
    {"surat_tanggapan", "pembahasan_tkksd", "disetujui", "ditolak", "dikembalikan", "ditunda"}
)
# ------------------------------------------------------------------------------------------------
# --- v1.1 record additions (issue 10 §2): vocabularies ---------------------------------------
#: Who the partner really is, per ``tipe`` (see ``KATEGORI_PER_TIPE``).
KategoriPihak = Literal[
    "badan_usaha_swasta",
    "bumn",
    "bumd",
    "perguruan_tinggi",
    "organisasi_kemasyarakatan",
    "perorangan",
    "lembaga_lainnya",
    "kementerian",
    "lembaga_pemerintah_non_kementerian",
    "instansi_vertikal",
]
#: The categories each party type may carry. BPJS and state universities are ``pihak_ketiga``
#: (``lembaga_lainnya`` and ``perguruan_tinggi``): PP 28/2018 counts "badan hukum" and
#: "perguruan tinggi" among the third parties a region works with, and neither is a ministry,
#: an LPNK or a vertical office of one (record-format.md, "Tambahan isi rekaman").
KATEGORI_PER_TIPE: dict[str, frozenset[str]] = {
    "pihak_ketiga": frozenset(
        {
            "badan_usaha_swasta",
            "bumn",
            "bumd",
            "perguruan_tinggi",
            "organisasi_kemasyarakatan",
            "perorangan",
            "lembaga_lainnya",
        }
    ),
    "kementerian_lembaga": frozenset(
        {"kementerian", "lembaga_pemerintah_non_kementerian", "instansi_vertikal"}
    ),
}
#: The ground on which an official other than the head of region signs, besides a surat kuasa.
JenisKewenangan = Literal["keputusan_pengangkatan", "plt", "plh", "pj", "lainnya"]
JenisPendapatan = Literal["retribusi", "bagi_hasil", "kontribusi", "sewa", "lainnya"]
KriteriaMonev = Literal[
    "kesesuaian_tujuan",
    "ketepatan_waktu",
    "kontribusi_mitra",
    "koordinasi",
    "indikator",
    "dampak",
    "inovasi",
    "kelengkapan_dokumen",
    "pelaporan_berkala",
    "kendala_administrasi",
    "relevansi",
]
Penilai = Literal["opd", "tkksd", "mitra"]
#: What ``berlaku_sampai`` says when the source does not give the end of validity.
TIDAK_DIKETAHUI = "tidak_diketahui"
# --- end of v1.1 record additions -----------------------------------------------------------

#: The stages in order: ``tahap_terakhir`` is the furthest one reached along this list.
URUTAN_TAHAP: tuple[NamaTahap, ...] = (
    "identifikasi",
    "penawaran",
    "penyusunan_kb",
    "penandatanganan_kb",
    "penyusunan_pks",
    "persetujuan_dprd",
    "penandatanganan_pks",
    "pelaksanaan",
    "monev",
    "berakhir",
)
#: Documents of the memorandum kind: the ones a PKS follows.
JENIS_KB: frozenset[str] = frozenset(
    {"kesepakatan_bersama", "nota_kesepahaman", "nota_kesepakatan"}
)


#: The dates a record may hold: from the republic's first regions to the end of the century.
#: Years (``tahun``, ``rkpd_tahun``) are bounded alike. Anything outside is a typing slip
#: (``0``, ``10000``, ``9999-12-31`` for "no end") that would overflow date arithmetic.
TANGGAL_MIN = date(1945, 1, 1)
TANGGAL_MAX = date(2100, 12, 31)
#: Text values starting with this are placeholders written by ``ksd new``, still to be filled
#: in (``judul: 'ISI: JUDUL KERJA SAMA'``); ``ksd diff`` lists them for review.
PLACEHOLDER = "ISI:"
#: The largest rupiah amount a record may state: Rp1.000 triliun (10^15), far above any
#: regional budget, low enough that sums and spreadsheets never overflow.
RUPIAH_MAX = 10**15
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def parse_date(text: str) -> date | None:
    """``text`` as a date written exactly ``YYYY-MM-DD`` (ASCII digits), else ``None``.

    Stricter than ``date.fromisoformat``, which also reads ``20240101`` and ``2024-W01-1``.
    """
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _tanggal(value: Any) -> Any:
    """Accept a date, or an ISO date written as a quoted string; refuse the rest clearly."""
    if isinstance(value, datetime):
        raise PydanticCustomError("date_with_time", "a date without a time is expected")
    if isinstance(value, str):
        parsed = parse_date(value)
        if parsed is None:
            raise PydanticCustomError("invalid_date", "not a real calendar date")
        value = parsed
    if isinstance(value, date) and not TANGGAL_MIN <= value <= TANGGAL_MAX:
        raise PydanticCustomError(
            "out_of_range_between",
            "a date between {low} and {high} is expected",
            {"low": TANGGAL_MIN.isoformat(), "high": TANGGAL_MAX.isoformat()},
        )
    return value


def _tahun(value: int) -> int:
    """A year within the dates a record may hold."""
    if not TANGGAL_MIN.year <= value <= TANGGAL_MAX.year:
        raise PydanticCustomError(
            "out_of_range_between",
            "a year between {low} and {high} is expected",
            {"low": TANGGAL_MIN.year, "high": TANGGAL_MAX.year},
        )
    return value


def _teks_dari_tahun(value: Any) -> Any:
    """A period such as ``2024`` may be written unquoted: a year is unambiguous."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _teks_dari_angka(value: Any) -> Any:
    """A target such as ``100`` or ``2.5`` may be written unquoted (v1.1, potentials)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


Tanggal = Annotated[date, BeforeValidator(_tanggal)]


def _tanggal_atau_tidak_diketahui(value: Any) -> Any:
    """v1.1: a date, or ``tidak_diketahui``; one clear error for anything else."""
    return value if value == TIDAK_DIKETAHUI else _tanggal(value)


#: An end of validity: a date, or ``tidak_diketahui`` when the source does not say (v1.1).
TanggalAtauTidakDiketahui = Annotated[
    date | Literal["tidak_diketahui"], BeforeValidator(_tanggal_atau_tidak_diketahui)
]


# v1.1 remainder (issue 10): dates known only to the month --------------------------------------
def _tanggal_atau_bulan(value: Any) -> Any:
    """v1.1: a date, or a month written ``YYYY-MM`` (a ``ksd_cli.tanggal.TanggalBulan``)."""
    if isinstance(value, str) and (bulan := parse_bulan(value)) is not None:
        value = bulan
    elif isinstance(value, str) and parse_date(value) is None:
        raise PydanticCustomError(
            "invalid_date_or_month", "not a real calendar date (YYYY-MM-DD) nor a month (YYYY-MM)"
        )
    return _tanggal(value)


#: A signing date or an event date of a historical record: a day, or only its month (v1.1).
#: Month-only values compare as the month's first day; see ``ksd_cli.tanggal`` for the rules.
TanggalAtauBulan = Annotated[
    date,
    BeforeValidator(_tanggal_atau_bulan),
    PlainSerializer(lambda d: d.isoformat(), return_type=str, when_used="json"),
]
# ------------------------------------------------------------------------------------------------
Teks = Annotated[str, Field(min_length=1)]
Kode = Annotated[str, Field(min_length=1, json_schema_extra={"ksd_code": True})]
Uang = Annotated[int, Field(ge=0, le=RUPIAH_MAX)]
Tahun = Annotated[int, AfterValidator(_tahun)]


class _Record(BaseModel):
    # Each model's validator is built when first used, not at import: a command that validates
    # a record or two (``ksd diff``, ``--changed-since`` after an edit) builds ``Agreement``'s
    # alone, the models it holds made part of it, instead of one validator for each of the
    # twenty models as well (~10 ms). See :func:`build_validators` for many records.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class SuratKuasa(_Record):
    """The power of attorney under which an official signs for the head of region."""

    nomor: Teks
    tanggal: Tanggal


# --- v1.1 record additions (issue 10 §2): models ---------------------------------------------
class DasarKewenangan(_Record):
    """The decree under which an official signs (a deputy, a Sekda, an acting head)."""

    jenis: JenisKewenangan
    nomor: Teks | None = None
    tanggal: Tanggal | None = None
    keterangan: str | None = None


class HakKewajiban(_Record):
    """A party's rights and obligations, apart (v1 allows one plain list per party)."""

    hak: list[Teks] | None = None
    kewajiban: list[Teks] | None = None


class JangkaWaktu(_Record):
    """A term in years and/or months, for drafts whose dates are not known yet."""

    tahun: Annotated[int, Field(ge=0, le=100)] | None = None
    bulan: Annotated[int, Field(ge=0, le=1200)] | None = None


class Pendapatan(_Record):
    """Revenue the cooperation brings the region (a retribusi, a share, a fee)."""

    jenis: JenisPendapatan
    nilai: Uang | None = None
    keterangan: str | None = None


# --- end of v1.1 record additions: models -------------------------------------------------


class Penandatangan(_Record):
    """Who signs a naskah for a party."""

    peran: Teks
    nama: Teks
    jabatan: Teks
    surat_kuasa: SuratKuasa | None = None
    # v1.1 additions (issue 10 §2): signing apart, the ground of authority, rank and NIP.
    dasar_kewenangan: DasarKewenangan | Literal["tidak_diketahui"] | None = None
    tanggal_ttd: TanggalAtauBulan | None = None
    tempat_ttd: Teks | None = None
    pangkat_golongan: Teks | None = None
    nip: Teks | None = None


class Saksi(_Record):
    """v1.1 (issue 12): a witness to the signing of a naskah."""

    nama: Teks
    jabatan: str | None = None
    #: The party whose witness this is (``pihak_kesatu``), when the naskah says.
    peran: Teks | None = None


class RencanaAksi(_Record):
    """One row of the action-plan annex of a nota kesepakatan."""

    kegiatan: Teks
    keluaran: str | None = None
    lokasi: str | None = None
    waktu: str | None = None
    penanggung_jawab: str | None = None
    sumber_dana: str | None = None


class Pihak(_Record):
    """A party, in the order of the naskah."""

    peran: Teks
    tipe: TipePihak
    kode_wilayah: Kode | None = None
    nama: Teks | None = None
    alamat: str | None = None
    negara: str | None = None
    # v1.1 additions (issue 10 §2): who the partner really is.
    kategori: KategoriPihak | None = None
    unit_kerja: Teks | None = None


# --- v1.1 additions (issue 12): an adendum's changes in amendment form -----------------------
Nomor = Annotated[int, Field(ge=1)]


class UbahPasal(_Record):
    """A changed provision, "Ketentuan Pasal N (ayat M) diubah sehingga berbunyi ...".

    ``teks`` is the new wording: one text, or a list (one ayat each) for a whole Pasal.
    """

    pasal: Nomor
    ayat: Nomor | None = None
    judul: Teks | None = None
    teks: Teks | Annotated[list[Teks], Field(min_length=1)]


class SisipPasal(_Record):
    """An inserted Pasal, "Di antara Pasal N dan Pasal N+1 disisipkan 1 (satu) Pasal ..."."""

    sisip_setelah: Nomor
    judul: Teks | None = None
    teks: Teks | Annotated[list[Teks], Field(min_length=1)]


class HapusPasal(_Record):
    """A deleted Pasal (or one ayat of it), "Pasal N dihapus"."""

    pasal: Nomor
    ayat: Nomor | None = None
    hapus: Literal[True]


def _bentuk_perubahan(value: Any) -> str:
    """Which form a change takes: free text, or a mapping read by the key it has."""
    # Tags are never record keys, so a finding's path through them stops at the change itself.
    if isinstance(value, dict):
        if "hapus" in value:
            return "hapus_pasal"
        return "sisip_pasal" if "sisip_setelah" in value else "ubah_pasal"
    if isinstance(value, BaseModel):
        forms = {UbahPasal: "ubah_pasal", SisipPasal: "sisip_pasal", HapusPasal: "hapus_pasal"}
        return forms.get(type(value), "teks")
    return "teks"


#: One change of an adendum: free text (v1, rendered as written) or a structured form. A
#: mapping without ``hapus`` or ``sisip_setelah`` changes a Pasal and needs ``teks``, so a
#: change with neither text nor delete is a "missing key teks" error at the mapping.
Perubahan = Annotated[
    Annotated[Teks, Tag("teks")]
    | Annotated[UbahPasal, Tag("ubah_pasal")]
    | Annotated[SisipPasal, Tag("sisip_pasal")]
    | Annotated[HapusPasal, Tag("hapus_pasal")],
    Discriminator(_bentuk_perubahan),
]
# --- end of v1.1 additions (issue 12) ---------------------------------------------------------


class Naskah(_Record):
    """A drafted or signed document of a cooperation."""

    jenis: JenisNaskah
    nomor: dict[str, Teks] | None = None
    tanggal_ttd: TanggalAtauBulan | None = None
    tempat_ttd: Teks | None = None
    berlaku_mulai: Tanggal | None = None
    #: v1.1: ``tidak_diketahui`` when the source does not say (never "no end", never "ended").
    berlaku_sampai: TanggalAtauTidakDiketahui | None = None
    penandatangan: list[Penandatangan] | None = None
    induk: Annotated[int, Field(ge=1)] | None = None
    berkas: str | None = None
    judul: Teks | None = None
    pertimbangan: list[Teks] | None = None
    hak_kewajiban: dict[str, list[Teks] | HakKewajiban] | None = None
    rencana_aksi: list[RencanaAksi] | None = None
    perubahan: list[Perubahan] | None = None  # v1.1: structured forms beside free text
    # v1.1 additions (issue 10 §2): what this document itself covers, and whether it is held.
    diarsipkan: bool | None = None
    objek: str | None = None
    ruang_lingkup: list[Teks] | None = None
    nilai: Uang | None = None
    jangka_waktu: JangkaWaktu | None = None
    pelaksana: dict[str, Teks] | None = None
    # v1.1 additions (issue 12): witnesses to the signing.
    saksi: list[Saksi] | None = None

    @property
    def mulai(self) -> date | None:
        """The first day in force: ``berlaku_mulai``, else the last signature.

        The last signature is the latest of ``tanggal_ttd`` and the signatories' own dates.
        """
        if self.berlaku_mulai is not None:
            return self.berlaku_mulai
        dates = [d for d in (self.tanggal_ttd, *self.tanggal_ttd_pihak) if d is not None]
        return max(dates) if dates else None

    # --- v1.1 additions: effective values ---------------------------------------------------
    @property
    def sampai(self) -> date | None:
        """The last day in force when the record gives it (``None``: open or unknown)."""
        return self.berlaku_sampai if isinstance(self.berlaku_sampai, date) else None

    @property
    def sampai_tidak_diketahui(self) -> bool:
        """The source does not say until when the document is in force."""
        return self.berlaku_sampai == TIDAK_DIKETAHUI

    @property
    def tanggal_ttd_pihak(self) -> tuple[date, ...]:
        """The dates the parties signed on, where the signatories say so."""
        return tuple(s.tanggal_ttd for s in self.penandatangan or () if s.tanggal_ttd)

    @property
    def tidak_diarsipkan(self) -> bool:
        """Known to exist but not held in the archive (``diarsipkan: false``)."""
        return self.diarsipkan is False

    def objek_efektif(self, record: Agreement) -> str | None:
        """The ``objek`` of this document, else the cooperation's."""
        return self.objek if self.objek is not None else record.objek

    def ruang_lingkup_efektif(self, record: Agreement) -> list[str] | None:
        """The ``ruang_lingkup`` of this document, else the cooperation's."""
        return self.ruang_lingkup if self.ruang_lingkup is not None else record.ruang_lingkup

    def nilai_efektif(self, record: Agreement) -> int | None:
        """The ``nilai`` of this document, else the financing's."""
        if self.nilai is not None:
            return self.nilai
        return record.pembiayaan.nilai if record.pembiayaan is not None else None

    def pelaksana_efektif(self, record: Agreement) -> dict[str, str] | list[str] | None:
        """The implementing unit per party, else the cooperation's ``perangkat_daerah``."""
        return self.pelaksana if self.pelaksana is not None else record.perangkat_daerah

    def hak_dan_kewajiban(self, peran: str) -> HakKewajiban | None:
        """A party's rights and obligations in the v1.1 form; a v1 plain list is obligations.

        A v1 list mixes rights and obligations under one heading ("hak dan kewajiban"); it is
        given back as ``kewajiban`` only so that callers see one shape, never reinterpreted.
        """
        entry = (self.hak_kewajiban or {}).get(peran)
        if entry is None or isinstance(entry, HakKewajiban):
            return entry
        return HakKewajiban(kewajiban=list(entry))


class Tahap(_Record):
    """A dated event that is not a document."""

    tahap: NamaTahap
    tanggal: TanggalAtauBulan
    keterangan: str | None = None
    dokumen: str | None = None


# v1.1, before signing (issue 10 §1) -----------------------------------------------------------
class Peristiwa(_Record):
    """A dated event of a proposal that is not a stage: a request, an offer, a decision."""

    jenis: JenisPeristiwa
    tanggal: TanggalAtauBulan
    keterangan: str | None = None
    dokumen: str | None = None


# ------------------------------------------------------------------------------------------------


class Pembiayaan(_Record):
    """Financing."""

    sumber: list[Teks] | None = None
    nilai: Uang | None = None
    teranggarkan_apbd: bool | None = None
    membebani_masyarakat: bool | None = None
    membebani_daerah: bool | None = None
    # v1.1 addition (issue 10 §2): money both ways.
    pendapatan: list[Pendapatan] | None = None


class PersetujuanDprd(_Record):
    """DPRD approval."""

    diperlukan: bool
    tanggal_permohonan: Tanggal | None = None
    tanggal_keputusan: Tanggal | None = None
    nomor: str | None = None
    hasil: HasilDprd | None = None


class Integrasi(_Record):
    """Link to the planning documents (RPJMD, RKPD, DPA)."""

    rpjmd: str | None = None
    rkpd_tahun: Tahun | None = None
    program: str | None = None
    dpa: bool | None = None


class Monev(_Record):
    """One monitoring and evaluation result."""

    tanggal: Tanggal
    periode: Annotated[str, BeforeValidator(_teks_dari_tahun)] | None = None
    realisasi: str | None = None
    capaian: Annotated[float, Field(ge=0, le=100)] | None = None
    kendala: str | None = None
    rekomendasi: Rekomendasi | None = None
    # v1.1 additions (issue 10 §2): monev as regional forms run it.
    penilaian: dict[KriteriaMonev, Annotated[int, Field(ge=1, le=5)]] | None = None
    bukti: Teks | None = None
    penilai: list[Penilai] | None = None


class Agreement(_Record):
    """One kerja sama: ``data/agreements/<id>.yaml``."""

    id: Teks
    judul: Teks
    jenis: JenisKerjaSama
    urusan: Annotated[list[Kode], Field(min_length=1)]
    maksud_tujuan: str | None = None
    objek: str | None = None
    ruang_lingkup: list[Teks] | None = None
    pihak: Annotated[list[Pihak], Field(min_length=2)]
    perangkat_daerah: list[Teks] | None = None
    potensi: list[Teks] | None = None
    naskah: list[Naskah] | None = None
    tahapan: list[Tahap] | None = None
    peristiwa: list[Peristiwa] | None = None  # v1.1, before signing
    pembiayaan: Pembiayaan | None = None
    persetujuan_dprd: PersetujuanDprd | None = None
    integrasi_perencanaan: Integrasi | None = None
    monev: list[Monev] | None = None
    status: StatusTersimpan | None = None
    catatan: str | None = None
    # --- v1.1 addition (issue 15, ksd consolidate): the same KSDD in the partners' registers.
    #: The ids of this cooperation's records in the partner regions' repositories.
    rekaman_mitra: list[Teks] | None = None


class CalonMitra(_Record):
    """A candidate partner of a mapped potential."""

    tipe: TipePihak
    kode_wilayah: Kode | None = None
    nama: Teks | None = None


class DokumenPenetapan(_Record):
    """The decree that set the mapping."""

    jenis: Teks
    nomor: Teks
    tanggal: Tanggal


class Potential(_Record):
    """One mapped cooperation potential: ``data/potentials/<id>.yaml``."""

    id: Teks
    daerah: Kode
    tahun: Tahun
    perangkat_daerah: Teks
    urusan: Kode
    sub_urusan: str | None = None
    isu: Teks
    potensi: Teks
    eksternalitas_lintas_daerah: bool | None = None
    jenis_usulan: JenisKerjaSama | None = None
    bentuk_kerja_sama: str | None = None
    calon_mitra: list[CalonMitra] | None = None
    peran_daerah: str | None = None
    prioritas: Prioritas
    integrasi_perencanaan: Integrasi | None = None
    # v1.1 additions (issue 13): what the mapping matrix plans for the potential.
    indikator: Teks | None = None
    target: Annotated[Teks, BeforeValidator(_teks_dari_angka)] | None = None
    anggaran_indikatif: Uang | None = None
    tahun_rencana: Tahun | None = None
    dokumen_penetapan: DokumenPenetapan | None = None


def build_validators() -> None:
    """Build the record models' validators now (each is otherwise built when first used).

    Before forking workers that all validate records: built here once, not in each of them.
    """
    for model in (Agreement, Potential):
        model.model_rebuild()


#: The fields that hold region or urusan codes: a number there means the code was not quoted.
CODE_FIELDS: frozenset[str] = frozenset({"kode_wilayah", "urusan", "daerah"})

#: Key order of the record format, used to suggest a key for a typo and by ``ksd fmt``.
KEY_ORDER: dict[type[BaseModel], tuple[str, ...]] = {
    model: tuple(model.model_fields)
    for model in (
        Agreement,
        Potential,
        Pihak,
        Naskah,
        Penandatangan,
        SuratKuasa,
        RencanaAksi,
        Tahap,
        Peristiwa,  # v1.1, before signing
        Pembiayaan,
        PersetujuanDprd,
        Integrasi,
        Monev,
        CalonMitra,
        DokumenPenetapan,
        # v1.1 additions
        DasarKewenangan,
        HakKewajiban,
        JangkaWaktu,
        Pendapatan,
    )
}
