"""``ksd consolidate`` as text (80 columns), Markdown (a CI job summary) and JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from ksd_cli.consolidate.model import Consolidation, Difference, OneSided, Position, Region
from ksd_cli.escaping import markdown_cell, markdown_text, markup_text, terminal_text, text_console
from ksd_cli.idformat import date_text, number
from ksd_cli.messages import Lang, message, render
from ksd_cli.models import parse_date
from ksd_cli.naming import naskah_title, status_title, tahap_title

#: The differences whose values are dates (worded per language).
DATE_CODES = frozenset({"tanggal_ttd", "berlaku_mulai", "berlaku_sampai", "naskah_sepihak"})


def _t(key: str, lang: Lang, /, **args: object) -> str:
    return message(f"konsolidasi.{key}", lang, **args)


# Shared rows -------------------------------------------------------------------------------


def percent(value: float | None, lang: Lang) -> str:
    """A share as "62,5%" (Indonesian) or "62.5%"; "–" when there is no whole."""
    if value is None:
        return "–"
    text = f"{value * 100:.1f}%"
    return text.replace(".", ",") if lang == "id" else text


def validation(region: Region, lang: Lang) -> str:
    """The validation cell: "lolos", "gagal" or "tidak terbaca"."""
    if region.figures is None:
        return _t("tidak-terbaca-singkat", lang)
    return _t("lolos" if region.figures.valid else "gagal", lang)


def where(position: Position) -> str:
    """A position as ``repository/path:line``."""
    return f"{position.repository.rstrip('/')}/{position.path}:{position.line}"


def shown(difference: Difference, value: str, lang: Lang) -> str:
    """A side's value in words: stage and status titled, dates and numbers as written."""
    if difference.code == "tahap":
        return tahap_title(None if value == "–" else value, lang)
    if difference.code == "status":
        return status_title(value, lang)
    if difference.code in DATE_CODES and (day := parse_date(value)) is not None:
        return date_text(day, lang)
    return value


def difference_title(difference: Difference, lang: Lang) -> str:
    """A difference's title: "Nomor naskah berbeda (Kesepakatan Bersama, nomor ...)"."""
    title = _t(f"selisih.{difference.code}", lang)
    about = []
    if difference.dokumen:
        about.append(naskah_title(difference.dokumen, lang))
    if difference.pihak:
        about.append(_t("pihak", lang, pihak=difference.pihak))
    return f"{title} ({', '.join(about)})" if about else title


def region_label(kode: str | None, regions: tuple[Region, ...]) -> str:
    """The name of the region with code ``kode`` among the regions read (else the code)."""
    return next((r.nama for r in regions if r.kode == kode and r.figures), kode or "–")


def differences(result: Consolidation) -> Iterator[tuple[str, Difference]]:
    """Every difference of every pair, with the pair's title."""
    for pair in result.pairs:
        for difference in pair.differences:
            yield pair.judul, difference


def one_sided_detail(item: OneSided, lang: Lang) -> str:
    """Why a record is one-sided: "tidak ada rekaman padanannya di Kota Samarinda"."""
    note = "" if item.partner_has_repository else _t("sepihak-no-repo", lang)
    return _t("sepihak-detail", lang, mitra=item.mitra_nama, note=note)


def summary(result: Consolidation, lang: Lang) -> str:
    """The one-paragraph summary of the whole consolidation."""
    read = result.read
    return _t(
        "summary",
        lang,
        regions=number(len(read), lang),
        invalid=number(sum(1 for r in read if r.figures and not r.figures.valid), lang),
        unread=number(len(result.regions) - len(read), lang),
        pairs=number(len(result.pairs), lang),
        differences=number(sum(len(p.differences) for p in result.pairs), lang),
        one_sided=number(len(result.one_sided), lang),
        missing=number(len(result.belum_melapor), lang),
    )


# JSON ----------------------------------------------------------------------------------------


