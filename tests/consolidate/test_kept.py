"""The kept answer of ``ksd consolidate``: given early while no repository changed, else anew."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from gitrepos import commit, git
from helpers import console_script, generator

from ksd_cli import cache
from ksd_cli.cli import main
from ksd_cli.consolidate import LIST_FILE, kept
from ksd_cli.launch import early_answer

AS_OF = ["--as-of", "2025-06-30"]


@pytest.fixture
def regions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of three generated regions with mirrored pairs, long at rest (``RACY_NS``)."""
    monkeypatch.setattr(cache, "RACY_NS", 0)
    folder = tmp_path / "regions"
    generator().generate_regions(folder, 3, 30, seed=5, mirrored=3)
    return folder


@pytest.fixture
def cache_dir(_own_cache: Path) -> Path:
    """The test's cache folder (``KSD_CACHE_DIR``)."""
    return _own_cache


def _command(folder: Path, *more: str, format: str = "json") -> list[str]:  # noqa: A002
    return ["consolidate", str(folder), "--format", format, *AS_OF, *more]


def _full(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The full command line's output; it printed nothing else, and succeeded."""
    code = main(arguments)
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out


def _early(arguments: list[str]) -> str | None:
    answer = early_answer(arguments)
    if answer is None:
        return None
    assert (answer.stderr, answer.code, answer.file) == ("", 0, None)
    return answer.stdout


@pytest.mark.parametrize("format", ["json", "md"])
def test_the_early_answer_is_the_full_one(
    regions: Path, format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = _command(regions, format=format)
    assert _early(arguments) is None  # nothing kept yet
    made = _full(arguments, capsys)
    assert made and _early(arguments) == made
    assert _full([*arguments, "--no-cache"], capsys) == made  # as read anew
    # Other options are another answer, made in full and kept in the answer's place.
    english = [*arguments, "--lang", "en", "--expected", "semua"]
    assert _early(english) is None
    made_english = _full(english, capsys)
    assert made_english != made and _early(english) == made_english
    assert _early(arguments) is None  # in its place
    other = "md" if format == "json" else "json"  # another format is kept beside it
    made_other = _full(_command(regions, format=other), capsys)
    assert _early(_command(regions, format=other)) == made_other
    assert _early(english) == made_english


def test_a_list_file_is_a_request_too(
    regions: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    names = sorted(p.name for p in regions.iterdir())
    entries = "".join(f'[[sumber]]\nlokasi = "regions/{name}"\n\n' for name in names)
    (regions.parent / LIST_FILE).write_text(entries, "utf-8")
    monkeypatch.chdir(regions.parent)
    arguments = ["consolidate", "--format", "json", *AS_OF]  # the list file of the folder
    made = _full(arguments, capsys)
    assert _early(arguments) == made
    # One source fewer in the list: another request.
    (regions.parent / LIST_FILE).write_text(entries.split("\n\n", 1)[1], "utf-8")
    assert _early(arguments) is None


def _edit_record(folder: Path) -> None:
    record = sorted((folder / "data" / "agreements").glob("*.yaml"))[1]
    record.write_text(record.read_text("utf-8") + "tidak_dikenal: 1\n", "utf-8")


def _add_record(folder: Path) -> None:
    records = sorted((folder / "data" / "agreements").glob("*.yaml"))
    shutil.copyfile(records[0], records[0].with_name("tambahan.yaml"))


def _remove_record(folder: Path) -> None:
    sorted((folder / "data" / "potentials").glob("*.yaml"))[0].unlink()


def _touch_record(folder: Path) -> None:
    sorted((folder / "data" / "agreements").glob("*.yaml"))[0].touch()


def _edit_config(folder: Path) -> None:
    with (folder / "ksd.toml").open("a", encoding="utf-8") as stream:
        stream.write("\n[validate]\nmax_file_kb = 1\n")


def _add_region(folder: Path) -> None:
    first = sorted(folder.parent.iterdir())[0]
    shutil.copytree(first, first.with_name("r999-salinan"))


def _remove_region(folder: Path) -> None:
    shutil.rmtree(sorted(folder.parent.iterdir())[-1])


def _make_checkout(folder: Path) -> None:
    (folder / ".git").mkdir()


@pytest.mark.parametrize(
    "change",
    [
        _edit_record,
        _add_record,
        _remove_record,
        _touch_record,
        _edit_config,
        _add_region,
        _remove_region,
        _make_checkout,
    ],
)
def test_a_change_in_any_region_is_seen(
    regions: Path, change: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = _command(regions)
    made = _full(arguments, capsys)
    assert _early(arguments) == made
    change(sorted(regions.iterdir())[1])
    assert _early(arguments) is None
    again = _full(arguments, capsys)
    assert again == _full([*arguments, "--no-cache"], capsys)
    if change not in (_touch_record, _make_checkout):  # those two show nothing new
        assert again != made
    # Kept anew, but never for a checkout (its last commit's date asks git).
    assert _early(arguments) == (None if change is _make_checkout else again)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda data: b"not a pickle",
        lambda data: data[: len(data) // 2],
        lambda data: b"",
    ],
    ids=["corrupt", "truncated", "empty"],
)
def test_a_spoilt_answer_is_ignored_and_replaced(
    regions: Path,
    cache_dir: Path,
    spoil: Callable[[bytes], bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    arguments = _command(regions)
    made = _full(arguments, capsys)
    (place,) = (cache_dir / "konsolidasi-jawaban").iterdir()
    place.write_bytes(spoil(place.read_bytes()))
    assert _early(arguments) is None
    assert _full(arguments, capsys) == made
    assert _early(arguments) == made


def test_another_layout_ksd_or_day_is_no_answer(
    regions: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = _command(regions)
    made = _full(arguments, capsys)
    assert _early(arguments) == made
    with monkeypatch.context() as patch:
        patch.setattr(kept, "FORMAT", kept.FORMAT + 1)
        assert _early(arguments) is None
    with monkeypatch.context() as patch:
        patch.setattr(cache, "code_fingerprint", lambda: "another ksd")
        assert _early(arguments) is None
    with monkeypatch.context() as patch:
        patch.setattr(kept, "today_in", lambda zone: date(2099, 1, 1))
        assert _early(arguments) is None
    assert _early(arguments) == made


def test_nothing_is_kept_from_files_changed_moments_before(
    tmp_path: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "regions"
    generator().generate_regions(folder, 2, 10, seed=3)
    arguments = _command(folder)
    _full(arguments, capsys)
    assert _early(arguments) is None
    assert not (cache_dir / "konsolidasi-jawaban").exists()


@pytest.mark.parametrize(
    "other",
    [
        ["--format", "text"],  # depends on the terminal: never kept
        ["-f", "json"],
        ["--format=json"],
        ["--format", "json", "--format", "json"],
        ["--format", "json", "--no-cache"],
        ["--format", "json", "--offline"],
        ["--format", "json", "--output", "x.json"],
        ["--format", "json", "--lang", "xx"],
        ["--format", "json", "--as-of"],
        ["--format", "json", "--", "x"],
    ],
)
def test_anything_else_goes_to_the_full_command_line(
    regions: Path, other: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _full(_command(regions), capsys)
    assert _early(_command(regions)) is not None
    assert _early(["consolidate", str(regions), *AS_OF, *other]) is None


def test_the_cache_switched_off_gives_and_keeps_nothing(
    regions: Path,
    cache_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    arguments = _command(regions)
    _full([*arguments, "--no-cache"], capsys)
    text = _command(regions, format="text")
    _full(text, capsys)
    assert not (cache_dir / "konsolidasi-jawaban").exists()
    _full(arguments, capsys)
    monkeypatch.setenv("KSD_NO_CACHE", "1")
    assert _early(arguments) is None


def test_the_console_script_answers_without_loading_the_models(regions: Path) -> None:
    """The point of the kept answer: start-up, the answer's file, a stamp of the folders."""
    heavy = ("typer", "pydantic", "rich", "ksd_cli.models", "ksd_cli.consolidate.build")
    runs = [console_script(_command(regions), heavy) for _ in range(2)]
    assert runs[0].returncode == runs[1].returncode == 0
    assert runs[0].stdout == runs[1].stdout and runs[0].stdout.startswith("{")
    assert "typer" in runs[0].stderr.split()  # made in full
    assert runs[1].stderr == "loaded:\n"  # given early


@pytest.mark.usefixtures("hermetic_git")
def test_a_checkout_is_kept_until_its_commit_changes(
    regions: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its last commit's date is shown: a commit that changes no file still changes it."""
    checkout = sorted(regions.iterdir())[1]
    git(checkout, "init", "-q", "-b", "main")
    git(checkout, "config", "user.name", "A")
    git(checkout, "config", "user.email", "a@example.org")
    commit(checkout, "awal")
    arguments = _command(regions)
    made = _full(arguments, capsys)
    assert '"commit_terakhir": "' in made  # the date git gives is in the answer
    assert _early(arguments) == made
    git(checkout, "commit", "-q", "--allow-empty", "-m", "tanpa perubahan berkas")
    assert _early(arguments) is None
    assert _full(arguments, capsys) == made  # the same day: the same date, kept again
    assert _early(arguments) == made
    git(checkout, "pack-refs", "--all")  # the branch's ref moves into packed-refs
    assert _early(arguments) is None
    _full(arguments, capsys)
    git(checkout, "commit", "-q", "--allow-empty", "-m", "lagi")  # a loose ref again
    assert _early(arguments) is None


@pytest.mark.usefixtures("hermetic_git")
def test_a_linked_work_tree_keeps_nothing(
    regions: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A ``.git`` file points elsewhere: what it has checked out is not told, so not kept."""
    checkout = sorted(regions.iterdir())[1]
    (checkout / ".git").write_text("gitdir: /tidak/ada\n", encoding="utf-8")
    arguments = _command(regions)
    _full(arguments, capsys)
    assert _early(arguments) is None
