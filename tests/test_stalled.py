"""Stalled flags: every flag at its boundary, overrides, renewal, cancellation, messages."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers import KEMENTAN, KUKAR, PT, agreement, d, generator, kb, pks

from ksd_cli.config import Config, Stalled, ThresholdOverrides
from ksd_cli.lifecycle import lifecycle
from ksd_cli.loading import LoadedRecord, LoadResult
from ksd_cli.models import Agreement, Potential
from ksd_cli.reference import load_reference
from ksd_cli.repository import SourceFile, open_repository
from ksd_cli.stalled import StalledResult, find_stalled, find_stalled_in
from ksd_cli.validate import SoundRecords, load_sound_records


def flags_of(
    *records: Agreement | Potential, as_of: date, config: Config | None = None
) -> list[tuple[str, str, int]]:
    result = result_of(*records, as_of=as_of, config=config)
    return [(f.id, f.code, f.days) for f in result.flags]


def result_of(
    *records: Agreement | Potential, as_of: date, config: Config | None = None
) -> StalledResult:
    loaded = LoadResult(
        tuple(
            LoadedRecord(
                SourceFile(
                    Path(f"{r.id}.yaml"),
                    f"data/{r.id}.yaml",
                    "agreement" if isinstance(r, Agreement) else "potential",
                ),
                r,
                "",
            )
            for r in records
        ),
        (),
        len(records),
        frozenset(),
    )
    sound = SoundRecords(loaded, frozenset(), tuple(r.id for r in records), (), {})
    return find_stalled(sound, config or Config(), load_reference(), as_of=as_of)


def test_records_in_force_with_an_unknown_end_are_listed() -> None:
    # v1.1: berlaku_sampai: tidak_diketahui: no flag can say when it expires, so say so
    unknown = agreement(naskah=[kb("2021-03-15", berlaku_sampai="tidak_diketahui")])
    known = agreement(id="KSD-6402-2021-002", naskah=[kb("2021-03-15", "2026-03-14")])
    result = result_of(unknown, known, as_of=d("2022-01-01"))
    assert result.sampai_tidak_diketahui == ("KSD-6402-2021-001",)
    assert result.as_dict()["masa_berlaku_tidak_diketahui"] == ["KSD-6402-2021-001"]
    assert result.only(["kb_tanpa_pks"]).sampai_tidak_diketahui == ("KSD-6402-2021-001",)
    # not yet signed on the as-of date: not in force, not listed
    assert result_of(unknown, as_of=d("2021-01-01")).sampai_tidak_diketahui == ()


# Flags at their boundaries ---------------------------------------------------------------------

BOUNDARY_CASES = {
    # name: (record, clock start, threshold)
    "kb_tanpa_pks": (agreement(naskah=[kb("2021-03-15")]), "2021-03-15", 365),
    "pks_tanpa_pelaksanaan": (
        agreement(naskah=[kb("2021-03-15"), pks("2022-01-10")]),
        "2022-01-10",
        180,
    ),
    "tanpa_monev": (
        agreement(
            naskah=[kb("2021-03-15"), pks("2021-08-10")], monev=[{"tanggal": d("2023-06-15")}]
        ),
        "2023-06-15",
        365,
    ),
    "dprd_tertunda": (
        agreement(persetujuan_dprd={"diperlukan": True, "tanggal_permohonan": d("2025-04-14")}),
        "2025-04-14",
        45,
    ),
}


@pytest.mark.parametrize("code", sorted(BOUNDARY_CASES))
def test_flag_is_raised_the_day_after_the_threshold_not_on_it(code: str) -> None:
    record, start, threshold = BOUNDARY_CASES[code]
    on_threshold = d(start) + timedelta(days=threshold)
    assert code not in [c for _, c, _ in flags_of(record, as_of=on_threshold)]
    day_after = on_threshold + timedelta(days=1)
    assert (record.id, code, threshold + 1) in flags_of(record, as_of=day_after)


def test_tanpa_monev_counts_from_first_pelaksanaan_when_never_evaluated() -> None:
    record = agreement(
        naskah=[kb("2021-03-15"), pks("2021-08-10")],
        tahapan=[
            {"tahap": "pelaksanaan", "tanggal": d("2021-09-01")},
            {"tahap": "pelaksanaan", "tanggal": d("2022-09-01")},
        ],
    )
    assert flags_of(record, as_of=d("2022-09-01")) == []
    assert flags_of(record, as_of=d("2022-09-02")) == [(record.id, "tanpa_monev", 366)]


def test_akan_berakhir_when_days_left_reach_the_threshold() -> None:
    record = agreement(
        naskah=[kb("2021-03-15", "2030-01-01"), pks("2021-08-10", "2025-09-15")],
        monev=[{"tanggal": d("2025-05-01")}],
    )
    assert flags_of(record, as_of=d("2025-06-16")) == []  # 91 days left
    assert flags_of(record, as_of=d("2025-06-17")) == [(record.id, "akan_berakhir", 90)]
    # Judged per document: the PKS is flagged although its KB runs on.
    assert flags_of(record, as_of=d("2025-09-15")) == [(record.id, "akan_berakhir", 0)]


def test_kb_that_ended_without_pks_has_one_flag_for_its_one_cause() -> None:
    record = agreement(naskah=[kb("2019-07-25", "2021-07-24")])
    assert sorted(flags_of(record, as_of=d("2021-07-24"))) == [
        (record.id, "akan_berakhir", 0),
        (record.id, "kb_tanpa_pks", 730),
    ]
    assert flags_of(record, as_of=d("2021-07-25")) == [(record.id, "kb_kedaluwarsa_tanpa_pks", 1)]


def test_kedaluwarsa_when_every_document_ended() -> None:
    record = agreement(
        naskah=[kb("2019-01-10", "2024-09-01"), pks("2019-06-01", "2024-09-01")],
        monev=[{"tanggal": d("2024-01-10")}],
    )
    # Both documents end the same day: one finding that names both (one per cause).
    assert flags_of(record, as_of=d("2024-09-01")) == [(record.id, "akan_berakhir", 0)]
    assert flags_of(record, as_of=d("2025-06-30")) == [(record.id, "kedaluwarsa", 302)]


def test_renewal_by_a_later_document_or_adendum_clears_the_reminder() -> None:
    ending = agreement(
        naskah=[kb("2021-03-15", "2030-01-01"), pks("2021-08-10", "2025-09-15")],
        monev=[{"tanggal": d("2025-05-01")}],
    )
    assert [c for _, c, _ in flags_of(ending, as_of=d("2025-06-30"))] == ["akan_berakhir"]
    renewed = agreement(
        naskah=[
            kb("2021-03-15", "2030-01-01"),
            pks("2021-08-10", "2025-09-15"),
            pks("2025-06-01", "2028-09-15"),
        ],
        monev=[{"tanggal": d("2025-06-10")}],
    )
    assert flags_of(renewed, as_of=d("2025-06-30")) == []
    amended = agreement(
        naskah=[
            kb("2021-03-15", "2030-01-01"),
            pks("2021-08-10", "2025-09-15"),
            {"jenis": "adendum", "tanggal_ttd": d("2025-06-01"), "berlaku_sampai": d("2027-12-31")},
        ],
        monev=[{"tanggal": d("2025-05-01")}],
    )
    assert flags_of(amended, as_of=d("2025-06-30")) == []


def test_a_later_kb_continues_an_older_one_without_pks() -> None:
    record = agreement(naskah=[kb("2019-01-10", "2024-01-09"), kb("2023-12-01", "2028-11-30")])
    assert [c for _, c, _ in flags_of(record, as_of=d("2025-06-30"))] == ["kb_tanpa_pks"]
    assert flags_of(record, as_of=d("2025-06-30"))[0][2] == (d("2025-06-30") - d("2023-12-01")).days


@pytest.mark.parametrize("status", ["dibatalkan", "diakhiri"])
def test_cancelled_or_ended_records_raise_no_flags(status: str) -> None:
    record = agreement(
        naskah=[kb("2019-01-10")],
        status=status,
        tahapan=[{"tahap": "berakhir", "tanggal": d("2020-01-01")}],
    )
    assert flags_of(record, as_of=d("2025-06-30")) == []


def test_sinergi_nota_kesepakatan_plays_the_pks_part() -> None:
    record = agreement(
        jenis="sinergi",
        pihak=[KUKAR, KEMENTAN],
        naskah=[{"jenis": "nota_kesepakatan", "tanggal_ttd": d("2023-01-10")}],
    )
    state = lifecycle(record, d("2025-06-30"))
    assert state.tahap_terakhir == "penandatanganan_pks"
    assert [c for _, c, _ in flags_of(record, as_of=d("2025-06-30"))] == ["pks_tanpa_pelaksanaan"]


def test_per_kind_override_changes_only_that_kind() -> None:
    company = agreement(
        id="KSD-6402-2024-001", jenis="ksdpk", pihak=[KUKAR, PT], naskah=[kb("2024-10-01")]
    )
    regions = agreement(id="KSD-6402-2024-002", naskah=[kb("2024-10-01")])
    config = Config(stalled=Stalled(ksdpk=ThresholdOverrides(kb_tanpa_pks=180)))
    assert flags_of(company, regions, as_of=d("2025-06-30")) == []
    assert flags_of(company, regions, as_of=d("2025-06-30"), config=config) == [
        ("KSD-6402-2024-001", "kb_tanpa_pks", 272)
    ]


def test_potential_not_followed_up_counts_from_end_of_mapping_year() -> None:
    potential = Potential.model_validate(
        {
            "id": "POT-6402-2023-002",
            "daerah": "64.02",
            "tahun": 2023,
            "perangkat_daerah": "BPBD",
            "urusan": "1.05",
            "isu": "Kebakaran lahan",
            "potensi": "Masyarakat Peduli Api",
            "prioritas": "tinggi",
        }
    )
    assert flags_of(potential, as_of=d("2024-12-30")) == []
    assert flags_of(potential, as_of=d("2024-12-31")) == [
        (potential.id, "potensi_tanpa_tindak_lanjut", 366)
    ]
    follower = agreement(potensi=["POT-6402-2023-002"])
    assert flags_of(potential, follower, as_of=d("2025-06-30")) == []


def test_message_explains_with_dates_in_words() -> None:
    record = agreement(naskah=[kb("2021-03-15")])
    loaded = LoadResult(
        (LoadedRecord(SourceFile(Path("x"), "x", "agreement"), record, ""),), (), 1, frozenset()
    )
    sound = SoundRecords(loaded, frozenset(), (record.id,), (), {})
    (flag,) = find_stalled(sound, Config(), load_reference(), as_of=d("2025-06-30")).flags
    assert (
        flag.message
        == "KB ditandatangani 15 Maret 2021; belum ada PKS setelah 1.568 hari (batas 365 hari)"
    )
    assert flag.mitra == ("Kota Samarinda",)


# A broken record changes nothing in the others -----------------------------------------------

AS_OF_SAMPLE = date(2025, 6, 30)
BREAKAGES: dict[str, Callable[[str], str]] = {
    # YAML that does not parse at all: the potentials are read from the text.
    "yaml-syntax": lambda text: text.replace("\njudul:", "\njudul: [tidak ditutup", 1),
    # Valid YAML that fails the schema.
    "schema": lambda text: text + "\nkunci_asing: 1\n",
    # A record that loads, with a loading error (a duplicate key).
    "duplicate-key": lambda text: text + "\njudul: Judul kedua\n",
    # A record that passes the schema, with a rule error (a signing date in the future).
    "rule": lambda text: re.sub(r"(tanggal\w*): \d{4}", r"\1: 2099", text, count=1),
}


def _flags_by_path(root: Path) -> dict[str, list[dict[str, object]]]:
    repo = open_repository(root)
    sound = load_sound_records(repo, as_of=AS_OF_SAMPLE, lang="id")
    result = find_stalled(sound, repo.config, load_reference(), as_of=AS_OF_SAMPLE)
    # ksd stalled's own path (records assessed where they are loaded) agrees, broken or not.
    assert find_stalled_in(repo, as_of=AS_OF_SAMPLE, lang="id") == result
    by_path: dict[str, list[dict[str, object]]] = {}
    for flag in result.flags:
        by_path.setdefault(flag.path, []).append(flag.as_dict())
    invalid = {r.path for r in result.invalid}
    return {**by_path, **{f"invalid:{p}": [] for p in invalid}}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_breaking_one_agreement_changes_no_flag_of_any_other_record(
    sample_repo: Path, breakage: str
) -> None:
    baseline = _flags_by_path(sample_repo)
    assert not any(k.startswith("invalid:") for k in baseline)
    assert any(f[0]["code"] == "potensi_tanpa_tindak_lanjut" for f in baseline.values())
    agreements = sorted((sample_repo / "data" / "agreements").glob("*.yaml"))
    assert len(agreements) == 26
    for path in agreements:
        rel = path.relative_to(sample_repo).as_posix()
        original = path.read_text(encoding="utf-8")
        broken = BREAKAGES[breakage](original)
        assert broken != original
        path.write_text(broken, encoding="utf-8")
        try:
            after = _flags_by_path(sample_repo)
        finally:
            path.write_text(original, encoding="utf-8")
        # The broken record is listed as invalid and raises no flag of its own...
        assert f"invalid:{rel}" in after, (breakage, rel)
        assert rel not in after, (breakage, rel)
        # ...and every other record keeps exactly its flags.
        others_before = {k: v for k, v in baseline.items() if k != rel}
        others_after = {k: v for k, v in after.items() if k != f"invalid:{rel}"}
        assert others_after == others_before, (breakage, rel)


def test_lifecycles_the_caller_derived_are_reused_only_for_their_own_record_and_date(
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    generator().generate(tmp_path, 60, seed=4)
    repo = open_repository(tmp_path)
    as_of = date(2025, 6, 30)
    sound = load_sound_records(repo, as_of=as_of, lang="id", today=as_of)
    agreements = [r.record for r in sound.loaded.records if isinstance(r.record, Agreement)]
    states = [lifecycle(a, as_of) for a in agreements]
    alone = find_stalled(sound, repo.config, load_reference(), as_of=as_of)
    given = find_stalled(sound, repo.config, load_reference(), as_of=as_of, states=states)
    assert alone.flags and given == alone
    # A state of another day, or of another record under the same id, is not taken for it.
    stale = [lifecycle(a, date(2019, 1, 1)) for a in agreements]
    wrong = [replace(s, tahap_terakhir=None, status="dibatalkan") for s in states]
    other = [replace(w, record=a.model_copy()) for w, a in zip(wrong, agreements, strict=True)]
    for mixed in (stale, other):
        result = find_stalled(sound, repo.config, load_reference(), as_of=as_of, states=mixed)
        assert result == alone
    # ...while its own state is used as given.
    used = find_stalled(sound, repo.config, load_reference(), as_of=as_of, states=wrong)
    assert used != alone


def loi(ttd: str, sampai: str) -> dict[str, object]:
    return {**kb(ttd, sampai), "jenis": "surat_pernyataan_kehendak"}


def test_a_letter_of_intent_neither_ends_nor_expires_a_signed_cooperation() -> None:
    # A KB or PKS decides the cooperation's validity once signed (lifecycle.deciding_documents,
    # as its status and the report read it): the letter before it binds no one.
    running = agreement(
        naskah=[loi("2021-01-10", "2025-07-01"), kb("2021-03-15", "2030-01-01"),
                pks("2021-08-10", "2030-01-01")],
        monev=[{"tanggal": d("2025-05-01")}],
    )  # fmt: skip
    assert flags_of(running, as_of=d("2025-06-17")) == []  # the letter has 14 days left
    ended = agreement(
        naskah=[loi("2019-01-10", "2025-03-01"), kb("2019-03-15", "2024-09-01"),
                pks("2019-06-01", "2024-09-01")],
        monev=[{"tanggal": d("2024-01-10")}],
    )  # fmt: skip
    # Expired when its PKS ended, not when the letter did.
    assert flags_of(ended, as_of=d("2025-06-01")) == [(ended.id, "kedaluwarsa", 273)]
