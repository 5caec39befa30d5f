"""ksd diff, --changed-since and the git plumbing, on real git repositories built in tmp_path."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from ksd_cli.cli import main
from ksd_cli.diff import MISSING, semantic_diff
from ksd_cli.gitio import GitError, open_git
from ksd_cli.repository import open_repository
from ksd_cli.validate import validate_repository

AS_OF = "2026-06-30"
DAY = date.fromisoformat(AS_OF)

POTENSI = """\
id: POT-6402-2024-001
daerah: "64.02"
tahun: 2024
perangkat_daerah: Dinas Lingkungan Hidup
urusan: "2.11"
isu: TPA hampir penuh
potensi: Lahan TPA regional
prioritas: tinggi
"""

SAMPAH = """\
id: KSD-6402-2025-001
judul: Pengelolaan Sampah Regional
jenis: ksdd_sukarela
urusan:
  - "2.11"
pihak:
  - peran: pihak_kesatu
    tipe: pemda
    kode_wilayah: "64.02"
  - peran: pihak_kedua
    tipe: pemda
    kode_wilayah: "64.72"
potensi:
  - POT-6402-2024-001
naskah:
  - jenis: kesepakatan_bersama
    tanggal_ttd: 2025-03-03
tahapan:
  - tahap: identifikasi
    tanggal: 2025-01-10
"""

PKS = """\
  - jenis: perjanjian_kerja_sama
    tanggal_ttd: 2025-09-15
"""

PASAR = """\
id: KSD-6402-2025-002
judul: Pasar Induk Bersama
jenis: ksdd_sukarela
urusan:
  - "2.17"
pihak:
  - peran: pihak_kesatu
    tipe: pemda
    kode_wilayah: "64.02"
  - peran: pihak_kedua
    tipe: pemda
    kode_wilayah: "64.08"
tahapan:
  - tahap: identifikasi
    tanggal: 2025-02-01
