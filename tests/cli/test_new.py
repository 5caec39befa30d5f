"""``ksd new``: records with the next free id that pass validate; questions only on a terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers import validate_json

from ksd_cli.cli import main
from ksd_cli.fmt import format_text
from ksd_cli.repository import open_repository
from ksd_cli.scaffold import JENIS, next_id
from ksd_cli.validate import validate_repository

AS_OF = "2025-06-30"


def _line_of(text: str, key: str, occurrence: int) -> int:
    """The line number of the ``occurrence``-th line holding ``key:``."""
    lines = [n for n, line in enumerate(text.splitlines(), 1) if f"{key}:" in line]
    return lines[occurrence - 1]


def test_new_agreement_passes_validate_and_is_canonical(
    fresh: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(fresh)
    assert main(["new", "agreement", "--as-of", AS_OF]) == 0
    out, err = capsys.readouterr()
    assert out == "data/agreements/KSD-6402-2025-001.yaml\n"
    assert "isi: judul, pihak[2].nama, catatan" in err
    path = fresh / out.strip()
    text = path.read_text(encoding="utf-8")
    assert format_text(text, "agreement") == text
    assert "judul: 'ISI: JUDUL KERJA SAMA'" in text
    assert "catatan: 'ISI: periksa jenis, urusan, pihak kedua" in text
    # The placeholder partner carries the owner's own code under a name no reader can miss;
    # it is not a region cooperating with itself (C013) but a partner still to be filled in.
    kode = _line_of(text, "kode_wilayah", 2)
    assert text.splitlines()[kode - 1 : kode + 1] == [
        '    kode_wilayah: "64.02"',
        "    nama: 'ISI: NAMA DAN KODE WILAYAH PEMERINTAH DAERAH MITRA'",
    ]
    report = validate_json(fresh, capsys)
    assert (report["exit"], report["findings"]) == (0, [])


@pytest.mark.parametrize("jenis", JENIS)
def test_new_agreement_of_every_kind_passes_validate(
    fresh: Path, jenis: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["new", "agreement", "--jenis", jenis, "--judul", "Kerja Sama Uji", "--root", str(fresh)]
    assert main([*args, "--as-of", AS_OF]) == 0
    capsys.readouterr()
    report = validate_json(fresh, capsys)
    assert (report["exit"], report["findings"]) == (0, [])
    repository = open_repository(fresh)
    (source,) = repository.source_files()
    text = source.path.read_text(encoding="utf-8")
    assert f"jenis: {jenis}\n" in text
    assert "judul: Kerja Sama Uji\n" in text
    # No partner given: a placeholder partner, listed as one to fill in.
    assert "    nama: 'ISI: NAMA " in text


@pytest.mark.parametrize("kind", ["agreement", "potential"])
@pytest.mark.parametrize("jenis", [None, *JENIS])
def test_what_new_writes_with_only_defaults_passes_validate(
    fresh: Path, kind: str, jenis: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every --jenis new offers (and none), no other value given: validate finds nothing."""
    args = ["new", kind, "--root", str(fresh), "--as-of", AS_OF]
    assert main([*args, "--jenis", jenis] if jenis else args) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.is_file() and "ISI:" in path.read_text(encoding="utf-8")
    report = validate_json(fresh, capsys)
    assert (report["exit"], report["findings"]) == (0, [])
    assert (report["summary"]["files"], report["summary"]["records"]) == (1, 1)


def test_new_with_every_value_given_has_no_placeholder(
    fresh: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "new",
        "agreement",
        "--jenis",
        "ksdd_wajib",
        "--judul",
        "TPA Regional",
        "--mitra",
        "64.72",
        "--urusan",
        "2.11",
        "--as-of",
        AS_OF,
        "--root",
        str(fresh),
    ]
    assert main(args) == 0
    out, err = capsys.readouterr()
    text = Path(out.strip()).read_text(encoding="utf-8")
    assert "ISI:" not in text and err == ""
    assert text == (
        "# Dibuat dengan `ksd new agreement` pada 2025-06-30.\n"
        "id: KSD-6402-2025-001\n"
        "judul: TPA Regional\n"
        "jenis: ksdd_wajib\n"
        "urusan:\n"
        '  - "2.11"\n'
        "pihak:\n"
        "  - peran: pihak_kesatu\n"
        "    tipe: pemda\n"
        '    kode_wilayah: "64.02"\n'
        "  - peran: pihak_kedua\n"
        "    tipe: pemda\n"
        '    kode_wilayah: "64.72"\n'
        "tahapan:\n"
        "  - tahap: identifikasi\n"
        "    tanggal: 2025-06-30\n"
    )


