"""The report's Markdown: golden files, every section, safe cells, the template override."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import check_golden

from ksd_cli.messages import Lang
from ksd_cli.report import (
    Period,
    Report,
)
from report.conftest import AS_OF, GOLDEN, kb, load, markdown, report_of, write_repo


def test_markdown_golden_year(project_root: Path, sample_2024: Report, update_golden: bool) -> None:
    text = markdown(sample_2024, project_root)
    check_golden(GOLDEN / "sample-2024.md", text, update_golden)


def test_markdown_golden_custom_period(project_root: Path, update_golden: bool) -> None:
    report = report_of(project_root, Period(date(2025, 1, 1), date(2025, 6, 30)))
    check_golden(
        GOLDEN / "sample-2025-01-01_2025-06-30.md", markdown(report, project_root), update_golden
    )


def test_markdown_has_every_section_and_two_mermaid_charts(
    project_root: Path, sample_2024: Report
) -> None:
    text = markdown(sample_2024, project_root)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## I. Ringkasan",
        "## II. Rincian",
        "## III. Temuan",
        "## IV. Akan berakhir",
        "## V. Pemetaan potensi",
        "## VI. Monitoring dan evaluasi",
        "## VII. Daftar kerja sama",
        "## VIII. Pembiayaan dan Pendapatan",
        "## IX. Kerja Sama dengan Daerah Berbatasan dan Kelembagaan",
    ]
    assert "### Kerja sama menurut kategori mitra" in text
    assert "| 65.02 | Kabupaten Malinau | Belum ada |" in text
    assert text.count("```mermaid") == 2
    assert "pie showData" in text and "xychart-beta" in text
    assert (
        'x-axis "Tahun penandatanganan KB" ["2019", "2020", "2021", "2022", "2023", "2024"]' in text
    )
    # 2025's KBs are all younger than kb_tanpa_pks: no rate yet, so no bar.
    assert "bar [50.0, 100.0, 100.0, 50.0, 50.0, 0.0]" in text
    assert "| KSD-6402-2022-003 | Akan berakhir | akan_berakhir |" in text


def test_markdown_cells_cannot_break_the_table(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path,
        {
            "id": "KSD-6402-2024-001",
            "judul": "Air | Sampah <b>tebal</b>",
            "naskah": [kb("2024-01-10")],
        },
    )
    text = markdown(report_of(root, Period.year(2024)), root)
    assert "Air \\| Sampah \\<b\\>tebal\\</b\\>" in text
    assert "<b>" not in text


def test_the_data_repository_can_override_the_template(sample_repo: Path) -> None:
    templates = sample_repo / "templates"
    templates.mkdir()
    (templates / "laporan.md.j2").write_text(
        "# Laporan {{ report.daerah_nama }} per {{ report.as_of | tanggal }}\n", encoding="utf-8"
    )
    text = markdown(report_of(sample_repo, Period.year(2024)), sample_repo)
    assert text == "# Laporan Kabupaten Kutai Kartanegara per 30 Juni 2025\n"


def test_every_partner_has_one_name_in_every_section(project_root: Path) -> None:
    report = report_of(project_root, Period.year(2024), as_of=date(2024, 12, 31))
    text = markdown(report, project_root)
    # Section II (by partner), III (findings) and VII (list) all name the province alike.
    assert text.count("Provinsi Kalimantan Timur") >= 3
    assert "| Kalimantan Timur |" not in text
    by_partner = dict(
        zip(report.menurut_mitra.column("Kode"), report.menurut_mitra.column("Mitra"), strict=True)
    )
    assert by_partner["64"] == "Provinsi Kalimantan Timur"
    flagged = [f for f in report.temuan.rows if f[0] == "KSD-6402-2021-001"]
    assert flagged and all("Provinsi Kalimantan Timur" in str(row) for row in flagged)


def test_a_month_only_date_and_its_months_first_day_are_worded_apart() -> None:
    # TanggalBulan(2018, 10, 1) == date(2018, 10, 1): the cache of worded dates must not mix
    # "Oktober 2018" with "1 Oktober 2018".
    from ksd_cli.report.markdown import format_cell
    from ksd_cli.tanggal import TanggalBulan

    dates: dict[date, str] = {}
    assert format_cell(date(2018, 10, 1), "tanggal", dates) == "1 Oktober 2018"
    assert format_cell(TanggalBulan.dari(2018, 10), "tanggal", dates) == "Oktober 2018"
    assert format_cell(date(2018, 10, 1), "tanggal", dates) == "1 Oktober 2018"


def test_a_report_larger_than_the_templates_limits_is_still_written(
    project_root: Path, sample_2024: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ksd_cli import jinja
    from ksd_cli.report import markdown as report_markdown

    # The limits made small: the sample's report is then "larger than they hold", as a
    # register of 100,000 agreements is for the real ones.
    text = markdown(sample_2024, project_root)
    monkeypatch.setattr(jinja, "MAX_OUTPUT", len(text) // 4)
    monkeypatch.setattr(report_markdown, "CELLS_PER_SCALE", 50)
    assert markdown(sample_2024, project_root) == text


@pytest.mark.parametrize(
    "template",
    [
        None,  # the bundled template
        "# {{ report.daerah_nama }}\n\n\n{% for row in tabel.daftar.rows %}\n\n{% endfor %}\n",
        "{% for row in tabel.daftar.rows %}| {{ row | join(' | ') }} |\n\n{% endfor %}",
        "",
        "\n\n\n",
    ],
)
def test_the_written_markdown_is_the_rendered_text(
    sample_repo: Path, sample_2024: Report, template: str | None
) -> None:
    """``ksd report`` writes the Markdown as it renders: the text ``render_markdown`` returns."""
    import io

    from ksd_cli.jinja import make_environment
    from ksd_cli.report import render_markdown
    from ksd_cli.report.markdown import write_markdown
    from ksd_cli.repository import open_repository

    if template is not None:
        (sample_repo / "templates").mkdir(exist_ok=True)
        (sample_repo / "templates" / "laporan.md.j2").write_text(template, encoding="utf-8")
    env = make_environment(open_repository(sample_repo))
    stream = io.StringIO()
    write_markdown(sample_2024, stream, env=env)
    expected = render_markdown(sample_2024, env)
    assert stream.getvalue() == expected
    assert expected.endswith("\n") and not expected.endswith("\n\n")
    if template is None:
        assert len(expected) > 10_000


def _bundled_and_copied(root: Path) -> tuple[Any, Any]:
    """The environment of the bundled template, and one whose ``laporan.md.j2`` is the same
    text copied into the repository (rendered by Jinja alone: it is not the bundled file)."""
    import shutil

    from ksd_cli.jinja import bundled_templates, make_environment
    from ksd_cli.report import TEMPLATE
    from ksd_cli.report import markdown as report_markdown
    from ksd_cli.repository import open_repository

    bundled = make_environment(open_repository(root))
    (root / "templates").mkdir(exist_ok=True)
    shutil.copyfile(bundled_templates() / TEMPLATE, root / "templates" / TEMPLATE)
    copied = make_environment(open_repository(root))
    assert report_markdown._is_bundled(bundled.get_template(TEMPLATE), bundled)
    assert not report_markdown._is_bundled(copied.get_template(TEMPLATE), copied)
    return bundled, copied


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("period", [Period.year(2024), Period(date(2019, 1, 1), date(2025, 6, 30))])
def test_the_bundled_templates_rows_are_the_ones_its_loop_writes(
    tmp_path: Path, lang: Lang, period: Period
) -> None:
    """With the bundled template, ksd writes the tables' rows itself (issue 14): the text is
    byte for byte the one the template's own loop writes, on a generated register with
    planted mistakes (empty tables, tables of every kind of cell, unreadable records)."""
    from helpers import generator

    from ksd_cli.reference import load_reference
    from ksd_cli.report import build_report, render_markdown

    root = tmp_path / "repo"
    generator().generate(root, 120, seed=3, invalid_every=7)
    loaded, config = load(root)
    report = build_report(loaded, config, load_reference(), as_of=AS_OF, period=period, lang=lang)
    assert report.invalid and len(report.daftar.rows) > 50
    bundled, copied = _bundled_and_copied(root)
    assert render_markdown(report, bundled) == render_markdown(report, copied)


def test_the_bundled_templates_rows_are_its_own_on_the_sample_and_odd_cells(
    sample_repo: Path, sample_2024: Report
) -> None:
    """As above on the sample, then with tables emptied, and with cells that look like the
    mark standing for a table's rows, or like a table row (they stay cells)."""
    import dataclasses

    from ksd_cli.report import Table, render_markdown

    bundled, copied = _bundled_and_copied(sample_repo)
    assert render_markdown(sample_2024, bundled) == render_markdown(sample_2024, copied)
    daftar = sample_2024.daftar
    odd = ("\x00daftar\x00", "| \x00temuan\x00 |\n", "a | b", "", None, 7, 0.5)
    row = (*odd, *daftar.rows[0][len(odd) :])
    report = dataclasses.replace(
        sample_2024,
        daftar=Table(daftar.title, daftar.columns, (row, *daftar.rows), daftar.note),
        temuan=dataclasses.replace(sample_2024.temuan, rows=()),
        menurut_mitra=dataclasses.replace(sample_2024.menurut_mitra, rows=()),
    )
    text = render_markdown(report, bundled)
    assert text == render_markdown(report, copied)
    assert "\x00" not in text


