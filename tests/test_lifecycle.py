"""The lifecycle of a cooperation as of a date: stage, status, events, adendum."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import agreement, d, kb, pks

from ksd_cli.lifecycle import lifecycle

# Lifecycle -------------------------------------------------------------------------------------


def test_stage_and_status_follow_documents_events_and_monev() -> None:
    record = agreement(
        tahapan=[{"tahap": "penawaran", "tanggal": d("2020-11-02")}],
        naskah=[kb("2021-03-15", "2026-03-14"), pks("2021-08-10", "2026-03-14")],
        monev=[{"tanggal": d("2022-12-19")}],
    )
    state = lifecycle(record, d("2025-06-30"))
    assert state.tahap_terakhir == "monev"
    assert state.tanggal("penandatanganan_kb") == d("2021-03-15")
    assert state.tanggal("penandatanganan_pks") == d("2021-08-10")
    assert state.status == "aktif"
    assert [doc.position for doc in state.in_force] == [0, 1]


def test_as_of_before_events_ignores_what_had_not_happened_yet() -> None:
    record = agreement(
        naskah=[kb("2021-03-15"), pks("2022-01-10")], monev=[{"tanggal": d("2023-01-01")}]
    )
    state = lifecycle(record, d("2021-06-01"))
    assert state.tahap_terakhir == "penandatanganan_kb"
    assert [doc.signed for doc in state.documents] == [True, False]


@pytest.mark.parametrize(
    ("naskah", "extra", "status"),
    [
        ([], {}, "draf"),
        ([{"jenis": "kesepakatan_bersama"}], {}, "draf"),
        ([kb("2021-03-15", "2030-01-01")], {}, "aktif"),
        ([kb("2025-06-01", berlaku_mulai=d("2025-08-01"))], {}, "belum_berlaku"),
        ([kb("2020-01-01", "2024-12-31")], {}, "kedaluwarsa"),
        (
            [kb("2021-03-15")],
            {"tahapan": [{"tahap": "berakhir", "tanggal": d("2024-01-01")}]},
            "berakhir",
        ),
        ([kb("2021-03-15")], {"status": "dibatalkan"}, "dibatalkan"),
        ([kb("2021-03-15")], {"status": "diakhiri"}, "diakhiri"),
    ],
)
def test_status(naskah: list[dict[str, Any]], extra: dict[str, Any], status: str) -> None:
    assert lifecycle(agreement(naskah=naskah, **extra), d("2025-06-30")).status == status


def test_signed_adendum_extends_the_document_it_amends() -> None:
    record = agreement(
        naskah=[
            kb("2020-01-10", "2030-01-01"),
            pks("2020-03-01", "2024-12-31"),
            {"jenis": "adendum", "tanggal_ttd": d("2024-11-01"), "berlaku_sampai": d("2026-12-31")},
        ]
    )
    state = lifecycle(record, d("2025-06-30"))
    assert state.documents[2].induk == 1
    assert state.documents[1].sampai == d("2026-12-31")
    assert state.documents[1].in_force


def test_an_unknown_end_never_expires_and_is_said_to_be_unknown() -> None:
    record = agreement(naskah=[kb("2010-01-04", berlaku_sampai="tidak_diketahui")])
    state = lifecycle(record, d("2030-01-01"))
    (doc,) = state.documents
    assert doc.sampai is None and doc.sampai_tidak_diketahui
    assert not doc.ended and state.status != "kedaluwarsa"
    # An adendum that gives the end makes it known.
    amended = agreement(
        naskah=[
            kb("2010-01-04", berlaku_sampai="tidak_diketahui"),
            {"jenis": "adendum", "tanggal_ttd": d("2012-01-04"), "berlaku_sampai": d("2015-01-03")},
        ]
    )
    first = lifecycle(amended, d("2030-01-01")).documents[0]
    assert first.sampai == d("2015-01-03") and not first.sampai_tidak_diketahui and first.ended


# A letter of intent is never "in force forever" (issue 13) ---------------------------------------


def loi(ttd: str, sampai: str | None = None) -> dict[str, Any]:
    return {**kb(ttd, sampai), "jenis": "surat_pernyataan_kehendak"}


@pytest.mark.parametrize(
    ("naskah", "status"),
    [
        # Alone and without an end: its own status, never "aktif" for ever.
        ([loi("2021-03-15")], "pernyataan_kehendak"),
        # Alone with an end not yet reached: still not a binding agreement.
        ([loi("2021-03-15", "2030-01-01")], "pernyataan_kehendak"),
        ([loi("2021-03-15", "2023-03-14")], "kedaluwarsa"),
        ([loi("2025-07-01")], "draf"),  # signed after the as-of date: nothing signed yet
        # Once a KB follows it, the binding documents decide.
        ([loi("2021-03-15"), kb("2022-01-10", "2030-01-01")], "aktif"),
        ([loi("2021-03-15"), kb("2022-01-10", "2024-01-09")], "kedaluwarsa"),
    ],
)
def test_a_letter_of_intent_never_makes_a_cooperation_active(
    naskah: list[dict[str, Any]], status: str
) -> None:
    assert lifecycle(agreement(naskah=naskah), d("2025-06-30")).status == status
