"""Helpers shared by several test modules: sample parties, record builders, sample expectations."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ksd_cli.cli import main
from ksd_cli.models import Agreement

KUKAR = {"peran": "pihak_kesatu", "tipe": "pemda", "kode_wilayah": "64.02"}
SAMARINDA = {"peran": "pihak_kedua", "tipe": "pemda", "kode_wilayah": "64.72"}
PT = {"peran": "pihak_kedua", "tipe": "pihak_ketiga", "nama": "PT Kaltim Lestari"}
KEMENTAN = {"peran": "pihak_kedua", "tipe": "kementerian_lembaga", "nama": "Kementerian Pertanian"}


def agreement(**fields: Any) -> Agreement:
    base: dict[str, Any] = {
        "id": "KSD-6402-2021-001",
        "judul": "Pengelolaan Sampah Regional",
        "jenis": "ksdd_sukarela",
        "urusan": ["2.11"],
        "pihak": [KUKAR, SAMARINDA],
    }
    base.update(fields)
    return Agreement.model_validate(base)


def kb(ttd: str, sampai: str | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "jenis": "kesepakatan_bersama",
        "tanggal_ttd": date.fromisoformat(ttd),
        **({"berlaku_sampai": date.fromisoformat(sampai)} if sampai else {}),
        **extra,
    }


def pks(ttd: str, sampai: str | None = None, **extra: Any) -> dict[str, Any]:
    return {**kb(ttd, sampai, **extra), "jenis": "perjanjian_kerja_sama"}


def d(text: str) -> date:
    return date.fromisoformat(text)


# The flags an analyst names as stuck in the sample repository on 2025-06-30.
SAMPLE_EXPECTED_2025_06_30 = {
    ("KSD-6402-2019-001", "kb_kedaluwarsa_tanpa_pks"),
    ("KSD-6402-2019-002", "kedaluwarsa"),
    ("KSD-6402-2019-003", "kb_tanpa_pks"),
    ("KSD-6402-2021-001", "tanpa_monev"),
    ("KSD-6402-2022-001", "pks_tanpa_pelaksanaan"),
    ("KSD-6402-2022-002", "kb_tanpa_pks"),
    ("KSD-6402-2022-003", "akan_berakhir"),
    ("KSD-6402-2023-001", "dprd_tertunda"),
    ("KSD-6402-2023-002", "kb_tanpa_pks"),
    ("KSD-6402-2024-001", "kb_tanpa_pks"),
    ("POT-6402-2023-002", "potensi_tanpa_tindak_lanjut"),
    # v1.1, before signing (data/SCENARIO.md)
    ("KSD-6402-2023-005", "usulan_tanpa_kemajuan"),
    ("KSD-6402-2024-007", "kb_tanpa_pks"),
    ("KSD-6402-2025-002", "penawaran_tanpa_jawaban"),
}


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


def validate_json(
    root: Path, capsys: pytest.CaptureFixture[str], as_of: str = "2025-06-30"
) -> dict[str, Any]:
    """``ksd validate --format json`` of ``root`` as of ``as_of``, with its exit code as ``exit``."""
    code = main(["validate", "--root", str(root), "--as-of", as_of, "--format", "json"])
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    report["exit"] = code
    return report


def worksheet(workbook: Workbook) -> Worksheet:
    """The active sheet of a workbook, which ksd always writes as a worksheet."""
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    return sheet


def generator() -> ModuleType:
    """``benchmarks/generate.py``, the synthetic repository generator, loaded as a module."""
    import importlib.util
    import sys

    name = "ksd_bench_generate"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def planted_corpus(root: Path) -> Path:
    """A generated repository at ``root`` with planted mistakes, a duplicate id and a file
    that never loads (for the caches of the one-record commands)."""
    import shutil

    generator().generate(root, 24, seed=5, invalid_every=4)
    agreements = sorted((root / "data/agreements").glob("*.yaml"))
    shutil.copyfile(agreements[2], root / "data/agreements/KSD-6402-2030-777.yaml")  # same id
    (root / "data/agreements/KSD-6402-2030-888.yaml").write_text("id: [unclosed\n", "utf-8")
    return root


def console_script(
    arguments: list[str], heavy: tuple[str, ...]
) -> subprocess.CompletedProcess[str]:
    """``ksd ARGUMENTS`` through the console script (``launch.console_main``), in a new Python.

    Its stderr ends with the line ``loaded: ...`` naming those of the ``heavy`` modules it
    imported (none when an answer was given early). Files changed moments before count as
    settled (``cache.RACY_NS = 0``), so that a second run may be answered early.
    """
    script = (
        "import sys; from ksd_cli import cache; cache.RACY_NS = 0\n"
        "from ksd_cli.launch import console_main\n"
        "try:\n"
        "    console_main()\n"
        "finally:\n"
        f"    heavy = {heavy!r}\n"
        "    print('loaded:', *sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script, *arguments], capture_output=True, text=True, check=False
    )


def agreement_records(root: Path) -> dict[str, dict[str, Any]]:
    """Every agreement of the repository at ``root`` as plain data, by file stem."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    return {
        p.stem: yaml.load(p.read_text(encoding="utf-8"))
        for p in sorted((root / "data" / "agreements").glob("*.yaml"))
    }


def import_register(root: Path, register: Path, *args: str, as_of: str = "2025-06-30") -> int:
    """``ksd import REGISTER`` into the repository at ``root``, as of ``as_of``."""
    return main(["import", str(register), "--root", str(root), "--as-of", as_of, *args])