def as_dict(result: Consolidation) -> dict[str, object]:
    """The stable JSON form (``schema_version`` 1)."""
    lang = result.lang
    regions = []
    for region in result.regions:
        figures = region.figures
        entry: dict[str, object] = {
            "sumber": region.label,
            "kode": region.kode,
            "nama": region.nama,
            "tingkat": region.tingkat,
            "commit_terakhir": region.commit_date.isoformat() if region.commit_date else None,
            "masalah": render(region.problem, lang) if region.problem is not None else None,
        }
        if figures is not None:
            entry.update(
                {
                    "validasi": {
                        "lolos": figures.valid,
                        "errors": figures.errors,
                        "warnings": figures.warnings,
                        "rekaman_gagal": [
                            {"path": f.path, "id": f.id, "errors": f.errors} for f in figures.gagal
                        ],
                    },
                    "perjanjian": figures.perjanjian,
                    "potensi": figures.potensi,
                    "menurut_jenis": figures.menurut_jenis,
                    "menurut_status": figures.menurut_status,
                    "menurut_tahap": figures.menurut_tahap,
                    "konversi": {
                        "kb": figures.kb_ditandatangani,
                        "diikuti_pks": figures.kb_diikuti_pks,
                        "belum_jatuh_tempo": figures.kb_muda,
                        "rasio": figures.konversi,
                    },
                    "temuan": figures.temuan,
                    "monev": {
                        "monev_tahun_ini": figures.monev_periode,
                        "berlaku_tanpa_monev": figures.berlaku_tanpa_monev,
                    },
                    "pemetaan": figures.cakupan.as_dict(),
                }
            )
        regions.append(entry)
    return {
        "schema_version": result.schema_version,
        "as_of": result.as_of.isoformat(),
        "daerah": regions,
        "pasangan": [p.as_dict() for p in result.pairs],
        "tercatat_sepihak": [o.as_dict() for o in result.one_sided],
        "belum_melapor": {
            "aturan": result.expected_rule,
            "daerah": [
                {"kode": e.kode, "nama": e.nama, "tingkat": e.tingkat} for e in result.belum_melapor
            ],
        },
        "dibuat_dengan": f"ksd {result.ksd_version}",
    }


def write_json(result: Consolidation, stream: TextIO) -> None:
    """The JSON form, indented (as ``json.dump(..., indent=2)`` lays it out, faster)."""
    from ksd_cli.jsonlayout import dumps_indented

    stream.write(dumps_indented(as_dict(result)) + "\n")


# Text ----------------------------------------------------------------------------------------


def write_text(result: Consolidation, stream: TextIO, *, color: bool | None = None) -> None:
    """The table per region, then every finding with both positions, then who is missing."""
    from rich.table import Table

    from ksd_cli.texttable import print_indented

    lang = result.lang
    console = text_console(stream, color=color)

    def safe(value: object) -> str:
        return markup_text(value)

    console.print(f"[bold]{_t('title', lang)}[/]")
    console.print(_t("keadaan-per", lang, date=date_text(result.as_of, lang)))
    console.print(summary(result, lang))
    table = Table(title=_t("ringkasan", lang), expand=True)
    table.add_column(_t("col.kode", lang), no_wrap=True)
    table.add_column(_t("col.daerah", lang), ratio=1, min_width=16)
    table.add_column(_t("col.validasi", lang), no_wrap=True)
    for key in ("perjanjian", "konversi-singkat", "macet", "potensi"):
        table.add_column(_t(f"col.{key}", lang), justify="right", no_wrap=True)
    for region in result.regions:
        f = region.figures
        table.add_row(
            safe(region.kode or "–"),
            safe(region.nama),
            validation(region, lang),
            number(f.perjanjian, lang) if f else "–",
            percent(f.konversi, lang) if f else "–",
            number(f.macet, lang) if f else "–",
            number(f.potensi, lang) if f else "–",
        )
    console.print(table)

    def line(text: str, indent: int) -> None:
        # Plain text (the findings of 552 regions are many thousands of lines).
        print_indented(console, text, indent)

    unread = [r for r in result.regions if r.figures is None]
    if unread:
        console.print(f"\n[bold]{_t('tidak-terbaca', lang)}[/]")
        for region in unread:
            problem = render(region.problem, lang) if region.problem is not None else ""
            line(f"{terminal_text(region.label)}: {terminal_text(problem)}", 2)
    failing = [(r, g) for r in result.regions if r.figures for g in r.figures.gagal]
    if failing:
        console.print(f"\n[bold]{_t('rekaman-gagal', lang)}[/]")
        for region, record in failing:
            line(f"{terminal_text(region.kode or region.label)}  {terminal_text(record.path)}", 2)
    console.print(f"\n[bold]{_t('pasangan', lang)}[/]")
    found = list(differences(result))
    for judul, difference in found:
        line(terminal_text(difference_title(difference, lang)), 2)
        line(terminal_text(judul), 4)
        for position, value in ((difference.at_a, difference.a), (difference.at_b, difference.b)):
            value_text = terminal_text(shown(difference, value, lang))
            line(f"{value_text}: {terminal_text(where(position))}", 6)
    if not found:
        line(_t("none", lang), 2)
    console.print(f"\n[bold]{_t('sepihak', lang)}[/]")
    for item in result.one_sided:
        line(terminal_text(item.judul), 2)
        line(terminal_text(one_sided_detail(item, lang)), 4)
        line(terminal_text(where(item.at)), 4)
    if not result.one_sided:
        line(_t("none", lang), 2)
    console.print(f"\n[bold]{_t('belum-melapor', lang)}[/]")
    console.print(_t(f"expected.{result.expected_rule}", lang))
    for expected in result.belum_melapor:
        line(f"{terminal_text(expected.kode):<6} {terminal_text(expected.nama)}", 2)
    if not result.belum_melapor:
        line(_t("none", lang), 2)


