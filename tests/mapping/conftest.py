"""Shared by the mapping tests: the sample repository's mapping and a small repository writer."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
import yaml

from ksd_cli.mapping import Mapping, build_mapping
from ksd_cli.messages import Lang
from ksd_cli.reference import load_reference
from ksd_cli.repository import open_repository
from ksd_cli.validate import load_sound_records

AS_OF = date(2025, 6, 30)
PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
GOLDEN = PROJECT_ROOT / "tests" / "golden" / "mapping"


def mapping_of(root: Path, tahun: int | None = None, lang: Lang = "id") -> Mapping:
    repo = open_repository(root)
    sound = load_sound_records(repo, as_of=AS_OF, lang=lang, today=date.today())
    result = build_mapping(
        sound, repo.config, load_reference(), as_of=AS_OF, tahun=tahun, lang=lang
    )
    # The version changes with every release; the golden files should not.
    return dataclasses.replace(result, ksd_version="0.0.0")


def write_potentials(root: Path, kode: str, *potentials: dict[str, object]) -> Path:
    """A small data repository of region ``kode`` holding these potentials."""
    folder = root / "data" / "potentials"
    folder.mkdir(parents=True)
    (root / "ksd.toml").write_text(f'[daerah]\nkode = "{kode}"\n', encoding="utf-8")
    for fields in potentials:
        record = {
            "daerah": kode,
            "tahun": 2024,
            "perangkat_daerah": "Dinas Lingkungan Hidup",
            "urusan": "2.11",
            "isu": "Sampah",
            "potensi": "Lahan TPA",
            "prioritas": "sedang",
            **fields,
        }
        text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True)
        (folder / f"{record['id']}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def sample() -> Mapping:
    return mapping_of(PROJECT_ROOT)
