"""``ksd stalled``: the cooperation that is stuck, and why, as of a date."""

from __future__ import annotations

import enum
import io
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer

from ksd_cli.cli.common import AsOfOption, LangOption, RootOption, as_of_date, language, repository
from ksd_cli.errors import UsageProblem
from ksd_cli.messages import Msg, message


class StalledFormat(enum.StrEnum):
    """Output formats of ``ksd stalled``."""

    text = "text"
    json = "json"
    csv = "csv"
    md = "md"
    xlsx = "xlsx"


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
        StalledFormat, typer.Option("--format", "-f", help="Output format.")
    ] = StalledFormat.text,
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation at run time
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (default: stdout; for xlsx ksd-stalled-<as-of>.xlsx).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
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
) -> None:
    r"""List cooperation that is stuck after signing, expiring, or never evaluated.

    Flags: kb_tanpa_pks, kb_kedaluwarsa_tanpa_pks, pks_tanpa_pelaksanaan, tanpa_monev,
    kedaluwarsa, akan_berakhir, dprd_tertunda, potensi_tanpa_tindak_lanjut. Thresholds come from
    \[stalled] in ksd.toml.
    """
    from ksd_cli.atomic import write_text_atomic
    from ksd_cli.reference import load_reference
    from ksd_cli.stalled import find_stalled
    from ksd_cli.validate import load_sound_records

    only_codes, fail_codes = _codes(only, "--only"), _codes(fail_on, "--fail-on")
    lang_ = language(lang)
    repo = repository(root)
    day = as_of_date(as_of, repo)
    sound = load_sound_records(repo, as_of=day, lang=lang_, today=repo.config.today())
    result = find_stalled(sound, repo.config, load_reference(), as_of=day, lang=lang_)
    failing = Counter(f.code for f in result.flags if f.code in fail_codes)
    if only_codes:
        result = result.only(only_codes)

    from ksd_cli import stalled_output

    if output_format is StalledFormat.xlsx:
        target = output or Path(f"ksd-stalled-{day.isoformat()}.xlsx")
        stalled_output.write_xlsx(result, target, lang=lang_)
        sys.stdout.write(f"{target}\n")
    else:
        buffer = io.StringIO() if output else sys.stdout
        if output_format is StalledFormat.text:
            stalled_output.write_text(result, buffer, color=False if output else None, lang=lang_)
        elif output_format is StalledFormat.json:
            stalled_output.write_json(result, buffer)
        elif output_format is StalledFormat.csv:
            stalled_output.write_csv(result, buffer)
        else:
            stalled_output.write_markdown(result, buffer, lang=lang_)
        if output is not None:
            write_text_atomic(output, buffer.getvalue())  # type: ignore[union-attr]
            sys.stdout.write(f"{output}\n")
    if failing:
        from ksd_cli.naming import FLAG_CODES

        named = ", ".join(f"{code} ({failing[code]})" for code in FLAG_CODES if code in failing)
        sys.stderr.write(f"ksd: {message('stalled.fail-on', lang_, flags=named)}\n")
    raise typer.Exit(1 if failing else 0)
