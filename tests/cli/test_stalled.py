"""``ksd stalled`` on the sample repository: the list, thresholds from ksd.toml, --fail-on, usage errors."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from helpers import SAMPLE_EXPECTED_2025_06_30, run_json

from ksd_cli.cli import main

# The sample repository ---------------------------------------------------------------------------


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


INDONESIAN_MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "Oktober",
    "Desember",
)


@pytest.mark.parametrize("output_format", ["text", "md"])
def test_english_run_has_no_indonesian_month_or_heading(
    project_root: Path, capsys: pytest.CaptureFixture[str], output_format: str
) -> None:
    args = ["stalled", "--root", str(project_root), "--as-of", "2024-12-31", "-f", output_format]
    assert main([*args, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert not [m for m in INDONESIAN_MONTHS if m in out]
    for indonesian in ("Kerja sama yang perlu perhatian", "Temuan", "Keterangan", "hari", "Batas"):
        assert indonesian not in out
    assert "Cooperation needing attention as of 31 December 2024" in out


def test_english_numbers_and_dates_follow_the_language(
    project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["stalled", "--root", str(project_root), "--as-of", "2026-06-30", "-f", "json"]
    assert main([*args, "--lang", "en"]) == 0
    english = " ".join(f["message"] for f in json.loads(capsys.readouterr().out)["flags"])
    assert main([*args, "--lang", "id"]) == 0
    indonesian = " ".join(f["message"] for f in json.loads(capsys.readouterr().out)["flags"])
    assert "1,0" in english or "1,1" in english or "1,2" in english  # thousands with a comma
    assert "1.0" in indonesian or "1.1" in indonesian or "1.2" in indonesian
    assert "July 2019" in english and "Juli 2019" in indonesian


def test_indonesian_usage_error_has_no_english(
    project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stalled", "--root", str(project_root), "--only", "nope"]) == 2
    err = capsys.readouterr().err
    assert "hint:" not in err and "petunjuk:" in err
    assert "temuan tidak dikenal nope" in err and "unknown" not in err
    assert main(["stalled", "--root", str(project_root), "--only", "nope", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "hint: see `ksd stalled --help`" in err and "petunjuk" not in err


@pytest.mark.parametrize("value", ["fr", "english"])
def test_unknown_ksd_lang_is_a_usage_error(
    project_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    value: str,
) -> None:
    monkeypatch.setenv("KSD_LANG", value)
    assert main(["stalled", "--root", str(project_root)]) == 2
    assert "KSD_LANG" in capsys.readouterr().err


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
