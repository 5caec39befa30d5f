"""The tables v1.1 and an evaluator's questions add to the report (issue 13)."""

from __future__ import annotations

from pathlib import Path

from ksd_cli.messages import message
from ksd_cli.report import Period
from report.conftest import KUKAR, SAMARINDA, kb, pks, report_of, write_repo

YEAR = Period.year(2024)
UNIVERSITY = {
    "peran": "pihak_kedua",
    "tipe": "pihak_ketiga",
    "nama": "Universitas Mulawarman",
    "kategori": "perguruan_tinggi",
}
COMPANY = {"peran": "pihak_ketiga", "tipe": "pihak_ketiga", "nama": "PT Mahakam"}


def _with_toml(root: Path, extra: str) -> Path:
    (root / "ksd.toml").write_text('[daerah]\nkode = "64.02"\n' + extra, encoding="utf-8")
    return root


def test_partners_counted_by_category_else_by_type(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path,
        {"id": "KSD-6402-2024-001", "naskah": [kb("2024-02-01")]},
        {
            "id": "KSD-6402-2024-002",
            "jenis": "ksdpk",
            "pihak": [KUKAR, UNIVERSITY, COMPANY],
            "naskah": [kb("2024-03-01")],
            "pembiayaan": {"nilai": 500_000_000},
        },
    )
    table = report_of(root, YEAR).menurut_kategori_mitra
    assert table is not None
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows == {
        "Perguruan tinggi": (1, 1, 500_000_000),
        "Pemerintah daerah": (1, 1, 0),
        "Pihak ketiga (tanpa kategori)": (1, 1, 500_000_000),
    }


def test_revenue_stands_beside_the_cost(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path,
        {
            "id": "KSD-6402-2024-001",
            "naskah": [kb("2024-02-01")],
            "pembiayaan": {
                "sumber": ["apbd_pihak_kesatu"],
                "nilai": 1_000_000,
                "pendapatan": [
                    {"jenis": "retribusi", "nilai": 250_000},
                    {"jenis": "sewa", "nilai": 50_000},
                    {"jenis": "retribusi"},
                ],
            },
        },
        {"id": "KSD-6402-2024-002", "naskah": [kb("2024-02-01")]},
    )
    table = report_of(root, YEAR).pembiayaan
    assert table is not None
    assert table.records() == [
        {
            "ID": "KSD-6402-2024-001",
            "Judul": "Kerja Sama Uji",
            "Status": "Aktif",
            "Sumber dana": "APBD Kabupaten Kutai Kartanegara",
            "Biaya": 1_000_000,
            "Pendapatan daerah": 300_000,
            "Jenis pendapatan": "Retribusi; Sewa",
        }
    ]


def test_monev_ratings_summarised_per_agreement_and_per_criterion(tmp_path: Path) -> None:
    rated = {
        "tanggal": "2024-11-01",
        "penilaian": {"kesesuaian_tujuan": 4, "ketepatan_waktu": 2, "koordinasi": 2},
        "penilai": ["opd", "tkksd"],
    }
    root = write_repo(
        tmp_path,
        {
            "id": "KSD-6402-2024-001",
            "naskah": [kb("2024-02-01")],
            "monev": [{"tanggal": "2024-06-01", "penilaian": {"dampak": 5}}, rated],
        },
        {
            "id": "KSD-6402-2024-002",
            "naskah": [kb("2024-02-01")],
            "monev": [{"tanggal": "2024-10-01", "penilaian": {"koordinasi": 5}}],
        },
    )
    report = report_of(root, YEAR)
    assert report.penilaian_monev is not None and report.penilaian_per_kriteria is not None
    first = report.penilaian_monev.records()[0]
    # The latest monev only: the earlier "dampak: 5" is not in the mean.
    assert (first["Kriteria dinilai"], first["Rata-rata"]) == (3, "2,67")
    assert first["Kriteria terendah"] == "Ketepatan waktu; Koordinasi"
    assert first["Penilai"] == "Perangkat daerah; TKKSD"
    per_criterion = {row[0]: row[1:] for row in report.penilaian_per_kriteria.rows}
    assert per_criterion["Koordinasi"] == (2, "3,50")
    assert "Dampak" not in per_criterion


