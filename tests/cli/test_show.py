"""``ksd show``: one record's story, as JSON equal to the lifecycle; unknown ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_json

from ksd_cli.cli import main


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


def test_show_text_shows_backslashes_and_brackets_as_typed(
    sample_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A title with a folder path in it: rich's markup took the backslash before "[" and
    # showed a trailing one twice.
    path = sample_repo / "data" / "agreements" / "KSD-6402-2019-002.yaml"
    title = "Beasiswa (arsip D:\\[2019]\\ dan C:\\)"
    text = path.read_text(encoding="utf-8")
    old = "judul: Program Beasiswa Kutai Kartanegara Cerdas di Universitas Mulawarman"
    path.write_text(text.replace(old, f"judul: '{title}'"), encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "120")
    code = main(["show", "KSD-6402-2019-002", "--root", str(sample_repo), "-f", "text"])
    first = capsys.readouterr().out.splitlines()[0]
    assert code == 0
    assert first == f"KSD-6402-2019-002  {title}"


@pytest.mark.parametrize(
    ("lang", "line"), [("id", "Naskah: belum ada"), ("en", "Documents: none yet")]
)
def test_show_text_says_when_there_is_no_document_yet(
    lang: str,
    line: str,
    project_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # KSD-6402-2024-003: an offer, no naskah yet. An empty table of headers said nothing.
    monkeypatch.setenv("COLUMNS", "80")
    args = ["show", "KSD-6402-2024-003", "--root", str(project_root), "--as-of", "2025-06-30"]
    assert main([*args, "-f", "text", "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert line in lines
    assert not any(row.startswith("┃ #") for row in lines)
    # A record with documents still gets its table.
    assert main([*args[:1], "KSD-6402-2020-001", *args[2:], "-f", "text", "--lang", lang]) == 0
    assert any(row.startswith("┃ #") for row in capsys.readouterr().out.splitlines())


@pytest.mark.parametrize("suffix", [".yaml", ".YAML", ".Yml"])
def test_show_says_where_a_record_file_that_does_not_load_breaks(
    sample_repo: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    # Looked up by its file name when no record carries the id: in any case of the suffix,
    # as the repository's listing reads it (".YAML" was "no such record").
    record_id = "KSD-6402-2023-004"
    agreements = sample_repo / "data" / "agreements"
    text = (agreements / f"{record_id}.yaml").read_text(encoding="utf-8")
    (agreements / f"{record_id}.yaml").unlink()
    (agreements / f"{record_id}{suffix}").write_text("judul: [\n" + text, encoding="utf-8")
    assert main(["show", record_id, "--root", str(sample_repo), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        f"ksd: {record_id}: the record does not load (data/agreements/{record_id}{suffix}:"
    )
