"""Turning a Word document into PDF with LibreOffice, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ksd_cli.errors import UserError
from ksd_cli.messages import Msg

#: How long LibreOffice may take for one document, in seconds.
TIMEOUT = 180


def docx_to_pdf(docx: bytes) -> bytes:
    """The PDF of the ``.docx`` file ``docx``, converted by a headless LibreOffice.

    LibreOffice missing, failing or timing out is a ``UserError`` (never a traceback). It runs
    with its own temporary profile, so that a LibreOffice the user has open does not block it.
    """
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise UserError(Msg("pemetaan.office-missing"), hint=Msg("pemetaan.office-missing.hint"))
    with tempfile.TemporaryDirectory(prefix="ksd-pdf-") as folder:
        work = Path(folder)
        source = work / "dokumen.docx"
        source.write_bytes(docx)
        command = [
            office,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            done = subprocess.run(  # noqa: S603 - a fixed program and our own file
                command, capture_output=True, timeout=TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UserError(Msg("pemetaan.office-failed", reason=str(exc))) from None
        target = work / "dokumen.pdf"
        if done.returncode != 0 or not target.is_file():
            reason = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
            raise UserError(Msg("pemetaan.office-failed", reason=reason[:300]))
        return target.read_bytes()
