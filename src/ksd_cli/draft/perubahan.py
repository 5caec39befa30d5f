"""An adendum's changes in amendment form: "Ketentuan Pasal N ayat (M) diubah ...".

Each structured change of ``naskah.perubahan`` becomes one numbered instruction, with the new
text quoted below it; free text stays as written. Amounts in a new text get their terbilang.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ksd_cli.escaping import markdown_text
from ksd_cli.idformat import terbilang
from ksd_cli.models import HapusPasal, SisipPasal, UbahPasal

Perubahan = str | UbahPasal | SisipPasal | HapusPasal

#: "Rp95.000,00" or "Rp 95.000": an amount in rupiah, grouped with dots.
_RUPIAH = re.compile(r"Rp\s?(\d{1,3}(?:\.\d{3})*)(?:,00)?(?![\d.,]\d)")


@dataclass(frozen=True)
class KetentuanView:
    """One change: the instruction, and the provision's new text when it has one."""

    #: "Ketentuan Pasal 5 ayat (1) diubah sehingga berbunyi sebagai berikut:", "Pasal 9
    #: dihapus.", or the free text as written.
    perintah: str
    #: The heading of the new text ("Pasal 5", "Pasal 6A"), or ``None`` (a deletion, free text).
    pasal: str | None = None
    #: The title of an inserted or rewritten Pasal, when the record gives one.
    judul: str | None = None
    #: The new text, a paragraph per ayat ("(1) ..."), empty for a deletion or free text.
    isi: tuple[str, ...] = ()
    #: Whether the record wrote this change as free text (kept as written).
    bebas: bool = False


def ketentuan(changes: Sequence[Perubahan]) -> tuple[KetentuanView, ...]:
    """The views of an adendum's changes, in record order (insertions lettered 6A, 6B, ...)."""
    inserted: Counter[int] = Counter()
    views = []
    for change in changes:
        if isinstance(change, str):
            views.append(KetentuanView(perintah=markdown_text(change), bebas=True))
        elif isinstance(change, HapusPasal):
            views.append(KetentuanView(perintah=_hapus(change)))
        elif isinstance(change, SisipPasal):
            after = change.sisip_setelah
            letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[inserted[after] % 26]
            inserted[after] += 1
            pasal = f"Pasal {after}{letter}"
            views.append(
                KetentuanView(
                    perintah=f"Di antara Pasal {after} dan Pasal {after + 1} disisipkan 1 (satu) "
                    f"Pasal, yakni {pasal} sehingga berbunyi sebagai berikut:",
                    pasal=pasal,
                    judul=markdown_text(change.judul) if change.judul else None,
                    isi=_isi(change.teks, ayat=None),
                )
            )
        else:
            where = f"Pasal {change.pasal}"
            if change.ayat is not None:
                where += f" ayat ({change.ayat})"
            views.append(
                KetentuanView(
                    perintah=f"Ketentuan {where} diubah sehingga berbunyi sebagai berikut:",
                    pasal=f"Pasal {change.pasal}",
                    judul=markdown_text(change.judul) if change.judul else None,
                    isi=_isi(change.teks, ayat=change.ayat),
                )
            )
    return tuple(views)


def dengan_terbilang(text: str) -> str:
    """Each amount in rupiah followed by its terbilang: "Rp95.000,00 (sembilan puluh ...)"."""

    def spell(match: re.Match[str]) -> str:
        if re.match(r"\s*\(", match.string[match.end() :]):
            return match.group(0)  # already spelled out
        value = int(match.group(1).replace(".", ""))
        return f"{match.group(0)} ({terbilang(value)} rupiah)"

    return _RUPIAH.sub(spell, text)


def _hapus(change: HapusPasal) -> str:
    if change.ayat is not None:
        return f"Ketentuan Pasal {change.pasal} ayat ({change.ayat}) dihapus."
    return f"Pasal {change.pasal} dihapus."


def _isi(teks: str | list[str], *, ayat: int | None) -> tuple[str, ...]:
    """The new text as paragraphs: one changed ayat keeps its number, a list is numbered."""
    items = [teks] if isinstance(teks, str) else list(teks)
    worded = [dengan_terbilang(markdown_text(t)) for t in items]
    if ayat is not None:
        return tuple(f"({ayat + i}) {t}" for i, t in enumerate(worded))
    if len(worded) == 1:
        return (worded[0],)
    return tuple(f"({i}) {t}" for i, t in enumerate(worded, start=1))
