"""Answers kept by ``ksd show`` and ``ksd draft``: the same as made in full, and never stale."""

from __future__ import annotations

import io
import pickle
import re
import shutil
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from helpers import planted_corpus

from ksd_cli import answers, cache, validate
from ksd_cli.cli import main

AS_OF = ["--as-of", "2025-06-30"]
Ran = tuple[int, str, str]


class Made:
    """Counts the answers made in full (``ksd show``'s loading, ``ksd draft``'s rendering)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import ksd_cli.draft

        self.count = 0
        for module, name in ((validate, "load_sound_record"), (ksd_cli.draft, "render_naskah")):
            whole = getattr(module, name)
            monkeypatch.setattr(module, name, self._counted(whole))

    def _counted(self, whole: Callable[..., object]) -> Callable[..., object]:
        def counted(*args: object, **kwargs: object) -> object:
            self.count += 1
            return whole(*args, **kwargs)

        return counted


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> Made:
    return Made(monkeypatch)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A generated repository with planted mistakes, a duplicate id and a file that never loads.

    Its files count as long at rest (``RACY_NS``), as a user's files are.
    """
    monkeypatch.setattr(cache, "RACY_NS", 0)
    return planted_corpus(tmp_path / "repo")


def _show(root: Path, record_id: str, capsys: pytest.CaptureFixture[str], *extra: str) -> Ran:
    args = ["show", record_id, "--root", str(root), "--format", "json", "--lang", "en", *AS_OF]
    code = main([*args, *extra])
    out, err = capsys.readouterr()
    return code, out, err


def _ids(root: Path) -> list[str]:
    """Found, flagged, unsound, potentials, a duplicate id, a broken file, a missing id."""
    files = sorted((root / "data").rglob("*.yaml"))
    potentials = [p.stem for p in files if p.stem.startswith("POT")]
    duplicated = sorted((root / "data/agreements").glob("*.yaml"))[2].stem
    planted = [duplicated, "KSD-6402-2030-777", "KSD-6402-2030-888", "KSD-6402-2030-999"]
    return list(dict.fromkeys([p.stem for p in files[::3]] + potentials[:2] + planted))


def _every_view(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Ran]:
    return {record_id: _show(root, record_id, capsys, *extra) for record_id in _ids(root)}


