"""Indonesia's three time zones, by province: the local date of a timestamp from a web system.

Source: Keputusan Presiden Nomor 41 Tahun 1987 tentang Pembagian Wilayah Republik Indonesia
Menjadi 3 (Tiga) Wilayah Waktu, with the provinces formed since placed in the zone of the
territory they were formed from (Kepulauan Bangka Belitung, Kepulauan Riau and Banten: WIB;
Sulawesi Barat, Gorontalo and Kalimantan Utara: WITA; Maluku Utara and the six provinces of
Papua: WIT). Keyed by the province part of the Kemendagri region code
(``reference/kode_wilayah.csv``).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: The zones: name → IANA zone (UTC+7, +8, +9).
ZONA: dict[str, str] = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}

_WIB = ("11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
        "31", "32", "33", "34", "35", "36", "61", "62")  # fmt: skip
_WITA = ("51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76")
_WIT = ("81", "82", "91", "92", "93", "94", "95", "96")
#: Province code → zone name.
ZONA_PROVINSI: dict[str, str] = {
    **dict.fromkeys(_WIB, "WIB"),
    **dict.fromkeys(_WITA, "WITA"),
    **dict.fromkeys(_WIT, "WIT"),
}


def zona_daerah(kode_wilayah: str) -> str:
    """The zone name (WIB, WITA, WIT) of a region code such as ``64.72``; WIB if unknown."""
    return ZONA_PROVINSI.get(kode_wilayah.split(".")[0], "WIB")


def zone(name: str) -> tzinfo:
    """A zone from ``WIB``/``WITA``/``WIT``, ``UTC`` or an IANA name; ``KeyError`` if unknown."""
    key = ZONA.get(name.strip().upper(), name.strip())
    if key.upper() == "UTC":
        key = "UTC"
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        raise KeyError(name) from None


def tanggal_lokal(moment: datetime, source: tzinfo, local: tzinfo) -> date:
    """The date in ``local`` of ``moment``, read as ``source`` time when it carries no offset."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=source)
    return moment.astimezone(local).date()
