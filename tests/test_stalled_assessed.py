"""``find_stalled_in``: records assessed where they are loaded give ``find_stalled``'s result.

``ksd stalled`` no longer ships the records from the workers that parse them: each worker
sends back what ``stalled_result`` needs of each record (``Assessment``). These tests hold
that path equal to the one over the records themselves, with and without the cache, in the
workers and in the parent, and for the owning region that only the whole repository tells.
"""

from __future__ import annotations

import dataclasses
import functools
import pickle
import shutil
from datetime import date
from pathlib import Path

import pytest
from helpers import generator

from ksd_cli import cache, validate
from ksd_cli.diagnostics import Severity
from ksd_cli.loading import load_file
from ksd_cli.messages import Lang
from ksd_cli.reference import load_reference
from ksd_cli.repository import open_repository
from ksd_cli.stalled import (
    Assessment,
    Flag,
    StalledResult,
    assess_flags,
    assess_record,
    find_stalled,
    find_stalled_in,
)

AS_OF = date(2025, 6, 30)
FIXTURES = Path(__file__).parent / "fixtures" / "repos"


def by_records(
    root: Path, *, lang: Lang = "id", use_cache: bool = False, as_of: date = AS_OF
) -> StalledResult:
    """The result the old way: every sound record loaded, then ``find_stalled``."""
    repo = open_repository(root)
    today = repo.config.today()
    sound = validate.load_sound_records(
        repo, as_of=as_of, lang=lang, today=today, use_cache=use_cache
    )
    return find_stalled(sound, repo.config, load_reference(), as_of=as_of, lang=lang)


def by_assessments(
    root: Path, *, lang: Lang = "id", use_cache: bool = False, as_of: date = AS_OF
) -> StalledResult:
    repo = open_repository(root)
    today = repo.config.today()
    return find_stalled_in(repo, as_of=as_of, lang=lang, today=today, use_cache=use_cache)


@pytest.fixture(autouse=True)
def _at_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files just written count as at rest, so that a warm cache is not read past."""
    monkeypatch.setattr(cache, "RACY_NS", 0)


def assert_same_every_way(root: Path, lang: Lang = "id") -> StalledResult:
    """Without the cache; with a cold, then a warm index; with the cache's records file."""
    expected = by_records(root, lang=lang)
    assert by_assessments(root, lang=lang) == expected
    assert by_assessments(root, lang=lang, use_cache=True) == expected  # cold cache
    assert by_assessments(root, lang=lang, use_cache=True) == expected  # assessments cached
    assert by_records(root, lang=lang, use_cache=True) == expected  # writes the records file
    assert by_assessments(root, lang=lang, use_cache=True) == expected  # assessed in the parent
    return expected


