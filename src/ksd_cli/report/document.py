"""``ksd report --format docx|pdf``: the laporan evaluasi as a document to sign and send.

Cover with kop, number and date; BAB I-V with sentences generated from the report's own
figures (so every number in the text is the number in the tables and the annex); charts
drawn with matplotlib; the signature block from ``[laporan]`` in ksd.toml (a missing name is
a blank to fill); the list of agreements as Lampiran. python-docx and matplotlib are
imported inside the functions.
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ksd_cli.docx_layout import portrait_a4, repeat_header, set_styles
from ksd_cli.idformat import date_text, number
from ksd_cli.messages import Lang, message
from ksd_cli.naming import flag_title
from ksd_cli.report.markdown import format_cell
from ksd_cli.report.model import Report, Table

if TYPE_CHECKING:
    from ksd_cli.config import Laporan

#: Days the evaluation gives an OPD to act on a finding: the due date in BAB IV (policy).
TARGET_DAYS = 90


@dataclass(frozen=True)
class Sentences:
    """The generated sentences of the narrative, keyed by where they go."""

    gambaran: str
    kb_belum: str
    konversi: str
    monev: str
    pembiayaan: str
    temuan: str
    # issue 13
    usulan: str = ""
    pendapatan: str = ""
    berbatasan: str = ""


def docx_bytes(report: Report, *, kop: Laporan | None = None) -> bytes:
    """The ``.docx`` file of the report; ``kop`` is ``[laporan]`` of ksd.toml."""
    from docx import Document

    from ksd_cli.config import Laporan

    settings = kop or Laporan()
    document = Document()
    set_styles(document)
    portrait_a4(document.sections[0])
    lang = report.lang
    words = sentences(report)
    _cover(document, report, settings)
    counter = _Counter()
    _bab(document, 1, lang)
    _sub(document, message("lapdoc.sub.latar", lang))
    _para(
        document,
        message(
            "lapdoc.text.latar",
            lang,
            bagian=settings.bagian,
            sekretariat=settings.sekretariat,
            daerah=report.daerah_nama,
        ),
    )
    _sub(document, message("lapdoc.sub.dasar", lang))
    for n, key in enumerate(("uu23", "pp28", "pmdn22"), 1):
        _para(document, f"{n}. {message(f'pemetaan.dasar.{key}', lang)};")
    _sub(document, message("lapdoc.sub.maksud", lang))
    _para(document, message("lapdoc.text.maksud", lang))
    _sub(document, message("lapdoc.sub.lingkup", lang))
    _para(
        document,
        message(
            "lapdoc.text.lingkup",
            lang,
            total=number(report.agreements, lang),
            potensi=number(report.potentials, lang),
        ),
    )
    _sub(document, message("lapdoc.sub.periode", lang))
    _para(
        document,
        message(
            "lapdoc.text.periode",
            lang,
            periode=report.period.title(lang),
            tanggal=date_text(report.as_of, lang),
        ),
    )
    _bab(document, 2, lang)
    _para(document, f"{words.gambaran} {words.kb_belum}")
    for table in (report.menurut_jenis, report.menurut_status, report.menurut_tahap):
        _table(document, table, lang, counter)
    _chart(document, report.menurut_tahap, message("lapdoc.chart.tahap", lang), lang, counter)
    _chart(document, report.menurut_status, message("evaluasi.chart.status", lang), lang, counter)
    _chart(document, report.menurut_jenis, message("lapdoc.chart.jenis", lang), lang, counter)
    _table(document, report.menurut_urusan, lang, counter)
    # issue 13: partners by category, and the proposals that never reached a signature
    if report.menurut_kategori_mitra is not None:
        _table(document, report.menurut_kategori_mitra, lang, counter)
    if report.usulan is not None:
        _para(document, words.usulan)
        _table(document, report.usulan, lang, counter)
    _bab(document, 3, lang)
    _sub(document, message("lapdoc.sub.konversi", lang))
    _para(document, words.konversi)
    _table(document, report.konversi_per_tahun, lang, counter)
    _konversi_chart(document, report.konversi_per_tahun, lang, counter)
    _sub(document, message("lapdoc.sub.opd", lang))
    _table(document, report.menurut_perangkat_daerah, lang, counter)
    _sub(document, message("lapdoc.sub.monev", lang))
    _para(document, words.monev)
    _table(document, report.monev_terakhir, lang, counter)
    # issue 13: monev ratings per criterion and per agreement, when monev rated anything
    for rated in (report.penilaian_per_kriteria, report.penilaian_monev):
        if rated is not None and rated.rows:
            _table(document, rated, lang, counter)
    _sub(document, message("lapdoc.sub.pembiayaan", lang))
    _para(document, words.pembiayaan)
    if report.pembiayaan is not None:
        _para(document, words.pendapatan)
        _table(document, report.pembiayaan, lang, counter)
    # issue 13: mandatory cooperation with the neighbours, and the TKKSD
    if report.berbatasan is not None:
        _sub(document, message("evaluasi.sub.berbatasan", lang))
        _para(document, words.berbatasan)
        _table(document, report.berbatasan, lang, counter)
    if report.kelembagaan is not None:
        _sub(document, message("evaluasi.sub.kelembagaan", lang))
        _table(document, report.kelembagaan, lang, counter)
    _bab(document, 4, lang)
    _sub(document, message("lapdoc.sub.temuan", lang))
    _para(document, words.temuan)
    _findings(document, report, counter)
    _sub(document, message("lapdoc.sub.rekomendasi", lang))
    _table(document, report.rekomendasi, lang, counter)
    _bab(document, 5, lang)
    _para(document, message("lapdoc.text.penutup", lang))
    _signature(document, report, settings)
    _lampiran(document, report)
    document.core_properties.title = message("lapdoc.title", lang)
    document.core_properties.subject = report.daerah_nama
    document.core_properties.author = f"ksd {report.ksd_version}"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(report: Report, *, kop: Laporan | None = None) -> bytes:
    """The PDF of :func:`docx_bytes`, through LibreOffice."""
    from ksd_cli.office import docx_to_pdf

    return docx_to_pdf(docx_bytes(report, kop=kop))


def sentences(report: Report) -> Sentences:
    """The narrative's sentences, each number taken from the report's tables.

    "Dari 20 kerja sama, 13 berstatus aktif" counts the annex's rows and its "Aktif" status;
    the KBs without PKS are the ``kb_tanpa_pks`` findings, dated by their KB's signing day in
    the annex.
    """
    lang = report.lang
    daftar = report.daftar.records()
    aktif_title = message("status.aktif", lang)
    aktif = sum(1 for row in daftar if row[_h(report.daftar, 7)] == aktif_title)
    gambaran = message(
        "lapdoc.text.gambaran",
        lang,
        total=number(len(daftar), lang),
        aktif=number(aktif, lang),
    )
    waiting = {f.id for f in report.stalled.flags if f.code == "kb_tanpa_pks"}
    signed = [
        row[_h(report.daftar, 8)]
        for row in daftar
        if row[_h(report.daftar, 0)] in waiting and isinstance(row[_h(report.daftar, 8)], date)
    ]
    if waiting and signed:
        oldest = min(d for d in signed if isinstance(d, date))
        kb_belum = message(
            "lapdoc.text.kb-belum",
            lang,
            count=number(len(waiting), lang),
            tanggal=date_text(oldest, lang),
        )
    else:
        kb_belum = message("lapdoc.text.kb-semua", lang)
    figures = {i: f.value for i, f in enumerate(report.ikhtisar)}
    konversi = message(
        "lapdoc.text.konversi-muda" if report.kb_muda else "lapdoc.text.konversi",
        lang,
        signed=number(report.konversi.whole + report.kb_muda, lang),
        young=number(report.kb_muda, lang),
        whole=number(report.konversi.whole, lang),
        part=number(report.konversi.part, lang),
        ratio=format_cell(report.konversi.ratio, "persen", None, lang),
    )
    monev = message(
        "lapdoc.text.monev",
        lang,
        naskah=format_cell(figures[2], "bilangan", None, lang),
        monev=format_cell(figures[3], "bilangan", None, lang),
    )
    pembiayaan = message(
        "lapdoc.text.pembiayaan",
        lang,
        total=format_cell(figures[5], "rupiah", None, lang),
        aktif=format_cell(figures[6], "rupiah", None, lang),
    )
    macet = sum(1 for f in report.stalled.flags if f.kategori == "macet")
    pengingat = len(report.stalled.flags) - macet
    temuan = (
        message(
            "lapdoc.text.temuan",
            lang,
            macet=number(macet, lang),
            pengingat=number(pengingat, lang),
        )
        if report.stalled.flags
        else message("lapdoc.text.temuan-none", lang)
    )
    return Sentences(
        gambaran,
        kb_belum,
        konversi,
        monev,
        pembiayaan,
        temuan,
        usulan=_usulan_sentence(report),
        pendapatan=_pendapatan_sentence(report),
        berbatasan=_berbatasan_sentence(report),
    )


# issue 13: sentences of the v1.1 tables, each number read from its table -----------------------


def _usulan_sentence(report: Report) -> str:
    lang = report.lang
    if report.usulan is None:
        return ""
    jumlah, ditolak, berproses, tanpa, penawaran = (row[1] for row in report.usulan.rows[:5])
    return message(
        "evaluasi.text.usulan",
        lang,
        jumlah=format_cell(jumlah, "bilangan", None, lang),
        ditolak=format_cell(ditolak, "bilangan", None, lang),
        berproses=format_cell(berproses, "bilangan", None, lang),
        tanpa=format_cell(tanpa, "bilangan", None, lang),
        penawaran=format_cell(penawaran, "bilangan", None, lang),
    )


def _pendapatan_sentence(report: Report) -> str:
    lang = report.lang
    table = report.pembiayaan
    if table is None:
        return ""
    revenue = [v for v in table.column(table.columns[5].header) if isinstance(v, int)]
    if not revenue:
        return message("evaluasi.text.pendapatan-none", lang)
    return message(
        "evaluasi.text.pendapatan",
        lang,
        total=format_cell(sum(revenue), "rupiah", None, lang),
        count=number(len(revenue), lang),
    )


def _berbatasan_sentence(report: Report) -> str:
    lang = report.lang
    table = report.berbatasan
    if table is None or not table.rows:
        return message("evaluasi.note.berbatasan-kosong", lang)
    states = [row[2] for row in table.rows]
    none = message("evaluasi.ksdd.belum", lang)
    in_force = message("evaluasi.ksdd.berlaku", lang)
    return message(
        "evaluasi.text.berbatasan",
        lang,
        total=number(len(states), lang),
        ada=number(sum(1 for x in states if x != none), lang),
        berlaku=number(sum(1 for x in states if x == in_force), lang),
    )


def _h(table: Table, index: int) -> str:
    return table.columns[index].header


class _Counter:
    """Numbers tables and figures in the order they appear."""

    def __init__(self) -> None:
        self.tables = 0
        self.figures = 0


def _centered(document: Any, lines: list[str], *, bold: bool = True, size: int = 11) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold
        run.font.size = Pt(size)
        if i < len(lines) - 1:
            run.add_break()


def _para(document: Any, text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _cover(document: Any, report: Report, kop: Laporan) -> None:
    from docx.enum.text import WD_BREAK

    lang = report.lang
    _centered(
        document,
        [
            message("lapdoc.pemerintah", lang, daerah=report.daerah_nama.upper()),
            kop.sekretariat.upper(),
            kop.bagian.upper(),
        ],
        size=14,
    )
    if kop.alamat:
        _centered(document, [kop.alamat], bold=False, size=9)
    document.add_paragraph("_" * 62)
    for _ in range(6):
        document.add_paragraph()
    _centered(document, [message("lapdoc.title", lang)], size=16)
    _centered(document, [report.period.title(lang).upper()], size=12)
    _centered(document, [message("lapdoc.nomor", lang)], bold=False)
    for _ in range(8):
        document.add_paragraph()
    _centered(document, [report.daerah_nama.upper(), str(report.as_of.year)], size=12)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _bab(document: Any, n: int, lang: Lang) -> None:
    roman = ("I", "II", "III", "IV", "V")[n - 1]
    heading = document.add_heading(level=1)
    heading.add_run(f"{message('lapdoc.bab', lang, n=roman)}\n{message(f'lapdoc.bab.{n}', lang)}")
    heading.alignment = 1  # centered


def _sub(document: Any, text: str) -> None:
    document.add_heading(text, level=2)


def _caption(document: Any, text: str) -> None:
    from docx.shared import Pt

    run = document.add_paragraph().add_run(text)
    run.bold = True
    run.font.size = Pt(10)


def _table(document: Any, table: Table, lang: Lang, counter: _Counter) -> None:
    counter.tables += 1
    _caption(document, message("lapdoc.tabel", lang, n=counter.tables, judul=table.title))
    if not table.rows:
        _para(document, message("laporan.none", lang))
        return
    _grid(
        document,
        [c.header for c in table.columns],
        [
            [format_cell(v, c.kind, None, lang) for v, c in zip(row, table.columns, strict=True)]
            for row in table.rows
        ],
        widths=[c.width for c in table.columns],
    )


#: The width of the text on a portrait A4 page (21 cm less 3 cm and 2.5 cm margins).
TEXT_WIDTH_CM = 15.5


def _grid(
    document: Any,
    header: list[str],
    rows: list[list[str]],
    size: float = 8.5,
    widths: list[int] | None = None,
) -> Any:
    """A table with a repeated header row; ``widths`` share the text width out by weight.

    Without widths every column is as wide as the next, which crushes a title column
    beside a column of small numbers.
    """
    from docx.shared import Cm, Pt

    grid = document.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, header, strict=True):
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(size)
    repeat_header(grid.rows[0])
    for values in rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.paragraphs[0].add_run(text).font.size = Pt(size)
    if widths:
        grid.autofit = False
        # A code or a count needs room for a few characters whatever its weight.
        widths = [max(w, 10) for w in widths]
        total = sum(widths)
        for index, weight in enumerate(widths):
            width = Cm(TEXT_WIDTH_CM * weight / total)
            grid.columns[index].width = width
            for cell in grid.columns[index].cells:
                cell.width = width
    document.add_paragraph()
    return grid


def _chart(document: Any, table: Table, title: str, lang: Lang, counter: _Counter) -> None:
    """A horizontal bar chart of a two-column (label, count) table, drawn by matplotlib."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    rows = [(str(label), int(n)) for label, n, *_ in table.rows if isinstance(n, int)]
    if not rows:
        return
    figure, axes = plt.subplots(figsize=(6.5, 0.4 * len(rows) + 1))
    labels = [label for label, _ in rows][::-1]
    values = [n for _, n in rows][::-1]
    axes.barh(labels, values, color="#1F4E78")
    axes.set_xlabel(message("lapdoc.chart.jumlah", lang))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    _place_chart(document, figure, title, lang, counter)