"""


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture(autouse=True)
def hermetic_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user or system git configuration: the tests see only what they set up."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(tmp_path))


def make_repo(root: Path) -> Path:
    """A data repository made by ``ksd init``, under git, with one commit on main."""
    assert main(["init", str(root), "--daerah", "64.02"]) == 0
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Analis Kerja Sama")
    git(root, "config", "user.email", "analis@example.org")
    git(root, "config", "commit.gpgsign", "false")
    commit(root, "Repositori data kerja sama")
    return root


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


def put(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


AGR = "data/agreements"
POT = "data/potentials"


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """main: a potential, the KB-stage agreement that follows it up, and a second agreement."""
    root = make_repo(tmp_path / "kerja-sama")
    put(root, f"{POT}/POT-6402-2024-001.yaml", POTENSI)
    put(root, f"{AGR}/KSD-6402-2025-001.yaml", SAMPAH)
    put(root, f"{AGR}/KSD-6402-2025-002.yaml", PASAR)
    commit(root, "Tambah rekaman")
    capsys.readouterr()
    return root


@pytest.fixture
def branched(repo: Path) -> Path:
    """Branch pks: PKS signed, a date corrected, one record added, one removed."""
    git(repo, "switch", "-q", "-c", "pks")
    sampah = SAMPAH.replace("tahapan:\n", PKS + "tahapan:\n").replace("2025-01-10", "2025-01-13")
    put(repo, f"{AGR}/KSD-6402-2025-001.yaml", sampah)
    (repo / AGR / "KSD-6402-2025-002.yaml").unlink()
    new = PASAR.replace("2025-002", "2026-001").replace("Pasar Induk", "Terminal Sungai")
    put(repo, f"{AGR}/KSD-6402-2026-001.yaml", new)
    commit(repo, "PKS ditandatangani")
    return repo


# Between two commits -----------------------------------------------------------------------------


def test_diff_between_commits_names_every_change(branched: Path) -> None:
    result = semantic_diff(open_repository(branched), "main", "pks", as_of=DAY)
    assert [(r.id, r.change) for r in result.records] == [
        ("KSD-6402-2025-001", "changed"),
        ("KSD-6402-2025-002", "removed"),
        ("KSD-6402-2026-001", "added"),
    ]
    sampah = result.records[0]
    # The added document is given leaf by leaf, so that every value can be read.
    assert [(f.path, f.kind, f.old, f.new) for f in sampah.fields] == [
        ("naskah[2].jenis", "added", MISSING, "perjanjian_kerja_sama"),
        ("naskah[2].tanggal_ttd", "added", MISSING, date(2025, 9, 15)),
        ("tahapan[1].tanggal", "changed", date(2025, 1, 10), date(2025, 1, 13)),
    ]
    assert (sampah.tahap.old, sampah.tahap.new) == ("penandatanganan_kb", "penandatanganan_pks")
    assert (sampah.status.old, sampah.status.new) == ("aktif", "aktif")
    assert [f.code for f in sampah.flags_raised] == ["pks_tanpa_pelaksanaan"]
    assert [f.code for f in sampah.flags_cleared] == ["kb_tanpa_pks"]
    assert sampah.stuck
    removed, added = result.records[1], result.records[2]
    assert removed.judul == "Pasar Induk Bersama" and removed.tahap.old == "identifikasi"
    assert added.judul == "Terminal Sungai Bersama" and added.status.new == "draf"
    # The market proposal has not moved since its identification (2025-02-01, 514 days):
    # usulan_tanpa_kemajuan leaves with the removed record and comes with the added copy.
    assert [f.code for f in removed.flags_cleared] == ["usulan_tanpa_kemajuan"]
    assert [f.code for f in added.flags_raised] == ["usulan_tanpa_kemajuan"]
    assert result.as_dict()["summary"] == {
        "added": 1,
        "removed": 1,
        "changed": 1,
        "flags_raised": 2,
        "flags_cleared": 2,
    }


def test_text_output_fits_a_reviewers_screen(
    branched: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "main", "pks", "--as-of", AS_OF, "--root", str(branched)]) == 0
    lines = capsys.readouterr().out.splitlines()
    main_short = git(branched, "rev-parse", "--short", "main").strip()
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
    branched: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["diff", "main..pks", "--format", "md", "--as-of", AS_OF, "--root", str(branched)]
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
    branched: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["diff", "main", "pks", "--format", "json", "--as-of", AS_OF, "--root", str(branched)]
    assert main(args) == 0
    printed = json.loads(capsys.readouterr().out)
    library = semantic_diff(open_repository(branched), "main", "pks", as_of=DAY)
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


def test_two_dots_and_three_dots(branched: Path) -> None:
    # main moves on after the branch left it: the potential's issue is reworded there.
    git(branched, "switch", "-q", "main")
    put(branched, f"{POT}/POT-6402-2024-001.yaml", POTENSI.replace("hampir penuh", "penuh"))
    commit(branched, "Isu diperbarui")
    repository = open_repository(branched)
    two = semantic_diff(repository, "main..pks", None, as_of=DAY)
    assert two.as_dict() == semantic_diff(repository, "main", "pks", as_of=DAY).as_dict()
    assert "POT-6402-2024-001" in [r.id for r in two.records]
    three = semantic_diff(repository, "main...pks", None, as_of=DAY)
    assert [r.id for r in three.records] == [
        "KSD-6402-2025-001",
        "KSD-6402-2025-002",
        "KSD-6402-2026-001",
    ]


# Against the working tree ------------------------------------------------------------------------


def test_default_diff_is_the_branch_against_its_merge_base_with_the_working_tree(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git(repo, "switch", "-q", "-c", "kerja")
    # Uncommitted: the KB was in fact signed later (the stalled flag clears) ...
    put(repo, f"{AGR}/KSD-6402-2025-001.yaml", SAMPAH.replace("2025-03-03", "2025-08-01"))
    # ... and an untracked high-priority potential nobody follows up (a flag appears).
    put(repo, f"{POT}/POT-6402-2024-002.yaml", POTENSI.replace("2024-001", "2024-002"))
    result = semantic_diff(open_repository(repo), None, None, as_of=DAY)
    assert result.before.revision == "merge-base main"
    assert result.before.commit == git(repo, "rev-parse", "main").strip()
    assert result.after.working_tree
    sampah, baru = result.records
    assert [(f.path, f.old, f.new) for f in sampah.fields] == [
        ("naskah[1].tanggal_ttd", date(2025, 3, 3), date(2025, 8, 1))
    ]
    assert not sampah.tahap.changed
    assert [f.code for f in sampah.flags_cleared] == ["kb_tanpa_pks"]
    assert sampah.flags_raised == ()
    assert (baru.id, baru.change) == ("POT-6402-2024-002", "added")
    assert [f.code for f in baru.flags_raised] == ["potensi_tanpa_tindak_lanjut"]
    assert main(["diff", "--as-of", AS_OF, "--root", str(repo)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ksd diff merge-base main (")
    assert "→ working tree · per 2026-06-30" in out.splitlines()[0]


def test_formatting_alone_is_not_a_change_and_placeholders_are_listed(repo: Path) -> None:
    put(repo, f"{AGR}/KSD-6402-2025-002.yaml", "# disunting\n" + PASAR.replace('"', "'"))
    assert main(["new", "agreement", "--as-of", "2026-01-05", "--root", str(repo)]) == 0
    result = semantic_diff(open_repository(repo), "HEAD", None, as_of=DAY)
    (new,) = result.records
    assert new.id == "KSD-6402-2026-001" and new.change == "added"
    assert new.placeholders == ("judul", "pihak[2].nama", "catatan")


def test_a_record_that_no_longer_validates_is_marked(repo: Path) -> None:
    put(repo, f"{AGR}/KSD-6402-2025-002.yaml", PASAR.replace("ksdd_sukarela", "ksdd-sukarela"))
    (record,) = semantic_diff(open_repository(repo), "HEAD", None, as_of=DAY).records
    assert (record.valid_before, record.valid_after) == (True, False)
    assert [(f.path, f.old, f.new) for f in record.fields] == [
        ("jenis", "ksdd_sukarela", "ksdd-sukarela")
    ]
    assert (record.tahap.old, record.tahap.new) == ("identifikasi", None)


def test_a_record_with_a_rule_error_is_invalid_and_judged_no_more(repo: Path) -> None:
    # The schema passes; the PKS signed before its KB is rule C006: an error.
    early_pks = "  - jenis: perjanjian_kerja_sama\n    tanggal_ttd: 2025-01-02\n"
    put(
        repo,
        f"{AGR}/KSD-6402-2025-001.yaml",
        SAMPAH.replace("tahapan:\n", early_pks + "tahapan:\n"),
    )
    result = semantic_diff(open_repository(repo), "HEAD", None, as_of=DAY)
    (record,) = [r for r in result.records if r.id == "KSD-6402-2025-001"]
    assert (record.valid_before, record.valid_after) == (True, False)
    assert (record.tahap.old, record.tahap.new) == ("penandatanganan_kb", None)
    assert record.flags_raised == ()
    # Its potential is still followed up: no flag appears on it.
    assert not [r for r in result.records if r.id == "POT-6402-2024-001"]


# Errors ------------------------------------------------------------------------------------------


def test_not_a_git_repository_and_unknown_revisions_are_clear_errors(
    tmp_path: Path, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "tanpa-git"
    assert main(["init", str(plain), "--daerah", "64.02"]) == 0
    capsys.readouterr()
    assert main(["diff", "--root", str(plain)]) == 1
    assert "bukan repositori git" in capsys.readouterr().err
    assert main(["diff", "nope", "--root", str(repo)]) == 1
    assert "revisi tidak dikenal: nope" in capsys.readouterr().err
    assert main(["validate", "--changed-since", "nope", "--root", str(repo)]) == 1
    assert "revisi tidak dikenal: nope" in capsys.readouterr().err
    with pytest.raises(GitError, match="revisi tidak sah"):
        open_git(repo).resolve("--all")


# --changed-since ----------------------------------------------------------------------------


@pytest.fixture
def with_old_findings(repo: Path) -> Path:
    """main also holds findings nobody is changing: an unknown urusan, a signer warning."""
    put(repo, f"{AGR}/KSD-6402-2025-002.yaml", PASAR.replace('"2.17"', '"9.99"'))
    signed = SAMPAH.replace(
        "    tanggal_ttd: 2025-03-03\n",
        "    tanggal_ttd: 2025-03-03\n    penandatangan:\n      - peran: pihak_kesatu\n"
        "        nama: Ir. Budi\n        jabatan: Kepala Dinas Lingkungan Hidup\n",
    )
    put(repo, f"{AGR}/KSD-6402-2025-001.yaml", signed)
    commit(repo, "Rekaman lama dengan temuan")
    git(repo, "switch", "-q", "-c", "ubah")
    return repo


def findings(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[tuple[str, str]]:
    main(["validate", *args, "--format", "json", "--as-of", AS_OF, "--root", str(root)])
    report = json.loads(capsys.readouterr().out)
    return sorted((f["path"].rsplit("/", 1)[1], f["rule"]) for f in report["findings"])


def test_changed_since_reports_the_changed_files_and_what_they_break_elsewhere(
    with_old_findings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_old_findings
    everything = findings(root, capsys)
    assert everything == [
        ("KSD-6402-2025-001.yaml", "penandatangan-tanpa-surat-kuasa"),
        ("KSD-6402-2025-002.yaml", "unknown-urusan"),
    ]
    # Nothing changed yet: nothing to report.
    assert findings(root, capsys, "--changed-since", "main") == []
    # The potential is removed (committed) and a new record with a mistake is left untracked.
    (root / POT / "POT-6402-2024-001.yaml").unlink()
    commit(root, "Hapus potensi")
    put(
        root,
        f"{AGR}/KSD-6402-2026-001.yaml",
        PASAR.replace("2025-002", "2026-001").replace('"64.08"', '"64.99"'),
    )
    assert findings(root, capsys, "--changed-since", "main") == [
        # Caused by the change: the agreement still names the removed potential. Its old
        # signer warning is not the change's doing and is not reported.
        ("KSD-6402-2025-001.yaml", "unknown-potensi"),
        ("KSD-6402-2026-001.yaml", "unknown-kode-wilayah"),
    ]
    repository = open_repository(root)
    library = validate_repository(
        repository,
        as_of=DAY,
        paths=["data/agreements/KSD-6402-2026-001.yaml"],
        changed_ids=["POT-6402-2024-001", "KSD-6402-2026-001"],
    )
    assert [d.rule for d in library.diagnostics] == ["unknown-potensi", "unknown-kode-wilayah"]


def test_changed_since_catches_an_id_copied_into_a_new_file(
    with_old_findings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_old_findings
    put(root, f"{AGR}/KSD-6402-2026-001.yaml", PASAR)  # a copy that kept the old id
    # The original is reported for the duplicate, not for its old unknown urusan.
    assert findings(root, capsys, "--changed-since", "main") == [
        ("KSD-6402-2025-002.yaml", "duplicate-id"),
        ("KSD-6402-2026-001.yaml", "duplicate-id"),
        ("KSD-6402-2026-001.yaml", "id-mismatch"),
    ]


def test_changed_since_with_a_changed_configuration_checks_everything(
    with_old_findings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = with_old_findings
    config = root / "ksd.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert findings(root, capsys, "--changed-since", "main") == findings(root, capsys)


def test_changed_since_and_paths_together_is_a_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(repo / AGR / "KSD-6402-2025-001.yaml")
    assert main(["validate", path, "--changed-since", "main", "--root", str(repo)]) == 2
    assert "--changed-since" in capsys.readouterr().err


# git plumbing --------------------------------------------------------------------------------


def test_changed_files_sees_committed_staged_unstaged_untracked_and_deleted(repo: Path) -> None:
    base = git(repo, "rev-parse", "HEAD").strip()
    put(repo, f"{AGR}/KSD-6402-2025-001.yaml", SAMPAH + "catatan: committed\n")
    commit(repo, "satu")
    put(repo, f"{AGR}/KSD-6402-2025-002.yaml", PASAR + "catatan: staged\n")
    git(repo, "add", f"{AGR}/KSD-6402-2025-002.yaml")
    (repo / POT / "POT-6402-2024-001.yaml").unlink()
    put(repo, f"{AGR}/KSD-6402-2026-001.yaml", PASAR)
    put(repo, "catatan.tmp", "x")
    (repo / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    changes = {(c.path, c.status) for c in open_git(repo).changed_files(base)}
    assert changes == {
        (".gitignore", "modified"),  # ksd init wrote one
        (f"{AGR}/KSD-6402-2025-001.yaml", "modified"),
        (f"{AGR}/KSD-6402-2025-002.yaml", "modified"),
        (f"{AGR}/KSD-6402-2026-001.yaml", "added"),
        (f"{POT}/POT-6402-2024-001.yaml", "deleted"),
    }


def test_a_data_repository_in_a_subfolder_of_the_git_work_tree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outer = tmp_path / "pemda"
    outer.mkdir()
    git(outer, "init", "-q", "-b", "main")
    git(outer, "config", "user.name", "A")
    git(outer, "config", "user.email", "a@example.org")
    root = outer / "kerja-sama"
    assert main(["init", str(root), "--daerah", "64.02"]) == 0
    put(root, f"{AGR}/KSD-6402-2025-002.yaml", PASAR)
    put(outer, "lain/data/agreements/KSD-6402-2025-009.yaml", PASAR)  # outside the ksd root
    commit(outer, "awal")
    put(root, f"{AGR}/KSD-6402-2025-002.yaml", PASAR.replace("Pasar Induk", "Pasar Grosir"))
    gitrepo = open_git(root)
    assert gitrepo.prefix == "kerja-sama/"
    assert gitrepo.list_files("HEAD", ["data/agreements"]) == [
        "data/agreements/.gitkeep",
        "data/agreements/KSD-6402-2025-002.yaml",
    ]
    assert gitrepo.show_file("HEAD", "data/agreements/KSD-6402-2025-002.yaml") == PASAR.encode()
    assert gitrepo.show_file("HEAD", "data/agreements/none.yaml") is None
    (record,) = semantic_diff(open_repository(root), "HEAD", None, as_of=DAY).records
    assert record.path == f"{AGR}/KSD-6402-2025-002.yaml"
    assert [(f.path, f.new) for f in record.fields] == [("judul", "Pasar Grosir Bersama")]


def test_default_branch_prefers_origin_head_then_main_then_master(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    git(root, "init", "-q", "-b", "master")
    git(root, "config", "user.name", "A")
    git(root, "config", "user.email", "a@example.org")
    put(root, "x.txt", "x")
    commit(root, "x")
    assert open_git(root).default_branch() == "master"
    git(root, "branch", "main")
    assert open_git(root).default_branch() == "main"
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "trunk", str(origin))
    git(root, "remote", "add", "origin", str(origin))
    git(root, "push", "-q", "origin", "master:trunk")
    git(root, "remote", "set-head", "origin", "-a")
    assert open_git(root).default_branch() == "origin/trunk"
