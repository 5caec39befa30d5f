"""Scaffolding: time zones of the regions, and files that hold no placeholder or made-up tag."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from ksd_cli import __version__
from ksd_cli.scaffold import KsdSource, init_files, ksd_source, zona_waktu


@pytest.mark.parametrize(
    ("kode", "zona"),
    [
        ("11.01", "Asia/Jakarta"),
        ("31.71", "Asia/Jakarta"),
        ("62.01", "Asia/Jakarta"),  # Kalimantan Tengah is WIB
        ("51.03", "Asia/Makassar"),
        ("52", "Asia/Makassar"),
        ("53.01", "Asia/Makassar"),
        ("63", "Asia/Makassar"),
        ("64.02", "Asia/Makassar"),
        ("65", "Asia/Makassar"),
        ("71.71", "Asia/Makassar"),
        ("76", "Asia/Makassar"),
        ("81.01", "Asia/Jayapura"),
        ("82", "Asia/Jayapura"),
        ("91.03", "Asia/Jayapura"),
        ("96", "Asia/Jayapura"),
    ],
)
def test_time_zone_follows_the_province(kode: str, zona: str) -> None:
    assert zona_waktu(kode) == zona


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def test_no_placeholder_and_no_made_up_tag_in_any_generated_file(tmp_path: Path) -> None:
    clone = tmp_path / "ksd"
    clone.mkdir()
    _git(clone, "init", "-q", "-b", "main")
    (clone / "README.md").write_text("ksd\n", encoding="utf-8")
    _git(clone, "add", ".")
    _git(clone, "commit", "-q", "-m", "one")
    head = _git(clone, "rev-parse", "HEAD")
    # Without the tag of this version, the latest commit; with it, the tag.
    untagged = ksd_source(str(clone))
    assert untagged == KsdSource(str(clone.resolve()), head)
    _git(clone, "tag", f"v{__version__}")
    assert ksd_source(str(clone)).rev == f"v{__version__}"
    for source in (KsdSource(), untagged):
        for item in init_files("64", source=source):
            assert not re.search(r"OWNER|@[A-Z_]+@|\bv@", item.text), item.path
            if source.url is not None and item.path == ".pre-commit-config.yaml":
                (repo,) = YAML(typ="safe").load(item.text)["repos"]
                assert (repo["repo"], repo["rev"]) == (str(clone.resolve()), head)
            if item.path == ".github/workflows/ksd.yml":
                assert f'pip install "{source.requirement}"' in item.text
    assert untagged.requirement == f"ksd-cli @ git+{clone.resolve().as_uri()}@{head}"
