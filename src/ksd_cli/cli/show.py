"""``ksd show ID``: one record's timeline, documents, status and flags."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Optional, TextIO

import typer

from ksd_cli.answers import Answers, config_bytes, show_key, witness
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
from ksd_cli.cli.writing import OutputOption, OutputPlan, format_option, plan_output
from ksd_cli.errors import UsageProblem, UserError
from ksd_cli.escaping import markup_text, terminal_text, text_console
from ksd_cli.outputs import render

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement

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
    lang_ = language(lang)
    answers = answers_for(root, "show", no_cache=no_cache)
    if answers is not None:
        found = _answer(answers, record_id, output_format, output, force, as_of, lang_)
        if found is not None:
            plan, content = found
            plan.write_rendered(content)
            return
    from ksd_cli.reference import load_reference
    from ksd_cli.show import show_record
    from ksd_cli.validate import load_sound_record

    # Read before the repository is opened: a witness never vouches for a later text.
    config = config_bytes(answers.root) if answers is not None else None
    repo = repository(root)
    day = as_of_date(as_of, repo)
    plan = plan_output("show", output_format, output, force=force)
    # One reading of the clock: the day judged and the answer's key must agree at midnight.
    today = day if as_of is None else repo.config.today()
    kept = answers is not None and plan.format.name in _KEPT
    folders = [repo.agreements_dir, repo.potentials_dir]
    seen = witness(repo.root, config, folders) if kept else None
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
    if answers is None or not kept:
        plan.write(view, **options)
        return
    text = render(plan.format, view, **options)
    key = show_key(record_id, plan.format.name, lang_, as_of, today)
    answers.keep(key, text, seen, zona_waktu=repo.config.daerah.zona_waktu)
    plan.write_rendered(text)


#: The formats whose answer is kept (``ksd_cli.answers``): those that do not depend on the
#: terminal they are written to.
_KEPT = frozenset({"json"})


def _answer(
    answers: Answers,
    record_id: str,
    output_format: str | None,
    output: str | None,
    force: bool,
    as_of: str | None,
    lang: Lang,
) -> tuple[OutputPlan, str] | None:
    """Where the output goes and the answer kept for these options, if it still holds.

    ``None`` too when the output cannot be planned: the full path then says why, in the
    order it checks the options and the repository.
    """
    try:
        plan = plan_output("show", output_format, output, force=force)
    except (UsageProblem, UserError):
        return None
    if plan.format.name not in _KEPT:
        return None
    found = answers.find(lambda today: show_key(record_id, plan.format.name, lang, as_of, today))
    return (plan, found) if isinstance(found, str) else None


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
    from rich.markup import escape
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from ksd_cli.idformat import date_text
    from ksd_cli.messages import message
    from ksd_cli.naming import (
        flag_title,
        jenis_short,
        kategori_pihak_title,
        naskah_short,
        peran_title,
        peristiwa_title,
        status_title,
        tahap_title,
    )
    from ksd_cli.show import PotentialView

    def t(key: str, **args: object) -> str:
        return message(f"show.{key}", lang, **args)

    console = text_console(stream, color=color)
    data = view.as_dict()
    # The id has a closing tag right after it: rich's own escape keeps the tag a tag.
    shown_id = escape(terminal_text(data["id"]))
    if isinstance(view, PotentialView):
        console.print(f"[bold]{shown_id}[/]  {markup_text(data['potensi'])}")
        console.print(
            t(
                "potential-line",
                urusan=markup_text(data["urusan"]),
                prioritas=markup_text(data["prioritas"]),
                tahun=data["tahun"],
            )
        )
        follow = view.follow_up.agreements
        records = (
            ", ".join(markup_text(i) for i in follow) if follow else f"[red]{t('not-followed')}[/]"
        )
        console.print(t("followed-by", records=records))
    else:
        state = view.state
        console.print(f"[bold]{shown_id}[/]  {markup_text(data['judul'])}")
        console.print(
            t(
                "agreement-line",
                jenis=jenis_short(str(data["jenis"]), lang),
                status=f"[bold]{status_title(state.status, lang)}[/]",
                tahap=f"[bold]{tahap_title(state.tahap_terakhir, lang)}[/]",
                tanggal=date_text(state.as_of, lang),
            )
        )
        if view.pihak:
            parties = Table(title=t("parties"), title_justify="left")
            parties.add_column(t("col.peran"), no_wrap=True)
            parties.add_column(t("col.nama"), overflow="fold")
            parties.add_column(t("col.tipe"), overflow="fold")
            for p in view.pihak:
                tipe = t(f"tipe.{p.tipe}")
                if p.kategori:
                    tipe += f" · {kategori_pihak_title(p.kategori, lang)}"
                parties.add_row(
                    markup_text(peran_title(p.peran), keep_newlines=False),
                    markup_text(p.nama, keep_newlines=False) or "-",
                    tipe,
                )
            console.print(parties)
        timeline = Table(title=t("timeline"), title_justify="left")
        # A date or a number is folded onto the next line, never cut short with "…".
        timeline.add_column(t("col.tahap"), overflow="fold")
        timeline.add_column(t("col.tanggal"), overflow="fold")
        for row in view.linimasa:
            # v1.1: the events before signing sit among the stages, in the order they happened.
            title = (tahap_title if row.kind == "tahap" else peristiwa_title)(row.code, lang)
            timeline.add_row(title, date_text(row.tanggal, lang))
        console.print(timeline)
        rows: list[tuple[str, str, _Nomor, str, str, str]] = []
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
            rows.append(
                (
                    str(d.position + 1),
                    naskah_short(d.naskah.jenis, lang),
                    _Nomor(d.naskah.nomor or {}),
                    signed,
                    berlaku,
                    keadaan,
                )
            )
        if not rows:
            # No document yet (a proposal before its KB): a line says so, not an empty table.
            console.print(f"{t('documents')}: {t('no-documents')}")
        else:
            keys = ("jenis", "nomor", "ttd", "berlaku", "status")
            headers = ("#", *(t(f"col.{key}") for key in keys))
            documents = Table(title=t("documents"), title_justify="left", expand=True)
            longest, words = _measures(headers, rows)
            found = _widths(console.width, longest, words)
            widths: list[int | None] = [*found] if found else [None] * len(headers)
            documents.add_column(headers[0], no_wrap=True)
            # A document number is kept whole, under its party's label, whenever the other columns
            # can still show their longest word; else it breaks after a separator, never inside.
            documents.add_column(headers[1], overflow="fold", width=widths[1])
            documents.add_column(
                headers[2],
                no_wrap=_fits(console.width, longest, words),
                overflow="fold",
                width=widths[2],
            )
            for column, header in enumerate(headers[3:], start=3):
                documents.add_column(header, overflow="fold", width=widths[column])
            for cells in rows:
                documents.add_row(*cells)
            console.print(documents)
    if view.errors:
        console.print(f"[bold red]{message('show.has-errors', lang, count=len(view.errors))}[/]")
        for e in view.errors:
            console.print(
                f"  {markup_text(e.path, keep_newlines=False)}:{e.line}:{e.column}: "
                f"[red]{e.code}[/] {markup_text(e.message)}"
            )
    elif view.flags:
        console.print(f"[bold]{t('flags')}[/]")
        for f in view.flags:
            # The flag's title where a reader looks, its code for the machine; a long message
            # wraps under itself, not at the margin.
            line = Text.assemble(
                (flag_title(f.code, lang), "bold red"), f" ({f.code}): ", terminal_text(f.message)
            )
            console.print(Padding(line, (0, 0, 0, 2), expand=False))
    else:
        console.print(f"[green]{t('no-flags')}[/]")


class _Nomor:
    """The numbers of a document for a table cell: each party's role, then its number whole.

    A number folded anywhere ("180/015/HK/III/2" + "021") reads as two numbers, so the
    column is ``no_wrap`` and a number is only broken on a very narrow terminal, and then after
    a separator ("180/015/HK/" + "III/2021").
    """

    def __init__(self, nomor: Mapping[str, str]) -> None:
        from ksd_cli.naming import peran_title

        self.lines = [
            line
            for peran, number in nomor.items()
            for line in (f"{terminal_text(peran_title(peran), keep_newlines=False)}:",
                         terminal_text(number, keep_newlines=False))
        ]  # fmt: skip

    @property
    def width(self) -> int:
        """The longest line: the width that keeps every number whole."""
        return max(map(len, self.lines), default=1)

    @property
    def least(self) -> int:
        """The longest piece between separators: the narrowest the numbers can be."""
        return max((len(p) for line in self.lines for p in _SEPARATED.findall(line)), default=1)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        return Measurement(self.least, self.width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        width = options.max_width
        packed: list[str] = []
        for line in self.lines:
            current = ""
            for piece in _SEPARATED.findall(line):
                if current and len(current) + len(piece) > width:
                    packed.append(current)
                    current = ""
                current += piece
            packed.append(current)
        yield Text("\n".join(packed), overflow="fold")


def _measures(
    headers: tuple[str, ...], rows: list[tuple[str, str, _Nomor, str, str, str]]
) -> tuple[list[int], list[int]]:
    """Each column's longest line and longest word, in cells, its header's included.

    The numbers' column (2) is measured by its numbers: their longest line, and their longest
    piece between separators (where a number may break).
    """
    from rich.cells import cell_len

    longest, words = [], []
    for column, header in enumerate(headers):
        if column == 2:
            numbers = [n for n in (row[2] for row in rows) if isinstance(n, _Nomor)]
            longest.append(max([len(header), *(n.width for n in numbers)]))
            words.append(max([len(header), *(n.least for n in numbers)]))
            continue
        texts = [header, *(str(row[column]) for row in rows)]
        longest.append(max(cell_len(line) for text in texts for line in text.splitlines() or [""]))
        words.append(max(cell_len(w) for text in texts for w in text.split() or [""]))
    return longest, words


def _room(width: int, columns: int) -> int:
    """The cells of a table ``width`` wide left for its text: less its borders and padding."""
    return width - (3 * columns + 1)


def _widths(width: int, longest: list[int], words: list[int]) -> list[int] | None:
    """The documents table's column widths when its lines do not fit ``width``; else ``None``.

    rich shares a narrow width among wrapping columns by their widths, and breaks words of a
    short column ("Kesepahama-n", "Agus-tus") while a long one keeps room to spare. Here
    every column gets its longest word first, then the numbers their whole lines, then the
    others what is left: whole lines to those that lack least, then shares by what each
    lacks. ``None`` too when even the words do not fit: rich lays out what it can.
    """
    room = _room(width, len(longest))
    if sum(longest) <= room or sum(words) > room:
        return None
    given = [*words]
    given[2] = min(longest[2], room - (sum(words) - words[2]))
    # A column that lacks no more than its share of what is left gets its lines whole; what
    # is left then is shared by what each other column lacks of its lines.
    left = room - sum(given)
    columns = range(len(given))
    lacking = [0 if column == 2 else longest[column] - given[column] for column in columns]
    while left and any(lacking):
        least = min((lack, column) for column, lack in enumerate(lacking) if lack)
        if least[0] * sum(1 for lack in lacking if lack) > left:
            break
        given[least[1]] += least[0]
        left -= least[0]
        lacking[least[1]] = 0
    if not left or not any(lacking):
        return given
    shares = [left * lack / sum(lacking) for lack in lacking]
    extra = [int(share) for share in shares]
    by_fraction = sorted(columns, key=lambda c: extra[c] - shares[c])
    for column in by_fraction[: left - sum(extra)]:
        extra[column] += 1
    return [g + e for g, e in zip(given, extra, strict=True)]


def _fits(width: int, longest: list[int], words: list[int]) -> bool:
    """Whether the documents table fits ``width`` with every number whole.

    Every other column still needs its longest word (a date folded inside "September" is as
    bad as a number folded inside), plus the table's borders and padding.
    """
    return sum(words) - words[2] + longest[2] <= _room(width, len(words))


#: The pieces of a number (or label), each with the separator that ends it: "180/", "015/",
#: "HK/", "2021"; "pihak_", "kesatu:".
_SEPARATED = re.compile(r"[^/._\-\s]*[/._\-\s]|[^/._\-\s]+")