def _konversi_chart(document: Any, table: Table, lang: Lang, counter: _Counter) -> None:
    """KBs per signing year, stacked: followed by a PKS, not followed, still young.

    The young KBs (within their ``kb_tanpa_pks`` time) stand apart, so a recent year does not
    read as a failure to convert; drawn by matplotlib from the conversion table's own counts.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    if not table.rows:
        return
    years = [str(row[0]) for row in table.rows]
    parts = [(2, "#1F4E78"), (3, "#C00000"), (4, "#A6A6A6")]
    figure, axes = plt.subplots(figsize=(6.5, 3.2))
    bottom = [0] * len(years)
    for index, color in parts:
        values = [int(v) if isinstance(v, int) else 0 for v in (row[index] for row in table.rows)]
        axes.bar(years, values, bottom=bottom, color=color, label=table.columns[index].header)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set_ylabel(message("lapdoc.chart.jumlah", lang))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(fontsize=7, frameon=False)
    _place_chart(document, figure, message("lapdoc.chart.konversi", lang), lang, counter)


def _place_chart(document: Any, figure: Any, title: str, lang: Lang, counter: _Counter) -> None:
    """A drawn chart into the document, 15 cm wide, as the next numbered figure."""
    from docx.shared import Cm
    from matplotlib import pyplot as plt

    axes = figure.axes[0]
    for spine in ("top", "right"):
        axes.spines[spine].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150)
    plt.close(figure)
    counter.figures += 1
    document.add_picture(io.BytesIO(buffer.getvalue()), width=Cm(15))
    _caption(document, message("lapdoc.gambar", lang, n=counter.figures, judul=title))


def _findings(document: Any, report: Report, counter: _Counter) -> None:
    """Every finding, grouped per OPD, with the follow-up asked and a due date."""
    lang = report.lang
    due = date_text(report.as_of + timedelta(days=TARGET_DAYS), lang)
    per_opd: dict[str, list[list[str]]] = defaultdict(list)
    for flag in report.stalled.flags:
        row = [
            flag_title(flag.code, lang),
            flag.code,
            f"{flag.id}: {flag.judul}",
            flag.message,
            message(f"lapdoc.tl.{flag.code}", lang),
            due,
        ]
        for opd in flag.perangkat_daerah or (message("lapdoc.tanpa-opd", lang),):
            per_opd[opd].append(row)
    header = [
        message(f"lapdoc.col.{k}", lang)
        for k in ("temuan", "kode", "kerja-sama", "keterangan", "tindak-lanjut", "target")
    ]
    for opd in sorted(per_opd):
        counter.tables += 1
        _caption(document, message("lapdoc.tabel", lang, n=counter.tables, judul=opd))
        _grid(document, header, per_opd[opd], size=8)


def _signature(document: Any, report: Report, kop: Laporan) -> None:
    from docx.shared import Cm

    lang = report.lang
    blank = message("lapdoc.kosong", lang)
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.left_indent = Cm(8.5)
    lines = [
        message(
            "lapdoc.tempat-tanggal",
            lang,
            tempat=kop.tempat or blank,
            tanggal=date_text(report.as_of, lang),
        ),
        kop.penandatangan_jabatan or message("lapdoc.jabatan-bawaan", lang),
        "",
        "",
        "",
        kop.penandatangan_nama or blank,
        kop.penandatangan_pangkat or "",
        message("lapdoc.nip", lang, nip=kop.penandatangan_nip or blank),
    ]
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        if i == 5:
            run.bold = True
            run.underline = True
        if i < len(lines) - 1:
            run.add_break()


def _lampiran(document: Any, report: Report) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm

    lang = report.lang
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(1.5)
    _centered(document, [message("lapdoc.lampiran", lang)], size=12)
    table = report.daftar
    positions = list(range(len(table.columns)))
    wanted = [i for i in positions if i in _lampiran_indices(table)]
    header = [table.columns[i].header for i in wanted]
    rows = [
        [format_cell(row[i], table.columns[i].kind, None, lang) for i in wanted]
        for row in table.rows
    ]
    _grid(document, header, rows, size=7.5)


def _lampiran_indices(table: Table) -> set[int]:
    """The annex columns, by position in ``Report.daftar`` (its headers follow --lang)."""
    # Positions in the Indonesian order of Report.daftar: ID, Judul, Jenis, Urusan, Mitra,
    # Perangkat daerah, Tahap, Status, ..., Berlaku sampai (11), Nilai pembiayaan (12).
    del table
    return {0, 1, 2, 4, 5, 6, 7, 11, 12}
