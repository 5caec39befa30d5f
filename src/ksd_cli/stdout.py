"""Standard output, guarded: a failed write of a command's output is told from any other error.

A full disk or an I/O error while the output is written (``ksd validate -f json > /dev/full``)
is neither a bug of ksd nor a problem of the data: ksd says it cannot write its output and
exits 1. Only the writes that go through :class:`GuardedStream` (``sys.stdout`` while a
command line runs) are told so: an ``OSError`` raised anywhere else (reading a record, writing
an output file) stays what it is. A closed pipe (``BrokenPipeError``) is left as it is: the
reader went away, and the boundary already says nothing of it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from ksd_cli.messages import Lang, message

T = TypeVar("T")


class OutputError(Exception):
    """Writing to standard output failed; ``error`` is the system's error."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error

    @property
    def reason(self) -> str:
        """The system's reason (``No space left on device``)."""
        return self.error.strerror or str(self.error)


def _guarded(write: Callable[..., T], *args: Any) -> T:
    try:
        return write(*args)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(exc) from exc


class GuardedStream:
    """A stream whose failing writes and flushes raise :class:`OutputError`.

    Everything else (``encoding``, ``isatty``, ``fileno``...) is the stream's own; its
    ``buffer`` (binary output, a workbook written to stdout) is guarded too.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        #: Set once the failure is said: what is written after it is dropped, not said again.
        self.let_go = False

    def write(self, data: Any) -> Any:
        """Write ``data`` to the stream."""
        if self.let_go:
            return len(data)
        return _guarded(self._stream.write, data)

    def writelines(self, lines: Iterable[Any]) -> None:
        """Write each of ``lines`` to the stream."""
        if not self.let_go:
            _guarded(self._stream.writelines, lines)

    def flush(self) -> None:
        """Flush the stream."""
        if not self.let_go:
            _guarded(self._stream.flush)

    @property
    def buffer(self) -> GuardedStream:
        """The stream's binary buffer, guarded (``AttributeError`` when it has none)."""
        inner = GuardedStream(self._stream.buffer)
        inner.let_go = self.let_go
        return inner

    @property
    def guarded(self) -> Any:
        """The stream itself."""
        return self._stream

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def guarded_stdout() -> Iterator[GuardedStream]:
    """``sys.stdout`` guarded while the block runs (as it was, afterwards)."""
    original = sys.stdout
    guarded = GuardedStream(original)
    sys.stdout = guarded
    try:
        yield guarded
    finally:
        sys.stdout = original


def output_failed(reason: str, lang: Lang) -> None:
    """Say on stderr that the output could not be written, and let go of standard output.

    Standard output then points at the null device: what is still buffered for it would
    fail again when Python flushes it at exit (a second, raw error message).
    """
    try:
        sys.stderr.write(f"ksd: {message('boundary.output-failed', lang, reason=reason)}\n")
        sys.stderr.flush()
    except OSError:
        pass  # stderr cannot be written either: the exit code still says it
    let_go_of_stdout()


def let_go_of_stdout() -> None:
    """Point standard output at the null device, so that flushing it at exit cannot fail.

    Guarded, it drops what is written to it from now on.
    """
    stream = sys.stdout
    if isinstance(stream, GuardedStream):
        stream.let_go = True
        stream = stream.guarded
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test's capture): nothing is flushed to the system at exit
