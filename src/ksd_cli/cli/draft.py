"""``ksd draft ID``: write one naskah of a record as Markdown or Word."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ksd_cli.answers import DraftAnswer, config_bytes, draft_key, witness
from ksd_cli.cli.common import (
    AsOfOption,
    ForceOption,
    LangOption,
    NoCacheOption,
    RootOption,
    answers_for,
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
    answers = answers_for(root, "draft", no_cache=no_cache) if fmt.name in _KEPT else None
    if answers is not None:
        from ksd_cli.gitio import head_id

        commit = head_id(answers.root)
        found = answers.find(
            lambda today: draft_key(
                record_id, choice, fmt.name, to_stdout, draft_mode, lang_, as_of, today, commit
            )
        )
        if isinstance(found, DraftAnswer):
            _deliver(found, output, force=force)
            return
    from ksd_cli.draft import NaskahIncomplete, render_naskah

    # Read before the repository is opened: a witness never vouches for a later text.
    config = config_bytes(answers.root) if answers is not None else None
    repo = repository(root)
    day = as_of_date(as_of, repo)
    seen = None
    if answers is not None:
        from ksd_cli.jinja import bundled_templates

        seen = witness(
            repo.root,
            config,
            [repo.agreements_dir, repo.potentials_dir],
            [repo.root / repo.config.paths.templates, bundled_templates()],
        )
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

    notes = []
    if rendered.new:
        worded = message(
            "draft.new",
            lang_,
            id=rendered.record_id,
            jenis=rendered.jenis,
            position=rendered.position,
        )
        notes.append(f"ksd: {worded}\n")
    if rendered.missing:
        for missing in rendered.missing:
            notes.append(
                terminal_text(f"{rendered.source}: {missing.path}: {missing.text(lang_)}") + "\n"
            )
        worded = message("draft.with-blanks", lang_, count=len(rendered.markers))
        notes.append(f"ksd: {worded}\n")
    answer = DraftAnswer(
        "".join(notes),
        rendered.markdown if to_stdout else None,
        None if to_stdout else rendered.content,
        rendered.default_filename(),
    )
    if answers is not None:
        commit = rendered.provenance.commit
        key = draft_key(
            record_id, choice, fmt.name, to_stdout, draft_mode, lang_, as_of, day, commit
        )
        answers.keep(key, answer, seen, zona_waktu=repo.config.daerah.zona_waktu)
    _deliver(answer, output, force=force)


#: The formats whose answer is kept (``ksd_cli.answers``). Not Word's: its comments on the
#: blanks carry the time they were written; nor PDF, which LibreOffice makes from Word's.
_KEPT = frozenset({"md"})


def _deliver(answer: DraftAnswer, output: str | None, *, force: bool) -> None:
    """Write the notes to stderr and the naskah to stdout or its file (printing its path)."""
    from ksd_cli.outputs import write_output

    sys.stderr.write(answer.notes)
    if answer.markdown is not None:
        sys.stdout.write(answer.markdown)
        return
    assert answer.content is not None
    target = Path(output) if output else Path(answer.default_filename)
    write_output(target, answer.content, force=force)
    sys.stdout.write(f"{target}\n")


def _choice(value: str | None) -> int | str | None:
    """``--naskah``: a position from 1, or a kind of naskah."""
    if value is None:
        return None
    if value.isdigit():
        if int(value) < 1:
            raise UsageProblem("--naskah", Msg("usage.naskah-from-one"))
        return int(value)
    from ksd_cli.draft.render import JENIS_NASKAH

    if value not in JENIS_NASKAH:
        raise UsageProblem(
            "--naskah",
            Msg("usage.naskah-choice", value=repr(value), choices=", ".join(JENIS_NASKAH)),
        )
    return value
