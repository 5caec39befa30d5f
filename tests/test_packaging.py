"""The repository's layout and packaging: no symlinks, every package listed in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest


def test_the_repository_holds_no_symlink(project_root: Path) -> None:
    # A symlink becomes a text file in a checkout made with core.symlinks=false (Windows).
    if shutil.which("git") is None or not (project_root / ".git").exists():
        pytest.skip("not a git checkout")
    listing = subprocess.run(
        ["git", "ls-files", "-s"],
        cwd=project_root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert listing
    assert [line for line in listing.splitlines() if line.startswith("120000 ")] == []


def test_pyproject_lists_every_package(project_root: Path) -> None:
    # The package list is explicit (the templates are mapped in from the root folder), so a new
    # subpackage under src/ must be added there or a wheel would leave it out.
    setuptools = tomllib.loads((project_root / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"
    ]["setuptools"]
    src = project_root / "src"
    found = {
        ".".join(init.parent.relative_to(src).parts) for init in src.glob("ksd_cli/**/__init__.py")
    }
    assert set(setuptools["packages"]) == found | {"ksd_cli.templates"}
    assert setuptools["package-dir"]["ksd_cli.templates"] == "templates"
    assert (project_root / "templates" / "__init__.py").is_file()
