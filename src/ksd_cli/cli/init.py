"""``ksd init``: scaffold a data repository for a region, ready for review and CI."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ksd_cli.cli.common import LangOption, language
from ksd_cli.messages import message


def init(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="Folder of the new data repository (created if missing).",
            file_okay=False,
        ),
    ] = Path("."),
    daerah: Annotated[
        str,
        typer.Option(
            "--daerah",
            metavar="KODE",
            help="Code of the owning region in Kemendagri's list: 64.02 (kabupaten/kota) or "
            "64 (provinsi).",
        ),
    ] = ...,  # type: ignore[assignment]
    ksd_source: Annotated[
        str,
        typer.Option(
            "--ksd-source",
            "--ksd-url",
            metavar="URL|PATH",
            help="Install ksd (in CI and pre-commit) from this git repository, a URL or a local "
            "clone, at its tag for this version or else its latest commit. Default: the "
            "package index, ksd-cli at this version.",
        ),
    ] = "",
    skip_existing: Annotated[
        bool,
        typer.Option(
            "--skip-existing",
            help="Add ksd to an existing repository: write only the files that are missing "
            "(an existing README.md or CI file is kept as it is).",
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Create a data repository: ksd.toml, data folders, README, hooks and CI.

    Writes ksd.toml (the region's name and time zone from the code list), data/agreements/,
    data/potentials/, an Indonesian README.md, .gitattributes, .gitignore,
    .pre-commit-config.yaml, .github/workflows/ksd.yml and .gitlab-ci.yml. Existing files are
    never overwritten: if any exists, nothing is written (exit 1), unless --skip-existing.
    """
    from ksd_cli.scaffold import init_repository

    lang_ = language(lang)
    from ksd_cli.scaffold import ksd_source as source_of

    result = init_repository(
        directory, daerah, source=source_of(ksd_source or None), skip_existing=skip_existing
    )
    for path in result.written:
        sys.stdout.write(f"{message('init.written', lang_, path=path)}\n")
    for path in result.skipped:
        sys.stdout.write(f"{message('init.skipped', lang_, path=path)}\n")
    sys.stdout.write("\n" + message("init.next-steps", lang_, directory=directory) + "\n")
