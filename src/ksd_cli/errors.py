"""The error hierarchy: a ``UserError`` is the user's to fix and is shown without a traceback."""

from __future__ import annotations

from ksd_cli.messages import Lang, Msg, render

#: What a user error says: a catalog message (worded in the user's language at the error
#: boundary) or, for text that is already worded, a plain string.
Words = Msg | str


class KsdError(Exception):
    """Base of every error ksd raises on purpose."""


class UserError(KsdError):
    """A problem with the user's input, repository or command line: message, optional hint.

    Raise it with catalog messages, ``UserError(Msg("repo.not-found", path=...))``: the
    error boundary words them in the language the user chose. A plain string is shown as
    it is (for text that already comes worded, such as a finding's message).
    """

    def __init__(self, message: Words, hint: Words | None = None) -> None:
        super().__init__(render(message, "id"))
        self.words = message
        self.hint_words = hint

    def text(self, lang: Lang) -> str:
        """The message in ``lang``."""
        return render(self.words, lang)

    def hint_text(self, lang: Lang) -> str | None:
        """The hint in ``lang``, when there is one."""
        return None if self.hint_words is None else render(self.hint_words, lang)

    @property
    def message(self) -> str:
        """The message in Indonesian (the default language)."""
        return self.text("id")

    @property
    def hint(self) -> str | None:
        """The hint in Indonesian (the default language)."""
        return self.hint_text("id")


class UsageProblem(KsdError):
    """A command-line value that cannot be used (exit code 2, like any usage error)."""

    def __init__(self, option: str, message: Words) -> None:
        super().__init__(f"{option}: {render(message, 'en')}")
        self.option = option
        self.words = message

    def text(self, lang: Lang) -> str:
        """What is wrong with the value, in ``lang``."""
        return render(self.words, lang)
