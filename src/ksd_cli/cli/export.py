"""``ksd export``: the repository as a register an analyst can sort, filter and hand around."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ksd_cli.cli.common import (
    AsOfOption,
    ForceOption,
    LangOption,
    RootOption,
    as_of_date,
    language,
    repository,
)
from ksd_cli.messages import message


class ExportFormat(enum.StrEnum):
    """The file formats of ``ksd export`` (the keys of ``register.exporter.WRITERS``)."""

    xlsx = "xlsx"
    csv = "csv"


class ExportPer(enum.StrEnum):
    """One row per document or per record."""

    naskah = "naskah"
    record = "record"


def export(
    format_: Annotated[
        Optional[ExportFormat],  # noqa: UP045 - typer reads the annotation at run time
        typer.Option(
            "--format",
            "-f",
            help="xlsx or csv (default: from --output, else xlsx; csv with -o - to stdout).",
            show_default=False,
        ),
    ] = None,
    per: Annotated[
        ExportPer, typer.Option("--per", help="One row per naskah (document) or per record.")
    ] = ExportPer.naskah,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            help="File to write (default: register-ksd.xlsx).",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    force: ForceOption = False,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Export the agreements as a register (Excel or CSV) that ksd import reads back.

    Headings are the ones ksd import recognises; dates and rupiah are typed; stage and status
    are derived as of --as-of; a hidden "Kunci ksd" column lets an edited register update
    exactly the records it came from.
    """
    from ksd_cli.atomic import refuse_overwrite
    from ksd_cli.naming import repository_region
    from ksd_cli.register.exporter import cut_cells, export_register, export_table, write_csv_to

    words = language(lang)
    fmt = _format(format_.value if format_ is not None else None, output)
    to_stdout = output is not None and str(output) == "-"
    path = output if output is not None else Path(f"register-ksd.{fmt}")
    if not to_stdout:
        refuse_overwrite(path, force)
    repo = repository(root)
    day = as_of_date(as_of, repo)
    owner = repository_region(repo.config, [s.path.stem for s in repo.source_files()])
    if to_stdout:  # CSV is text: for a pipe, without the BOM a file keeps for Excel
        table = export_table(repo, as_of=day, per=per.value, owner=owner)
        write_csv_to(table, sys.stdout)
    else:
        table = export_register(repo, path, fmt=fmt, per=per.value, as_of=day, owner=owner)
    rows = len(table.rows)
    where = "stdout" if to_stdout else str(path)
    sys.stderr.write(message("register.exported", words, rows=rows, file=where) + "\n")
    cut = cut_cells(table) if fmt == "xlsx" else ()
    if cut:
        cells = "; ".join(f"{key} {heading}" for key, heading in cut)
        sys.stderr.write(
            f"ksd: {message('impor.export-cut', words, count=len(cut), cells=cells)}\n"
        )
    if table.skipped:
        # As ksd report and ksd stalled: the register is written, the files left out named
        # (exit 0: what loads is exported; ksd validate is the command that fails on them).
        files = "; ".join(
            f"{r.path} ({message('stalled.errors', words, count=r.errors)})" for r in table.skipped
        )
        count = len(table.skipped)
        sys.stderr.write(f"ksd: {message('impor.export-skipped', words, count=count)}: {files}\n")


def _format(requested: str | None, output: Path | None) -> str:
    """The register's format: ``--format``, else the ``--output`` extension, else xlsx.

    Never a file whose content does not match its name: ``-o x.ods`` (a format export does
    not write), ``--format csv -o x.xlsx`` and ``-o -`` but for CSV (a workbook is no text
    for standard output) are usage errors, as with every command that writes files.
    """
    from ksd_cli.errors import UsageProblem
    from ksd_cli.messages import Msg

    if output is None:
        return requested or "xlsx"
    if str(output) == "-":
        if requested == "csv":
            return requested  # text: standard output
        raise UsageProblem("--output", Msg("usage.xlsx-to-stdout"))
    suffix = output.suffix.lower()
    written = [f.value for f in ExportFormat]
    if suffix and suffix.lstrip(".") not in written:
        formats = ", ".join(f"{name} (.{name})" for name in written)
        raise UsageProblem(
            "--output",
            Msg(
                "usage.suffix-not-written",
                output=output,
                kind="export",
                suffix=suffix,
                formats=formats,
            ),
        )
    by_suffix = suffix.lstrip(".") or None
    if requested is not None and by_suffix is not None and requested != by_suffix:
        raise UsageProblem(
            "--format", Msg("usage.format-mismatch", format=requested, output=output, suffix=suffix)
        )
    return requested or by_suffix or "xlsx"
