"""The values of a mapping: rows per potential, groups per urusan, the coverage summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ksd_cli.messages import Lang

#: Version of the JSON form of ``ksd mapping``; bumped when a key changes meaning.
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class FollowUp:
    """An agreement that follows a potential up, and where it stands on the as-of date."""

    id: str
    judul: str
    tahap: str | None
    status: str

    def as_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {"id": self.id, "judul": self.judul, "tahap": self.tahap, "status": self.status}


@dataclass(frozen=True)
class MappingRow:
    """One potential as a row of the matrix.

    ``indikator``, ``target``, ``anggaran_indikatif`` and ``tahun_rencana`` are the optional
    planning fields of record format v1.1: ``None`` until a potential carries them.
    ``temuan_hari`` is the age in days of the ``potensi_tanpa_tindak_lanjut`` finding, if the
    potential has one.
    """

    id: str
    tahun: int
    urusan: str
    sub_urusan: str | None
    isu: str
    potensi: str
    eksternalitas: bool | None
    perangkat_daerah: str
    calon_mitra: tuple[str, ...]
    jenis_usulan: str | None
    bentuk_kerja_sama: str | None
    peran_daerah: str | None
    prioritas: str
    rpjmd: str | None
    rkpd_tahun: int | None
    program: str | None
    indikator: str | None
    target: str | None
    anggaran_indikatif: int | None
    tahun_rencana: int | None
    dokumen_penetapan: str | None
    tindak_lanjut: tuple[FollowUp, ...]
    ditindaklanjuti: bool
    temuan_hari: int | None
    path: str

    def as_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {
            "id": self.id,
            "tahun": self.tahun,
            "urusan": self.urusan,
            "sub_urusan": self.sub_urusan,
            "isu": self.isu,
            "potensi": self.potensi,
            "eksternalitas_lintas_daerah": self.eksternalitas,
            "perangkat_daerah": self.perangkat_daerah,
            "calon_mitra": list(self.calon_mitra),
            "jenis_usulan": self.jenis_usulan,
            "bentuk_kerja_sama": self.bentuk_kerja_sama,
            "peran_daerah": self.peran_daerah,
            "prioritas": self.prioritas,
            "rpjmd": self.rpjmd,
            "rkpd_tahun": self.rkpd_tahun,
            "program": self.program,
            "indikator": self.indikator,
            "target": self.target,
            "anggaran_indikatif": self.anggaran_indikatif,
            "tahun_rencana": self.tahun_rencana,
            "dokumen_penetapan": self.dokumen_penetapan,
            "tindak_lanjut": [f.as_dict() for f in self.tindak_lanjut],
            "ditindaklanjuti": self.ditindaklanjuti,
            "potensi_tanpa_tindak_lanjut": self.temuan_hari is not None,
            "path": self.path,
        }


@dataclass(frozen=True)
class UrusanGroup:
    """An urusan of the classification and its potentials (none: "belum teridentifikasi")."""

    kode: str
    nama: str
    kelompok: str
    rows: tuple[MappingRow, ...]


@dataclass(frozen=True)
class Coverage:
    """What a province or Kemendagri collects: how much of the urusan the mapping covers."""

    urusan: int
    urusan_terpetakan: int
    potensi: int
    potensi_rkpd: int
    potensi_ditindaklanjuti: int
    potensi_tanpa_tindak_lanjut: int

    def as_dict(self) -> dict[str, int]:
        """The JSON form."""
        return {
            "urusan": self.urusan,
            "urusan_terpetakan": self.urusan_terpetakan,
            "potensi": self.potensi,
            "potensi_rkpd": self.potensi_rkpd,
            "potensi_ditindaklanjuti": self.potensi_ditindaklanjuti,
            "potensi_tanpa_tindak_lanjut": self.potensi_tanpa_tindak_lanjut,
        }


@dataclass(frozen=True)
class Mapping:
    """The Rancangan Pemetaan Potensi of a region: every urusan in classification order.

    ``tingkat`` is the level of the owning region (``provinsi``, ``kabupaten``, ``kota``, or
    ``None`` when it is not in the code list); ``kepala_daerah`` its head's office
    ("Bupati Kutai Kartanegara"). ``invalid`` are the potential files left out for errors.
    """

    daerah: str | None
    daerah_nama: str
    tingkat: str | None
    kepala_daerah: str
    tahun: int | None
    as_of: date
    groups: tuple[UrusanGroup, ...]
    coverage: Coverage
    invalid: tuple[str, ...]
    lang: Lang
    ksd_version: str

    @property
    def rows(self) -> tuple[MappingRow, ...]:
        """Every row, in matrix order."""
        return tuple(row for group in self.groups for row in group.rows)

    def as_dict(self) -> dict[str, object]:
        """The stable JSON form (``schema_version`` 1)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "daerah": {"kode": self.daerah, "nama": self.daerah_nama, "tingkat": self.tingkat},
            "tahun": self.tahun,
            "as_of": self.as_of.isoformat(),
            "cakupan": self.coverage.as_dict(),
            "urusan": [
                {
                    "kode": g.kode,
                    "nama": g.nama,
                    "kelompok": g.kelompok,
                    "potensi": [r.as_dict() for r in g.rows],
                }
                for g in self.groups
            ],
            "tidak_terbaca": list(self.invalid),
            "dibuat_dengan": f"ksd {self.ksd_version}",
        }
