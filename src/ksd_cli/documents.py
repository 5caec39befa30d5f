"""How the documents of one cooperation relate: which one a PKS follows or an adendum amends."""

from __future__ import annotations

import re

from ksd_cli.models import JENIS_KB, Agreement, Naskah

_KEPALA_DAERAH = re.compile(r"\b(?:gubernur|bupati|wali\s*kota)\b", re.IGNORECASE)
_WAKIL = re.compile(r"\bwakil\b", re.IGNORECASE)


def is_kb(naskah: Naskah) -> bool:
    """A memorandum-kind document (KB, nota kesepahaman, nota kesepakatan)."""
    return naskah.jenis in JENIS_KB


def is_operational(naskah: Naskah, agreement: Agreement) -> bool:
    """The operational document: a PKS, or for ``sinergi`` the nota kesepakatan."""
    if naskah.jenis == "perjanjian_kerja_sama":
        return True
    return agreement.jenis == "sinergi" and naskah.jenis == "nota_kesepakatan"


def is_kepala_daerah(jabatan: str) -> bool:
    """Whether an office is the head of a region (Gubernur, Bupati, Wali Kota; Pj./Plt./Plh.).

    A deputy (Wakil Bupati) is not: he signs under a power of attorney like any official.
    """
    return bool(_KEPALA_DAERAH.search(jabatan)) and not _WAKIL.search(jabatan)


def induk_index(agreement: Agreement, position: int) -> int | None:
    """The 0-based index of the document that ``naskah[position]`` follows or amends.

    The explicit ``induk`` (1-based) when given and pointing at an earlier document; otherwise a
    PKS follows the latest KB-kind document signed on or before it, and an adendum amends the
    latest PKS, else KB-kind document, signed on or before it. A draft follows the latest signed
    candidate. ``None`` when there is none (or for other kinds of document).
    """
    documents = agreement.naskah or []
    naskah = documents[position]
    if naskah.induk is not None:
        target = naskah.induk - 1
        return target if 0 <= target < len(documents) and target != position else None
    if naskah.jenis == "perjanjian_kerja_sama":
        kinds: tuple[frozenset[str], ...] = (JENIS_KB,)
    elif naskah.jenis == "adendum":
        kinds = (frozenset({"perjanjian_kerja_sama"}), JENIS_KB)
    else:
        return None
    for wanted in kinds:
        best: int | None = None
        for i, candidate in enumerate(documents):
            if i == position or candidate.jenis not in wanted or candidate.tanggal_ttd is None:
                continue
            if naskah.tanggal_ttd is not None and candidate.tanggal_ttd > naskah.tanggal_ttd:
                continue
            if best is None or candidate.tanggal_ttd >= documents[best].tanggal_ttd:  # type: ignore[operator]
                best = i
        if best is not None:
            return best
    return None
