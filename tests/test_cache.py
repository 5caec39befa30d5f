"""The record cache: findings with and without it are the same, and it never gets in the way."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest
from helpers import generator

from ksd_cli.cache import Entry, RecordCache, read_pickled, store_pickled
from ksd_cli.diagnostics import Report
from ksd_cli.pool import can_fork
from ksd_cli.repository import Repository, open_repository
from ksd_cli.validate import load_sound_records, validate_repository

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2025, 6, 30)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A generated repository with a planted mistake in every fifth agreement."""
    root = tmp_path / "repo"
    generator().generate(root, 60, seed=3, invalid_every=5)
    return root


def _validate(root: Path, *, use_cache: bool, as_of: date = AS_OF) -> Report:
    return validate_repository(open_repository(root), as_of=as_of, lang="en", use_cache=use_cache)


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.pickle"))


def test_findings_are_the_same_without_the_cache_cold_warm_and_after_a_change(
    corpus: Path, _own_cache: Path
) -> None:
    without = _validate(corpus, use_cache=False)
    assert _cache_files(_own_cache) == []  # --no-cache neither reads nor writes it
    assert {d.rule for d in without.diagnostics} >= {"unknown-key", "invalid-date", "duplicate-key"}

    cold = _validate(corpus, use_cache=True)
    assert _cache_files(_own_cache) != []
    warm = _validate(corpus, use_cache=True)
    assert cold == without
    assert warm == without

    # One file changed: an agreement loses its potential, another potential's id is removed.
    agreement = sorted((corpus / "data/agreements").glob("*.yaml"))[1]
    text = agreement.read_text(encoding="utf-8")
    agreement.write_text(text.replace("judul:", "judul_baru:", 1), encoding="utf-8")
    potential = sorted((corpus / "data/potentials").glob("*.yaml"))[0]
    potential.unlink()
    changed = _validate(corpus, use_cache=True)
    assert changed == _validate(corpus, use_cache=False)
    assert any(d.rule == "unknown-potensi" for d in changed.diagnostics)
    assert any(d.path.endswith(agreement.name) for d in changed.diagnostics)


def test_the_as_of_date_and_the_configuration_key_the_cache(corpus: Path) -> None:
    _validate(corpus, use_cache=True)
    early = date(2020, 1, 1)  # records signed later are dated in the future then
    assert _validate(corpus, use_cache=True, as_of=early) == _validate(
        corpus, use_cache=False, as_of=early
    )
    config = corpus / "ksd.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[validate]\nignore = ["unknown-key"]\n',
        encoding="utf-8",
    )
    ignored = _validate(corpus, use_cache=True)
    assert ignored == _validate(corpus, use_cache=False)
    assert not any(d.rule == "unknown-key" for d in ignored.diagnostics)


def test_sound_records_are_the_same_through_the_cache(corpus: Path) -> None:
    def sound(use_cache: bool) -> tuple[object, ...]:
        found = load_sound_records(
            open_repository(corpus), as_of=AS_OF, lang="id", use_cache=use_cache
        )
        return (
            [(r.source.rel, r.record) for r in found.loaded.records],
            found.loaded.diagnostics,
            found.loaded.invalid,
            found.named_potentials,
            found.ids,
            dict(found.errors),
        )

    expected = sound(False)
    assert sound(True) == expected  # cold
    assert sound(True) == expected  # warm


def test_a_corrupt_or_foreign_cache_is_ignored_and_replaced(corpus: Path, _own_cache: Path) -> None:
    expected = _validate(corpus, use_cache=False)
    _validate(corpus, use_cache=True)
    (stored,) = _cache_files(_own_cache)
    stored.write_bytes(b"not a pickle at all")
    assert _validate(corpus, use_cache=True) == expected
    repository: Repository = open_repository(corpus)
    assert RecordCache(stored, "another salt").read() == {}  # written by another version
    assert RecordCache.for_repository(repository.root, "x").path.parent == stored.parent


