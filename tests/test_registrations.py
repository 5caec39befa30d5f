"""Proposals indexed by partner: the same request registered twice (C016)."""

from __future__ import annotations

from typing import Any

from helpers import agreement, d, kb

from ksd_cli.registrations import find_duplicates, partner_keys

PT = {"peran": "pihak_kedua", "tipe": "pihak_ketiga", "nama": "PT  Parkir Nusantara"}
SAMARINDA = {"peran": "pihak_kesatu", "tipe": "pemda", "kode_wilayah": "64.72"}


def request(id_: str, judul: str, tanggal: str, **extra: Any) -> Any:
    return agreement(
        id=id_,
        judul=judul,
        jenis="ksdpk",
        pihak=[SAMARINDA, PT],
        tahapan=[{"tahap": "penawaran", "tanggal": d(tanggal)}],
        **extra,
    )


def test_the_owner_is_not_a_partner_and_names_are_compared_loosely() -> None:
    record = request("KSD-6472-2024-003", "Pengelolaan Parkir", "2024-02-05")
    assert partner_keys(record) == {"nama:pt parkir nusantara"}


def test_the_same_request_twice_within_a_year_names_the_other() -> None:
    first = request("KSD-6472-2024-003", "Kerja Sama Pengelolaan Parkir", "2024-02-05")
    again = request("KSD-6472-2025-001", "Kerjasama pengelolaan parkir", "2025-02-04")
    later = request("KSD-6472-2025-002", "Kerja Sama Pengelolaan Parkir", "2025-02-06")
    other = request("KSD-6472-2024-004", "Pemanfaatan Aset Gedung", "2024-02-05")
    signed = request(
        "KSD-6472-2024-005", "Pengelolaan Parkir", "2024-02-05", naskah=[kb("2024-03-01")]
    )
    found = find_duplicates([first, again, later, other, signed])
    assert [r.id for r in found["KSD-6472-2024-003"]] == ["KSD-6472-2025-001"]
    assert [r.id for r in found["KSD-6472-2025-001"]] == ["KSD-6472-2024-003", "KSD-6472-2025-002"]
    assert [r.id for r in found["KSD-6472-2025-002"]] == ["KSD-6472-2025-001"]
    assert "KSD-6472-2024-004" not in found and "KSD-6472-2024-005" not in found


def test_a_typo_or_one_word_more_is_the_same_request_two_words_are_not() -> None:
    base = request("KSD-6472-2024-003", "Pengelolaan Parkir Tepi Jalan Umum", "2024-02-05")
    typo = request("KSD-6472-2024-004", "Pengelolan Parkir Tepi Jalan Umum", "2024-03-05")
    more = request("KSD-6472-2024-005", "Pengelolaan Parkir Tepi Jalan Umum Kota", "2024-04-05")
    other = request("KSD-6472-2024-006", "Pengelolaan Reklame Tepi Sungai Umum", "2024-04-05")
    found = find_duplicates([base, typo, more, other])
    assert [r.id for r in found["KSD-6472-2024-003"]] == ["KSD-6472-2024-004", "KSD-6472-2024-005"]
    assert "KSD-6472-2024-006" not in found


def test_dates_a_year_apart_at_most_and_undated_ones_by_the_year_of_their_id() -> None:
    # Registrations are paired through a window over their dates (and the ids' years for an
    # undated one), not all with all: the window's edges must still be exactly 365 days.
    judul = "Pengelolaan Parkir"
    first = request("KSD-6472-2022-001", judul, "2022-01-01")
    edge = request("KSD-6472-2023-001", judul, "2023-01-01")  # 365 days after the first
    past = request("KSD-6472-2024-001", judul, "2024-01-02")  # 366 days after the edge
    undated = agreement(id="KSD-6472-2025-001", judul=judul, jenis="ksdpk", pihak=[SAMARINDA, PT])
    far = agreement(id="KSD-6472-2019-001", judul=judul, jenis="ksdpk", pihak=[SAMARINDA, PT])
    found = find_duplicates([past, undated, far, edge, first])
    assert [r.id for r in found["KSD-6472-2022-001"]] == ["KSD-6472-2023-001"]
    assert [r.id for r in found["KSD-6472-2023-001"]] == ["KSD-6472-2022-001"]
    assert [r.id for r in found["KSD-6472-2024-001"]] == ["KSD-6472-2025-001"]
    assert [r.id for r in found["KSD-6472-2025-001"]] == ["KSD-6472-2024-001"]
    assert "KSD-6472-2019-001" not in found
