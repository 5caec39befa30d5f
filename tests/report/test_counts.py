"""The report's counts in plain Python equal the pandas group-bys they replaced (issue 14).

Until round 6 of issue 14 the report imported pandas and built data frames for its counts
(0.3-0.5 s of start-up, and frames of every agreement); they are now plain sums over the
records' parts. Here the old frames are the oracle: the same group-bys, merges, crosstabs
and sorts, over the same parts, must give every counted table and figure cell for cell.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, get_args

import pandas as pd  # type: ignore[import-untyped,unused-ignore]
import pytest
from helpers import generator

from ksd_cli.lifecycle import STATUSES, followers_by_potential
from ksd_cli.models import JenisKerjaSama, KategoriPihak, Prioritas, Rekomendasi, TipePihak
from ksd_cli.naming import URUTAN_TAHAP, record_region, repository_region, without_owner
from ksd_cli.reference import load_reference
from ksd_cli.report import Period, Report, build_report
from ksd_cli.report.parts import (
    DAFTAR_MITRA,
    AgreementPart,
    PotentialPart,
    ReportPart,
    parts_of,
)
from ksd_cli.repository import open_repository
from ksd_cli.validate import load_sound_records

AS_OF = date(2025, 6, 30)


def _frame(dtypes: dict[str, str], rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(dtypes)).astype(dtypes)


def _rows(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in frame.itertuples(index=False)]


def _parts(root: Path, period: Period) -> tuple[list[ReportPart], str | None]:
    """Every sound record's part in ``root`` and the repository's owning region."""
    repo = open_repository(root)
    sound = load_sound_records(repo, as_of=AS_OF, lang="id", today=date.today())
    parts = parts_of(
        sound.loaded.records,
        config=repo.config,
        as_of=AS_OF,
        period=period,
        lang="id",
        reference=load_reference(),
    )
    return parts, repository_region(repo.config, sound.ids)


def pandas_counts(root: Path, period: Period, lang: str = "id") -> dict[str, Any]:
    """The counted cells as the frames of round 5 made them (``report/build.py`` then)."""
    parts, owner = _parts(root, period)
    agreements = [p for p in parts if isinstance(p, AgreementPart)]
    potentials = [p for p in parts if isinstance(p, PotentialPart)]
    mitra = [without_owner(a.stalled.partners, owner or record_region(a.id)) for a in agreements]
    table = _frame(
        {"id": "object", "jenis": "object", "status": "object", "tahap": "object"}
        | {"aktif": "bool", "nilai": "int64", "nilai_aktif": "int64"}
        | {"naskah_periode": "int64", "monev_periode": "int64"},
        [
            (a.id, a.jenis, a.status, a.tahap or "", a.status == "aktif", a.nilai or 0)
            + (a.nilai_aktif, len(a.naskah_periode), len(a.monev_periode))
            for a in agreements
        ],
    )
    kb = _frame(
        {"id": "object", "tahun": "int64", "diikuti": "bool", "muda": "bool"},
        [(a.id, *row) for a in agreements for row in a.kb],
    )
    monev = _frame(
        {"id": "object", "rekomendasi": "object"},
        [(a.id, r) for a in agreements for r in a.monev_periode],
    )
    links = {"id": "object", "kode": "object", "nama": "object"}
    dimensions = {
        "urusan": _frame(links, [(a.id, c, n) for a in agreements for c, n in a.urusan]),
        "mitra": _frame(
            links,
            [
                (a.id, c, n)
                for a, named in zip(agreements, mitra, strict=True)
                for c, n in dict.fromkeys(named)
            ],
        ),
        "perangkat_daerah": _frame(
            links, [(a.id, "", n) for a in agreements for n in a.perangkat_daerah]
        ),
    }

    def count_by(key: str, order: tuple[str, ...]) -> list[tuple[Any, ...]]:
        grouped = table.groupby(key).agg(
            jumlah=("id", "size"), aktif=("aktif", "sum"), nilai=("nilai", "sum")
        )
        return _rows(grouped.reindex(list(order), fill_value=0).astype("int64"))

    order: list[str] = list(URUTAN_TAHAP)
    if (table["tahap"] == "").any():
        order.insert(0, "")
    tahap = table.groupby("tahap").size().reindex(order, fill_value=0).astype("int64").tolist()
    grouped = kb.groupby("tahun").agg(
        kb=("id", "size"), diikuti=("diikuti", "sum"), muda=("muda", "sum")
    )
    grouped = grouped.astype("int64").sort_index()
    grouped["belum"] = grouped["kb"] - grouped["diikuti"] - grouped["muda"]
    konversi = [
        (str(y), n, f, b, m, f / (n - m) if n > m else None)
        for y, n, f, m, b in zip(
            grouped.index.tolist(),
            grouped["kb"].tolist(),
            grouped["diikuti"].tolist(),
            grouped["muda"].tolist(),
            grouped["belum"].tolist(),
            strict=True,
        )
    ]
    rincian = {}
    metrics = table[["id", "aktif", "nilai", "naskah_periode", "monev_periode"]]
    for name, frame in dimensions.items():
        joined = frame.merge(metrics, on="id", how="left")
        sums = ["jumlah", "aktif", "naskah", "monev", "nilai"]
        by = (
            joined.groupby(["kode", "nama"], sort=False)
            .agg(
                jumlah=("id", "size"),
                aktif=("aktif", "sum"),
                naskah=("naskah_periode", "sum"),
                monev=("monev_periode", "sum"),
                nilai=("nilai", "sum"),
            )
            .reset_index()
        )
        by[sums] = by[sums].astype("int64")
        by = by.sort_values(["jumlah", "nama", "kode"], ascending=[False, True, True])
        rincian[name] = _rows(by[["kode", "nama", *sums]])
    followed = followers_by_potential((a.id, a.stalled.potensi) for a in agreements).keys()
    until = min(period.end, AS_OF)
    mapped = {p.id for p in potentials if period.start.year <= p.tahun <= until.year}
    frame = pd.DataFrame(
        [(p.urusan, p.prioritas, p.id in followed, p.id in mapped) for p in potentials],
        columns=["urusan", "prioritas", "diikuti", "periode"],
    )
    by_priority = (
        pd.crosstab(frame["urusan"], frame["prioritas"])
        .reindex(columns=list(get_args(Prioritas)), fill_value=0)
        .astype("int64")
    )
    totals = frame.groupby("urusan").agg(
        jumlah=("prioritas", "size"), diikuti=("diikuti", "sum"), periode=("periode", "sum")
    )
    potensi = [
        (str(code), *[int(n[p]) for p in get_args(Prioritas)], int(n["jumlah"]))
        + (int(n["diikuti"]), int(n["periode"]))
        for code, n in by_priority.join(totals.astype("int64")).sort_index().iterrows()
    ]
    keys = [*get_args(Rekomendasi), ""]
    rekomendasi = monev.groupby("rekomendasi").size().reindex(keys, fill_value=0).tolist()
    return {
        "jenis": count_by("jenis", get_args(JenisKerjaSama)),
        "status": [(n, v) for n, _, v in count_by("status", STATUSES)],
        "tahap": tahap,
        "konversi": konversi,
        "rincian": rincian,
        "potensi": potensi,
        "rekomendasi": rekomendasi,
        "ikhtisar": [
            int(table["aktif"].sum()),
            int(monev.shape[0]),
            int(table["nilai"].sum()),
            int(table["nilai_aktif"].sum()),
        ],
        # Young KBs (not yet due) are outside the rate, in the headline as in the table.
        "kb": (int(kb["diikuti"].sum()), len(kb) - int(kb["muda"].sum())),
    }


def plain_counts(report: Report) -> dict[str, Any]:
    """The same cells of the report as ``build_report`` makes it now."""
    figures = [f.value for f in report.ikhtisar]
    return {
        "jenis": [row[1:] for row in report.menurut_jenis.rows],
        "status": [row[1:] for row in report.menurut_status.rows],
        "tahap": [row[1] for row in report.menurut_tahap.rows],
        "konversi": list(report.konversi_per_tahun.rows),
        "rincian": {
            "urusan": list(report.menurut_urusan.rows),
            "mitra": list(report.menurut_mitra.rows),
            "perangkat_daerah": list(report.menurut_perangkat_daerah.rows),
        },
        "potensi": [(row[0], *row[2:-2], row[-1]) for row in report.potensi_per_urusan.rows],
        "rekomendasi": [row[1] for row in report.rekomendasi.rows],
        "ikhtisar": [figures[1], figures[3], figures[5], figures[6]],
        "kb": (report.konversi.part, report.konversi.whole),
    }


def _report(root: Path, period: Period) -> Report:
    repo = open_repository(root)
    sound = load_sound_records(repo, as_of=AS_OF, lang="id", today=date.today())
    return build_report(sound, repo.config, load_reference(), as_of=AS_OF, period=period)


@pytest.mark.parametrize("period", [Period.year(2024), Period.year(2025)])
def test_sample_counts_equal_the_frames(sample_repo: Path, period: Period) -> None:
    report = _report(sample_repo, period)
    expected = pandas_counts(sample_repo, period)
    assert plain_counts(report) == expected
    assert all(expected["rincian"].values()) and expected["konversi"] and expected["potensi"]


def test_generated_counts_equal_the_frames(tmp_path: Path) -> None:
    root = tmp_path / "gen"
    generator().generate(root, 400, seed=11, invalid_every=9)
    period = Period.year(2024)
    report = _report(root, period)
    expected = pandas_counts(root, period)
    assert plain_counts(report) == expected
    # Ties in count are ordered by name: a test that compares something.
    counts = [row[2] for row in report.menurut_mitra.rows]
    assert len(counts) != len(set(counts))


def test_the_report_is_made_and_written_without_pandas(sample_repo: Path) -> None:
    """Importing pandas took 0.3-0.5 s of every ``ksd report``: no table needs it now."""
    import subprocess
    import sys

    script = f"""
