"""``ksd consolidate``'s printed answer, kept while none of the repositories changed.

With every region's row in the cache (``ksd_cli.consolidate.saved``), a consolidation costs
mostly start-up: importing the models, unpickling each region's row and the findings across
regions, and laying out an answer of megabytes (a province's JSON). So the answer printed
(``--format json`` or ``md``, to stdout) is kept with the :class:`Request` it answers (the
sources as gathered, and the options as given) and a :class:`Seen`: a witness of each
repository (:class:`ksd_cli.answers.Witness`: ``ksd.toml``'s bytes and stamp, the stamp of
every entry of its record folders) taken before the consolidation read it, its time zone,
and the days the answer was made on. The console script (``ksd_cli.launch``) gives the
answer back, before typer loads, while the same request finds every witness holding and
every day the same; anything else runs in full (the regions' rows still come from their
cache), and the new answer is kept, in place of the one kept before for the same sources
and format.

Only local repositories are kept: a git source is fetched on every run. A local checkout
shows its last commit's date, which a commit changes without changing a file: its witness
holds what names the commit checked out, read from git's own files (:func:`git_head`).
Like every cache of ksd the file is an optimisation only: ignored when unreadable, corrupt
or written by another ksd, off with ``--no-cache`` and ``KSD_NO_CACHE``, never kept from
files changed moments before (``cache.RACY_NS``). This module imports nothing heavy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ksd_cli import cache
from ksd_cli.answers import Witness, config_bytes, today_in, witness
from ksd_cli.consolidate.sources import LIST_FILE, ExpectedRule, SourceList, gather
from ksd_cli.messages import chosen_lang

#: The layout of a kept answer; one of another layout is ignored (and replaced).
FORMAT = 2
#: The formats whose answer is kept (text depends on the terminal; xlsx goes to a file).
KEPT_FORMATS = ("json", "md")
#: The options of a command line answered early, each followed by its value.
_OPTIONS = frozenset({"--format", "--as-of", "--lang", "--expected"})


@dataclass(frozen=True)
class Request:
    """What an answer is kept for: the sources as gathered, and the options as given.

    ``sources`` are each source's label, location and listed region code, in order;
    ``listed`` the expected regions a list file names; ``as_of`` and ``expected`` the
    option values as written (``None`` when not given); ``lang`` the language chosen.
    """

    sources: tuple[tuple[str, str, str | None], ...]
    listed: ExpectedRule | tuple[str, ...] | None
    format: str
    as_of: str | None
    lang: str
    expected: str | None


@dataclass(frozen=True)
class Seen:
    """Each repository as witnessed before it was read, its time zone, and the days.

    ``witnesses``, ``heads`` (:func:`git_head`) and ``zones`` follow the sources;
    ``default_zone`` is the time zone of the day judged as of without ``--as-of``; ``days``
    are today in that zone and in each repository's (see :func:`days_in`).
    """

    witnesses: tuple[Witness, ...]
    heads: tuple[bytes, ...]
    zones: tuple[str, ...]
    default_zone: str
    days: tuple[str, ...]


def git_head(root: Path) -> bytes | None:
    """What names the commit checked out at ``root``, read from git's files (no git is run).

    ``b""`` when ``root`` is no checkout (no ``.git``); else ``HEAD``'s text and the ref it
    names (its own file, or ``packed-refs`` when the ref is packed): a new commit, another
    branch or a reset changes them. ``None`` when they cannot be read (a ``.git`` file of a
    linked work tree, a broken ``.git``): such a repository keeps nothing.
    """
    folder = root / ".git"
    if not folder.exists():
        return b""
    try:
        head = (folder / "HEAD").read_bytes()
        if not head.startswith(b"ref: "):
            return head  # a detached HEAD names its commit
        ref = folder / head[5:].strip().decode("utf-8")
        named = ref.read_bytes() if ref.is_file() else (folder / "packed-refs").read_bytes()
    except (OSError, UnicodeDecodeError):
        return None
    return head + b"\0" + named


def request_for(
    listed: SourceList,
    *,
    format: str,  # noqa: A002 - the option's name
    as_of: str | None,
    lang: str,
    expected: str | None,
) -> Request | None:
    """The request whose answer may be kept; ``None`` when it may not.

    Not kept: another format, and any source that is not a local repository (a source that
    cannot be read, a git URL), or whose checked-out commit cannot be told (:func:`git_head`).
    """
    if format not in KEPT_FORMATS or not listed.sources:
        return None
    for source in listed.sources:
        if source.problem is not None or source.git:
            return None
        if git_head(Path(source.location)) is None:
            return None
    return Request(
        tuple((s.label, s.location, s.kode) for s in listed.sources),
        listed.expected,
        format,
        as_of,
        lang,
        expected,
    )


def witnessed(request: Request) -> Seen | None:
    """Every repository of ``request`` witnessed now, before it is read; ``None`` if one cannot be.

    A repository that cannot be opened, or a file changed moments before, keeps nothing.
    """
    from ksd_cli.config import Config
    from ksd_cli.errors import UserError
    from ksd_cli.repository import open_repository

    witnesses: list[Witness] = []
    heads: list[bytes] = []
    zones: list[str] = []
    for _, location, _ in request.sources:
        root = Path(location)
        config = config_bytes(root)
        head = git_head(root)
        if head is None:
            return None
        heads.append(head)
        try:
            repository = open_repository(root)
        except UserError:
            return None
        seen = witness(root, config, [repository.agreements_dir, repository.potentials_dir])
        if seen is None:
            return None
        witnesses.append(seen)
        zones.append(repository.config.daerah.zona_waktu)
    default_zone = Config().daerah.zona_waktu
    days = days_in(default_zone, zones)
    return Seen(tuple(witnesses), tuple(heads), tuple(zones), default_zone, days)


def days_in(default_zone: str, zones: Sequence[str]) -> tuple[str, ...]:
    """Today in ``default_zone`` and in each of ``zones``: an answer holds for those days."""
    found: dict[str, str] = {}
    for zone in (default_zone, *zones):
        if zone not in found:
            found[zone] = today_in(zone).isoformat()
    return tuple(found[zone] for zone in (default_zone, *zones))


def keep(request: Request, seen: Seen, text: str) -> None:
    """Keep ``text``, the answer of ``request`` made from the repositories as ``seen``.

    Nothing is kept when a repository changed since it was witnessed, or the day changed
    while the answer was made. The answer kept before for the same sources and format is
    replaced. A cache that cannot be written is skipped.
    """
    if not _holds(request, seen):
        return
    payload = {"code": cache.code_fingerprint(), "request": request, "seen": seen, "text": text}
    cache.store_pickled(_place(request), FORMAT, payload)


def kept_text(request: Request) -> str | None:
    """The answer kept for ``request`` while every repository is as witnessed, else ``None``."""
    stored = cache.read_pickled(_place(request), FORMAT)
    if (
        stored is None
        or stored.get("request") != request
        or stored.get("code") != cache.code_fingerprint()
    ):
        return None
    seen, text = stored.get("seen"), stored.get("text")
    if not isinstance(seen, Seen) or not isinstance(text, str) or not _holds(request, seen):
        return None
    return text


def early_text(arguments: Sequence[str], *, cwd: Path) -> str | None:
    """The answer kept for ``ksd consolidate`` ``arguments``, when they are a plain request.

    Plain: sources, and ``--format json|md``, ``--as-of``, ``--lang`` and ``--expected``
    each at most once (the ``--opt value`` form); anything else is ``None`` (the full command
    line answers), as is a request with no answer kept, or the cache off.
    """
    if not cache.cache_enabled():
        return None
    named: list[str] = []
    options: dict[str, str] = {}
    words = iter(arguments)
    for word in words:
        if word in _OPTIONS:
            value = next(words, None)
            if not value or word in options or value.startswith("-"):
                return None
            options[word] = value
        elif word.startswith("-") or not word:
            return None
        else:
            named.append(word)
    lang = chosen_lang(options.get("--lang"))
    if lang is None or options.get("--format") not in KEPT_FORMATS:
        return None
    if not named:
        if not (cwd / LIST_FILE).is_file():
            return None
        named = [LIST_FILE]
    request = request_for(
        gather(named, cwd=cwd),
        format=options["--format"],
        as_of=options.get("--as-of"),
        lang=lang,
        expected=options.get("--expected"),
    )
    return kept_text(request) if request is not None else None


def _holds(request: Request, seen: Seen) -> bool:
    """Whether every repository of ``request`` is as ``seen``, on the same days."""
    if not len(seen.witnesses) == len(seen.heads) == len(seen.zones) == len(request.sources):
        return False
    for (_, location, _), was, head in zip(
        request.sources, seen.witnesses, seen.heads, strict=True
    ):
        root = Path(location)
        # The configuration first: the time zones below are the ones it names.
        if config_bytes(root) != was.config or git_head(root) != head:
            return False
    try:
        if days_in(seen.default_zone, seen.zones) != seen.days:
            return False
    except Exception:  # noqa: BLE001 - a time zone this machine lacks: no answer
        return False
    for (_, location, _), was in zip(request.sources, seen.witnesses, strict=True):
        root = Path(location)
        folders = [Path(folder) for folder, deep, _, _ in was.folders if not deep]
        if witness(root, was.config, folders) != was:
            return False
    return True


def _place(request: Request) -> Path:
    """The answer's file: one for each set of sources (by label and location) and format."""
    digest = hashlib.blake2b(request.format.encode(), digest_size=12)
    for label, location, _ in request.sources:
        digest.update(f"{label}\0{location}\0".encode("utf-8", "surrogateescape"))
    return cache.cache_folder() / "konsolidasi-jawaban" / f"{digest.hexdigest()}.pickle"
