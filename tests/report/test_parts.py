"""``build_report_in``: each record's part made where it is loaded gives ``build_report``'s report.

``ksd report`` no longer ships the records from the workers that parse them: each worker
sends back the record's part of the report (``report/parts.py``), and the parts are cached
under the as-of day and the period. These tests hold that path equal to the one over the
records themselves, with and without the cache, in the workers and in the parent, for the
owning region only the whole repository tells, and for another day or period from a warm
cache.
"""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

import pytest
from helpers import generator

from ksd_cli import cache, validate
from ksd_cli.messages import Lang
from ksd_cli.reference import load_reference
from ksd_cli.report import Period, Report, build_report, build_report_in
from ksd_cli.repository import open_repository

AS_OF = date(2025, 6, 30)
PERIOD = Period.year(2024)
FIXTURES = Path(__file__).parent.parent / "fixtures" / "repos"


def by_records(
    root: Path,
    *,
    lang: Lang = "id",
    use_cache: bool = False,
    as_of: date = AS_OF,
    period: Period = PERIOD,
) -> Report:
    """The report the old way: every sound record loaded, then ``build_report``."""
    repo = open_repository(root)
    sound = validate.load_sound_records(
        repo, as_of=as_of, lang=lang, today=repo.config.today(), use_cache=use_cache
    )
    return build_report(sound, repo.config, load_reference(), as_of=as_of, period=period, lang=lang)


def by_parts(
    root: Path,
    *,
    lang: Lang = "id",
    use_cache: bool = False,
    as_of: date = AS_OF,
    period: Period = PERIOD,
) -> Report:
    repo = open_repository(root)
    return build_report_in(
        repo,
        load_reference(),
        as_of=as_of,
        period=period,
        lang=lang,
        today=repo.config.today(),
        use_cache=use_cache,
    )


@pytest.fixture(autouse=True)
def _at_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files just written count as at rest, so that a warm cache is not read past."""
    monkeypatch.setattr(cache, "RACY_NS", 0)


@pytest.fixture
def in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse (and make the parts) in a pool of workers however few the files, parts packed."""
    monkeypatch.setattr(validate, "POOL_THRESHOLD", 10)
    monkeypatch.setattr(validate, "POOL_CHUNK", 7)
    monkeypatch.setattr(validate, "PACKED_FROM", 10)


def assert_same_every_way(root: Path, lang: Lang = "id") -> Report:
    """Without the cache; with a cold, then a warm index; with the cache's records file."""
    expected = by_records(root, lang=lang)
    assert by_parts(root, lang=lang) == expected
    assert by_parts(root, lang=lang, use_cache=True) == expected  # cold cache
    assert by_parts(root, lang=lang, use_cache=True) == expected  # parts cached
    assert by_records(root, lang=lang, use_cache=True) == expected  # writes the records file
    assert by_parts(root, lang=lang, use_cache=True) == expected  # parts made in the parent
    return expected


def test_sample_repository_gives_the_same_report(sample_repo: Path, in_workers: None) -> None:
    report = assert_same_every_way(sample_repo)
    # Every kind of table has rows, so that the comparison above compares something.
    assert report.daftar.rows and report.temuan.rows and report.akan_berakhir.rows
    assert report.monev_terakhir.rows and report.potensi_belum_ditindaklanjuti.rows
    assert any(row[4] for row in report.daftar.rows)  # partners, filled in by the whole
    assert any(row[16] for row in report.daftar.rows)  # findings, filled in by the whole
    assert_same_every_way(sample_repo, lang="en")


def test_planted_mistakes_give_the_same_report(tmp_path: Path, in_workers: None) -> None:
    root = tmp_path / "gen"
    generator().generate(root, 150, seed=5, invalid_every=7)
    report = assert_same_every_way(root)
    assert report.invalid and report.stalled.flags and report.tanpa_monev.rows
    # Without the cache the parts' path runs only the rules that find errors: equal all the
    # same, in a repository where the full rules also find warnings and cross-record errors.
    found = validate.validate_repository(open_repository(root), as_of=AS_OF, use_cache=False)
    severities = {d.severity.value for d in found.diagnostics}
    assert {"error", "warning"} <= severities


