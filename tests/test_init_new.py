"""ksd init and ksd new: a data repository that passes validation, records ready to fill in."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from ksd_cli import __version__
from ksd_cli.cli import main
from ksd_cli.fmt import format_text
from ksd_cli.repository import open_repository
from ksd_cli.scaffold import JENIS, KsdSource, init_files, ksd_source, next_id, zona_waktu
from ksd_cli.validate import validate_repository

AS_OF = "2025-06-30"


@pytest.fixture
def fresh(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "kerja-sama"
    assert main(["init", str(root), "--daerah", "64.02"]) == 0
    capsys.readouterr()
    return root


def validate_json(root: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code = main(["validate", "--root", str(root), "--as-of", AS_OF, "--format", "json"])
    report: dict[str, object] = json.loads(capsys.readouterr().out)
    report["exit"] = code
    return report


# ksd init ----------------------------------------------------------------------------------


def test_init_writes_a_repository_on_which_validate_passes(
    fresh: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    assert files == [
        ".gitattributes",
        ".github/workflows/ksd.yml",
        ".gitignore",
        ".gitlab-ci.yml",
        ".pre-commit-config.yaml",
        "README.md",
        "data/agreements/.gitkeep",
        "data/potentials/.gitkeep",
        "ksd.toml",
    ]
    config = tomllib.loads((fresh / "ksd.toml").read_text(encoding="utf-8"))
    assert config["daerah"] == {
        "kode": "64.02",
        "nama": "Kabupaten Kutai Kartanegara",
        "zona_waktu": "Asia/Makassar",
    }
    assert open_repository(fresh).config.stalled.kb_tanpa_pks == 365
    report = validate_json(fresh, capsys)
    assert report["exit"] == 0
    assert report["summary"] == {"files": 0, "records": 0, "errors": 0, "warnings": 0}


def test_init_hooks_and_ci_use_ksd(fresh: Path, project_root: Path) -> None:
    yaml = YAML(typ="safe")
    shipped = {h["id"]: h for h in yaml.load(project_root / ".pre-commit-hooks.yaml")}
    config = yaml.load(fresh / ".pre-commit-config.yaml")
    # By default ksd comes from the package index at this version, as pip in CI takes it.
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    assert [h["id"] for h in repo["hooks"]] == ["ksd-fmt", "ksd-validate"]
    for hook in repo["hooks"]:
        assert hook["additional_dependencies"] == [f"ksd-cli=={__version__}"]
        for key in ("entry", "language", "files", "require_serial"):
            assert hook[key] == shipped[hook["id"]][key], key

    workflow = yaml.load(fresh / ".github/workflows/ksd.yml")
    steps = workflow["jobs"]["periksa"]["steps"]
    runs = {s.get("name"): s for s in steps}
    assert steps[0]["with"]["fetch-depth"] == 0
    assert runs["Pasang ksd"]["run"] == f'pip install "ksd-cli=={__version__}"'
    assert runs["Validasi rekaman"]["run"] == "ksd validate --format github"
    assert runs["Format kanonik"]["run"] == "ksd fmt --check --diff"
    for name, command in (
        ("Kerja sama macet (ringkasan job)", "ksd stalled --format md"),
        ("Perubahan rekaman (ringkasan job)", 'ksd diff "origin/$BASE_REF...HEAD" --format md'),
    ):
        assert runs[name]["run"] == f'{command} >> "$GITHUB_STEP_SUMMARY"'
        assert runs[name]["if"] == "always() && github.event_name == 'pull_request'"
    assert set(workflow["on"]) == {"push", "pull_request"}

    gitlab = yaml.load(fresh / ".gitlab-ci.yml")
    assert gitlab["ksd"]["before_script"] == [f'pip install "ksd-cli=={__version__}"']
    script = gitlab["ksd"]["script"]
    # Every check runs even when validate fails; the job fails at the end.
    assert script[:3] == [
        "status=0",
        "ksd validate --format text || status=1",
        "ksd fmt --check --diff || status=1",
    ]
    assert script[-1] == 'exit "$status"'
    assert 'ksd diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME...HEAD" --format md' in script[3]
    assert "ksd stalled --format md > ksd-stalled.md || status=1" in script[3]
    assert "*.yaml text eol=lf" in (fresh / ".gitattributes").read_text(encoding="utf-8")
    readme = (fresh / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Data Kerja Sama Daerah Kabupaten Kutai Kartanegara\n")
    for command in ("ksd new agreement", "ksd validate", "ksd fmt", "ksd diff", "ksd stalled"):
        assert command in readme


@pytest.mark.parametrize(
    ("kode", "zona"),
    [
        ("11.01", "Asia/Jakarta"),
        ("31.71", "Asia/Jakarta"),
        ("62.01", "Asia/Jakarta"),  # Kalimantan Tengah is WIB
        ("51.03", "Asia/Makassar"),
        ("52", "Asia/Makassar"),
        ("53.01", "Asia/Makassar"),
        ("63", "Asia/Makassar"),
        ("64.02", "Asia/Makassar"),
        ("65", "Asia/Makassar"),
        ("71.71", "Asia/Makassar"),
        ("76", "Asia/Makassar"),
        ("81.01", "Asia/Jayapura"),
        ("82", "Asia/Jayapura"),
        ("91.03", "Asia/Jayapura"),
        ("96", "Asia/Jayapura"),
    ],
)
def test_time_zone_follows_the_province(kode: str, zona: str) -> None:
    assert zona_waktu(kode) == zona


def test_init_takes_the_name_of_a_province_and_a_code_without_dot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "a"), "--daerah", "51"]) == 0
    assert main(["init", str(tmp_path / "b"), "--daerah", "9403"]) == 0
    first = tomllib.loads((tmp_path / "a" / "ksd.toml").read_text(encoding="utf-8"))
    second = tomllib.loads((tmp_path / "b" / "ksd.toml").read_text(encoding="utf-8"))
    assert first["daerah"]["nama"] == "Provinsi Bali"
    assert first["daerah"]["zona_waktu"] == "Asia/Makassar"
    assert second["daerah"]["kode"] == "94.03"
    assert second["daerah"]["zona_waktu"] == "Asia/Jayapura"
    assert "Provinsi Bali" in (tmp_path / "a" / "README.md").read_text(encoding="utf-8")


def test_init_refuses_to_overwrite_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ada"
    (target / "data" / "agreements").mkdir(parents=True)
    (target / "README.md").write_text("punya kami\n", encoding="utf-8")
    (target / "data" / "agreements" / ".gitkeep").write_text("", encoding="utf-8")
    assert main(["init", str(target), "--daerah", "64.02"]) == 1
    err = capsys.readouterr().err
    assert "berkas sudah ada, tidak ada yang ditulis: README.md, data/agreements/.gitkeep" in err
    assert (target / "README.md").read_text(encoding="utf-8") == "punya kami\n"
    assert not (target / "ksd.toml").exists()


def test_init_skip_existing_adds_ksd_to_a_repository_with_a_readme(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "ada"
    target.mkdir()
    (target / "README.md").write_text("punya kami\n", encoding="utf-8")
    assert main(["init", str(target), "--daerah", "64.02", "--skip-existing"]) == 0
    out = capsys.readouterr().out
    assert f"sudah ada, dibiarkan: {target / 'README.md'}" in out
    assert f"dibuat: {target / 'ksd.toml'}" in out
    assert (target / "README.md").read_text(encoding="utf-8") == "punya kami\n"
    assert (target / ".pre-commit-config.yaml").is_file()


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def test_no_placeholder_and_no_made_up_tag_in_any_generated_file(tmp_path: Path) -> None:
    clone = tmp_path / "ksd"
    clone.mkdir()
    _git(clone, "init", "-q", "-b", "main")
    (clone / "README.md").write_text("ksd\n", encoding="utf-8")
    _git(clone, "add", ".")
    _git(clone, "commit", "-q", "-m", "one")
    head = _git(clone, "rev-parse", "HEAD")
    # Without the tag of this version, the latest commit; with it, the tag.
    untagged = ksd_source(str(clone))
    assert untagged == KsdSource(str(clone.resolve()), head)
    _git(clone, "tag", f"v{__version__}")
    assert ksd_source(str(clone)).rev == f"v{__version__}"
    for source in (KsdSource(), untagged):
        for item in init_files("64", source=source):
            assert not re.search(r"OWNER|@[A-Z_]+@|\bv@", item.text), item.path
            if source.url is not None and item.path == ".pre-commit-config.yaml":
                (repo,) = YAML(typ="safe").load(item.text)["repos"]
                assert (repo["repo"], repo["rev"]) == (str(clone.resolve()), head)
            if item.path == ".github/workflows/ksd.yml":
                assert f'pip install "{source.requirement}"' in item.text
    assert untagged.requirement == f"ksd-cli @ git+{clone.resolve().as_uri()}@{head}"


def test_init_with_a_source_that_is_not_a_git_repository_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["init", str(tmp_path / "x"), "--daerah", "64.02", "--ksd-source", str(tmp_path)]
    assert main(args) == 1
    assert f"--ksd-source {tmp_path}: repositori git ksd tidak dapat dibaca" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "x").exists()


def test_init_with_an_unknown_region_code_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "x"), "--daerah", "64.99"]) == 1
    err = capsys.readouterr().err
    assert "ksd: kode wilayah tidak dikenal: 64.99\n" in err
    assert main(["init", str(tmp_path / "y"), "--daerah", "91.02", "--lang", "en"]) == 1
    assert "pre-2022 code of Kabupaten Jayawijaya; its code is now 95.01" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "y").exists()


# ksd new -----------------------------------------------------------------------------------


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
    # The placeholder partner carries the owner's own code: validate points at it (C013)
    # until the partner is filled in; nothing else is reported.
    report = validate_json(fresh, capsys)
    assert report["exit"] == 1
    assert [(f["code"], f["line"]) for f in report["findings"]] == [
        ("C013", _line_of(text, "kode_wilayah", 2))
    ]


@pytest.mark.parametrize("jenis", JENIS)
def test_new_agreement_of_every_kind_passes_validate(
    fresh: Path, jenis: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["new", "agreement", "--jenis", jenis, "--judul", "Kerja Sama Uji", "--root", str(fresh)]
    assert main([*args, "--as-of", AS_OF]) == 0
    capsys.readouterr()
    report = validate_json(fresh, capsys)
    if jenis.startswith("ksdd_"):
        # The placeholder partner region is the owner's own until filled in (C013).
        assert [f["code"] for f in report["findings"]] == ["C013"]
    else:
        assert (report["exit"], report["findings"]) == (0, [])
    repository = open_repository(fresh)
    (source,) = repository.source_files()
    text = source.path.read_text(encoding="utf-8")
    assert f"jenis: {jenis}\n" in text
    assert "judul: Kerja Sama Uji\n" in text


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


# The "done when" ---------------------------------------------------------------------


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
