"""The console script's early answers before typer: kept show/draft answers, diff, --changed-since."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from gitrepos import changed_in_every_way, edit
from helpers import console_script

from ksd_cli import cache
from ksd_cli.cli import main
from ksd_cli.errors import UserError
from ksd_cli.launch import (
    _DRAFT_FLAGS,
    _DRAFT_OPTIONS,
    _SHOW_OPTIONS,
    _request,
    console_main,
    early_answer,
)

AS_OF = ["--as-of", "2025-06-30"]
ID = "KSD-6402-2020-001"


@pytest.fixture
def repo(sample_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample whose files count as long at rest (``RACY_NS``)."""
    monkeypatch.setattr(cache, "RACY_NS", 0)
    return sample_repo


def test_plain_requests_are_understood() -> None:
    show = ["--lang", "en", ID, "--root", "r", "--format", "json", "--as-of", "d"]
    assert _request(show, _SHOW_OPTIONS, ()) == (
        ID,
        {"--lang": "en", "--root": "r", "--format": "json", "--as-of": "d"},
        set(),
    )
    draft = [ID, "--output", "-", "--draft", "--force"]
    assert _request(draft, _DRAFT_OPTIONS, _DRAFT_FLAGS) == (
        ID,
        {"--output": "-"},
        {"--draft", "--force"},
    )


