"""``ksd consolidate --format xlsx``: the workbook of a rapat evaluasi, ready to print."""

from __future__ import annotations

from typing import Any

from ksd_cli.consolidate.model import Consolidation
from ksd_cli.consolidate.render import (
    difference_title,
    differences,
    one_sided_detail,
    region_label,
    shown,
    summary,
    validation,
    where,
)
from ksd_cli.idformat import date_text
from ksd_cli.mapping.excel import print_setup
from ksd_cli.messages import Lang, message
from ksd_cli.xlsx import INTEGER_FORMAT, PERCENT_FORMAT, Column, set_cell, write_table

#: The first row of each sheet's table: the title, date and summary come above it.
HEADER_ROW = 4


def _t(key: str, lang: Lang, /, **args: object) -> str:
    return message(f"konsolidasi.{key}", lang, **args)


#: The parts whose title is longer than a sheet's name may be (31 characters).
_SHORT_NAMES = frozenset({"rekaman-gagal"})


def sheet_name(key: str, lang: Lang) -> str:
    """The name of the sheet of part ``key``: its title, or a shorter name where Excel needs one."""
    return _t(f"lembar.{key}" if key in _SHORT_NAMES else key, lang)


def _col(key: str, lang: Lang, width: int = 14, number_format: str | None = None) -> Column:
    return Column(_t(f"col.{key}", lang), width, number_format)


