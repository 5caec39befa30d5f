"""The standard rights and obligations of a party, when the record gives none.

Each party gets its own "berhak" and "berkewajiban" lists. The wording depends on who the
party is (a region budgets in its APBD and reports through its TKKSD; a ministry budgets in
the APBN and reports to its own leadership; a university or company uses its own funds; a
foreign party follows the law of its country) and on the kind of document (a nota kesepakatan
is carried out through its rencana aksi).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Party types whose budget is public regional money (APBD).
_PEMDA = "pemda"
_KEMENTERIAN = "kementerian_lembaga"
_ASING = ("pemda_luar_negeri", "lembaga_luar_negeri")


@dataclass(frozen=True)
class HakKewajiban:
    """A party's rights and obligations, each a list of clauses (no final punctuation)."""

    hak: tuple[str, ...]
    kewajiban: tuple[str, ...]


def baku(
    tipe: str, jenis: str, *, nama_jenis: str, pemilik: bool, kepala_daerah: str | None = None
) -> HakKewajiban:
    """The standard rights and obligations of a party of type ``tipe`` in a ``jenis`` naskah.

    ``pemilik``: the party is the region that keeps the records (it reports through its
    TKKSD); ``kepala_daerah``: the office of a region's head ("Wali Kota Samarinda").
    """
    dokumen = f"{nama_jenis} ini"
    hak = [
        "memperoleh data dan informasi yang diperlukan dari pihak lainnya untuk pelaksanaan "
        f"{dokumen}",
        "memperoleh manfaat dari hasil pelaksanaan kerja sama sesuai dengan kewenangan dan "
        "tugasnya",
    ]
    if jenis == "nota_kesepakatan":
        pelaksanaan = (
            f"melaksanakan kegiatan dalam rencana aksi {dokumen} yang menjadi tanggung jawabnya"
        )
    else:
        pelaksanaan = (
            f"melaksanakan kegiatan sesuai dengan ruang lingkup {dokumen} dan kewenangannya"
        )
    kewajiban = [pelaksanaan]
    if tipe == _PEMDA:
        kewajiban.append(
            "menganggarkan biaya kegiatan yang menjadi tanggung jawabnya dalam Anggaran "
            "Pendapatan dan Belanja Daerah sesuai dengan ketentuan peraturan perundang-undangan"
        )
    elif tipe == _KEMENTERIAN:
        kewajiban.append(
            "mengalokasikan anggaran kegiatan yang menjadi tanggung jawabnya dalam Anggaran "
            "Pendapatan dan Belanja Negara sesuai dengan ketentuan peraturan perundang-undangan"
        )
    elif tipe in _ASING:
        kewajiban.append(
            "menyediakan pembiayaan kegiatan yang menjadi tanggung jawabnya sesuai dengan "
            "ketentuan yang berlaku di negaranya"
        )
    else:
        kewajiban.append(
            "menyediakan tenaga, sarana, dan pembiayaan kegiatan yang menjadi tanggung jawabnya "
            "dari sumber dananya sendiri yang sah dan tidak mengikat"
        )
    kewajiban.append("menyediakan data dan informasi yang diperlukan oleh pihak lainnya")
    kepala = kepala_daerah or "kepala daerah"
    if tipe == _PEMDA and pemilik:
        kewajiban.append(
            f"menyampaikan laporan pelaksanaan kerja sama kepada {kepala} melalui Tim "
            "Koordinasi Kerja Sama Daerah"
        )
    elif tipe == _PEMDA:
        kewajiban.append(f"menyampaikan laporan pelaksanaan kerja sama kepada {kepala}")
    else:
        kewajiban.append(
            "menyampaikan laporan pelaksanaan kegiatan yang menjadi tanggung jawabnya kepada "
            "pihak lainnya"
        )
    return HakKewajiban(tuple(hak), tuple(kewajiban))
