"""Which records are sound enough to assess, and what is read of the others."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ksd_cli.diagnostics import Diagnostic, Severity
from ksd_cli.repository import open_repository
from ksd_cli.validate import (
    MAX_FINDINGS_PER_FILE,
    cap_per_file,
    load_sound_records,
    named_potentials,
)

AS_OF = date(2025, 6, 30)


def test_named_potentials_reads_the_potensi_list_when_the_yaml_parses() -> None:
    text = (
        "id: KSD-6402-2021-001\njudull: x\npotensi:\n  - POT-6402-2020-001\n  - POT-64-2021-002\n"
    )
    assert named_potentials(text) == {"POT-6402-2020-001", "POT-64-2021-002"}
    assert named_potentials("id: KSD-6402-2021-001\npotensi: POT-6402-2020-001\n") == {
        "POT-6402-2020-001"
    }
    # A comment naming a potential is not a reference when the list can be read.
    assert named_potentials("# POT-6402-2020-009\nid: KSD-6402-2021-001\n") == frozenset()


def test_named_potentials_scans_the_text_when_the_yaml_does_not_parse() -> None:
    text = "id: [KSD-6402-2021-001\npotensi:\n  - POT-6402-2020-001\n  - POT-6402-2020-0022x\n"
    assert named_potentials(text) == {"POT-6402-2020-001"}
    assert named_potentials("potensi: [1, 2]\n# POT-6402-2020-003\n") == {"POT-6402-2020-003"}
    assert named_potentials(None) == frozenset()


def test_sound_records_keep_out_every_record_with_an_error_and_no_warning(
    sample_repo: Path,
) -> None:
    agreements = sample_repo / "data" / "agreements"
    # An error from a rule (C007), from loading (a duplicate key) and from the schema.
    rule = agreements / "KSD-6402-2022-002.yaml"
    rule.write_text(
        rule.read_text("utf-8").replace("tanggal_ttd: 2022", "tanggal_ttd: 2099", 1), "utf-8"
    )
    duplicate = agreements / "KSD-6402-2023-001.yaml"
    duplicate.write_text(duplicate.read_text("utf-8") + "judul: lagi\n", "utf-8")
    schema = agreements / "KSD-6402-2021-001.yaml"
    schema.write_text("id: [KSD-6402-2021-001\n" + schema.read_text("utf-8"), "utf-8")
    sound = load_sound_records(open_repository(sample_repo), as_of=AS_OF, lang="id")
    unsound = {
        "data/agreements/KSD-6402-2022-002.yaml",
        "data/agreements/KSD-6402-2023-001.yaml",
        "data/agreements/KSD-6402-2021-001.yaml",
    }
    assert set(sound.errors) == unsound
    assert unsound <= sound.loaded.invalid
    assert not {r.source.rel for r in sound.loaded.records} & unsound
    assert {r.source.rel for r in sound.unsound} == unsound - {
        "data/agreements/KSD-6402-2021-001.yaml"
    }
    # What each of them names is still known, parsed or scanned.
    assert {"POT-6402-2022-001", "POT-6402-2023-001", "POT-6402-2021-001"} <= (
        sound.named_potentials
    )
    # Every sample record file still counts for the owning region.
    assert len(sound.ids) == 39


def test_a_date_after_the_as_of_day_is_no_error_when_looking_back(sample_repo: Path) -> None:
    repo = open_repository(sample_repo)
    back = date(2023, 1, 1)
    assert load_sound_records(repo, as_of=back, lang="id", today=AS_OF).errors == {}
    assert load_sound_records(repo, as_of=back, lang="id").errors != {}


# The cap on findings per file ----------------------------------------------------------------


def _finding(path: str, line: int) -> Diagnostic:
    return Diagnostic(path, line, 1, "S002", "unknown-key", Severity.ERROR, f"kunci {line}")


def test_a_file_lists_its_first_findings_and_counts_the_rest() -> None:
    many = [_finding("a.yaml", line) for line in range(250, 0, -1)]
    few = [_finding("b.yaml", line) for line in range(1, 4)]
    kept = cap_per_file([*many, *few], "en")
    a = [d for d in kept if d.path == "a.yaml"]
    assert len(a) == MAX_FINDINGS_PER_FILE + 1
    assert [d.line for d in a[:-1]] == list(range(1, MAX_FINDINGS_PER_FILE + 1))
    closing = a[-1]
    assert (closing.code, closing.line, closing.severity) == ("Y014", 100, Severity.ERROR)
    assert closing.message.startswith("and 150 more")
    assert [d for d in kept if d.path == "b.yaml"] == few


def test_the_closing_finding_is_worded_in_indonesian() -> None:
    kept = cap_per_file([_finding("a.yaml", n) for n in range(1, 103)], "id")
    assert kept[-1].message.startswith("dan 2 temuan lain")


def test_packed_assessments_unpack_to_their_values_in_order(sample_repo: Path) -> None:
    """Each chunk's values packed together come back as they were, whatever sits between."""
    from ksd_cli.validate import Packed, unpacked

    sources = open_repository(sample_repo).source_files()[:6]
    first = Packed.each([{"a": 1}, ("b", date(2024, 1, 2))])
    second = Packed.each(["c"])
    pairs: list[tuple[object, object]] = [
        (sources[0], first[0]),
        (sources[1], "plain"),  # made in the parent (from the cache's records): not packed
        (sources[2], first[1]),
        (sources[3], second[0]),
        (sources[4], first[0]),  # a blob met again after another one
    ]
    assert first[0].blob is first[1].blob and first[0].blob is not second[0].blob
    got = unpacked(pairs)  # type: ignore[arg-type]
    assert got == (
        (sources[0], {"a": 1}),
        (sources[1], "plain"),
        (sources[2], ("b", date(2024, 1, 2))),
        (sources[3], "c"),
        (sources[4], {"a": 1}),
    )
    assert pairs == []  # emptied as read, so that each blob goes once read


def test_many_packed_blobs_unpack_in_order_with_the_heap_trimmed_between(
    sample_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pickles are let go as they are read, and the C heap trimmed every few of them."""
    from ksd_cli import validate
    from ksd_cli.validate import Packed, unpacked

    trims: list[int] = []
    monkeypatch.setattr(validate, "TRIM_EVERY", 3)
    monkeypatch.setattr(validate, "_trim_heap", lambda: trims.append(len(pairs)))
    source = open_repository(sample_repo).source_files()[0]
    pairs: list[tuple[object, object]] = [
        (source, packed) for n in range(7) for packed in Packed.each([n, str(n)])
    ]
    got = unpacked(pairs)  # type: ignore[arg-type]
    assert [value for _, value in got] == [v for n in range(7) for v in (n, str(n))]
    # on reading the third and the sixth blob (of two values each), and once all are out
    assert trims == [9, 3, 0]
