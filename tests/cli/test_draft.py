"""``ksd draft``: files written or refused, missing data on stderr, exit codes, help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from draft.conftest import AS_OF, BANJIR, BURSA_KERJA, SINERGI, TPA, draft

from ksd_cli.cli import main
from ksd_cli.repository import open_repository


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["draft", *args, "--as-of", AS_OF])
    out, err = capsys.readouterr()
    return code, out, err


def _docx_from(path: Path):  # type: ignore[no-untyped-def]
    from docx import Document

    return Document(str(path))


def test_cli_writes_the_default_file_and_prints_its_path(
    sample_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = tmp_path / "kerja"
    work.mkdir()
    monkeypatch.chdir(work)
    code, out, err = run(capsys, TPA, "--naskah", "1", "--root", str(sample_repo))
    assert (code, out, err) == (0, f"{TPA}-kesepakatan_bersama.md\n", "")
    written = (work / f"{TPA}-kesepakatan_bersama.md").read_text("utf-8")
    assert written == draft(open_repository(sample_repo), TPA, 1).markdown


def test_cli_refuses_to_overwrite_without_force(
    sample_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pks.docx"
    target.write_bytes(b"versi lama")
    args = (
        TPA,
        "-n",
        "perjanjian_kerja_sama",
        "-f",
        "docx",
        "-o",
        str(target),
        "--root",
        str(sample_repo),
    )
    code, out, err = run(capsys, *args)
    assert (code, out) == (1, "")
    assert f"ksd: {target}: berkas sudah ada\n  petunjuk: tambahkan --force" in err
    assert target.read_bytes() == b"versi lama"
    code, out, err = run(capsys, *args, "--force")
    assert (code, out) == (0, f"{target}\n")
    assert _docx_from(target).paragraphs[0].text.startswith("PERJANJIAN KERJA SAMA\nANTARA")


def test_cli_lists_missing_data_on_stderr_and_writes_nothing(
    sample_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = tmp_path / "kerja"
    work.mkdir()
    monkeypatch.chdir(work)
    code, out, err = run(capsys, BANJIR, "--root", str(sample_repo))
    source = f"data/agreements/{BANJIR}.yaml"
    assert (code, out) == (1, "")
    assert err.splitlines()[:6] == [
        f"{source}: naskah[2].nomor.pihak_kesatu: nomor naskah PIHAK KESATU belum diisi",
        f"{source}: naskah[2].nomor.pihak_kedua: nomor naskah PIHAK KEDUA belum diisi",
        f"{source}: naskah[2].tanggal_ttd: tanggal penandatanganan belum diisi",
        f"{source}: naskah[2].tempat_ttd: tempat penandatanganan belum diisi",
        f"{source}: naskah[2].penandatangan: penandatangan PIHAK KESATU belum diisi "
        "(peran pihak_kesatu, nama, jabatan)",
        f"{source}: naskah[2].penandatangan: penandatangan PIHAK KEDUA belum diisi "
        "(peran pihak_kedua, nama, jabatan)",
    ]
    assert "--draft" in err
    assert list(work.iterdir()) == []


def test_cli_lists_missing_data_in_english_with_lang_en(
    sample_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, BANJIR, "--root", str(sample_repo), "--lang", "en")
    source = f"data/agreements/{BANJIR}.yaml"
    assert (code, out) == (1, "")
    assert err.splitlines()[:6] == [
        f"{source}: naskah[2].nomor.pihak_kesatu: the document number of PIHAK KESATU is missing",
        f"{source}: naskah[2].nomor.pihak_kedua: the document number of PIHAK KEDUA is missing",
        f"{source}: naskah[2].tanggal_ttd: the date of signing is missing",
        f"{source}: naskah[2].tempat_ttd: the place of signing is missing",
        f"{source}: naskah[2].penandatangan: the signatory of PIHAK KESATU is missing "
        "(peran pihak_kesatu, nama, jabatan)",
        f"{source}: naskah[2].penandatangan: the signatory of PIHAK KEDUA is missing "
        "(peran pihak_kedua, nama, jabatan)",
    ]
    assert "belum diisi" not in err


def test_cli_draft_writes_with_markers_and_exits_0(
    sample_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, BANJIR, "--draft", "--root", str(sample_repo))
    assert (code, out) == (0, f"{BANJIR}-perjanjian_kerja_sama.md\n")
    assert f"data/agreements/{BANJIR}.yaml: naskah[2].tempat_ttd: " in err
    text = (tmp_path / f"{BANJIR}-perjanjian_kerja_sama.md").read_text("utf-8")
    assert "\n### NOMOR: ........[^2]\n" in text and "\ndraft: true\n" in text
    assert "\n[^2]: nomor pihak_kedua belum diisi\n" in text
    assert "[[" not in text


def test_cli_new_kb_for_a_record_without_naskah(
    sample_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, BURSA_KERJA, "--root", str(sample_repo))
    assert (code, out) == (0, f"{BURSA_KERJA}-kesepakatan_bersama.md\n")
    assert "belum memiliki naskah kesepakatan_bersama" in err
    assert "PEMERINTAH KOTA BALIKPAPAN" in (tmp_path / out.strip()).read_text("utf-8")


def test_cli_markdown_to_stdout(sample_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, SINERGI, "-o", "-", "--root", str(sample_repo))
    assert code == 0
    assert out == draft(open_repository(sample_repo), SINERGI).markdown


def test_a_record_file_named_in_capitals_is_drafted(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Every other command reads "X.YAML" as a record; draft said it was not found and asked
    # "did you mean X?" of the very id it was given.
    expected = draft(open_repository(sample_repo), SINERGI).markdown
    agreements = sample_repo / "data" / "agreements"
    (agreements / f"{SINERGI}.yaml").rename(agreements / f"{SINERGI}.YAML")
    code, out, err = run(capsys, SINERGI, "-o", "-", "--root", str(sample_repo))
    assert (code, err) == (0, "")
    assert out == expected.replace(f"{SINERGI}.yaml", f"{SINERGI}.YAML")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--naskah", "memo"], "nilai tidak sah untuk --naskah: 'memo' bukan posisi"),
        (["--naskah", "0"], "nilai tidak sah untuk --naskah: posisi dihitung mulai 1"),
        (["-f", "docx", "-o", "-"], "dokumen Word tidak dapat ditulis ke stdout"),
        (["-f", "pdf", "-o", "-"], "PDF tidak dapat ditulis ke stdout"),
        (["--format", "odt"], "nilai tidak sah untuk --format: 'odt' bukan salah satu"),
        (["--as-of", "2025-02-30"], "nilai tidak sah untuk --as-of"),
    ],
)
def test_cli_usage_problems_exit_2(
    sample_repo: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code = main(["draft", TPA, "--root", str(sample_repo), *args])
    assert code == 2
    assert message in capsys.readouterr().err


def test_cli_user_errors_exit_1(sample_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, TPA, "--naskah", "9", "--root", str(sample_repo))
    assert (code, out) == (1, "")
    assert err.startswith(f"ksd: {TPA}: naskah ke-9 tidak ada; catatan ini mempunyai 4\n")
    code, out, err = run(capsys, TPA, "--naskah", "9", "--root", str(sample_repo), "--lang", "en")
    assert (code, out) == (1, "")
    assert err.startswith(f"ksd: {TPA}: there is no naskah 9; the record has 4\n")
    assert "  hint: --naskah takes a position from 1" in err


def test_cli_help_describes_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--naskah", "--format", "--output", "--force", "--draft", "--root", "--as-of"):
        assert option in out


def test_an_id_that_is_a_path_is_refused_before_anything_is_read(
    sample_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "evil.yaml").write_text("id: KSD-6402-2020-001\n", encoding="utf-8")
    code, out, err = run(
        capsys, "../../../outside/evil", "--root", str(sample_repo), "--format", "md"
    )
    assert (code, out) == (1, "")
    assert "bukan id rekaman" in err
    assert sorted(p.name for p in outside.iterdir()) == ["evil.yaml"]


def test_a_record_with_rule_errors_is_refused_listing_every_error_unless_draft(
    sample_repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sample_repo / "data" / "agreements" / f"{TPA}.yaml"
    text = path.read_text("utf-8")
    # A signing date in the future (C007, which also puts the PKS before it: C006 twice) and
    # an unknown potential (R004).
    broken = re.sub(r"tanggal_ttd: \d{4}", "tanggal_ttd: 2099", text, count=1)
    broken = broken.replace("- POT-6402-2020-001", "- POT-6402-2020-999", 1)
    assert broken.count("2099") == 1 and "POT-6402-2020-999" in broken
    path.write_text(broken, "utf-8")
    target = tmp_path / "naskah.md"
    code, out, err = run(capsys, TPA, "-n", "1", "-o", str(target), "--root", str(sample_repo))
    assert code == 1 and out == "" and not target.exists()
    lines = err.splitlines()
    assert lines[0] == (
        f"ksd: data/agreements/{TPA}.yaml: rekaman memiliki 4 galat; naskah tidak ditulis "
        "dari rekaman yang tidak valid:"
    )
    assert [line.split(": ")[1].split()[0] for line in lines[1:5]] == [
        "R004",
        "C007",
        "C006",
        "C006",
    ]
    assert lines[1].startswith(f"data/agreements/{TPA}.yaml:35:5: ")
    assert "--draft" in lines[-1]
    code, out, err = run(
        capsys, TPA, "-n", "1", "-o", str(target), "--draft", "--root", str(sample_repo)
    )
    assert code == 0 and target.exists()


# Missing data -----------------------------------------------------------------------------------
