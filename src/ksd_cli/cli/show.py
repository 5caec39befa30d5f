"""``ksd show ID``: one record's timeline, documents, status and flags."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Optional, TextIO

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
from ksd_cli.cli.writing import OutputOption, format_check, format_metavar, plan_output
from ksd_cli.escaping import terminal_text

if TYPE_CHECKING:
    from ksd_cli.messages import Lang
    from ksd_cli.show import AgreementView, PotentialView


def show(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="An agreement or potential id.")],
    output_format: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time
        typer.Option(
            "--format",
            "-f",
            metavar=format_metavar("show"),
            callback=format_check("show"),
            help="Default: from the --output extension, else text.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Show one record as of a date: stages with dates, documents, status, flags."""
    from ksd_cli.reference import load_reference
    from ksd_cli.show import show_record
    from ksd_cli.validate import load_sound_records

    lang_ = language(lang)
    repo = repository(root)
    day = as_of_date(as_of, repo)
    plan = plan_output("show", output_format, output, force=force)
    view = show_record(
        load_sound_records(repo, as_of=day, lang=lang_, today=repo.config.today()),
        record_id,
        repo.config,
        load_reference(),
        as_of=day,
        lang=lang_,
    )
    options: dict[str, object] = {}
    if plan.format.name == "text":
        options["lang"] = lang_
        if plan.to_file:
            options["color"] = False
    plan.write(view, **options)


def write_json(view: AgreementView | PotentialView, stream: TextIO) -> None:
    """The record's view as JSON (``ksd show --format json``)."""
    json.dump(view.as_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_text(
    view: AgreementView | PotentialView,
    stream: TextIO,
    *,
    lang: Lang = "id",
    color: bool | None = None,
) -> None:
    """The record's view for people; record text is stripped of terminal control sequences."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from ksd_cli.idformat import tanggal
    from ksd_cli.messages import message

    console = Console(
        file=stream, highlight=False, force_terminal=color, no_color=color is False or None
    )
    data = view.as_dict()
    from ksd_cli.show import PotentialView

    if isinstance(view, PotentialView):
        console.print(f"[bold]{data['id']}[/]  {escape(terminal_text(data['potensi']))}")
        console.print(
            f"urusan {data['urusan']} · prioritas {data['prioritas']} · pemetaan {data['tahun']}"
        )
        follow = view.follow_up.agreements
        console.print(
            "ditindaklanjuti oleh: "
            + (", ".join(follow) if follow else "[red]belum ada kerja sama[/]")
        )
    else:
        state = view.state
        console.print(f"[bold]{data['id']}[/]  {escape(terminal_text(data['judul']))}")
        console.print(
            f"{data['jenis']} · status [bold]{state.status}[/] · tahap terakhir "
            f"[bold]{state.tahap_terakhir or '-'}[/] (per {tanggal(state.as_of)})"
        )
        timeline = Table(title="Tahapan", title_justify="left")
        # A date or a number is folded onto the next line, never cut short with "…".
        timeline.add_column("Tahap", overflow="fold")
        timeline.add_column("Tanggal", overflow="fold")
        for tahap, when in state.tanggal_tahap:
            timeline.add_row(tahap, tanggal(when))
        console.print(timeline)
        documents = Table(title="Naskah", title_justify="left", expand=True)
        for column in ("#", "Jenis", "Nomor", "Ditandatangani", "Berlaku", "Status"):
            documents.add_column(column, overflow="fold")
        for d in state.documents:
            mulai = tanggal(d.mulai) if d.mulai else "?"
            if d.sampai_tidak_diketahui:
                sampai = message("tambahan.sampai-tidak-diketahui", lang)
            else:
                sampai = tanggal(d.sampai) if d.sampai else message("tambahan.tanpa-batas", lang)
            berlaku = f"{mulai} – {sampai}"
            status = (
                "berlaku"
                if d.in_force
                else "berakhir"
                if d.ended
                else "belum berlaku"
                if d.signed
                else "draf"
            )
            if d.naskah.tidak_diarsipkan and not d.signed:
                # v1.1: known to exist, not held: neither a draft nor dated.
                berlaku = "-"
                status = message("tambahan.tidak-diarsipkan", lang)
            signed = tanggal(d.naskah.tanggal_ttd) if d.signed and d.naskah.tanggal_ttd else "-"
            documents.add_row(
                str(d.position + 1),
                d.naskah.jenis,
                escape(terminal_text(d.nomor).replace("; ", "\n")),
                signed,
                berlaku,
                status,
            )
        console.print(documents)
    if view.errors:
        console.print(f"[bold red]{message('show.has-errors', lang, count=len(view.errors))}[/]")
        for e in view.errors:
            console.print(
                f"  {escape(e.path)}:{e.line}:{e.column}: [red]{e.code}[/] {escape(e.message)}"
            )
    elif view.flags:
        console.print("[bold]Temuan[/]")
        for f in view.flags:
            console.print(f"  [red]{f.code}[/]: {escape(terminal_text(f.message))}")
    else:
        console.print("[green]Tidak ada temuan.[/]")
