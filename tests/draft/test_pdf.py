"""The PDF form: LibreOffice converts the Word document; each golden naskah laid out on pages.

The layout checks run only where LibreOffice and pdftotext are installed (they skip cleanly
elsewhere): page counts, and that no page holds only a signature block.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from draft.conftest import TPA, draft
from draft.test_render import GOLDEN_CASES
from ksd_cli import office as pdf
from ksd_cli.errors import UserError
from ksd_cli.outputs import FORMATS
from ksd_cli.repository import Repository

needs_soffice = pytest.mark.skipif(
    pdf.soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or pdftotext is not installed",
)


def test_pdf_is_a_registered_draft_format() -> None:
    assert FORMATS["draft"]["pdf"].suffix == ".pdf" and FORMATS["draft"]["pdf"].binary


def test_a_missing_libreoffice_is_a_clear_error(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    with pytest.raises(UserError) as raised:
        draft(repo, TPA, 3, output_format="pdf")
    assert "LibreOffice (soffice) is not installed" in raised.value.text("en")
    assert "tidak terpasang" in raised.value.text("id")


def test_a_failing_conversion_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "soffice", lambda: str(fake))
    with pytest.raises(UserError) as raised:
        pdf.docx_to_pdf(b"not a docx")
    assert "source file could not be loaded" in raised.value.text("en")


def _pages(content: bytes, tmp_path: Path) -> list[str]:
    target = tmp_path / "naskah.pdf"
    target.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


@needs_soffice
@pytest.mark.parametrize(("name", "record_id", "position"), GOLDEN_CASES)
def test_golden_naskah_as_pdf(
    repo: Repository, tmp_path: Path, name: str, record_id: str, position: int
) -> None:
    rendered = draft(repo, record_id, position, output_format="pdf")
    assert rendered.content.startswith(b"%PDF")
    pages = _pages(rendered.content, tmp_path)
    assert 3 <= len(pages) <= 12, f"{name}: {len(pages)} pages"
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        # A page that starts with the signature block holds nothing else: the block would
        # stand alone. The block is kept with the sentence before it.
        assert not (lines and lines[0].startswith("PIHAK KESATU") and "PIHAK KEDUA" in lines[0]), (
            f"{name}: page {number} holds only a signature block"
        )
    signature_page = next(p for p in pages if "Demikian" in p)
    assert "PIHAK KESATU" in signature_page.split("Demikian", 1)[1]