def _full(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    assert main(arguments) == 0
    out, err = capsys.readouterr()
    return out, err


def test_the_early_show_is_the_full_one(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["show", ID, "--root", str(repo), "--format", "json", *AS_OF]
    assert early_answer(arguments) is None  # nothing kept yet
    made, _ = _full(arguments, capsys)
    early = early_answer(arguments)
    assert early is not None and (early.stdout, early.stderr, early.file) == (made, "", None)
    # Another language is another answer, kept apart; KSD_LANG chooses it too.
    assert early_answer([*arguments, "--lang", "en"]) is None
    english, _ = _full([*arguments, "--lang", "en"], capsys)
    early = early_answer([*arguments, "--lang", "en"])
    assert early is not None and early.stdout == english
    monkeypatch.setenv("KSD_LANG", "en")
    early = early_answer(arguments)
    assert early is not None and early.stdout == english
    monkeypatch.setenv("KSD_LANG", "xx")  # the full command line says it is wrong
    assert early_answer(arguments) is None
    monkeypatch.delenv("KSD_LANG")
    monkeypatch.setenv("KSD_NO_CACHE", "1")
    assert early_answer(arguments) is None


def test_the_early_draft_is_the_full_one(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "naskah.md"
    arguments = ["draft", ID, "--root", str(repo), "--output", str(out), "--force", *AS_OF]
    printed, notes = _full(arguments, capsys)
    written = out.read_bytes()
    out.unlink()
    early = early_answer(arguments)
    assert early is not None
    assert (early.stdout, early.stderr, early.file, early.content) == (
        printed,
        notes,
        out,
        written,
    )
    # To stdout: the Markdown itself, kept apart from the file's answer.
    to_stdout = ["draft", ID, "--root", str(repo), "--output", "-", "--draft", *AS_OF]
    markdown, notes = _full(to_stdout, capsys)
    early = early_answer(to_stdout)
    assert early is not None and (early.stdout, early.stderr, early.file) == (markdown, notes, None)
    # An existing file without --force: refused as the full command line refuses it.
    out.write_text("mine\n", "utf-8")
    with pytest.raises(UserError):
        early_answer([a for a in arguments if a != "--force"])


@pytest.mark.parametrize(
    "changed",
    [
        ["show", ID, "--format", "text"],  # text depends on the terminal: never kept
        ["show", ID],
        ["show", ID, "--format=json"],
        ["show", ID, "-f", "json"],
        ["show", ID, "--format", "json", "--format", "json"],
        ["show", ID, "Y", "--format", "json"],
        ["show", "--format", "json"],
        ["show", ID, "--format", "json", "--output", "f.json"],
        ["show", ID, "--format", "json", "--no-cache"],
        ["show", ID, "--format", "json", "--lang", "EN"],
        ["show", ID, "--format", "json", "--as-of"],
        ["show", ID, "--format", "json", "--lang", "--as-of"],
        ["show", "--", ID, "--format", "json"],
        ["show", ID, "--format", "json", "--as-of", "2025-07-01"],
        ["draft", ID, "--format", "json"],
        ["draft", ID, "--output", "naskah.docx", "--force"],
        ["draft", ID, "-o", "-"],
        ["draft", ID, "--output", "-", "--naskah", "1"],
        ["draft", ID, "--output", "-", "--draft", "--draft"],
        ["stalled", "--format", "json"],
        ["--help"],
        [],
    ],
)
def test_anything_else_goes_to_the_full_command_line(
    repo: Path, changed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    kept = [
        ["show", ID, "--format", "json", *AS_OF],
        ["draft", ID, "--output", "-", *AS_OF],
    ]
    root = ["--root", str(repo)]
    for arguments in kept:
        _full([*arguments, *root], capsys)
        assert early_answer([*arguments, *root]) is not None
    if changed and changed[0] in ("show", "draft"):
        changed = [*changed, *root, *([] if "--as-of" in changed else AS_OF)]
    assert early_answer(changed) is None


def test_a_change_after_the_answer_is_seen(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["show", ID, "--root", str(repo), "--format", "json", *AS_OF]
    _full(arguments, capsys)
    assert early_answer(arguments) is not None
    other = sorted((repo / "data/agreements").glob("*.yaml"))[-1]
    other.write_text(other.read_text("utf-8") + "# changed\n", "utf-8")
    assert early_answer(arguments) is None


def test_the_console_script_answers_without_loading_typer(repo: Path, tmp_path: Path) -> None:
    """The point of the early answer: start-up, the answers file, a stamp of the folders."""
    heavy = ("typer", "click", "pydantic", "rich", "ksd_cli.models", "jinja2")
    out = tmp_path / "naskah.md"
    show = ["show", ID, "--root", str(repo), "--format", "json", *AS_OF]
    draft = ["draft", ID, "--root", str(repo), "--output", str(out), "--force", "--draft"]
    for command in (show, draft):
        runs = []
        for _ in range(2):
            out.unlink(missing_ok=True)
            run = console_script(command, heavy)
            written = out.read_bytes() if out.exists() else None
            runs.append((run.returncode, run.stdout, run.stderr.splitlines(), written))
        (code, printed, first, written), again = runs[0], runs[1]
        assert code == again[0] == 0
        assert (printed, written) == (again[1], again[3])
        assert (written is not None) == (command is draft)
        assert first[:-1] == again[2][:-1]  # the notes
        assert "typer" in first[-1].split()  # made in full
        assert again[2][-1] == "loaded:"  # given early


# ksd diff REV and ksd validate --changed-since REV, computed before typer -------------------

_DIFF = ["diff", "HEAD", "--format", "json", *AS_OF]
_SINCE = ["validate", "--changed-since", "HEAD", "--format", "json", *AS_OF]


def _console(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """What the console script gives: early when it can, else through the full command line."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "argv", ["ksd", *arguments])
        with pytest.raises(SystemExit) as exited:
            console_main()
    out, err = capsys.readouterr()
    code = exited.value.code
    return code if isinstance(code, int) else 1, out, err


def _whole(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(arguments)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.usefixtures("hermetic_git")
def test_the_early_diff_and_changed_since_are_the_full_ones(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    _own_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Modified, added, deleted, renamed, broken records, findings across records: same bytes."""
    monkeypatch.setattr(cache, "RACY_NS", 0)
    root = tmp_path / "repo"
    changed_in_every_way(root)
    plain = [
        [*_DIFF, "--root", str(root)],
        [*_DIFF, "--root", str(root), "--lang", "en"],
        [*_DIFF, "--lang", "id", "--root", str(root)],
        [*_SINCE, "--root", str(root)],
        [*_SINCE, "--root", str(root), "--strict", "--lang", "en"],
    ]
    for arguments in plain:
        for state in ("cold", "warm", "corrupt"):
            if state == "corrupt":
                for path in _own_cache.rglob("*.pickle"):
                    path.write_bytes(path.read_bytes()[:100] + b"corrupt")
            early = early_answer(arguments)
            assert early is not None, (arguments, state)
            full = _whole(arguments, capsys)
            assert (early.code, early.stdout, early.stderr) == full
            assert full[0] == (1 if arguments[0] == "validate" else 0)  # planted errors
            assert _console(arguments, capsys) == full
        early = early_answer([*arguments, "--no-cache"])
        assert early is not None
        assert (early.code, early.stdout, early.stderr) == _whole(
            [*arguments, "--no-cache"], capsys
        )
        monkeypatch.setenv("KSD_NO_CACHE", "1")
        early = early_answer(arguments)
        assert early is not None
        assert (early.code, early.stdout, early.stderr) == _whole(arguments, capsys)
        monkeypatch.delenv("KSD_NO_CACHE")
    # Run from inside the repository, without --root.
    monkeypatch.chdir(root / "data")
    for arguments in (_DIFF, _SINCE):
        early = early_answer(arguments)
        assert early is not None and early.stdout == _whole(arguments, capsys)[1]
    # A changed ksd.toml: every record is reported, early as in full.
    config = root / "ksd.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    early = early_answer(_SINCE)
    assert early is not None
    assert (early.code, early.stdout, early.stderr) == _whole(_SINCE, capsys)
    everything = _whole(["validate", "--format", "json", *AS_OF], capsys)[1]
    assert json.loads(early.stdout)["findings"] == json.loads(everything)["findings"]


_NOT_EARLY = [
    ["diff", "no-such-revision", "--format", "json"],
    ["diff", "--format", "json"],  # the merge base: the full command line's
    ["diff", "HEAD", "--format", "json", "--as-of", "2025-13-01"],
    ["diff", "HEAD", "--format", "json", "--lang", "xx"],
    ["diff", "HEAD", "--format", "text"],
    ["diff", "HEAD", "HEAD", "--format", "json"],
    ["diff", "HEAD", "--format", "json", "--output", "-"],
    ["diff", "HEAD", "--format", "json", "--no-cache", "--no-cache"],
    ["validate", "--changed-since", "no-such-revision", "--format", "json"],
    ["validate", "--changed-since", "HEAD", "--format", "text"],
    ["validate", "--changed-since", "HEAD", "--format", "json", "data/x.yaml"],
    ["validate", "--format", "json"],
    ["validate", "--changed-since", "HEAD", "--format", "json", "--as-of", "kemarin"],
]


@pytest.mark.usefixtures("hermetic_git")
def test_other_diffs_and_validations_go_to_the_full_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repo"
    changed_in_every_way(root)
    monkeypatch.chdir(root)
    for arguments in _NOT_EARLY:
        assert early_answer(arguments) is None, arguments
        assert _console(arguments, capsys) == _whole(arguments, capsys), arguments


@pytest.mark.usefixtures("hermetic_git")
def test_outside_git_the_full_command_line_says_so(
    sample_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for arguments in (_DIFF, _SINCE):
        arguments = [*arguments, "--root", str(sample_repo)]
        assert early_answer(arguments) is None
        code, out, err = _console(arguments, capsys)
        assert (code, out, err) == _whole(arguments, capsys)
        assert code == 1 and out == "" and "git" in err


@pytest.mark.usefixtures("hermetic_git")
def test_the_console_script_diffs_without_loading_typer(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    changed_in_every_way(root)
    script = (
        "import sys\n"
        "from ksd_cli.launch import console_main\n"
        "try:\n"
        "    console_main()\n"
        "finally:\n"
        "    heavy = ('typer', 'click', 'rich')\n"
        "    print('loaded:', *sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    for command in (_DIFF, _SINCE):
        run = subprocess.run(
            [sys.executable, "-c", script, *command, "--root", str(root)],
            capture_output=True,
            text=True,
        )
        assert run.returncode == (1 if command is _SINCE else 0)
        assert json.loads(run.stdout)["schema_version"] == 1
        assert run.stderr.splitlines() == ["loaded:"]


@pytest.mark.usefixtures("hermetic_git")
def test_git_finds_the_work_tree_and_the_revision_while_the_configuration_loads(
    tmp_path: Path,
) -> None:
    """The first git is started before pydantic (the configuration's models) is imported."""
    root = tmp_path / "repo"
    changed_in_every_way(root)
    script = (
        "import sys\n"
        "from ksd_cli import gitio\n"
        "start = gitio.start_git\n"
        "def noted(cwd, args, **given):\n"
        "    print(args[0], 'pydantic' in sys.modules, file=sys.stderr)\n"
        "    return start(cwd, args, **given)\n"
        "gitio.start_git = noted\n"
        "from ksd_cli.launch import console_main\n"
        "console_main()\n"
    )
    for command in (_DIFF, _SINCE):
        run = subprocess.run(
            [sys.executable, "-c", script, *command, "--root", str(root)],
            capture_output=True,
            text=True,
        )
        assert json.loads(run.stdout)["schema_version"] == 1
        assert run.stderr.splitlines()[0] == "rev-parse False"
        assert all(line.endswith(" True") for line in run.stderr.splitlines()[1:])


def test_a_warm_early_diff_of_plain_files_loads_no_pyyaml(git_repo: Path) -> None:
    """The quick reader reads every changed file here: PyYAML (10-20 ms) is never imported."""
    edit(git_repo / "data/agreements/KSD-6402-2025-002.yaml", "Pasar Induk", "Pasar Baru")
    script = (
        "import sys\n"
        "from ksd_cli import cache; cache.RACY_NS = 0\n"
        "from ksd_cli.launch import console_main\n"
        "try:\n"
        "    console_main()\n"
        "finally:\n"
        "    heavy = ('typer', 'yaml')\n"
        "    print('loaded:', *sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    for command in (_DIFF, _SINCE):
        runs = [
            subprocess.run(
                [sys.executable, "-c", script, *command, "--root", str(git_repo)],
                capture_output=True,
                text=True,
            )
            for _ in range(2)
        ]
        assert runs[0].stdout == runs[1].stdout
        assert json.loads(runs[1].stdout)["schema_version"] == 1
        assert runs[1].stderr.splitlines() == ["loaded:"]


@pytest.mark.parametrize("lang", [[], ["--lang", "en"]])
def test_ctrl_c_while_diffing_early_is_worded_as_the_full_command_line_words_it(
    git_repo: Path,
    lang: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ksd_cli.diff

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ksd_cli.diff, "semantic_diff", interrupted)
    arguments = [*_DIFF, "--root", str(git_repo), *lang]
    full = _whole(arguments, capsys)
    assert full[0] == 130 and full[2].startswith("\nksd: ")
    assert _console(arguments, capsys) == full


@pytest.mark.usefixtures("hermetic_git")
def test_the_early_diff_starts_git_once_for_each_listing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """git's listings, started before the diff's modules import, are the ones the diff reads."""
    from ksd_cli import gitio

    root = tmp_path / "repo"
    changed_in_every_way(root)
    started: list[str] = []
    start = gitio.start_git

    def counted(
        cwd: Path, args: Sequence[str], *, stdin: bytes | None = None
    ) -> Callable[[], bytes]:
        started.append(" ".join(args[:2]) if args[0] == "cat-file" else args[0])
        return start(cwd, args, stdin=stdin)

    monkeypatch.setattr(gitio, "start_git", counted)
    arguments = [*_DIFF, "--root", str(root)]
    early = early_answer(arguments)
    assert early is not None
    # The work tree with the revision (started before the configuration is read), git's
    # listings, the short id and ksd.toml at the revision: each once; then the changed files'
    # old texts, read while the files no change touched are looked through.
    assert sorted(started) == [
        "cat-file --batch",
        "cat-file blob",
        "diff",
        "ls-tree",
        "rev-parse",
        "rev-parse",
    ]
    assert early.stdout == _whole(arguments, capsys)[1]
    # A range compares two commits: answered early too, the work tree never compared.
    started.clear()
    ranged = ["diff", "HEAD..HEAD", "--format", "json", *AS_OF, "--root", str(root)]
    early = early_answer(ranged)
    assert early is not None and "diff" not in started  # nothing compared with the work tree
    assert early.stdout == _whole(ranged, capsys)[1]
    # Started and never asked for (another revision's listing): waited for, not left behind.
    repo = gitio.open_git(root)
    repo.start_listings("HEAD", ["data/agreements"])
    repo.abandon_started()
    assert not repo._started


@pytest.mark.usefixtures("hermetic_git")
def test_the_early_answers_read_the_files_the_child_listed(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    _own_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The files are listed and stamped aside (never here), and the answers are the same."""
    from ksd_cli import listed

    root = tmp_path / "repo"
    changed_in_every_way(root)
    full = {tuple(a): _whole([*a, "--root", str(root)], capsys) for a in (_DIFF, _SINCE)}
    monkeypatch.setattr(cache, "RACY_NS", 0)

    def not_here(repository: object) -> listed.Listing:
        raise AssertionError("listed here, not by the child")

    monkeypatch.setattr(listed, "_listing_here", not_here)
    for arguments, answer in full.items():
        for _ in ("cold", "warm"):
            early = early_answer([*arguments, "--root", str(root)])
            assert early is not None
            assert (early.code, early.stdout, early.stderr) == answer


@pytest.mark.parametrize(("preset", "scanned"), [(None, False), ("", True)])
def test_no_plugin_scan_at_start_up_unless_the_user_asks(
    project_root: Path, preset: str | None, scanned: bool
) -> None:
    # pydantic looks for plug-ins through every installed distribution's entry points when
    # the first model is built; the console script turns that off, keeping a value the user
    # set (an empty one lets pydantic scan).
    code = (
        "import importlib.metadata as m, os, sys\n"
        "calls = []\n"
        "found = m.entry_points\n"
        "m.entry_points = lambda *a, **k: calls.append(1) or found(*a, **k)\n"
        f"sys.argv = ['ksd', 'validate', '--root', {str(project_root)!r}, '--format', 'json',\n"
        "    '--as-of', '2025-06-30', '--no-cache']\n"
        "from ksd_cli.launch import console_main\n"
        "try:\n    console_main()\nexcept SystemExit:\n    pass\n"
        'sys.stderr.write(f"SCANNED={bool(calls)} '
        "ENV={os.environ.get('PYDANTIC_DISABLE_PLUGINS')!r}\")\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if preset is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = preset
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert '"schema_version"' in result.stdout
    expected = "'__all__'" if preset is None else repr(preset)
    assert result.stderr.endswith(f"SCANNED={scanned} ENV={expected}"), result.stderr[-300:]


def test_a_terminal_that_cannot_hold_a_character_gets_an_escape_not_a_traceback(
    project_root: Path,
) -> None:
    # The sample's flags without a threshold show an en dash (U+2013), which ASCII lacks.
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "KSD_NO_CACHE": "1"}
    args = ["stalled", "--root", str(project_root), *AS_OF]
    result = subprocess.run(
        [sys.executable, "-m", "ksd_cli", *args], capture_output=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr.decode("ascii", "replace")[-500:]
    out = result.stdout.decode("ascii")  # every byte ASCII
    assert "\\u2013" in out
    assert "KSD-6402-2019-001" in out


def test_json_to_such_a_terminal_stays_json(sample_repo: Path) -> None:
    record = next((sample_repo / "data" / "agreements").glob("*.yaml"))
    record.write_text(record.read_text("utf-8") + "catat\u00e1n: ya\n", "utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "KSD_NO_CACHE": "1"}
    args = ["validate", "--root", str(sample_repo), *AS_OF, "--format", "json"]
    result = subprocess.run(
        [sys.executable, "-m", "ksd_cli", *args], capture_output=True, env=env, check=False
    )
    assert result.returncode == 1, result.stderr.decode("ascii", "replace")[-500:]
    found = json.loads(result.stdout.decode("ascii"))  # the escape is JSON's own
    assert any("catat\u00e1n" in d["message"] for d in found["findings"])


def test_a_character_beyond_the_basic_plane_is_escaped_as_json_escapes_it() -> None:
    import codecs

    from ksd_cli.launch import _ESCAPE, _json_escape

    codecs.register_error(_ESCAPE, _json_escape)
    text = "Kota 漢 \u00e1 \U0001f600"
    escaped = text.encode("ascii", errors=_ESCAPE).decode("ascii")
    assert escaped == json.dumps(text)[1:-1]
