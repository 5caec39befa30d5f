"""``ksd consolidate``: many regions' repositories in one table, with partner disagreements."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ksd_cli.cli.common import ForceOption, LangOption, language
from ksd_cli.cli.writing import OutputOption, format_option, plan_output
from ksd_cli.errors import UsageProblem
from ksd_cli.messages import Msg

if TYPE_CHECKING:
    from ksd_cli.consolidate.sources import ExpectedRule


def consolidate(
    sources: Annotated[
        Optional[list[str]],  # noqa: UP045 - typer reads the annotation at run time
        typer.Argument(
            metavar="SOURCE...",
            help="A data repository folder, a folder of repositories, a git URL or path "
            "(optionally @BRANCH or @TAG), or a ksd-konsolidasi.toml list. Without SOURCE: the "
            "ksd-konsolidasi.toml of the current folder.",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Judge every repository as of this day (default: today, Asia/Jakarta).",
            show_default=False,
        ),
    ] = None,
    expected: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--expected",
            metavar="provinsi|all|KODE,...",
            help="Regions expected to report (default: the list file's, else every province "
            "present with its kabupaten/kota; 'all' for every region of the code list).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Optional[str],  # noqa: UP045
        format_option(
            "consolidate",
            "text, json, md (a CI job summary) or xlsx (default: from the --output "
            "extension, else text).",
        ),
    ] = None,
    output: OutputOption = None,
    export_db: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--export-db",
            metavar="FILE",
            help="Also write every region's records and findings to FILE.parquet (one table), "
            "or every table to FILE.duckdb, for SQL across regions. Needs the optional extra: "
            "pip install 'ksd-cli\\[konsolidasi]'.",
            show_default=False,
        ),
    ] = None,
    offline: Annotated[
        bool,
        typer.Option("--offline", help="Use the git sources already cloned; fetch nothing."),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read every record anew instead of reusing the records cache (also "
            "KSD_NO_CACHE=1).",
        ),
    ] = False,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Consolidate many regions' repositories: a province's or Kemendagri's view.

    One row per region with the figures of ksd report and ksd mapping, the records that do
    not validate, the regions expected that have no repository ("belum melapor"), and every
    disagreement between two partner regions' records of one KSDD, with both file positions.
    A repository that cannot be read is listed and never stops the others; templates of the
    consolidated repositories are never rendered.
    """
    from ksd_cli.cache import cache_enabled
    from ksd_cli.config import Config
    from ksd_cli.consolidate import Options, consolidate, gather, kept
    from ksd_cli.consolidate.sources import LIST_FILE
    from ksd_cli.models import parse_date
    from ksd_cli.outputs import render

    lang_ = language(lang)
    if as_of is None:
        day = Config().today()
    else:
        parsed = parse_date(as_of)
        if parsed is None:
            raise UsageProblem("--as-of", Msg("usage.not-a-date", value=repr(as_of)))
        day = parsed
    if not sources:
        # A province keeps its list in a repository of its own and runs `ksd consolidate` there.
        if not (Path.cwd() / LIST_FILE).is_file():
            raise UsageProblem("SOURCE", Msg("konsolidasi.no-sources"))
        sources = [LIST_FILE]
    rule = _expected(expected)
    if export_db is not None:
        _check_export(export_db, force=force)
    plan = plan_output("consolidate", output_format, output, force=force)
    listed = gather(list(sources), cwd=Path.cwd())
    request = None
    if not (plan.to_file or export_db is not None or offline or no_cache) and cache_enabled():
        request = kept.request_for(
            listed, format=plan.format.name, as_of=as_of, lang=lang_, expected=expected
        )
    # Witnessed before any repository is read: an answer kept is one they were read for.
    seen = kept.witnessed(request) if request is not None else None
    result = consolidate(
        listed.sources,
        Options(as_of=day, lang=lang_, use_cache=not no_cache, offline=offline),
        expected=rule if rule is not None else listed.expected,
    )
    if request is None or seen is None:
        plan.write(result)
    else:
        text = render(plan.format, result)
        plan.write_rendered(text)
        if isinstance(text, str):
            kept.keep(request, seen, text)
    if export_db is not None:
        from ksd_cli.consolidate.export import export_bytes
        from ksd_cli.outputs import write_output

        write_output(export_db, export_bytes(result, export_db.suffix.lower()), force=force)


def _expected(value: str | None) -> ExpectedRule | tuple[str, ...] | None:
    """``--expected``: ``provinsi``, ``all``/``semua``, or codes separated by commas."""
    import re

    if value is None:
        return None
    word = value.strip().lower()
    if word in ("all", "semua"):
        return "semua"
    if word == "provinsi":
        return "provinsi"
    codes = tuple(c.strip() for c in value.split(",") if c.strip())
    if not codes or not all(re.fullmatch(r"[0-9]{2}(\.[0-9]{2})?", c) for c in codes):
        raise UsageProblem("--expected", Msg("konsolidasi.expected-invalid", value=value))
    return codes


def _check_export(path: Path, *, force: bool) -> None:
    """``--export-db``: a known extension, its libraries installed, a file that may be written."""
    from importlib.util import find_spec

    from ksd_cli.errors import UserError
    from ksd_cli.outputs import check_target

    libraries = {".parquet": ("pyarrow",), ".duckdb": ("pyarrow", "duckdb")}
    needed = libraries.get(path.suffix.lower())
    if needed is None:
        raise UsageProblem("--export-db", Msg("konsolidasi.export-suffix", path=path))
    if any(find_spec(library) is None for library in needed):
        raise UserError(
            Msg("konsolidasi.export-missing"), hint=Msg("konsolidasi.export-missing.hint")
        )
    check_target(path, force=force)
