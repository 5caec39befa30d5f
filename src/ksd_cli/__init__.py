"""ksd: validate, track, draft and report Kerja Sama Daerah records kept in git."""

from __future__ import annotations

__version__ = "0.1.0"
#: The configuration file at a data repository's root (read by ``ksd_cli.config``); here, so
#: that finding a repository's root does not import the configuration's models.
CONFIG_FILE = "ksd.toml"
