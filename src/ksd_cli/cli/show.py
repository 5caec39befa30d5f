"""``ksd show ID``: one record's timeline, documents, status and flags."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Optional, TextIO

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
from ksd_cli.escaping import terminal_text

if TYPE_CHECKING:
    from ksd_cli.messages import Lang
    from ksd_cli.show import AgreementView, PotentialView


def show(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="An agreement or potential id.")],
    output_format: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time
        format_option(
            "show",
            "Default: from the --output extension, else text.",
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    as_of: AsOfOption = None,
    root: RootOption = None,
    lang: LangOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Show one record as of a date: stages with dates, documents, status, flags."""
    from ksd_cli.reference import load_reference
    from ksd_cli.show import show_record
    from ksd_cli.validate import load_sound_record

    lang_ = language(lang)
    repo = repository(root)
    day = as_of_date(as_of, repo)
    plan = plan_output("show", output_format, output, force=force)
    today = repo.config.today()
    view = show_record(
        load_sound_record(
            repo, record_id, as_of=day, lang=lang_, today=today, use_cache=not no_cache
        ),
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
    """The record's view for people, in ``lang``; record text stripped of control sequences."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from ksd_cli.idformat import date_text
    from ksd_cli.messages import message
    from ksd_cli.naming import (
        jenis_short,
        naskah_short,
        peristiwa_title,
        status_title,
        tahap_title,
    )
    from ksd_cli.show import PotentialView

    def t(key: str, **args: object) -> str:
        return message(f"show.{key}", lang, **args)

    console = Console(
        file=stream, highlight=False, force_terminal=color, no_color=color is False or None
    )
    data = view.as_dict()
    if isinstance(view, PotentialView):
        console.print(f"[bold]{data['id']}[/]  {escape(terminal_text(data['potensi']))}")
        console.print(
            t(
                "potential-line",
                urusan=data["urusan"],
                prioritas=data["prioritas"],
                tahun=data["tahun"],
            )
        )
        follow = view.follow_up.agreements
        records = ", ".join(follow) if follow else f"[red]{t('not-followed')}[/]"
        console.print(t("followed-by", records=records))
    else:
        state = view.state
        console.print(f"[bold]{data['id']}[/]  {escape(terminal_text(data['judul']))}")
        console.print(
            t(
                "agreement-line",
                jenis=jenis_short(str(data["jenis"]), lang),
                status=f"[bold]{status_title(state.status, lang)}[/]",
                tahap=f"[bold]{tahap_title(state.tahap_terakhir, lang)}[/]",
                tanggal=date_text(state.as_of, lang),
            )
        )
        timeline = Table(title=t("timeline"), title_justify="left")
        # A date or a number is folded onto the next line, never cut short with "…".
        timeline.add_column(t("col.tahap"), overflow="fold")
        timeline.add_column(t("col.tanggal"), overflow="fold")
        for row in view.linimasa:
            # v1.1: the events before signing sit among the stages, in the order they happened.
            title = (tahap_title if row.kind == "tahap" else peristiwa_title)(row.code, lang)
            timeline.add_row(title, date_text(row.tanggal, lang))
        console.print(timeline)
        documents = Table(title=t("documents"), title_justify="left", expand=True)
        documents.add_column("#", no_wrap=True)
        documents.add_column(t("col.jenis"), no_wrap=True)
        for key in ("col.nomor", "col.ttd", "col.berlaku", "col.status"):
            documents.add_column(t(key), overflow="fold")
        for d in state.documents:
            mulai = date_text(d.mulai, lang) if d.mulai else "?"
            if d.sampai_tidak_diketahui:
                sampai = message("tambahan.sampai-tidak-diketahui", lang)
            elif d.sampai:
                sampai = date_text(d.sampai, lang)
            else:
                sampai = message("tambahan.tanpa-batas", lang)
            berlaku = f"{mulai} – {sampai}"
            keadaan = t(
                "doc.berlaku"
                if d.in_force
                else "doc.berakhir"
                if d.ended
                else "doc.belum-berlaku"
                if d.signed
                else "doc.draf"
            )
            if d.naskah.tidak_diarsipkan and not d.signed:
                # v1.1: known to exist, not held: neither a draft nor dated.
                berlaku = "-"
                keadaan = message("tambahan.tidak-diarsipkan", lang)
            ttd = d.naskah.tanggal_ttd
            signed = date_text(ttd, lang) if d.signed and ttd else "-"
            documents.add_row(
                str(d.position + 1),
                naskah_short(d.naskah.jenis, lang),
                escape(terminal_text(d.nomor).replace("; ", "\n")),
                signed,
                berlaku,
                keadaan,
            )
        console.print(documents)
    if view.errors:
        console.print(f"[bold red]{message('show.has-errors', lang, count=len(view.errors))}[/]")
        for e in view.errors:
            console.print(
                f"  {escape(e.path)}:{e.line}:{e.column}: [red]{e.code}[/] {escape(e.message)}"
            )
    elif view.flags:
        console.print(f"[bold]{t('flags')}[/]")
        for f in view.flags:
            console.print(f"  [red]{f.code}[/]: {escape(terminal_text(f.message))}")
    else:
        console.print(f"[green]{t('no-flags')}[/]")
