from __future__ import annotations

from typing import get_args

import pytest

from ksd_cli.config import Config
from ksd_cli.lifecycle import STATUSES
from ksd_cli.messages import LANGS, Lang
from ksd_cli.models import Agreement, CalonMitra, JenisKerjaSama, JenisNaskah, Pihak
from ksd_cli.naming import (
    FLAG_CODES,
    KATEGORI,
    URUTAN_TAHAP,
    flag_title,
    jenis_short,
    jenis_title,
    kategori_title,
    naskah_short,
    naskah_title,
    partner_names,
    party_name,
    record_region,
    repository_name,
    repository_region,
    status_title,
    sumber_dana_title,
    tahap_title,
)
from ksd_cli.reference import load_reference

REFERENCE = load_reference()


def pihak(**fields: str) -> Pihak:
    return Pihak.model_validate({"peran": "pihak_kedua", **fields})


@pytest.mark.parametrize(
    ("fields", "name"),
    [
        ({"tipe": "pemda", "kode_wilayah": "64"}, "Provinsi Kalimantan Timur"),
        # A hand-written nama never replaces the code-list name of a region.
        (
            {"tipe": "pemda", "kode_wilayah": "64", "nama": "Kalimantan Timur"},
            "Provinsi Kalimantan Timur",
        ),
        ({"tipe": "pemda", "kode_wilayah": "64.72"}, "Kota Samarinda"),
        ({"tipe": "pemda", "kode_wilayah": "64.02"}, "Kabupaten Kutai Kartanegara"),
        # An unknown code is shown as written (validate reports it).
        ({"tipe": "pemda", "kode_wilayah": "99.99"}, "99.99"),
        ({"tipe": "pihak_ketiga", "nama": "PT Contoh"}, "PT Contoh"),
    ],
)
def test_party_name_has_one_form(fields: dict[str, str], name: str) -> None:
    assert party_name(pihak(**fields), REFERENCE) == name


def test_candidate_partner_is_named_like_a_party() -> None:
    calon = CalonMitra.model_validate({"tipe": "pemda", "kode_wilayah": "64", "nama": "Kaltim"})
    assert party_name(calon, REFERENCE) == "Provinsi Kalimantan Timur"


def test_partner_names_leave_out_the_owning_region() -> None:
    record = Agreement.model_validate(
        {
            "id": "KSD-6402-2021-001",
            "judul": "Contoh",
            "jenis": "ksdd_sukarela",
            "urusan": ["1.02"],
            "pihak": [
                {"peran": "pihak_kesatu", "tipe": "pemda", "kode_wilayah": "64.02"},
                {"peran": "pihak_kedua", "tipe": "pemda", "kode_wilayah": "64", "nama": "Kaltim"},
                {"peran": "pihak_ketiga", "tipe": "pihak_ketiga", "nama": "PT Contoh"},
            ],
        }
    )
    assert partner_names(record, "64.02", REFERENCE) == (
        ("64", "Provinsi Kalimantan Timur"),
        ("", "PT Contoh"),
    )


@pytest.mark.parametrize(
    ("record_id", "region"),
    [
        ("KSD-6402-2019-001", "64.02"),
        ("KSD-64-2024-001", "64"),
        ("POT-6402-2023-002", "64.02"),
        ("KSD-X-2019-001", None),
        ("KSD-6402", None),
    ],
)
def test_record_region_comes_from_the_id(record_id: str, region: str | None) -> None:
    assert record_region(record_id) == region


def test_repository_region_prefers_ksd_toml_then_the_ids() -> None:
    configured = Config.model_validate({"daerah": {"kode": "64"}})
    assert repository_region(configured, ["KSD-6402-2019-001"]) == "64"
    assert repository_region(Config(), ["KSD-6402-2019-001", "POT-6402-2023-001"]) == "64.02"
    assert repository_region(Config(), ["KSD-6402-2019-001", "KSD-64-2019-001"]) is None


