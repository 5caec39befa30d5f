"""The consolidation of the fixture, read once for the module's tests."""

from __future__ import annotations

import pytest

from ksd_cli.consolidate import Consolidation

from .fixture import run


@pytest.fixture(scope="module")
def result() -> Consolidation:
    return run()