def test_proposals_rejected_moving_and_stopped_part_the_whole(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path,
        {
            "id": "KSD-6402-2024-001",
            "peristiwa": [
                {"jenis": "permohonan", "tanggal": "2024-01-10"},
                {"jenis": "ditolak", "tanggal": "2024-03-01"},
            ],
        },
        {
            "id": "KSD-6402-2024-002",
            "peristiwa": [{"jenis": "permohonan", "tanggal": "2023-01-10"}],
        },
        {
            "id": "KSD-6402-2024-003",
            "peristiwa": [{"jenis": "permohonan", "tanggal": "2025-05-10"}],
        },
        {"id": "KSD-6402-2024-004", "naskah": [kb("2024-02-01")]},
    )
    table = report_of(root, YEAR).usulan
    assert table is not None
    counts = [int(str(row[1])) for row in table.rows]
    assert counts[:4] == [3, 1, 1, 1]  # all, rejected, moving, stopped
    assert counts[1] + counts[2] + counts[3] == counts[0]
    assert table.rows[1][2] == "KSD-6402-2024-001"
    assert table.rows[3][2] == "KSD-6402-2024-002"
    # Events of the period: the request of 2024-001 (2023's and 2025's are outside 2024).
    assert counts[5:] == [1, 1]
    assert table.rows[5][2] == table.rows[6][2] == "KSD-6402-2024-001"


def test_every_bordering_region_listed_with_its_ksdd(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path,
        {"id": "KSD-6402-2024-001", "jenis": "ksdd_wajib", "naskah": [kb("2024-02-01")]},
        {
            "id": "KSD-6402-2024-002",
            "pihak": [KUKAR, {**SAMARINDA, "kode_wilayah": "64.07"}],
            "naskah": [kb("2019-02-01", "2020-02-01")],
        },
    )
    _with_toml(root, 'berbatasan = ["64.72", "64.07", "64.08"]\n')
    table = report_of(root, YEAR).berbatasan
    assert table is not None
    assert [(row[1], row[2], row[3]) for row in table.rows] == [
        ("Kota Samarinda", "Ada, berlaku", "KSD-6402-2024-001"),
        ("Kabupaten Kutai Barat", "Ada, tidak berlaku", "KSD-6402-2024-002"),
        ("Kabupaten Kutai Timur", "Belum ada", ""),
    ]


def test_without_a_list_of_neighbours_the_table_says_so(tmp_path: Path) -> None:
    report = report_of(write_repo(tmp_path, {"id": "KSD-6402-2024-001"}), YEAR)
    assert report.berbatasan is not None
    assert report.berbatasan.rows == ()
    assert "belum diisi" in (report.berbatasan.note or "")


def test_tkksd_meetings_of_the_period_and_a_blank_for_a_missing_decree(tmp_path: Path) -> None:
    root = write_repo(tmp_path, {"id": "KSD-6402-2024-001"})
    _with_toml(
        root,
        "[kelembagaan]\n"
        "[[kelembagaan.rapat]]\ntanggal = 2023-12-01\n"
        '[[kelembagaan.rapat]]\ntanggal = 2024-03-14\nagenda = "Usulan baru"\n',
    )
    table = report_of(root, YEAR).kelembagaan
    assert table is not None
    values = [row[1] for row in table.rows]
    assert values[0] == values[1] == "...................."
    assert values[2] == 1
    assert values[3] == "14 Maret 2024: Usulan baru"


def test_an_unknown_end_is_said_so_never_open_never_expired(tmp_path: Path) -> None:
    root = write_repo(
        tmp_path,
        {
            "id": "KSD-6402-2019-001",
            "naskah": [{**kb("2019-02-01"), "berlaku_sampai": "tidak_diketahui"}],
        },
    )
    report = report_of(root, YEAR)
    row = report.daftar.records()[0]
    assert row["Status"] == "Aktif"
    assert row["Berlaku sampai"] == "masa berlaku tidak diketahui"


def test_a_letter_of_intent_is_no_active_value(tmp_path: Path) -> None:
    loi = {**kb("2024-02-01"), "jenis": "surat_pernyataan_kehendak"}
    root = write_repo(
        tmp_path,
        {"id": "KSD-6402-2024-001", "naskah": [loi], "pembiayaan": {"nilai": 7_000_000}},
        {"id": "KSD-6402-2024-002", "naskah": [pks("2024-02-01")]},
    )
    report = report_of(root, YEAR)
    figures = {f.label: f.value for f in report.ikhtisar}
    assert figures[message("laporan.fig.nilai", "id")] == 7_000_000
    assert figures[message("laporan.fig.nilai-aktif", "id")] == 0
    status = {r["Status"]: r["Jumlah kerja sama"] for r in report.menurut_status.records()}
    assert status["Pernyataan kehendak"] == 1
    assert report.daftar.records()[0]["Berlaku sampai"] is None
