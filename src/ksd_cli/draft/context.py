"""What a naskah template receives: the record's parties, document and cooperation, as views."""

from __future__ import annotations

import re

from ksd_cli.documents import induk_index
from ksd_cli.draft.english import EnglishView, LegalBasisEn, PihakEn
from ksd_cli.draft.penandatangan import PenandatanganView, meterai, penandatangan_view
from ksd_cli.draft.perubahan import ketentuan
from ksd_cli.draft.views import (
    DasarHukumView,
    DraftContext,
    IndukView,
    KerjaSamaView,
    MissingField,
    NaskahView,
    Penomoran,
    PihakView,
    RencanaAksiView,
    SaksiView,
)
from ksd_cli.draft.wording import angka_kata, durasi, gabung, label_pihak, urutan
from ksd_cli.escaping import markdown_text
from ksd_cli.messages import Msg, Term
from ksd_cli.models import (
    Agreement,
    HakKewajiban,
    Naskah,
    Penandatangan,
    PersetujuanDprd,
    Pihak,
)
from ksd_cli.naming import naskah_title
from ksd_cli.reference import ReferenceData, Wilayah

#: The views are defined in :mod:`ksd_cli.draft.views`; they are importable from here too.
__all__ = [
    "DasarHukumView",
    "DraftContext",
    "IndukView",
    "KerjaSamaView",
    "MissingField",
    "NaskahView",
    "Penomoran",
    "PihakView",
    "RencanaAksiView",
    "SaksiView",
    "build_context",
    "penanda",
]

# How a financing source code of the record format reads: ``apbd_pihak_kesatu`` is the APBD
# of the first party's region. {daerah} is the region ("Kabupaten Kutai Kartanegara", or the
# party's name when it is not a pemda), {nama} the party's name.
_SUMBER: dict[str, str] = {
    "apbd": "Anggaran Pendapatan dan Belanja Daerah {daerah}",
    "belanja_tidak_terduga": "belanja tidak terduga Anggaran Pendapatan dan Belanja Daerah "
    "{daerah}",
    "dana_tjsl": "dana tanggung jawab sosial dan lingkungan {nama}",
    "dana": "dana {nama}",
    "hibah": "hibah dari {nama}",
}
#: Party types abroad: they sign over no meterai and read the English text beside.
_LUAR_NEGERI = ("pemda_luar_negeri", "lembaga_luar_negeri")
_SUMBER_TANPA_PIHAK: dict[str, str] = {
    "apbn": "Anggaran Pendapatan dan Belanja Negara",
    "apbd": "Anggaran Pendapatan dan Belanja Daerah masing-masing PARA PIHAK",
}


def _teks(value: str) -> str:
    """Record text on one line, inert in the naskah's Markdown: shown as written, never markup.

    Only values from the record pass here, never the template's own Markdown; the Word
    converter reads the backslash escapes back (:mod:`ksd_cli.draft.docx`).
    """
    return markdown_text(value)


def penanda(what: str) -> str:
    """The visible marker of a missing value in a draft: ``[[nomor pihak_kedua belum diisi]]``."""
    return f"[[{what} belum diisi]]"


