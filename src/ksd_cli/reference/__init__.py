"""Kemendagri region codes, the 32 urusan and the supporting functions (see SOURCES.md)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Literal

Tingkat = Literal["provinsi", "kabupaten", "kota"]


@dataclass(frozen=True)
class Wilayah:
    """An autonomous region: ``kode`` "64.02", ``nama`` "Kabupaten Kutai Kartanegara"."""

    kode: str
    nama: str
    tingkat: Tingkat

    @property
    def pemerintah(self) -> str:
        """The name of its government: "Pemerintah Kabupaten Kutai Kartanegara"."""
        if self.tingkat == "provinsi":
            return f"Pemerintah Provinsi {self.nama}"
        return f"Pemerintah {self.nama}"

    @property
    def kepala_daerah(self) -> str:
        """The office of its head: "Bupati Kutai Kartanegara", "Wali Kota Samarinda"."""
        if self.tingkat == "provinsi":
            return f"Gubernur {self.nama}"
        if self.tingkat == "kota":
            return "Wali Kota " + self.nama.removeprefix("Kota ")
        return "Bupati " + self.nama.removeprefix("Kabupaten ")


@dataclass(frozen=True)
class KodeLama:
    """A pre-2022 Papua code and the code that replaced it."""

    kode_lama: str
    kode_baru: str
    nama: str


@dataclass(frozen=True)
class Urusan:
    """A government affair or supporting function: ``kode`` "2.11", ``nama`` "lingkungan hidup".

    ``kelompok`` says which: ``wajib_pelayanan_dasar``, ``wajib_non_pelayanan_dasar`` or
    ``pilihan`` for the 32 concurrent affairs; ``unsur_pendukung``, ``unsur_penunjang``,
    ``unsur_pengawasan``, ``unsur_kewilayahan`` or ``unsur_pemerintahan_umum`` for the other
    codes of regional planning (v1.1, ``urusan_lain``).
    """

    kode: str
    nama: str
    kelompok: str
    alias: str


@dataclass(frozen=True)
class ReferenceData:
    """All reference tables, read-only."""

    wilayah: MappingProxyType[str, Wilayah]
    kode_lama: MappingProxyType[str, KodeLama]
    urusan: MappingProxyType[str, Urusan]
    #: v1.1: the codes of regional planning that are not concurrent affairs (Permendagri
    #: 90/2019 and its updates): secretariats, planning, finance, inspectorate, kecamatan...
    urusan_lain: MappingProxyType[str, Urusan] = field(default_factory=lambda: MappingProxyType({}))

    def cari_urusan(self, kode: str) -> Urusan | None:
        """The affair or supporting function of ``kode``, from either table (names, titles)."""
        return self.urusan.get(kode) or self.urusan_lain.get(kode)


def _rows(name: str) -> list[dict[str, str]]:
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    # Values are stripped: the source list has stray spaces ("Kota Administrasi Jakarta Utara ").
    return [
        {k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(text.splitlines())
    ]


@cache
def load_reference() -> ReferenceData:
    """The reference tables, read once per process (they never change while it runs)."""
    wilayah = {
        r["kode"]: Wilayah(r["kode"], r["nama"], r["tingkat"])  # type: ignore[arg-type]
        for r in _rows("kode_wilayah.csv")
    }
    lama = {
        r["kode_lama"]: KodeLama(r["kode_lama"], r["kode_baru"], r["nama"])
        for r in _rows("kode_wilayah_lama.csv")
    }
    urusan = {
        r["kode"]: Urusan(r["kode"], r["nama"], r["kelompok"], r["alias"])
        for r in _rows("urusan.csv")
    }
    lain = {
        r["kode"]: Urusan(r["kode"], r["nama"], r["kelompok"], r["alias"])
        for r in _rows("urusan_lain.csv")
    }
    return ReferenceData(
        MappingProxyType(wilayah),
        MappingProxyType(lama),
        MappingProxyType(urusan),
        MappingProxyType(lain),
    )
