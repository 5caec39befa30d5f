"""ksd import's command line: the records' paths as shown, each folder worked out once."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksd_cli.cli.import_ import _Shown, _shown


@pytest.mark.parametrize(
    "path",
    ["/kerja/data/agreements/KSD-1.yaml", "/kerja/KSD-1.yaml", "/lain/data/KSD-1.yaml",
     "/KSD-1.yaml", "data/agreements/KSD-1.yaml", "KSD-1.yaml", "../lain/KSD-1.yaml",
     "/kerja/../lain/KSD-1.yaml"],
)  # fmt: skip
def test_a_path_is_shown_as_it_is_shown_alone(path: str) -> None:
    cwd = Path("/kerja")
    shown = _Shown(cwd)
    assert shown(Path(path)) == _shown(Path(path), cwd)
    sibling = Path(path).with_name("KSD-2.yaml")  # from the folder remembered
    assert shown(sibling) == _shown(sibling, cwd)
