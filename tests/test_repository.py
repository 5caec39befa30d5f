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
