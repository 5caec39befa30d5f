"""Names and titles, one form for every command: parties, regions, kinds, stages, flags.

A region is always named from the Kemendagri code list, with its level in front ("Provinsi
Kalimantan Timur", "Kabupaten Kutai Kartanegara", "Kota Samarinda"): a bare province name is
ambiguous and a hand-written ``nama`` drifts from record to record. Other parties go by their
``nama``. Codes (kinds, documents, stages, statuses, flags) are titled from the message catalog
in the language asked for. The flag codes and their categories are defined here, once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from ksd_cli.messages import Lang, message
from ksd_cli.models import JENIS_KB, URUTAN_TAHAP

if TYPE_CHECKING:
    from ksd_cli.config import Config
    from ksd_cli.models import Agreement, CalonMitra, Pihak
    from ksd_cli.reference import ReferenceData, Wilayah

__all__ = [
    "FLAG_CODES",
    "JENIS_KB",
    "KATEGORI",
    "URUTAN_TAHAP",
    "Kategori",
    "flag_title",
    "jenis_short",
    "jenis_title",
    "kategori_pihak_title",
    "kategori_title",
    "naskah_short",
    "naskah_title",
    "partner_names",
    "peristiwa_title",
    "party_name",
    "prioritas_title",
    "record_region",
    "region_name",
    "rekomendasi_title",
    "repository_name",
    "repository_region",
    "status_title",
    "tahap_title",
    "wilayah_name",
    "without_owner",
]

Kategori = Literal["macet", "pengingat"]

#: Flag codes of ``ksd stalled``, in the order of the cooperation's life; stable once released.
FLAG_CODES: tuple[str, ...] = (
    "kb_tanpa_pks",
    "kb_kedaluwarsa_tanpa_pks",
    "pks_tanpa_pelaksanaan",
    "tanpa_monev",
    "kedaluwarsa",
    "akan_berakhir",
    "dprd_tertunda",
    "potensi_tanpa_tindak_lanjut",
    # v1.1, before signing
    "usulan_tanpa_kemajuan",
    "penawaran_tanpa_jawaban",
)
#: Every flag says something is stuck (``macet``) except the reminder that an end is near.
KATEGORI: dict[str, Kategori] = {
    code: "pengingat" if code == "akan_berakhir" else "macet" for code in FLAG_CODES
}
#: Flags raised by a date passing, not by a number of days over a threshold.
NO_THRESHOLD: frozenset[str] = frozenset({"kb_kedaluwarsa_tanpa_pks", "kedaluwarsa"})
#: What a cell shows where a value does not apply (never a misleading 0).
NOT_APPLICABLE = "–"


# Regions and parties --------------------------------------------------------------------------


def wilayah_name(wilayah: Wilayah) -> str:
    """A region's name with its level: "Provinsi Kalimantan Timur", "Kota Samarinda"."""
    if wilayah.tingkat == "provinsi":
        return message("wilayah.provinsi", "id", nama=wilayah.nama)
    return wilayah.nama  # the code list already writes "Kabupaten ..." and "Kota ..."


def region_name(kode: str, reference: ReferenceData) -> str:
    """The name of the region with code ``kode``; the code itself when it is not in the list."""
    wilayah = reference.wilayah.get(kode)
    return wilayah_name(wilayah) if wilayah is not None else kode


def party_name(party: Pihak | CalonMitra, reference: ReferenceData) -> str:
    """A party's display name: a known region from the code list, anyone else by ``nama``."""
    if party.tipe == "pemda" and party.kode_wilayah is not None:
        if party.kode_wilayah in reference.wilayah:
            return region_name(party.kode_wilayah, reference)
    return party.nama or party.kode_wilayah or ""


def partner_names(
    record: Agreement, owner: str | None, reference: ReferenceData
) -> tuple[tuple[str, str], ...]:
    """(code, name) of every partner: each party except the owning region, in record order.

    The code is the region code of a pemda and empty for other parties.
    """
    partners: list[tuple[str, str]] = []
    for party in record.pihak:
        if party.tipe == "pemda" and party.kode_wilayah is not None:
            partners.append((party.kode_wilayah, party_name(party, reference)))
        elif party.nama:
            partners.append(("", party.nama))
    return without_owner(partners, owner)


def without_owner(
    partners: Iterable[tuple[str, str]], owner: str | None
) -> tuple[tuple[str, str], ...]:
    """The partners of :func:`partner_names` without the pemda whose region is ``owner``.

    ``partner_names(record, None, ...)`` narrowed this way is ``partner_names(record, owner,
    ...)``: a record's partners can be named again when its owner is known later.
    """
    return tuple(p for p in partners if not p[0] or p[0] != owner)


def record_region(record_id: str) -> str | None:
    """The region code an id names: "KSD-6402-2019-001" → "64.02", "KSD-64-…" → "64"."""
    parts = record_id.split("-")
    if len(parts) < 4 or not parts[1].isdigit() or len(parts[1]) not in (2, 4):
        return None
    digits = parts[1]
    return digits if len(digits) == 2 else f"{digits[:2]}.{digits[2:]}"


def repository_region(config: Config, ids: Iterable[str]) -> str | None:
    """The region that owns the repository: ``[daerah] kode``, else the one all ids agree on."""
    if config.daerah.kode:
        return config.daerah.kode
    regions = {record_region(i) for i in ids} - {None}
    return regions.pop() if len(regions) == 1 else None


