"""Usage errors Click finds while parsing arguments, worded in the user's language.

Click raises them before any ksd command runs (an unknown option, a missing value, an unknown
command) and words them in English. ``main`` catches them here and prints them the way the
command boundary prints ksd's own usage errors: one line naming the problem, one ``petunjuk``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection, Sequence

from ksd_cli.escaping import terminal_text
from ksd_cli.messages import Lang, message, resolve_lang

#: Click's English sentences that carry no structured fields, read back into their parts.
_EXTRA_ARGUMENTS = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<arguments>.*)\)$")
_NEEDS_VALUES = re.compile(r"requires (?P<count>\d+) arguments")
_TAKES_NO_VALUE = "does not take a value"
_NO_SUCH_COMMAND = re.compile(
    r"^No such command '(?P<name>[^']*)'\.(?: Did you mean '(?P<guess>[^']*)'\?)?$"
)


def argv_lang(argv: Sequence[str]) -> Lang:
    """The language the command line asks for: ``--lang X``/``--lang=X``, else ``KSD_LANG``.

    Read from the raw arguments because a usage error stops Click before options are parsed.
    Anything unusable means Indonesian, the default.
    """
    value: str | None = None
    for index, argument in enumerate(argv):
        if argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif argument.startswith("--lang="):
            value = argument.removeprefix("--lang=")
    return resolve_lang(value)


def parse_error_exit(
    error: BaseException, argv: Sequence[str], commands: Collection[str]
) -> int | None:
    """Print a parsing error Click raised and return ksd's exit code; ``None`` if not one.

    ``commands`` are the command names, so that the hint can name the command's own ``-h``
    when Click's error does not carry it.
    """
    from ksd_cli.cli.common import EXIT_INTERRUPTED, EXIT_USAGE

    if is_kind(error, "NoArgsIsHelpError"):
        error.show()  # type: ignore[attr-defined]
        return EXIT_USAGE
    if is_kind(error, "Abort"):
        sys.stderr.write("\n")
        return EXIT_INTERRUPTED
    if not is_usage_error(error):
        return None
    lang = argv_lang(argv)
    given = next((a for a in argv if not a.startswith("-")), None)
    command = f"ksd {given}" if given in commands else "ksd"
    problem, hint = usage_error_lines(error, lang, command=command)
    sys.stderr.write(f"ksd: {problem}\n  {message('boundary.hint-label', lang)}: {hint}\n")
    return EXIT_USAGE


def is_usage_error(error: BaseException) -> bool:
    """Whether ``error`` is a usage error of Click (or of the Click that Typer vendors)."""
    return is_kind(error, "UsageError")


def usage_error_lines(error: BaseException, lang: Lang, *, command: str = "ksd") -> tuple[str, str]:
    """The problem and the hint for a usage ``error``, in ``lang``, ready for the terminal.

    ``command`` is the command path the hint names when Click's error does not carry it (the
    parser's errors come without their context).
    """
    context = getattr(error, "ctx", None)
    command = getattr(context, "command_path", None) or command
    hint = message("usage.see-help", lang, command=command)
    return terminal_text(_problem(error, lang)), terminal_text(hint)


def is_kind(error: BaseException, name: str) -> bool:
    """Classes are matched by name: Typer >= 0.25 raises its own copy of Click's exceptions."""
    return any(cls.__name__ == name for cls in type(error).__mro__)


def _problem(error: BaseException, lang: Lang) -> str:
    text = str(getattr(error, "message", "") or "")
    possibilities = getattr(error, "possibilities", None)
    if is_kind(error, "NoSuchOption"):
        option = getattr(error, "option_name", "?")
        return _with_suggestion(
            message("usage.no-such-option", lang, option=option), possibilities, lang
        )
    unknown = _NO_SUCH_COMMAND.match(text)
    if unknown:
        guesses = possibilities or ([unknown["guess"]] if unknown["guess"] else None)
        return _with_suggestion(
            message("usage.no-such-command", lang, command=unknown["name"]), guesses, lang
        )
    parameter = getattr(error, "param", None)
    if is_kind(error, "MissingParameter"):
        name = _parameter_name(parameter) or "?"
        key = "usage.missing-option" if _is_option(parameter) else "usage.missing-argument"
        return message(key, lang, name=name)
    if is_kind(error, "BadParameter"):
        option = _parameter_name(parameter)
        if option:
            return message("usage.invalid-value", lang, option=option, problem=text.rstrip("."))
        return message("usage.invalid-value-plain", lang, problem=text.rstrip("."))
    if is_kind(error, "BadOptionUsage"):
        return _bad_option_usage(str(getattr(error, "option_name", "?")), text, lang)
    extra = _EXTRA_ARGUMENTS.match(text)
    if extra:
        return message("usage.extra-arguments", lang, arguments=extra["arguments"])
    if text == "Missing command.":
        return message("usage.missing-command", lang)
    return text


def _with_suggestion(problem: str, possibilities: Sequence[str] | None, lang: Lang) -> str:
    if not possibilities:
        return problem
    choices = ", ".join(sorted(possibilities))
    return f"{problem} ({message('usage.did-you-mean', lang, choices=choices)})"


def _bad_option_usage(option: str, text: str, lang: Lang) -> str:
    if _TAKES_NO_VALUE in text:
        return message("usage.takes-no-value", lang, option=option)
    several = _NEEDS_VALUES.search(text)
    if several:
        return message("usage.needs-values", lang, option=option, count=several["count"])
    return message("usage.needs-value", lang, option=option)


def _is_option(parameter: object) -> bool:
    return (
        bool(getattr(parameter, "opts", None))
        and getattr(parameter, "param_type_name", "") == "option"
    )


def _parameter_name(parameter: object) -> str | None:
    """``--format`` for an option, ``ID`` for an argument, as the help text shows them."""
    if parameter is None:
        return None
    if _is_option(parameter):
        options: list[str] = list(getattr(parameter, "opts", ()))
        return max(options, key=len)
    metavar = getattr(parameter, "metavar", None)
    name = metavar or getattr(parameter, "name", None)
    return str(name).upper() if name else None
