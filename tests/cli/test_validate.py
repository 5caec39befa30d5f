"""``ksd validate``: exit codes, output formats, languages, paths, configuration."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from gitrepos import AGR, PASAR, POT, commit, git, put
from gitrepos import AS_OF as GIT_AS_OF
from gitrepos import DAY as GIT_DAY

from ksd_cli.cli import main
from ksd_cli.repository import open_repository
from ksd_cli.validate import validate_repository

AS_OF = "2025-06-30"


def break_record(repo: Path, name: str, old: str, new: str) -> Path:
    path = repo / "data" / "agreements" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_clean_sample_prints_a_summary_and_exits_0(
    project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["validate", "--root", str(project_root), "--as-of", AS_OF, "--format", "text"]) == 0
    )
    out = capsys.readouterr().out
    assert "39 berkas, 39 rekaman: 0 galat, 0 peringatan" in out


def test_errors_exit_1_and_json_equals_the_library_result(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    break_record(sample_repo, "KSD-6402-2022-002.yaml", "tanggal_ttd:", "tangal_ttd:")
    code = main(["validate", "--root", str(sample_repo), "--as-of", AS_OF, "--format", "json"])
    printed = json.loads(capsys.readouterr().out)
    library = validate_repository(open_repository(sample_repo), as_of=date.fromisoformat(AS_OF))
    assert code == 1
    assert printed == library.as_dict()
    (finding,) = printed["findings"]
    assert finding["code"] == "S002"
    assert "maksudnya `tanggal_ttd`?" in finding["message"]


def test_text_output_is_grouped_by_file_with_positions(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    break_record(
        sample_repo, "KSD-6402-2022-002.yaml", 'kode_wilayah: "64.71"', "kode_wilayah: 64.71"
    )
    break_record(
        sample_repo, "KSD-6402-2023-002.yaml", "jenis: ksdd_sukarela", "jenis: ksdd-sukarela"
    )
    assert main(["validate", "--root", str(sample_repo), "--as-of", AS_OF, "-f", "text"]) == 1
    lines = capsys.readouterr().out.splitlines()
    first = [line for line in lines if line.startswith("data/agreements/KSD-6402-2022-002.yaml:")]
    assert len(first) == 1 and " error S004 " in first[0]
    assert any(line.strip() == 'petunjuk: tulis: "64.71"' for line in lines)
    assert not any("hint:" in line for line in lines)
    second = [line for line in lines if line.startswith("data/agreements/KSD-6402-2023-002.yaml:")]
    assert len(second) == 1 and " error S005 " in second[0]
    assert lines[-1] == "39 berkas, 37 rekaman: 2 galat, 0 peringatan"  # two files do not load


def test_warnings_fail_only_under_strict(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A deputy who signs without a power of attorney is a warning (C009).
    break_record(
        sample_repo,
        "KSD-6402-2022-002.yaml",
        "jabatan: Bupati Kutai Kartanegara",
        "jabatan: Wakil Bupati Kutai Kartanegara",
    )
    args = ["validate", "--root", str(sample_repo), "--as-of", AS_OF, "-f", "json"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["warnings"] == 1
    assert main([*args, "--strict"]) == 1


def test_paths_limit_the_report_but_references_use_the_whole_repository(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    break_record(sample_repo, "KSD-6402-2022-002.yaml", "tanggal_ttd:", "tangal_ttd:")
    target = sample_repo / "data" / "agreements" / "KSD-6402-2020-001.yaml"  # names potentials
    assert (
        main(["validate", str(target), "--root", str(sample_repo), "--as-of", AS_OF, "-f", "json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["findings"] == [] and data["summary"]["files"] == 1


def test_github_format_writes_workflow_annotations(
    sample_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    break_record(sample_repo, "KSD-6402-2022-002.yaml", "tanggal_ttd:", "tangal_ttd:")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["validate", "--root", str(sample_repo), "--as-of", AS_OF]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=data/agreements/KSD-6402-2022-002.yaml,line=")
    assert ",title=S002 unknown-key::" in first


def test_english_messages_with_lang_or_environment(
    sample_repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    break_record(sample_repo, "KSD-6402-2022-002.yaml", "tanggal_ttd:", "tangal_ttd:")
    args = ["validate", "--root", str(sample_repo), "--as-of", AS_OF, "-f", "json"]
    main([*args, "--lang", "en"])
    assert "did you mean `tanggal_ttd`?" in capsys.readouterr().out
    monkeypatch.setenv("KSD_LANG", "en")
    main(args)
    assert "unknown key" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "--format", "xml"],
        ["validate", "--as-of", "2025-02-30"],
        ["validate", "--lang", "fr"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(
    args: list[str], project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, "--root", str(project_root)] if args[0] == "validate" else args) == 2
    assert capsys.readouterr().err.strip()


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("[validate]\nignor = []\n", "ksd.toml:2:1: [validate] ignor"),
        ("[stalled]\nkb_tanpa_pks = 'setahun'\n", "ksd.toml:2:16: [stalled] kb_tanpa_pks"),
        ("[daerah]\nzona_waktu = 'Asia/Tokyo'\n", "ksd.toml:2:14: [daerah] zona_waktu"),
        ("[validate]\nignore = ['X999']\n", "X999"),
        ("[daerah\nkode = 1\n", "ksd.toml:1:8:"),
    ],
)
def test_bad_configuration_is_a_readable_user_error(
    toml: str, expected: str, sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (sample_repo / "ksd.toml").write_text(toml, encoding="utf-8")
    assert main(["validate", "--root", str(sample_repo)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ksd: ksd.toml") and expected in err


def test_ignore_in_configuration_switches_a_rule_off(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    break_record(sample_repo, "KSD-6402-2022-002.yaml", "tanggal_ttd:", "tangal_ttd:")
    (sample_repo / "ksd.toml").write_text(
        '[validate]\nignore = ["unknown-key"]\n', encoding="utf-8"
    )
    assert main(["validate", "--root", str(sample_repo), "--as-of", AS_OF, "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_paths_may_be_folders(project_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    potentials = project_root / "data" / "potentials"
    assert main(["validate", str(potentials), "--root", str(project_root), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["files"] == len(
        list(potentials.glob("*.yaml"))
    )


def test_a_path_outside_the_record_folders_is_refused(
    project_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(project_root / "README.md"), "--root", str(project_root)]) == 1
    assert "bukan berkas rekaman" in capsys.readouterr().err


def test_english_summary_line(project_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "validate",
                "--root",
                str(project_root),
                "--as-of",
                AS_OF,
                "--lang",
                "en",
                "-f",
                "text",
            ]
        )
        == 0
    )
    assert (
        capsys.readouterr().out.strip().splitlines()[-1]
        == "files: 39, records: 39; errors: 0, warnings: 0"
    )


@pytest.mark.parametrize("value", ["20250630", "2025-W26-1", "2025-6-30", "２０２５-06-30"])
def test_as_of_takes_exactly_yyyy_mm_dd(
    sample_repo: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    assert main(["validate", "--root", str(sample_repo), "--as-of", value]) == 2
    assert "--as-of" in capsys.readouterr().err


def text_outputs(
    repo: Path, capsys: pytest.CaptureFixture[str], judul: str, bad_name: str
) -> dict[str, str]:
    """What the text forms print (stdout and stderr) for the sample with one record's title
    set to ``judul`` (YAML text) and a broken record file named ``bad_name``, by command."""
    break_record(
        repo,
        "KSD-6402-2019-001.yaml",
        "judul: Ketahanan Pangan dan Distribusi Beras Antardaerah",
        f"judul: {judul}",
    )
    (repo / "data" / "agreements" / bad_name).write_text("id: [\n", encoding="utf-8")
    root = ["--root", str(repo), "--as-of", AS_OF]
    outputs = {}
    for args in (
        ["validate", *root, "-f", "text"],
        ["stalled", *root],
        ["show", "KSD-6402-2019-001", *root],
        ["draft", "KSD-6402-2019-001", "--naskah", "perjanjian_kerja_sama", *root, "-o", "-"],
    ):
        main(args)
        captured = capsys.readouterr()
        outputs[args[0]] = captured.out + captured.err
    return outputs


def test_escape_sequences_from_records_and_file_names_never_reach_the_terminal(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = text_outputs(
        sample_repo, capsys, '"\\e[2J\\e[HOK\\e]0;judul\\a Pangan"', "x\x1b[2J\x9b1m.yaml"
    )
    for text in outputs.values():
        assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text
    assert "OK Pangan" in outputs["show"]


def test_record_text_and_file_names_are_shown_as_typed_never_as_emoji_or_markup(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # rich turns ":smile:" into an emoji even in escaped text: every text form turns it off.
    outputs = text_outputs(
        sample_repo, capsys, '"Pangan :smile: [bold]Beras[/bold] :+1:"', ":smile: [b]x.yaml"
    )
    for command, text in outputs.items():
        assert "\N{SMILING FACE WITH OPEN MOUTH AND SMILING EYES}" not in text, command
        assert "\N{THUMBS UP SIGN}" not in text, command
    assert ":smile: [b]x.yaml" in outputs["validate"]
    assert ":smile: [b]x.yaml" in outputs["stalled"]
    assert "Pangan :smile: [bold]Beras[/bold] :+1:" in " ".join(outputs["show"].split())


# --changed-since: a data repository under git -------------------------------------------------


def changed_findings(
    root: Path, capsys: pytest.CaptureFixture[str], *args: str
) -> list[tuple[str, str]]:
    main(["validate", *args, "--format", "json", "--as-of", GIT_AS_OF, "--root", str(root)])
    report = json.loads(capsys.readouterr().out)
    return sorted((f["path"].rsplit("/", 1)[1], f["rule"]) for f in report["findings"])


def test_changed_since_reports_the_changed_files_and_what_they_break_elsewhere(
    git_findings_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = git_findings_repo
    everything = changed_findings(root, capsys)
    assert everything == [
        ("KSD-6402-2025-001.yaml", "penandatangan-tanpa-surat-kuasa"),
        ("KSD-6402-2025-002.yaml", "unknown-urusan"),
    ]
    # Nothing changed yet: nothing to report.
    assert changed_findings(root, capsys, "--changed-since", "main") == []
    # The potential is removed (committed) and a new record with a mistake is left untracked.
    (root / POT / "POT-6402-2024-001.yaml").unlink()
    commit(root, "Hapus potensi")
    put(
        root,
        f"{AGR}/KSD-6402-2026-001.yaml",
        PASAR.replace("2025-002", "2026-001").replace('"64.08"', '"64.99"'),
    )
    assert changed_findings(root, capsys, "--changed-since", "main") == [
        # Caused by the change: the agreement still names the removed potential. Its old
        # signer warning is not the change's doing and is not reported.
        ("KSD-6402-2025-001.yaml", "unknown-potensi"),
        ("KSD-6402-2026-001.yaml", "unknown-kode-wilayah"),
    ]
    repository = open_repository(root)
    library = validate_repository(
        repository,
        as_of=GIT_DAY,
        paths=["data/agreements/KSD-6402-2026-001.yaml"],
        changed_ids=["POT-6402-2024-001", "KSD-6402-2026-001"],
    )
    assert [d.rule for d in library.diagnostics] == ["unknown-potensi", "unknown-kode-wilayah"]


def test_changed_since_catches_an_id_copied_into_a_new_file(
    git_findings_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = git_findings_repo
    put(root, f"{AGR}/KSD-6402-2026-001.yaml", PASAR)  # a copy that kept the old id
    # The original is reported for the duplicate, not for its old unknown urusan.
    assert changed_findings(root, capsys, "--changed-since", "main") == [
        ("KSD-6402-2025-002.yaml", "duplicate-id"),
        ("KSD-6402-2026-001.yaml", "duplicate-id"),
        ("KSD-6402-2026-001.yaml", "id-mismatch"),
    ]


def test_changed_since_with_a_changed_configuration_checks_everything(
    git_findings_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = git_findings_repo
    config = root / "ksd.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert changed_findings(root, capsys, "--changed-since", "main") == changed_findings(
        root, capsys
    )


def test_changed_since_and_paths_together_is_a_usage_error(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(git_repo / AGR / "KSD-6402-2025-001.yaml")
    assert main(["validate", path, "--changed-since", "main", "--root", str(git_repo)]) == 2
    assert "--changed-since" in capsys.readouterr().err


def test_changed_since_reports_the_record_a_new_duplicate_registration_names(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # C016 (registrasi-ganda) is found in both records: the unchanged one too, since the new
    # file is what makes it a duplicate.
    root = git_repo
    put(root, f"{AGR}/KSD-6402-2026-001.yaml", PASAR.replace("2025-002", "2026-001"))
    assert changed_findings(root, capsys, "--changed-since", "main") == [
        ("KSD-6402-2025-002.yaml", "registrasi-ganda"),
        ("KSD-6402-2026-001.yaml", "registrasi-ganda"),
    ]


def test_changed_since_reports_a_record_file_named_in_capitals(
    git_findings_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A whole run reads "X.YAML" as a record (Windows tools save such names); the changed
    # files' run read only ".yaml" and ".yml", and was silent on it.
    root = git_findings_repo
    put(
        root,
        f"{AGR}/KSD-6402-2026-001.YAML",
        PASAR.replace("2025-002", "2026-001").replace('"64.08"', '"64.99"'),
    )
    expected = [("KSD-6402-2026-001.YAML", "unknown-kode-wilayah")]
    assert [f for f in changed_findings(root, capsys) if f[0].endswith("YAML")] == expected
    assert changed_findings(root, capsys, "--changed-since", "main") == expected


def test_changed_since_reports_a_record_moved_into_a_sub_folder(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = git_repo
    git(root, "switch", "-q", "-c", "arsip")
    archive = root / AGR / "arsip"
    archive.mkdir()
    (root / AGR / "KSD-6402-2025-002.yaml").rename(archive / "KSD-6402-2025-002.yaml")
    (archive / "KSD-6402-2019-009.yaml").write_text("id: [broken\n", encoding="utf-8")
    assert changed_findings(root, capsys, "--changed-since", "main") == [
        ("KSD-6402-2019-009.yaml", "record-in-subfolder"),
        ("KSD-6402-2025-002.yaml", "record-in-subfolder"),
    ]
    commit(root, "Arsipkan")  # moved and committed: changed since main all the same
    assert changed_findings(root, capsys, "--changed-since", "main") == [
        ("KSD-6402-2019-009.yaml", "record-in-subfolder"),
        ("KSD-6402-2025-002.yaml", "record-in-subfolder"),
    ]
    assert changed_findings(root, capsys, "--changed-since", "HEAD") == []
