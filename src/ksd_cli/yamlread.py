"""Reading one record file: YAML 1.2 values, every node's position, and loading findings.

Records are YAML 1.2 as ruamel.yaml reads them (``yes``/``no``/``on`` stay strings, ``010`` is
ten, ``0o10`` is eight). Two composers produce the node tree: libyaml through PyYAML's C
extension (fast, used by default) and ruamel.yaml's pure-Python composer (used when libyaml
refuses a file, when a file carries a ``%YAML`` directive, and as the reference in the
differential tests). Both trees go through the one constructor below, so data and findings
cannot drift apart between them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

import yaml

from ksd_cli.diagnostics import Location

# Tags the resolver gives scalars that carry no explicit tag: plain ones are resolved here by
# the YAML 1.2 rules below, quoted ones are always strings.
PLAIN = "?"
STR = "tag:yaml.org,2002:str"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
_EXPLICIT_SCALAR_TAGS = {
    STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}

# The YAML 1.2 implicit resolvers of ruamel.yaml (resolver.py, versions (1, 2)), copied so that
# the fast path needs no ruamel import; tests/test_yamlread_differential.py keeps them honest.
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_FLOAT = re.compile(
    r"""^(?:
     [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_TIMESTAMP = re.compile(
    r"""^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}
    (?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?
    (?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$""",
    re.X,
)

# Expanded size (nodes, counting every alias use in full) above which a file is refused: a
# record has a few hundred nodes; "billion laughs" files have billions.
MAX_EXPANDED_NODES = 100_000

Parser = Literal["libyaml", "ruamel"]


@dataclass(frozen=True)
class LoadProblem:
    """A finding raised while reading a file, before any schema check."""

    code: str
    line: int
    column: int
    args: dict[str, object] = field(default_factory=dict)


@dataclass
class Document:
    """A file's data with the node tree that locates its parts."""

    data: Any
    root: Any
    problems: list[LoadProblem]

    def locate(self, loc: Sequence[str | int], *, key: bool = False) -> Location:
        """Line and column of the node at ``loc`` (the key itself with ``key=True``).

        Walks as far as the path exists: a missing key resolves to its parent mapping.
        """
        return locate(self.root, loc, key=key)


class _PlainResolver:
    """PyYAML resolver that leaves plain scalars for the YAML 1.2 constructor to resolve."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers."""

    def ascend_resolver(self) -> None:
        """No path resolvers."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        """Plain scalars get the ``PLAIN`` marker; everything else its default tag."""
        if kind is yaml.ScalarNode:
            return PLAIN if implicit[0] else STR
        return SEQ if kind is yaml.SequenceNode else MAP


_CParser: Any
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: every file takes the ruamel path
    _CParser = None


def has_libyaml() -> bool:
    """Whether PyYAML was built with libyaml (the fast path)."""
    return _CParser is not None


if _CParser is not None:

    class _FastLoader(_CParser, _PlainResolver):  # type: ignore[misc]
        """libyaml's composer with the resolver above."""


def read_document(text: str, parser: Parser = "libyaml") -> Document | LoadProblem:
    """Parse ``text`` (already decoded, BOM removed) into a ``Document`` or a syntax problem.

    Several documents, an empty file or a top level that is not a mapping are problems too.
    """
    roots: list[Any] | LoadProblem
    # libyaml accepts a tab as a separator ("key:<TAB>value") where ruamel.yaml, the format's
    # reference reader, refuses it: files with tabs are read by ruamel so both paths agree.
    if parser == "libyaml" and has_libyaml() and not _has_directive(text) and "\t" not in text:
        try:
            roots = _compose_libyaml(text)
        except yaml.YAMLError:
            # libyaml's messages differ from ruamel's: the reference composer words the finding,
            # so that both paths report a broken file the same way.
            roots = _compose_ruamel(text)
    else:
        roots = _compose_ruamel(text)
    if isinstance(roots, LoadProblem):
        return roots
    while len(roots) > 1 and _is_empty(roots[-1]):
        roots.pop()  # a trailing "---" with nothing after it
    if not roots:
        return LoadProblem("empty-file", 1, 1)
    if len(roots) > 1:
        second = roots[1]
        return LoadProblem("multiple-documents", second.start_mark.line + 1, 1)
    root = roots[0]
    if not _is_mapping(root):
        if _is_empty(root):
            return LoadProblem("empty-file", 1, 1)
        return LoadProblem("not-a-mapping", root.start_mark.line + 1, root.start_mark.column + 1)
    builder = _Builder()
    try:
        data = builder.build(root)
    except _TooLarge as exc:
        return LoadProblem("alias-bomb", exc.line, exc.column, {"limit": MAX_EXPANDED_NODES})
    return Document(data, root, builder.problems)


def _is_empty(node: Any) -> bool:
    return _is_scalar(node) and _tag(node) == PLAIN and bool(_NULL.match(node.value))


def _has_directive(text: str) -> bool:
    return text.startswith("%") or "\n%" in text


def _compose_libyaml(text: str) -> list[Any]:
    loader = _FastLoader(text)
    try:
        roots = []
        while loader.check_node():
            roots.append(loader.get_node())
        return roots
    finally:
        loader.dispose()


def _compose_ruamel(text: str) -> list[Any] | LoadProblem:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    reader = YAML(typ="rt", pure=True)
    reader.Resolver = _ruamel_resolver()
    try:
        return list(reader.compose_all(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is None:
            return LoadProblem("yaml-syntax", 1, 1, {"problem": _describe_yaml_error(exc)})
        if _char_at(text, mark.line, mark.column) == "\t":
            return LoadProblem("tab", mark.line + 1, mark.column + 1)
        return LoadProblem(
            "yaml-syntax", mark.line + 1, mark.column + 1, {"problem": _describe_yaml_error(exc)}
        )
    except YAMLError as exc:
        return LoadProblem("yaml-syntax", 1, 1, {"problem": str(exc).strip()})


_RUAMEL_RESOLVER: list[type] = []


def _ruamel_resolver() -> type:
    """Ruamel's resolver, changed to leave plain scalars to ``resolve_plain`` (built once)."""
    if not _RUAMEL_RESOLVER:
        from ruamel.yaml.nodes import MappingNode, ScalarNode
        from ruamel.yaml.resolver import VersionedResolver
        from ruamel.yaml.tag import Tag

        tags = {name: Tag(suffix=name) for name in (PLAIN, STR, MAP, SEQ)}

        class Resolver(VersionedResolver):
            def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
                if kind is ScalarNode:
                    return tags[PLAIN if implicit[0] else STR]
                return tags[MAP if kind is MappingNode else SEQ]

        _RUAMEL_RESOLVER.append(Resolver)
    return _RUAMEL_RESOLVER[0]


def _describe_yaml_error(exc: Any) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return "; ".join(str(p).strip() for p in parts) or type(exc).__name__


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    if 0 <= line < len(lines) and 0 <= column < len(lines[line]):
        return lines[line][column]
    return ""


def _tag(node: Any) -> str:
    tag = node.tag
    return tag if isinstance(tag, str) else str(getattr(tag, "value", tag))


def _is_mapping(node: Any) -> bool:
    return type(node).__name__ == "MappingNode"


def _is_sequence(node: Any) -> bool:
    return type(node).__name__ == "SequenceNode"


def _is_scalar(node: Any) -> bool:
    return type(node).__name__ == "ScalarNode"


class _TooLarge(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line, self.column = line, column


class _Builder:
    """Turns a node tree into plain Python values, noting duplicate keys and bad tags."""

    def __init__(self) -> None:
        self.problems: list[LoadProblem] = []
        self.expanded = 0
        # Collections already built, by node identity: an alias reuses the value, and its
        # full size is counted again so that nested aliases cannot hide an explosion.
        self.built: dict[int, tuple[Any, int]] = {}

    def build(self, node: Any) -> Any:
        value, _ = self._build(node)
        return value

    def _build(self, node: Any) -> tuple[Any, int]:
        kind = type(node).__name__
        if kind == "ScalarNode":
            self.expanded += 1
            return self._scalar(node), 1
        seen = self.built.get(id(node))
        if seen is not None:
            # The container that holds this alias reports the explosion at its own position.
            self.expanded += seen[1]
            return seen
        self.expanded += 1
        if kind == "SequenceNode":
            items = []
            size = 1
            for child in node.value:
                value, n = self._build(child)
                items.append(value)
                size += n
            result: tuple[Any, int] = (items, size)
        else:
            result = self._mapping(node)
        if self.expanded > MAX_EXPANDED_NODES:
            raise _TooLarge(node.start_mark.line + 1, node.start_mark.column + 1)
        self.built[id(node)] = result
        return result

    def _mapping(self, node: Any) -> tuple[dict[Any, Any], int]:
        mapping: dict[Any, Any] = {}
        size = 1
        merged: list[dict[Any, Any]] = []
        for key_node, value_node in node.value:
            if _is_scalar(key_node) and key_node.tag == PLAIN and key_node.value == "<<":
                value, n = self._build(value_node)
                size += n
                merged.extend(self._merge_sources(value, value_node))
                continue
            if not _is_scalar(key_node):
                self.problems.append(_at(key_node, "complex-key"))
                continue
            key = self._scalar(key_node)
            value, n = self._build(value_node)
            size += n + 1
            if key in mapping:
                self.problems.append(_at(key_node, "duplicate-key", key=key))
                continue
            mapping[key] = value
        for source in merged:
            for key, value in source.items():
                mapping.setdefault(key, value)
        return mapping, size

    def _merge_sources(self, value: Any, node: Any) -> list[dict[Any, Any]]:
        if isinstance(value, dict):
            return [value]
        if isinstance(value, list) and all(isinstance(v, dict) for v in value):
            return list(value)
        self.problems.append(_at(node, "bad-merge"))
        return []

    def _scalar(self, node: Any) -> Any:
        tag = _tag(node)
        value: str = node.value
        if node.style == ">" and "\a" in value:
            # ruamel's round-trip scanner marks folds with BEL (a character YAML cannot carry).
            value = value.replace("\a", "")
        if tag == STR:
            return value
        if tag == PLAIN:
            return resolve_plain(value)
        if tag in _EXPLICIT_SCALAR_TAGS:
            resolved = resolve_plain(value)
            wanted = _TYPE_OF_TAG[tag]
            if isinstance(resolved, wanted) and not (wanted is int and isinstance(resolved, bool)):
                return resolved
        self.problems.append(_at(node, "unsupported-tag", tag=tag))
        return value


_TYPE_OF_TAG: dict[str, type | tuple[type, ...]] = {
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": bool,
    "tag:yaml.org,2002:null": type(None),
    "tag:yaml.org,2002:timestamp": date,
}


def _at(node: Any, code: str, **args: object) -> LoadProblem:
    return LoadProblem(code, node.start_mark.line + 1, node.start_mark.column + 1, args)


def resolve_plain(value: str) -> Any:
    """The value of a plain (unquoted) scalar under ruamel.yaml's YAML 1.2 rules.

    A date-shaped scalar that is no real date (``2024-02-30``) stays a string, so that the
    schema reports it at its position instead of the reader failing.
    """
    first = value[:1]
    if first in "tTfF" and _BOOL.match(value):
        return first in "tT"
    if first in "~nN" or not value:
        if _NULL.match(value):
            return None
        return value
    if first in "-+0123456789.":
        if _INT.match(value) and first != ".":
            return _int(value)
        if _FLOAT.match(value):
            return _float(value)
        if first in "0123456789":
            if _DATE.match(value):
                try:
                    return date.fromisoformat(value)
                except ValueError:
                    return value
            if _TIMESTAMP.match(value):
                return _timestamp(value)
    return value


def _int(text: str) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    if digits[0] in "+-":
        digits = digits[1:]
    if digits.startswith("0b"):
        return sign * int(digits[2:], 2)
    if digits.startswith("0x"):
        return sign * int(digits[2:], 16)
    if digits.startswith("0o"):
        return sign * int(digits[2:], 8)
    return sign * int(digits)


def _float(text: str) -> float:
    digits = text.replace("_", "").lower()
    sign = -1.0 if digits[0] == "-" else 1.0
    if digits[0] in "+-":
        digits = digits[1:]
    if digits == ".inf":
        return sign * math.inf
    if digits == ".nan":
        return math.nan
    return sign * float(digits)


def _timestamp(text: str) -> datetime | str:
    normalised = re.sub(r"[ \t]+", " ", text.replace("t", "T")).replace(" Z", "Z")
    normalised = normalised.replace("T", " ", 1)
    try:
        return datetime.fromisoformat(normalised.replace(" ", "T", 1))
    except ValueError:
        return text


def locate(root: Any, loc: Sequence[str | int], *, key: bool = False) -> Location:
    """Line and column (1-based) of the node at ``loc`` below ``root``.

    With ``key=True`` the last segment's key node is returned (for an unknown key). Segments
    that do not exist stop the walk at the deepest node that does, so a missing key points at
    the mapping that should hold it.
    """
    node = root
    key_node = None
    for segment in loc:
        child, key_node = _child(node, segment)
        if child is None:
            key_node = None
            break
        node = child
    empty_value = _is_empty(node) and node.value == ""
    # An empty value ("judul:") has no text of its own, and the two readers place it
    # differently: point at its key.
    target = key_node if key_node is not None and (key or empty_value) else node
    return Location(target.start_mark.line + 1, target.start_mark.column + 1)


def _child(node: Any, segment: str | int) -> tuple[Any, Any]:
    if _is_mapping(node):
        # Explicit keys first (they override merged ones), then merged; among duplicates the
        # first occurrence is the one whose value the data holds.
        explicit = [pair for pair in node.value if not _is_merge_key(pair[0])]
        for key_node, value_node in (*explicit, *_mapping_pairs(node)):
            if _is_scalar(key_node) and _key_matches(key_node, segment):
                return value_node, key_node
        return None, None
    if _is_sequence(node) and isinstance(segment, int) and 0 <= segment < len(node.value):
        return node.value[segment], None
    return None, None


def _is_merge_key(node: Any) -> bool:
    return _is_scalar(node) and node.value == "<<" and _tag(node) == PLAIN


def _mapping_pairs(node: Any) -> Iterator[tuple[Any, Any]]:
    for key_node, value_node in node.value:
        if _is_merge_key(key_node):
            sources = value_node.value if _is_sequence(value_node) else [value_node]
            for source in sources:
                if _is_mapping(source):
                    yield from _mapping_pairs(source)
            continue
        yield key_node, value_node


def _key_matches(key_node: Any, segment: str | int) -> bool:
    value = key_node.value if _tag(key_node) == STR else resolve_plain(key_node.value)
    return bool(value == segment and type(value) is type(segment))


def raw_scalar(text: str, location: Location) -> str:
    """The source text of the plain scalar that starts at ``location``, as the user typed it."""
    lines = text.splitlines()
    if not 1 <= location.line <= len(lines):
        return ""
    rest = lines[location.line - 1][location.column - 1 :]
    match = re.match(r"[^\s,\]\}#]+(?:[ \t]+[^\s,\]\}#]+)*", rest)
    return match.group(0) if match else rest.strip()
