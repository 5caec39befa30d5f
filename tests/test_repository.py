"""The data repository on disk: its record files, and nothing outside it read or written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ksd_cli.cli import main
from ksd_cli.errors import UserError
from ksd_cli.repository import open_repository

SECRET = "RAHASIA-CI-TOKEN-12345"
RECORD = "data/agreements/KSD-6402-2020-001.yaml"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder next to the repository, with a record-shaped file holding a secret."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "KSD-6402-2099-001.yaml").write_text(
        f"id: KSD-6402-2099-001\njudul: {SECRET}\n", encoding="utf-8"
    )
    return folder


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KSD_LANG", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def validate_json(root: Path, capsys: pytest.CaptureFixture[str], *paths: str) -> dict[str, object]:
    code = main(
        ["validate", "--root", str(root), "--format", "json", "--as-of", "2025-06-30", *paths]
    )
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert SECRET not in out + err
    data: dict[str, object] = json.loads(out)
    return data


def codes_by_path(report: dict[str, object]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for d in report["findings"]:  # type: ignore[attr-defined]
        found.setdefault(d["path"], []).append(d["code"])
    return found


@pytest.mark.parametrize("key", ["agreements", "potentials", "templates"])
@pytest.mark.parametrize("value", ["../outside", "/etc", "data/../../outside"])
def test_paths_leading_outside_the_repository_are_refused(
    sample_repo: Path, outside: Path, key: str, value: str
) -> None:
    (sample_repo / "ksd.toml").write_text(f'[paths]\n{key} = "{value}"\n', encoding="utf-8")
    with pytest.raises(UserError) as caught:
        open_repository(sample_repo)
    assert f'[paths] {key} = "{value}"' in caught.value.message
    assert "luar repositori" in caught.value.message
    assert "outside the repository" in caught.value.text("en")


def test_a_record_folder_linked_outside_is_refused(sample_repo: Path, outside: Path) -> None:
    (sample_repo / "ksd.toml").write_text('[paths]\npotentials = "pot"\n', encoding="utf-8")
    (sample_repo / "pot").symlink_to(outside)
    with pytest.raises(UserError, match="potentials"):
        open_repository(sample_repo)


def test_paths_inside_the_repository_still_work(sample_repo: Path) -> None:
    (sample_repo / "data" / "agreements").rename(sample_repo / "kerjasama")
    (sample_repo / "ksd.toml").write_text('[paths]\nagreements = "./kerjasama"\n', "utf-8")
    repo = open_repository(sample_repo)
    assert len([s for s in repo.source_files() if s.kind == "agreement"]) == 26


def test_fmt_never_rewrites_a_file_outside(
    sample_repo: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (sample_repo / "ksd.toml").write_text('[paths]\nagreements = "../outside"\n', "utf-8")
    before = (outside / "KSD-6402-2099-001.yaml").read_bytes()
    assert main(["fmt", "--root", str(sample_repo)]) == 1
    assert "luar repositori" in capsys.readouterr().err
    assert (outside / "KSD-6402-2099-001.yaml").read_bytes() == before


def test_record_files_that_are_links_or_fifos_are_findings_and_the_rest_is_checked(
    sample_repo: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agreements = sample_repo / "data" / "agreements"
    (agreements / "KSD-6402-2030-001.yaml").symlink_to(outside / "KSD-6402-2099-001.yaml")
    (agreements / "KSD-6402-2030-002.yaml").symlink_to(outside / "missing.yaml")  # dangling
    (agreements / "KSD-6402-2030-003.yaml").symlink_to("KSD-6402-2030-003.yaml")  # a loop
    os.mkfifo(agreements / "KSD-6402-2030-004.yaml")  # would block a plain open()
    inner = agreements / "KSD-6402-2030-005.yaml"
    inner.symlink_to(agreements / "KSD-6402-2020-001.yaml")  # even inside the repository
    report = validate_json(sample_repo, capsys)
    found = codes_by_path(report)
    for n in range(1, 6):
        assert found[f"data/agreements/KSD-6402-2030-00{n}.yaml"] == ["Y011"]
    # Every other record is still checked: the sample alone is clean.
    assert {p for p in found if "2030" not in p} == set()
    assert report["summary"]["files"] == 39 + 5  # type: ignore[index]


def test_a_link_named_on_the_command_line_is_a_finding_not_followed(
    sample_repo: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = sample_repo / "data" / "agreements" / "KSD-6402-2030-001.yaml"
    link.symlink_to(outside / "KSD-6402-2099-001.yaml")
    report = validate_json(sample_repo, capsys, str(link))
    assert codes_by_path(report) == {"data/agreements/KSD-6402-2030-001.yaml": ["Y011"]}


def test_an_upper_case_suffix_is_a_record_too(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = sample_repo / RECORD
    source.rename(source.with_suffix(".YAML"))
    repo = open_repository(sample_repo)
    assert "data/agreements/KSD-6402-2020-001.YAML" in {s.rel for s in repo.source_files()}
    report = validate_json(sample_repo, capsys)
    assert report["summary"]["files"] == 39  # type: ignore[index]


def test_an_unreadable_file_is_a_finding(
    sample_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, where chmod 000 does not stop a read: simulate the refusal.
    real_open = os.open
    target = str(sample_repo / RECORD)

    def refusing(path: str | os.PathLike[str], *args: object, **kwargs: object) -> int:
        if os.fspath(path) == target:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing)
    report = validate_json(sample_repo, capsys)
    assert codes_by_path(report)[RECORD] == ["Y011"]
    messages = [d["message"] for d in report["findings"]]  # type: ignore[attr-defined]
    assert any("Permission denied" in m for m in messages)


# The rules named in [validate] ignore exist --------------------------------------------------


def _ignore(repo: Path, names: str) -> None:
    config = repo / "ksd.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + f"\n[validate]\nignore = [{names}]\n",
        encoding="utf-8",
    )


def test_ignored_rules_may_be_named_by_code_or_name(sample_repo: Path) -> None:
    _ignore(sample_repo, '"c006", "pks-sebelum-kb"')
    assert open_repository(sample_repo).config.validate_.ignore == ["c006", "pks-sebelum-kb"]


def test_an_unknown_ignored_rule_is_a_user_error(sample_repo: Path) -> None:
    _ignore(sample_repo, '"C006", "no-such-rule", "X999"')
    with pytest.raises(UserError) as caught:
        open_repository(sample_repo)
    assert caught.value.text("en").endswith("unknown rules: no-such-rule, X999")
    assert "aturan yang tidak dikenal: no-such-rule, X999" in caught.value.text("id")


def test_a_path_through_a_link_loop_on_the_command_line_is_a_user_error(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = sample_repo / "data" / "agreements" / "loop"
    loop.symlink_to("loop")
    code = main(["validate", "--root", str(sample_repo), str(loop / "KSD-6402-2020-001.yaml")])
    err = capsys.readouterr().err
    assert code == 1
    assert "internal error" not in err and "loop/KSD-6402-2020-001.yaml" in err


@pytest.mark.parametrize(
    ("name", "record"),
    [
        ("KSD-6402-2024-001.yaml", True),
        ("a.YML", True),
        (".a.yaml", True),
        ("x..yml", True),
        (".yaml", False),  # a hidden file without a suffix, as os.path.splitext sees it
        ("..yml", False),
        ("a.yaml.bak", False),
        ("yaml", False),
        ("a.yaml ", False),
    ],
)
def test_a_record_name_ends_in_a_yaml_suffix(name: str, record: bool) -> None:
    from ksd_cli.repository import RECORD_SUFFIXES, is_record_name

    assert is_record_name(name) is record
    assert record is (os.path.splitext(name)[1].lower() in RECORD_SUFFIXES)
    # A record's stem is its name less that suffix, whatever its case; none for another.
    from ksd_cli.repository import record_stem

    assert record_stem(name) == (os.path.splitext(name)[0] if record else None)


NESTED = "data/agreements/arsip/KSD-6402-2019-009.yaml"


def _archived(root: Path) -> Path:
    """The QA case: a record "archived" into a sub-folder, and a broken file next to it."""
    archive = root / "data" / "agreements" / "arsip"
    archive.mkdir()
    (root / "data" / "agreements" / "KSD-6402-2019-001.yaml").rename(
        archive / "KSD-6402-2019-001.yaml"
    )
    (archive / "KSD-6402-2019-009.yaml").write_text("id: [broken\n", encoding="utf-8")
    return archive


def test_record_files_in_sub_folders_are_listed_marked_and_never_followed(
    sample_repo: Path, outside: Path
) -> None:
    archive = _archived(sample_repo)
    (archive / "2018" / "lama.yml").mkdir(parents=True)  # a folder named like a record
    (archive / "2018" / "lama.yml" / "KSD-6402-2018-001.YAML").write_text("x", encoding="utf-8")
    (archive / "catatan.md").write_text("bukan rekaman", encoding="utf-8")
    (archive / "tautan").symlink_to(outside, target_is_directory=True)  # never entered
    (sample_repo / "data" / "potentials" / "lama").mkdir()
    (sample_repo / "data" / "potentials" / "lama" / "POT-6402-2020-009.yaml").touch()
    sources = open_repository(sample_repo).source_files()
    nested = [(s.rel, s.kind, s.path) for s in sources if s.not_regular == "subfolder"]
    assert nested == [
        (
            "data/agreements/arsip/KSD-6402-2019-001.yaml",
            "agreement",
            archive / "KSD-6402-2019-001.yaml",
        ),
        (
            "data/agreements/arsip/KSD-6402-2019-009.yaml",
            "agreement",
            archive / "KSD-6402-2019-009.yaml",
        ),
        (
            "data/agreements/arsip/2018/lama.yml/KSD-6402-2018-001.YAML",
            "agreement",
            archive / "2018" / "lama.yml" / "KSD-6402-2018-001.YAML",
        ),
        (
            "data/potentials/lama/POT-6402-2020-009.yaml",
            "potential",
            sample_repo / "data" / "potentials" / "lama" / "POT-6402-2020-009.yaml",
        ),
    ]
    assert len(sources) == 38 + 4
    assert all(s.not_regular is None for s in sources if s.rel.count("/") == 2)


def test_a_record_file_in_a_sub_folder_is_an_error_at_its_first_line(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _archived(sample_repo)
    for _ in ("cold", "warm"):  # the cache gives the very same findings
        assert main(["validate", "--root", str(sample_repo), "--as-of", "2025-06-30"]) == 1
        out = capsys.readouterr().out
        assert out.splitlines()[:2] == [
            "data/agreements/arsip/KSD-6402-2019-001.yaml:1:1: error Y015 berkas ini ada di "
            "subfolder `data/agreements/arsip` dan tidak dibaca sebagai rekaman; rekaman "
            "disimpan satu berkas langsung di folder rekamannya",
            "    petunjuk: pindahkan ke folder rekaman itu sendiri (kerja sama yang sudah "
            "berakhir tetap di sana dengan statusnya), atau keluarkan dari folder data",
        ]
        assert "data/agreements/arsip/KSD-6402-2019-009.yaml:1:1: error Y015" in out
        assert out.splitlines()[-1] == "40 berkas, 38 rekaman: 2 galat, 0 peringatan"
    report = validate_json(sample_repo, capsys)
    assert codes_by_path(report) == {
        "data/agreements/arsip/KSD-6402-2019-001.yaml": ["Y015"],
        "data/agreements/arsip/KSD-6402-2019-009.yaml": ["Y015"],
    }
    # Named on the command line (as a pre-commit hook names it): the same finding.
    named = validate_json(sample_repo, capsys, str(sample_repo / NESTED))
    assert codes_by_path(named) == {NESTED: ["Y015"]}
    assert main(["validate", "--root", str(sample_repo), "-f", "github", "--lang", "en"]) == 1
    assert (
        "::error file=data/agreements/arsip/KSD-6402-2019-009.yaml,line=1,col=1,"
        "title=Y015 record-in-subfolder::this file is in the sub-folder `data/agreements/arsip` "
        "and is not read as a record" in capsys.readouterr().out
    )


def test_a_record_file_in_a_sub_folder_may_be_ignored_like_any_rule(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _archived(sample_repo)
    _ignore(sample_repo, '"record-in-subfolder"')
    report = validate_json(sample_repo, capsys)
    assert codes_by_path(report) == {}


def test_fmt_does_not_call_a_record_file_in_a_sub_folder_tidy(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = _archived(sample_repo)
    before = (archive / "KSD-6402-2019-001.yaml").read_bytes()
    assert main(["fmt", "--check", "--root", str(sample_repo), "--lang", "en"]) == 1
    out, err = capsys.readouterr()
    assert (
        "data/agreements/arsip/KSD-6402-2019-001.yaml:1:1: cannot be formatted: this file is in "
        "the sub-folder `data/agreements/arsip` and is not read as a record" in err
    )
    assert out.splitlines()[-1] == "0 files would be formatted, 38 unchanged, 2 failed"
    assert (archive / "KSD-6402-2019-001.yaml").read_bytes() == before