def repository_name(
    config: Config,
    owner: str | None,
    reference: ReferenceData,
    lang: Lang = "id",
    ids: Iterable[str] = (),
) -> str:
    """The owning region's display name: from the code list, else ``[daerah] nama``.

    A register without one owner (v1.1: no ``[daerah]``, records of several regions) is named
    by the regions its ``ids`` name: "Kabupaten Kutai Kartanegara, Kota Samarinda".
    """
    if owner is not None and owner in reference.wilayah:
        return region_name(owner, reference)
    if config.daerah.nama:
        return config.daerah.nama
    regions = sorted({r for i in ids if (r := record_region(i)) is not None})
    if regions:
        return ", ".join(region_name(r, reference) for r in regions)
    return message("wilayah.unknown", lang)


# Titles of codes ------------------------------------------------------------------------------


def jenis_title(jenis: str, lang: Lang) -> str:
    """The kind of cooperation, explained: "KSDPK (dengan pihak ketiga)"."""
    return message(f"jenis.{jenis}", lang)


def jenis_short(jenis: str, lang: Lang) -> str:
    """The kind of cooperation, short: "KSDD sukarela"."""
    return message(f"jenis-singkat.{jenis}", lang)


def naskah_title(jenis: str, lang: Lang = "id") -> str:
    """The title of a kind of document: "Kesepakatan Bersama"."""
    return message(f"naskah.{jenis}", lang)


def naskah_short(jenis: str, lang: Lang = "id") -> str:
    """How running text names a kind of document: "KB", "PKS", "Adendum"."""
    return message(f"naskah-singkat.{jenis}", lang)


def tahap_title(tahap: str | None, lang: Lang) -> str:
    """A stage's title; ``None`` (no stage reached) has one too."""
    return message(f"tahap.{tahap or 'none'}", lang)


def status_title(status: str, lang: Lang) -> str:
    """A status's title: "Belum berlaku"."""
    return message(f"status.{status}", lang)


def peristiwa_title(jenis: str, lang: Lang) -> str:
    """An event that is not a stage: "Pembahasan TKKSD"."""
    return message(f"peristiwa.{jenis}", lang)


def flag_title(code: str, lang: Lang) -> str:
    """A flag's title: "KB tanpa PKS"."""
    return message(f"flag.{code}", lang)


#: Financing sources the record format names by code: ``<sumber>_<peran>`` (``apbd_pihak_kesatu``)
#: or, for the state budget, ``apbn`` alone. Other text is a source written out by the user.
SUMBER_DANA: tuple[str, ...] = (
    "apbd",
    "apbn",
    "belanja_tidak_terduga",
    "dana_tjsl",
    "dana",
    "hibah",
)


#: The source codes, longest first: ``apbd_perubahan_...`` is not read as ``apbd_...``.
_SUMBER_DANA_LONGEST_FIRST = tuple(sorted(SUMBER_DANA, key=len, reverse=True))


def sumber_dana_title(code: str, parties: dict[str, str], lang: Lang) -> str:
    """A financing source in words: ``apbd_pihak_kesatu`` → "APBD Kabupaten Kutai Kartanegara".

    ``parties`` maps each ``peran`` of the record to the party's display name. Text that is not
    a source code (the user wrote "APBD Kabupaten Kutai Kartanegara" out) is returned as it is;
    a code whose party is not in the record keeps the party's role, in words.
    """
    if code in SUMBER_DANA:
        return message(f"sumber-dana.{code}", lang, nama=message("sumber-dana.masing-masing", lang))
    for sumber in _SUMBER_DANA_LONGEST_FIRST:
        prefix = f"{sumber}_"
        if code.startswith(prefix):
            peran = code.removeprefix(prefix)
            nama = parties.get(peran) or peran.replace("_", " ")
            return message(f"sumber-dana.{sumber}", lang, nama=nama)
    return code


def sumber_dana_text(codes: Iterable[str], parties: dict[str, str], lang: Lang) -> str:
    """Financing sources in words, "; "-separated (see :func:`sumber_dana_title`)."""
    return "; ".join(sumber_dana_title(code, parties, lang) for code in codes)


def kategori_title(kategori: str, lang: Lang) -> str:
    """A flag category's title: "Macet", "Pengingat"."""
    return message(f"kategori.{kategori}", lang)


def rekomendasi_title(rekomendasi: str | None, lang: Lang) -> str:
    """A monev recommendation's title; ``None`` when the monev gave none."""
    return message(f"rekomendasi.{rekomendasi or 'none'}", lang)


def peran_title(peran: str) -> str:
    """A party's role as the documents name it, in a list: ``pihak_kedua`` -> "Pihak Kedua".

    The same in both languages: it is the term of the naskah (PIHAK KEDUA).
    """
    return " ".join(word.capitalize() for word in peran.split("_"))


def kategori_pihak_title(kategori: str | None, lang: Lang) -> str:
    """A party's category (v1.1 ``kategori``): "Instansi vertikal"; none has one too."""
    return message(f"kategori-pihak.{kategori or 'none'}", lang)


def prioritas_title(prioritas: str, lang: Lang) -> str:
    """A potential's priority: "Tinggi"."""
    return message(f"prioritas.{prioritas}", lang)
