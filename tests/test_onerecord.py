"""One record's view from the cache's summary: the same as from the whole repository."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from helpers import planted_corpus

from ksd_cli import cache, validate
from ksd_cli.cli import main

AS_OF = ["--as-of", "2025-06-30"]


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A generated repository with planted mistakes, a duplicate id and a file that never loads.

    Its files count as long at rest (``RACY_NS``), as a user's files are: the summary is
    written and trusted.
    """
    monkeypatch.setattr(cache, "RACY_NS", 0)
    return planted_corpus(tmp_path / "repo")


class Scans:
    """Counts the whole-repository scans (``validate._scan_across``) made."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        whole = validate._scan_across

        def counted(*args: object, **kwargs: object) -> object:
            self.count += 1
            return whole(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(validate, "_scan_across", counted)


def _ids(root: Path) -> list[str]:
    files = sorted((root / "data").rglob("*.yaml"))
    potentials = [p.stem for p in files if p.stem.startswith("POT")]
    duplicated = sorted((root / "data/agreements").glob("*.yaml"))[2].stem
    planted = [duplicated, "KSD-6402-2030-777", "KSD-6402-2030-888", "KSD-6402-2030-999"]
    return [p.stem for p in files[::5]] + potentials[:2] + planted


Shown = tuple[int, str, str]


def _show(
    root: Path, record_id: str, fmt: str, capsys: pytest.CaptureFixture[str], *extra: str
) -> Shown:
    """Exit code, output and errors of ``ksd show``."""
    args = ["show", record_id, "--root", str(root), "--format", fmt, "--lang", "en", *AS_OF]
    code = main([*args, *extra])
    out, err = capsys.readouterr()
    return code, out, err


def _every_view(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Shown]:
    return {
        f"{record_id} {fmt}": _show(root, record_id, fmt, capsys, *extra)
        for record_id in _ids(root)
        for fmt in ("json", "text")
    }


def test_views_from_the_summary_are_those_of_the_whole_repository(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _every_view(corpus, capsys, "--no-cache")
    outcomes = {code for code, _, _ in expected.values()}
    assert outcomes == {0, 1}  # shown, and refused (not found, does not load)
    texts = " ".join(out + err for _, out, err in expected.values())
    assert "duplicate-id" in texts and "KSD-6402-2030-888" in texts
    assert '"ditindaklanjuti_oleh": [\n    "KSD' in texts  # a potential followed up

    scans = Scans(monkeypatch)
    assert _every_view(corpus, capsys) == expected  # cold, then from the summary
    assert scans.count == 1  # the first view wrote the summary; the others read only that
    assert _every_view(corpus, capsys) == expected
    assert scans.count == 1


def _change(root: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Shown]:
    return _every_view(root, capsys, "--no-cache")


@pytest.mark.parametrize("change", ["edited", "added", "removed", "potential removed"])
def test_a_change_to_any_file_is_seen(
    corpus: Path,
    change: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    agreements = sorted((corpus / "data/agreements").glob("*.yaml"))
    _show(corpus, agreements[0].stem, "json", capsys)  # writes the summary
    if change == "edited":  # another record now carries the same id as the first
        text = agreements[5].read_text("utf-8")
        agreements[5].write_text(text.replace(agreements[5].stem, agreements[0].stem), "utf-8")
    elif change == "added":
        shutil.copyfile(agreements[0], corpus / "data/agreements/KSD-6402-2031-001.yaml")
    elif change == "removed":
        agreements[1].unlink()
    else:
        potentials = sorted((corpus / "data/potentials").glob("*.yaml"))
        for potential in potentials:
            potential.unlink()
    expected = _show(corpus, agreements[0].stem, "json", capsys, "--no-cache")
    scans = Scans(monkeypatch)
    assert _show(corpus, agreements[0].stem, "json", capsys) == expected
    assert scans.count == 1  # stale: read the whole way
    assert _show(corpus, agreements[0].stem, "json", capsys) == expected
    assert scans.count == 1  # and summarised again
    assert _every_view(corpus, capsys) == _change(corpus, capsys)


def test_a_file_changed_moments_ago_is_not_trusted(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 10**18)  # every file changed moments ago
    first = sorted((corpus / "data/agreements").glob("*.yaml"))[0].stem
    scans = Scans(monkeypatch)
    for _ in range(2):
        assert _show(corpus, first, "json", capsys)[0] == 0
    assert scans.count == 2  # no summary is written from files that may still change
    assert not list(Path(cache.cache_folder()).rglob("*.summary.pickle"))


@pytest.mark.parametrize("damage", ["corrupt", "foreign", "empty"])
def test_a_corrupt_or_foreign_summary_is_ignored(
    corpus: Path,
    damage: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = sorted((corpus / "data/agreements").glob("*.yaml"))[0].stem
    # As text: a JSON view would come from the answers kept above the summary (ksd_cli.answers).
    expected = _show(corpus, first, "text", capsys, "--no-cache")
    assert _show(corpus, first, "text", capsys) == expected
    (summary,) = Path(cache.cache_folder()).rglob("*.summary.pickle")
    if damage == "corrupt":
        summary.write_bytes(summary.read_bytes()[:100])
    elif damage == "foreign":  # as written by another version of ksd
        stored = pickle.loads(summary.read_bytes())  # noqa: S301 - the test's own file
        summary.write_bytes(pickle.dumps({**stored, "format": cache.FORMAT + 1}))
    else:
        summary.write_bytes(b"")
    scans = Scans(monkeypatch)
    assert _show(corpus, first, "text", capsys) == expected
    assert scans.count == 1


def test_the_sample_repository_is_shown_the_same(
    project_root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    expected = _every_view(project_root, capsys, "--no-cache")
    assert _every_view(project_root, capsys) == expected
    scans = Scans(monkeypatch)
    assert _every_view(project_root, capsys) == expected
    assert scans.count == 0


@pytest.mark.parametrize("entry", ["symlink", "folder"])
def test_a_link_or_a_folder_named_like_a_record_is_seen(
    corpus: Path, entry: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    agreements = sorted((corpus / "data/agreements").glob("*.yaml"))
    _show(corpus, agreements[0].stem, "text", capsys)  # writes the summary
    named = corpus / "data/agreements/KSD-6402-2031-001.yaml"
    if entry == "symlink":  # a finding of its own: never followed
        named.symlink_to(agreements[1])
    else:  # not a record: the summary still holds
        named.mkdir()
    expected = _every_view(corpus, capsys, "--no-cache")
    scans = Scans(monkeypatch)
    assert (
        _show(corpus, agreements[0].stem, "text", capsys) == expected[f"{agreements[0].stem} text"]
    )
    assert scans.count == (1 if entry == "symlink" else 0)
    assert _every_view(corpus, capsys) == expected
