"""Building the report: numbers against the records and ksd stalled, periods, records that do not load."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ksd_cli.cli import main
from ksd_cli.lifecycle import lifecycle
from ksd_cli.models import Agreement
from ksd_cli.reference import load_reference
from ksd_cli.report import (
    SHEETS,
    Period,
    Report,
    Share,
    build_report,
    write_xlsx,
)
from ksd_cli.stalled import find_stalled
from ksd_cli.xlsx import PERCENT_FORMAT
from report.conftest import (
    AS_OF,
    KEMENTAN,
    KUKAR,
    find_row,
    kb,
    load,
    markdown,
    pks,
    report_of,
    sheet_rows,
    write_repo,
)

# Numbers against the records and ksd stalled ---------------------------------------------------


@pytest.mark.parametrize("as_of", [date(2024, 12, 31), AS_OF])
def test_temuan_rows_are_the_stalled_flags_of_the_same_day(project_root: Path, as_of: date) -> None:
    loaded, config = load(project_root, as_of)
    report = build_report(loaded, config, load_reference(), as_of=as_of, period=Period.year(2024))
    stalled = find_stalled(loaded, config, load_reference(), as_of=as_of)
    assert [
        (r["ID"], r["Kode temuan"], r["Hari"], r["Sejak"]) for r in report.temuan.records()
    ] == [(f.id, f.code, f.days, f.since) for f in stalled.flags]
    counts = {r["Kode temuan"]: r["Jumlah"] for r in report.temuan_per_kode.records()}
    assert counts == stalled.counts()


def test_temuan_without_a_threshold_show_a_dash_not_zero(sample_2024: Report) -> None:
    rows = {r["ID"]: r for r in sample_2024.temuan.records()}
    assert rows["KSD-6402-2019-002"]["Batas (hari)"] == "–"  # kedaluwarsa
    assert rows["KSD-6402-2019-001"]["Batas (hari)"] == "–"  # kb_kedaluwarsa_tanpa_pks
    assert rows["KSD-6402-2019-003"]["Batas (hari)"] == 365  # kb_tanpa_pks
    assert rows["KSD-6402-2019-003"]["Temuan"] == "KB tanpa PKS"


def test_sample_temuan_are_what_the_scenario_names(sample_2024: Report) -> None:
    assert {(r["ID"], r["Kode temuan"]) for r in sample_2024.temuan.records()} == {
        ("KSD-6402-2019-003", "kb_tanpa_pks"),
        ("KSD-6402-2022-002", "kb_tanpa_pks"),
        ("KSD-6402-2023-002", "kb_tanpa_pks"),
        ("KSD-6402-2024-001", "kb_tanpa_pks"),
        # v1.1, before signing: a stopped proposal, an unanswered offer, a sinergi MoU
        ("KSD-6402-2023-005", "usulan_tanpa_kemajuan"),
        ("KSD-6402-2025-002", "penawaran_tanpa_jawaban"),
        ("KSD-6402-2024-007", "kb_tanpa_pks"),
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
    records = [r.record for r in loaded.loaded.records if isinstance(r.record, Agreement)]
    states = [lifecycle(r, AS_OF) for r in records]
    jenis = {
        r["Jenis kerja sama"]: r["Jumlah kerja sama"] for r in sample_2024.menurut_jenis.records()
    }
    assert (
        jenis["KSDD sukarela (antardaerah)"] == Counter(r.jenis for r in records)["ksdd_sukarela"]
    )
    assert sum(int(n) for n in jenis.values() if isinstance(n, int)) == len(records) == 26
    status = {r["Status"]: r["Jumlah kerja sama"] for r in sample_2024.menurut_status.records()}
    # v1.1 sample records: two proposals (2023-005, 2025-002) are drafts, the sinergi MoU
    # (2024-007) is in force, the rejected request (2024-006) is ditolak; the two records that
    # show the v1.1 additions (2018-001, 2025-003) are in force.
    assert status == {
        "Draf": 5,
        "Aktif": 16,
        "Belum berlaku": 0,
        "Kedaluwarsa": 2,
        "Berakhir": 1,
        "Dibatalkan": 1,
        "Diakhiri": 0,
        "Ditolak": 1,
        "Pernyataan kehendak": 0,
    }
    assert status["Aktif"] == sum(s.status == "aktif" for s in states)
    tahap = {
        r["Tahap terakhir"]: r["Jumlah kerja sama"] for r in sample_2024.menurut_tahap.records()
    }
    assert tahap["Penandatanganan KB"] == 7 and tahap["Monev"] == 6 and tahap["Berakhir"] == 2
    total = sum(r.pembiayaan.nilai or 0 for r in records if r.pembiayaan)
    figures = {f.label: f.value for f in sample_2024.ikhtisar}
    assert figures["Nilai pembiayaan seluruh kerja sama"] == total == 70_225_000_000
    assert figures["Kerja sama aktif"] == 16


def test_events_are_counted_within_the_period(sample_2024: Report) -> None:
    events = {r["Kegiatan"]: r["Jumlah"] for r in sample_2024.kegiatan.records()}
    # 2024: KB of 2023-001, MoUs of 2024-001 and 2024-007, PKS of 2022-001 and 2022-003,
    # adendum of 2020-001.
    assert events["Kesepakatan Bersama ditandatangani"] == 1
    assert events["Nota Kesepahaman ditandatangani"] == 2
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
        "KSD-6402-2024-007",  # the sinergi MoU, in force since 2024-05-21, never evaluated
        "KSD-6402-2018-001",  # its only monev recorded is of February 2025
    }
    latest = {r["ID"]: r for r in sample_2024.monev_terakhir.records()}
    assert latest["KSD-6402-2020-001"]["Capaian"] == pytest.approx(0.91)
    assert latest["KSD-6402-2020-001"]["Rekomendasi"] == "Diperluas"
    assert latest["KSD-6402-2023-003"]["Tanggal monev terakhir"] == date(2025, 1, 20)
    daftar = {r["ID"]: r for r in sample_2024.daftar.records()}
    assert len(daftar) == 26
    assert daftar["KSD-6402-2020-001"]["Tanggal ttd PKS"] == date(2021, 8, 10)
    assert daftar["KSD-6402-2020-001"]["Berlaku sampai"] == date(2026, 3, 14)
    assert daftar["KSD-6402-2023-004"]["Tanggal ttd KB"] is None  # sinergi: nota = PKS
    # A title where a reader looks, never a code.
    assert daftar["KSD-6402-2022-001"]["Temuan"] == "PKS tanpa pelaksanaan"
    # Numbers and sources name the parties, never their roles or codes.
    assert str(daftar["KSD-6402-2020-001"]["Nomor naskah per pihak"]).startswith(
        "KB: Kabupaten Kutai Kartanegara 180/015/HK/III/2021, Kota Samarinda 100.3.7/12/"
    )
    assert daftar["KSD-6402-2020-001"]["Sumber dana"] == (
        "APBD Kabupaten Kutai Kartanegara; APBD Kota Samarinda"
    )
    assert daftar["KSD-6402-2023-001"]["Persetujuan DPRD"] == "Menunggu keputusan DPRD"
    mitra = {r["Mitra"]: r["Jumlah kerja sama"] for r in sample_2024.menurut_mitra.records()}
    # Samarinda: 5 with the v1.1 sample's unanswered offer (KSD-6402-2025-002).
    assert mitra["Kota Samarinda"] == 5 and mitra["Universitas Mulawarman"] == 1


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
        ("2021", 2, 1, 1, 0, 0.5),
        ("2022", 3, 1, 2, 0, 1 / 3),
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

    def in_period(report: Report) -> dict[Any, Any]:
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
    text = markdown(report, sample_repo)
    assert "- `data/agreements/KSD-6402-2022-002.yaml` (2 galat)" in text
    assert "**Perhatian: 1 rekaman memuat galat** dan tidak dihitung" in text
    assert "tidak dapat dibaca" not in text
    target = tmp_path / "out.xlsx"
    args = ["report", "--root", str(sample_repo), "--periode", "2024", "--as-of", "2025-06-30"]
    assert main([*args, "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert "1 rekaman memuat galat dan tidak dihitung dalam laporan" in err
    cover = [c.value for c in load_workbook(target)["Sampul"]["A"]]
    assert "Rekaman yang memuat galat: 1" in cover
    assert "data/agreements/KSD-6402-2022-002.yaml" in cover
    assert not [c for c in cover if isinstance(c, str) and "tidak dapat dibaca" in c]


def test_a_record_that_fails_validation_has_errors_in_english_singular_and_plural(
    sample_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    # Read without trouble, but its region code is unknown: one error.
    unknown = sample_repo / "data" / "agreements" / "KSD-6402-2022-002.yaml"
    text = unknown.read_text(encoding="utf-8")
    assert 'kode_wilayah: "64.02"' in text
    unknown.write_text(text.replace('kode_wilayah: "64.02"', 'kode_wilayah: "64.20"'), "utf-8")
    args = ["report", "--root", str(sample_repo), "--periode", "2024", "--as-of", "2025-06-30"]
    assert main([*args, "--lang", "en", "-f", "md", "-o", str(tmp_path / "one.md")]) == 0
    err = capsys.readouterr().err
    assert "1 record has errors and is left out of the report's counts" in err
    md = (tmp_path / "one.md").read_text(encoding="utf-8")
    assert "**Attention: 1 record has errors** and is left out of the counts" in md
    assert "(1 error)" in md and "could not be read" not in md and "1 records" not in md
    # A second one: plural.
    other = sample_repo / "data" / "agreements" / "KSD-6402-2022-003.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace("judul:", "judull:", 1), "utf-8")
    assert main([*args, "--lang", "en", "-o", str(tmp_path / "two.xlsx")]) == 0
    assert "2 records have errors and are left out" in capsys.readouterr().err
    cover = [c.value for c in load_workbook(tmp_path / "two.xlsx").worksheets[0]["A"]]
    assert "Records with errors: 2" in cover


def test_young_kbs_are_shown_apart_not_as_unconverted(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path,
        {"id": "KSD-6402-2024-001", "naskah": [kb("2024-03-01")]},  # 486 days: overdue
        {"id": "KSD-6402-2024-002", "naskah": [kb("2024-09-01")]},  # 302 days: still young
        {"id": "KSD-6402-2024-003", "naskah": [kb("2024-02-01"), pks("2024-06-01")]},
    )
    report = report_of(root, Period.year(2024))
    assert report.konversi_per_tahun.rows == (("2024", 3, 1, 1, 1, 0.5),)
    # The headline follows the table's rule: the young KB is outside the rate.
    assert (report.konversi, report.kb_muda) == (Share(1, 2), 1)
    figures = {f.label: f.value for f in report.ikhtisar}
    assert figures["Rasio konversi KB menjadi PKS"] == 0.5
    text = markdown(report, root)
    assert "Dari 3 KB yang telah ditandatangani, 1 belum jatuh tempo (di luar rasio);" in text
    assert "dari 2 KB lainnya, 1 diikuti paling sedikit satu PKS: rasio konversi 50,0%." in text
    from ksd_cli.report.document import sentences

    assert sentences(report).konversi == (
        "Dari 3 kesepakatan bersama yang ditandatangani, 1 belum jatuh tempo untuk "
        "ditindaklanjuti; dari 2 lainnya, 1 telah diikuti perjanjian kerja sama (50,0%)."
    )


def test_the_sample_headline_rate_is_the_rate_of_its_table(sample_2024: Report) -> None:
    table = sample_2024.konversi_per_tahun
    signed, followed, young = (
        sum(n for n in table.column(header) if isinstance(n, int))
        for header in ("KB ditandatangani", "Diikuti PKS", "Belum jatuh tempo (di luar rasio)")
    )
    due = signed - young
    assert (followed, due, sample_2024.kb_muda) == (7, 12, 3)
    assert sample_2024.konversi == Share(7, 12)


def test_value_awaiting_dprd_approval_is_not_active_value(tmp_path: Path) -> None:
    awaiting = {"diperlukan": True, "tanggal_permohonan": "2024-05-01"}
    root = write_repo(
        tmp_path,
        {
            "id": "KSD-6402-2024-001",
            "naskah": [kb("2024-01-10"), pks("2024-03-01")],
            "pembiayaan": {"nilai": 1_000},
            "persetujuan_dprd": awaiting,
        },
        {
            "id": "KSD-6402-2024-002",
            "naskah": [kb("2024-01-10"), pks("2024-03-01")],
            "pembiayaan": {"nilai": 300},
        },
    )
    report = report_of(root, Period.year(2024))
    figures = {f.label: f.value for f in report.ikhtisar}
    assert figures["Nilai pembiayaan seluruh kerja sama"] == 1_300
    assert figures["Nilai pembiayaan kerja sama aktif"] == 300


def test_a_letter_of_intent_does_not_decide_the_validity_shown(tmp_path: Path) -> None:
    # The sample's sister city: a 2019 letter of intent without an end, an MoU to 2027.
    loi = {"jenis": "surat_pernyataan_kehendak", "tanggal_ttd": "2019-11-26"}
    mou = kb("2022-08-18", "2027-08-17", jenis="nota_kesepahaman")
    root = write_repo(
        tmp_path,
        {"id": "KSD-6402-2019-003", "naskah": [loi, mou]},
        {"id": "KSD-6402-2019-004", "naskah": [loi]},
    )
    report = report_of(root, Period.year(2024))
    daftar = {r["ID"]: r for r in report.daftar.records()}
    mou_row = daftar["KSD-6402-2019-003"]
    assert (mou_row["Berlaku mulai"], mou_row["Berlaku sampai"]) == (
        date(2022, 8, 18),
        date(2027, 8, 17),
    )
    tanpa_monev = {r["ID"]: r for r in report.tanpa_monev.records()}
    assert tanpa_monev["KSD-6402-2019-003"]["Berlaku sampai"] == date(2027, 8, 17)
    # Alone, the letter is the cooperation's only document: its dates are shown (status
    # "Pernyataan kehendak"), but it binds no one, so no monev is missing.
    alone = daftar["KSD-6402-2019-004"]
    assert (alone["Berlaku mulai"], alone["Berlaku sampai"]) == (date(2019, 11, 26), None)
    assert alone["Status"] == "Pernyataan kehendak"
    assert "KSD-6402-2019-004" not in tanpa_monev
    # Before the MoU, the letter alone: nothing in force to evaluate in 2021.
    earlier = report_of(root, Period.year(2021), as_of=date(2021, 12, 31))
    assert earlier.tanpa_monev.rows == ()
    assert {r["ID"]: r["Berlaku mulai"] for r in earlier.daftar.records()} == {
        "KSD-6402-2019-003": date(2019, 11, 26),
        "KSD-6402-2019-004": date(2019, 11, 26),
    }


def test_the_sample_sister_city_is_valid_as_its_mou(sample_2024: Report) -> None:
    daftar = {r["ID"]: r for r in sample_2024.daftar.records()}
    row = daftar["KSD-6402-2019-003"]
    assert (row["Berlaku mulai"], row["Berlaku sampai"]) == (date(2022, 8, 18), date(2027, 8, 17))


def test_a_past_as_of_counts_the_potentials_mapping_counts(project_root: Path) -> None:
    from ksd_cli.mapping import build_mapping

    as_of = date(2021, 6, 30)
    report = report_of(project_root, Period.year(2021), as_of)
    sound, config = load(project_root, as_of)
    coverage = build_mapping(sound, config, load_reference(), as_of=as_of).coverage
    # Mapped in 2020 and 2021: three; those of 2022 to 2024 were not mapped yet.
    assert report.potentials == coverage.potensi == 3
    assert report.tindak_lanjut_potensi == Share(coverage.potensi_ditindaklanjuti, 3)
    assert "Dari 3 potensi yang dipetakan,\n3 telah ditindaklanjuti" in markdown(
        report, project_root
    )
    listed = [*report.potensi_per_urusan.column("Jumlah potensi")]
    assert sum(n for n in listed if isinstance(n, int)) == 3
    assert all(
        str(i).startswith(("POT-6402-2020-", "POT-6402-2021-"))
        for i in report.potensi_belum_ditindaklanjuti.column("ID")
    )
