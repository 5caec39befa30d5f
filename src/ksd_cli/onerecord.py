"""What one record's view needs of every other record, kept small so that it is read whole.

``ksd show ID`` judges one record as the whole repository would: whether it is sound (its
findings, and those of the rules across records), which region owns the repository (every
record's id), which agreements follow a potential up. A :class:`Summary` keeps exactly that,
with every record file's stamp, beside the cache's index (``RecordCache.write_summary``).
When every record file is still as stamped (one ``lstat`` each: no file read, no hash), the
view reads the summary and its own files only; otherwise it goes the whole way
(``validate.load_sound_record``), which writes a new summary.

The summary is made of a few long strings and byte arrays rather than one object per file,
so that reading it costs next to nothing even at 100,000 files.
"""

from __future__ import annotations

import os
import stat
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ksd_cli.cache import RecordCache, Stamp
from ksd_cli.diagnostics import Diagnostic
from ksd_cli.repository import Repository, SourceFile, is_record_name

#: One record folder as stamped: the start of its files' relative paths, their names in
#: order (joined by NUL) and their stamps (size, modification and change times, inode: four
#: signed 64-bit numbers each, in the names' order).
Folder = tuple[str, str, bytes]
_SEPARATORS = frozenset("\t\n\0")


@dataclass(frozen=True, slots=True)
class Summary:
    """A repository as one record's view sees the others, as of the stamps it was made from.

    ``folders``: every record file's stamp (see :data:`Folder`). ``records``: a line
    ``id<TAB>kind<TAB>path`` for every file that gave a record; ``followers``: a line
    ``potential<TAB>path`` for every agreement naming a potential. ``ids``,
    ``named_potentials``, ``invalid`` and ``errors`` as the whole repository's
    ``SoundRecords`` (``ksd_cli.validate``); ``broken``: every finding of the files that gave
    no record; ``files``: how many record files there are.
    """

    folders: tuple[Folder, ...]
    records: str
    followers: str
    ids: tuple[str, ...]
    named_potentials: frozenset[str]
    invalid: frozenset[str]
    errors: Mapping[str, tuple[Diagnostic, ...]]
    broken: Mapping[str, tuple[Diagnostic, ...]]
    files: int

    def wanted(self, record_id: str) -> frozenset[str]:
        """The files one record's view reads: the record's, and for a potential its followers."""
        found = [line.split("\t", 1) for line in _lines(self.records, record_id)]
        wanted = {rel for _, rel in found}
        if any(kind == "potential" for kind, _ in found):
            wanted.update(_lines(self.followers, record_id))
        return frozenset(wanted)

    def findings(self) -> tuple[Diagnostic, ...]:
        """The findings one record's view may show, in position order.

        Every error, and every finding of a file that gave no record (a view names the
        first one when its record does not load); the other findings are no view's concern.
        """
        kept = [d for rel, found in self.errors.items() if rel not in self.broken for d in found]
        kept.extend(d for found in self.broken.values() for d in found)
        return tuple(sorted(kept, key=Diagnostic.sort_key))


def _lines(text: str, key: str) -> Iterator[str]:
    """What follows ``key<TAB>`` on each line of ``text`` that starts with it."""
    needle = f"\n{key}\t"
    at = text.find(needle)
    while at >= 0:
        start = at + len(needle)
        end = text.find("\n", start)
        yield text[start:end]
        at = text.find(needle, end)


def summarise(
    repository: Repository,
    sources: Sequence[tuple[SourceFile, Stamp | None, str | None, str, Iterable[str]]],
    *,
    ids: tuple[str, ...],
    named_potentials: frozenset[str],
    invalid: frozenset[str],
    errors: Mapping[str, tuple[Diagnostic, ...]],
    findings: Iterable[Diagnostic],
) -> Summary | None:
    """The summary of the record files ``sources``, in the repository's order.

    Each source comes with its stamp, its record's id (``None`` when it gave no record), its
    kind and the potentials it names. ``None`` when a file has no stamp (it is not regular, or
    changed moments ago): such a summary would never be found fresh.
    """
    folders = {str(folder): prefix for folder, _, prefix in repository.record_folders()}
    # Every record folder, even an empty one: one that appears or goes is a change too.
    names: dict[str, list[str]] = {prefix: [] for prefix in folders.values()}
    stamps: dict[str, array[int]] = {prefix: array("q") for prefix in folders.values()}
    records = ["\n"]
    followers = ["\n"]
    broken: dict[str, list[Diagnostic]] = {}
    for source, stamp, record_id, kind, potensi in sources:
        location = source.location
        if stamp is None or not isinstance(location, tuple):
            return None
        prefix = folders.get(str(location[0]))
        if prefix is None or source.rel != prefix + location[1]:
            return None
        names[prefix].append(location[1])
        try:
            stamps[prefix].extend(stamp)
        except OverflowError:
            return None
        if record_id is None:
            broken[source.rel] = []
            continue
        if any(_SEPARATORS & set(text) for text in (record_id, source.rel, *potensi)):
            return None  # cannot be told apart in the lines below (never in a valid record)
        records.append(f"{record_id}\t{kind}\t{source.rel}\n")
        for potential in dict.fromkeys(potensi):
            followers.append(f"{potential}\t{source.rel}\n")
    for finding in findings:
        if finding.path in broken:
            broken[finding.path].append(finding)
    return Summary(
        tuple((prefix, "\0".join(names[prefix]), stamps[prefix].tobytes()) for prefix in names),
        "".join(records),
        "".join(followers),
        ids,
        named_potentials,
        invalid,
        errors,
        {rel: tuple(found) for rel, found in broken.items()},
        len(sources),
    )


def fresh_summary(
    repository: Repository, cache: RecordCache, record_id: str
) -> tuple[Summary, list[SourceFile]] | None:
    """The cache's summary, and the files ``record_id``'s view reads, when nothing changed.

    ``None`` unless every record file is as the summary stamped it: a file added, removed or
    changed, or one that is not a regular file, makes it stale. (A file is stamped only when
    it had not changed for a while: see ``ksd_cli.cache.RACY_NS``; the same stamp now is
    older still.) The files come in the repository's order (``Repository.source_files``).
    """
    summary = cache.read_summary()
    if not isinstance(summary, Summary):
        return None
    listed = repository.record_folders()
    if [prefix for _, _, prefix in listed] != [prefix for prefix, _, _ in summary.folders]:
        return None
    wanted = summary.wanted(record_id)
    sources: list[SourceFile] = []
    try:
        for (folder, kind, prefix), (_, names, stamps) in zip(listed, summary.folders, strict=True):
            found = record_stamps(folder)
            if found is None or found[0] != names or found[1] != stamps:
                return None
            sources.extend(
                SourceFile((folder, name), prefix + name, kind)
                for name in names.split("\0")
                if prefix + name in wanted
            )
    except (OSError, OverflowError):
        return None
    return summary, sources


def record_stamps(folder: os.PathLike[str]) -> tuple[str, bytes] | None:
    """The record files in ``folder`` in name order (joined by NUL) and their stamps.

    One listing and one ``lstat`` a record file, relative to the open folder; ``None`` if
    one is not a regular file. Sub-folders are not records.
    """
    names = []
    stamps = array("q")
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for name in sorted(filter(is_record_name, os.listdir(handle))):
            info = os.lstat(name, dir_fd=handle)
            if stat.S_ISDIR(info.st_mode):
                continue
            if not stat.S_ISREG(info.st_mode):
                return None
            names.append(name)
            stamps.extend((info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino))
    finally:
        os.close(handle)
    return "\0".join(names), stamps.tobytes()
