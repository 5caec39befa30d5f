"""Lifecycle and stalled flags: every flag at its boundary, overrides, renewal, cancellation."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from ksd_cli.cli import main
from ksd_cli.config import Config, Stalled, ThresholdOverrides
from ksd_cli.lifecycle import lifecycle
from ksd_cli.loading import LoadedRecord, LoadResult
from ksd_cli.models import Agreement, Potential
from ksd_cli.reference import load_reference
from ksd_cli.repository import SourceFile, open_repository
from ksd_cli.stalled import find_stalled
from ksd_cli.validate import SoundRecords, load_sound_records

KUKAR = {"peran": "pihak_kesatu", "tipe": "pemda", "kode_wilayah": "64.02"}
SAMARINDA = {"peran": "pihak_kedua", "tipe": "pemda", "kode_wilayah": "64.72"}
PT = {"peran": "pihak_kedua", "tipe": "pihak_ketiga", "nama": "PT Kaltim Lestari"}
KEMENTAN = {"peran": "pihak_kedua", "tipe": "kementerian_lembaga", "nama": "Kementerian Pertanian"}


def agreement(**fields: Any) -> Agreement:
    base: dict[str, Any] = {
        "id": "KSD-6402-2021-001",
        "judul": "Pengelolaan Sampah Regional",
        "jenis": "ksdd_sukarela",
        "urusan": ["2.11"],
        "pihak": [KUKAR, SAMARINDA],
    }
    base.update(fields)
    return Agreement.model_validate(base)


def kb(ttd: str, sampai: str | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "jenis": "kesepakatan_bersama",
        "tanggal_ttd": date.fromisoformat(ttd),
        **({"berlaku_sampai": date.fromisoformat(sampai)} if sampai else {}),
        **extra,
    }


def pks(ttd: str, sampai: str | None = None, **extra: Any) -> dict[str, Any]:
    return {**kb(ttd, sampai, **extra), "jenis": "perjanjian_kerja_sama"}


def d(text: str) -> date:
    return date.fromisoformat(text)


def flags_of(
    *records: Agreement | Potential, as_of: date, config: Config | None = None
) -> list[tuple[str, str, int]]:
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
    result = find_stalled(sound, config or Config(), load_reference(), as_of=as_of)
    return [(f.id, f.code, f.days) for f in result.flags]


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
    assert [c for _, c, _ in flags_of(record, as_of=d("2024-09-01"))] == [
        "akan_berakhir",
        "akan_berakhir",
    ]
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


# The sample repository ---------------------------------------------------------------------------

SAMPLE_EXPECTED_2025_06_30 = {
    ("KSD-6402-2019-001", "kb_kedaluwarsa_tanpa_pks"),
    ("KSD-6402-2019-002", "kedaluwarsa"),
    ("KSD-6402-2019-003", "kb_tanpa_pks"),
    ("KSD-6402-2021-001", "tanpa_monev"),
    ("KSD-6402-2022-001", "pks_tanpa_pelaksanaan"),
    ("KSD-6402-2022-002", "kb_tanpa_pks"),
    ("KSD-6402-2022-003", "akan_berakhir"),
    ("KSD-6402-2023-001", "dprd_tertunda"),
    ("KSD-6402-2023-002", "kb_tanpa_pks"),
    ("KSD-6402-2024-001", "kb_tanpa_pks"),
    ("POT-6402-2023-002", "potensi_tanpa_tindak_lanjut"),
}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


def test_sample_repository_lists_what_an_analyst_names_as_stuck(
    project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = run_json(
        capsys, "stalled", "--root", str(project_root), "--as-of", "2025-06-30", "--format", "json"
    )
    assert code == 0
    assert {(f["id"], f["code"]) for f in data["flags"]} == SAMPLE_EXPECTED_2025_06_30
    assert data["summary"]["invalid_records"] == 0
    days_past = [f["days"] - f["threshold"] for f in data["flags"] if f["kategori"] == "macet"]
    assert days_past == sorted(days_past, reverse=True)


def test_changing_a_threshold_in_ksd_toml_changes_the_list(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = sample_repo / "ksd.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("kb_tanpa_pks = 365", "kb_tanpa_pks = 900"),
        encoding="utf-8",
    )
    _, data = run_json(
        capsys, "stalled", "--root", str(sample_repo), "--as-of", "2025-06-30", "-f", "json"
    )
    kb_flags = {f["id"] for f in data["flags"] if f["code"] == "kb_tanpa_pks"}
    # 1,047 and 1,014 days stay above 900; 845 days no longer does; the ksdpk override stays 180.
    assert kb_flags == {"KSD-6402-2019-003", "KSD-6402-2022-002", "KSD-6402-2024-001"}


def test_fail_on_gates_ci_and_only_filters(
    project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["stalled", "--root", str(project_root), "--as-of", "2025-06-30", "-f", "json"]
    code, data = run_json(capsys, *base, "--only", "dprd_tertunda", "--fail-on", "kb_tanpa_pks")
    assert code == 1
    assert [f["code"] for f in data["flags"]] == ["dprd_tertunda"]
    code, _ = run_json(capsys, *base, "--fail-on", "kedaluwarsa")
    assert code == 1
    code, _ = run_json(
        capsys,
        *[
            "stalled",
            "--root",
            str(project_root),
            "--as-of",
            "2021-01-01",
            "-f",
            "json",
            "--fail-on",
            "kedaluwarsa",
        ],
    )
    assert code == 0


def test_unknown_flag_code_is_a_usage_error(
    project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stalled", "--root", str(project_root), "--only", "kb_tanpa_pk"]) == 2
    assert "kb_tanpa_pk" in capsys.readouterr().err


def test_invalid_records_are_reported_not_skipped(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = sample_repo / "data" / "agreements" / "KSD-6402-2022-002.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("judul:", "judull:", 1), encoding="utf-8"
    )
    _, data = run_json(
        capsys, "stalled", "--root", str(sample_repo), "--as-of", "2025-06-30", "-f", "json"
    )
    assert data["invalid_records"] == [
        {"path": "data/agreements/KSD-6402-2022-002.yaml", "errors": 2}
    ]
    assert "KSD-6402-2022-002" not in {f["id"] for f in data["flags"]}


@pytest.mark.parametrize("fmt", ["md", "csv", "text"])
def test_every_format_carries_every_flag(
    fmt: str, project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stalled", "--root", str(project_root), "--as-of", "2025-06-30", "-f", fmt]) == 0
    out = capsys.readouterr().out
    for record_id, _ in SAMPLE_EXPECTED_2025_06_30:
        assert record_id in out


def test_xlsx_has_one_row_per_flag_with_real_dates(
    project_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "stalled.xlsx"
    assert (
        main(
            [
                "stalled",
                "--root",
                str(project_root),
                "--as-of",
                "2025-06-30",
                "-f",
                "xlsx",
                "-o",
                str(target),
            ]
        )
        == 0
    )
    sheet = load_workbook(target)["Temuan"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {(r[0], r[2]) for r in rows} == SAMPLE_EXPECTED_2025_06_30
    assert all(hasattr(r[4], "year") for r in rows)
    assert sheet.freeze_panes == "A2"


def test_show_agreement_json_matches_the_lifecycle(
    project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = run_json(
        capsys,
        "show",
        "KSD-6402-2020-001",
        "--root",
        str(project_root),
        "--as-of",
        "2025-06-30",
        "-f",
        "json",
    )
    assert code == 0
    assert data["status"] == "aktif" and data["tahap_terakhir"] == "monev"
    assert [n["jenis"] for n in data["naskah"]] == [
        "kesepakatan_bersama",
        "perjanjian_kerja_sama",
        "perjanjian_kerja_sama",
        "adendum",
    ]
    assert data["naskah"][1]["berlaku_sampai"] == "2026-03-14"  # extended by the adendum
    assert data["flags"] == []


def test_show_potential_and_unknown_id(
    project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = run_json(
        capsys,
        "show",
        "POT-6402-2023-002",
        "--root",
        str(project_root),
        "--as-of",
        "2025-06-30",
        "-f",
        "json",
    )
    assert data["ditindaklanjuti_oleh"] == []
    assert [f["code"] for f in data["flags"]] == ["potensi_tanpa_tindak_lanjut"]
    assert main(["show", "KSD-6402-1999-001", "--root", str(project_root)]) == 1
    assert "KSD-6402-1999-001" in capsys.readouterr().err


def test_cli_flag_list_matches_the_library() -> None:
    from ksd_cli.cli.stalled import FLAG_CODES as CLI_CODES
    from ksd_cli.stalled import FLAG_CODES

    assert CLI_CODES == FLAG_CODES


# A broken record changes nothing in the others -----------------------------------------------

AS_OF_SAMPLE = date(2025, 6, 30)
BREAKAGES = {
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
    assert len(agreements) == 20
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


def _break_with_rule_error(root: Path, record_id: str) -> Path:
    """A signing date in 2099: the record passes the schema and fails rules C007 and C005."""
    path = root / "data" / "agreements" / f"{record_id}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"tanggal_ttd: \d{4}", "tanggal_ttd: 2099", text, count=1), "utf-8")
    return path


def test_a_record_with_a_rule_error_is_listed_invalid_and_raises_no_flag(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # KSD-6402-2022-002 is flagged kb_tanpa_pks when sound.
    _break_with_rule_error(sample_repo, "KSD-6402-2022-002")
    _, data = run_json(
        capsys, "stalled", "--root", str(sample_repo), "--as-of", "2025-06-30", "-f", "json"
    )
    assert data["invalid_records"] == [
        {"path": "data/agreements/KSD-6402-2022-002.yaml", "errors": 2}
    ]
    assert {(f["id"], f["code"]) for f in data["flags"]} == SAMPLE_EXPECTED_2025_06_30 - {
        ("KSD-6402-2022-002", "kb_tanpa_pks")
    }


def test_fail_on_names_the_flags_that_caused_exit_1_on_stderr(
    project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["stalled", "--root", str(project_root), "--as-of", "2025-06-30", "-f", "json"]
    code = main([*base, "--fail-on", "kedaluwarsa,kb_tanpa_pks,akan_berakhir", "--lang", "en"])
    captured = capsys.readouterr()
    counts = Counter(f["code"] for f in json.loads(captured.out)["flags"])
    assert code == 1
    assert captured.err == (
        "ksd: exit code 1 because of --fail-on flags: "
        f"kb_tanpa_pks ({counts['kb_tanpa_pks']}), kedaluwarsa ({counts['kedaluwarsa']}), "
        f"akan_berakhir ({counts['akan_berakhir']})\n"
    )
    assert main([*base, "--fail-on", "kedaluwarsa"]) == 1
    assert capsys.readouterr().err == (
        "ksd: keluar dengan kode 1 karena temuan --fail-on: kedaluwarsa (1)\n"
    )


def test_show_of_a_record_with_errors_lists_them_instead_of_its_flags(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _break_with_rule_error(sample_repo, "KSD-6402-2022-002")
    show = ["show", "KSD-6402-2022-002", "--root", str(sample_repo), "--as-of", "2025-06-30"]
    code, data = run_json(capsys, *show, "-f", "json")
    assert code == 0
    assert data["flags"] == []
    assert [(e["code"], e["severity"]) for e in data["errors"]] == [
        ("C007", "error"),
        ("C005", "error"),
    ]
    assert main(show) == 0
    out = capsys.readouterr().out
    assert "Tidak ada temuan" not in out
    assert "Rekaman ini memiliki 2 galat" in out
    assert "C007" in out and "kb_tanpa_pks" not in out
