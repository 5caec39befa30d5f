"""``ksd draft ID``: write one naskah of a record as Markdown or Word."""

from __future__ import annotations

import sys
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
from ksd_cli.cli.writing import format_option
from ksd_cli.errors import UsageProblem
from ksd_cli.escaping import terminal_text
from ksd_cli.messages import Msg, message


def draft(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="An agreement id.")],
    naskah: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time
        typer.Option(
            "--naskah",
            "-n",
            metavar="N|JENIS",
            help="Which naskah: its position in the record's naskah list (from 1), or a kind "
            "(the latest of that kind; a new one if the record has none), e.g. "
            "perjanjian_kerja_sama. Default: the latest entry, or a new kesepakatan_bersama.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time
        format_option(
            "draft",
            "Markdown, Word, or PDF through LibreOffice (default: from the --output "
            "extension, else md).",
        ),
    ] = None,
    output: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE (default: <ID>-<jenis>.md or .docx in the working folder); "
            "its extension chooses the format; '-' writes Markdown to stdout.",
            show_default=False,
        ),
    ] = None,
    force: ForceOption = False,
    draft_mode: Annotated[
        bool,
        typer.Option(
            "--draft",
            help="Render even when required data is missing: each gap is a blank "
            "(........), named in a footnote (Markdown) or a comment (Word).",
        ),
    ] = False,
    as_of: AsOfOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Write a naskah (KB, PKS, nota kesepakatan, adendum) of a record as Markdown, Word or PDF.

    Required data the record lacks (place, date, numbers, signatories) is listed on stderr.

    Exit 1 when data is missing; with --draft the naskah is written with blanks (........).

    Prints the path of the file written. Templates: bundled, or the repository's templates/.
    """
    from ksd_cli.draft import NaskahIncomplete, render_naskah, write_naskah
    from ksd_cli.outputs import check_target, choose_format

    lang_ = language(lang)
    choice = _choice(naskah)
    to_stdout = output == "-"
    named = Path(output) if output and not to_stdout else None
    fmt = choose_format("draft", output_format, named)
    if to_stdout and fmt.name == "docx":
        raise UsageProblem("--output", Msg("usage.docx-to-stdout"))
    if to_stdout and fmt.name == "pdf":
        raise UsageProblem("--output", Msg("usage.binary-to-stdout", format="PDF"))
    if named is not None:
        check_target(named, force=force)
    repo = repository(root)
    day = as_of_date(as_of, repo)
    try:
        rendered = render_naskah(
            repo,
            record_id,
            naskah=choice,
            output_format="pdf" if fmt.name == "pdf" else "docx" if fmt.name == "docx" else "md",
            draft=draft_mode,
            today=day,
            use_cache=not no_cache,
        )
    except NaskahIncomplete as exc:
        for missing in exc.missing:
            sys.stderr.write(
                terminal_text(f"{exc.source}: {missing.path}: {missing.text(lang_)}") + "\n"
            )
        label = message("boundary.hint-label", lang_)
        sys.stderr.write(
            f"ksd: {message('draft.incomplete', lang_, count=len(exc.missing))}\n"
            f"  {label}: {message('draft.incomplete.hint-blanks', lang_)}\n"
        )
        raise typer.Exit(1) from None

    if rendered.new:
        worded = message(
            "draft.new",
            lang_,
            id=rendered.record_id,
            jenis=rendered.jenis,
            position=rendered.position,
        )
        sys.stderr.write(f"ksd: {worded}\n")
    if rendered.missing:
        for missing in rendered.missing:
            sys.stderr.write(
                terminal_text(f"{rendered.source}: {missing.path}: {missing.text(lang_)}") + "\n"
            )
        worded = message("draft.with-blanks", lang_, count=len(rendered.markers))
        sys.stderr.write(f"ksd: {worded}\n")
    if to_stdout:
        sys.stdout.write(rendered.markdown)
        return
    target = Path(output) if output else Path(rendered.default_filename())
    write_naskah(rendered, target, force=force)
    sys.stdout.write(f"{target}\n")


def _choice(value: str | None) -> int | str | None:
    """``--naskah``: a position from 1, or a kind of naskah."""
    from ksd_cli.draft.render import JENIS_NASKAH

    if value is None:
        return None
    if value.isdigit():
        if int(value) < 1:
            raise UsageProblem("--naskah", Msg("usage.naskah-from-one"))
        return int(value)
    if value not in JENIS_NASKAH:
        raise UsageProblem(
            "--naskah",
            Msg("usage.naskah-choice", value=repr(value), choices=", ".join(JENIS_NASKAH)),
        )
    return value
