"""``ksd init``: a data repository that validates, installs ksd as written and overwrites nothing."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from helpers import validate_json
from ruamel.yaml import YAML

from ksd_cli import __version__
from ksd_cli.cli import main
from ksd_cli.repository import open_repository

AS_OF = "2025-06-30"


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
    import subprocess

    subprocess.run(["git", "init", "-q", str(fresh)], check=True)
    names = ["data/agreements/A.yaml", "data/agreements/B.YAML", "data/potentials/C.Yml", "x.md"]
    eol = subprocess.run(
        ["git", "check-attr", "eol", "--", *names],
        cwd=fresh,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    # Records in any case of their suffix (ksd reads "B.YAML" too) are stored with LF.
    assert eol == [f"{n}: eol: {'unspecified' if n == 'x.md' else 'lf'}" for n in names]
    readme = (fresh / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Data Kerja Sama Daerah Kabupaten Kutai Kartanegara\n")
    for command in ("ksd new agreement", "ksd validate", "ksd fmt", "ksd diff", "ksd stalled"):
        assert command in readme


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
