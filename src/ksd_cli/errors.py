"""The error hierarchy: a ``UserError`` is the user's to fix and is shown without a traceback."""

from __future__ import annotations


class KsdError(Exception):
    """Base of every error ksd raises on purpose."""


class UserError(KsdError):
    """A problem with the user's input, repository or command line: message, optional hint."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageProblem(KsdError):
    """A command-line value that cannot be used (exit code 2, like any usage error)."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(f"{option}: {message}")
        self.option = option
        self.message = message
