"""The legal basis per kind: one table, each citation with its source and a verified flag."""

from __future__ import annotations

from draft.conftest import TPA, draft
from ksd_cli.draft import dasar_hukum
from ksd_cli.draft.render import prepare
from ksd_cli.repository import Repository


def test_every_citation_names_its_source() -> None:
    entries = [*dasar_hukum.MENIMBANG.values()]
    entries += [r for rows in dasar_hukum.MENGINGAT.values() for r in rows]
    for entry in entries:
        assert entry.sumber and entry.teks and entry.umum
        # The general form never names an article: it is what a final prints.
        assert "Pasal" not in entry.umum
    assert set(dasar_hukum.MENGINGAT) == {
        "ksdd_wajib",
        "ksdd_sukarela",
        "ksdpk",
        "sinergi",
        "ksdpl",
        "ksdll",
    }


def test_mandatory_cooperation_cites_pasal_364_not_the_dapat_of_363() -> None:
    assert "Pasal 364" in dasar_hukum.menimbang("ksdd_wajib", draft=True)
    assert "wajib" in dasar_hukum.menimbang("ksdd_wajib", draft=True)
    assert "dapat" not in dasar_hukum.menimbang("ksdd_wajib", draft=True)
    # Unverified: a final cites the law without the article.
    final = dasar_hukum.menimbang("ksdd_wajib", draft=False)
    assert "Pasal" not in final and "wajib" in final
    assert "Pasal 363 ayat (1)" in dasar_hukum.menimbang("ksdd_sukarela", draft=False)


def test_each_kind_rests_on_its_own_permendagri() -> None:
    assert any("Nomor 22 Tahun 2020" in r for r in dasar_hukum.mengingat("ksdpk", draft=False))
    foreign = dasar_hukum.mengingat("ksdpl", draft=True)
    assert any("Nomor 25 Tahun 2020" in r for r in foreign)
    assert "Pasal 31 Undang-Undang Nomor 24 Tahun 2009" in " ".join(foreign)
    assert "Pasal 31" not in " ".join(dasar_hukum.mengingat("ksdll", draft=False))


def test_the_dprd_approval_and_the_planning_link_are_cited(repo: Repository) -> None:
    # The PKS was signed after the DPRD decision; the KB before it.
    pks = prepare(repo, TPA, naskah=2)[2].dasar_hukum
    assert pks.tambahan[0].startswith(
        "bahwa rencana kerja sama ini telah mendapat persetujuan Dewan Perwakilan Rakyat Daerah "
        "Kabupaten Kutai Kartanegara melalui Keputusan Nomor 14 Tahun 2021 tanggal 26 Juli 2021"
    )
    assert (
        "Rencana Kerja Pemerintah Daerah Kabupaten Kutai Kartanegara Tahun 2022"
        in (pks.tambahan[1])
    )
    kb = prepare(repo, TPA, naskah=1)[2].dasar_hukum
    assert not any("Dewan Perwakilan" in t for t in kb.tambahan)


def test_the_naskah_says_what_it_rests_on(repo: Repository) -> None:
    body = draft(repo, TPA, 3).body
    assert "Dengan berpedoman pada Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan " in body