def build_context(
    agreement: Agreement,
    position: int,
    reference: ReferenceData,
    *,
    owner_code: str | None,
    new: bool = False,
    draft: bool = False,
    sebutan_pihak: str = "kesatu",
    alamat_pemilik: str | None = None,
) -> DraftContext:
    """The template context of ``agreement.naskah[position]`` (0-based), with missing data.

    ``new`` marks a naskah that is not in the record yet (appended by the caller); ``draft``
    lets unverified legal citations in (see ``ksd_cli.draft.dasar_hukum``); ``sebutan_pihak``
    is ``[naskah] sebutan_pihak`` ("pertama": "PIHAK PERTAMA"); ``alamat_pemilik`` is
    ``[daerah] alamat``, where the repository's own region is seated when its party has no
    ``alamat``.
    """
    documents = agreement.naskah or []
    naskah = documents[position]
    where = f"naskah[{position + 1}]"
    signers = {s.peran: s for s in naskah.penandatangan or []}
    numbers = naskah.nomor or {}
    pelaksana = naskah.pelaksana or {}

    english_parties: list[PihakEn] = []
    names: list[MissingField] = []
    nomor_missing: list[MissingField] = []
    signer_missing: list[MissingField] = []
    parties: list[PihakView] = []
    for index, pihak in enumerate(agreement.pihak):
        wilayah = reference.wilayah.get(pihak.kode_wilayah or "") if pihak.tipe == "pemda" else None
        label = label_pihak(pihak.peran, sebutan_pihak)
        nama = _nama_pihak(pihak, wilayah)
        if nama is None:
            nama = penanda(f"nama {pihak.peran}")
            names.append(
                MissingField(
                    f"pihak[{index + 1}].nama",
                    Msg("draft.missing.nama-pihak", label=label, kode=pihak.kode_wilayah or "-"),
                )
            )
        nomor = numbers.get(pihak.peran)
        if nomor is None:
            nomor_missing.append(
                MissingField(
                    f"{where}.nomor.{pihak.peran}", Msg("draft.missing.nomor", label=label)
                )
            )
        signer = signers.get(pihak.peran)
        luar_negeri = pihak.tipe in _LUAR_NEGERI
        if signer is None:
            signer_missing.append(
                MissingField(
                    f"{where}.penandatangan",
                    Msg("draft.missing.penandatangan", label=label, peran=pihak.peran),
                )
            )
            jabatan = penanda(f"jabatan penandatangan {pihak.peran}")
            penandatangan = PenandatanganView(
                nama=penanda(f"nama penandatangan {pihak.peran}"),
                jabatan=jabatan,
                kepala_daerah=False,
                atas_nama=None,
                surat_kuasa=None,
                jabatan_ttd=jabatan,
                meterai=None if luar_negeri else meterai(naskah.tanggal_ttd),
            )
        else:
            penandatangan = penandatangan_view(
                signer,
                kepala_wilayah=wilayah.kepala_daerah if wilayah is not None else None,
                pemimpin=f"pimpinan {nama}",
                tanggal_ttd=naskah.tanggal_ttd,
                luar_negeri=luar_negeri,
            )
        pemilik = pihak.tipe == "pemda" and pihak.kode_wilayah == owner_code
        english_parties.append(_pihak_en(pihak, wilayah, nama, signer, naskah, pemilik=pemilik))
        kedudukan = pihak.alamat or (alamat_pemilik if pemilik else None)
        parties.append(
            PihakView(
                peran=pihak.peran,
                label=label,
                tipe=pihak.tipe,
                nama=nama,
                alamat=_teks(pihak.alamat) if pihak.alamat else None,
                negara=_teks(pihak.negara) if pihak.negara else None,
                daerah=wilayah.nama if wilayah else None,
                kepala_daerah=wilayah.kepala_daerah if wilayah else None,
                pimpinan=wilayah.kepala_daerah if wilayah else f"pimpinan {nama}",
                pemilik=pemilik,
                nomor=_teks(nomor) if nomor else penanda(f"nomor {pihak.peran}"),
                penandatangan=penandatangan,
                pelaksana=_teks(unit) if (unit := pelaksana.get(pihak.peran)) else None,
                kedudukan=_teks(kedudukan) if kedudukan else None,
                luar_negeri=luar_negeri,
                **_hak_kewajiban(
                    naskah,
                    pihak,
                    pemilik=pemilik,
                    kepala_daerah=wilayah.kepala_daerah if wilayah else None,
                ),
            )
        )

    # In the order of the record format: party names, nomor, tanggal_ttd, tempat_ttd, signers.
    missing: list[MissingField] = [*names, *nomor_missing]
    if naskah.tanggal_ttd is None:
        missing.append(MissingField(f"{where}.tanggal_ttd", Msg("draft.missing.tanggal-ttd")))
    if naskah.tempat_ttd is None:
        missing.append(MissingField(f"{where}.tempat_ttd", Msg("draft.missing.tempat-ttd")))
    missing.extend(signer_missing)

    induk = _induk(agreement, position, parties, missing)
    if naskah.jenis == "adendum" and induk is None:
        missing.append(MissingField(f"{where}.induk", Msg("draft.missing.induk")))

    mulai = naskah.berlaku_mulai or naskah.tanggal_ttd
    sebutan, tentang = _judul(naskah, agreement, induk)
    view = NaskahView(
        posisi=position + 1,
        baru=new,
        jenis=naskah.jenis,
        nama_jenis=naskah_title(naskah.jenis),
        sebutan=sebutan,
        tentang=tentang,
        tanggal_ttd=naskah.tanggal_ttd,
        tempat_ttd=_teks(naskah.tempat_ttd) if naskah.tempat_ttd else penanda("tempat_ttd"),
        berlaku_mulai=mulai,
        berlaku_sampai=naskah.sampai,
        durasi=durasi(mulai, naskah.sampai) or _jangka_waktu(naskah),
        pertimbangan=tuple(_teks(p) for p in naskah.pertimbangan or []),
        rencana_aksi=tuple(
            RencanaAksiView(
                kegiatan=_teks(r.kegiatan),
                keluaran=_teks(r.keluaran or ""),
                lokasi=_teks(r.lokasi or ""),
                waktu=_teks(r.waktu or ""),
                penanggung_jawab=_teks(r.penanggung_jawab or ""),
                sumber_dana=_teks(r.sumber_dana or ""),
            )
            for r in naskah.rencana_aksi or []
        ),
        perubahan=tuple(_teks(p) for p in naskah.perubahan or [] if isinstance(p, str)),
        penanda_tanggal_ttd=penanda("tanggal_ttd"),
        objek=_teks(objek) if (objek := naskah.objek_efektif(agreement)) else None,
        ruang_lingkup=tuple(_teks(r) for r in naskah.ruang_lingkup_efektif(agreement) or []),
        nilai=naskah.nilai_efektif(agreement),
        saksi=tuple(
            SaksiView(
                nama=_teks(w.nama),
                jabatan=_teks(w.jabatan) if w.jabatan else "",
                label=_teks(f"Saksi {label_pihak(w.peran, sebutan_pihak)}") if w.peran else "Saksi",
            )
            for w in naskah.saksi or []
        ),
        ketentuan=ketentuan(naskah.perubahan or []),
    )
    by_peran = {p.peran: p for p in parties}
    pembiayaan = agreement.pembiayaan
    kerja_sama = KerjaSamaView(
        id=agreement.id,
        judul=_teks(agreement.judul),
        jenis=agreement.jenis,
        maksud_tujuan=_teks(agreement.maksud_tujuan) if agreement.maksud_tujuan else None,
        objek=_teks(agreement.objek) if agreement.objek else None,
        ruang_lingkup=tuple(_teks(r) for r in agreement.ruang_lingkup or []),
        urusan=tuple(
            found.nama if (found := reference.cari_urusan(k)) is not None else k
            for k in agreement.urusan
        ),
        perangkat_daerah=tuple(_teks(p) for p in agreement.perangkat_daerah or []),
        sumber_dana=tuple(
            _sumber(code, by_peran) for code in (pembiayaan.sumber if pembiayaan else None) or []
        ),
        nilai=pembiayaan.nilai if pembiayaan else None,
        luar_negeri=agreement.jenis in ("ksdpl", "ksdll") or any(p.luar_negeri for p in parties),
    )
    return DraftContext(
        naskah=view,
        pihak=tuple(parties),
        kerja_sama=kerja_sama,
        induk=induk,
        pemilik=next((p for p in parties if p.pemilik), None),
        missing=tuple(missing),
        dasar_hukum=_dasar_hukum(agreement, naskah, parties, draft=draft or new),
        en=_english(
            agreement,
            naskah,
            reference,
            parties,
            english_parties,
            induk,
            draft=draft or new,
        ),
        record=agreement,
        raw_naskah=naskah,
    )


