"""ksd report: numbers against the records and ksd stalled, the workbook, the Markdown, the CLI."""

from __future__ import annotations

import dataclasses
import zipfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import check_golden

from ksd_cli.cli import main
from ksd_cli.config import Config
from ksd_cli.lifecycle import lifecycle
from ksd_cli.loading import LoadResult, load_records
from ksd_cli.models import Agreement
from ksd_cli.reference import load_reference
from ksd_cli.report import (
    SHEETS,
    Period,
    Report,
    Share,
    build_report,
    render_markdown,
    write_xlsx,
)
from ksd_cli.report.excel import TANGGAL_FORMAT
from ksd_cli.repository import open_repository
from ksd_cli.stalled import find_stalled
from ksd_cli.xlsx import PERCENT_FORMAT, RUPIAH_FORMAT

AS_OF = date(2025, 6, 30)
GOLDEN = Path(__file__).parent / "golden" / "report"
KUKAR = {"peran": "pihak_kesatu", "tipe": "pemda", "kode_wilayah": "64.02"}
SAMARINDA = {"peran": "pihak_kedua", "tipe": "pemda", "kode_wilayah": "64.72"}
KEMENTAN = {"peran": "pihak_kedua", "tipe": "kementerian_lembaga", "nama": "Kementerian Pertanian"}


# Helpers ---------------------------------------------------------------------------------------


def load(root: Path) -> tuple[LoadResult, Config]:
    repo = open_repository(root)
    return load_records(repo, lang="id"), repo.config


def report_of(
    root: Path, period: Period, as_of: date = AS_OF, commit: str | None = "abc1234"
) -> Report:
    loaded, config = load(root)
    return build_report(
        loaded, config, load_reference(), as_of=as_of, period=period, data_commit=commit
    )


def markdown_env(root: Path) -> Any:
    from ksd_cli.jinja import make_environment

    return make_environment(open_repository(root))


def markdown(report: Report, root: Path) -> str:
    # The version changes with every release; the golden files should not.
    return render_markdown(dataclasses.replace(report, ksd_version="0.0.0"), markdown_env(root))


def kb(ttd: str | None, sampai: str | None = None, jenis: str = "kesepakatan_bersama") -> dict:
    return {
        "jenis": jenis,
        **({"tanggal_ttd": ttd} if ttd else {}),
        **({"berlaku_sampai": sampai} if sampai else {}),
    }


def pks(ttd: str | None, sampai: str | None = None) -> dict:
    return kb(ttd, sampai, "perjanjian_kerja_sama")


def write_repo(root: Path, *agreements: dict[str, Any]) -> Path:
    """A small data repository in ``root`` with these agreements (ids KSD-6402-...)."""
    folder = root / "data" / "agreements"
    folder.mkdir(parents=True)
    (root / "ksd.toml").write_text('[daerah]\nkode = "64.02"\n', encoding="utf-8")
    for fields in agreements:
        record = {
            "judul": "Kerja Sama Uji",
            "jenis": "ksdd_sukarela",
            "urusan": ["2.11"],
            "pihak": [KUKAR, SAMARINDA],
            **fields,
        }
        text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True)
        (folder / f"{record['id']}.yaml").write_text(text, encoding="utf-8")
    return root


def sheet_rows(ws: Any, header_row: int) -> list[dict[str, Any]]:
    """The table whose header is on ``header_row``, as header -> cell (down to a blank row)."""
    headers = [c.value for c in ws[header_row] if c.value is not None]
    rows = []
    for row in ws.iter_rows(min_row=header_row + 1, max_col=len(headers)):
        if all(c.value is None for c in row):
            break
        rows.append(dict(zip(headers, row, strict=True)))
    return rows


def find_row(ws: Any, text: str) -> int:
    """The first row whose first cell is ``text``."""
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == text:
            return int(row[0].row)
    raise AssertionError(f"{text!r} not in sheet {ws.title}")


@pytest.fixture(scope="module")
def sample_2024() -> Report:
    root = Path(__file__).resolve().parent.parent
    return report_of(root, Period.year(2024))


# Numbers against the records and ksd stalled ---------------------------------------------------


