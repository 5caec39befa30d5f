"""``ksd new``: a new agreement or potential with the next free id, ready to fill in."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ksd_cli.cli.common import (
    AsOfOption,
    LangOption,
    RootOption,
    as_of_date,
    checked_year,
    language,
    repository,
)
from ksd_cli.errors import UsageProblem
from ksd_cli.messages import Lang, Msg, message


class RecordKind(enum.StrEnum):
    """What ``ksd new`` creates."""

    agreement = "agreement"
    potential = "potential"


JENIS = ("ksdd_wajib", "ksdd_sukarela", "ksdpk", "ksdpl", "ksdll", "sinergi")


def new(
    kind: Annotated[RecordKind, typer.Argument(help="agreement (kerja sama) or potential.")],
    jenis: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time
        typer.Option(
            "--jenis",
            metavar="JENIS",
            help="Kind of cooperation (for a potential: the proposed kind): "
            + ", ".join(JENIS)
            + ".",
            show_default=False,
        ),
    ] = None,
    judul: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--judul",
            help="Title (for a potential: the potential itself).",
            show_default=False,
        ),
    ] = None,
    mitra: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--mitra",
            help="The partner: a region code for ksdd_*, else the partner's name.",
            show_default=False,
        ),
    ] = None,
    urusan: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--urusan", metavar="KODE", help="Urusan code, e.g. 2.11.", show_default=False
        ),
    ] = None,
    tahun_text: Annotated[
        Optional[str],  # noqa: UP045 - a year, read by checked_year
        typer.Option(
            "--tahun",
            metavar="YYYY",
            help="Year in the id (default: the as-of year).",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Create a record with the next free id and every required field, and print its path.

    Values not given are placeholders starting with "ISI:" (or defaults named in catatan)
    that still pass ksd validate. On a terminal, missing --jenis and --judul are asked for;
    without one (CI, scripts) ksd never waits for input.
    """
    from ksd_cli.scaffold import create_record

    lang_ = language(lang)
    if jenis is not None and jenis not in JENIS:
        raise UsageProblem(
            "--jenis", Msg("usage.not-one-of", value=repr(jenis), choices=", ".join(JENIS))
        )
    tahun = checked_year("--tahun", tahun_text)
    repo = repository(root)
    day = as_of_date(as_of, repo)
    if _interactive():
        jenis, judul, mitra = _ask(kind, jenis, judul, mitra, lang_)
    created = create_record(
        repo,
        kind.value,
        as_of=day,
        jenis=jenis,
        judul=judul,
        mitra=mitra,
        urusan=urusan,
        year=tahun,
    )
    sys.stdout.write(f"{_shown(created.path)}\n")
    if created.placeholders:
        placeholders = ", ".join(created.placeholders)
        sys.stderr.write(message("new.fill-in", lang_, placeholders=placeholders) + "\n")


def _interactive() -> bool:
    """Whether someone can answer questions: stdin is a terminal (never in CI or scripts)."""
    return sys.stdin.isatty()


def _ask(
    kind: RecordKind, jenis: str | None, judul: str | None, mitra: str | None, lang: Lang
) -> tuple[str | None, str | None, str | None]:
    """Ask on the terminal for what was not given (empty answers keep the placeholders).

    Questions go to stderr, so that stdout holds only the path (``$EDITOR "$(ksd new
    agreement)"``). Ctrl-C or Ctrl-D at a question stops ksd (exit 130); a partner code
    that is not one is asked again.
    """
    from ksd_cli.errors import UserError
    from ksd_cli.scaffold import partner_region

    choices = ", ".join(JENIS)
    while jenis is None and kind is RecordKind.agreement:
        answer = _prompt(message("new.prompt.jenis", lang, choices=choices), "ksdd_sukarela")
        if answer in JENIS:
            jenis = answer
        else:
            typer.echo(message("new.prompt.jenis-again", lang, choices=choices), err=True)
    if judul is None:
        key = "new.prompt.judul" if kind is RecordKind.agreement else "new.prompt.potensi"
        judul = _prompt(message(key, lang)) or None
    pemda = jenis in ("ksdd_wajib", "ksdd_sukarela")
    while mitra is None and kind is RecordKind.agreement:
        key = "new.prompt.mitra-kode" if pemda else "new.prompt.mitra-nama"
        answer = _prompt(message(key, lang))
        if not answer:
            break
        if pemda:
            try:
                partner_region(answer, jenis or "ksdd_sukarela")
            except UserError as exc:
                hint = exc.hint_text(lang)
                typer.echo(exc.text(lang) + (f"\n  {hint}" if hint else ""), err=True)
                continue
        mitra = answer
    return jenis, judul, mitra


def _prompt(text: str, default: str = "") -> str:
    """One question on stderr; Ctrl-C or Ctrl-D stops ksd like Ctrl-C anywhere (exit 130)."""
    try:
        answer: str = typer.prompt(text, default=default, show_default=bool(default), err=True)
    except typer.Abort:  # Ctrl-C, or Ctrl-D (end of input)
        raise KeyboardInterrupt from None
    return answer.strip()


def _shown(path: Path) -> str:
    """The path relative to the working folder when inside it, else absolute."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
