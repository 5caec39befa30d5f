"""A file named like a record in a sub-folder of a record folder: it is not read as a record.

Why: the record format is flat: every agreement is one file directly in ``data/agreements/``,
every potential one file directly in ``data/potentials/`` (the folders ``[paths]`` names).
A file moved into a sub-folder (``data/agreements/arsip/``, to tidy away the agreements that
ended) is not read by any command: it would drop out of validation, reports and references
without a word. An agreement that ended stays in its folder, its status saying that it ended.
Every file named like a record (``.yaml``/``.yml``) in a sub-folder, at any depth, is reported
at its first line; it is never read (a symbolic link in a sub-folder is not followed either).

Passing: ``data/agreements/KSD-6402-2019-001.yaml``.

Failing: ``data/agreements/arsip/KSD-6402-2019-001.yaml``.
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y015", "record-in-subfolder", Severity.ERROR, "file", __doc__)
