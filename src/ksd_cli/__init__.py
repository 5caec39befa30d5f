"""ksd: validate, track, draft and report Kerja Sama Daerah records kept in git."""

from __future__ import annotations

__version__ = "0.1.0"
