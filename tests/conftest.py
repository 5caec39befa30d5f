"""Shared fixtures: the project root, a disposable copy of the sample repository, golden files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Data repositories under git (ksd diff, --changed-since, gitio), shared by several folders.
from gitrepos import git_branched, git_findings_repo, git_repo, hermetic_git
from hypothesis import settings

__all__ = ["git_branched", "git_findings_repo", "git_repo", "hermetic_git"]

# Property tests: a quick run on a laptop, a thorough one in CI (which sets CI=true).
settings.register_profile("dev", max_examples=40)
settings.register_profile("ci", max_examples=200)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files under tests/golden/ from the current output.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture
def sample_repo(tmp_path: Path) -> Path:
    """A copy of the bundled sample data repository that a test may change."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(PROJECT_ROOT / "ksd.toml", root / "ksd.toml")
    shutil.copytree(PROJECT_ROOT / "data", root / "data")
    return root


def check_golden(path: Path, actual: str, update: bool) -> None:
    """Compare ``actual`` with the golden file at ``path`` (rewrite it with --update-golden)."""
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"golden file {path} was missing and has been written; check it in")
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """ksd's record cache in a temporary folder for module- and session-scoped fixtures too.

    They run before any function-scoped fixture: without this they would write into the
    user's real cache folder.
    """
    folder = tmp_path_factory.mktemp("ksd-session-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KSD_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps ksd's record cache in a folder of its own, never in the user's."""
    folder = tmp_path_factory.mktemp("ksd-cache")
    monkeypatch.setenv("KSD_CACHE_DIR", str(folder))
    monkeypatch.delenv("KSD_NO_CACHE", raising=False)
    return folder
