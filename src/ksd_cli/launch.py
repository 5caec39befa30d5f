"""The ``ksd`` console script: a kept answer given before the command line machinery loads.

``ksd show ID --format json`` on a repository where nothing changed since the answer was made
(``ksd_cli.answers``) costs the answers file and a stamp of the record folders; importing typer,
click and pydantic to parse the command line would cost more than the rest together. So when
the command line is exactly such a request, in the plain forms below, the kept answer is
written here and nothing else is imported. Anything else (another command or option, a
``--opt=value`` form, an unknown language, no kept answer, the cache off) goes to the full
command line (``ksd_cli.cli``), which gives the same answer, or says what is wrong.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

#: The options the early answer understands, each followed by its value.
_OPTIONS = frozenset({"--format", "--as-of", "--root", "--lang"})
#: Languages as ``--lang`` and ``KSD_LANG`` take them (``ksd_cli.cli.common.language``).
_LANGS = frozenset({"id", "en"})


def console_main() -> None:
    """Entry point of the ``ksd`` console script."""
    try:
        answer = early_answer(sys.argv[1:])
    except OSError:
        answer = None  # a folder or the answers file unreadable: the full path says what
    if answer is not None:
        try:
            sys.stdout.write(answer)
            sys.stdout.flush()
        except BrokenPipeError:
            # As the full command line does (``ksd_cli.cli.common.boundary``).
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        sys.exit(0)
    from ksd_cli.cli import console_main as full

    full()


def early_answer(arguments: Sequence[str]) -> str | None:
    """The kept answer of ``arguments``, when they are a request answered early.

    ``None`` for any other command line, or when no answer is kept: the full one then runs.
    """
    request = _show_json(arguments)
    if request is None:
        return None
    record_id, options = request
    lang = options.get("--lang")
    env = os.environ.get("KSD_LANG", "")
    if lang is None and env.strip() and env.strip().lower() not in _LANGS:
        return None  # the full command line words the bad KSD_LANG
    from ksd_cli.answers import kept_answers, show_key
    from ksd_cli.messages import resolve_lang

    root = options.get("--root")
    answers = kept_answers(Path(root) if root is not None else None, "show", no_cache=False)
    if answers is None:
        return None
    lang_ = resolve_lang(lang)
    as_of = options.get("--as-of")
    found = answers.find(lambda today: show_key(record_id, "json", lang_, as_of, today))
    return found if isinstance(found, str) else None


def _show_json(arguments: Sequence[str]) -> tuple[str, dict[str, str]] | None:
    """The id and options of ``ksd show ID --format json``; else ``None``.

    ``--as-of``, ``--root`` and ``--lang`` may be given too, each at most once, each as two
    separate words.
    """
    if not arguments or arguments[0] != "show":
        return None
    record_id: str | None = None
    options: dict[str, str] = {}
    words = iter(arguments[1:])
    for word in words:
        if word in _OPTIONS:
            value = next(words, None)
            if value is None or value.startswith("-") or word in options:
                return None
            options[word] = value
        elif word.startswith("-") or record_id is not None:
            return None
        else:
            record_id = word
    if record_id is None or options.get("--format") != "json":
        return None
    if options.get("--lang", "id") not in _LANGS or options.get("--root") == "":
        return None
    return record_id, options