def test_repository_name_carries_the_province_prefix() -> None:
    config = Config.model_validate({"daerah": {"kode": "64", "nama": "Kalimantan Timur"}})
    assert repository_name(config, "64", REFERENCE) == "Provinsi Kalimantan Timur"
    assert repository_name(Config(), None, REFERENCE, "en") == "(region unknown)"


@pytest.mark.parametrize("lang", LANGS)
def test_every_code_has_a_title_in_every_language(lang: Lang) -> None:
    titles = [
        *(flag_title(c, lang) for c in FLAG_CODES),
        *(kategori_title(k, lang) for k in set(KATEGORI.values())),
        *(tahap_title(t, lang) for t in (*URUTAN_TAHAP, None)),
        *(status_title(s, lang) for s in STATUSES),
        *(jenis_title(j, lang) for j in get_args(JenisKerjaSama)),
        *(jenis_short(j, lang) for j in get_args(JenisKerjaSama)),
        *(naskah_title(n, lang) for n in get_args(JenisNaskah)),
        *(naskah_short(n, lang) for n in get_args(JenisNaskah)),
    ]
    assert all(titles)


def test_titles_follow_the_language() -> None:
    assert flag_title("kb_tanpa_pks", "id") == "KB tanpa PKS"
    assert flag_title("kb_tanpa_pks", "en") == "KB without PKS"
    assert tahap_title(None, "en") == "No stage yet"
    assert naskah_short("perjanjian_kerja_sama") == "PKS"


def test_only_the_end_reminder_is_not_a_stalled_flag() -> None:
    assert [c for c in FLAG_CODES if KATEGORI[c] == "pengingat"] == ["akan_berakhir"]


def test_a_register_without_one_owner_is_named_by_its_regions() -> None:
    ids = ["KSD-6402-2021-001", "KSD-6472-2024-003", "KSD-6402-2022-001", "catatan"]
    name = repository_name(Config(), None, REFERENCE, "id", ids)
    assert name == "Kabupaten Kutai Kartanegara, Kota Samarinda"
    assert repository_name(Config(), None, REFERENCE, "en", []) == "(region unknown)"


@pytest.mark.parametrize("lang", LANGS)
def test_every_party_category_has_a_title(lang: Lang) -> None:
    from ksd_cli.models import KategoriPihak
    from ksd_cli.naming import kategori_pihak_title

    titles = {kategori_pihak_title(k, lang) for k in get_args(KategoriPihak)}
    assert len(titles) == len(get_args(KategoriPihak))
    assert kategori_pihak_title(None, lang) not in titles


@pytest.mark.parametrize(
    ("code", "lang", "expected"),
    [
        ("apbd_pihak_kesatu", "id", "APBD Kabupaten Kutai Kartanegara"),
        ("apbd_pihak_kesatu", "en", "regional budget (APBD) of Kabupaten Kutai Kartanegara"),
        ("dana_tjsl_pihak_kedua", "id", "dana TJSL PT Contoh"),
        ("dana_pihak_kedua", "id", "dana PT Contoh"),
        (
            "belanja_tidak_terduga_pihak_kesatu",
            "id",
            "belanja tidak terduga APBD Kabupaten Kutai Kartanegara",
        ),
        ("hibah_pihak_kedua", "en", "grant from PT Contoh"),
        ("apbn", "id", "APBN"),
        ("apbd", "id", "APBD masing-masing pihak"),
        # A role the record does not have keeps the role, in words.
        ("apbd_pihak_ketiga", "id", "APBD pihak ketiga"),
        # A source the user wrote out stays as written.
        ("APBD Kabupaten Kutai Kartanegara", "id", "APBD Kabupaten Kutai Kartanegara"),
        ("swadaya_masyarakat", "id", "swadaya_masyarakat"),
    ],
)
def test_financing_sources_are_named_by_their_party(code: str, lang: Lang, expected: str) -> None:
    parties = {"pihak_kesatu": "Kabupaten Kutai Kartanegara", "pihak_kedua": "PT Contoh"}
    assert sumber_dana_title(code, parties, lang) == expected