@pytest.fixture
def in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse (and assess) in a pool of workers however few the files, several chunks each."""
    monkeypatch.setattr(validate, "POOL_THRESHOLD", 10)
    monkeypatch.setattr(validate, "POOL_CHUNK", 7)


def test_sample_repository_gives_the_same_flags(sample_repo: Path, in_workers: None) -> None:
    result = assert_same_every_way(sample_repo)
    assert result.flags and result.sampai_tidak_diketahui
    assert any(f.code == "potensi_tanpa_tindak_lanjut" for f in result.flags)
    assert_same_every_way(sample_repo, lang="en")


def test_planted_mistakes_give_the_same_flags_and_invalid_list(
    tmp_path: Path, in_workers: None
) -> None:
    root = tmp_path / "gen"
    generator().generate(root, 150, seed=5, invalid_every=7)
    result = assert_same_every_way(root)
    assert result.invalid and result.flags


def test_the_same_without_a_pool(sample_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "POOL_THRESHOLD", 10**9)
    assert_same_every_way(sample_repo)


@pytest.mark.parametrize("case", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()))
def test_every_fixture_repository_gives_the_same_result(tmp_path: Path, case: str) -> None:
    root = tmp_path / case
    shutil.copytree(FIXTURES / case, root)
    assert by_assessments(root) == by_records(root)


# The owning region: only every id tells it when [daerah] kode is not set --------------------


def _record(record_id: str, parties: str) -> str:
    """An agreement with a KB signed long ago and nothing after: it raises ``kb_tanpa_pks``."""
    return (
        f"id: {record_id}\n"
        "judul: Pengelolaan Sampah Regional\n"
        "jenis: ksdd_sukarela\n"
        "urusan:\n"
        '  - "2.11"\n'
        f"pihak:\n{parties}"
        "naskah:\n"
        "  - jenis: kesepakatan_bersama\n"
        "    tanggal_ttd: 2021-03-15\n"
    )


def _pemda(peran: str, kode: str) -> str:
    return f'  - peran: {peran}\n    tipe: pemda\n    kode_wilayah: "{kode}"\n'


KUKAR, SAMARINDA = "64.02", "64.72"


def _repository(root: Path, records: dict[str, str], toml: str = "") -> Path:
    folder = root / "data" / "agreements"
    folder.mkdir(parents=True)
    (root / "ksd.toml").write_text(toml, encoding="utf-8")
    for record_id, parties in records.items():
        (folder / f"{record_id}.yaml").write_text(_record(record_id, parties), encoding="utf-8")
    return root


def _mitra(result: StalledResult) -> dict[str, tuple[str, ...]]:
    assert not result.invalid
    return {f.id: f.mitra for f in result.flags}


BOTH = _pemda("pihak_kesatu", KUKAR) + _pemda("pihak_kedua", SAMARINDA)


def test_one_region_without_daerah_kode(tmp_path: Path, in_workers: None) -> None:
    records = {f"KSD-6402-2021-{n:03}": BOTH for n in range(1, 13)}
    root = _repository(tmp_path, records)
    result = assert_same_every_way(root)
    # Every id names Kutai Kartanegara: it owns the repository, Samarinda is the partner.
    assert set(_mitra(result).values()) == {("Kota Samarinda",)}
    assert len(result.flags) == 12


def test_several_regions_without_daerah_kode(tmp_path: Path, in_workers: None) -> None:
    records = {f"KSD-6402-2021-{n:03}": BOTH for n in range(1, 7)}
    records.update({f"KSD-6472-2021-{n:03}": BOTH for n in range(1, 7)})
    root = _repository(tmp_path, records)
    mitra = _mitra(assert_same_every_way(root))
    # No one owner: each record's partner is the region its id does not name.
    assert mitra["KSD-6402-2021-001"] == ("Kota Samarinda",)
    assert mitra["KSD-6472-2021-001"] == ("Kabupaten Kutai Kartanegara",)


def test_a_record_whose_id_names_no_region_takes_the_repository_owner(
    tmp_path: Path, in_workers: None
) -> None:
    # Its worker cannot know the owner (its id names no region): the parent names its
    # partners again once every id is known.
    records = {f"KSD-6402-2021-{n:03}": BOTH for n in range(1, 12)}
    records["KSD-X-2021-001"] = BOTH
    toml = '[validate]\nignore = ["invalid-id"]\n'
    root = _repository(tmp_path, records, toml)
    mitra = _mitra(assert_same_every_way(root))
    # The worker named both regions (it could not tell the owner); the parent left one.
    assert mitra["KSD-X-2021-001"] == ("Kota Samarinda",)
    assert len(mitra) == 12


def test_flags_for_names_the_partners_again_only_when_the_owner_differs() -> None:
    flag = Flag(
        "KSD-X-2021-001",
        "Judul",
        "kb_tanpa_pks",
        "macet",
        AS_OF,
        400,
        365,
        "penandatanganan_kb",
        ("Kabupaten Kutai Kartanegara", "Kota Samarinda"),
        (),
        "pesan",
        "data/agreements/KSD-X-2021-001.yaml",
    )
    partners = ((KUKAR, "Kabupaten Kutai Kartanegara"), (SAMARINDA, "Kota Samarinda"), ("", "PT"))
    assessment = Assessment("KSD-X-2021-001", False, (flag,), region=None, partners=partners)
    assert assessment.flags_for(None) == (flag,)
    (again,) = assessment.flags_for(KUKAR)
    assert again.mitra == ("Kota Samarinda", "PT")
    fields = {f.name: getattr(flag, f.name) for f in dataclasses.fields(Flag)}
    assert again == Flag(**{**fields, "mitra": ("Kota Samarinda", "PT")})


def test_a_warm_cache_follows_a_changed_record_and_another_day(sample_repo: Path) -> None:
    assert by_assessments(sample_repo, use_cache=True) == by_records(sample_repo)
    path = sample_repo / "data" / "agreements" / "KSD-6402-2022-002.yaml"
    text = path.read_text(encoding="utf-8")
    assert "kesepakatan_bersama" in text
    path.write_text(text + "status: dibatalkan\n", encoding="utf-8")  # no flag once stopped
    after = by_assessments(sample_repo, use_cache=True)
    assert after == by_records(sample_repo)
    assert "KSD-6402-2022-002" not in {f.id for f in after.flags}
    later = date(2026, 6, 30)
    assert by_assessments(sample_repo, use_cache=True, as_of=later) == by_records(
        sample_repo, as_of=later
    )
    assert by_assessments(sample_repo, use_cache=True) == after


def test_records_alike_share_their_partners_and_organisations(tmp_path: Path) -> None:
    # What recurs from record to record is held once (and pickled once per batch of results).
    records = {f"KSD-6402-2021-{n:03}": BOTH for n in range(1, 4)}
    repo = open_repository(_repository(tmp_path, records))
    sources = repo.source_files()
    loaded = validate.load_sound_records(repo, as_of=AS_OF, lang="id", use_cache=False)
    got = [
        assess_record(r.source, r.record, config=repo.config, as_of=AS_OF, lang="id")
        for r in loaded.loaded.records
    ]
    assert len(got) == len(sources) == 3
    first, *others = got
    assert first.flags and first.partners
    for other in others:
        assert other.partners is first.partners
        assert other.region is first.region
        assert other.flags[0].mitra is first.flags[0].mitra
    batch = pickle.loads(pickle.dumps(got))  # noqa: S301 - the test's own bytes
    assert batch == got
    assert batch[1].partners is batch[0].partners


def test_an_assessment_pickles_as_a_call_of_its_fields_maker() -> None:
    flag = Flag("KSD-X-2021-001", "Judul", "kb_tanpa_pks", "macet", AS_OF, 400, 365, None,
                ("Kota Samarinda",), (), "pesan", "data/a.yaml", 0, (0,))  # fmt: skip
    assessment = Assessment("KSD-X-2021-001", False, (flag,), ("POT-1",), True, KUKAR, ())
    assert flag.__reduce__() == (
        Flag._from_fields,  # type: ignore[attr-defined]
        tuple(getattr(flag, f.name) for f in dataclasses.fields(Flag)),
    )
    assert assessment.__reduce__() == (
        Assessment._from_fields,  # type: ignore[attr-defined]
        tuple(getattr(assessment, f.name) for f in dataclasses.fields(Assessment)),
    )
    assert pickle.loads(pickle.dumps(assessment)) == assessment  # noqa: S301


# Errors only: stalled is spared the rules that find warnings --------------------------------


def _loaded(root: Path, *, errors_only: bool, use_cache: bool = False) -> validate.AssessedRecords:
    repo = open_repository(root)
    assess = functools.partial(assess_flags, config=repo.config, as_of=AS_OF, lang="id")
    return validate.load_assessed(
        repo,
        assess,
        as_of=AS_OF,
        lang="id",
        today=repo.config.today(),
        use_cache=use_cache,
        errors_only=errors_only,
    )


def _with_warnings(root: Path) -> Path:
    """A generated corpus with planted mistakes, two records alike (C016, across records) and
    one that names a potential nowhere (R004, an error across records).
    """
    generator().generate(root, 150, seed=5, invalid_every=7)
    folder = root / "data" / "agreements"
    for record_id in ("KSD-6402-2024-901", "KSD-6402-2024-902"):
        unsigned = _record(record_id, BOTH).replace("    tanggal_ttd: 2021-03-15\n", "")
        (folder / f"{record_id}.yaml").write_text(unsigned, encoding="utf-8")
    naming = _record("KSD-6402-2024-903", BOTH) + "potensi:\n  - POT-6402-2024-999\n"
    (folder / "KSD-6402-2024-903.yaml").write_text(naming, encoding="utf-8")
    return root


def test_errors_only_finds_every_error_and_no_warning(tmp_path: Path, in_workers: None) -> None:
    root = _with_warnings(tmp_path / "gen")
    whole = _loaded(root, errors_only=False)
    errors = _loaded(root, errors_only=True)
    warnings = [d for d in whole.loaded.diagnostics if d.severity is Severity.WARNING]
    # Warnings of a rule on one record alone, and of the rule across records.
    assert {d.rule for d in warnings} >= {"pemilik-bukan-pihak", "registrasi-ganda"}
    assert errors.loaded.diagnostics == tuple(
        d for d in whole.loaded.diagnostics if d.severity is Severity.ERROR
    )
    # Errors of rules on one record alone, and of a rule across records.
    assert {d.rule for d in errors.loaded.diagnostics} >= {
        "unknown-kode-wilayah",
        "unknown-potensi",
    }
    assert errors.loaded.invalid == whole.loaded.invalid
    assert errors.assessments == whole.assessments
    assert (errors.ids, errors.named_potentials) == (whole.ids, whole.named_potentials)


def test_with_a_cache_every_rule_runs(tmp_path: Path, in_workers: None) -> None:
    """The cache's entries are read by ``ksd validate`` too: stalled stores them whole."""
    root = _with_warnings(tmp_path / "gen")
    whole = _loaded(root, errors_only=False)
    assert _loaded(root, errors_only=True, use_cache=True).loaded == whole.loaded
    repo = open_repository(root)
    fresh = validate.validate_repository(repo, as_of=AS_OF, use_cache=False)
    assert validate.validate_repository(repo, as_of=AS_OF, use_cache=True) == fresh
    assert any(d.severity is Severity.WARNING for d in fresh.diagnostics)


def test_a_chunk_lets_each_record_go_once_assessed(sample_repo: Path) -> None:
    repo = open_repository(sample_repo)
    sources = repo.source_files()[:5]
    records = [load_file(s, max_bytes=10**6, lang="id")[0] for s in sources]
    to_assess = [(i * 2, r.source, r.record) for i, r in enumerate(records) if r is not None]
    held: list[int] = []

    def assess(source: object, record: object) -> str:
        # Only the records not yet assessed are still held.
        held.append(len(to_assess))
        assert all(record is not r for _, _, r in to_assess)
        return f"{source}"

    wanted = [(i, f"{s}") for i, s, _ in to_assess]
    at, made = validate._assessed(to_assess, assess)
    assert list(zip(at, made, strict=True)) == wanted
    assert held == list(range(len(wanted) - 1, -1, -1))
    assert not to_assess
