"""Shared by the drafting tests: the sample records they draft, the repository, one draft call."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest

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
