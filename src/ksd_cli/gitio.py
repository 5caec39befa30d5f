"""Reading a data repository's history with the real ``git``: revisions, files, changes."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ksd_cli.errors import UserError
from ksd_cli.messages import Msg

ChangeStatus = Literal["added", "modified", "deleted"]
_STATUS: dict[str, ChangeStatus] = {
    "A": "added",
    "C": "added",
    "M": "modified",
    "T": "modified",
    "D": "deleted",
}


#: How git names the work tree's top level and where the ksd root is inside it.
_OPEN = ("rev-parse", "--show-toplevel", "--show-prefix")
#: How ``git diff`` lists the files that differ: with their blobs (see ``_blobs``).
_RAW = ("--raw", "--no-abbrev", "-z", "--no-renames", "--no-ext-diff")


class GitError(UserError):
    """git is missing, this is not a git repository, or a revision is unknown."""


class GitMissing(GitError):
    """The git program is not installed (not on ``PATH``)."""

    def __init__(self) -> None:
        super().__init__(Msg("git.missing"), hint=Msg("git.missing.hint"))


@dataclass(frozen=True)
class Change:
    """A file that differs between a revision and the working tree (path from the ksd root)."""

    path: str
    status: ChangeStatus


@dataclass(frozen=True)
class GitRepository:
    """The git work tree holding a ksd data repository, which may be one of its folders."""

    toplevel: Path
    prefix: str  # the ksd root relative to the top level, "" or "sub/dir/"
    #: The commits revisions were resolved to, so that each is asked of git once per object
    #: (every method below takes a revision; most callers pass the same one several times).
    _commits: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    #: The blob of a file at a commit, by (commit, ksd-root-relative path), as a comparison
    #: with the work tree gave it: :meth:`read_files` asks git for the blob itself, not for
    #: ``COMMIT:PATH``, which git resolves by reading every tree on the path again for each
    #: file (a folder of 10,000 records: about 2 ms a file).
    _blobs: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, repr=False)
    #: git commands started ahead (:meth:`start_listings`), by their arguments, until a
    #: method asks for the same command: it then waits for the one started.
    _started: dict[tuple[str, ...], Callable[[], bytes]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def run(self, *args: str, stdin: bytes | None = None) -> bytes:
        """Run ``git args`` at the top level and return its output; a failure is a GitError."""
        return run_git(self.toplevel, args, stdin=stdin)

    def start(self, *args: str) -> Callable[[], bytes]:
        """Start ``git args`` at the top level; the call returned waits for its output.

        As :meth:`run`, while this process does other work (see :func:`start_git`).
        """
        started = self._started.pop(args, None)
        return started if started is not None else start_git(self.toplevel, args)

    def start_listings(
        self, revision: str, folders: Iterable[str], files: Iterable[str] = ()
    ) -> None:
        """Start now the git commands that a diff of ``revision`` with the work tree runs.

        Those of :meth:`list_files_later` and :meth:`changed_paths_later` (of ``folders``),
        :meth:`short` and :meth:`show_file` (of ``files``). For a caller that knows them
        before it can use them (``ksd_cli.launch`` starts them before the diff's modules are
        imported). Wait for what is not asked for by then with :meth:`abandon_started`.
        """
        commit = self.resolve(revision)
        folders = list(folders)
        wanted = [
            self._ls_tree(commit, folders),
            self._diff_names(commit, folders),
            ("rev-parse", "--short", commit),
            *(self._blob_of(commit, path) for path in files),
        ]
        for args in wanted:
            if args is not None and args not in self._started:
                self._started[args] = start_git(self.toplevel, args)

    def abandon_started(self) -> None:
        """Wait for the commands started ahead that nothing asked for, and drop their output."""
        while self._started:
            _, output = self._started.popitem()
            try:
                output()
            except GitError:
                pass

    def _ls_tree(self, commit: str, folders: Iterable[str]) -> tuple[str, ...] | None:
        wanted = [self.prefix + f.strip("/").removeprefix("./") + "/" for f in folders]
        if not wanted:
            return None
        return ("ls-tree", "-r", "-z", "--name-only", "--full-tree", commit, "--", *wanted)

    def _diff_names(self, commit: str, folders: Iterable[str]) -> tuple[str, ...] | None:
        wanted = [self.prefix + f.strip("/").removeprefix("./") + "/" for f in folders]
        if not wanted:
            return None
        return ("diff", *_RAW, commit, "--", *wanted)

    def resolve(self, revision: str) -> str:
        """The commit id a revision names (a branch, a tag, ``HEAD~2``...)."""
        if not revision or revision.startswith("-"):
            raise GitError(Msg("git.invalid-revision", revision=repr(revision)))
        known = self._commits.get(revision)
        if known is not None:
            return known
        try:
            out = self.run(
                "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
            )
        except GitError:
            out = b""
        if not out.strip():
            raise GitError(
                Msg("git.unknown-revision", revision=revision),
                hint=Msg("git.unknown-revision.hint"),
            )
        commit = out.decode().strip()
        self._commits[revision] = self._commits[commit] = commit
        return commit

    def default_branch(self) -> str:
        """The branch pull requests go to: ``origin/HEAD``, else ``main``, else ``master``."""
        try:
            ref = self.run("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD").decode().strip()
        except GitError:
            ref = ""
        if ref.startswith("refs/remotes/"):
            return ref.removeprefix("refs/remotes/")
        for candidate in ("main", "master", "origin/main", "origin/master"):
            try:
                self.resolve(candidate)
            except GitError:
                continue
            return candidate
        raise GitError(
            Msg("git.no-default-branch"),
            hint=Msg("git.no-default-branch.hint"),
        )

    def merge_base(self, first: str, second: str = "HEAD") -> str:
        """The newest common ancestor of two revisions (where a branch left the other)."""
        a, b = self.resolve(first), self.resolve(second)
        try:
            return self.run("merge-base", a, b).decode().strip()
        except GitError:
            raise GitError(
                Msg("git.no-merge-base", first=first, second=second),
                hint=Msg("git.no-merge-base.hint"),
            ) from None

    def short(self, commit: str) -> str:
        """The abbreviated id of a commit."""
        return self._output("rev-parse", "--short", commit).decode().strip()

    def list_files(self, revision: str, folders: Iterable[str]) -> list[str]:
        """The files directly inside ``folders`` (ksd-root-relative) at ``revision``."""
        return self.list_files_later(revision, folders)()

    def list_files_later(self, revision: str, folders: Iterable[str]) -> Callable[[], list[str]]:
        """:meth:`list_files`, git started now: the call returned waits for the list."""
        commit = self.resolve(revision)
        folders = list(folders)
        args = self._ls_tree(commit, folders)
        if args is None:
            return list
        listed = self.start(*args)
        inside = {folder.strip("/").removeprefix("./") for folder in folders}

        def paths() -> list[str]:
            text = listed().decode("utf-8", "surrogateescape")
            found = [item for item in text.split("\0") if item]
            if self.prefix:
                found = [item.removeprefix(self.prefix) for item in found]
            # A path's folder is what comes before its last "/" ("" for none).
            return sorted(rel for rel in found if rel.rpartition("/")[0] in inside)

        return paths

    def show_file(self, revision: str, path: str) -> bytes | None:
        """The content of ``path`` (ksd-root-relative) at ``revision``, None if absent.

        Like ``git show REV:path``, without text conversion.
        """
        commit = self.resolve(revision)
        try:
            return self._output(*self._blob_of(commit, path))
        except GitError:
            return None

    def _blob_of(self, commit: str, path: str) -> tuple[str, ...]:
        return ("cat-file", "blob", f"{commit}:{self.prefix}{path}")

    def _output(self, *args: str) -> bytes:
        """:meth:`run` of ``args``, or the output of the same command started ahead."""
        started = self._started.pop(args, None)
        return started() if started is not None else self.run(*args)

    def blob_of(self, revision: str, path: str) -> str | None:
        """The id of the blob of ``path`` at ``revision``, when a comparison gave it."""
        return self._blobs.get((self.resolve(revision), path))

    def read_files(self, revision: str, paths: Sequence[str]) -> dict[str, bytes]:
        """The contents of many files at ``revision`` through one ``git cat-file --batch``."""
        commit = self.resolve(revision)
        usable = [p for p in paths if "\n" not in p]
        if not usable:
            return {}
        out = self.run("cat-file", "--batch", stdin=self._batch(commit, usable))
        return _batch_contents(usable, out)

    def read_files_later(
        self, revision: str, paths: Sequence[str]
    ) -> Callable[[], dict[str, bytes]]:
        """:meth:`read_files`, git started now: the call returned waits for the contents."""
        commit = self.resolve(revision)
        usable = [p for p in paths if "\n" not in p]
        if not usable:
            return dict
        started = start_git(
            self.toplevel, ("cat-file", "--batch"), stdin=self._batch(commit, usable)
        )
        return lambda: _batch_contents(usable, started())

    def _batch(self, commit: str, paths: Sequence[str]) -> bytes:
        """What ``git cat-file --batch`` is asked for the files at ``paths`` in ``commit``."""
        blobs = self._blobs
        return "".join(
            f"{blobs[commit, p]}\n" if (commit, p) in blobs else f"{commit}:{self.prefix}{p}\n"
            for p in paths
        ).encode("utf-8", "surrogateescape")

    def changed_paths(self, revision: str, folders: Iterable[str]) -> list[str]:
        """The tracked files in ``folders`` that differ between ``revision`` and the work tree.

        Changes committed since, staged or not; paths from the ksd root. Untracked files are
        not listed: compare the revision's files with those on disk.
        """
        return self.changed_paths_later(revision, folders)()

    def changed_paths_later(self, revision: str, folders: Iterable[str]) -> Callable[[], list[str]]:
        """:meth:`changed_paths`, git started now: the call returned waits for the list."""
        commit = self.resolve(revision)
        args = self._diff_names(commit, folders)
        if args is None:
            return list
        listed = self.start(*args)
        return lambda: sorted(c.path for c in self._compared(commit, listed()))

    def changed_files(self, revision: str) -> list[Change]:
        """Files changed since ``revision`` in the working tree, paths from the ksd root.

        Committed since, staged, unstaged and untracked (not ignored) files all count.
        """
        return self.changed_files_later(revision)()

    def changed_files_later(self, revision: str) -> Callable[[], list[Change]]:
        """:meth:`changed_files`, git started now: the call returned waits for the list."""
        commit = self.resolve(revision)
        scope = self.prefix or "."
        # Both run at once. ``--raw`` names each file's blob at the revision, so that
        # ``read_files`` then asks git for the blob itself (see ``_blobs``).
        compared = self.start("diff", *_RAW, commit, "--", scope)
        others = self.start("ls-files", "--others", "--exclude-standard", "-z", "--", scope)

        def changed() -> list[Change]:
            compared_out, others_out = _each_output(compared, others)
            changes = {c.path: c for c in self._compared(commit, compared_out)}
            for path in others_out.decode("utf-8", "surrogateescape").split("\0"):
                if path and path.startswith(self.prefix):
                    rel = path.removeprefix(self.prefix)
                    changes.setdefault(rel, Change(rel, "added"))
            return sorted(changes.values(), key=lambda c: c.path)

        return changed

    def _compared(self, commit: str, out: bytes) -> list[Change]:
        """The files ``git diff --raw`` (``_RAW``) names, each file's blob at ``commit`` kept.

        Paths from the ksd root; files outside it are left out.
        """
        changes: list[Change] = []
        fields = out.decode("utf-8", "surrogateescape").split("\0")
        for raw, path in zip(fields[0::2], fields[1::2], strict=False):
            # ":OLDMODE NEWMODE OLDBLOB NEWBLOB STATUS"
            parts = raw.split(" ")
            if len(parts) != 5 or not path or not path.startswith(self.prefix):
                continue
            rel = path.removeprefix(self.prefix)
            changes.append(Change(rel, _STATUS.get(parts[4][:1], "modified")))
            if parts[0] != ":160000" and parts[2].strip("0"):
                self._blobs[commit, rel] = parts[2]
        return changes


def _batch_contents(paths: Sequence[str], out: bytes) -> dict[str, bytes]:
    """The contents ``git cat-file --batch`` gave for ``paths``, asked in that order.

    A file missing at the revision is left out.
    """
    contents: dict[str, bytes] = {}
    at = 0
    for path in paths:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            contents[path] = out[at : at + size]
            at += size + 1
    return contents


def run_git(cwd: Path, args: Sequence[str], *, stdin: bytes | None = None) -> bytes:
    """Run git in ``cwd``; git missing or failing is a GitError naming the command."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, env=_env(), check=False
        )
    except FileNotFoundError:
        raise GitMissing from None
    if done.returncode != 0:
        raise _failed(args, done.stderr)
    return done.stdout


