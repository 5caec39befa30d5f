"""What passes validate works everywhere (issue 16 §3): generated valid records through every command.

Records are built from strategies over the record format (kinds of party, numbers, dates over
the whole range 1945-2100, amounts up to the bound, text of any printable Unicode with Markdown,
HTML and formula look-alikes). Whatever ``ksd validate`` passes, stalled, show, report, draft
and diff must handle: exit 0 or 1, never the internal-error exit 3.
"""

from __future__ import annotations

import json
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ksd_cli.cli import main
from ksd_cli.models import RUPIAH_MAX, TANGGAL_MAX, TANGGAL_MIN

AS_OF = "2100-12-31"  # every date of the range is in the past: no finding for a future date
RECORD = "KSD-6402-2024-001"
ODD = [
    "<script>alert(1)</script>",
    "## Pasal palsu",
    "[x](javascript:alert(1))",
    "![i](http://x)",
    "@mention",
    "`kode`",
    "=HYPERLINK(1)",
    "+1",
    "-",
    "| a |",
    "*m*",
    "1.",
    "\\",
]
teks = st.one_of(
    st.sampled_from(ODD),
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
        min_size=1,
        max_size=40,
    ),
).filter(lambda s: s.strip() == s and s != "")
tanggal = st.dates(TANGGAL_MIN, TANGGAL_MAX)


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


@st.composite
def agreements(draw: st.DrawFn) -> str:
    mulai = draw(tanggal)
    sampai = min(mulai + timedelta(days=draw(st.integers(1, 60_000))), TANGGAL_MAX)
    kedua = draw(st.sampled_from(["pemda", "pihak_ketiga"]))
    jenis = "ksdd_sukarela" if kedua == "pemda" else "ksdpk"
    pihak_kedua = (
        '    kode_wilayah: "64.72"\n' if kedua == "pemda" else f"    nama: {_q(draw(teks))}\n"
    )
    return (
        f'id: {RECORD}\njudul: {_q(draw(teks))}\njenis: {jenis}\nurusan:\n  - "2.11"\n'
        f"objek: {_q(draw(teks))}\nruang_lingkup:\n  - {_q(draw(teks))}\n  - {_q(draw(teks))}\n"
        'pihak:\n  - peran: pihak_kesatu\n    tipe: pemda\n    kode_wilayah: "64.02"\n'
        f"  - peran: pihak_kedua\n    tipe: {kedua}\n{pihak_kedua}"
        "naskah:\n  - jenis: kesepakatan_bersama\n    nomor:\n"
        f"      pihak_kesatu: {_q(draw(teks))}\n      pihak_kedua: {_q(draw(teks))}\n"
        f"    tanggal_ttd: {mulai}\n    tempat_ttd: {_q(draw(teks))}\n"
        f"    berlaku_sampai: {sampai}\n    penandatangan:\n"
        f"      - peran: pihak_kesatu\n        nama: {_q(draw(teks))}\n"
        "        jabatan: Bupati Kutai Kartanegara\n"
        f"      - peran: pihak_kedua\n        nama: {_q(draw(teks))}\n"
        f"        jabatan: {_q(draw(teks))}\n"
        f"    hak_kewajiban:\n      pihak_kesatu:\n        - {_q(draw(teks))}\n"
        f"pembiayaan:\n  nilai: {draw(st.integers(0, RUPIAH_MAX))}\n"
        f"catatan: {_q(draw(teks))}\n"
    )


@st.composite
def potentials(draw: st.DrawFn) -> tuple[str, str]:
    tahun = draw(st.integers(TANGGAL_MIN.year, TANGGAL_MAX.year))
    record_id = f"POT-6402-{tahun}-001"
    text = (
        f'id: {record_id}\ndaerah: "64.02"\ntahun: {tahun}\n'
        f'perangkat_daerah: {_q(draw(teks))}\nurusan: "2.11"\nisu: {_q(draw(teks))}\n'
        f"potensi: {_q(draw(teks))}\nprioritas: {draw(st.sampled_from(['tinggi', 'sedang']))}\n"
    )
    return record_id, text


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> int:
    code = main(args)
    _, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, (args, err)
    assert code in (0, 1), (args, code, err)
    return code


@settings(
    deadline=None,
    max_examples=max(settings().max_examples // 4, 5),  # 2 s each: 10 here, 50 in CI
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(agreement=agreements(), potential=potentials())
def test_every_command_handles_every_valid_record(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    agreement: str,
    potential: tuple[str, str],
) -> None:
    root = tmp_path_factory.mktemp("repo")
    (root / "ksd.toml").write_text('[daerah]\nkode = "64.02"\n', encoding="utf-8")
    for folder, name, text in (
        ("agreements", RECORD, agreement),
        ("potentials", potential[0], potential[1]),
    ):
        (root / "data" / folder).mkdir(parents=True)
        (root / "data" / folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    where = ["--root", str(root), "--as-of", AS_OF]
    assume(main(["validate", *where]) == 0)
    capsys.readouterr()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "kosong"], cwd=root, check=True)
    out = root / "out"
    out.mkdir()
    for command in (
        ["stalled"],
        ["stalled", "-f", "json"],
        ["stalled", "-f", "csv"],
        ["stalled", "-f", "md"],
        ["stalled", "-f", "xlsx", "-o", str(out / "s.xlsx")],
        ["show", RECORD],
        ["show", potential[0]],
        ["report", "-f", "md", "-o", str(out / "r.md")],
        ["report", "-f", "xlsx", "-o", str(out / "r.xlsx")],
        ["draft", RECORD, "--draft", "-o", str(out / "d.md")],
        ["draft", RECORD, "--draft", "-o", str(out / "d.docx")],
        ["diff", "HEAD"],
    ):
        _run([*command, *where], capsys)
    assert (out / "d.docx").stat().st_size > 0 and (out / "r.xlsx").stat().st_size > 0


def test_the_record_strategy_makes_valid_records(tmp_path: Path) -> None:
    """A generated record passes validate: the property above is not vacuous."""
    from hypothesis import find

    text = find(agreements(), lambda t: "ksdpk" in t and "<script>" in t)
    (tmp_path / "ksd.toml").write_text('[daerah]\nkode = "64.02"\n', encoding="utf-8")
    (tmp_path / "data" / "agreements").mkdir(parents=True)
    (tmp_path / "data" / "agreements" / f"{RECORD}.yaml").write_text(text, encoding="utf-8")
    assert main(["validate", "--root", str(tmp_path), "--as-of", AS_OF]) == 0