def _pihak_en(
    pihak: Pihak,
    wilayah: Wilayah | None,
    nama: str,
    signer: Penandatangan | None,
    naskah: Naskah,
    *,
    pemilik: bool,
) -> PihakEn:
    """What the English text says of a party where ksd supplies the words."""
    from ksd_cli.draft import english
    from ksd_cli.models import DasarKewenangan

    kepala = english.head_of_region(wilayah) if wilayah is not None else None
    if not pihak.nama and wilayah is not None:
        nama = english.government(wilayah)
    pimpinan = f"the {kepala}" if kepala else f"the head of {nama}"
    dasar = ""
    if signer is not None:
        kuasa = signer.surat_kuasa
        kewenangan = signer.dasar_kewenangan
        if not isinstance(kewenangan, DasarKewenangan):
            kewenangan = None
        dasar = english.dasar(
            kuasa=(markdown_text(kuasa.nomor), kuasa.tanggal, kepala or f"head of {nama}")
            if kuasa
            else None,
            jenis_kewenangan=kewenangan.jenis if kewenangan else None,
            nomor=kewenangan.nomor if kewenangan else None,
            tanggal=kewenangan.tanggal if kewenangan else None,
            kepala=kepala,
        )
    hak, kewajiban = english.hak_kewajiban(
        pihak.tipe,
        naskah.jenis,
        nama_jenis=english.NASKAH.get(naskah.jenis, naskah.jenis),
        pemilik=pemilik,
        kepala=kepala,
    )
    raw = (naskah.hak_kewajiban or {}).get(pihak.peran)
    if isinstance(raw, HakKewajiban):
        # The record's own lists are kept as written, in the English column too.
        hak = tuple(_teks(h) for h in raw.hak) if raw.hak else hak
        kewajiban = tuple(_teks(k) for k in raw.kewajiban) if raw.kewajiban else kewajiban
    return PihakEn(
        nama=nama,
        daerah=english.region(wilayah) if wilayah is not None else None,
        pimpinan=pimpinan,
        dasar=dasar,
        hak=hak,
        kewajiban=kewajiban,
    )