def start_git(cwd: Path, args: Sequence[str], *, stdin: bytes | None = None) -> Callable[[], bytes]:
    """Start git in ``cwd``; the call returned waits for it and gives its output.

    As :func:`run_git` (the same errors, raised by the call), while the caller does other
    work. Its input, output and errors are temporary files, so that git never waits for a
    full pipe (a pipe holds 64 KB: warnings about thousands of files fill it). Call what is
    returned exactly once, or git is left to finish unwatched.
    """
    out = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the call returned
    err = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the call returned
    given = tempfile.TemporaryFile() if stdin is not None else None  # noqa: SIM115 - below
    try:
        if given is not None and stdin is not None:
            given.write(stdin)
            given.seek(0)
        process = subprocess.Popen(
            ["git", *args], cwd=cwd, stdin=given, stdout=out, stderr=err, env=_env()
        )
    except FileNotFoundError:
        out.close()
        err.close()
        raise GitMissing from None
    except BaseException:
        out.close()
        err.close()
        raise
    finally:
        if given is not None:
            given.close()  # git holds its own copy of the file

    def output() -> bytes:
        with out, err:
            process.wait()
            if process.returncode != 0:
                err.seek(0)
                raise _failed(args, err.read())
            out.seek(0)
            return out.read()

    return output


