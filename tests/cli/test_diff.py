"""``ksd diff``: text for a reviewer, Markdown for a job summary, JSON equal to the library's."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from gitrepos import AGR, AS_OF, DAY, POT, POTENSI, SAMPAH, commit, git, put

from ksd_cli.cli import main
from ksd_cli.diff import semantic_diff
from ksd_cli.gitio import GitError, open_git
from ksd_cli.repository import open_repository

pytestmark = pytest.mark.usefixtures("hermetic_git")


def test_text_output_fits_a_reviewers_screen(
    git_branched: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "main", "pks", "--as-of", AS_OF, "--root", str(git_branched)]) == 0
    lines = capsys.readouterr().out.splitlines()
    main_short = git(git_branched, "rev-parse", "--short", "main").strip()
    assert lines[0].startswith(f"ksd diff main ({main_short}) → pks (")
    assert lines[0].endswith("· per 2026-06-30")
    # Two of each: the PKS's flags, and the stalled market proposal removed and added anew.
    assert lines[1] == "1 diubah, 1 ditambahkan, 1 dihapus · tanda macet: 2 muncul, 2 teratasi"
    assert "~ KSD-6402-2025-001  Pengelolaan Sampah Regional" in lines
    assert "    tahap penandatanganan_kb → penandatanganan_pks · status aktif" in lines
    assert "    naskah[2].jenis        + perjanjian_kerja_sama" in lines
    assert "    naskah[2].tanggal_ttd  + 2025-09-15" in lines
    assert "    tahapan[1].tanggal     2025-01-10 → 2025-01-13" in lines
    assert (
        "    MACET BARU  pks_tanpa_pelaksanaan: PKS ditandatangani 15 September 2025; belum ada "
        "pelaksanaan maupun monev setelah 288 hari (batas 180 hari)" in lines
    )
    assert "    teratasi  kb_tanpa_pks" in lines
    assert "- KSD-6402-2025-002  Pasar Induk Bersama  (dihapus)" in lines
    assert "+ KSD-6402-2026-001  Terminal Sungai Bersama  (ditambahkan)" in lines
    assert len(lines) <= 24


def test_markdown_is_ready_for_a_job_summary(
    git_branched: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["diff", "main..pks", "--format", "md", "--as-of", AS_OF, "--root", str(git_branched)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("### Perubahan rekaman: `main (")
    assert "| | Rekaman | Tahap | Status | Tanda macet |" in out
    assert (
        "| ✏️ | **KSD-6402-2025-001** Pengelolaan Sampah Regional | "
        "**penandatanganan_kb → penandatanganan_pks** | aktif | "
        "⚠️ `pks_tanpa_pelaksanaan` ✅ ~~`kb_tanpa_pks`~~ |" in out
    )
    assert "| `tahapan[1].tanggal` | 2025-01-10 | 2025-01-13 |" in out
    assert "- ⚠️ **MACET BARU** `pks_tanpa_pelaksanaan`: PKS ditandatangani" in out


def test_json_output_equals_the_library_result(
    git_branched: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "diff",
        "main",
        "pks",
        "--format",
        "json",
        "--as-of",
        AS_OF,
        "--root",
        str(git_branched),
    ]
    assert main(args) == 0
    printed = json.loads(capsys.readouterr().out)
    library = semantic_diff(open_repository(git_branched), "main", "pks", as_of=DAY)
    assert printed == json.loads(json.dumps(library.as_dict()))
    assert printed["schema_version"] == 1
    fields = printed["records"][0]["fields"]
    assert fields[2] == {
        "path": "tahapan[1].tanggal",
        "loc": ["tahapan", 0, "tanggal"],
        "change": "changed",
        "old": "2025-01-10",
        "new": "2025-01-13",
    }
    assert printed["after"]["working_tree"] is False


def test_a_committed_record_file_named_in_capitals_is_unchanged_not_added(
    git_repo: Path,
) -> None:
    # The working tree's listing reads "X.YAML" as a record; the committed side read only
    # ".yaml" and ".yml", so every diff showed such a record as newly added.
    git(git_repo, "mv", f"{AGR}/KSD-6402-2025-001.yaml", f"{AGR}/KSD-6402-2025-001.YAML")
    commit(git_repo, "Nama berkas dari Windows")
    assert semantic_diff(open_repository(git_repo), "HEAD", None, as_of=DAY).records == ()
    put(git_repo, f"{AGR}/KSD-6402-2025-001.YAML", SAMPAH.replace("2025-03-03", "2025-08-01"))
    (changed,) = semantic_diff(open_repository(git_repo), "HEAD", None, as_of=DAY).records
    assert (changed.id, changed.change) == ("KSD-6402-2025-001", "changed")
    assert [f.path for f in changed.fields] == ["naskah[1].tanggal_ttd"]


def test_default_diff_is_the_branch_against_its_merge_base_with_the_working_tree(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(git_repo, "switch", "-q", "-c", "kerja")
    # Uncommitted: the KB was in fact signed later (the stalled flag clears) ...
    put(git_repo, f"{AGR}/KSD-6402-2025-001.yaml", SAMPAH.replace("2025-03-03", "2025-08-01"))
    # ... and an untracked high-priority potential nobody follows up (a flag appears).
    put(git_repo, f"{POT}/POT-6402-2024-002.yaml", POTENSI.replace("2024-001", "2024-002"))
    result = semantic_diff(open_repository(git_repo), None, None, as_of=DAY)
    assert result.before.revision == "merge-base main"
    assert result.before.commit == git(git_repo, "rev-parse", "main").strip()
    assert result.after.working_tree
    sampah, baru = result.records
    assert [(f.path, f.old, f.new) for f in sampah.fields] == [
        ("naskah[1].tanggal_ttd", date(2025, 3, 3), date(2025, 8, 1))
    ]
    assert sampah.tahap is not None and not sampah.tahap.changed
    assert [f.code for f in sampah.flags_cleared] == ["kb_tanpa_pks"]
    assert sampah.flags_raised == ()
    assert (baru.id, baru.change) == ("POT-6402-2024-002", "added")
    assert [f.code for f in baru.flags_raised] == ["potensi_tanpa_tindak_lanjut"]
    assert main(["diff", "--as-of", AS_OF, "--root", str(git_repo)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ksd diff merge-base main (")
    assert "→ pohon kerja · per 2026-06-30" in out.splitlines()[0]


@pytest.mark.parametrize(
    "arguments", [["diff", "main"], ["validate", "--changed-since", "main"], ["diff"]]
)
def test_without_the_git_program_ksd_says_so_not_that_there_is_no_repository(
    git_repo: Path,
    tmp_path: Path,
    arguments: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nothing = tmp_path / "kosong"
    nothing.mkdir()
    monkeypatch.setenv("PATH", str(nothing))  # a git repository, but no git to read it
    assert main([*arguments, "--as-of", AS_OF, "--root", str(git_repo)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ksd: program git tidak ditemukan (tidak ada di PATH)\n")
    assert "pasang git" in err and "--changed-since" in err
    assert "bukan repositori" not in err
    assert main([*arguments, "--root", str(git_repo), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ksd: the git program was not found (it is not on PATH)\n")
    assert "install it" in err and "not a git repository" not in err


def test_not_a_git_repository_and_unknown_revisions_are_clear_errors(
    tmp_path: Path, git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "tanpa-git"
    assert main(["init", str(plain), "--daerah", "64.02"]) == 0
    capsys.readouterr()
    assert main(["diff", "--root", str(plain)]) == 1
    assert "bukan repositori git" in capsys.readouterr().err
    assert main(["diff", "nope", "--root", str(git_repo)]) == 1
    assert "revisi tidak dikenal: nope" in capsys.readouterr().err
    assert main(["validate", "--changed-since", "nope", "--root", str(git_repo)]) == 1
    assert "revisi tidak dikenal: nope" in capsys.readouterr().err
    with pytest.raises(GitError, match="revisi tidak sah"):
        open_git(git_repo).resolve("--all")
