"""Who signs a naskah, in full: name, office, rank and NIP, power of attorney, acting decree.

The comparisi ("**Drs. X**, Kepala Dinas ..., berdasarkan Surat Kuasa Bupati Kutai Kartanegara
Nomor ... tanggal ...") and the signature block read these views; the wording of each ground
of authority lives here, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ksd_cli.documents import is_kepala_daerah
from ksd_cli.escaping import markdown_text
from ksd_cli.idformat import tanggal
from ksd_cli.models import DasarKewenangan, Penandatangan

#: An acting head of region: the title it signs under and its abbreviation on the signature.
_PEJABAT: dict[str, tuple[str, str]] = {
    "plt": ("Pelaksana Tugas", "Plt."),
    "plh": ("Pelaksana Harian", "Plh."),
    "pj": ("Penjabat", "Pj."),
}
#: Stamp duty: Rp10.000 from 1 January 2021 (UU 10/2020 Pasal 5), Rp6.000 before (UU 13/1985 as
#: adjusted by PP 24/2000).
_METERAI_BARU = date(2021, 1, 1)


@dataclass(frozen=True)
class SuratKuasaView:
    """The power of attorney under which a delegated official signs."""

    nomor: str
    tanggal: date
    #: Who granted it ("Bupati Kutai Kartanegara"), when the record's party tells.
    pemberi: str | None = None


@dataclass(frozen=True)
class PenandatanganView:
    """Who signs for a party; missing values are markers in a draft."""

    nama: str
    jabatan: str
    kepala_daerah: bool
    #: The head of region the official signs for ("Bupati Kutai Kartanegara"), when delegated.
    atas_nama: str | None
    surat_kuasa: SuratKuasaView | None
    pangkat_golongan: str | None = None
    nip: str | None = None
    #: The ground of authority in words, for the comparisi: "selaku Pelaksana Harian Bupati
    #: Kutai Kartanegara berdasarkan Keputusan Nomor ... tanggal ...", else ``None``.
    kewenangan: str | None = None
    #: The office written above the signature: "Plh. Bupati Kutai Kartanegara" for an acting
    #: head, else the office itself.
    jabatan_ttd: str = ""
    #: The words in the stamp's place ("Meterai Rp10.000"), ``None`` for a party that signs
    #: over no meterai (a foreign party).
    meterai: str | None = None

    @property
    def identitas(self) -> str:
        """Rank and NIP after the name, when the record has them: ", Pembina (IV/a), NIP ..."."""
        parts = [p for p in (self.pangkat_golongan, f"NIP {self.nip}" if self.nip else None) if p]
        return "".join(f", {p}" for p in parts)

    @property
    def dasar(self) -> str:
        """The comparisi's ground of authority: the power of attorney, or the decree, or ""."""
        if self.surat_kuasa is not None:
            kuasa = self.surat_kuasa
            pemberi = f" {kuasa.pemberi}" if kuasa.pemberi else ""
            return (
                f", berdasarkan Surat Kuasa{pemberi} Nomor {kuasa.nomor} tanggal "
                f"{tanggal(kuasa.tanggal)}"
            )
        return f", {self.kewenangan}" if self.kewenangan else ""


def penandatangan_view(
    signer: Penandatangan,
    *,
    kepala_wilayah: str | None,
    pemimpin: str,
    tanggal_ttd: date | None,
    luar_negeri: bool,
) -> PenandatanganView:
    """The view of a recorded signatory.

    ``kepala_wilayah`` is the head of the party's region (a pemda), ``pemimpin`` whoever grants
    a power of attorney otherwise ("pimpinan PT X"); ``luar_negeri`` drops the meterai.
    """
    kepala = is_kepala_daerah(signer.jabatan)
    jabatan = markdown_text(signer.jabatan)
    dasar = signer.dasar_kewenangan
    if not isinstance(dasar, DasarKewenangan):
        dasar = None
    acting = _PEJABAT.get(dasar.jenis) if dasar is not None else None
    # An acting head (Plh. Bupati) signs as the head, not on the head's behalf.
    acting_head = acting is not None and kepala_wilayah is not None
    atas_nama = kepala_wilayah if kepala_wilayah is not None and not kepala else None
    jabatan_ttd = jabatan
    if acting is not None and kepala_wilayah is not None:
        atas_nama = None
        jabatan_ttd = f"{acting[1]} {kepala_wilayah}"
    kuasa = signer.surat_kuasa
    return PenandatanganView(
        nama=markdown_text(signer.nama),
        jabatan=jabatan,
        kepala_daerah=kepala or acting_head,
        atas_nama=atas_nama,
        surat_kuasa=SuratKuasaView(
            markdown_text(kuasa.nomor),
            kuasa.tanggal,
            pemberi=kepala_wilayah if kepala_wilayah is not None else pemimpin,
        )
        if kuasa
        else None,
        pangkat_golongan=markdown_text(signer.pangkat_golongan)
        if signer.pangkat_golongan
        else None,
        nip=markdown_text(signer.nip) if signer.nip else None,
        kewenangan=_kewenangan(dasar, kepala_wilayah) if dasar is not None else None,
        jabatan_ttd=jabatan_ttd,
        meterai=None if luar_negeri else meterai(tanggal_ttd),
    )


def meterai(tanggal_ttd: date | None) -> str:
    """The stamp duty in force on the signing date (today's when the date is not known)."""
    if tanggal_ttd is not None and tanggal_ttd < _METERAI_BARU:
        return "Meterai Rp6.000"
    return "Meterai Rp10.000"


def _kewenangan(dasar: DasarKewenangan, kepala_wilayah: str | None) -> str:
    """The decree an official signs under, in words."""
    keputusan = "Keputusan"
    if dasar.nomor:
        keputusan += f" Nomor {markdown_text(dasar.nomor)}"
    if dasar.tanggal:
        keputusan += f" tanggal {tanggal(dasar.tanggal)}"
    acting = _PEJABAT.get(dasar.jenis)
    if acting is not None:
        selaku = f"{acting[0]} {kepala_wilayah}" if kepala_wilayah else acting[0]
        return f"selaku {selaku} berdasarkan {keputusan}"
    if dasar.jenis == "keputusan_pengangkatan":
        return f"yang diangkat berdasarkan {keputusan}"
    if dasar.keterangan and not dasar.nomor:
        return f"berdasarkan {markdown_text(dasar.keterangan)}"
    return f"berdasarkan {keputusan}"