@pytest.mark.parametrize("as_of", [date(2024, 12, 31), AS_OF])
def test_temuan_rows_are_the_stalled_flags_of_the_same_day(project_root: Path, as_of: date) -> None:
    loaded, config = load(project_root)
    report = build_report(loaded, config, load_reference(), as_of=as_of, period=Period.year(2024))
    stalled = find_stalled(loaded, config, load_reference(), as_of=as_of)
    assert [
        (r["ID"], r["Kode temuan"], r["Hari"], r["Sejak"]) for r in report.temuan.records()
    ] == [(f.id, f.code, f.days, f.since) for f in stalled.flags]
    counts = {r["Kode temuan"]: r["Jumlah"] for r in report.temuan_per_kode.records()}
    assert counts == stalled.counts()


def test_sample_temuan_are_what_the_scenario_names(sample_2024: Report) -> None:
    assert {(r["ID"], r["Kode temuan"]) for r in sample_2024.temuan.records()} == {
        ("KSD-6402-2019-003", "kb_tanpa_pks"),
        ("KSD-6402-2022-002", "kb_tanpa_pks"),
        ("KSD-6402-2023-002", "kb_tanpa_pks"),
        ("KSD-6402-2024-001", "kb_tanpa_pks"),
        ("KSD-6402-2019-001", "kb_kedaluwarsa_tanpa_pks"),
        ("KSD-6402-2022-001", "pks_tanpa_pelaksanaan"),
        ("KSD-6402-2021-001", "tanpa_monev"),
        ("KSD-6402-2019-002", "kedaluwarsa"),
        ("KSD-6402-2022-003", "akan_berakhir"),
        ("KSD-6402-2023-001", "dprd_tertunda"),
        ("POT-6402-2023-002", "potensi_tanpa_tindak_lanjut"),
    }


def test_counts_by_kind_status_and_stage_match_the_records(
    project_root: Path, sample_2024: Report
) -> None:
    loaded, _ = load(project_root)
    records = [r.record for r in loaded.records if isinstance(r.record, Agreement)]
    states = [lifecycle(r, AS_OF) for r in records]
    jenis = {
        r["Jenis kerja sama"]: r["Jumlah kerja sama"] for r in sample_2024.menurut_jenis.records()
    }
    assert (
        jenis["KSDD sukarela (antardaerah)"] == Counter(r.jenis for r in records)["ksdd_sukarela"]
    )
    assert sum(jenis.values()) == len(records) == 20
    status = {r["Status"]: r["Jumlah kerja sama"] for r in sample_2024.menurut_status.records()}
    assert status == {
        "Draf": 3,
        "Aktif": 13,
        "Belum berlaku": 0,
        "Kedaluwarsa": 2,
        "Berakhir": 1,
        "Dibatalkan": 1,
        "Diakhiri": 0,
    }
    assert status["Aktif"] == sum(s.status == "aktif" for s in states)
    tahap = {
        r["Tahap terakhir"]: r["Jumlah kerja sama"] for r in sample_2024.menurut_tahap.records()
    }
    assert tahap["Penandatanganan KB"] == 6 and tahap["Monev"] == 5 and tahap["Berakhir"] == 2
    total = sum(r.pembiayaan.nilai or 0 for r in records if r.pembiayaan)
    figures = {f.label: f.value for f in sample_2024.ikhtisar}
    assert figures["Nilai pembiayaan seluruh kerja sama"] == total == 69_375_000_000
    assert figures["Kerja sama aktif"] == 13


def test_events_are_counted_within_the_period(sample_2024: Report) -> None:
    events = {r["Kegiatan"]: r["Jumlah"] for r in sample_2024.kegiatan.records()}
    # 2024: KB of 2023-001, MoU of 2024-001, PKS of 2022-001 and 2022-003, adendum of 2020-001.
    assert events["Kesepakatan Bersama ditandatangani"] == 1
    assert events["Nota Kesepahaman ditandatangani"] == 1
    assert events["Perjanjian Kerja Sama ditandatangani"] == 2
    assert events["Adendum ditandatangani"] == 1
    # Monev of 2019-002, 2020-001, 2023-003 and two of 2023-004.
    assert events["Monev dilaksanakan"] == 5
    assert events["Potensi dipetakan (menurut tahun pemetaan)"] == 3
    rekomendasi = {
        r["Rekomendasi"]: r["Monev dalam periode"] for r in sample_2024.rekomendasi.records()
    }
    assert rekomendasi == {
        "Dilanjutkan": 3,
        "Diperluas": 2,
        "Diperbaiki": 0,
        "Dihentikan": 0,
        "Tidak diisi": 0,
    }


