"""``ksd import``: bring a spreadsheet register (xlsx, ods, csv) into the repository."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ksd_cli.cli.common import AsOfOption, LangOption, RootOption, as_of_date, language, repository
from ksd_cli.errors import UsageProblem, UserError
from ksd_cli.messages import Lang, Msg, message, render

if TYPE_CHECKING:
    from ksd_cli.register.importer import ImportPlan
    from ksd_cli.repository import Repository


def import_(
    file: Annotated[
        Path,
        typer.Argument(
            help="The register: .xlsx, .ods, .xls or .csv; with --from sikerja, the folder of "
            "SIKERJA's exported tables."
        ),
    ],
    from_: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--from",
            metavar="SYSTEM",
            help="Import another system's exported tables instead of a register: sikerja.",
            show_default=False,
        ),
    ] = None,
    zona_waktu: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--zona-waktu",
            "--timezone",
            help="Zone of the system's timestamps: WIB, WITA, WIT, UTC or an IANA name "
            "(default: the region's zone).",
            show_default=False,
        ),
    ] = None,
    sheet: Annotated[
        Optional[str],  # noqa: UP045 - typer reads the annotation at run time
        typer.Option("--sheet", help="Sheet to read (default: the first).", show_default=False),
    ] = None,
    map_: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--map",
            metavar="COLUMN=FIELD",
            help="Feed COLUMN (a heading or a column letter) to FIELD; FIELD - ignores it.",
            show_default=False,
        ),
    ] = None,
    mapping: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--mapping",
            help="A mapping file (TOML, \\[kolom] heading = field).",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    write_mapping: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--write-mapping",
            help="Write the mapping chosen as TOML, to edit and pass back with --mapping.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would happen; write no record.")
    ] = False,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Write the good rows, skip the bad ones.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --write-mapping file if it exists.")
    ] = False,
    as_of: AsOfOption = None,
    root: RootOption = None,
    lang: LangOption = None,
) -> None:
    """Import a register: one record per cooperation, its rows' documents as its naskah.

    The column mapping is printed first (stderr); correct it with --map or --mapping. Problems
    are shown at their cell (register.xlsx:Daftar!F12). Nothing is written when a row has an
    error, unless --skip-invalid. Importing the same register again changes nothing.
    """
    from ksd_cli.collector import collection_paused
    from ksd_cli.register.headings import FIELDS
    from ksd_cli.register.importer import read_mapping_file

    words = language(lang)
    overrides = read_mapping_file(mapping) if mapping is not None else {}
    for item in map_ or ():
        column, sep, field = item.partition("=")
        if not sep or not column.strip() or not field.strip():
            raise UserError(Msg("register.bad-map", value=item, fields=", ".join(FIELDS)))
        overrides[column.strip()] = field.strip()
    # Every cell, row, record and text planned stays alive until the records are written and
    # listed: with the cycle collector back on after planning, its first pass would scan all
    # of it and free nothing (0.1 s for ten thousand rows). They are freed, by reference
    # counting, when _import returns, before the collector is back.
    with collection_paused():
        _import(
            file,
            from_=from_,
            zona_waktu=zona_waktu,
            sheet=sheet,
            map_=map_,
            mapping=mapping,
            write_mapping=write_mapping,
            force=force,
            overrides=overrides,
            dry_run=dry_run,
            skip_invalid=skip_invalid,
            as_of=as_of,
            root=root,
            words=words,
        )


def _import(
    file: Path,
    *,
    from_: str | None,
    zona_waktu: str | None,
    sheet: str | None,
    map_: list[str] | None,
    mapping: Path | None,
    write_mapping: Path | None,
    force: bool,
    overrides: dict[str, str],
    dry_run: bool,
    skip_invalid: bool,
    as_of: str | None,
    root: Path | None,
    words: Lang,
) -> None:
    """Plan the import, say what was found, write the records and list them."""
    from ksd_cli.outputs import write_output
    from ksd_cli.register.importer import mapping_toml, plan_import, write_plan
    from ksd_cli.scaffold import owner_code

    repo = repository(root)
    day = as_of_date(as_of, repo)
    owner = owner_code(repo)
    if from_ is not None:
        if from_.strip().lower() != "sikerja":
            raise UsageProblem("--from", Msg("impor.from-unknown", value=from_))
        for option, given in (("--sheet", sheet), ("--map", map_), ("--mapping", mapping),
                              ("--write-mapping", write_mapping)):  # fmt: skip
            if given:
                raise UsageProblem(option, Msg("impor.not-with-from"))
        plan = _plan_sikerja(repo, file, day, owner, zona_waktu, words)
    else:
        if write_mapping is not None:
            _check_mapping_target(write_mapping, file, force)
        plan = plan_import(repo, file, as_of=day, owner=owner, sheet=sheet, overrides=overrides,
                           lang=words)  # fmt: skip
        _print_mapping(plan, words)
    if write_mapping is not None and plan.layout is not None:
        write_output(write_mapping, mapping_toml(plan.layout), force=force)
        sys.stderr.write(message("register.mapping-written", words, file=str(write_mapping)) + "\n")
    labels = {
        level: message(key, words) if key else "info"
        for level, key in (("error", "severity.error"), ("warning", "severity.warning"),
                           ("info", None))
    }  # fmt: skip
    # One write for all (a register of ten thousand rows has thousands of notes), as for the
    # records below: the output is the same, written line by line or at once.
    sys.stderr.write(
        "".join(
            f"{plan.where(f)}: {labels[f.level]}: {render(f.words, words)}\n" for f in plan.findings
        )
    )
    errors = sum(1 for f in plan.findings if f.level == "error")
    if errors and not skip_invalid and not dry_run:
        raise UserError(Msg("register.not-written", errors=errors),
                        hint=Msg("register.not-written.hint"))  # fmt: skip
    usable = plan.usable(skip_invalid or dry_run)
    if not dry_run:
        write_plan(plan, skip_invalid=skip_invalid)
    counts = {
        a: sum(1 for r in usable if r.action == a) for a in ("created", "updated", "unchanged")
    }
    skipped = plan.skipped(skip_invalid or dry_run)
    shown = _Shown(Path.cwd().resolve())
    sys.stdout.write(
        "".join(f"{r.action}\t{r.id}\t{shown(r.path)}\n" for r in usable if r.action != "unchanged")
    )
    if skipped:
        key = "register.skipped-rows" if plan.layout is not None else "impor.skipped-records"
        sys.stderr.write(message(key, words, rows=", ".join(skipped)) + "\n")
    sys.stderr.write(message("register.summary", words, skipped=len(skipped), **counts) + "\n")
    if dry_run:
        sys.stderr.write(message("register.dry-run", words) + "\n")
    if errors and (dry_run or not skip_invalid):
        raise typer.Exit(1)


def _check_mapping_target(target: Path, register: Path, force: bool) -> None:
    """Refuse ``--write-mapping`` over the register itself, or over a file without --force.

    Checked before the register is read, so that a refused file costs nothing.
    """
    from ksd_cli.outputs import check_target

    try:
        same = target.exists() and register.exists() and target.samefile(register)
    except OSError:
        same = False
    if same:
        raise UsageProblem("--write-mapping", Msg("impor.mapping-is-register", file=str(target)))
    if target.is_file() and not target.is_symlink() and not force:
        # check_target's hint names --output: this option is another
        hint = Msg("impor.mapping-exists.hint")
        raise UserError(Msg("output.exists", path=target), hint=hint)
    check_target(target, force=force)


def _plan_sikerja(
    repo: Repository, directory: Path, day: date, owner: str, zona: str | None, lang: Lang
) -> ImportPlan:
    """Plan a SIKERJA import, after saying how its timestamps are read."""
    from ksd_cli.register.sikerja import plan_sikerja
    from ksd_cli.register.zona_waktu import zona_daerah, zone

    local = zona_daerah(owner)
    source = zona if zona is not None else local
    try:
        source_zone, local_zone = zone(source), zone(local)
    except KeyError:
        raise UsageProblem("--zona-waktu", Msg("impor.bad-zone", value=source)) from None
    sys.stderr.write(message("impor.sikerja.zone", lang, source=source, local=local) + "\n")
    return plan_sikerja(repo, directory, as_of=day, owner=owner, source_zone=source_zone,
                        local_zone=local_zone, lang=lang)  # fmt: skip


def _print_mapping(plan: object, lang: Lang) -> None:
    from ksd_cli.register.headings import NOT_IMPORTED
    from ksd_cli.register.importer import ImportPlan
    from ksd_cli.register.readers import cell_name

    assert isinstance(plan, ImportPlan) and plan.layout is not None
    sheet = plan.sheet
    where = f"{sheet.file.name}:{sheet.name}" if sheet.name else sheet.file.name
    rows = "-".join(str(r) for r in plan.layout.header_rows)
    sys.stderr.write(
        message(
            "register.mapping",
            lang,
            where=message("register.mapping.where", lang, where=where, rows=rows),
        )
        + "\n"
    )
    row = plan.layout.header_rows[-1]
    for column in plan.layout.columns:
        cell = cell_name(column.index, row)
        heading = " ".join(column.heading.split())
        if column.field is not None:
            field = column.field
            if field in NOT_IMPORTED:
                field += " " + message("register.mapping.derived", lang)
            line = message("register.mapping.column", lang, cell=cell, heading=heading, field=field)
        elif heading:
            line = message("register.mapping.ignored", lang, cell=cell, heading=heading)
        else:
            continue
        sys.stderr.write(line + "\n")


def _shown(path: Path, cwd: Path) -> str:
    """``path`` relative to the working folder when it lies below it."""
    try:
        return str((path if path.is_absolute() else cwd / path).relative_to(cwd))
    except ValueError:
        return str(path)


class _Shown:
    """:func:`_shown` of many paths, each folder's worked out once.

    A file lies below the working folder exactly when its folder is the working folder or lies
    below it, so a folder's answer, with the file's name joined, is the file's.
    """

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.folders: dict[str, str] = {}

    def __call__(self, path: Path) -> str:
        folder, name = os.path.split(os.fspath(path))  # as text: Path's parts cost more
        shown = self.folders.get(folder)
        if shown is None:
            shown = self.folders[folder] = _shown(Path(folder), self.cwd)
        return name if shown == "." else os.path.join(shown, name)
