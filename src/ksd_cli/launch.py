"""The ``ksd`` console script: plain requests answered before the command line machinery loads.

``ksd show ID --format json`` and ``ksd draft ID`` (Markdown) on a repository where nothing
changed since the answer was made (``ksd_cli.answers``) cost the answers file and a stamp of
the record folders; importing typer, click and pydantic to parse the command line would cost
more than the rest together. So when the command line is exactly such a request, in the plain
forms below, the kept answer is delivered here and nothing else is imported. ``ksd diff REV
--format json`` and ``ksd validate --changed-since REV --format json`` (with ``--as-of``,
``--root``, ``--lang``, ``--no-cache``, validate's ``--strict``) are computed here, by the
library calls their commands make, without typer, click or rich: a diff of a few changed files
costs less than the command line machinery. ``ksd consolidate SOURCE... --format json|md``
(with ``--as-of``, ``--lang``, ``--expected``) gives its kept answer while no repository
changed (``ksd_cli.consolidate.kept``). Anything else (another command or option, a
``--opt=value`` form, an unknown language, no kept answer, the cache off for a kept answer, an
output file that cannot be written, any error while computing) goes to the full command line
(``ksd_cli.cli``), which gives the same answer, or says what is wrong.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

# Light (a catalogue of texts; the collector's pause), and loaded by every command line anyway.
from ksd_cli.collector import collection_paused
from ksd_cli.errors import UserError
from ksd_cli.messages import LANGS, Lang, boundary_lang, chosen_lang

if TYPE_CHECKING:
    from datetime import date

    from ksd_cli.answers import Answers
    from ksd_cli.gitio import GitRepository
    from ksd_cli.repository import Repository

#: What each command answered early understands: options followed by their value, flags.
_SHOW_OPTIONS = frozenset({"--format", "--as-of", "--root", "--lang"})
_DRAFT_OPTIONS = frozenset({"--output", "--as-of", "--root", "--lang"})
_DRAFT_FLAGS = frozenset({"--force", "--draft"})
_DIFF_OPTIONS = frozenset({"--format", "--as-of", "--root", "--lang"})
_DIFF_FLAGS = frozenset({"--no-cache"})
_CHANGED_OPTIONS = frozenset({"--changed-since", "--format", "--as-of", "--root", "--lang"})
_CHANGED_FLAGS = frozenset({"--no-cache", "--strict"})


@dataclass(frozen=True)
class Early:
    """A kept answer as the full command line delivers it.

    ``file``: written first with ``content`` (as ``--force`` allows), then ``stdout`` (its
    path) is printed; ``stderr``: the notes the command writes there; ``code``: the exit code.
    """

    stdout: str
    stderr: str = ""
    file: Path | None = None
    content: bytes = b""
    force: bool = False
    code: int = 0


def console_main() -> None:
    """Entry point of the ``ksd`` console script."""
    # No plug-in scan at start-up: when ksd's first model is built, pydantic looks for its
    # plug-ins through the entry points of every installed distribution, and ksd has none.
    # A value the user set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _tolerant_streams()
    try:
        answer = early_answer(sys.argv[1:])
        if answer is not None and answer.file is not None:
            from ksd_cli.outputs import write_output

            write_output(answer.file, answer.content, force=answer.force)
    except (OSError, UserError):
        answer = None  # unreadable, or not writable: the full command line says what
    except KeyboardInterrupt:
        # As the full command line's boundary (``ksd_cli.cli.common.boundary``) says it.
        from ksd_cli.messages import message

        lang = _boundary_language(sys.argv[1:])
        sys.stderr.write(f"\nksd: {message('boundary.interrupted', lang)}\n")
        sys.exit(130)
    if answer is not None:
        try:
            sys.stderr.write(answer.stderr)
            sys.stdout.write(answer.stdout)
            sys.stdout.flush()
        except BrokenPipeError:
            # As the full command line does (``ksd_cli.cli.common.boundary``).
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except OSError as exc:  # a full disk, a failing device: as the full command line says
            from ksd_cli.stdout import output_failed

            output_failed(exc.strerror or str(exc), _boundary_language(sys.argv[1:]))
            sys.exit(1)
        sys.exit(answer.code)
    from ksd_cli.cli import console_main as full

    full()


def _tolerant_streams() -> None:
    r"""Let stdout and stderr write what their encoding cannot hold as ``\u2013``, not stop.

    A terminal or pipe that is not UTF-8 (``PYTHONIOENCODING=ascii``, a Windows code page)
    stopped ksd with a traceback at the first such character of a record or a sentence (an
    en dash, a name in another script). The escape is JSON's own, so the JSON forms stay
    valid JSON (Python's ``backslashreplace`` writes ``\xe1``, which JSON refuses). Files
    written with ``--output`` are UTF-8 whatever the terminal.
    """
    import codecs

    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
            codecs.register_error(_ESCAPE, _json_escape)
            stream.reconfigure(errors=_ESCAPE)


#: The name :func:`_json_escape` is registered under as a codec error handler.
_ESCAPE = "ksd-json-escape"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    r"""``\uXXXX`` for each character that could not be encoded (a surrogate pair above FFFF)."""
    assert isinstance(error, UnicodeEncodeError)
    escaped = []
    for character in error.object[error.start : error.end]:
        code = ord(character)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


def early_answer(arguments: Sequence[str]) -> Early | None:
    """The kept answer of ``arguments``, when they are a request answered early.

    ``None`` for any other command line, or when no answer is kept: the full one then runs.
    Raises ``UserError`` for an output file the full command line would refuse.
    """
    command = arguments[0] if arguments else None
    if command == "show":
        return _show(arguments[1:])
    if command == "draft":
        return _draft(arguments[1:])
    if command == "diff":
        return _diff(arguments[1:])
    if command == "validate":
        return _changed_since(arguments[1:])
    if command == "consolidate":
        return _consolidate(arguments[1:])
    return None


def _consolidate(arguments: Sequence[str]) -> Early | None:
    """``ksd consolidate SOURCE... --format json|md``, kept (``ksd_cli.consolidate.kept``)."""
    from ksd_cli.consolidate.kept import early_text

    try:
        found = early_text(arguments, cwd=Path.cwd())
    except Exception:  # noqa: BLE001 - the full command line says what went wrong
        return None
    return Early(found) if found is not None else None


def _show(arguments: Sequence[str]) -> Early | None:
    request = _request(arguments, _SHOW_OPTIONS, ())
    if request is None or request[1].get("--format") != "json":
        return None
    record_id, options, _ = request
    lang = _language(options)
    answers = _answers(options, "show")
    if lang is None or answers is None:
        return None
    from ksd_cli.answers import show_key

    as_of = options.get("--as-of")
    found = answers.find(lambda today: show_key(record_id, "json", lang, as_of, today))
    return Early(found) if isinstance(found, str) else None


def _draft(arguments: Sequence[str]) -> Early | None:
    request = _request(arguments, _DRAFT_OPTIONS, _DRAFT_FLAGS)
    if request is None:
        return None
    record_id, options, flags = request
    output = options.get("--output")
    to_stdout = output == "-"
    if output is not None and not to_stdout and not output.endswith(".md"):
        return None  # another format, or one the full command line chooses
    force = "--force" in flags
    named = Path(output) if output is not None and not to_stdout else None
    if named is not None:
        from ksd_cli.outputs import check_target

        check_target(named, force=force)
    lang = _language(options)
    answers = _answers(options, "draft")
    if lang is None or answers is None:
        return None
    from ksd_cli.answers import DraftAnswer, draft_key
    from ksd_cli.gitio import head_id

    commit = head_id(answers.root)
    as_of = options.get("--as-of")
    draft = "--draft" in flags
    found = answers.find(
        lambda today: draft_key(record_id, None, "md", to_stdout, draft, lang, as_of, today, commit)
    )
    if not isinstance(found, DraftAnswer):
        return None
    if found.markdown is not None:
        return Early(found.markdown, found.notes)
    if found.content is None:
        return None
    target = named if named is not None else Path(found.default_filename)
    return Early(f"{target}\n", found.notes, target, found.content, force)


def _diff(arguments: Sequence[str]) -> Early | None:
    """``ksd diff REV --format json``, as ``ksd_cli.cli.diff`` makes it (``None``: not here)."""
    request = _request(arguments, _DIFF_OPTIONS, _DIFF_FLAGS)
    if request is None or request[1].get("--format") != "json":
        return None
    revision, options, flags = request
    lang = _language(options)
    if lang is None or not _plain_root(options):
        return None
    with collection_paused(kept=True):
        try:
            answer = _diffed(revision, options, flags, lang)
        except Exception:  # noqa: BLE001 - the full command line says what went wrong
            return None
    return Early(answer) if answer is not None else None


def _diffed(revision: str, options: dict[str, str], flags: set[str], lang: Lang) -> str | None:
    """The JSON :func:`_diff` answers, or ``None``; anything wrong raises."""
    import io

    opened = _opened(options, revision)
    if opened is None:
        return None
    repo, day, git_opened = opened
    git: GitRepository | None = None
    try:
        from ksd_cli import CONFIG_FILE

        # git lists the revision's record files and compares them with the work tree while
        # the diff's modules import (the diff against the work tree asks for exactly these).
        git = git_opened()
        if ".." not in revision:  # a range compares two commits: nothing to start ahead
            folders = (repo.config.paths.agreements, repo.config.paths.potentials)
            git.start_listings(revision, folders, files=(CONFIG_FILE,))
        from ksd_cli.diff import semantic_diff
        from ksd_cli.diff.render import write_json

        use_cache = "--no-cache" not in flags
        result = semantic_diff(
            repo, revision, None, as_of=day, lang=lang, use_cache=use_cache, git=git
        )
        stream = io.StringIO()
        write_json(result, stream)
    finally:
        if git is not None:
            git.abandon_started()
        _let_go(repo)
    return stream.getvalue()


def _changed_since(arguments: Sequence[str]) -> Early | None:
    """``ksd validate --changed-since REV --format json``, as ``ksd_cli.cli.validate`` does it.

    Not on a terminal: the full command line shows its progress there.
    """
    request = _request(arguments, _CHANGED_OPTIONS, _CHANGED_FLAGS, positional=False)
    if request is None or request[1].get("--format") != "json":
        return None
    _, options, flags = request
    revision = options.get("--changed-since")
    lang = _language(options)
    if revision is None or lang is None or not _plain_root(options) or sys.stderr.isatty():
        return None
    with collection_paused(kept=True):
        try:
            return _checked(revision, options, flags, lang)
        except Exception:  # noqa: BLE001 - the full command line says what went wrong
            return None


def _checked(revision: str, options: dict[str, str], flags: set[str], lang: Lang) -> Early | None:
    """What :func:`_changed_since` answers, or ``None``; anything wrong raises."""
    import io

    opened = _opened(options, revision)
    if opened is None:
        return None
    repo, day, git_opened = opened
    try:
        from ksd_cli.changes import changes_since_later

        # git compares the revision with the work tree while the files are scanned.
        use_cache = "--no-cache" not in flags
        changes = changes_since_later(repo, revision, git_opened(), use_cache=use_cache)
        from ksd_cli.outputs import FORMATS, write_stream
        from ksd_cli.validate import validate_repository

        report = validate_repository(
            repo,
            as_of=day,
            lang=lang,
            use_cache=use_cache,
            selection=lambda scanned: changes(scanned).selection(),
        )
    finally:
        _let_go(repo)
    stream = io.StringIO()
    write_stream(FORMATS["validate"]["json"], report, stream, lang=lang, color=None)
    return Early(stream.getvalue(), code=1 if report.failed(strict="--strict" in flags) else 0)


def _plain_root(options: dict[str, str]) -> bool:
    """Whether ``--root`` is absent or a folder (the full command line refuses a file)."""
    root = options.get("--root")
    return root is None or os.path.isdir(root)


def _root(options: dict[str, str]) -> Path | None:
    root = options.get("--root")
    return Path(root) if root is not None else None


def _opened(
    options: dict[str, str], revision: str
) -> tuple[Repository, date, Callable[[], GitRepository]] | None:
    """The repository of ``--root`` (or of the working folder), its day and its git.

    The day is the one it is judged as of; the git work tree comes of a call that waits for
    it (call it once). ``None`` when ``--as-of`` is no date; a repository that cannot be
    opened raises. Its record files are listed and stamped aside while the command's modules
    import: see :func:`_let_go`. git finds the work tree and ``revision`` meanwhile (the
    modules that read the configuration take longer than git).
    """
    from ksd_cli.gitio import open_git_later
    from ksd_cli.listed import listed_ahead
    from ksd_cli.repository import find_root, open_repository

    root = _root(options)
    ahead = root.resolve() if root is not None else find_root(Path.cwd())
    git_ahead = open_git_later(ahead, revision) if ahead is not None else None
    try:
        # The child listing the files need not wait for the configuration's models either.
        listing = listed_ahead(ahead) if ahead is not None else None
        repo = open_repository(root, listed_aside=True, ahead=listing)
    except BaseException:
        _wait_for(git_ahead)
        raise
    try:
        day = _as_of(options, repo)
    except BaseException:
        _wait_for(git_ahead)
        _let_go(repo)
        raise
    if day is None:
        _wait_for(git_ahead)
        _let_go(repo)
        return None
    if git_ahead is None or ahead != repo.root:
        _wait_for(git_ahead)
        return repo, day, lambda: open_git_later(repo.root, revision)()
    return repo, day, git_ahead


def _wait_for(git: Callable[[], GitRepository] | None) -> None:
    """Wait for a git started ahead whose answer is not wanted."""
    if git is not None:
        try:
            git()
        except UserError:
            pass


def _let_go(repo: Repository) -> None:
    """Wait for the child listing ``repo``'s files when nothing read its listing."""
    if repo.listed is not None:
        repo.listed.abandon()


def _as_of(options: dict[str, str], repo: Repository) -> date | None:
    """``--as-of`` as ``ksd_cli.cli.common.as_of_date`` reads it (``None``: not a date)."""
    from ksd_cli.models import parse_date

    value = options.get("--as-of")
    return repo.config.today() if value is None else parse_date(value)


def _request(
    arguments: Sequence[str],
    valued: Collection[str],
    flags: Collection[str],
    *,
    positional: bool = True,
) -> tuple[str, dict[str, str], set[str]] | None:
    """The id, options and flags of a command line, each option and flag given at most once.

    ``None`` when anything else is there: another option or flag, ``--opt=value``, an empty
    value or one that looks like an option (but ``-``), a second id, or no id. Without
    ``positional``, no id may be given (the id is then "").
    """
    record_id: str | None = None
    options: dict[str, str] = {}
    given: set[str] = set()
    words = iter(arguments)
    for word in words:
        if word in valued:
            value = next(words, None)
            if value is None or value == "" or word in options:
                return None
            if value.startswith("-") and value != "-":
                return None
            options[word] = value
        elif word in flags and word not in given:
            given.add(word)
        elif word.startswith("-") or record_id is not None or not positional:
            return None
        else:
            record_id = word
    if positional and record_id is None:
        return None
    if options.get("--lang", "id") not in LANGS:
        return None
    return record_id or "", options, given


def _language(options: dict[str, str]) -> Lang | None:
    """The language the full command line speaks (``None`` where it would refuse it).

    As ``ksd_cli.cli.common.language`` decides (the full command line words the refusal).
    """
    return chosen_lang(options.get("--lang"))


def _boundary_language(arguments: Sequence[str]) -> Lang:
    """The language the full command line's boundary speaks (Indonesian when unusable)."""
    words = list(arguments)
    return boundary_lang(words[words.index("--lang") + 1] if "--lang" in words[:-1] else None)


def _answers(options: dict[str, str], command: str) -> Answers | None:
    """The answers kept for the repository at ``--root`` (or found upward), if any."""
    from ksd_cli.answers import kept_answers

    root = options.get("--root")
    return kept_answers(Path(root) if root is not None else None, command, no_cache=False)
