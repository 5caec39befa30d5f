"""ksd import's command line: the records' paths as shown, each folder worked out once."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksd_cli.cli.import_ import _Shown, _shown


@pytest.mark.parametrize(
    "path",
    ["/kerja/data/agreements/KSD-1.yaml", "/kerja/KSD-1.yaml", "/lain/data/KSD-1.yaml",
     "/KSD-1.yaml", "data/agreements/KSD-1.yaml", "KSD-1.yaml", "../lain/KSD-1.yaml",
     "/kerja/../lain/KSD-1.yaml"],
)  # fmt: skip
def test_a_path_is_shown_as_it_is_shown_alone(path: str) -> None:
    cwd = Path("/kerja")
    shown = _Shown(cwd)
    assert shown(Path(path)) == _shown(Path(path), cwd)
    sibling = Path(path).with_name("KSD-2.yaml")  # from the folder remembered
    assert shown(sibling) == _shown(sibling, cwd)


def test_the_cycle_collector_rests_until_the_records_are_listed_and_is_back_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import gc

    from ksd_cli.cli import main
    from ksd_cli.register import importer

    registers = Path(__file__).parent.parent / "fixtures" / "registers"
    root = tmp_path / "kerja-sama"
    assert main(["init", str(root), "--daerah", "64.02"]) == 0
    seen: list[bool] = []
    real_write_plan = importer.write_plan

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real_write_plan(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "write_plan", watched)
    assert gc.isenabled()
    arguments = ["import", str(registers / "per_kerja_sama.xlsx"), "--root", str(root)]
    assert main([*arguments, "--as-of", "2025-06-30"]) == 0
    assert seen == [False]  # paused while writing, after planning
    assert gc.isenabled()  # and back when the command is done
    assert capsys.readouterr().out.count("created\t") == 3
    bad = tmp_path / "buruk.csv"
    bad.write_text("Judul,Mitra,Tanggal Penandatanganan\nX,Pemkot Samarinda,31 Juni 2021\n")
    assert main(["import", str(bad), "--root", str(root), "--as-of", "2025-06-30"]) == 1
    assert gc.isenabled()  # back after an error too


def test_write_mapping_never_replaces_a_file_unasked_nor_the_register(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ksd_cli.cli import main

    root = tmp_path / "kerja-sama"
    assert main(["init", str(root), "--daerah", "64.02"]) == 0
    register = tmp_path / "r.csv"
    register.write_text(
        "Judul,Mitra,Urusan\nLatihan Bersama,Pemkot Bontang,kepemudaan dan olahraga\n",
        encoding="utf-8",
    )
    kept = register.read_bytes()
    mapping = tmp_path / "pemetaan.toml"
    mapping.write_text("# disunting tangan\n", encoding="utf-8")
    base = ["import", str(register), "--root", str(root), "--dry-run"]
    capsys.readouterr()
    assert main([*base, "--write-mapping", str(mapping)]) == 1
    err = capsys.readouterr().err
    assert "pemetaan.toml: berkas sudah ada" in err
    assert "pilih nama lain dengan --write-mapping" in err
    assert mapping.read_text(encoding="utf-8") == "# disunting tangan\n"
    assert main([*base, "--write-mapping", str(mapping), "--force"]) == 0
    assert '"Judul" = "judul"' in mapping.read_text(encoding="utf-8")
    for force in ([], ["--force"]):
        assert main([*base, "--write-mapping", str(register), *force]) == 2
        assert "r.csv adalah register yang diimpor" in capsys.readouterr().err
        assert register.read_bytes() == kept