def test_sample_sections_iv_to_vii(sample_2024: Report) -> None:
    (ending,) = sample_2024.akan_berakhir.records()
    assert ending["ID"] == "KSD-6402-2022-003"
    assert ending["Berlaku sampai"] == date(2025, 9, 15) and ending["Sisa hari"] == 77
    assert sample_2024.tindak_lanjut_potensi == Share(10, 13)
    assert set(sample_2024.potensi_belum_ditindaklanjuti.column("ID")) == {
        "POT-6402-2022-003",
        "POT-6402-2023-002",
        "POT-6402-2024-001",
    }
    assert set(sample_2024.tanpa_monev.column("ID")) == {
        "KSD-6402-2019-003",
        "KSD-6402-2021-001",
        "KSD-6402-2022-001",
        "KSD-6402-2022-002",
        "KSD-6402-2022-003",
        "KSD-6402-2023-001",
        "KSD-6402-2023-002",
        "KSD-6402-2024-001",
    }
    latest = {r["ID"]: r for r in sample_2024.monev_terakhir.records()}
    assert latest["KSD-6402-2020-001"]["Capaian"] == pytest.approx(0.91)
    assert latest["KSD-6402-2020-001"]["Rekomendasi"] == "Diperluas"
    assert latest["KSD-6402-2023-003"]["Tanggal monev terakhir"] == date(2025, 1, 20)
    daftar = {r["ID"]: r for r in sample_2024.daftar.records()}
    assert len(daftar) == 20
    assert daftar["KSD-6402-2020-001"]["Tanggal ttd PKS"] == date(2021, 8, 10)
    assert daftar["KSD-6402-2020-001"]["Berlaku sampai"] == date(2026, 3, 14)
    assert daftar["KSD-6402-2023-004"]["Tanggal ttd KB"] is None  # sinergi: nota = PKS
    assert daftar["KSD-6402-2022-001"]["Temuan"] == "pks_tanpa_pelaksanaan"
    mitra = {r["Mitra"]: r["Jumlah kerja sama"] for r in sample_2024.menurut_mitra.records()}
    assert mitra["Kota Samarinda"] == 4 and mitra["Universitas Mulawarman"] == 1


def test_conversion_rate_of_a_small_repository_by_hand(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path,
        {"id": "KSD-6402-2021-001", "naskah": [kb("2021-03-01"), pks("2022-01-10")]},
        {"id": "KSD-6402-2021-002", "naskah": [kb("2021-05-01")]},
        # Its PKS is signed after the as-of date: not yet a follower.
        {
            "id": "KSD-6402-2022-001",
            "naskah": [kb("2022-02-01", jenis="nota_kesepahaman"), pks("2025-07-01")],
        },
        # Sinergi is left out, even with a KB-kind document and no PKS.
        {
            "id": "KSD-6402-2022-002",
            "jenis": "sinergi",
            "pihak": [KUKAR, KEMENTAN],
            "naskah": [kb("2022-01-01"), kb("2022-03-01", jenis="nota_kesepakatan")],
        },
        # Two PKS count once.
        {
            "id": "KSD-6402-2022-003",
            "naskah": [kb("2022-04-01"), pks("2022-06-01"), pks("2023-01-01")],
        },
        # A draft PKS is no follower.
        {"id": "KSD-6402-2022-004", "naskah": [kb("2022-05-01"), pks(None)]},
    )
    report = report_of(root, Period.year(2022))
    assert report.konversi == Share(2, 5)
    assert report.konversi.ratio == 0.4
    assert report.konversi_per_tahun.rows == (
        ("2021", 2, 1, 1, 0.5),
        ("2022", 3, 1, 2, 1 / 3),
    )
    target = tmp_path / "k.xlsx"
    write_xlsx(report, target)
    from openpyxl import load_workbook

    ws = load_workbook(target)["Ringkasan"]
    header = find_row(ws, "Tahun KB")
    rows = {r["Tahun KB"].value: r for r in sheet_rows(ws, header)}
    assert rows["2022"]["Rasio konversi"].value == pytest.approx(1 / 3)
    assert rows["2022"]["Rasio konversi"].number_format == PERCENT_FORMAT
    assert rows["2021"]["KB ditandatangani"].value == 2
    ikhtisar = {r["Uraian"].value: r["Nilai"] for r in sheet_rows(ws, find_row(ws, "Uraian"))}
    assert ikhtisar["Rasio konversi KB menjadi PKS"].value == 0.4


