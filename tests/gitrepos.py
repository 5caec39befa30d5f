"""Data repositories under git, for the tests of ksd diff, --changed-since and gitio.

The fixtures (``git_repo``, ``git_branched``, ``git_findings_repo``) are registered in
``tests/conftest.py``; each runs git without the user's or the system's configuration.
"""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

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