def _english(
    agreement: Agreement,
    naskah: Naskah,
    reference: ReferenceData,
    parties: list[PihakView],
    english_parties: list[PihakEn],
    induk: IndukView | None,
    *,
    draft: bool,
) -> EnglishView | None:
    """The English words of a foreign cooperation's naskah, else ``None`` (no English text)."""
    from ksd_cli.draft import dasar_hukum, english

    if not (agreement.jenis in ("ksdpl", "ksdll") or any(p.luar_negeri for p in parties)):
        return None
    by_peran = {
        view.peran: (en.daerah or en.nama, en.nama)
        for view, en in zip(parties, english_parties, strict=True)
    }
    pembiayaan = agreement.pembiayaan
    sources = (pembiayaan.sumber if pembiayaan else None) or []
    tambahan = []
    region = next(
        (en.daerah for v, en in zip(parties, english_parties, strict=True) if v.pemilik), None
    )
    of_region = f" of {region}" if region else ""
    dprd = _dprd_cited(agreement, naskah)
    if dprd is not None and dprd.nomor and dprd.tanggal_keputusan:
        tambahan.append(
            f"that this cooperation has been approved by the Regional People's Representative "
            f"Council{of_region} by Decision Number {_teks(dprd.nomor)} dated "
            f"{english.english_date(dprd.tanggal_keputusan)};"
        )
    integrasi = agreement.integrasi_perencanaan
    if integrasi is not None and (integrasi.rpjmd or integrasi.rkpd_tahun):
        plans = []
        if integrasi.rpjmd:
            plans.append(
                f"the Regional Medium-Term Development Plan{of_region} ({_teks(integrasi.rpjmd)})"
            )
        if integrasi.rkpd_tahun:
            plans.append(f"the Regional Government Work Plan{of_region} for {integrasi.rkpd_tahun}")
        tambahan.append(
            f"that this cooperation supports the implementation of {english.join(plans)};"
        )
    return EnglishView(
        pihak=tuple(english_parties),
        urusan=tuple(
            english.URUSAN.get(k, reference.urusan[k].nama if k in reference.urusan else k)
            for k in agreement.urusan
        ),
        sumber_dana=tuple(english.sumber(code, by_peran) for code in sources),
        dasar_hukum=LegalBasisEn(
            menimbang=dasar_hukum.considering(agreement.jenis, draft=draft),
            mengingat=dasar_hukum.having_regard(agreement.jenis, draft=draft),
            tambahan=tuple(tambahan),
        ),
        sebutan=english.sebutan(
            naskah.jenis, induk.jenis if induk else None, induk.adendum_ke if induk else 0
        ),
        induk=english.NASKAH.get(induk.jenis) if induk else None,
        ketentuan=english.ketentuan(naskah.perubahan or []),
    )


def _dprd_cited(agreement: Agreement, naskah: Naskah) -> PersetujuanDprd | None:
    """The DPRD approval a naskah cites: granted, numbered, dated, and not after the signing."""
    dprd = agreement.persetujuan_dprd
    if (
        dprd is not None
        and dprd.hasil == "disetujui"
        and dprd.nomor
        and dprd.tanggal_keputusan
        and (naskah.tanggal_ttd is None or naskah.tanggal_ttd >= dprd.tanggal_keputusan)
    ):
        return dprd
    return None