def test_monev_outside_the_period_or_after_the_as_of_date_is_not_counted(tmp_path: Path) -> None:
    monev = [
        {"tanggal": "2023-12-31", "rekomendasi": "diperbaiki"},
        {"tanggal": "2024-01-01", "rekomendasi": "dilanjutkan"},
        {"tanggal": "2024-12-31", "rekomendasi": "diperluas", "capaian": 80},
        {"tanggal": "2025-01-01", "rekomendasi": "dihentikan", "capaian": 95},
        {"tanggal": "2025-07-01", "rekomendasi": "diperbaiki"},  # after the as-of date
    ]
    root = write_repo(
        tmp_path,
        {
            "id": "KSD-6402-2023-001",
            "naskah": [kb("2023-01-01"), pks("2023-02-01")],
            "monev": monev,
        },
        {
            "id": "KSD-6402-2023-002",
            "naskah": [kb("2023-01-01"), pks("2023-02-01")],
            "monev": [{"tanggal": "2023-06-01"}],
        },
    )

    def in_period(report: Report) -> dict[str, Any]:
        return {r["Rekomendasi"]: r["Monev dalam periode"] for r in report.rekomendasi.records()}

    year = report_of(root, Period.year(2024))
    assert in_period(year) == {
        "Dilanjutkan": 1,
        "Diperluas": 1,
        "Diperbaiki": 0,
        "Dihentikan": 0,
        "Tidak diisi": 0,
    }
    assert year.tanpa_monev.column("ID") == ["KSD-6402-2023-002"]
    (latest, _) = year.monev_terakhir.records()
    assert latest["Tanggal monev terakhir"] == date(2025, 1, 1)  # state as of the as-of date
    assert latest["Capaian"] == pytest.approx(0.95)
    assert latest["Monev dalam periode"] == 2

    inside = report_of(root, Period(date(2024, 1, 2), date(2024, 12, 30)))
    assert sum(in_period(inside).values()) == 0
    assert set(inside.tanpa_monev.column("ID")) == {"KSD-6402-2023-001", "KSD-6402-2023-002"}

    this_year = report_of(root, Period.year(2025))
    assert in_period(this_year)["Dihentikan"] == 1
    assert in_period(this_year)["Diperbaiki"] == 0  # 2025-07-01 has not happened on 2025-06-30


