"""Messages of the commands themselves: repositories, files, git, drafts, scaffolding."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {}