def _each_output(*outputs: Callable[[], bytes]) -> list[bytes]:
    """What each started git gave: every one is waited for, the first failure raised last."""
    results: list[bytes] = []
    failed: GitError | None = None
    for output in outputs:
        try:
            results.append(output())
        except GitError as exc:
            failed = failed or exc
            results.append(b"")
    if failed is not None:
        raise failed
    return results


def _env() -> dict[str, str]:
    return {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}


def _failed(args: Sequence[str], stderr: bytes) -> GitError:
    detail = stderr.decode("utf-8", "replace").strip().splitlines()
    return GitError(f"git {args[0]}: {detail[-1] if detail else 'failed'}")


def open_git(root: Path, revision: str | None = None) -> GitRepository:
    """The git work tree that holds the ksd repository at ``root``.

    ``revision``: one the caller will ask for, resolved by the same git (one git started
    instead of two, each waited for); when git cannot resolve it, the work tree is opened
    alone, and :meth:`GitRepository.resolve` later says what is wrong with the revision.
    """
    return open_git_later(root, revision)()


def open_git_later(root: Path, revision: str | None = None) -> Callable[[], GitRepository]:
    """:func:`open_git`, git started now: the call returned waits for it.

    Call it exactly once (or git is left to finish unwatched); it raises what
    :func:`open_git` raises.
    """
    started: Callable[[], bytes] | None = None
    if revision and not revision.startswith("-") and ".." not in revision:
        wanted = (*_OPEN, "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
        try:
            started = start_git(root, wanted)
        except GitError:
            started = None

    def opened() -> GitRepository:
        if started is not None and revision is not None:
            try:
                lines = started().decode().splitlines()
            except GitError:
                lines = []
            if len(lines) == 3 and lines[2]:
                toplevel, prefix, commit = lines
                git = GitRepository(Path(toplevel), prefix)
                git._commits[revision] = git._commits[commit] = commit
                return git
        return _open_git(root)

    return opened


def _open_git(root: Path) -> GitRepository:
    try:
        out = run_git(root, _OPEN)
    except GitMissing:
        raise  # no git to ask: whether ``root`` is a repository is not known
    except GitError:
        raise GitError(
            Msg("git.not-a-repository", root=root),
            hint=Msg("git.not-a-repository.hint"),
        ) from None
    toplevel, prefix = (out.decode().splitlines() + ["", ""])[:2]
    return GitRepository(Path(toplevel), prefix)


def head_id(root: Path) -> str | None:
    """The short id of HEAD; ``None`` outside git (the naskah's provenance names it)."""
    try:
        return run_git(root, ("rev-parse", "--short", "HEAD")).decode().strip() or None
    except GitError:
        return None


def head_commit(root: Path, paths: Sequence[str] = ()) -> tuple[str | None, bool]:
    """The short id of HEAD and whether ``paths`` (default: all) have uncommitted changes.

    ``(None, False)`` outside git. Used for provenance: the naskah and reports name the
    data they were made from.
    """
    try:
        head = run_git(root, ("rev-parse", "--short", "HEAD")).decode().strip()
        status = run_git(root, ("status", "--porcelain", "--", *(paths or ["."]))).decode()
    except GitError:
        return None, False
    return (head or None), bool(status.strip())
