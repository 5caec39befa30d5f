"""``ksd stalled``: the cooperation that is stuck, and why, as of a date."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer

from ksd_cli.cli.common import (
    AsOfOption,
    ForceOption,
    LangOption,
    NoCacheOption,
    RootOption,
    as_of_date,
    language,
    repository,
)
from ksd_cli.cli.writing import OutputOption, format_option, plan_output
from ksd_cli.errors import UsageProblem
from ksd_cli.messages import Msg, message


def _codes(value: str | None, option: str) -> list[str]:
    if not value:
        return []
    from ksd_cli.naming import FLAG_CODES

    codes = [c.strip() for c in value.split(",") if c.strip()]
    unknown = [c for c in codes if c not in FLAG_CODES]
    if unknown:
        raise UsageProblem(
            option,
            Msg("usage.unknown-flag", codes=", ".join(unknown), known=", ".join(FLAG_CODES)),
        )
    return codes


def stalled(
    output_format: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time
        format_option(
            "stalled",
            "Output format (default: from the --output extension, else text; xlsx goes "
            "to ksd-stalled-<as-of>.xlsx unless --output names a file).",
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    only: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--only", metavar="CODE,...", help="Show only these flags.", show_default=False
        ),
    ] = None,
    fail_on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--fail-on",
            metavar="CODE,...",
            help="Exit 1 when any of these flags occurs "
            "(a CI gate); otherwise flags do not fail the run.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    r"""List cooperation that is stuck before or after signing, expiring, or never evaluated.

    Flags: kb_tanpa_pks, kb_kedaluwarsa_tanpa_pks, pks_tanpa_pelaksanaan, tanpa_monev,
    kedaluwarsa, akan_berakhir, dprd_tertunda, potensi_tanpa_tindak_lanjut,
    usulan_tanpa_kemajuan, penawaran_tanpa_jawaban. Thresholds come from \[stalled] in ksd.toml.
    """
    from ksd_cli.collector import collection_paused
    from ksd_cli.stalled import find_stalled_in

    only_codes, fail_codes = _codes(only, "--only"), _codes(fail_on, "--fail-on")
    lang_ = language(lang)
    repo = repository(root)
    day = as_of_date(as_of, repo)
    plan = plan_output(
        "stalled",
        output_format,
        output,
        force=force,
        default_file=lambda fmt: Path(f"ksd-stalled-{day.isoformat()}{fmt.suffix}"),
    )
    today = repo.config.today()
    # The result lives until the process ends: the collector need not scan it again.
    with collection_paused(kept=True):
        result = find_stalled_in(repo, as_of=day, lang=lang_, today=today, use_cache=not no_cache)
    failing = Counter(f.code for f in result.flags if f.code in fail_codes)
    if only_codes:
        result = result.only(only_codes)

    options: dict[str, object] = {}
    if plan.format.name in ("text", "md", "xlsx"):
        options["lang"] = lang_
    if plan.format.name == "text":
        options["color"] = False if plan.to_file else None
    plan.write(result, **options)
    if failing:
        from ksd_cli.naming import FLAG_CODES

        named = ", ".join(f"{code} ({failing[code]})" for code in FLAG_CODES if code in failing)
        sys.stderr.write(f"ksd: {message('stalled.fail-on', lang_, flags=named)}\n")
    raise typer.Exit(1 if failing else 0)
