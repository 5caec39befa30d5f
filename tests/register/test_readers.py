"""Register readers: .ods through odfpy, .xls through xlrd, and a clear message without them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from ksd_cli.errors import UserError
from ksd_cli.messages import render
from ksd_cli.register import readers
from ksd_cli.register.readers import read_sheet
from ksd_cli.register.values import parse_date

REGISTERS = Path(__file__).parent.parent / "fixtures" / "registers"


def test_ods_register_is_read_cell_by_cell(tmp_path: Path) -> None:
    path = tmp_path / "daftar.ods"
    frame = pd.DataFrame(
        [["Pengelolaan Sampah", "Pemkot Samarinda", datetime(2021, 3, 15)]],
        columns=["Judul", "Mitra Kerja Sama", "Tanggal Penandatanganan"],
    )
    with pd.ExcelWriter(path, engine="odf") as writer:
        frame.to_excel(writer, sheet_name="Daftar", index=False)
    sheet = read_sheet(path)
    assert sheet.name == "Daftar"
    assert sheet.rows[0] == ["Judul", "Mitra Kerja Sama", "Tanggal Penandatanganan"]
    assert sheet.rows[1][:2] == ["Pengelolaan Sampah", "Pemkot Samarinda"]
    assert parse_date(sheet.rows[1][2]) == date(2021, 3, 15)


def test_xls_register_made_by_libreoffice_is_read(tmp_path: Path) -> None:
    # per_kerja_sama.xls is per_kerja_sama.xlsx converted by soffice --convert-to xls.
    sheet = read_sheet(REGISTERS / "per_kerja_sama.xls")
    assert sheet.rows[0][:3] == ["No", "Judul/Tentang", "Mitra Kerja Sama"]
    assert sheet.rows[1][1] == "Pengelolaan Sampah Regional"
    assert parse_date(sheet.rows[1][5]) == date(2021, 3, 15)


def test_missing_sheet_of_an_xls_names_the_sheets_there() -> None:
    with pytest.raises(UserError) as raised:
        read_sheet(REGISTERS / "per_kerja_sama.xls", "Tidak Ada")
    assert 'no sheet "Tidak Ada"' in render(raised.value.words, "en")


def test_missing_reader_package_is_a_message_with_the_pip_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(readers.READER_PACKAGES, "odf", ("odfpy", "ksd_tidak_ada_modul_ini"))
    path = tmp_path / "daftar.ods"
    path.write_bytes(b"not read")
    with pytest.raises(UserError) as raised:
        read_sheet(path)
    assert "odfpy" in render(raised.value.words, "id")
    assert raised.value.hint_words is not None
    assert "pip install 'ksd-cli[register]'" in render(raised.value.hint_words, "en")


def test_merged_cells_read_in_streaming_mode_as_in_the_whole_workbook(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # judul_bertingkat.xlsx has a title merged across the sheet and a two-row merged header.
    streamed = read_sheet(REGISTERS / "judul_bertingkat.xlsx")
    monkeypatch.setattr(readers, "_merged_ranges", lambda path, part: None)
    whole = read_sheet(REGISTERS / "judul_bertingkat.xlsx")
    width = max(len(r) for r in whole.rows)
    assert [readers.padded(r, width) for r in streamed.rows] == [
        readers.padded(r, width) for r in whole.rows
    ]
    assert streamed.rows[4][3] == streamed.rows[4][4]  # "Nomor" over both number columns
