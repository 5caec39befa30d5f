"""ksd import again: each row of an edited register finds its own record, or none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import agreement_records, import_register, worksheet
from openpyxl import Workbook

AGREEMENTS = ("data", "agreements")


def by_judul(repo: Path) -> dict[str, dict[str, Any]]:
    return {r["judul"]: r for r in agreement_records(repo).values()}


def register(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = worksheet(wb)
    ws.title = "Usulan"
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


USULAN = ["Judul", "Mitra", "Urusan", "Keterangan"]
BEASISWA = ["Usulan Beasiswa Kedokteran", "Universitas Mulawarman", "Pendidikan", "draf KB"]
GAS = ["Usulan Pasokan Gas Kota", "PT Pertagas Niaga", "Energi dan Sumber Daya Mineral", "rapat"]
VOKASI = ["Usulan Pelatihan Vokasi", "PT Pupuk Kaltim", "Tenaga Kerja", "baru masuk"]


def test_a_row_inserted_above_moves_no_data_onto_another_record(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "usulan.xlsx"
    assert import_register(repo, register(path, USULAN, [BEASISWA, GAS])) == 0
    gas = next(p for p in repo.joinpath(*AGREEMENTS).glob("*.yaml") if "Gas" in p.read_text())
    gas.write_text(gas.read_text() + "maksud_tujuan: ditulis tangan\n", encoding="utf-8")
    capsys.readouterr()
    assert import_register(repo, register(path, USULAN, [VOKASI, BEASISWA, GAS])) == 0
    err = capsys.readouterr().err
    found = by_judul(repo)
    assert sorted(found) == sorted([BEASISWA[0], GAS[0], VOKASI[0]])
    assert found[GAS[0]]["maksud_tujuan"] == "ditulis tangan"
    assert found[GAS[0]]["catatan"] == "rapat"
    assert "maksud_tujuan" not in found[VOKASI[0]]
    assert found[BEASISWA[0]]["catatan"] == "draf KB"
    assert "tidak dicocokkan" not in err  # every old record found its row
    # each note follows its row, so that the next import finds every record where it is
    assert gas.read_text().splitlines()[0].endswith("baris 4")
    capsys.readouterr()
    assert import_register(repo, path) == 0
    assert "0 dibuat, 0 diperbarui, 3 tidak berubah" in capsys.readouterr().err


def test_a_row_that_is_not_the_record_at_its_position_is_a_new_record_with_a_warning(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "usulan.xlsx"
    assert import_register(repo, register(path, USULAN, [BEASISWA, GAS])) == 0
    (old,) = [k for k, r in agreement_records(repo).items() if r["judul"] == GAS[0]]
    capsys.readouterr()
    assert import_register(repo, register(path, USULAN, [BEASISWA, VOKASI])) == 0
    err = capsys.readouterr().err
    assert (
        f"usulan.xlsx:Usulan!3: peringatan: baris 3 tidak dicocokkan dengan {old}, rekaman "
        "yang dulu diimpor dari baris ini"
    ) in err
    found = agreement_records(repo)
    assert found[old]["judul"] == GAS[0] and found[old]["catatan"] == "rapat"
    assert sorted(r["judul"] for r in found.values()) == sorted([BEASISWA[0], GAS[0], VOKASI[0]])


NASKAH = ["Judul", "Mitra", "Jenis Naskah", "Nomor", "Tanggal", "Urusan"]
A = ["Beasiswa A", "Universitas Mulawarman", "PKS", "420/777/KS/2022", "5 Januari 2022",
     "Pendidikan"]  # fmt: skip
B = ["Beasiswa B", "Institut Teknologi Kalimantan", "PKS", "420/777/KS/2022", "5 Februari 2022",
     "Pendidikan"]  # fmt: skip


def test_rows_sharing_a_number_keep_their_own_records_and_are_warned_about(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "register.xlsx"
    assert import_register(repo, register(path, NASKAH, [A, B])) == 0
    err = capsys.readouterr().err
    assert (
        "register.xlsx:Usulan!D3: peringatan: nomor 420/777/KS/2022 juga dipakai di baris 2 "
        "untuk kerja sama lain"
    ) in err
    before = {r["judul"]: k for k, r in agreement_records(repo).items()}
    assert import_register(repo, register(path, NASKAH, [B, A])) == 0
    after = agreement_records(repo)
    for judul, ident in before.items():
        assert after[ident]["judul"] == judul
    partner = {r["judul"]: r["pihak"][1]["nama"] for r in after.values()}
    assert partner == {"Beasiswa A": "Universitas Mulawarman",
                       "Beasiswa B": "Institut Teknologi Kalimantan"}  # fmt: skip