def _mixed_table() -> Any:
    """A table of 2,500 rows whose columns hold one class in some slices and several in
    others: texts, gaps, counts and flags (``True == 1``), days and months (a month equals
    its first day), ratios, rupiah, numbers as text."""
    from ksd_cli.report import Table
    from ksd_cli.report.model import Column, ColumnKind
    from ksd_cli.tanggal import TanggalBulan

    def cells(i: int) -> tuple[Any, ...]:
        first = i < 1300  # the first two slices of rows: one class a column
        day = date(2020 + i % 3, 1 + i % 12, 1 + i % 2)
        return (
            f"KSD-{i % 700:04d}" if first or i % 5 else ("" if i % 2 else None),
            i % 40 if first else (bool(i % 2) if i % 3 == 0 else i % 3),
            day if first or i % 4 else TanggalBulan.dari(day.year, day.month),
            (i % 9) / 8 if i % 7 else None,
            i * 125_000 if first or i % 3 else None,
            str(i % 11) if i % 2 else i % 11,
            "a | *b*" if i % 13 == 0 else ("-1" if i % 6 else 12),
            None if i % 2 else "",
        )

    kinds: tuple[ColumnKind, ...] = (
        "teks",
        "bilangan",
        "tanggal",
        "persen",
        "rupiah",
        "teks",
        "bilangan",
        "tanggal",
    )
    columns = tuple(Column(f"c{n}", kind) for n, kind in enumerate(kinds))
    return Table("t", columns, tuple(cells(i) for i in range(2500)))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_table_cells_are_format_cell_of_each_whatever_a_column_holds(
    lang: Lang, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows written a column at a time equal each cell written on its own, also when
    the words kept are many (the bound lowered: they start over)."""
    from ksd_cli.report import markdown as md

    table = _mixed_table()
    kinds = [c.kind for c in table.columns]
    expected = tuple(
        tuple(md.format_cell(v, k, None, lang) for v, k in zip(row, kinds, strict=True))
        for row in table.rows
    )
    assert md.markdown_table(table, {}, lang).rows == expected
    monkeypatch.setattr(md._Known, "LIMIT", 50)
    assert md.markdown_table(table, {}, lang).rows == expected
    lines = "".join(md._row_lines(table, md._Known({}), lang))
    assert lines == "".join(f"| {' | '.join(row)} |\n" for row in expected)
    assert len(expected) > 2 * md.ROWS_PER_CHUNK
    assert {"Ya", "Yes"} & {row[1] for row in expected}
    assert {"Mei 2021", "May 2021"} & {row[2] for row in expected}  # a month
