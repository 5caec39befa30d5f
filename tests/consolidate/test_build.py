"""The consolidated result of the fixture: figures per region, pairs, one-sided, missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import generator

from ksd_cli.consolidate import Consolidation, Options, Source, consolidate, expected_regions
from ksd_cli.consolidate.render import as_dict
from ksd_cli.mapping.model import Coverage
from ksd_cli.reference import load_reference

from .fixture import AS_OF, FIXTURE, run


def test_one_row_per_source_in_list_order(result: Consolidation) -> None:
    assert [(r.label, r.kode, r.nama) for r in result.regions] == [
        ("kaltim", "64", "Provinsi Kalimantan Timur"),
        ("kukar", "64.02", "Kabupaten Kutai Kartanegara"),
        ("balikpapan", "64.71", "Kota Balikpapan"),
        ("samarinda", "64.72", "Kota Samarinda"),
    ]
    assert all(r.problem is None for r in result.regions)
    # Fixture folders are not git checkouts of their own.
    assert all(r.commit_date is None for r in result.regions)


def test_figures_per_region(result: Consolidation) -> None:
    by_code = {r.kode: r.figures for r in result.regions}
    kukar, balikpapan, samarinda = by_code["64.02"], by_code["64.71"], by_code["64.72"]
    assert kukar is not None and balikpapan is not None and samarinda is not None
    assert (kukar.perjanjian, kukar.potensi) == (1, 2)
    assert kukar.menurut_jenis["ksdd_wajib"] == 1
    assert sum(kukar.menurut_jenis.values()) == 1
    assert kukar.menurut_status["aktif"] == 1 == kukar.aktif
    assert kukar.menurut_tahap["penandatanganan_kb"] == 1
    # One KB signed 2024-08-20, no PKS: 314 days, within kb_tanpa_pks, so not yet due and
    # outside the rate (as in the report): no rate yet.
    assert (kukar.kb_ditandatangani, kukar.kb_diikuti_pks, kukar.kb_muda) == (1, 0, 1)
    assert kukar.konversi is None
    assert kukar.cakupan == Coverage(
        urusan=len(load_reference().urusan),
        urusan_terpetakan=2,
        potensi=2,
        potensi_rkpd=1,
        potensi_ditindaklanjuti=0,
        potensi_tanpa_tindak_lanjut=0,
    )
    # Samarinda maps no potential at all.
    assert samarinda.potensi == 0 and samarinda.cakupan.potensi == 0
    assert samarinda.perjanjian == 2


def test_the_repository_with_an_error_lists_the_record(result: Consolidation) -> None:
    figures = {r.kode: r.figures for r in result.regions}
    balikpapan = figures["64.71"]
    assert balikpapan is not None
    assert not balikpapan.valid
    assert (balikpapan.errors, balikpapan.warnings) == (1, 0)
    assert [(g.path, g.id, g.errors) for g in balikpapan.gagal] == [
        ("data/agreements/KSD-6471-2024-003.yaml", "KSD-6471-2024-003", 1)
    ]
    # The broken record is not counted; the sound one is.
    assert balikpapan.perjanjian == 1
    assert all(f is not None and f.valid for k, f in figures.items() if k != "64.71")


def test_two_mirrored_pairs_each_with_its_planted_disagreement(result: Consolidation) -> None:
    pairs = {(p.a.id, p.b.id): p for p in result.pairs}
    assert set(pairs) == {
        ("KSD-64-2024-001", "KSD-6471-2024-002"),
        ("KSD-6402-2023-001", "KSD-6472-2023-004"),
    }
    numbers = pairs[("KSD-64-2024-001", "KSD-6471-2024-002")]
    assert numbers.matched_by == "rekaman_mitra"
    assert [(d.code, d.a, d.b, d.pihak) for d in numbers.differences] == [
        ("nomor", "415.4/020/Pem", "415.4/021/Pem", "Kota Balikpapan")
    ]
    (number,) = numbers.differences
    assert (number.at_a.repository, number.at_a.path, number.at_a.line) == (
        "kaltim",
        "data/agreements/KSD-64-2024-001.yaml",
        18,
    )
    assert (number.at_b.repository, number.at_b.path, number.at_b.line) == (
        "balikpapan",
        "data/agreements/KSD-6471-2024-002.yaml",
        18,
    )
    dates = pairs[("KSD-6402-2023-001", "KSD-6472-2023-004")]
    assert dates.matched_by == "nomor"
    assert [(d.code, d.a, d.b) for d in dates.differences] == [
        ("tanggal_ttd", "2024-08-20", "2024-08-21")
    ]
    (day,) = dates.differences
    assert (day.at_a.path, day.at_a.line) == ("data/agreements/KSD-6402-2023-001.yaml", 19)
    assert (day.at_b.path, day.at_b.line) == ("data/agreements/KSD-6472-2023-004.yaml", 19)


def test_one_sided_ksdd(result: Consolidation) -> None:
    assert [
        (o.at.repository, o.at.path, o.at.line, o.mitra_kode, o.partner_has_repository)
        for o in result.one_sided
    ] == [("samarinda", "data/agreements/KSD-6472-2024-001.yaml", 7, "64.71", True)]


def test_the_missing_region_is_listed(result: Consolidation) -> None:
    assert result.expected_rule == "daftar"
    assert [(e.kode, e.nama) for e in result.belum_melapor] == [("64.03", "Kabupaten Berau")]


def test_parallel_and_serial_give_the_same_result(result: Consolidation) -> None:
    assert as_dict(run(workers=2)) == as_dict(result)


def test_default_expectation_is_every_region_of_the_provinces_present() -> None:
    reference = load_reference()
    result = run()
    wanted = expected_regions("provinsi", result.regions, reference)
    codes = [e.kode for e in wanted]
    assert codes[0] == "64" and "64.03" in codes and "64.72" in codes
    assert all(c.split(".")[0] == "64" for c in codes)
    assert len(expected_regions("semua", result.regions, reference)) == len(reference.wilayah)


def test_a_broken_source_is_a_row_and_the_others_are_read(tmp_path: Path) -> None:
    broken = tmp_path / "rusak"
    broken.mkdir()
    (broken / "ksd.toml").write_text("[daerah\n", encoding="utf-8")
    sources = [
        Source("rusak", str(broken)),
        Source("kukar", str(FIXTURE / "kukar")),
        Source("hilang", "tidak-ada", problem=None, git=True),
    ]
    result = consolidate(sources, Options(as_of=AS_OF, offline=True), workers=1)
    rusak, kukar, hilang = result.regions
    assert rusak.figures is None and rusak.problem is not None
    assert kukar.figures is not None and kukar.figures.perjanjian == 1
    assert hilang.figures is None and hilang.problem is not None
    # Kukar's partner Samarinda was not among the sources: the KB is one-sided.
    assert [(o.mitra_kode, o.partner_has_repository) for o in result.one_sided] == [
        ("64.72", False)
    ]


def test_as_of_is_passed_down() -> None:
    result = run()
    assert result.as_of == date(2025, 6, 30) == AS_OF


def test_generated_regions_have_mirrored_pairs_with_planted_disagreements(tmp_path: Path) -> None:
    roots = generator().generate_regions(tmp_path, 2, 30, seed=3, mirrored=2)
    result = consolidate([Source(r.name, str(r)) for r in roots], Options(as_of=AS_OF), workers=1)
    assert len(result.pairs) == 2
    assert sum(len(p.differences) for p in result.pairs) >= 1


def test_the_row_has_the_figures_of_the_regions_own_report(sample_repo: Path) -> None:
    from ksd_cli.consolidate import region_figures
    from ksd_cli.consolidate.model import RegionFigures
    from ksd_cli.messages import message
    from ksd_cli.report import Period, build_report
    from ksd_cli.repository import open_repository
    from ksd_cli.validate import load_sound_records

    reference = load_reference()
    rows: list[RegionFigures] = []
    for root in (sample_repo, *(FIXTURE / name for name in ("kaltim", "kukar", "balikpapan"))):
        repository = open_repository(root)
        sound = load_sound_records(repository, as_of=AS_OF, lang="en")
        row = region_figures(sound, repository.config, reference, as_of=AS_OF, lang="en")
        report = build_report(
            sound, repository.config, reference, as_of=AS_OF, period=Period.year(2025), lang="en"
        )
        assert list(row.menurut_jenis.values()) == report.menurut_jenis.column("Agreements")
        assert list(row.menurut_status.values()) == report.menurut_status.column("Agreements")
        assert list(row.menurut_tahap.values()) == report.menurut_tahap.column("Agreements")
        assert (row.kb_diikuti_pks, row.kb_ditandatangani, row.kb_muda) == (
            report.konversi.part,
            report.konversi.whole + report.kb_muda,
            report.kb_muda,
        )
        assert row.konversi == report.konversi.ratio
        # The rate of the table by year: its young KBs ("not yet due") are outside it.
        young = report.konversi_per_tahun.column(report.konversi_per_tahun.columns[4].header)
        assert row.kb_muda == sum(n for n in young if isinstance(n, int))
        assert row.temuan == report.stalled.counts()
        assert row.berlaku_tanpa_monev == len(report.tanpa_monev.rows)
        assert (row.perjanjian, row.potensi) == (report.agreements, report.potentials)
        figures = {f.label: f.value for f in report.ikhtisar}
        assert row.monev_periode == figures[message("laporan.fig.monev", "en")]
        rows.append(row)
    # The sample is rich enough for the comparison to mean something.
    sample = rows[0]
    assert sample.kb_ditandatangani > sample.kb_diikuti_pks > 0
    assert sample.monev_periode > 0 and sample.berlaku_tanpa_monev > 0
    assert sum(sample.temuan.values()) > 0 and len(set(sample.menurut_status.values())) > 2


def test_an_unchanged_run_comes_from_the_cache_and_a_change_is_seen(tmp_path: Path) -> None:
    import shutil

    from ksd_cli.consolidate import gather
    from ksd_cli.consolidate.render import as_dict

    copy = tmp_path / "konsolidasi"
    shutil.copytree(FIXTURE, copy)

    def once() -> Consolidation:
        listed = gather(["ksd-konsolidasi.toml"], cwd=copy)
        return consolidate(
            listed.sources, Options(as_of=AS_OF), expected=listed.expected, workers=1
        )

    first = once()
    assert as_dict(once()) == as_dict(first)
    record = copy / "samarinda" / "data" / "agreements" / "KSD-6472-2023-004.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("2024-08-21", "2024-08-20"), encoding="utf-8"
    )
    after = once()
    assert sum(len(p.differences) for p in first.pairs) == 2
    assert [(p.a.id, len(p.differences)) for p in after.pairs] == [
        ("KSD-64-2024-001", 1),
        ("KSD-6402-2023-001", 0),
    ]


def test_a_past_as_of_counts_only_the_potentials_mapped_by_then(sample_repo: Path) -> None:
    from ksd_cli.consolidate import region_figures
    from ksd_cli.repository import open_repository
    from ksd_cli.validate import load_sound_records

    as_of = date(2021, 6, 30)
    repository = open_repository(sample_repo)
    sound = load_sound_records(repository, as_of=as_of, lang="id")
    row = region_figures(sound, repository.config, load_reference(), as_of=as_of, lang="id")
    # 13 potentials in the sample; by mid-2021 only those of 2020 and 2021 were mapped.
    assert row.potensi == row.cakupan.potensi == 3
