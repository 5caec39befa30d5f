"""ksd show as text: nothing cut short, whatever the terminal's width."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ksd_cli.cli import main


@pytest.mark.parametrize("width", [80, 60])
def test_show_wraps_numbers_and_dates_instead_of_cutting_them(
    width: int,
    project_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    args = ["show", "KSD-6402-2020-001", "--root", str(project_root), "--as-of", "2025-06-30"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= width
    assert "…" not in out
    # Every document number is there in full once the folded cells are joined again.
    cells = "".join(part.strip() for line in out.splitlines() for part in line.split("│")[3:4])
    for number in ("180/015/HK/III/2021", "100.3.7/12/KS-Smd/2021", "180/042/HK/VIII/2021"):
        assert number in re.sub(r"Pihak Ke(satu|dua):", "", cells)


NUMBERS = (
    "180/015/HK/III/2021", "100.3.7/12/KS-Smd/2021", "180/042/HK/VIII/2021",
    "100.3.7/31/KS-Smd/2021", "660/118/DLH-KS/III/2022", "660.1/204/DLH/III/2022",
    "100.3.7/057/HK/VII/2024", "100.3.7/88/KS-Smd/2024",
)  # fmt: skip


def _number_cells(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    args = ["show", "KSD-6402-2020-001", "--root", str(root), "--as-of", "2025-06-30"]
    assert main(args) == 0
    out = capsys.readouterr().out.split("Naskah")[1]
    return [line.split("│")[3].strip() for line in out.splitlines() if line.startswith("│")]


def test_show_keeps_document_numbers_whole_at_80_columns(
    project_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    cells = _number_cells(project_root, capsys)
    assert set(NUMBERS) <= set(cells)  # each on a line of its own, whole
    assert "Pihak Kesatu:" in cells  # the role as the naskah names it


def test_show_breaks_a_number_only_after_a_separator_when_narrow(
    project_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    cells = [c for c in _number_cells(project_root, capsys) if c]
    assert not set(NUMBERS) & set(cells)  # too narrow to keep them whole
    for cell in cells:
        if cell.isalpha():
            continue  # "Pihak" of "Pihak Kesatu:", a role's words broken at their space
        # a line ends at a separator, or it is the last piece of a number
        assert cell[-1] in "/._-:" or any(n.endswith(cell) for n in NUMBERS), cell


V11_RECORDS = Path(__file__).parent / "fixtures" / "repos" / "v11-record-additions-good"


def test_show_says_an_end_is_unknown_and_a_document_is_not_archived(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("KSD_LANG", raising=False)
    args = ["show", "KSD-6402-2018-001", "--root", str(V11_RECORDS), "--as-of", "2030-01-01"]
    assert main(args) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("│ ")]
    kb = next(r for r in rows if "│ KB " in r)
    pks = next(r for r in rows if "│ PKS " in r)
    assert "ada, tidak diarsipkan" in kb and "draf" not in kb and "tanpa batas" not in kb
    # Twelve years on, an unknown end is neither "no end" nor "ended".
    assert "masa berlaku tidak diketahui" in pks and "tanpa batas" not in pks
    assert "berakhir" not in pks
    assert main([*args, "--format", "json"]) == 0
    assert '"berlaku_sampai": "tidak_diketahui"' in capsys.readouterr().out


def test_the_english_view_has_english_titles_months_and_states(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    root = Path(__file__).resolve().parent.parent
    args = ["show", "KSD-6402-2020-001", "--root", str(root), "--as-of", "2025-06-30"]
    assert main([*args, "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert "latest stage Monitoring and evaluation (as of" in english
    assert "Stages" in english and "Documents" in english and "15 March 2021" in english
    assert "in force" in english
    for indonesian in ("Tahapan", "Naskah", "Maret", "berlaku", "tahap terakhir", "Temuan"):
        assert indonesian not in english
    assert main(args) == 0
    indonesian_view = capsys.readouterr().out
    assert "tahap terakhir Monev" in indonesian_view and "15 Maret 2021" in indonesian_view


PROPOSALS = Path(__file__).parent / "fixtures" / "stalled" / "proposals"


def test_show_lists_the_events_before_signing_among_the_stages_in_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("KSD_LANG", raising=False)
    args = ["show", "KSD-6402-2024-006", "--root", str(PROPOSALS), "--as-of", "2024-05-01"]
    assert main(args) == 0
    out = capsys.readouterr().out
    titles = ["Penawaran", "Surat penawaran dikirim", "Pembahasan TKKSD"]
    rows = [line for line in out.splitlines() if any(f"│ {t} " in line for t in titles)]
    assert [next(t for t in titles if f"│ {t} " in r) for r in rows] == titles
    assert "1 Maret 2024" in rows[1] and "10 April 2024" in rows[2]
    assert main([*args, "--lang", "en"]) == 0
    assert "TKKSD discussion" in capsys.readouterr().out


def test_show_json_carries_the_events_and_leaves_out_those_after_the_as_of_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["show", "KSD-6402-2024-006", "--root", str(PROPOSALS), "--format", "json"]
    assert main([*args, "--as-of", "2024-04-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["peristiwa"] == [
        {"jenis": "penawaran_dikirim", "tanggal": "2024-03-01", "keterangan": None}
    ]
    assert main([*args, "--as-of", "2024-05-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["jenis"] for p in data["peristiwa"]] == ["penawaran_dikirim", "pembahasan_tkksd"]
    assert data["linimasa"] == [
        {"langkah": "tahap", "kode": "penawaran", "tanggal": "2024-03-01"},
        {"langkah": "peristiwa", "kode": "penawaran_dikirim", "tanggal": "2024-03-01"},
        {"langkah": "peristiwa", "kode": "pembahasan_tkksd", "tanggal": "2024-04-10"},
    ]


def test_a_month_only_date_is_shown_as_its_month(
    project_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("KSD_LANG", raising=False)
    args = ["show", "KSD-6402-2018-001", "--root", str(project_root), "--as-of", "2025-06-30"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "│ Identifikasi        │ Maret 2018 " in out
    assert "Oktober 2018" in out and "1 Oktober 2018" not in out
    assert main([*args, "--lang", "en"]) == 0
    assert "October 2018" in capsys.readouterr().out
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tahapan"][0] == {"tahap": "identifikasi", "tanggal": "2018-03"}
    assert data["naskah"][1]["tanggal_ttd"] == "2018-10"


def test_show_names_a_flag_by_its_title_and_wraps_it_under_itself(
    project_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("KSD_LANG", raising=False)
    args = ["show", "KSD-6402-2018-001", "--root", str(project_root), "--as-of", "2026-11-30"]
    assert main(args) == 0
    findings = capsys.readouterr().out.split("Temuan\n")[1].splitlines()
    assert findings[0].startswith("  Tanpa monev (tanpa_monev): Monev terakhir 20 Februari 2025")
    # The message is longer than a line: its second line keeps the indent.
    assert findings[1].startswith("  ") and findings[1].strip().endswith("(batas 365 hari)")


def test_show_names_every_party_by_role_name_and_kind(
    project_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A region is named from the code list, anyone else by its own nama; v1.1's kategori kept.
    root = ["--root", str(project_root), "--as-of", "2025-06-30"]
    assert main(["show", "KSD-6402-2018-001", *root, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["pihak"] == [
        {
            "peran": "pihak_kesatu",
            "tipe": "pemda",
            "kode_wilayah": "64.02",
            "nama": "Kabupaten Kutai Kartanegara",
            "kategori": None,
        },
        {
            "peran": "pihak_kedua",
            "tipe": "pihak_ketiga",
            "kode_wilayah": None,
            "nama": "Perumda Air Minum Tirta Kencana Kutai Kartanegara",
            "kategori": "bumd",
        },
    ]
    monkeypatch.setenv("COLUMNS", "80")
    kinds = {
        "id": ("Pihak", ["Pemerintah daerah", "Pihak ketiga · BUMD"]),
        "en": (
            "Parties",
            ["Regional government", "Third party · Regionally owned enterprise (BUMD)"],
        ),
    }
    for lang, (title, kind) in kinds.items():
        assert main(["show", "KSD-6402-2018-001", *root, "--lang", lang]) == 0
        lines = capsys.readouterr().out.splitlines()
        start = next(n for n, line in enumerate(lines) if line.startswith(title))
        rows: list[list[str]] = []
        for line in lines[
            start + 4 : lines.index(next(x for x in lines[start:] if x.startswith("└")))
        ]:
            cells = [cell.strip() for cell in line.split("│")[1:-1]]
            if cells[0]:
                rows.append(cells)
            else:  # a cell wrapped onto the next line, at a word
                rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
        assert rows == [
            ["Pihak Kesatu", "Kabupaten Kutai Kartanegara", kind[0]],
            ["Pihak Kedua", "Perumda Air Minum Tirta Kencana Kutai Kartanegara", kind[1]],
        ]


def _document_cells(out: str) -> list[list[str]]:
    """The naskah table's cells, row by row, each cell's lines joined by a space."""
    rows: list[list[list[str]]] = []
    for line in out.split("Naskah", 1)[1].splitlines():
        if not line.startswith("│"):
            continue
        parts = [p.strip() for p in line.split("│")[1:-1]]
        if parts[0]:
            rows.append([[] for _ in parts])
        for cell, part in zip(rows[-1], parts, strict=True):
            if part:
                cell.append(part)
    return [[" ".join(cell) for cell in row] for row in rows]


@pytest.mark.parametrize("width", [76, 80, 90, 100, 120])
def test_show_breaks_no_word_of_a_document_at_common_widths(
    width: int,
    project_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # rich shared a narrow width by the columns' widths and broke short ones inside a word
    # ("Kesepahama n", "Agus tus", "berl aku") at 80 columns; each column keeps its words.
    seen = 0
    for path in sorted((project_root / "data" / "agreements").glob("*.yaml")):
        args = ["show", path.stem, "--root", str(project_root), "--as-of", "2025-06-30"]
        monkeypatch.setenv("COLUMNS", "400")
        assert main(args) == 0
        wide = capsys.readouterr().out
        if "Naskah" not in wide or "│" not in wide.split("Naskah", 1)[1]:
            continue
        monkeypatch.setenv("COLUMNS", str(width))
        assert main(args) == 0
        out = capsys.readouterr().out
        assert max(len(line) for line in out.splitlines()) <= width
        expected = _document_cells(wide)
        for row, whole in zip(_document_cells(out), expected, strict=True):
            # Every column but the numbers' (broken after a separator, tested above).
            assert [row[i] for i in (0, 1, 3, 4, 5)] == [whole[i] for i in (0, 1, 3, 4, 5)]
        seen += 1
    assert seen >= 20
