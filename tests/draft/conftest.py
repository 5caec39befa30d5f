"""Shared by the drafting tests: the sample records they draft, the repository, one draft call."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from ksd_cli.draft import RenderedNaskah, render_naskah
from ksd_cli.repository import Repository, open_repository

AS_OF = "2025-06-30"
TODAY = date(2025, 6, 30)
TPA = "KSD-6402-2020-001"  # KB, PKS (record wording), PKS (surat kuasa), adendum
SINERGI = "KSD-6402-2023-004"  # nota kesepakatan with rencana aksi
BANJIR = "KSD-6402-2023-001"  # signed KB, draft PKS without numbers, date, signers
ADMINDUK = "KSD-6402-2024-004"  # draft KB: only tempat_ttd
BURSA_KERJA = "KSD-6402-2024-003"  # no naskah at all
PANGAN = "KSD-6402-2024-005"  # KB only, PKS being drafted


@pytest.fixture
def repo(sample_repo: Path) -> Repository:
    return open_repository(sample_repo)


def draft(
    repo: Repository, record_id: str, naskah: int | str | None = None, **kw: object
) -> RenderedNaskah:
    return render_naskah(repo, record_id, naskah=naskah, today=TODAY, **kw)  # type: ignore[arg-type]


def docx_of(rendered: RenderedNaskah) -> Any:
    from docx import Document

    return Document(io.BytesIO(rendered.content))


def edit_record(root: Path, record_id: str, **values: Any) -> None:
    """Set top-level fields of a record in a sample copy, as a user would write them."""
    _edit(root, record_id, lambda data: data.update(values))


def edit_naskah(root: Path, record_id: str, position: int, **values: Any) -> None:
    """Give ``naskah[position]`` (from 1) of a record more fields, as a user would write them."""
    _edit(root, record_id, lambda data: data["naskah"][position - 1].update(values))


def _edit(root: Path, record_id: str, change: Any) -> None:
    yaml = YAML()
    path = root / "data" / "agreements" / f"{record_id}.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
