"""Proposals indexed by partner: the same request registered twice (C016)."""

from __future__ import annotations

from typing import Any

from helpers import agreement, d, kb

from ksd_cli.registrations import duplicates, index_by_partner, partner_keys

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
    index = index_by_partner([first, again, later, other, signed])
    assert [r.id for r in duplicates(first, index)] == ["KSD-6472-2025-001"]
    # More than 365 days after the first: another request; two days after the second: the same.
    assert [r.id for r in duplicates(later, index)] == ["KSD-6472-2025-001"]
    assert duplicates(other, index) == ()
    assert duplicates(signed, index) == ()
