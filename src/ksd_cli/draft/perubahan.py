"""An adendum's changes in amendment form: "Ketentuan Pasal N ayat (M) diubah ...".

Each structured change of ``naskah.perubahan`` becomes one numbered instruction, with the new
text quoted below it; free text stays as written. Amounts in a new text get their terbilang.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
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


@dataclass(frozen=True)
class Bentuk:
    """How one language words the amendment form; ``{where}`` is "Pasal 5 ayat (1)"."""

    pasal: str
    ayat: str
    ubah: str
    sisip: str
    hapus_ayat: str
    hapus_pasal: str
    #: Amounts in a new text followed by their words in this language.
    angka: Callable[[str], str]


def ketentuan(
    changes: Sequence[Perubahan], bentuk: Bentuk | None = None
) -> tuple[KetentuanView, ...]:
    """The views of an adendum's changes, in record order (insertions lettered 6A, 6B, ...).

    Worded in Indonesian unless ``bentuk`` says otherwise (``english.BENTUK``).
    """
    wording = bentuk or INDONESIA
    inserted: Counter[int] = Counter()
    views = []
    for change in changes:
        if isinstance(change, str):
            views.append(KetentuanView(perintah=markdown_text(change), bebas=True))
            continue
        if isinstance(change, SisipPasal):
            after = change.sisip_setelah
            letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[inserted[after] % 26]
            inserted[after] += 1
            pasal = wording.pasal.format(n=f"{after}{letter}")
            perintah = wording.sisip.format(
                after=wording.pasal.format(n=after),
                next=wording.pasal.format(n=after + 1),
                pasal=pasal,
            )
            views.append(_view(perintah, pasal, change.judul, change.teks, None, wording))
            continue
        pasal = wording.pasal.format(n=change.pasal)
        where = pasal if change.ayat is None else wording.ayat.format(pasal=pasal, m=change.ayat)
        if isinstance(change, HapusPasal):
            gone = wording.hapus_pasal if change.ayat is None else wording.hapus_ayat
            views.append(KetentuanView(perintah=gone.format(where=where)))
        else:
            perintah = wording.ubah.format(where=where)
            views.append(_view(perintah, pasal, change.judul, change.teks, change.ayat, wording))
    return tuple(views)


def _view(
    perintah: str,
    pasal: str,
    judul: str | None,
    teks: str | list[str],
    ayat: int | None,
    wording: Bentuk,
) -> KetentuanView:
    return KetentuanView(
        perintah=perintah,
        pasal=pasal,
        judul=markdown_text(judul) if judul else None,
        isi=_isi(teks, ayat=ayat, angka=wording.angka),
    )


def with_amount_words(text: str, words: Callable[[int], str]) -> str:
    """Each amount in rupiah followed by ``words`` of it: "Rp95.000,00 (... rupiah)".

    An amount already followed by a parenthesis is taken as spelled out and left alone.
    """

    def spell(match: re.Match[str]) -> str:
        if re.match(r"\s*\(", match.string[match.end() :]):
            return match.group(0)  # already spelled out
        value = int(match.group(1).replace(".", ""))
        return f"{match.group(0)} ({words(value)} rupiah)"

    return _RUPIAH.sub(spell, text)


def dengan_terbilang(text: str) -> str:
    """Each amount in rupiah followed by its terbilang: "Rp95.000,00 (sembilan puluh ...)"."""
    return with_amount_words(text, terbilang)


def _isi(
    teks: str | list[str], *, ayat: int | None, angka: Callable[[str], str]
) -> tuple[str, ...]:
    """The new text as paragraphs: one changed ayat keeps its number, a list is numbered."""
    items = [teks] if isinstance(teks, str) else list(teks)
    worded = [angka(markdown_text(t)) for t in items]
    if ayat is not None:
        return tuple(f"({ayat + i}) {t}" for i, t in enumerate(worded))
    if len(worded) == 1:
        return (worded[0],)
    return tuple(f"({i}) {t}" for i, t in enumerate(worded, start=1))


#: The Indonesian amendment form (Lampiran II UU 12/2011 style).
INDONESIA = Bentuk(
    pasal="Pasal {n}",
    ayat="{pasal} ayat ({m})",
    ubah="Ketentuan {where} diubah sehingga berbunyi sebagai berikut:",
    sisip="Di antara {after} dan {next} disisipkan 1 (satu) Pasal, yakni {pasal} sehingga "
    "berbunyi sebagai berikut:",
    hapus_ayat="Ketentuan {where} dihapus.",
    hapus_pasal="{where} dihapus.",
    angka=dengan_terbilang,
)
