"""Stalled flags before signing (format v1.1): proposals in every state, at their boundaries.

The cases live on disk in ``tests/fixtures/stalled/proposals/`` (a data repository with its own
``ksd.toml``) and its ``expected.json``: each flag is absent on its threshold day and present,
alone, the day after.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers import agreement, d, kb, pks

from ksd_cli.config import Config
from ksd_cli.lifecycle import lifecycle
from ksd_cli.loading import LoadedRecord, LoadResult
from ksd_cli.models import Agreement
from ksd_cli.reference import load_reference
from ksd_cli.repository import SourceFile, open_repository
from ksd_cli.stalled import Flag, StalledResult, find_stalled, one_per_cause
from ksd_cli.validate import SoundRecords, load_sound_records, validate_repository

CASE = Path(__file__).resolve().parent / "fixtures" / "stalled" / "proposals"
EXPECTED: dict[str, Any] = json.loads((CASE / "expected.json").read_text(encoding="utf-8"))
LATEST = date.fromisoformat(EXPECTED["as_of_latest"])


def stalled_on(as_of: date) -> StalledResult:
    repo = open_repository(CASE)
    sound = load_sound_records(repo, as_of=as_of, lang="id")
    return find_stalled(sound, repo.config, load_reference(), as_of=as_of)


def flags_of(record_id: str, as_of: date) -> list[Flag]:
    return [f for f in stalled_on(as_of).flags if f.id == record_id]


def test_the_fixture_repository_is_valid_and_complete() -> None:
    report = validate_repository(open_repository(CASE), as_of=LATEST)
    assert [(d.path, d.code) for d in report.diagnostics] == []
    flagged = {f["id"] for f in EXPECTED["flags"]}
    assert len(flagged) == len(EXPECTED["flags"])  # one expected flag per record
    files = {p.stem for p in (CASE / "data" / "agreements").glob("*.yaml")}
    assert files == flagged | set(EXPECTED["never_flagged"])


@pytest.mark.parametrize("case", EXPECTED["flags"], ids=lambda c: f"{c['id']}-{c['code']}")
def test_flag_is_raised_the_day_after_the_threshold_not_on_it(case: dict[str, Any]) -> None:
    since = date.fromisoformat(case["since"])
    on_threshold = since + timedelta(days=case["threshold"])
    assert [f.code for f in flags_of(case["id"], on_threshold)] == []
    (flag,) = flags_of(case["id"], on_threshold + timedelta(days=1))
    assert (flag.code, flag.since, flag.days, flag.threshold) == (
        case["code"],
        since,
        case["threshold"] + 1,
        case["threshold"],
    )
    assert case["message_contains"] in flag.message
    if "dokumen" in case:
        assert [p + 1 for p in flag.dokumen] == case["dokumen"]
    # Later still, the record keeps exactly that one finding.
    assert [f.code for f in flags_of(case["id"], LATEST)] == [case["code"]]


def test_rejected_cancelled_undated_and_followed_records_are_never_flagged() -> None:
    never = set(EXPECTED["never_flagged"])
    for as_of in (d("2024-03-08"), d("2024-09-01"), d("2025-06-30"), LATEST):
        assert [f.id for f in stalled_on(as_of).flags if f.id in never] == []


@pytest.mark.parametrize("record_id", sorted(EXPECTED["status"]))
def test_status_before_signing(record_id: str) -> None:
    repo = open_repository(CASE)
    sound = load_sound_records(repo, as_of=LATEST, lang="id")
    (record,) = (
        r.record
        for r in sound.loaded.records
        if isinstance(r.record, Agreement) and r.record.id == record_id
    )
    assert lifecycle(record, LATEST).status == EXPECTED["status"][record_id]


# The same rules on records built in code -----------------------------------------------------------


def test_a_rejection_ends_the_proposal_and_a_later_request_reopens_it() -> None:
    rejected = agreement(
        peristiwa=[
            {"jenis": "permohonan", "tanggal": d("2024-01-05")},
            {"jenis": "ditolak", "tanggal": d("2024-02-01")},
        ]
    )
    assert lifecycle(rejected, d("2024-01-31")).status == "draf"  # not yet rejected
    assert lifecycle(rejected, d("2024-02-01")).status == "ditolak"
    again = rejected.model_copy(
        update={
            "peristiwa": [
                *(rejected.peristiwa or ()),
                rejected.peristiwa[0].model_copy(update={"tanggal": d("2024-06-03")}),  # type: ignore[index]
            ]
        }
    )
    assert lifecycle(again, d("2024-06-02")).status == "ditolak"
    assert lifecycle(again, d("2024-06-03")).status == "draf"


def test_a_rejection_after_signing_does_not_end_the_cooperation() -> None:
    record = agreement(
        naskah=[kb("2024-01-10")],
        peristiwa=[{"jenis": "ditolak", "tanggal": d("2024-03-01")}],
    )
    assert lifecycle(record, d("2024-06-01")).status == "aktif"


def test_an_offer_letter_reaches_the_offer_stage() -> None:
    record = agreement(peristiwa=[{"jenis": "penawaran_diterima", "tanggal": d("2024-03-05")}])
    state = lifecycle(record, d("2024-06-01"))
    assert state.tahap_terakhir == "penawaran"
    assert state.tanggal("penawaran") == d("2024-03-05")
    # Events after the as-of date have not happened yet.
    assert lifecycle(record, d("2024-03-04")).tahap_terakhir is None


def test_identical_findings_of_one_record_become_one() -> None:
    # Six PKS of one KB, signed the same day, none implemented.
    record = agreement(naskah=[kb("2023-10-02"), *(pks("2024-01-15") for _ in range(6))])
    (flag,) = _flags(record, d("2025-01-15"))
    assert flag.code == "pks_tanpa_pelaksanaan"
    assert [p + 1 for p in flag.dokumen] == [2, 3, 4, 5, 6, 7]
    assert flag.message.endswith("(temuan yang sama pada 6 naskah: ke-2, 3, 4, 5, 6, 7)")
    assert flag.as_dict()["dokumen"] == [2, 3, 4, 5, 6, 7]


def test_findings_of_one_code_on_different_days_keep_the_most_overdue_and_list_all() -> None:
    record = agreement(naskah=[kb("2023-10-02"), pks("2024-01-15"), pks("2024-03-01")])
    (flag,) = _flags(record, d("2025-01-15"))
    assert (flag.since, flag.naskah, flag.dokumen) == (d("2024-01-15"), 1, (1, 2))


def test_one_per_cause_keeps_findings_of_different_codes_apart() -> None:
    record = agreement(naskah=[kb("2019-07-25", "2021-07-24")])
    flags = _flags(record, d("2021-07-24"))
    assert sorted(f.code for f in flags) == ["akan_berakhir", "kb_tanpa_pks"]
    assert one_per_cause(flags, "id") == flags


def _flags(record: Agreement, as_of: date) -> list[Flag]:
    """The flags of one record held in memory, under the default thresholds."""
    source = SourceFile(Path(f"{record.id}.yaml"), f"data/{record.id}.yaml", "agreement")
    loaded = LoadResult((LoadedRecord(source, record, ""),), (), 1, frozenset())
    sound = SoundRecords(loaded, frozenset(), (record.id,), (), {})
    return list(find_stalled(sound, Config(), load_reference(), as_of=as_of).flags)


def test_the_last_step_is_named_in_english_too() -> None:
    repo = open_repository(CASE)
    sound = load_sound_records(repo, as_of=d("2024-07-24"), lang="en")
    result = find_stalled(sound, repo.config, load_reference(), as_of=d("2024-07-24"), lang="en")
    messages = {f.id: f.message for f in result.flags}
    assert messages["KSD-6402-2024-009"] == (
        "Drafting of the KB 25 January 2024; no progress after 181 days (limit 180 days)"
    )
    assert messages["KSD-6402-2024-003"].startswith(
        "Offer letter sent 1 March 2024; no reply, discussion or later stage after"
    )