import io, sys
from datetime import date
from pathlib import Path
from ksd_cli.jinja import make_environment
from ksd_cli.reference import load_reference
from ksd_cli.report import Period, build_report_in
from ksd_cli.report.excel import xlsx_bytes
from ksd_cli.report.markdown import write_markdown
from ksd_cli.repository import open_repository
repo = open_repository(Path({str(sample_repo)!r}))
report = build_report_in(
    repo, load_reference(), as_of=date(2025, 6, 30), period=Period.year(2024), use_cache=False
)
assert report.menurut_mitra.rows and report.potensi_per_urusan.rows
assert xlsx_bytes(report)
write_markdown(report, io.StringIO(), env=make_environment(repo))
print(sorted(m for m in sys.modules if m.split(".")[0] == "pandas"))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_partners_and_their_categories_are_those_found_agreement_by_agreement(
    tmp_path: Path,
) -> None:
    """Named once per set of parties (round 12), as each agreement alone names them."""
    root = tmp_path / "gen"
    generator().generate(root, 400, seed=5, invalid_every=9)
    period = Period.year(2024)
    parts, owner = _parts(root, period)
    agreements = [p for p in parts if isinstance(p, AgreementPart)]
    report = _report(root, period)
    cells = [row[DAFTAR_MITRA] for row in report.daftar.rows]
    named = [
        "; ".join(n for _, n in without_owner(a.stalled.partners, owner or record_region(a.id)))
        for a in agreements
    ]
    assert cells == named and len(set(named)) > 10
    counts: dict[str, list[int]] = {}
    for a in agreements:
        keys: dict[str, None] = {}
        for tipe, kode_wilayah, kategori in a.pihak:
            if tipe != "pemda" or kode_wilayah != owner:
                keys[kategori or f"tipe.{tipe}"] = None
        for key in keys:
            found = counts.setdefault(key, [0, 0, 0])
            found[0] += 1
            found[1] += a.status == "aktif"
            found[2] += a.nilai or 0
    order = [*get_args(KategoriPihak), *(f"tipe.{t}" for t in get_args(TipePihak))]
    expected = [tuple(counts[key]) for key in order if key in counts]
    assert report.menurut_kategori_mitra is not None
    assert [row[1:] for row in report.menurut_kategori_mitra.rows] == expected
    assert len(expected) > 2