def test_a_repository_without_records_gives_an_empty_report(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    (tmp_path / "data" / "agreements").mkdir(parents=True)
    (tmp_path / "ksd.toml").write_text('[daerah]\nkode = "64.02"\n', encoding="utf-8")
    report = report_of(tmp_path, Period.year(2025))
    assert report.daftar.rows == () and report.konversi == Share(0, 0)
    assert report.konversi.ratio is None
    target = tmp_path / "kosong.xlsx"
    write_xlsx(report, target)
    book = load_workbook(target)
    assert book.sheetnames == list(SHEETS)
    assert book["Sampul"]["A2"].value == "Kabupaten Kutai Kartanegara"
    text = markdown(report, tmp_path)
    assert "Belum ada KB yang ditandatangani." in text
    assert "Belum ada kerja sama." in text


# The workbook ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook(sample_2024: Report, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from openpyxl import load_workbook

    target = tmp_path_factory.mktemp("xlsx") / "laporan.xlsx"
    write_xlsx(sample_2024, target)
    return load_workbook(target)


def test_workbook_sheets_and_cover(workbook: Any) -> None:
    assert (
        workbook.sheetnames
        == list(SHEETS)
        == [
            "Sampul",
            "Ringkasan",
            "Rincian",
            "Temuan",
            "Akan Berakhir",
            "Potensi",
            "Monev",
            "Daftar",
        ]
    )
    cover = workbook["Sampul"]
    assert cover["A1"].value == "Laporan Evaluasi Kerja Sama Daerah"
    assert cover["A2"].value == "Kabupaten Kutai Kartanegara"
    facts = {row[0].value: row[1] for row in cover.iter_rows(min_row=4, max_row=10, max_col=2)}
    assert facts["Periode"].value == "Tahun 2024 (1 Januari 2024 s.d. 31 Desember 2024)"
    assert facts["Keadaan per"].value == datetime(2025, 6, 30)
    assert facts["Keadaan per"].number_format == TANGGAL_FORMAT
    assert facts["Dibuat"].value == "dibuat dengan ksd 0.1.0 dari commit data abc1234"
    links = [c.hyperlink.location for c in cover["A"] if c.hyperlink is not None]
    assert links == [f"'{name}'!A1" for name in SHEETS[1:]]


def test_temuan_sheet_has_one_row_per_flag(workbook: Any, sample_2024: Report) -> None:
    ws = workbook["Temuan"]
    assert [c.value for c in ws[4]][:3] == ["ID", "Kode temuan", "Temuan"]
    assert ws["A4"].font.b and ws["A4"].fill.fgColor.rgb.endswith("1F4E78")
    rows = sheet_rows(ws, 4)
    flags = sample_2024.stalled.flags
    assert [(r["ID"].value, r["Kode temuan"].value, r["Hari"].value) for r in rows] == [
        (f.id, f.code, f.days) for f in flags
    ]
    assert all(isinstance(r["Sejak"].value, datetime) for r in rows)
    assert {r["Sejak"].number_format for r in rows} == {TANGGAL_FORMAT}
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == f"A4:L{4 + len(flags)}"


def test_daftar_cells_are_typed_and_formatted(workbook: Any) -> None:
    ws = workbook["Daftar"]
    rows = {r["ID"].value: r for r in sheet_rows(ws, 4)}
    assert len(rows) == 20
    row = rows["KSD-6402-2020-001"]
    assert row["Tanggal ttd PKS"].value == datetime(2021, 8, 10)
    assert row["Tanggal ttd PKS"].number_format == TANGGAL_FORMAT
    nilai = row["Nilai pembiayaan"]
    assert type(nilai.value) is int and nilai.value == 14_250_000_000
    assert nilai.number_format == RUPIAH_FORMAT
    assert row["Capaian"].value == pytest.approx(0.91)
    assert row["Capaian"].number_format == PERCENT_FORMAT
    assert rows["KSD-6402-2021-002"]["Status"].value == "Dibatalkan"
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == "A4:Q24"
    assert ws.column_dimensions["B"].width >= 40


def test_every_section_sheet_is_filled_and_frozen(workbook: Any) -> None:
    assert workbook["Rincian"]["A5"].value == "Urusan"
    assert workbook["Akan Berakhir"]["A5"].value == "KSD-6402-2022-003"
    assert workbook["Akan Berakhir"]["F5"].value == datetime(2025, 9, 15)
    potensi = workbook["Potensi"]
    belum = sheet_rows(potensi, find_row(potensi, "ID"))
    assert {r["ID"].value for r in belum} == {
        "POT-6402-2022-003",
        "POT-6402-2023-002",
        "POT-6402-2024-001",
    }
    monev = workbook["Monev"]
    rekomendasi = sheet_rows(monev, find_row(monev, "Rekomendasi"))
    assert [r["Monev dalam periode"].value for r in rekomendasi] == [3, 2, 0, 0, 0]
    for name in SHEETS[1:]:
        assert workbook[name].freeze_panes in ("A3", "A5")
        assert workbook[name]["A1"].font.b


def test_two_native_charts_on_the_summary(workbook: Any) -> None:
    from openpyxl.chart import BarChart

    charts = workbook["Ringkasan"]._charts
    assert len(charts) == 2
    assert all(isinstance(c, BarChart) for c in charts)
    assert {c.type for c in charts} == {"bar", "col"}


def test_record_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    judul = '=HYPERLINK("http://contoh.invalid","klik")'
    root = write_repo(
        tmp_path,
        {
            "id": "KSD-6402-2024-001",
            "judul": judul,
            "jenis": "ksdpk",
            "pihak": [KUKAR, {"peran": "pihak_kedua", "tipe": "pihak_ketiga", "nama": "@SUM(1+1)"}],
            "perangkat_daerah": ["-Dinas Uji", "+62 Dinas"],
            "naskah": [kb("2024-01-10")],
        },
    )
    target = tmp_path / "f.xlsx"
    write_xlsx(report_of(root, Period.year(2024)), target)
    ws = load_workbook(target)["Daftar"]
    (row,) = sheet_rows(ws, 4)
    for header, text in (
        ("Judul", judul),
        ("Mitra", "@SUM(1+1)"),
        ("Perangkat daerah", "-Dinas Uji; +62 Dinas"),
    ):
        assert row[header].value == text
        assert row[header].data_type == "s"
    with zipfile.ZipFile(target) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in archive.read(name).decode("utf-8")


# Markdown --------------------------------------------------------------------------------------


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
    ]
    assert text.count("```mermaid") == 2
    assert "pie showData" in text and "xychart-beta" in text
    assert (
        'x-axis "Tahun penandatanganan KB" ["2019", "2020", "2021", "2022", "2023", "2024", '
        in text
    )
    assert "bar [50.0, 100.0, 100.0, 50.0, 50.0, 0.0, 0.0]" in text
    assert "| KSD-6402-2022-003 | akan_berakhir |" in text


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


