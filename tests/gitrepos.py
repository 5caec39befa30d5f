"""Data repositories under git, for the tests of ksd diff, --changed-since and gitio.

The fixtures (``git_repo``, ``git_branched``, ``git_findings_repo``) are registered in
``tests/conftest.py``; each runs git without the user's or the system's configuration.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from helpers import generator

from ksd_cli.cli import main

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


@pytest.fixture
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
def git_repo(tmp_path: Path, capsys: pytest.CaptureFixture[str], hermetic_git: None) -> Path:
    """main: a potential, the KB-stage agreement that follows it up, and a second agreement."""
    root = make_repo(tmp_path / "kerja-sama")
    put(root, f"{POT}/POT-6402-2024-001.yaml", POTENSI)
    put(root, f"{AGR}/KSD-6402-2025-001.yaml", SAMPAH)
    put(root, f"{AGR}/KSD-6402-2025-002.yaml", PASAR)
    commit(root, "Tambah rekaman")
    capsys.readouterr()
    return root


@pytest.fixture
def git_branched(git_repo: Path) -> Path:
    """Branch pks: PKS signed, a date corrected, one record added, one removed."""
    git(git_repo, "switch", "-q", "-c", "pks")
    sampah = SAMPAH.replace("tahapan:\n", PKS + "tahapan:\n").replace("2025-01-10", "2025-01-13")
    put(git_repo, f"{AGR}/KSD-6402-2025-001.yaml", sampah)
    (git_repo / AGR / "KSD-6402-2025-002.yaml").unlink()
    new = PASAR.replace("2025-002", "2026-001").replace("Pasar Induk", "Terminal Sungai")
    put(git_repo, f"{AGR}/KSD-6402-2026-001.yaml", new)
    commit(git_repo, "PKS ditandatangani")
    return git_repo


@pytest.fixture
def git_findings_repo(git_repo: Path) -> Path:
    """main also holds findings nobody is changing: an unknown urusan, a signer warning."""
    put(git_repo, f"{AGR}/KSD-6402-2025-002.yaml", PASAR.replace('"2.17"', '"9.99"'))
    signed = SAMPAH.replace(
        "    tanggal_ttd: 2025-03-03\n",
        "    tanggal_ttd: 2025-03-03\n    penandatangan:\n      - peran: pihak_kesatu\n"
        "        nama: Ir. Budi\n        jabatan: Kepala Dinas Lingkungan Hidup\n",
    )
    put(git_repo, f"{AGR}/KSD-6402-2025-001.yaml", signed)
    commit(git_repo, "Rekaman lama dengan temuan")
    git(git_repo, "switch", "-q", "-c", "ubah")
    return git_repo


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file by ``new`` (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def changed_in_every_way(root: Path) -> dict[str, Path]:
    """A committed register with planted mistakes, then changed in every way a diff meets.

    Modified, added, deleted and renamed records; a duplicate id created and one removed; a
    potential that agreements name deleted; a PKS whose KB was deleted; a file broken, one
    staged, one git ignores. Returns the files of note.
    """
    generator().generate(root, 80, seed=7, invalid_every=7)
    agreements = sorted((root / "data/agreements").glob("*.yaml"))
    potentials = sorted((root / "data/potentials").glob("*.yaml"))
    committed_twin = root / "data/agreements/KSD-6402-2099-501.yaml"
    shutil.copy(agreements[40], committed_twin)  # S009 in the revision, gone below
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Analis Kerja Sama")
    git(root, "config", "user.email", "analis@example.org")
    git(root, "config", "commit.gpgsign", "false")
    commit(root, "records")
    for path in agreements[:12]:
        edit(path, "judul: ", "judul: Perubahan ")
    new = root / "data/agreements/KSD-6402-2099-001.yaml"
    new.write_text(
        agreements[20].read_text(encoding="utf-8").replace(agreements[20].stem, new.stem),
        encoding="utf-8",
    )
    twin = root / "data/agreements/KSD-6402-2099-002.yaml"
    shutil.copy(agreements[21], twin)  # carries another's id: S009 appears
    agreements[22].unlink()
    named = next(
        p for p in potentials if any(p.stem in a.read_text() for a in agreements[30:] if a.exists())
    )
    named.unlink()  # R004 appears in the agreements naming it
    agreements[23].rename(root / "data/agreements/KSD-6402-2099-003.yaml")
    git(root, "mv", str(agreements[24]), "data/agreements/KSD-6402-2099-004.yaml")
    committed_twin.unlink()
    pks = next(
        p
        for p in agreements[28:]
        if p.exists()
        and p.read_text().count("  - jenis: kesepakatan_bersama\n") == 1
        and "    induk: 1\n" in p.read_text()
    )
    text = pks.read_text(encoding="utf-8")
    start = text.index("  - jenis: kesepakatan_bersama\n")
    end = text.index("  - jenis: ", start + 1)
    pks.write_text(text[:start] + text[end:], encoding="utf-8")  # the PKS cites no KB now
    edit(agreements[25], "id: ", "id:\n  - ")  # broken
    edit(agreements[26], "judul: ", "judul: Staged ")
    git(root, "add", str(agreements[26]))
    (root / ".gitignore").write_text("data/agreements/KSD-6402-2099-009.yaml\n", encoding="utf-8")
    shutil.copy(agreements[27], root / "data/agreements/KSD-6402-2099-009.yaml")
    return {"twin": twin, "named": named, "pks": pks, "new": new}