def _jangka_waktu(naskah: Naskah) -> str | None:
    """The term of v1.1 ``jangka_waktu`` ("2 (dua) tahun 6 (enam) bulan"), for undated drafts."""
    term = naskah.jangka_waktu
    if term is None:
        return None
    parts = [
        f"{angka_kata(n)} {unit}" for n, unit in ((term.tahun, "tahun"), (term.bulan, "bulan")) if n
    ]
    return " ".join(parts) or None


def _dasar_hukum(
    agreement: Agreement, naskah: Naskah, parties: list[PihakView], *, draft: bool
) -> DasarHukumView:
    """The legal basis of the naskah: by kind, plus the DPRD approval and the planning link."""
    from ksd_cli.draft import dasar_hukum
    from ksd_cli.idformat import tanggal

    pemilik = next((p for p in parties if p.pemilik), None)
    daerah = f" {pemilik.daerah}" if pemilik and pemilik.daerah else ""
    tambahan = []
    dprd = _dprd_cited(agreement, naskah)
    if dprd is not None and dprd.nomor and dprd.tanggal_keputusan:
        tambahan.append(
            f"bahwa rencana kerja sama ini telah mendapat persetujuan Dewan Perwakilan Rakyat "
            f"Daerah{daerah} melalui Keputusan Nomor {_teks(dprd.nomor)} tanggal "
            f"{tanggal(dprd.tanggal_keputusan)};"
        )
    integrasi = agreement.integrasi_perencanaan
    if integrasi is not None and (integrasi.rpjmd or integrasi.rkpd_tahun):
        dokumen = []
        if integrasi.rpjmd:
            dokumen.append(
                f"Rencana Pembangunan Jangka Menengah Daerah{daerah} ({_teks(integrasi.rpjmd)})"
            )
        if integrasi.rkpd_tahun:
            dokumen.append(f"Rencana Kerja Pemerintah Daerah{daerah} Tahun {integrasi.rkpd_tahun}")
        tambahan.append(f"bahwa kerja sama ini mendukung pelaksanaan {gabung(dokumen)};")
    return DasarHukumView(
        menimbang=dasar_hukum.menimbang(agreement.jenis, draft=draft),
        mengingat=dasar_hukum.mengingat(agreement.jenis, draft=draft),
        tambahan=tuple(tambahan),
    )


def _hak_kewajiban(
    naskah: Naskah, pihak: Pihak, *, pemilik: bool, kepala_daerah: str | None
) -> dict[str, tuple[str, ...]]:
    """A party's rights and obligations: the naskah's own, else the standard wording.

    The one place that decides where they come from, so that per-party ``hak`` and
    ``kewajiban`` lists of a later record format slot in here.
    """
    from ksd_cli.draft.hak_kewajiban import baku

    standard = baku(
        pihak.tipe,
        naskah.jenis,
        nama_jenis=naskah_title(naskah.jenis),
        pemilik=pemilik,
        kepala_daerah=kepala_daerah,
    )
    raw = (naskah.hak_kewajiban or {}).get(pihak.peran)
    if raw is None or isinstance(raw, HakKewajiban):
        # v1.1's split form: the record's own lists, the standard wording where one is absent.
        own = raw or HakKewajiban()
        return {
            "hak_kewajiban": (),
            "hak": tuple(_teks(h) for h in own.hak) if own.hak else standard.hak,
            "kewajiban": tuple(_teks(k) for k in own.kewajiban)
            if own.kewajiban
            else standard.kewajiban,
        }
    # v1's plain list mixes rights and obligations under one heading: kept as written.
    return {
        "hak_kewajiban": tuple(_teks(h) for h in raw),
        "hak": standard.hak,
        "kewajiban": standard.kewajiban,
    }


def _nama_pihak(pihak: Pihak, wilayah: Wilayah | None) -> str | None:
    """The party's name: its own ``nama``, else the government of its region."""
    if pihak.nama:
        return _teks(pihak.nama)
    return wilayah.pemerintah if wilayah is not None else None


