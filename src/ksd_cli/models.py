"""Record format v1 as pydantic models: agreements (kerja sama) and mapped potentials.

The models are strict at the edge: unknown keys are errors, codes must be strings, dates must
be real ISO dates. Cross-field and cross-record checks live in ``ksd_cli.rules``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

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


Tanggal = Annotated[date, BeforeValidator(_tanggal)]
Teks = Annotated[str, Field(min_length=1)]
Kode = Annotated[str, Field(min_length=1, json_schema_extra={"ksd_code": True})]
Uang = Annotated[int, Field(ge=0, le=RUPIAH_MAX)]
Tahun = Annotated[int, AfterValidator(_tahun)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SuratKuasa(_Record):
    """The power of attorney under which an official signs for the head of region."""

    nomor: Teks
    tanggal: Tanggal


class Penandatangan(_Record):
    """Who signs a naskah for a party."""

    peran: Teks
    nama: Teks
    jabatan: Teks
    surat_kuasa: SuratKuasa | None = None


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


class Naskah(_Record):
    """A drafted or signed document of a cooperation."""

    jenis: JenisNaskah
    nomor: dict[str, Teks] | None = None
    tanggal_ttd: Tanggal | None = None
    tempat_ttd: Teks | None = None
    berlaku_mulai: Tanggal | None = None
    berlaku_sampai: Tanggal | None = None
    penandatangan: list[Penandatangan] | None = None
    induk: Annotated[int, Field(ge=1)] | None = None
    berkas: str | None = None
    judul: Teks | None = None
    pertimbangan: list[Teks] | None = None
    hak_kewajiban: dict[str, list[Teks]] | None = None
    rencana_aksi: list[RencanaAksi] | None = None
    perubahan: list[Teks] | None = None

    @property
    def mulai(self) -> date | None:
        """The first day in force: ``berlaku_mulai``, else the signing date."""
        return self.berlaku_mulai or self.tanggal_ttd


class Tahap(_Record):
    """A dated event that is not a document."""

    tahap: NamaTahap
    tanggal: Tanggal
    keterangan: str | None = None
    dokumen: str | None = None


# v1.1, before signing (issue 10 §1) -----------------------------------------------------------
class Peristiwa(_Record):
    """A dated event of a proposal that is not a stage: a request, an offer, a decision."""

    jenis: JenisPeristiwa
    tanggal: Tanggal
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
    dokumen_penetapan: DokumenPenetapan | None = None


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
    )
}