# Markdown --------------------------------------------------------------------------------------


def write_markdown(result: Consolidation, stream: TextIO) -> None:
    """A GitHub/GitLab job summary: headings, the table per region, findings as tables."""
    lang = result.lang
    lines = [
        f"# {_t('title', lang)}",
        "",
        _t("keadaan-per", lang, date=date_text(result.as_of, lang)),
        "",
        markdown_text(summary(result, lang)),
        "",
        f"## {_t('ringkasan', lang)}",
        "",
    ]
    header = [
        "kode",
        "daerah",
        "validasi",
        "error",
        "peringatan",
        "perjanjian",
        "aktif",
        "konversi",
        "macet",
        "tanpa-monev",
        "potensi",
        "commit",
    ]
    rows = []
    for region in result.regions:
        f = region.figures
        rows.append(
            [
                region.kode or "–",
                region.nama,
                validation(region, lang),
                *(
                    (
                        number(f.errors, lang),
                        number(f.warnings, lang),
                        number(f.perjanjian, lang),
                        number(f.aktif, lang),
                        percent(f.konversi, lang),
                        number(f.macet, lang),
                        number(f.berlaku_tanpa_monev, lang),
                        number(f.potensi, lang),
                    )
                    if f
                    else ("–",) * 8
                ),
                date_text(region.commit_date, lang) if region.commit_date else "–",
            ]
        )
    lines.extend(_table([_t(f"col.{k}", lang) for k in header], rows))
    unread = [r for r in result.regions if r.figures is None]
    if unread:
        lines += ["", f"## {_t('tidak-terbaca', lang)}", ""]
        lines.extend(
            _table(
                [_t("col.sumber", lang), _t("col.masalah", lang)],
                [[r.label, render(r.problem, lang) if r.problem else ""] for r in unread],
            )
        )
    failing = [(r, g) for r in result.regions if r.figures for g in r.figures.gagal]
    if failing:
        lines += ["", f"## {_t('rekaman-gagal', lang)}", ""]
        lines.extend(
            _table(
                [_t(f"col.{k}", lang) for k in ("kode", "path", "id", "error")],
                [[r.kode or r.label, g.path, g.id, number(g.errors, lang)] for r, g in failing],
            )
        )
    lines += ["", f"## {_t('pasangan', lang)}", ""]
    found = list(differences(result))
    if found:
        lines.extend(
            _table(
                [
                    _t("col.temuan", lang),
                    _t("col.rekaman", lang),
                    "A",
                    _t("col.letak", lang) + " A",
                    "B",
                    _t("col.letak", lang) + " B",
                ],
                [
                    [
                        difference_title(d, lang),
                        judul,
                        shown(d, d.a, lang),
                        where(d.at_a),
                        shown(d, d.b, lang),
                        where(d.at_b),
                    ]
                    for judul, d in found
                ],
            )
        )
    else:
        lines.append(_t("none", lang))
    lines += ["", f"## {_t('sepihak', lang)}", ""]
    if result.one_sided:
        lines.extend(
            _table(
                [_t(f"col.{k}", lang) for k in ("rekaman", "mitra", "letak")],
                [[o.judul, one_sided_detail(o, lang), where(o.at)] for o in result.one_sided],
            )
        )
    else:
        lines.append(_t("none", lang))
    lines += [
        "",
        f"## {_t('belum-melapor', lang)}",
        "",
        _t(f"expected.{result.expected_rule}", lang),
    ]
    lines.append("")
    if result.belum_melapor:
        lines.extend(
            _table(
                [_t("col.kode", lang), _t("col.daerah", lang)],
                [[e.kode, e.nama] for e in result.belum_melapor],
            )
        )
    else:
        lines.append(_t("none", lang))
    stream.write("\n".join(lines) + "\n")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(markdown_cell(h) for h in header) + " |"]
    lines.append("|" + "|".join(" --- " for _ in header) + "|")
    lines.extend("| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in rows)
    return lines
