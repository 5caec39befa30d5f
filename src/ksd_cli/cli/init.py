"""``ksd init``: scaffold a data repository for a region, ready for review and CI."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


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
    ksd_url: Annotated[
        str,
        typer.Option(
            "--ksd-url",
            metavar="URL",
            help="Git URL that pre-commit and CI install ksd from.",
        ),
    ] = "",
) -> None:
    """Create a data repository: ksd.toml, data folders, README, hooks and CI.

    Writes ksd.toml (the region's name and time zone from the code list), data/agreements/,
    data/potentials/, an Indonesian README.md, .gitattributes, .pre-commit-config.yaml,
    .github/workflows/ksd.yml and .gitlab-ci.yml. Existing files are never overwritten: if
    any exists, nothing is written (exit 1).
    """
    from ksd_cli.scaffold import KSD_URL, init_repository

    written = init_repository(directory, daerah, ksd_url=ksd_url or KSD_URL)
    for path in written:
        sys.stdout.write(f"dibuat: {path}\n")
    sys.stdout.write(
        "\nLangkah berikutnya / next steps:\n"
        f"  cd {directory}\n"
        "  git init -b main && git add . && git commit -m 'Repositori data kerja sama'\n"
        "  ksd new agreement --jenis ksdd_sukarela --judul 'Judul kerja sama'\n"
    )
