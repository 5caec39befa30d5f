"""Where a generated naskah comes from: the record, the template, the version and the commit.

The Markdown keeps it in its front matter, the Word form in its core properties; a draft
(``--draft``, or a document with gaps) also carries it as a note on its first page. A final
meant for signing never shows it in its body or footer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Provenance:
    """Where a generated document comes from: in its metadata, and on a draft's first page."""

    record_id: str
    source: str
    position: int
    jenis: str
    template: str
    #: The repository's own template file when it overrides the bundled one, else ``None``.
    template_file: str | None
    ksd_version: str
    commit: str | None
    generated: date
    draft: bool

    def line(self) -> str:
        """One line: "Dibuat dengan ksd 0.1.0 dari KSD-... naskah 2 (templat ...) pada ..."."""
        from ksd_cli.idformat import tanggal

        template = self.template_file or f"{self.template} bawaan"
        commit = f", commit {self.commit}" if self.commit else ""
        return (
            f"Dibuat dengan ksd {self.ksd_version} dari {self.record_id} naskah {self.position} "
            f"(templat {template}{commit}) pada {tanggal(self.generated)}"
        )

    def front_matter(self, title: str) -> str:
        """YAML front matter for the Markdown file (JSON strings are valid YAML scalars)."""
        fields: dict[str, object] = {
            "title": title,
            "record": self.record_id,
            "source": self.source,
            "naskah": self.position,
            "jenis": self.jenis,
            "template": self.template,
            "template_file": self.template_file,
            "ksd_version": self.ksd_version,
            "commit": self.commit,
            "generated": self.generated.isoformat(),
            "draft": self.draft,
        }
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
        return "---\n" + "\n".join(lines) + "\n---\n"

    def note(self) -> str:
        """The first-page note of a draft: "RANCANGAN (bukan naskah final). Dibuat ..."."""
        return f"RANCANGAN, bukan naskah untuk ditandatangani. {self.line()}."
