"""``ksd mapping``: the Rancangan Pemetaan Potensi Kerja Sama Daerah from the potential records."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ksd_cli.cli.common import (
    AsOfOption,
    ForceOption,
    LangOption,
    NoCacheOption,
    RootOption,
    as_of_date,
    checked_year,
    language,
    repository,
)
from ksd_cli.cli.writing import OutputOption, format_option, plan_output
from ksd_cli.errors import UsageProblem
from ksd_cli.messages import Msg, message

if TYPE_CHECKING:
    from ksd_cli.outputs import Format


def mapping(
    tahun_text: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time (checked_year)
        typer.Option(
            "--tahun",
            metavar="YYYY",
            help="Map the potentials of this year (default: every potential up to the as-of year).",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time
        format_option(
            "mapping",
            "xlsx, docx (with the draft Keputusan), md, pdf or json (default: from the "
            "--output extension, else md).",
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    root: RootOption = None,
    lang: LangOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Write the Rancangan Pemetaan Potensi: the matrix of potentials per urusan.

    Every urusan of the classification is listed, with "belum teridentifikasi" where no
    potential was mapped; each potential shows the agreements that follow it up, or the
    potensi_tanpa_tindak_lanjut finding. md and json go to stdout without --output; xlsx,
    docx and pdf go to ksd-pemetaan-<tahun>.<ext>.
    """
    from ksd_cli.idformat import number
    from ksd_cli.mapping import build_mapping
    from ksd_cli.reference import load_reference
    from ksd_cli.validate import load_sound_records

    lang_ = language(lang)
    tahun = checked_year("--tahun", tahun_text)
    repo = repository(root)
    day = as_of_date(as_of, repo)
    if tahun is not None and day.year < tahun:
        # As ``ksd report --periode``: a year not begun on the as-of date maps nothing.
        raise UsageProblem(
            "--as-of", Msg("usage.as-of-before-period", as_of=day, start=date(tahun, 1, 1))
        )
    slug = str(tahun) if tahun is not None else f"sd-{day.year}"

    def default_file(fmt: Format) -> Path:
        return Path(f"ksd-pemetaan-{slug}{fmt.suffix}")

    plan = plan_output("mapping", output_format, output, force=force, default_file=default_file)
    today = repo.config.today()
    sound = load_sound_records(repo, as_of=day, lang=lang_, today=today, use_cache=not no_cache)
    result = build_mapping(sound, repo.config, load_reference(), as_of=day, tahun=tahun, lang=lang_)
    options: dict[str, object] = {}
    if plan.format.name == "md":
        from ksd_cli.jinja import make_environment

        options["env"] = make_environment(repo)
    plan.write(result, **options)
    if result.invalid:
        count = number(len(result.invalid), lang_)
        sys.stderr.write(f"ksd: {message('pemetaan.invalid-stderr', lang_, count=count)}\n")