def _induk(
    agreement: Agreement, position: int, parties: list[PihakView], missing: list[MissingField]
) -> IndukView | None:
    """The document that the naskah follows or amends, with its numbers per party."""
    documents = agreement.naskah or []
    target = induk_index(agreement, position)
    if target is None:
        return None
    parent = documents[target]
    where = f"naskah[{target + 1}]"
    numbers = parent.nomor or {}
    nomor = []
    for p in parties:
        value = numbers.get(p.peran)
        if value is None:
            missing.append(
                MissingField(
                    f"{where}.nomor.{p.peran}",
                    Msg(
                        "draft.missing.induk-nomor",
                        jenis=Term(f"naskah.{parent.jenis}"),
                        label=p.label,
                    ),
                )
            )
        nomor.append((p.label, _teks(value) if value else penanda(f"nomor induk {p.peran}")))
    if parent.tanggal_ttd is None:
        missing.append(
            MissingField(
                f"{where}.tanggal_ttd",
                Msg("draft.missing.induk-tanggal", jenis=Term(f"naskah.{parent.jenis}")),
            )
        )
    adendum_ke = sum(
        1
        for i, d in enumerate(documents[: position + 1])
        if d.jenis == "adendum" and induk_index(agreement, i) == target
    )
    sebutan, tentang = _judul(parent, agreement, None)
    return IndukView(
        posisi=target + 1,
        jenis=parent.jenis,
        nama_jenis=naskah_title(parent.jenis),
        sebutan=sebutan,
        tentang=tentang,
        nomor=tuple(nomor),
        tanggal_ttd=parent.tanggal_ttd,
        berlaku_sampai=parent.sampai,
        penanda_tanggal_ttd=penanda("tanggal_ttd induk"),
        adendum_ke=adendum_ke,
    )


def _judul(naskah: Naskah, agreement: Agreement, induk: IndukView | None) -> tuple[str, str]:
    """What the title calls the document, and its subject after "tentang".

    ``judul: Kesepakatan Bersama tentang Kerja Sama X`` gives ("Kesepakatan Bersama",
    "Kerja Sama X"); a ``judul`` without "tentang" is the subject; without a ``judul`` the
    subject is the record's title (an adendum's, the amended document's subject). A title that
    already reads "Perjanjian Kerja Sama antara A dan B tentang X" is not repeated: the
    parties are dropped from the name and the record's title gives only X.
    """
    nama = naskah_title(naskah.jenis)
    if naskah.jenis == "adendum" and induk is not None:
        nama = f"Adendum {urutan(max(induk.adendum_ke, 1)).title()} {induk.sebutan}"
    if naskah.judul:
        head, tail, _ = _pisah_judul(_teks(naskah.judul))
        if head and tail:
            return head, tail
        return nama, _teks(naskah.judul)
    if naskah.jenis == "adendum" and induk is not None:
        return nama, induk.tentang
    judul = _teks(agreement.judul)
    _, tail, parties = _pisah_judul(judul)
    return nama, tail if parties else judul


_TENTANG = re.compile(r"\s+tentang\s+", re.IGNORECASE)
_ANTARA = re.compile(r"\s+antara\s+", re.IGNORECASE)


def _pisah_judul(judul: str) -> tuple[str | None, str, bool]:
    """A title cut at its first "tentang": the name (or ``None``), the subject, and more.

    The third value says whether the name listed the parties ("... antara A dan B"), which
    the title block writes itself; the name is returned without them.
    """
    parts = _TENTANG.split(judul, maxsplit=1)
    if len(parts) < 2 or not parts[0] or not parts[1]:
        return None, judul, False
    name = _ANTARA.split(parts[0], maxsplit=1)
    return name[0], parts[1], len(name) > 1


def _sumber(code: str, parties: dict[str, PihakView]) -> str:
    """A financing source code in words: ``apbd_pihak_kesatu`` → "Anggaran ... Daerah ..."."""
    if code in _SUMBER_TANPA_PIHAK:
        return _SUMBER_TANPA_PIHAK[code]
    for peran, pihak in parties.items():
        suffix = f"_{peran}"
        if code.endswith(suffix):
            kind = code.removesuffix(suffix)
            pattern = _SUMBER.get(kind)
            if pattern is None:
                return f"{kind.replace('_', ' ')} {pihak.nama}"
            return pattern.format(daerah=pihak.daerah or pihak.nama, nama=pihak.nama)
    return code.replace("_", " ")