# Records that do not load ----------------------------------------------------------------------


def test_records_that_do_not_load_are_listed(
    sample_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    broken = sample_repo / "data" / "agreements" / "KSD-6402-2022-002.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("judul:", "judull:", 1), encoding="utf-8"
    )
    report = report_of(sample_repo, Period.year(2024))
    assert [i.path for i in report.invalid] == ["data/agreements/KSD-6402-2022-002.yaml"]
    assert "KSD-6402-2022-002" not in report.daftar.column("ID")
    assert "- data/agreements/KSD-6402-2022-002.yaml (2 galat)" in markdown(report, sample_repo)
    target = tmp_path / "out.xlsx"
    args = ["report", "--root", str(sample_repo), "--periode", "2024", "--as-of", "2025-06-30"]
    assert main([*args, "-o", str(target)]) == 0
    assert "1 rekaman tidak dapat dibaca" in capsys.readouterr().err
    cover = [c.value for c in load_workbook(target)["Sampul"]["A"]]
    assert "Rekaman yang tidak dapat dibaca: 1" in cover
    assert "data/agreements/KSD-6402-2022-002.yaml" in cover


# The command -----------------------------------------------------------------------------------


def test_default_output_file_refuses_to_overwrite_without_force(
    sample_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from openpyxl import load_workbook

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    args = ["report", "--root", str(sample_repo), "--periode", "2024", "--as-of", "2025-06-30"]
    assert main(args) == 0
    assert capsys.readouterr().out == "ksd-laporan-2024.xlsx\n"
    target = work / "ksd-laporan-2024.xlsx"
    assert load_workbook(target).sheetnames == list(SHEETS)

    target.write_bytes(b"lama")
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "berkas sudah ada" in captured.err and "--force" in captured.err
    assert target.read_bytes() == b"lama"
    assert main([*args, "--force"]) == 0
    assert load_workbook(target)["Sampul"]["A1"].value == "Laporan Evaluasi Kerja Sama Daerah"

    assert main([*args, "--format", "md"]) == 0
    assert capsys.readouterr().out.endswith("ksd-laporan-2024.md\n")
    assert (
        (work / "ksd-laporan-2024.md")
        .read_text(encoding="utf-8")
        .startswith("# Laporan Evaluasi Kerja Sama Daerah")
    )
    assert (
        main(
            [
                "report",
                "--root",
                str(sample_repo),
                "--from",
                "2025-01-01",
                "--to",
                "2025-06-30",
                "--as-of",
                "2025-06-30",
            ]
        )
        == 0
    )
    assert (work / "ksd-laporan-2025-01-01_2025-06-30.xlsx").is_file()


def test_markdown_to_stdout_equals_the_library(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["report", "--root", str(sample_repo), "--periode", "2024", "--as-of", "2025-06-30"]
    assert main([*args, "--format", "md", "--output", "-"]) == 0
    printed = capsys.readouterr().out
    # sample_repo is a copy outside git: no commit to name.
    library = render_markdown(
        report_of(sample_repo, Period.year(2024), commit=None), markdown_env(sample_repo)
    )
    assert printed == library
    assert "dari data di luar repositori git" in printed


@pytest.mark.parametrize(
    ("extra", "option"),
    [
        (["--periode", "2024", "--from", "2024-01-01", "--to", "2024-06-30"], "--periode"),
        (["--from", "2024-01-01"], "--to"),
        (["--from", "2024-07-01", "--to", "2024-06-30"], "--to"),
        (["--from", "2024-02-30", "--to", "2024-06-30"], "--from"),
        (["--periode", "2026"], "--as-of"),
        (["--periode", "2024", "--output", "-"], "--output"),
    ],
)
def test_usage_errors_exit_2_and_name_the_option(
    project_root: Path, extra: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["report", "--root", str(project_root), "--as-of", "2025-06-30", *extra])
    assert code == 2
    assert f"invalid value for {option}" in capsys.readouterr().err


def test_data_commit_names_the_commit_or_nothing(tmp_path: Path, project_root: Path) -> None:
    from ksd_cli.gitio import head_commit as data_commit

    assert data_commit(tmp_path) == (None, False)
    commit, _ = data_commit(project_root, ["data"])
    assert commit is not None and len(commit) >= 7
