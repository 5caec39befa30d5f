"""Shared by the report tests: sample parties, a small repository writer, report and sheet helpers."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from ksd_cli.config import Config
from ksd_cli.reference import load_reference
from ksd_cli.report import (
    Period,
    Report,
    build_report,
    render_markdown,
)
from ksd_cli.repository import open_repository
from ksd_cli.validate import SoundRecords, load_sound_records

AS_OF = date(2025, 6, 30)
GOLDEN = Path(__file__).parent.parent / "golden" / "report"
KUKAR = {"peran": "pihak_kesatu", "tipe": "pemda", "kode_wilayah": "64.02"}
SAMARINDA = {"peran": "pihak_kedua", "tipe": "pemda", "kode_wilayah": "64.72"}
KEMENTAN = {"peran": "pihak_kedua", "tipe": "kementerian_lembaga", "nama": "Kementerian Pertanian"}


def load(root: Path, as_of: date = AS_OF) -> tuple[SoundRecords, Config]:
    repo = open_repository(root)
    return load_sound_records(repo, as_of=as_of, lang="id", today=date.today()), repo.config


def report_of(
    root: Path, period: Period, as_of: date = AS_OF, commit: str | None = "abc1234"
) -> Report:
    loaded, config = load(root, as_of)
    return build_report(
        loaded, config, load_reference(), as_of=as_of, period=period, data_commit=commit
    )


def markdown_env(root: Path) -> Any:
    from ksd_cli.jinja import make_environment

    return make_environment(open_repository(root))


def markdown(report: Report, root: Path) -> str:
    # The version changes with every release; the golden files should not.
    return render_markdown(dataclasses.replace(report, ksd_version="0.0.0"), markdown_env(root))


def kb(
    ttd: str | None, sampai: str | None = None, jenis: str = "kesepakatan_bersama"
) -> dict[str, str]:
    return {
        "jenis": jenis,
        **({"tanggal_ttd": ttd} if ttd else {}),
        **({"berlaku_sampai": sampai} if sampai else {}),
    }


def pks(ttd: str | None, sampai: str | None = None) -> dict[str, str]:
    return kb(ttd, sampai, "perjanjian_kerja_sama")


def write_repo(root: Path, *agreements: dict[str, Any]) -> Path:
    """A small data repository in ``root`` with these agreements (ids KSD-6402-...)."""
    folder = root / "data" / "agreements"
    folder.mkdir(parents=True)
    (root / "ksd.toml").write_text('[daerah]\nkode = "64.02"\n', encoding="utf-8")
    for fields in agreements:
        record = {
            "judul": "Kerja Sama Uji",
            "jenis": "ksdd_sukarela",
            "urusan": ["2.11"],
            "pihak": [KUKAR, SAMARINDA],
            **fields,
        }
        text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True)
        (folder / f"{record['id']}.yaml").write_text(text, encoding="utf-8")
    return root


def sheet_rows(ws: Any, header_row: int) -> list[dict[str, Any]]:
    """The table whose header is on ``header_row``, as header -> cell (down to a blank row)."""
    headers = [c.value for c in ws[header_row] if c.value is not None]
    rows = []
    for row in ws.iter_rows(min_row=header_row + 1, max_col=len(headers)):
        if all(c.value is None for c in row):
            break
        rows.append(dict(zip(headers, row, strict=True)))
    return rows


def find_row(ws: Any, text: str) -> int:
    """The first row whose first cell is ``text``."""
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == text:
            return int(row[0].row)
    raise AssertionError(f"{text!r} not in sheet {ws.title}")


@pytest.fixture(scope="session")
def sample_2024() -> Report:
    root = Path(__file__).resolve().parent.parent.parent
    return report_of(root, Period.year(2024))
