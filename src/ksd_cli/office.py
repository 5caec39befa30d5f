"""PDF from a Word document through LibreOffice, never drawn by hand (naskah, laporan, pemetaan).

``soffice --headless --convert-to pdf`` lays the document out exactly as LibreOffice shows
it. Each conversion gets its own LibreOffice profile in a temporary folder, so conversions
running side by side (or a LibreOffice the user has open) do not block each other.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ksd_cli.errors import UserError
from ksd_cli.messages import Msg

#: Seconds a conversion may take before it is given up.
TIMEOUT_S = 180
#: The names LibreOffice's command is installed under.
COMMANDS = ("soffice", "libreoffice")


def soffice() -> str | None:
    """The path of LibreOffice's command, or ``None`` when it is not installed."""
    for name in COMMANDS:
        found = shutil.which(name)
        if found:
            return found
    return None


def docx_to_pdf(content: bytes) -> bytes:
    """The PDF of a Word document (bytes); a ``UserError`` when LibreOffice cannot make it."""
    command = soffice()
    if command is None:
        raise UserError(Msg("pdf.no-soffice"), hint=Msg("pdf.no-soffice.hint"))
    with tempfile.TemporaryDirectory(prefix="ksd-pdf-") as folder:
        work = Path(folder)
        source = work / "dokumen.docx"
        source.write_bytes(content)
        profile = (work / "profile").as_uri()
        try:
            done = subprocess.run(
                [
                    command,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    str(source),
                ],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UserError(
                Msg("pdf.failed", reason=str(exc)), hint=Msg("pdf.failed.hint")
            ) from None
        result = work / "dokumen.pdf"
        if done.returncode != 0 or not result.is_file():
            reason = (done.stderr or done.stdout).strip() or f"exit {done.returncode}"
            raise UserError(Msg("pdf.failed", reason=reason), hint=Msg("pdf.failed.hint"))
        return result.read_bytes()