def test_kept_views_are_those_made_in_full(
    corpus: Path, made: Made, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = _every_view(corpus, capsys, "--no-cache")
    assert {code for code, _, _ in expected.values()} == {0, 1}  # shown and refused both
    assert any('"flags": [\n    {' in out for _, out, _ in expected.values())
    assert any('"errors": [\n    {' in out for _, out, _ in expected.values())
    assert _every_view(corpus, capsys) == expected  # cold: made and kept
    shown = sum(code == 0 for code, _, _ in expected.values())
    made.count = 0
    assert _every_view(corpus, capsys) == expected  # warm
    assert made.count == len(expected) - shown  # only the refusals (never kept) were made


def _edit_record(root: Path) -> None:
    """Another record now carries the same id as the first (an error in both)."""
    agreements = sorted((root / "data/agreements").glob("*.yaml"))
    text = agreements[5].read_text("utf-8")
    agreements[5].write_text(text.replace(agreements[5].stem, agreements[0].stem), "utf-8")


def _add_record(root: Path) -> None:
    first = sorted((root / "data/agreements").glob("*.yaml"))[0]
    shutil.copyfile(first, root / "data/agreements/KSD-6402-2031-001.yaml")


def _remove_potentials(root: Path) -> None:
    for potential in sorted((root / "data/potentials").glob("*.yaml")):
        potential.unlink()


def _edit_config(root: Path) -> None:
    text = (root / "ksd.toml").read_text("utf-8")
    (root / "ksd.toml").write_text(text + '\n[validate]\nignore = ["S009"]\n', "utf-8")


def _remove_config(root: Path) -> None:
    (root / "ksd.toml").unlink()


CHANGES: dict[str, Callable[[Path], object]] = {
    "record edited": _edit_record,
    "record added": _add_record,
    "potentials removed": _remove_potentials,
    "ksd.toml edited": _edit_config,
    "ksd.toml removed": _remove_config,
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_is_seen(
    corpus: Path, change: str, made: Made, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _every_view(corpus, capsys)  # made and kept
    CHANGES[change](corpus)
    expected = _every_view(corpus, capsys, "--no-cache")
    if change != "ksd.toml removed":  # the defaults say what this ksd.toml said
        assert expected != before
    made.count = 0
    assert _every_view(corpus, capsys) == expected
    assert made.count == len(expected)  # every kept answer was stale
    made.count = 0
    assert _every_view(corpus, capsys) == expected
    assert made.count == sum(code != 0 for code, _, _ in expected.values())


def test_a_file_changed_moments_ago_is_never_kept(
    corpus: Path, made: Made, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 10**18)  # every file changed moments ago
    first = sorted((corpus / "data/agreements").glob("*.yaml"))[0].stem
    for _ in range(2):
        assert _show(corpus, first, capsys)[0] == 0
    assert made.count == 2
    assert not list(Path(cache.cache_folder()).rglob("answers/*"))


def test_a_file_changed_while_the_answer_was_made_is_not_kept(
    corpus: Path, made: Made, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = sorted((corpus / "data/agreements").glob("*.yaml"))[0]
    loading = validate.load_sound_record

    def edited_meanwhile(*args: object, **kwargs: object) -> object:
        found = loading(*args, **kwargs)  # type: ignore[arg-type]
        first.write_text(first.read_text("utf-8") + "# disunting\n", "utf-8")
        return found

    monkeypatch.setattr(validate, "load_sound_record", edited_meanwhile)
    _show(corpus, first.stem, capsys)
    assert not list(Path(cache.cache_folder()).rglob("answers/*"))


@pytest.mark.parametrize("damage", ["corrupt", "foreign", "empty", "another ksd"])
def test_a_corrupt_or_foreign_file_is_ignored(
    corpus: Path,
    damage: str,
    made: Made,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = sorted((corpus / "data/agreements").glob("*.yaml"))[0].stem
    expected = _show(corpus, first, capsys, "--no-cache")
    assert _show(corpus, first, capsys) == expected
    (kept,) = Path(cache.cache_folder()).rglob("answers/*")
    if damage == "corrupt":
        kept.write_bytes(kept.read_bytes()[:100])
    elif damage == "foreign":  # as written by another layout
        stored = pickle.loads(kept.read_bytes())  # noqa: S301 - the test's own file
        kept.write_bytes(pickle.dumps({**stored, "format": answers.FORMAT + 1}))
    elif damage == "empty":
        kept.write_bytes(b"")
    else:  # another version (or a development copy edited since)
        monkeypatch.setattr(cache, "code_fingerprint", lambda: "another")
    made.count = 0
    assert _show(corpus, first, capsys) == expected
    assert made.count == 1
    assert _show(corpus, first, capsys) == expected
    assert made.count == 1  # kept again


def test_another_day_is_another_answer(
    corpus: Path, made: Made, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = sorted((corpus / "data/agreements").glob("*.yaml"))[0].stem

    def today(*extra: str) -> Ran:  # as of today in the region's time zone (no --as-of)
        code = main(["show", first, "--root", str(corpus), "--format", "json", *extra])
        out, err = capsys.readouterr()
        return code, out, err

    monkeypatch.setattr(answers, "today_in", lambda zone: date(2031, 1, 1))
    later = today("--no-cache")
    monkeypatch.setattr(answers, "today_in", lambda zone: date(2025, 7, 1))
    expected = today("--no-cache")
    assert later != expected
    assert today() == expected
    assert today() == expected
    monkeypatch.setattr(answers, "today_in", lambda zone: date(2031, 1, 1))
    made.count = 0
    assert today() == later
    assert made.count == 1
    assert _show(corpus, first, capsys) == _show(corpus, first, capsys, "--no-cache")


def test_no_cache_neither_reads_nor_keeps_answers(
    corpus: Path, made: Made, capsys: pytest.CaptureFixture[str]
) -> None:
    first = sorted((corpus / "data/agreements").glob("*.yaml"))[0].stem
    expected = _show(corpus, first, capsys, "--no-cache")
    assert not list(Path(cache.cache_folder()).rglob("answers/*"))
    assert _show(corpus, first, capsys) == expected
    made.count = 0
    assert _show(corpus, first, capsys, "--no-cache") == expected
    assert made.count == 1


def test_answers_are_readable_by_their_owner_alone(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = sorted((corpus / "data/agreements").glob("*.yaml"))[0].stem
    _show(corpus, first, capsys)
    (kept,) = Path(cache.cache_folder()).rglob("answers/*")
    assert kept.stat().st_mode & 0o777 == 0o600  # they hold record text


def test_the_witness_sees_every_kind_of_change(tmp_path: Path) -> None:
    folder, tree = tmp_path / "records", tmp_path / "templates"
    (tree / "en").mkdir(parents=True)
    folder.mkdir()
    (folder / "a.yaml").write_text("id: a\n", "utf-8")
    (tree / "en" / "kb.md.j2").write_text("KB\n", "utf-8")

    def seen() -> answers.Witness | None:
        config = answers.config_bytes(tmp_path)
        return answers.witness(tmp_path, config, [folder], [tree], now_ns=2**62)

    first = seen()
    assert first is not None and seen() == first
    changes: list[Callable[[], object]] = [
        lambda: (folder / "a.yaml").write_text("id: b\n", "utf-8"),  # same size
        lambda: (folder / "b.yaml").write_text("id: b\n", "utf-8"),
        lambda: (folder / "a.yaml").unlink(),
        lambda: (tree / "en" / "kb.md.j2").write_text("KB!\n", "utf-8"),
        lambda: (tree / "en" / "pks.md.j2").write_text("PKS\n", "utf-8"),
        lambda: (tmp_path / "ksd.toml").write_text("[daerah]\n", "utf-8"),
        lambda: (tmp_path / "ksd.toml").write_text("[daerah] \n", "utf-8"),
    ]
    for change in changes:
        before = seen()
        change()
        assert seen() != before
    assert answers.witness(tmp_path, None, [folder], [tree]) is None  # changed moments ago


# ``ksd draft``: the same naskah, notes and files from a kept answer.


def _draft(root: Path, capsys: pytest.CaptureFixture[str], out: Path, *args: str) -> Ran:
    code = main(["draft", *args, "--root", str(root), "--output", str(out), "--force", *AS_OF])
    printed, err = capsys.readouterr()
    return code, printed, err


def _drafted(path: Path) -> object:
    """What a draft file holds: Markdown's text, or each part of a Word file without the
    times written into it (of its zip entries, of its comments), which differ on every run."""
    if path.suffix == ".md":
        return path.read_text("utf-8")
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as parts:
        return {
            info.filename: re.sub(rb' w:date="[^"]*"', b"", parts.read(info))
            for info in parts.infolist()
        }


def _made_again(expected: list[tuple[Ran, object]]) -> int:
    """How many of :data:`DRAFTS` are made on every run: refusals, and Word files."""
    return sum(
        ran[0] != 0 or suffix == "docx"
        for (ran, _), (_, suffix, _) in zip(expected, DRAFTS, strict=True)
    )


DRAFTS = [
    ("KSD-6402-2020-001", "md", ()),
    ("KSD-6402-2020-001", "docx", ("--naskah", "2")),
    ("KSD-6402-2023-001", "md", ("--naskah", "2", "--draft")),  # with blanks and notes
    ("KSD-6402-2023-001", "md", ("--naskah", "2")),  # refused: data missing
    ("KSD-6402-2024-003", "md", ("--draft",)),  # a new KB for a record without naskah
    ("KSD-6402-2024-003", "docx", ("--naskah", "perjanjian_kerja_sama", "--draft")),
    ("KSD-6402-2099-001", "md", ()),  # no such record
]


def _every_draft(
    root: Path, capsys: pytest.CaptureFixture[str], folder: Path, *extra: str
) -> list[tuple[Ran, object]]:
    found = []
    for n, (record_id, suffix, args) in enumerate(DRAFTS):
        out = folder / f"{n}.{suffix}"
        out.unlink(missing_ok=True)
        ran = _draft(root, capsys, out, record_id, *args, *extra)
        found.append((ran, _drafted(out) if out.exists() else None))
    return found


@pytest.fixture
def sample(sample_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    return sample_repo


def _template(root: Path) -> None:
    bundled = Path(__file__).resolve().parent.parent / "templates/kesepakatan_bersama.md.j2"
    (root / "templates").mkdir(exist_ok=True)
    text = bundled.read_text("utf-8")
    (root / "templates/kesepakatan_bersama.md.j2").write_text(text + "\nTembusan: Arsip\n")


def _edit_template(root: Path) -> None:
    path = root / "templates/kesepakatan_bersama.md.j2"
    path.write_text(path.read_text("utf-8") + "Tembusan: Gubernur\n", "utf-8")


def _edit_tpa(root: Path) -> None:
    path = root / "data/agreements/KSD-6402-2020-001.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("judul: ", "judul: Perubahan ", 1), "utf-8")


def _template_edited(root: Path) -> None:
    _template(root)
    _edit_template(root)


def _address_given(root: Path) -> None:
    """The region's address, which a naskah writes beside its name."""
    text = (root / "ksd.toml").read_text("utf-8")
    given = text.replace("[daerah]\n", '[daerah]\nalamat = "Jalan Baru Nomor 2"\n', 1)
    assert given != text
    (root / "ksd.toml").write_text(given, "utf-8")


def _add_tpa_copy(root: Path) -> None:
    tpa = root / "data/agreements/KSD-6402-2020-001.yaml"
    shutil.copyfile(tpa, root / "data/agreements/KSD-6402-2031-001.yaml")


DRAFT_CHANGES: dict[str, Callable[[Path], object]] = {
    "record edited": _edit_tpa,
    "user template added": _template,
    "user template edited": _template_edited,
    "ksd.toml edited": _address_given,
    "record added": _add_tpa_copy,
}


def test_kept_drafts_are_those_made_in_full(
    sample: Path, made: Made, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "out").mkdir()
    expected = _every_draft(sample, capsys, tmp_path / "out", "--no-cache")
    assert {ran[0] for ran, _ in expected} == {0, 1}
    assert any(ran[2] for ran, _ in expected if ran[0] == 0)  # notes on stderr too
    assert _every_draft(sample, capsys, tmp_path / "out") == expected
    made.count = 0
    assert _every_draft(sample, capsys, tmp_path / "out") == expected
    assert made.count == _made_again(expected)


@pytest.mark.parametrize("change", DRAFT_CHANGES)
def test_a_change_to_a_draft_is_seen(
    sample: Path, change: str, made: Made, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "out").mkdir()
    before = _every_draft(sample, capsys, tmp_path / "out")  # made and kept
    DRAFT_CHANGES[change](sample)
    expected = _every_draft(sample, capsys, tmp_path / "out", "--no-cache")
    if change != "record added":  # a change elsewhere leaves these drafts as they were
        assert expected != before
    made.count = 0
    assert _every_draft(sample, capsys, tmp_path / "out") == expected
    assert made.count == len(DRAFTS)
    made.count = 0
    assert _every_draft(sample, capsys, tmp_path / "out") == expected
    assert made.count == _made_again(expected)


def test_a_draft_to_stdout_is_kept_apart(
    sample: Path, made: Made, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["draft", "KSD-6402-2020-001", "--root", str(sample), *AS_OF]
    assert main([*args, "--output", "-"]) == 0
    expected = capsys.readouterr()
    assert expected.out.startswith("---\n")
    assert main([*args, "--output", "-"]) == 0
    assert capsys.readouterr() == expected
    made.count = 0
    assert main([*args, "--output", "-"]) == 0
    assert capsys.readouterr() == expected
    assert made.count == 0


def test_a_kept_answer_imports_neither_models_nor_templates(sample: Path, tmp_path: Path) -> None:
    """The point of keeping answers: the warm path is start-up, a listing and a write."""
    import subprocess
    import sys

    script = (
        "import sys; from ksd_cli import cache; cache.RACY_NS = 0\n"
        "from ksd_cli.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "heavy = ('ksd_cli.models', 'ksd_cli.config', 'ksd_cli.validate', 'jinja2', 'num2words')\n"
        "print(code, *sorted(m for m in heavy if m in sys.modules))\n"
    )
    show = ["show", "KSD-6402-2020-001", "--root", str(sample), "--format", "json", *AS_OF]
    out = tmp_path / "naskah.md"
    draft = ["draft", "KSD-6402-2020-001", "--root", str(sample), "-o", str(out), "--force"]
    for command in (show, draft):
        runs = [
            subprocess.run(
                [sys.executable, "-c", script, *command], capture_output=True, text=True, check=True
            ).stdout.splitlines()[-1]
            for _ in range(2)
        ]
        assert "ksd_cli.models" in runs[0].split()  # made in full
        assert runs[1] == "0"  # kept