def test_no_cache_from_the_environment(
    corpus: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KSD_NO_CACHE", "1")
    _validate(corpus, use_cache=True)
    assert _cache_files(_own_cache) == []


def test_the_cache_is_never_written_into_the_repository(corpus: Path) -> None:
    before = sorted(p.relative_to(corpus) for p in corpus.rglob("*"))
    _validate(corpus, use_cache=True)
    _validate(corpus, use_cache=True)
    assert sorted(p.relative_to(corpus) for p in corpus.rglob("*")) == before


def test_a_pool_of_processes_finds_the_same_in_the_same_order(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from ksd_cli import validate

    if len(os.sched_getaffinity(0)) < 2 or not can_fork():
        pytest.skip("one core, or no fork")
    expected = _validate(corpus, use_cache=False)
    monkeypatch.setattr(validate, "POOL_THRESHOLD", 10)
    monkeypatch.setattr(validate, "POOL_CHUNK", 7)  # several chunks per worker, out of step
    assert _validate(corpus, use_cache=False) == expected
    found = load_sound_records(open_repository(corpus), as_of=AS_OF, lang="id", use_cache=False)
    monkeypatch.setattr(validate, "POOL_THRESHOLD", 10**9)
    alone = load_sound_records(open_repository(corpus), as_of=AS_OF, lang="id", use_cache=False)
    assert [r.record for r in found.loaded.records] == [r.record for r in alone.loaded.records]
    assert found.loaded.diagnostics == alone.loaded.diagnostics


def test_a_duplicate_registration_follows_the_other_record_not_the_cache(
    tmp_path: Path, _own_cache: Path
) -> None:
    # C016 (registrasi-ganda) in one record depends on another record's title: a change to
    # that other record must clear the finding even when the first record is cached.
    import shutil

    root = tmp_path / "repo"
    shutil.copytree(ROOT / "tests/fixtures/repos/C016-registrasi-ganda-bad", root)
    first = _validate(root, use_cache=True)
    assert sorted(d.code for d in first.diagnostics) == ["C016", "C016"]
    other = root / "data/agreements/KSD-6472-2024-009.yaml"
    text = other.read_text(encoding="utf-8")
    title = text.splitlines()[1]
    assert title.startswith("judul: ")
    other.write_text(text.replace(title, "judul: Pelatihan Tari Tradisional"), encoding="utf-8")
    again = _validate(root, use_cache=True)
    assert again == _validate(root, use_cache=False)
    assert [d.code for d in again.diagnostics] == []


def _age(root: Path) -> None:
    """Every record file last changed long ago, as in a repository at rest."""
    import os

    for path in (root / "data").rglob("*.yaml"):
        os.utime(path, (1_600_000_000, 1_600_000_000))


def test_files_at_rest_are_not_read_again(
    corpus: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ksd_cli import cache, validate

    expected = _validate(corpus, use_cache=False)
    # A file changed moments before it is read is not trusted (RACY_NS): these were just made.
    _validate(corpus, use_cache=True)
    monkeypatch.setattr(validate, "read_bytes", _refuse)
    with pytest.raises(AssertionError, match="read again"):
        _validate(corpus, use_cache=True)
    monkeypatch.undo()
    monkeypatch.setattr(cache, "RACY_NS", 0)  # as if they had been at rest for long
    _validate(corpus, use_cache=True)  # the stamps kept
    monkeypatch.setattr(validate, "read_bytes", _refuse)
    assert _validate(corpus, use_cache=True) == expected


def _refuse(*args: object, **kwargs: object) -> bytes:
    raise AssertionError("a file at rest was read again")


def test_a_file_rewritten_with_its_old_size_and_time_is_read_again(
    corpus: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from ksd_cli import cache

    monkeypatch.setattr(cache, "RACY_NS", 0)
    _age(corpus)
    _validate(corpus, use_cache=True)
    _validate(corpus, use_cache=True)
    agreement = sorted((corpus / "data/agreements").glob("*.yaml"))[2]
    text = agreement.read_text(encoding="utf-8")
    changed = text.replace("judul:", "judux:", 1)
    assert len(changed) == len(text)
    agreement.write_text(changed, encoding="utf-8")
    os.utime(agreement, (1_600_000_000, 1_600_000_000))  # the change time still moves
    found = _validate(corpus, use_cache=True)
    assert found == _validate(corpus, use_cache=False)
    assert any(
        d.rule == "unknown-key" and d.path.endswith(agreement.name) for d in found.diagnostics
    )


def test_findings_across_records_from_facts_are_those_of_the_records(corpus: Path) -> None:
    # The reference: every rule run on the records themselves, placed by reading them again.
    import shutil

    from ksd_cli.diagnostics import Report

    # Planted across records: a missing potential, an id twice, a request registered twice.
    sorted((corpus / "data/potentials").glob("*.yaml"))[0].unlink()
    agreements = sorted((corpus / "data/agreements").glob("*.yaml"))
    shutil.copy(agreements[0], corpus / "data/agreements/KSD-6402-2099-001.yaml")
    for twice in (ROOT / "tests/fixtures/repos/C016-registrasi-ganda-bad").rglob("*.yaml"):
        shutil.copy(twice, corpus / "data/agreements" / twice.name)
    from ksd_cli.validate import cap_per_file, check_records, load_checked

    repository = open_repository(corpus)
    checked = load_checked(repository, as_of=AS_OF, lang="en", use_cache=False)
    findings = [
        *checked.loaded.diagnostics,
        *check_records(repository.config, checked.loaded, as_of=AS_OF, lang="en"),
    ]
    expected = Report.build(
        cap_per_file(findings, "en"),
        files=checked.loaded.files,
        records=len(checked.loaded.records),
        checked=[s.rel for s in repository.source_files()],
    )
    found = _validate(corpus, use_cache=False)
    assert found == expected
    assert {"unknown-potensi", "duplicate-id", "registrasi-ganda"} <= {
        d.rule for d in found.diagnostics
    }


def test_a_change_that_leaves_the_facts_keeps_the_findings_across_records(
    corpus: Path, _own_cache: Path
) -> None:
    from ksd_cli.cache import RecordCache

    _validate(corpus, use_cache=True)
    (index,) = _cache_files(_own_cache)
    agreement = sorted((corpus / "data/agreements").glob("*.yaml"))[3]
    agreement.write_text(agreement.read_text(encoding="utf-8") + "# catatan\n", encoding="utf-8")
    assert _validate(corpus, use_cache=True) == _validate(corpus, use_cache=False)
    # The cached findings across records still hold: the facts of that file did not change.
    repository = open_repository(corpus)
    from ksd_cli.validate import cross_key, scan_files

    scan = scan_files(repository, repository.source_files(), as_of=AS_OF, lang="en")
    stored = RecordCache(index, scan.cache.salt if scan.cache else "")
    stored.read()
    assert stored.cross is not None and stored.cross[0] == cross_key(scan.scanned)


def test_one_record_is_shown_as_from_the_whole_repository(corpus: Path) -> None:
    # ksd show reads the one record (and, for a potential, the agreements naming it) and the
    # cache: its view, errors and flags are those it has when every record is loaded.
    from ksd_cli.errors import UserError
    from ksd_cli.reference import load_reference
    from ksd_cli.show import show_record
    from ksd_cli.validate import load_sound_record

    sorted((corpus / "data/potentials").glob("*.yaml"))[1].unlink()  # named, now missing
    repository = open_repository(corpus)
    today = date(2025, 1, 1)
    whole = load_sound_records(repository, as_of=AS_OF, lang="en", today=today)
    files = sorted((corpus / "data").rglob("*.yaml"))
    ids = [p.stem for p in files[::4]] + [p.stem for p in files if "POT" in p.stem]
    ids += ["KSD-6402-2030-999"]  # no such record

    def view(sound: object, record_id: str) -> object:
        try:
            shown = show_record(
                sound,  # type: ignore[arg-type]
                record_id,
                repository.config,
                load_reference(),
                as_of=AS_OF,
                lang="en",
            )
        except UserError as exc:
            return str(exc)
        return shown.as_dict()

    views = []
    for record_id in ids:
        for use_cache in (True, False):
            one = load_sound_record(
                repository, record_id, as_of=AS_OF, lang="en", today=today, use_cache=use_cache
            )
            assert view(one, record_id) == view(whole, record_id), record_id
            assert one.ids == whole.ids and one.named_potentials == whole.named_potentials
            assert dict(one.errors) == dict(whole.errors)
        views.append(view(whole, record_id))
    shown = [v for v in views if isinstance(v, dict)]
    assert any(v["flags"] for v in shown) and any(v["errors"] for v in shown)
    assert any(v.get("ditindaklanjuti_oleh") for v in shown)
    assert any(isinstance(v, str) for v in views)


def test_a_cache_per_day_is_kept_and_old_ones_removed(corpus: Path, _own_cache: Path) -> None:
    from ksd_cli import cache

    days = [date(2025, 6, day) for day in range(1, 8)]
    for day in days:
        _validate(corpus, use_cache=True, as_of=day)
    assert len(_cache_files(_own_cache)) == cache.KEEP
    # The most recent days are those kept: validating as of one is warm, and the same.
    assert _validate(corpus, use_cache=True, as_of=days[-1]) == _validate(
        corpus, use_cache=False, as_of=days[-1]
    )
    assert len(_cache_files(_own_cache)) == cache.KEEP


def test_stalled_and_report_keep_their_assessments_side_by_side(
    corpus: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Running one of them does not drop what the other kept: neither reads a file again."""
    from ksd_cli import cache, validate
    from ksd_cli.reference import load_reference
    from ksd_cli.report import build_report_in
    from ksd_cli.report.model import Period
    from ksd_cli.stalled import find_stalled_in

    monkeypatch.setattr(cache, "RACY_NS", 0)  # files just written count as at rest
    parsed: list[int] = []
    check_files = validate._check_files

    def counting(missing: list[object], *args: object, **kwargs: object) -> object:
        parsed.append(len(missing))
        return check_files(missing, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(validate, "_check_files", counting)
    repo = open_repository(corpus)
    period = Period(date(2025, 1, 1), date(2025, 6, 30))

    def stalled() -> object:
        return find_stalled_in(repo, as_of=AS_OF, use_cache=True)

    def report() -> object:
        return build_report_in(repo, load_reference(), as_of=AS_OF, period=period)

    first_stalled, first_report = stalled(), report()
    assert parsed[0] > 0 and parsed[1] > 0  # each assessed every record once
    assert stalled() == first_stalled
    assert report() == first_report
    assert parsed[2:] == [0, 0]


def test_the_files_beside_an_old_index_go_with_it(corpus: Path, _own_cache: Path) -> None:
    from ksd_cli import cache
    from ksd_cli.stalled import find_stalled_in

    find_stalled_in(open_repository(corpus), as_of=date(2025, 6, 1), use_cache=True)
    first = set(_cache_files(_own_cache))
    assert any(".assessed-stalled." in path.name for path in first)
    for day in range(2, 3 + cache.KEEP):
        _validate(corpus, use_cache=True, as_of=date(2025, 6, day))
    assert not first & set(_cache_files(_own_cache))


def test_a_pickled_cache_file_is_owner_only_and_read_back_only_in_its_layout(
    tmp_path: Path,
) -> None:
    """The one way every cache file of ksd is written and read (records, answers, regions)."""
    path = tmp_path / "cache" / "jawaban.pickle"
    store_pickled(path, 3, {"text": "isi"})
    assert path.stat().st_mode & 0o777 == 0o600  # the cache holds record values
    assert read_pickled(path, 3) == {"format": 3, "text": "isi"}
    assert read_pickled(path, 4) is None  # another layout is no cache
    path.write_bytes(path.read_bytes()[:-3])
    assert read_pickled(path, 3) is None  # nor a corrupt file
    assert read_pickled(tmp_path / "tidak-ada.pickle", 3) is None


class _Unpicklable:
    def __reduce__(self) -> tuple[object, ...]:
        raise pickle.PicklingError("not this one")


def test_a_pickled_cache_file_that_cannot_be_made_is_skipped_whole(tmp_path: Path) -> None:
    path = tmp_path / "jawaban.pickle"
    store_pickled(path, 1, {"text": "lama"})
    store_pickled(path, 1, {"text": _Unpicklable()})  # half written, then let go: the old stays
    assert read_pickled(path, 1) == {"format": 1, "text": "lama"}
    assert [p.name for p in tmp_path.iterdir()] == ["jawaban.pickle"]  # no temporary left
    (tmp_path / "berkas").write_text("")
    store_pickled(tmp_path / "berkas" / "x.pickle", 1, {})  # a folder that cannot be made


def _entry(digest: str) -> Entry:
    return Entry((1, 2, 3, 4), digest, None, (), ())


def test_few_changed_entries_are_written_beside_the_index_and_read_over_it(tmp_path: Path) -> None:
    index = tmp_path / "index.pickle"
    first = {f"data/agreements/{i}.yaml": _entry(f"d{i}") for i in range(200)}
    cache = RecordCache(index, "salt")
    cache.write(first)
    assert not cache.changes_path.exists()

    reading = RecordCache(index, "salt")
    entries = reading.read()
    assert entries == first
    whole = index.read_bytes()
    edited = dict(entries)
    edited["data/agreements/7.yaml"] = _entry("edited")
    edited["data/agreements/new.yaml"] = _entry("new")
    del edited["data/agreements/9.yaml"]
    cross = ("key", ())
    reading.write(edited, cross)
    assert index.read_bytes() == whole  # the index itself is not written again
    assert cache.changes_path.exists()

    again = RecordCache(index, "salt")
    assert again.read() == edited
    assert again.cross == cross
    # The next run writes every change since the index: the earlier ones are kept.
    later = again.read()
    later["data/agreements/8.yaml"] = _entry("later")
    again.write(later)
    assert RecordCache(index, "salt").read() == later
    assert index.read_bytes() == whole


def test_many_changed_entries_write_the_index_whole_and_drop_the_changes(tmp_path: Path) -> None:
    index = tmp_path / "index.pickle"
    cache = RecordCache(index, "salt")
    cache.write({f"{i}.yaml": _entry(f"d{i}") for i in range(1000)})
    reading = RecordCache(index, "salt")
    few = reading.read()
    few["1.yaml"] = _entry("x")
    reading.write(few)
    assert reading.changes_path.exists()

    many = RecordCache(index, "salt")
    entries = many.read()
    for i in range(150):  # more than a tenth of the index
        entries[f"{i}.yaml"] = _entry(f"y{i}")
    many.write(entries)
    assert not many.changes_path.exists()
    assert RecordCache(index, "salt").read() == entries


def test_a_change_file_of_another_index_or_corrupt_is_no_change(tmp_path: Path) -> None:
    index = tmp_path / "index.pickle"
    RecordCache(index, "salt").write({f"{i}.yaml": _entry(f"d{i}") for i in range(100)})
    reading = RecordCache(index, "salt")
    entries = reading.read()
    entries["1.yaml"] = _entry("changed")
    reading.write(entries)
    changes = reading.changes_path.read_bytes()

    # The index written whole again (by another run): the change file left of the old one
    # is not read over it.
    rewritten = {f"{i}.yaml": _entry(f"r{i}") for i in range(100)}
    RecordCache(index, "salt").write(rewritten)
    reading.changes_path.write_bytes(changes)
    assert RecordCache(index, "salt").read() == rewritten

    reading.changes_path.write_bytes(b"not a pickle")
    assert RecordCache(index, "salt").read() == rewritten
    assert RecordCache(index, "another salt").read() == {}


def test_findings_through_the_change_file_equal_those_without_the_cache(
    corpus: Path, _own_cache: Path
) -> None:
    _validate(corpus, use_cache=True)
    (index,) = _cache_files(_own_cache)
    whole = index.read_bytes()
    agreements = sorted((corpus / "data/agreements").glob("*.yaml"))
    # Edits one after another, each run writing only what changed since the index.
    agreements[2].write_text(
        agreements[2].read_text(encoding="utf-8").replace("judul:", "judul_baru:", 1),
        encoding="utf-8",
    )
    assert _validate(corpus, use_cache=True) == _validate(corpus, use_cache=False)
    agreements[4].unlink()
    (corpus / "data/agreements" / agreements[4].name).write_text(
        agreements[5].read_text(encoding="utf-8"), encoding="utf-8"
    )  # a duplicate id: a finding across records
    expected = _validate(corpus, use_cache=False)
    assert _validate(corpus, use_cache=True) == expected
    assert _validate(corpus, use_cache=True) == expected  # warm, from the index and its changes
    assert index.read_bytes() == whole
    assert any(p.name.endswith(".changes.pickle") for p in _cache_files(_own_cache))