def test_new_takes_the_next_free_id_for_the_region_and_year(
    fresh: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fresh / "data" / "agreements"
    (folder / "KSD-6402-2025-007.yaml").write_text("", encoding="utf-8")
    (folder / "KSD-6402-2024-011.yaml").write_text("", encoding="utf-8")
    (folder / "KSD-6471-2025-020.yaml").write_text("", encoding="utf-8")
    root = ["--root", str(fresh), "--as-of", AS_OF]
    assert main(["new", "agreement", *root]) == 0
    assert main(["new", "agreement", *root]) == 0
    assert main(["new", "agreement", "--tahun", "2024", *root]) == 0
    assert main(["new", "agreement", "--tahun", "2026", *root]) == 0
    assert main(["new", "potential", *root]) == 0
    names = [Path(line).name for line in capsys.readouterr().out.splitlines()]
    assert names == [
        "KSD-6402-2025-008.yaml",
        "KSD-6402-2025-009.yaml",
        "KSD-6402-2024-012.yaml",
        "KSD-6402-2026-001.yaml",
        "POT-6402-2025-001.yaml",
    ]
    assert next_id(["POT-64-2023-999"], "POT", "64", 2023) == "POT-64-2023-1000"


def test_new_finds_the_region_in_the_ids_without_a_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "r"
    (root / "data" / "agreements").mkdir(parents=True)
    (root / "data" / "agreements" / "KSD-64-2024-003.yaml").write_text("", encoding="utf-8")
    assert main(["new", "agreement", "--as-of", AS_OF, "--root", str(root)]) == 0
    assert capsys.readouterr().out.strip().endswith("KSD-64-2025-001.yaml")
    empty = tmp_path / "kosong"
    (empty / "data" / "agreements").mkdir(parents=True)
    assert main(["new", "agreement", "--as-of", AS_OF, "--root", str(empty)]) == 1
    assert '[daerah] kode = "64.02"' in capsys.readouterr().err


def test_new_potential_passes_validate(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["new", "potential", "--judul", "Lahan TPA regional", "--jenis", "ksdd_wajib"]
    assert main([*args, "--as-of", AS_OF, "--root", str(fresh)]) == 0
    path = Path(capsys.readouterr().out.strip())
    text = path.read_text(encoding="utf-8")
    assert "potensi: Lahan TPA regional\n" in text and "jenis_usulan: ksdd_wajib\n" in text
    assert "isu: 'ISI: ISU ATAU MASALAH LINTAS DAERAH'\n" in text
    report = validate_json(fresh, capsys)
    assert (report["exit"], report["findings"]) == (0, [])


def test_new_takes_a_supporting_urusan_and_rejects_an_unknown_one(
    fresh: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = ["--root", str(fresh), "--as-of", AS_OF]
    assert main(["new", "agreement", "--urusan", "9.99", *root]) == 1
    assert "ksd: kode urusan tidak dikenal: 9.99\n" in capsys.readouterr().err
    # v1.1: a supporting function ("5.02" keuangan) is an urusan; validate warns (R008)
    assert main(["new", "agreement", "--urusan", "5.02", *root]) == 0
    text = Path(capsys.readouterr().out.strip()).read_text(encoding="utf-8")
    assert 'urusan:\n  - "5.02"\n' in text
    codes = [f["code"] for f in validate_json(fresh, capsys)["findings"]]
    assert "R008" in codes and "R003" not in codes


def test_new_rejects_an_unknown_kind_or_partner(
    fresh: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = ["--root", str(fresh), "--as-of", AS_OF]
    assert main(["new", "agreement", "--jenis", "ksd_wajib", *root]) == 2
    assert main(["new", "agreement", "--mitra", "64.99", *root]) == 1
    assert "ksd: kode wilayah tidak dikenal: 64.99\n" in capsys.readouterr().err
    assert main(["new", "agreement", "--mitra", "64.99", *root, "--lang", "en"]) == 1
    assert "ksd: unknown region code: 64.99\n" in capsys.readouterr().err
    assert list((fresh / "data" / "agreements").glob("*.yaml")) == []


def test_new_never_waits_for_input_without_a_terminal(fresh: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "ksd_cli", "new", "agreement", "--as-of", AS_OF],
        cwd=fresh,
        stdin=subprocess.PIPE,  # open and never written to: a prompt would wait forever
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "data/agreements/KSD-6402-2025-001.yaml\n"


def _invoke_on_a_terminal(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, answers: str, *args: str
) -> Any:
    from typer.testing import CliRunner

    from ksd_cli.cli import app

    monkeypatch.setattr("ksd_cli.cli.new._interactive", lambda: True)
    return CliRunner().invoke(
        app,
        ["new", "agreement", "--as-of", AS_OF, "--root", str(fresh), *args],
        input=answers,
        catch_exceptions=False,
    )


def test_new_asks_for_missing_values_on_a_terminal(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _invoke_on_a_terminal(
        fresh, monkeypatch, "sinergi\nOptimasi Lahan Rawa\nKementerian Pertanian\n"
    )
    assert result.exit_code == 0, result.output
    text = (fresh / "data/agreements/KSD-6402-2025-001.yaml").read_text(encoding="utf-8")
    assert "jenis: sinergi\n" in text
    assert "judul: Optimasi Lahan Rawa\n" in text
    assert "    tipe: kementerian_lembaga\n    nama: Kementerian Pertanian\n" in text
    # The questions go to stderr: stdout is the path alone, for $EDITOR "$(ksd new agreement)".
    # (The test runner echoes the answers typed to stdout, as a terminal would show them.)
    assert result.stdout.splitlines()[-1].endswith("data/agreements/KSD-6402-2025-001.yaml")
    for question in ("Jenis kerja sama", "Judul kerja sama", "Mitra"):
        assert question in result.stderr and question not in result.stdout


def test_new_asks_again_for_a_wrong_partner_code(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _invoke_on_a_terminal(
        fresh, monkeypatch, "ksdd_wajib\nTPA Regional\n64.99\nPT Kaltim\n64.72\n"
    )
    assert result.exit_code == 0, result.output
    assert "unknown region code: 64.99" in result.stderr or "64.99" in result.stderr
    assert "--jenis ksdpk" in result.stderr
    text = (fresh / "data/agreements/KSD-6402-2025-001.yaml").read_text(encoding="utf-8")
    assert '    kode_wilayah: "64.72"\n' in text


@pytest.mark.parametrize("answers", ["", "ksdd_wajib\n"])
def test_ctrl_d_at_a_question_stops_with_130_and_writes_nothing(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, answers: str
) -> None:
    result = _invoke_on_a_terminal(fresh, monkeypatch, answers)
    assert result.exit_code == 130
    assert result.stderr.endswith("ksd: dihentikan\n")
    assert "data/agreements" not in result.stdout  # no path printed (the rest is the echo)
    assert list((fresh / "data" / "agreements").glob("*.yaml")) == []


def test_ctrl_c_at_a_question_stops_with_130(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("ksd_cli.cli.new._interactive", lambda: True)
    monkeypatch.setattr("typer.prompt", interrupted)
    assert main(["new", "agreement", "--as-of", AS_OF, "--root", str(fresh)]) == 130
    assert capsys.readouterr().err.endswith("ksd: dihentikan\n")


def test_new_with_a_partner_name_for_a_ksdd_suggests_ksdpk(
    fresh: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = ["--root", str(fresh), "--as-of", AS_OF]
    assert main(["new", "agreement", "--mitra", "PT Kaltim Lestari", *root]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "ksd: --mitra PT Kaltim Lestari: kerja sama ksdd_sukarela bermitra dengan pemerintah "
        "daerah, yang disebut dengan kode wilayahnya (mis. 64.72)\n"
    )
    assert "berikan --jenis ksdpk" in err
    assert (
        main(["new", "agreement", "--jenis", "ksdpk", "--mitra", "PT Kaltim Lestari", *root]) == 0
    )


def test_review_workflow_from_init_to_diff(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)

    root = tmp_path / "kerja-sama"
    assert main(["init", str(root), "--daerah", "64.02"]) == 0
    git("init", "-q", "-b", "main")
    git("config", "user.name", "Analis")
    git("config", "user.email", "analis@example.org")
    args = [
        "new",
        "agreement",
        "--jenis",
        "ksdd_sukarela",
        "--judul",
        "Pengelolaan Sampah",
        "--mitra",
        "64.72",
        "--urusan",
        "2.11",
        "--as-of",
        "2024-02-01",
        "--root",
        str(root),
    ]
    assert main(args) == 0
    path = root / "data/agreements/KSD-6402-2024-001.yaml"
    # The analyst records the signed KB, carelessly formatted, with a comment.
    text = path.read_text(encoding="utf-8").replace(
        "tahapan:",
        "naskah:\n- tanggal_ttd: '2024-03-04'   # KB ditandatangani di Tenggarong\n"
        "  jenis: kesepakatan_bersama\ntahapan:",
    )
    path.write_text(text, encoding="utf-8")
    assert main(["fmt", "--root", str(root)]) == 0
    formatted = path.read_text(encoding="utf-8")
    assert re.search(
        r"\n  - jenis: kesepakatan_bersama\n    tanggal_ttd: 2024-03-04 +# KB ditandatangani",
        formatted,
    )
    git("add", "-A")
    git("commit", "-q", "-m", "Tambah kerja sama sampah")
    git("switch", "-q", "-c", "pks")
    path.write_text(
        formatted.replace(
            "tahapan:", "  - jenis: perjanjian_kerja_sama\n    tanggal_ttd: 2025-01-20\ntahapan:"
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["diff", "--as-of", AS_OF, "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "1 diubah, 0 ditambahkan, 0 dihapus · tanda macet: 0 muncul, 1 teratasi" in out
    assert "tahap penandatanganan_kb → penandatanganan_pks · status aktif" in out
    assert re.search(r"\n    naskah\[2\]\.tanggal_ttd +\+ 2025-01-20\n", out)
    assert "teratasi  kb_tanpa_pks" in out
    # Six months later, nothing was done with the PKS: the reviewer sees it become stuck.
    assert main(["diff", "--as-of", "2025-08-01", "--root", str(root)]) == 0
    later = capsys.readouterr().out
    assert "MACET BARU  pks_tanpa_pelaksanaan" in later
    report = validate_repository(open_repository(root), as_of=date(2025, 8, 1))
    assert report.errors == 0