def test_without_the_cache_only_the_rules_that_find_errors_run(
    tmp_path: Path, in_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "gen"
    generator().generate(root, 60, seed=3, invalid_every=5)
    asked: list[bool] = []
    real = validate.rules_run

    def rules_run(config: object, *, errors_only: bool = False) -> object:
        asked.append(errors_only)
        return real(config, errors_only=errors_only)  # type: ignore[arg-type]

    monkeypatch.setattr(validate, "rules_run", rules_run)
    assert by_parts(root) == by_records(root)
    assert True in asked  # the parts' path (by_records runs every rule: False)


def test_the_parts_travel_packed(
    sample_repo: Path, in_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each chunk's parts come back from the workers packed, unpacked after the entries go."""
    arrived: list[object] = []
    unpack = validate.unpacked

    def spy(pairs: list[tuple[object, object]]) -> object:
        arrived.extend(a for _, a in pairs)
        return unpack(pairs)  # type: ignore[arg-type]

    monkeypatch.setattr(validate, "unpacked", spy)
    assert by_parts(sample_repo) == by_records(sample_repo)
    packed = [a for a in arrived if isinstance(a, validate.Packed)]
    assert arrived and packed == arrived
    assert len({id(a.blob) for a in packed}) > 1  # several chunks, one blob each
    arrived.clear()
    monkeypatch.setattr(validate, "PACKED_FROM", 10**9)  # too few files to pack
    assert by_parts(sample_repo) == by_records(sample_repo)
    assert arrived and not any(isinstance(a, validate.Packed) for a in arrived)


def test_the_same_without_a_pool(sample_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "POOL_THRESHOLD", 10**9)
    assert_same_every_way(sample_repo)


@pytest.mark.parametrize("case", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()))
def test_every_fixture_repository_gives_the_same_report(tmp_path: Path, case: str) -> None:
    root = tmp_path / case
    shutil.copytree(FIXTURES / case, root)
    assert by_parts(root) == by_records(root)


def test_a_warm_cache_follows_another_day_and_another_period(sample_repo: Path) -> None:
    assert by_parts(sample_repo, use_cache=True) == by_records(sample_repo)
    later, span = date(2026, 1, 15), Period(date(2025, 3, 1), date(2025, 12, 31))
    report = by_parts(sample_repo, use_cache=True, as_of=later, period=span)
    assert report == by_records(sample_repo, as_of=later, period=span)
    assert report != dataclasses.replace(by_records(sample_repo), as_of=later, period=span)
    assert by_parts(sample_repo, use_cache=True) == by_records(sample_repo)


# The owning region: only every id tells it when [daerah] kode is not set --------------------

KUKAR, SAMARINDA = "64.02", "64.72"


def _repository(root: Path, ids: list[str], toml: str = "") -> Path:
    """Agreements between Kutai Kartanegara and Samarinda, a KB signed long ago each."""
    folder = root / "data" / "agreements"
    folder.mkdir(parents=True)
    (root / "ksd.toml").write_text(toml, encoding="utf-8")
    for record_id in ids:
        (folder / f"{record_id}.yaml").write_text(
            f"id: {record_id}\n"
            "judul: Pengelolaan Sampah Regional\n"
            "jenis: ksdd_sukarela\n"
            "urusan:\n"
            '  - "2.11"\n'
            "pihak:\n"
            f'  - peran: pihak_kesatu\n    tipe: pemda\n    kode_wilayah: "{KUKAR}"\n'
            f'  - peran: pihak_kedua\n    tipe: pemda\n    kode_wilayah: "{SAMARINDA}"\n'
            "naskah:\n"
            "  - jenis: kesepakatan_bersama\n"
            "    tanggal_ttd: 2021-03-15\n",
            encoding="utf-8",
        )
    return root


def _mitra(report: Report) -> dict[str, object]:
    assert not report.invalid
    return {str(row[0]): row[4] for row in report.daftar.rows}


def test_several_regions_without_daerah_kode(tmp_path: Path, in_workers: None) -> None:
    ids = [f"KSD-6402-2021-{n:03}" for n in range(1, 7)]
    ids += [f"KSD-6472-2021-{n:03}" for n in range(1, 7)]
    mitra = _mitra(assert_same_every_way(_repository(tmp_path, ids)))
    # No one owner: each record's partner is the region its id does not name.
    assert mitra["KSD-6402-2021-001"] == "Kota Samarinda"
    assert mitra["KSD-6472-2021-001"] == "Kabupaten Kutai Kartanegara"


def test_a_record_whose_id_names_no_region_takes_the_repository_owner(
    tmp_path: Path, in_workers: None
) -> None:
    # Its worker cannot know the owner (its id names no region): the whole names its
    # partners again once every id is known.
    ids = [f"KSD-6402-2021-{n:03}" for n in range(1, 12)] + ["KSD-X-2021-001"]
    root = _repository(tmp_path, ids, '[validate]\nignore = ["invalid-id"]\n')
    report = assert_same_every_way(root)
    assert _mitra(report)["KSD-X-2021-001"] == "Kota Samarinda"
    assert [(row[0], row[2]) for row in report.menurut_mitra.rows] == [(SAMARINDA, 12)]


# The parts themselves: worded once per process, and small to send --------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_words_held_once_are_the_words_naming_gives(sample_repo: Path, lang: Lang) -> None:
    from ksd_cli.models import Agreement
    from ksd_cli.naming import party_name, sumber_dana_text
    from ksd_cli.report.parts import _words, urusan_nama

    repo = open_repository(sample_repo)
    reference = load_reference()
    sound = validate.load_sound_records(repo, as_of=AS_OF, lang=lang, use_cache=False)
    words = _words(reference, lang)
    assert _words(reference, lang) is words
    funded = 0
    for loaded in sound.loaded.records:
        record = loaded.record
        if not isinstance(record, Agreement):
            continue
        names = {p.peran: party_name(p, reference) for p in record.pihak}
        assert {p.peran: words.party(p) for p in record.pihak} == names
        parties = words.parties(record.pihak)
        assert words.parties(record.pihak) is parties
        assert parties.nama == names
        assert parties.each == tuple((p.tipe, p.kode_wilayah, p.kategori) for p in record.pihak)
        codes = tuple(record.pembiayaan.sumber or ()) if record.pembiayaan else ()
        assert words.sumber_dana(codes, parties) == sumber_dana_text(codes, names, lang)
        assert words.sumber_dana(codes, parties) == sumber_dana_text(codes, names, lang)
        funded += bool(codes)
        joined, each = words.urusan(tuple(record.urusan))
        assert joined == "; ".join(urusan_nama(c, reference) for c in record.urusan)
        assert each == tuple((c, urusan_nama(c, reference)) for c in dict.fromkeys(record.urusan))
    assert funded  # sources of funds were worded, so the comparison compares something


def test_a_part_crosses_processes_unchanged(sample_repo: Path) -> None:
    import pickle

    from ksd_cli.report.parts import AgreementPart, PotentialPart, parts_of

    repo = open_repository(sample_repo)
    sound = validate.load_sound_records(repo, as_of=AS_OF, lang="id", use_cache=False)
    parts = parts_of(
        sound.loaded.records,
        config=repo.config,
        as_of=AS_OF,
        period=PERIOD,
        lang="id",
        reference=load_reference(),
    )
    back = pickle.loads(pickle.dumps(parts, pickle.HIGHEST_PROTOCOL))
    assert back == parts
    assert [type(p) for p in back] == [type(p) for p in parts]
    assert {AgreementPart, PotentialPart} <= {type(p) for p in parts}


def test_words_held_start_again_past_their_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from ksd_cli.report import parts

    reference = load_reference()
    words = parts._words(reference, "en")
    monkeypatch.setattr(parts, "_HELD_AT_MOST", 2)
    for n in range(3):
        words.shared(f"text {n}")
    assert parts._words(reference, "en") is words
    first = words.shared(("a", "b"))
    assert words.shared(("a", "b")) is first
    assert len(words._held) == 1  # started again: only the value held since


def test_a_parts_assessment_is_the_one_assessed_alone(tmp_path: Path) -> None:
    """The part hands the assessment its partners and lifecycle: the same as found alone."""
    from ksd_cli.models import Agreement
    from ksd_cli.report.parts import parts_of
    from ksd_cli.stalled import assess_record

    root = tmp_path / "gen"
    generator().generate(root, 150, seed=5, invalid_every=7)
    repo = open_repository(root)
    reference = load_reference()
    sound = validate.load_sound_records(repo, as_of=AS_OF, lang="id", use_cache=False)
    records = sound.loaded.records
    parts = parts_of(
        records, config=repo.config, as_of=AS_OF, period=PERIOD, lang="id", reference=reference
    )
    alone = [
        assess_record(r.source, r.record, config=repo.config, as_of=AS_OF, lang="id")
        for r in records
    ]
    assert [p.stalled for p in parts] == alone
    assert sum(isinstance(r.record, Agreement) for r in records) > 100
    assert sum(bool(a.flags) for a in alone) > 20  # flags and their partners compared


def _plain_dates(record: object, state: object, period: Period) -> tuple[object, ...]:
    """Start, end (or its words), latest monev, monev and kinds signed in the period: plainly."""
    from ksd_cli.lifecycle import Lifecycle
    from ksd_cli.messages import message
    from ksd_cli.models import Agreement

    assert isinstance(record, Agreement) and isinstance(state, Lifecycle)
    as_of = state.as_of
    until = min(period.end, as_of)
    own = [d for d in state.signed if not (d.naskah.jenis == "adendum" and d.induk is not None)]
    # A letter of intent binds no one: the KB and PKS decide once there are any.
    own = [d for d in own if d.naskah.jenis != "surat_pernyataan_kehendak"] or own
    starts = [d.mulai for d in own if d.mulai is not None]
    ends = [d.sampai for d in own]
    unknown = any(d.sampai_tidak_diketahui for d in own)
    open_ended = any(d.sampai is None and not d.sampai_tidak_diketahui for d in own)
    sampai: object = None if not own or None in ends else max(ends)  # type: ignore[type-var]
    if unknown and not open_ended:
        sampai = message("tambahan.sampai-tidak-diketahui", "id")
    monev = [m for m in record.monev or () if m.tanggal <= as_of]
    latest = max(enumerate(monev), key=lambda im: (im[1].tanggal, im[0]))[1] if monev else None
    return (
        min(starts) if starts else None,
        sampai,
        latest.tanggal if latest else None,
        [m.rekomendasi or "" for m in monev if period.start <= m.tanggal <= until],
        [
            d.naskah.jenis
            for d in state.signed
            if d.naskah.tanggal_ttd is not None and period.start <= d.naskah.tanggal_ttd <= until
        ],
    )


@pytest.mark.parametrize(
    "source", ["generated", "v11-record-additions-good", "S006-invalid-date-month-good"]
)
def test_the_one_pass_over_documents_and_monev_is_the_plain_min_and_max(
    tmp_path: Path, source: str
) -> None:
    """Ties included: the first earliest start and latest end, the last latest monev."""
    from ksd_cli.lifecycle import lifecycle
    from ksd_cli.models import Agreement
    from ksd_cli.report.parts import AgreementPart, report_part

    root = tmp_path / "gen"
    if source == "generated":
        generator().generate(root, 150, seed=5, invalid_every=7)
    else:
        shutil.copytree(FIXTURES / source, root)
    repo = open_repository(root)
    sound = validate.load_sound_records(repo, as_of=AS_OF, lang="id", use_cache=False)
    compared = 0
    for period in (PERIOD, Period.year(2018), Period.year(2025)):
        for loaded in sound.loaded.records:
            record = loaded.record
            if not isinstance(record, Agreement):
                continue
            state = lifecycle(record, AS_OF)
            part = report_part(
                loaded.source,
                record,
                config=repo.config,
                as_of=AS_OF,
                period=period,
                lang="id",
                state=state,
            )
            assert isinstance(part, AgreementPart)
            found = (
                part.daftar[10],
                part.daftar[11],
                part.daftar[13],
                list(part.monev_periode),
                list(part.naskah_periode),
            )
            expected = _plain_dates(record, state, period)
            assert found == expected
            # A month-only date equals the first of its month: the same one must be kept.
            assert [type(v) for v in found[:3]] == [type(v) for v in expected[:3]]
            compared += 1
    assert compared >= 3
