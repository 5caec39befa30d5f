"""An exported register edited by hand and imported again: copies, and what export leaves out."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from helpers import agreement_records, worksheet
from openpyxl import load_workbook

from ksd_cli.cli import main

REGISTERS = Path(__file__).parent.parent / "fixtures" / "registers"
AS_OF = "2025-06-30"


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reimport") / "kerja-sama"
    assert main(["init", str(root), "--daerah", "64.02"]) == 0
    register = REGISTERS / "per_naskah.xlsx"
    assert main(["import", str(register), "--root", str(root), "--as-of", AS_OF]) == 0
    return root


@pytest.fixture
def repo(source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(source, root)
    capsys.readouterr()
    return root


def run(*args: str) -> int:
    return main([*args, "--as-of", AS_OF])


def exported(repo: Path, tmp_path: Path) -> Path:
    output = tmp_path / "register.xlsx"
    assert run("export", "--root", str(repo), "-o", str(output)) == 0
    return output


def test_a_copied_row_with_its_key_is_an_error_and_writes_nothing(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = exported(repo, tmp_path)
    wb = load_workbook(output)
    ws = worksheet(wb)
    heading = {c.value: int(c.column or 0) for c in ws[1]}
    adendum = next(r for r in range(2, ws.max_row + 1)
                   if ws.cell(r, heading["Jenis Naskah"]).value == "adendum")  # fmt: skip
    kunci = str(ws.cell(adendum, 1).value)
    values = [c.value for c in ws[adendum]]
    ws.insert_rows(adendum + 1)
    for column, value in enumerate(values, start=1):
        ws.cell(adendum + 1, column).value = value
    ws.cell(adendum + 1, heading["Nomor Pihak Kesatu"]).value = "180/099/HK/VI/2024"
    ws.cell(adendum + 1, heading["Nomor Pihak Kedua"]).value = "690/099/PDAM-TK/VI/2024"
    ws.cell(adendum + 1, heading["Tanggal Penandatanganan"]).value = datetime(2024, 6, 3)
    wb.save(output)
    before = agreement_records(repo)
    capsys.readouterr()
    assert run("import", str(output), "--root", str(repo)) == 1
    err = capsys.readouterr().err
    ident = kunci.partition("#")[0]
    assert (
        f"galat: kunci {kunci} dipakai di baris {adendum} dan {adendum + 1}: keduanya akan "
        f"menimpa naskah yang sama; untuk naskah baru tulis kunci rekamannya saja, {ident}"
    ) in err
    assert agreement_records(repo) == before
    # the record's key alone: the row is a new document of that record
    ws.cell(adendum + 1, 1).value = ident
    wb.save(output)
    assert run("import", str(output), "--root", str(repo)) == 0
    naskah = agreement_records(repo)[ident]["naskah"]
    assert naskah[:-1] == before[ident]["naskah"]
    assert naskah[-1]["nomor"]["pihak_kesatu"] == "180/099/HK/VI/2024"


def test_a_row_repeated_cell_for_cell_is_an_error(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "r.csv"
    register.write_text(
        "Judul,Mitra,Urusan\nLatihan Bersama,Pemkot Bontang,kepemudaan dan olahraga\n"
        "Latihan Bersama,Pemkot Bontang,kepemudaan dan olahraga\n",
        encoding="utf-8",
    )
    before = agreement_records(repo)
    assert run("import", str(register), "--root", str(repo)) == 1
    err = capsys.readouterr().err
    assert "r.csv:3: galat: baris 3 sama persis dengan baris 2; hapus salah satunya" in err
    assert agreement_records(repo) == before


def test_export_names_every_record_it_leaves_out(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = repo / "data" / "agreements" / "KSD-6402-2099-001.yaml"
    broken.write_text("id: KSD-6402-2099-001\njudul: [tidak ditutup\n", encoding="utf-8")
    invalid = repo / "data" / "agreements" / "KSD-6402-2099-002.yaml"
    invalid.write_text("id: KSD-6402-2099-002\njudul: Tanpa apa-apa\n", encoding="utf-8")
    output = tmp_path / "register.csv"
    assert run("export", "--root", str(repo), "-o", str(output)) == 0
    err = capsys.readouterr().err
    (line,) = [x for x in err.splitlines() if "tidak diekspor" in x]
    assert line.startswith(
        "ksd: 2 rekaman tidak dapat dibaca dan tidak diekspor (jalankan `ksd validate`): "
        "data/agreements/KSD-6402-2099-001.yaml ("
    )
    assert "; data/agreements/KSD-6402-2099-002.yaml (" in line
    assert "KSD-6402-2099" not in output.read_text(encoding="utf-8-sig")
    assert run("export", "--root", str(repo), "-o", str(output), "--force", "--lang", "en") == 0
    assert "ksd: 2 records do not load and are not exported" in capsys.readouterr().err


def test_a_text_excel_cuts_is_named_at_export_and_not_written_back(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident = next(iter(agreement_records(repo)))
    path = repo / "data" / "agreements" / f"{ident}.yaml"
    long = " ".join(f"kalimat {i} catatan panjang." for i in range(2000))  # ~55,000
    assert len(long) > 40_000
    path.write_text(path.read_text(encoding="utf-8") + f"catatan: {long}\n", encoding="utf-8")
    output = exported(repo, tmp_path)
    err = capsys.readouterr().err
    assert "ksd: 1 sel lebih panjang dari 32.767 karakter, batas Excel, dipotong: " in err
    assert f": {ident} Keterangan; ksd import tidak menimpa" in err
    before = path.read_text(encoding="utf-8")
    assert run("import", str(output), "--root", str(repo)) == 0
    err = capsys.readouterr().err
    assert (
        "peringatan: catatan: sel ini berisi 32.767 karakter pertama teks rekaman (dipotong "
        "oleh Excel); teks utuh rekaman dipertahankan"
    ) in err
    assert path.read_text(encoding="utf-8") == before
    assert agreement_records(repo)[ident]["catatan"] == long
    # a real edit of the cell is still an edit
    wb = load_workbook(output)
    ws = worksheet(wb)
    column = next(c.column for c in ws[1] if c.value == "Keterangan")
    row = next(r for r in range(2, ws.max_row + 1) if str(ws.cell(r, 1).value).startswith(ident))
    ws.cell(row, int(column or 0)).value = "diringkas"
    wb.save(output)
    assert run("import", str(output), "--root", str(repo)) == 0
    assert agreement_records(repo)[ident]["catatan"] == "diringkas"


def test_csv_export_cuts_nothing(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident = next(iter(agreement_records(repo)))
    path = repo / "data" / "agreements" / f"{ident}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"catatan: {'a' * 40_000}\n")
    output = tmp_path / "register.csv"
    assert run("export", "--root", str(repo), "-o", str(output)) == 0
    assert "dipotong" not in capsys.readouterr().err
    assert "a" * 40_000 in output.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("-o", "register.ods"), "ksd export tidak dapat menulis berkas .ods"),
        (("-o", "-"), "xlsx tidak dapat ditulis ke stdout; sebutkan berkasnya, atau --format csv"),
        (("--format", "csv", "-o", "register.xlsx"), "csv tidak sesuai dengan nama berkas"),
    ],
)
def test_export_never_writes_a_file_its_name_contradicts(
    repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    said: str,
) -> None:
    # An ".ods" holding xlsx bytes, a file named "-": neither opens as what its name says.
    monkeypatch.chdir(tmp_path)
    assert run("export", "--root", str(repo), *args) == 2
    assert said in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo"]


def test_a_csv_register_goes_to_standard_output_without_the_files_bom(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # CSV is text: `ksd export --format csv -o - | ...` feeds a pipe. The file keeps its BOM
    # for Excel; the rows are the same.
    output = tmp_path / "register.csv"
    assert run("export", "--root", str(repo), "-o", str(output)) == 0
    capsys.readouterr()
    assert run("export", "--root", str(repo), "-f", "csv", "-o", "-") == 0
    out, err = capsys.readouterr()
    assert out == output.read_bytes().decode("utf-8").removeprefix("\ufeff")
    assert out.startswith("Kunci ksd,")
    rows = len(out.splitlines()) - 1
    assert err == f"{rows} baris ditulis ke stdout\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register.csv", "repo"]


def test_export_takes_its_format_from_the_file_name(repo: Path, tmp_path: Path) -> None:
    output = tmp_path / "register.CSV"
    assert run("export", "--root", str(repo), "-o", str(output)) == 0
    assert output.read_text(encoding="utf-8-sig").startswith("Kunci ksd")
