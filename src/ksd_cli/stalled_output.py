"""Writing a ``StalledResult``: a rich table, JSON, CSV, Markdown for job summaries, Excel."""

from __future__ import annotations

import csv
import io
import json
from typing import TextIO

from ksd_cli.escaping import csv_cell, markdown_cell, markdown_code, terminal_text
from ksd_cli.idformat import tanggal
from ksd_cli.stalled import StalledResult

JUDUL_FLAG = {
    "kb_tanpa_pks": "KB tanpa PKS",
    "kb_kedaluwarsa_tanpa_pks": "KB berakhir tanpa PKS",
    "pks_tanpa_pelaksanaan": "PKS tanpa pelaksanaan",
    "tanpa_monev": "Tanpa monev",
    "kedaluwarsa": "Kedaluwarsa",
    "akan_berakhir": "Akan berakhir",
    "dprd_tertunda": "Persetujuan DPRD tertunda",
    "potensi_tanpa_tindak_lanjut": "Potensi tanpa tindak lanjut",
}


def write_text(result: StalledResult, stream: TextIO, *, color: bool | None = None) -> None:
    """A table sorted by days past the threshold, then a count per flag."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(
        file=stream, highlight=False, force_terminal=color, no_color=color is False or None
    )
    title = f"Kerja sama yang perlu perhatian per {tanggal(result.as_of)}"
    if result.flags:
        table = Table(title=title, expand=True)
        table.add_column("ID", no_wrap=True)
        table.add_column("Temuan", max_width=14)
        table.add_column("Hari", justify="right", no_wrap=True)
        table.add_column("Batas", justify="right", no_wrap=True)
        table.add_column("Keterangan", ratio=1)
        for f in result.flags:
            style = "yellow" if f.kategori == "pengingat" else None
            table.add_row(
                escape(terminal_text(f.id)),
                JUDUL_FLAG[f.code],
                str(f.days),
                str(f.threshold),
                escape(terminal_text(f.message)),
                style=style,
            )
        console.print(table)
    else:
        console.print(f"[green]Tidak ada temuan per {tanggal(result.as_of)}.[/]")
    counts = "  ".join(f"{code}: {n}" for code, n in result.counts().items() if n)
    console.print(
        f"{len(result.flags)} temuan pada {len({f.id for f in result.flags})} dari "
        f"{result.records} rekaman" + (f" ({counts})" if counts else "")
    )
    _write_invalid_note(result, console)


def _write_invalid_note(result: StalledResult, console: object) -> None:
    if not result.invalid:
        return
    from rich.markup import escape

    lines = [
        f"{escape(terminal_text(r.path, keep_newlines=False))} ({r.errors} galat)"
        for r in result.invalid
    ]
    console.print(  # type: ignore[attr-defined]
        f"[bold red]{len(result.invalid)} rekaman tidak valid dan tidak dinilai[/] "
        "(jalankan `ksd validate`): " + "; ".join(lines)
    )


def write_json(result: StalledResult, stream: TextIO) -> None:
    """The stable JSON form."""
    json.dump(result.as_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


CSV_COLUMNS = (
    "id",
    "code",
    "kategori",
    "since",
    "days",
    "threshold",
    "stage",
    "judul",
    "mitra",
    "perangkat_daerah",
    "naskah",
    "path",
    "message",
)


def write_csv(result: StalledResult, stream: TextIO) -> None:
    """One row per flag; lists joined with "; "."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in result.flags:
        row = f.as_dict()
        writer.writerow(_csv_value(row[c]) for c in CSV_COLUMNS)


def _csv_value(value: object) -> object:
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return csv_cell(value)


def write_markdown(result: StalledResult, stream: TextIO) -> None:
    """GitHub-flavoured Markdown, ready for a pull request comment or a job summary."""
    out = io.StringIO()
    out.write(f"### Kerja sama yang perlu perhatian per {tanggal(result.as_of)}\n\n")
    if result.flags:
        out.write(
            "| ID | Temuan | Tahap | Hari | Batas | Keterangan |\n|---|---|---|--:|--:|---|\n"
        )
        for f in result.flags:
            out.write(
                f"| {markdown_cell(f.id)} | {markdown_cell(JUDUL_FLAG[f.code])} "
                f"| {markdown_cell(f.stage or '-')} "
                f"| {f.days} | {f.threshold} | {markdown_cell(f.message)} |\n"
            )
    else:
        out.write("Tidak ada temuan.\n")
    out.write("\n| Temuan | Jumlah |\n|---|--:|\n")
    for code, n in result.counts().items():
        out.write(f"| {JUDUL_FLAG[code]} (`{code}`) | {n} |\n")
    if result.invalid:
        out.write(
            f"\n**{len(result.invalid)} rekaman tidak valid dan tidak dinilai** "
            "(jalankan `ksd validate`):\n\n"
        )
        for r in result.invalid:
            out.write(f"- {markdown_code(r.path)} ({r.errors} galat)\n")
    stream.write(out.getvalue())


def xlsx_bytes(result: StalledResult) -> bytes:
    """A workbook with the sheet ``Temuan``: one row per flag, dates as dates."""
    from openpyxl import Workbook

    from ksd_cli.xlsx import INTEGER_FORMAT, Column, workbook_bytes, write_table

    workbook = Workbook()
    ws = workbook.active
    ws.title = "Temuan"
    columns = [
        Column("ID", 20),
        Column("Judul", 40),
        Column("Kode temuan", 26),
        Column("Kategori", 11),
        Column("Sejak", 16),
        Column("Hari", 8, INTEGER_FORMAT),
        Column("Batas (hari)", 11, INTEGER_FORMAT),
        Column("Tahap", 20),
        Column("Mitra", 30),
        Column("Perangkat daerah", 30),
        Column("Keterangan", 70),
    ]
    rows = [
        [
            f.id,
            f.judul,
            f.code,
            f.kategori,
            f.since,
            f.days,
            f.threshold,
            f.stage or "",
            "; ".join(f.mitra),
            "; ".join(f.perangkat_daerah),
            f.message,
        ]
        for f in result.flags
    ]
    write_table(ws, columns, rows)
    counts = workbook.create_sheet("Ringkasan")
    write_table(
        counts,
        [Column("Kode temuan", 30), Column("Jumlah", 10, INTEGER_FORMAT)],
        [[code, n] for code, n in result.counts().items()],
    )
    return workbook_bytes(workbook)
