"""The writer's start made while the workers parse the record files.

Writing a report first imports its writer's modules (openpyxl: ~0.2 s, numpy with it) or
builds the Jinja environment and compiles the Markdown template (~0.1 s). Done after the
records are loaded, that time adds to the command's; done in a thread of the parent while
the workers parse, it shares the cores with them. :class:`Preparation` is handed to the
loading as its progress callback: the first chunk of files back means the workers are
forked (a thread running at a fork would be copied into them half-way), and it is waited for
before writing.
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ksd_cli.repository import Repository

#: Files to parse from which nothing is prepared: a national report's parent would hold the
#: imported modules (~30 MB with numpy) while its workers are still alive, where its peak
#: memory lies (``ksd report`` at 100,000 agreements must stay under 400 MB).
PREPARE_UP_TO = 40_000
#: The modules each writer imports when it writes, by ``--format``.
MODULES: dict[str, tuple[str, ...]] = {
    "xlsx": (
        "openpyxl",
        "openpyxl.cell",
        "openpyxl.styles",
        "openpyxl.utils.datetime",
        "openpyxl.writer.excel",
        "openpyxl.chart",
    ),
    "md": ("ksd_cli.jinja",),
}


class Preparation:
    """The writer of ``format`` made ready in a thread: modules imported, template compiled.

    Best effort: nothing here is needed, and what fails here is done again, and fails in
    its place, when the report is written.
    """

    def __init__(self, format_name: str, repository: Repository) -> None:
        self.format_name = format_name
        self.repository = repository
        #: The Markdown writer's Jinja environment, its template compiled (once prepared).
        self.environment: Any | None = None
        self._thread: threading.Thread | None = None

    def start(self, done: int = 0, total: int = 0) -> None:
        """Start preparing, once (a ``Progress`` callback: ``done`` of ``total`` files parsed)."""
        if self._thread is None and self.format_name in MODULES and total < PREPARE_UP_TO:
            self._thread = threading.Thread(target=self._prepare, name="ksd-prepare", daemon=True)
            self._thread.start()

    def finish(self) -> None:
        """Wait for the preparation, when it started."""
        if self._thread is not None:
            self._thread.join()

    def _prepare(self) -> None:
        try:
            for module in MODULES[self.format_name]:
                importlib.import_module(module)
            if self.format_name == "md":
                from ksd_cli.jinja import make_environment
                from ksd_cli.report.markdown import TEMPLATE

                environment = make_environment(self.repository)
                environment.get_template(TEMPLATE)
                self.environment = environment
        except Exception:  # noqa: BLE001, S110 - done again, and reported, when writing
            pass