def xlsx_bytes(result: Consolidation) -> bytes:
    """The workbook of a consolidation, one sheet per part.

    Ringkasan per daerah (with a ranking chart), Temuan lintas daerah, Pemetaan per daerah,
    Rekaman yang tidak lolos validasi, Belum melapor.
    """
    from openpyxl import Workbook

    from ksd_cli.xlsx import workbook_bytes

    lang = result.lang
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    for key, writer in (
        ("ringkasan", _ringkasan),
        ("temuan-lintas", _temuan),
        ("pemetaan", _pemetaan),
        ("rekaman-gagal", _gagal),
        ("belum-melapor", _belum),
    ):
        ws = workbook.create_sheet(sheet_name(key, lang))
        _heading(ws, _t(key, lang), result)
        writer(ws, result)
        _heights(ws)
        print_setup(ws, lang, landscape=True, header_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    return workbook_bytes(workbook)


def _heights(ws: Any) -> None:
    """Rows tall enough for their wrapped cells (LibreOffice and Excel do not grow them)."""
    from openpyxl.styles import Alignment

    from ksd_cli.xlsx import fit_row_heights

    ws.row_dimensions[HEADER_ROW].height = 40
    for row in ws.iter_rows(min_row=HEADER_ROW + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=cell.alignment.wrap_text, vertical="top")
    fit_row_heights(ws, HEADER_ROW + 1)


def _heading(ws: Any, title: str, result: Consolidation) -> None:
    from openpyxl.styles import Font

    lang = result.lang
    set_cell(ws, 1, 1, f"{_t('title', lang)}: {title}").font = Font(bold=True, size=13)
    set_cell(ws, 2, 1, _t("keadaan-per", lang, date=date_text(result.as_of, lang)))
    set_cell(ws, 3, 1, summary(result, lang)).font = Font(italic=True, size=9)


def _ringkasan(ws: Any, result: Consolidation) -> None:
    lang = result.lang
    columns = [
        _col("no", lang, 5, INTEGER_FORMAT),
        _col("kode", lang, 8),
        _col("daerah", lang, 30),
        _col("validasi", lang, 12),
        _col("error", lang, 8, INTEGER_FORMAT),
        _col("peringatan", lang, 12, INTEGER_FORMAT),
        _col("commit", lang, 16),
        Column(message("konsolidasi.col.perjanjian", lang), 8, INTEGER_FORMAT),
        _col("aktif", lang, 8, INTEGER_FORMAT),
        _col("kb", lang, 14, INTEGER_FORMAT),
        _col("kb-pks", lang, 11, INTEGER_FORMAT),
        # The ratio's base: a KB still within its time to a PKS counts for neither side.
        _col("kb-muda", lang, 13, INTEGER_FORMAT),
        _col("konversi", lang, 11, PERCENT_FORMAT),
        _col("macet", lang, 8, INTEGER_FORMAT),
        _col("monev", lang, 10, INTEGER_FORMAT),
        _col("tanpa-monev", lang, 11, INTEGER_FORMAT),
        _col("sumber", lang, 24),
    ]
    rows = []
    for number, region in enumerate(result.regions, 1):
        f = region.figures
        figures: tuple[object, ...] = (f.errors, f.warnings) if f else (None, None)
        counts: tuple[object, ...] = (
            (
                f.perjanjian,
                f.aktif,
                f.kb_ditandatangani,
                f.kb_diikuti_pks,
                f.kb_muda,
                f.konversi,
                f.macet,
                f.monev_periode,
                f.berlaku_tanpa_monev,
            )
            if f
            else (None,) * 9
        )
        rows.append(
            (
                number,
                region.kode or "",
                region.nama,
                validation(region, lang),
                *figures,
                region.commit_date,
                *counts,
                region.label,
            )
        )
    write_table(ws, columns, rows, start_row=HEADER_ROW)
    _ranking(ws, result, first_column=len(columns) + 2)


def _ranking(ws: Any, result: Consolidation, *, first_column: int) -> None:
    """Regions ranked by KB→PKS conversion, as a table and a horizontal bar chart."""
    from openpyxl.chart import BarChart, Reference

    lang = result.lang
    ranked = sorted(
        (r for r in result.read if r.figures and r.figures.konversi is not None),
        key=lambda r: (-(r.figures.konversi or 0.0) if r.figures else 0.0, r.kode or ""),
    )
    from openpyxl.utils import get_column_letter

    ws.column_dimensions[get_column_letter(first_column)].width = 30
    ws.column_dimensions[get_column_letter(first_column + 1)].width = 14
    set_cell(ws, HEADER_ROW, first_column, _t("col.daerah", lang))
    set_cell(ws, HEADER_ROW, first_column + 1, _t("col.konversi", lang))
    for offset, region in enumerate(ranked, 1):
        set_cell(ws, HEADER_ROW + offset, first_column, region.nama)
        conversion = region.figures.konversi if region.figures else None
        set_cell(ws, HEADER_ROW + offset, first_column + 1, conversion, PERCENT_FORMAT)
    if not ranked:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.title = _t("peringkat", lang)
    chart.legend = None
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    last = HEADER_ROW + len(ranked)
    chart.add_data(
        Reference(ws, min_col=first_column + 1, min_row=HEADER_ROW, max_row=last),
        titles_from_data=True,
    )
    chart.set_categories(Reference(ws, min_col=first_column, min_row=HEADER_ROW + 1, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"  # the highest on top
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.height, chart.width = max(6.0, 0.6 * len(ranked) + 3), 16
    ws.add_chart(chart, ws.cell(row=last + 2, column=first_column).coordinate)


def _temuan(ws: Any, result: Consolidation) -> None:
    lang = result.lang
    columns = [
        _col("temuan", lang, 34),
        _col("rekaman", lang, 36),
        Column(f"{_t('col.daerah', lang)} A", 24),
        Column("A", 20),
        Column(f"{_t('col.letak', lang)} A", 44),
        Column(f"{_t('col.daerah', lang)} B", 24),
        Column("B", 20),
        Column(f"{_t('col.letak', lang)} B", 44),
    ]
    rows: list[tuple[object, ...]] = [
        (
            difference_title(d, lang),
            judul,
            region_label(d.at_a.kode, result.regions),
            shown(d, d.a, lang),
            where(d.at_a),
            region_label(d.at_b.kode, result.regions),
            shown(d, d.b, lang),
            where(d.at_b),
        )
        for judul, d in differences(result)
    ]
    rows.extend(
        (
            _t("selisih.sepihak", lang),
            o.judul,
            region_label(o.at.kode, result.regions),
            o.at.id,
            where(o.at),
            o.mitra_nama,
            "–",
            one_sided_detail(o, lang),
        )
        for o in result.one_sided
    )
    write_table(ws, columns, rows, start_row=HEADER_ROW)


def _pemetaan(ws: Any, result: Consolidation) -> None:
    lang = result.lang
    columns = [
        _col("kode", lang, 8),
        _col("daerah", lang, 30),
        _col("potensi", lang, 10, INTEGER_FORMAT),
        _col("urusan", lang, 12, INTEGER_FORMAT),
        _col("rkpd", lang, 12, INTEGER_FORMAT),
        _col("tindak-lanjut", lang, 14, INTEGER_FORMAT),
        _col("tanpa-tindak-lanjut", lang, 16, INTEGER_FORMAT),
        _col("masalah", lang, 26),
    ]
    rows = []
    for region in result.read:
        assert region.figures is not None
        c = region.figures.cakupan
        rows.append(
            (
                region.kode or "",
                region.nama,
                c.potensi,
                c.urusan_terpetakan,
                c.potensi_rkpd,
                c.potensi_ditindaklanjuti,
                c.potensi_tanpa_tindak_lanjut,
                _t("belum-memetakan", lang) if c.potensi == 0 else "",
            )
        )
    write_table(ws, columns, rows, start_row=HEADER_ROW)


def _gagal(ws: Any, result: Consolidation) -> None:
    lang = result.lang
    columns = [
        _col("kode", lang, 8),
        _col("daerah", lang, 30),
        _col("path", lang, 48),
        _col("id", lang, 22),
        _col("error", lang, 8, INTEGER_FORMAT),
    ]
    rows: list[tuple[object, ...]] = [
        (r.kode or "", r.nama, g.path, g.id, g.errors)
        for r in result.read
        if r.figures
        for g in r.figures.gagal
    ]
    rows.extend((r.kode or "", r.label, "", "", None) for r in result.regions if r.figures is None)
    write_table(ws, columns, rows, start_row=HEADER_ROW)


def _belum(ws: Any, result: Consolidation) -> None:
    lang = result.lang
    columns = [_col("kode", lang, 8), _col("daerah", lang, 40), _col("tingkat", lang, 12)]
    rows = [(e.kode, e.nama, e.tingkat) for e in result.belum_melapor]
    write_table(ws, columns, rows, start_row=HEADER_ROW)
    from openpyxl.styles import Font

    note = _t(f"expected.{result.expected_rule}", lang)
    set_cell(ws, HEADER_ROW + len(rows) + 2, 1, note).font = Font(italic=True, size=9)
