"""Reading one record file: YAML 1.2 values, every node's position, and loading findings.

Records are YAML 1.2 as ruamel.yaml reads them (``yes``/``no``/``on`` stay strings, ``010`` is
ten, ``0o10`` is eight). Two composers produce the node tree: libyaml through PyYAML's C
extension (fast, used by default) and ruamel.yaml's pure-Python composer (used when libyaml
refuses a file, when a file carries a ``%YAML`` directive, and as the reference in the
differential tests). Both trees go through the one constructor below, so data and findings
cannot drift apart between them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from ksd_cli.diagnostics import Location
from ksd_cli.messages import Msg
from ksd_cli.yamlquick import Quick, read_quick
from ksd_cli.yamlscalar import INT, MAX_INT_DIGITS, NULL, resolve_plain

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

# Expanded size (nodes, counting every alias use in full) above which a file is refused: a
# record has a few hundred nodes; "billion laughs" files have billions.
MAX_EXPANDED_NODES = 100_000
#: Deepest nesting of lists and mappings read: a record nests six levels deep at most, and a
#: file nesting a thousand levels would exhaust the readers' recursion.
MAX_DEPTH = 64
# Characters a record's text never holds: C0 controls but tab and newline, DEL, C1 controls,
# lone surrogates (only "\ud800"-style escapes make them) and Unicode noncharacters. They
# corrupt terminals, spreadsheets and documents, and cannot be written as UTF-8.
_BAD_CHARACTER = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(17))
    + "]"
)
_UNICODE_ESCAPE = re.compile(r"\\U([0-9A-Fa-f]{8})")

Parser = Literal["libyaml", "ruamel"]
# A mapping's keys by (type, value): the value node and the key node.
_KeyIndex = dict[tuple[type, object], tuple[Any, Any]]


@dataclass(frozen=True)
class LoadProblem:
    """A finding raised while reading a file, before any schema check."""

    code: str
    line: int
    column: int
    args: dict[str, object] = field(default_factory=dict)
    #: The message variant (``alias-bomb`` of a file without aliases: ``nodes``).
    variant: str | None = None


class Document:
    """A file's data with what locates its parts.

    ``root`` is the node tree. A file the quick reader took (``yamlquick``) has the places
    of its values instead, and composes its tree only when asked for a place it does not
    hold (a path that is not in the file) or for the tree itself.
    """

    def __init__(
        self,
        data: Any,
        root: Any,
        problems: list[LoadProblem],
        *,
        text: str = "",
        quick: Quick | None = None,
    ) -> None:
        self.data = data
        self._root = root
        self.problems = problems
        self._text = text
        self._quick = quick
        # Each mapping's keys, indexed when first walked: locating thousands of findings in
        # one mapping stays linear (it rescanned the mapping per finding).
        self._keys: dict[int, _KeyIndex] = {}

    @property
    def root(self) -> Any:
        """The node tree of the document."""
        if self._root is None:
            # The quick reader took the text: one document, which libyaml reads as it did (and
            # ruamel.yaml the same, where PyYAML's libyaml turns out not to load).
            if _fast_loader() is not None:
                self._root = _compose_libyaml(self._text)[0]
            else:
                composed = _compose_ruamel(self._text)
                assert not isinstance(composed, LoadProblem)
                self._root = composed[0]
        return self._root

    def locate(self, loc: Sequence[str | int], *, key: bool = False) -> Location:
        """Line and column of the node at ``loc`` (the key itself with ``key=True``).

        Walks as far as the path exists: a missing key resolves to its parent mapping.
        """
        if self._quick is not None:
            found = self._quick.place(tuple(loc), key=key)
            if found is not None:
                return Location(*found)
        return locate(self.root, loc, key=key, index=self._keys)


class _PlainResolver:
    """PyYAML resolver that leaves plain scalars for the YAML 1.2 constructor to resolve."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers."""

    def ascend_resolver(self) -> None:
        """No path resolvers."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        """Plain scalars get the ``PLAIN`` marker; everything else its default tag."""
        if kind is _NODES[0]:
            return PLAIN if implicit[0] else STR
        return SEQ if kind is _NODES[1] else MAP


#: PyYAML's scalar and sequence node classes, once :func:`_fast_loader` imported PyYAML.
_NODES: list[type] = []
#: libyaml's composer with the resolver above (``None``: PyYAML built without libyaml), once
#: made by :func:`_fast_loader`.
_FAST_LOADER: list[Any] = []


def _fast_loader() -> Any:
    """The libyaml composer with :class:`_PlainResolver`, PyYAML imported at the first call.

    PyYAML's import compiles a large pattern (some 10-20 ms): a command whose files the quick
    reader takes never pays it. ``None`` when PyYAML was built without libyaml.
    """
    if not _FAST_LOADER:
        import yaml

        _NODES[:] = [yaml.ScalarNode, yaml.SequenceNode]
        try:
            from yaml import _yaml
        except ImportError:  # PyYAML built without libyaml: every file takes the ruamel path
            _FAST_LOADER.append(None)
        else:

            class _FastLoader(_yaml.CParser, _PlainResolver):
                """libyaml's composer with the resolver above."""

            _FAST_LOADER.append(_FastLoader)
    return _FAST_LOADER[0]


@functools.cache
def has_libyaml() -> bool:
    """Whether PyYAML was built with libyaml (the fast path).

    Told by where Python would find ``yaml._yaml``, without importing PyYAML (see
    :func:`_fast_loader`): the quick reader's texts are read the same either way.
    """
    from importlib.machinery import PathFinder

    try:
        package = PathFinder.find_spec("yaml")
        folders = None if package is None else package.submodule_search_locations
        return folders is not None and PathFinder.find_spec("yaml._yaml", list(folders)) is not None
    except (ImportError, ValueError):
        return False


def read_document(
    text: str, parser: Parser = "libyaml", *, quick: bool = True
) -> Document | LoadProblem:
    """Parse ``text`` (already decoded, BOM removed) into a ``Document`` or a syntax problem.

    Several documents, an empty file or a top level that is not a mapping are problems too.
    With libyaml, a text in the plain shapes ``yamlquick`` reads is read by it (``quick``):
    the same values and places, without composing a node tree.
    """
    roots: list[Any] | LoadProblem
    # libyaml accepts a tab as a separator ("key:<TAB>value") where ruamel.yaml, the format's
    # reference reader, refuses it: files with tabs are read by ruamel so both paths agree.
    by_libyaml = (
        parser == "libyaml" and has_libyaml() and not _has_directive(text) and "\t" not in text
    )
    places = read_quick(text) if by_libyaml and quick else None
    if places is not None:
        return Document(places.data, None, [], text=text, quick=places)
    if by_libyaml and _fast_loader() is not None:
        try:
            roots = _compose_libyaml(text)
        except _yaml_error() as exc:
            if "nesting depth" in str(getattr(exc, "problem", "")):
                # Past libyaml's own limit (1,000 levels), far past ours: composing again
                # with ruamel would only recurse to its limit, slowly.
                roots = _too_deep(text)
            else:
                # libyaml's messages differ from ruamel's: the reference composer words the
                # finding, so that both paths report a broken file the same way.
                roots = _compose_ruamel(text)
        except RecursionError:
            roots = _too_deep(text)
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
    # Without "*" there is no alias: the node graph is a tree, and only its depth can be wrong.
    shape = _measure(root) if "*" in text else _tree_depth(root)
    if isinstance(shape, LoadProblem):
        return shape
    builder = _Builder()
    try:
        data = builder.build(root)
    except _TooLarge as exc:
        # Without an alias the file is simply huge, not an expansion attack: say so.
        variant = None if shape else "nodes"
        return LoadProblem(
            "alias-bomb", exc.line, exc.column, {"limit": MAX_EXPANDED_NODES}, variant
        )
    return Document(data, root, builder.problems)


def _measure(root: Any) -> LoadProblem | bool:
    """Check the node graph without recursion: whether it uses aliases, or why it is refused.

    An alias to a collection that holds it (``&a [*a]``, ``&a {x: *a}``, ``<<: *a`` inside
    ``a``) makes a cycle; nesting deeper than ``MAX_DEPTH`` would exhaust every recursive
    reader downstream. Both are problems at the node concerned.
    """
    height: dict[int, int] = {}
    on_path: set[int] = set()
    aliased = False
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        key = id(node)
        if leaving:
            on_path.discard(key)
            height[key] = 1 + max((height[id(c)] for c in _children(node)), default=0)
            continue
        if key in height:
            aliased = True
            continue
        if key in on_path:
            return _at(node, "unsupported-yaml", what=Msg("unsupported-yaml.recursive-alias"))
        if _is_scalar(node):
            height[key] = 0
            continue
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(_children(node)))
    if height[id(root)] > MAX_DEPTH:
        node = root
        for _ in range(MAX_DEPTH):
            node = max(_children(node), key=lambda c: height[id(c)])
        return _at(node, "too-deep", limit=MAX_DEPTH)
    return aliased


def _tree_depth(root: Any) -> LoadProblem | bool:
    """:func:`_measure` for a tree (a text without aliases), cheaply: only its depth is checked.

    A tree too deep is measured again by :func:`_measure`, which points at the node.
    """
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if _is_scalar(node):
            continue
        if depth >= MAX_DEPTH:
            return _measure(root)
        stack.extend((child, depth + 1) for child in _children(node))
    return False


def _children(node: Any) -> list[Any]:
    if _is_sequence(node):
        return list(node.value)
    if _is_mapping(node):
        return [item for pair in node.value for item in pair]
    return []


def _depth_problem(text: str) -> LoadProblem | None:
    """Where nesting first passes ``MAX_DEPTH``, found from the parser's events (no recursion).

    Used when a composer ran out of recursion: the event stream is flat at any depth.
    """
    depth = 0
    try:
        for kind, mark in _events(text):
            if kind.endswith("StartEvent") and kind[:-10] in ("Sequence", "Mapping"):
                depth += 1
                if depth > MAX_DEPTH:
                    return LoadProblem(
                        "too-deep", mark.line + 1, mark.column + 1, {"limit": MAX_DEPTH}
                    )
            elif kind in ("SequenceEndEvent", "MappingEndEvent"):
                depth -= 1
        return None  # not too deep after all
    except Exception as exc:  # noqa: BLE001 - a broken file past the limit is still too deep
        if getattr(exc, "problem_mark", None) is not None:
            problem: dict[str, object] = {"problem": _describe_yaml_error(exc)}
            return LoadProblem("yaml-syntax", *_syntax_position(text, exc), problem)
    return None


def _too_deep(text: str) -> LoadProblem:
    """The depth problem of a file a composer could not finish (at its start if not found)."""
    return _depth_problem(text) or LoadProblem("too-deep", 1, 1, {"limit": MAX_DEPTH})


def _bracket_depth(text: str) -> int:
    """The deepest nesting of brackets and braces, quotes ignored: an upper bound, cheaply."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return 0
    depth = deepest = 0
    for match in _BRACKET.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


_BRACKET = re.compile(r"[\[\]{}]")


def _events(text: str) -> Iterator[tuple[str, Any]]:
    # ruamel's parser, not libyaml's: libyaml scans a flow collection ahead to its own nesting
    # limit (1,000) and fails there, before reaching the line where ``MAX_DEPTH`` is passed.
    from ruamel.yaml import YAML

    for event in YAML(typ="rt", pure=True).parse(text):
        yield type(event).__name__, event.start_mark


def _escape_problem(text: str) -> LoadProblem:
    r"""The first ``\U`` escape beyond Unicode (the scanner fails on it without a position)."""
    for match in _UNICODE_ESCAPE.finditer(text):
        if int(match.group(1), 16) > 0x10FFFF:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            problem = f"\\U{match.group(1)} is beyond Unicode (at most \\U0010FFFF)"
            return LoadProblem("yaml-syntax", line, column, {"problem": problem})
    return LoadProblem("yaml-syntax", 1, 1, {"problem": "invalid escape"})


def _is_empty(node: Any) -> bool:
    return _is_scalar(node) and _tag(node) == PLAIN and bool(NULL.match(node.value))


def _has_directive(text: str) -> bool:
    return text.startswith("%") or "\n%" in text


def _yaml_error() -> type[Exception]:
    """PyYAML's error class (PyYAML is imported by then: see :func:`_compose_libyaml`)."""
    import yaml

    return yaml.YAMLError


def _compose_libyaml(text: str) -> list[Any]:
    loader = _fast_loader()(text)
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

    if _bracket_depth(text) > 4 * MAX_DEPTH:
        # Deep flow nesting: ruamel's composer would take seconds to recurse to its limit.
        deep = _depth_problem(text)
        if deep is not None:
            return deep
    reader = YAML(typ="rt", pure=True)
    reader.Resolver = _ruamel_resolver()
    try:
        return list(reader.compose_all(text))
    except RecursionError:
        return _too_deep(text)
    except (OverflowError, ValueError):
        # ruamel's scanner converts "\\UFFFFFFFF" without checking its range.
        return _escape_problem(text)
    except MarkedYAMLError as exc:
        line, column = _syntax_position(text, exc)
        if _char_at(text, line - 1, column - 1) == "\t":
            return LoadProblem("tab", line, column)
        return LoadProblem("yaml-syntax", line, column, {"problem": _describe_yaml_error(exc)})
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


def _syntax_position(text: str, exc: Any) -> tuple[int, int]:
    """The 1-based line and column a syntax error is shown at: always a line the file has.

    The parser marks an unclosed quote or bracket at the end of the stream, which in a file
    ending with a newline is a line after the last (where no CI annotation can attach). The
    finding then points at where the unclosed construct starts (the parser's context mark),
    or failing that at the end of the last line.
    """
    lines = text.split("\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # the empty "line" after the final newline
    marks = [m for m in (exc.problem_mark, exc.context_mark) if m is not None]
    for mark in marks:
        if mark.line < len(lines):
            return mark.line + 1, mark.column + 1
    if not marks:
        return 1, 1
    return len(lines), len(lines[-1]) + 1


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
        if _tag(node) not in (MAP, SEQ):
            # A custom tag on a list or mapping (``!foo {...}``, ``!!python/object/apply``).
            self.problems.append(_at(node, "unsupported-tag", tag=_tag(node)))
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
        bad = _BAD_CHARACTER.search(value)
        if bad is not None:
            char = f"U+{ord(bad.group()):04X}"
            self.problems.append(_at(node, "invalid-character", char=char))
        if tag == STR:
            return value
        if tag == PLAIN:
            if len(value) > MAX_INT_DIGITS and INT.match(value):
                what = Msg("unsupported-yaml.long-number", limit=MAX_INT_DIGITS)
                self.problems.append(_at(node, "unsupported-yaml", what=what))
                return value
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


def locate(
    root: Any,
    loc: Sequence[str | int],
    *,
    key: bool = False,
    index: dict[int, _KeyIndex] | None = None,
) -> Location:
    """Line and column (1-based) of the node at ``loc`` below ``root``.

    With ``key=True`` the last segment's key node is returned (for an unknown key). Segments
    that do not exist stop the walk at the deepest node that does, so a missing key points at
    the mapping that should hold it.
    """
    node = root
    key_node = None
    keys = {} if index is None else index
    for segment in loc:
        child, key_node = _child(node, segment, keys)
        if child is None:
            key_node = None
            break
        node = child
    empty_value = _is_empty(node) and node.value == ""
    # An empty value ("judul:") has no text of its own, and the two readers place it
    # differently: point at its key.
    target = key_node if key_node is not None and (key or empty_value) else node
    return Location(target.start_mark.line + 1, target.start_mark.column + 1)


def _child(node: Any, segment: str | int, index: dict[int, _KeyIndex]) -> tuple[Any, Any]:
    if _is_mapping(node):
        keys = index.get(id(node))
        if keys is None:
            keys = index[id(node)] = _index_keys(node)
        found = keys.get((type(segment), segment))
        return found if found is not None else (None, None)
    if _is_sequence(node) and isinstance(segment, int) and 0 <= segment < len(node.value):
        return node.value[segment], None
    return None, None


def _index_keys(node: Any) -> _KeyIndex:
    """A mapping's scalar keys by value, each with its value node and key node.

    Explicit keys first (they override merged ones), then merged; among duplicates the first
    occurrence is the one whose value the data holds.
    """
    keys: _KeyIndex = {}
    explicit = [pair for pair in node.value if not _is_merge_key(pair[0])]
    for key_node, value_node in (*explicit, *_mapping_pairs(node)):
        if _is_scalar(key_node):
            value = _key_value(key_node)
            keys.setdefault((type(value), value), (value_node, key_node))
    return keys


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


def _key_value(key_node: Any) -> object:
    return key_node.value if _tag(key_node) == STR else resolve_plain(key_node.value)


def raw_scalar(text: str, location: Location) -> str:
    """The source text of the plain scalar that starts at ``location``, as the user typed it."""
    lines = text.splitlines()
    if not 1 <= location.line <= len(lines):
        return ""
    rest = lines[location.line - 1][location.column - 1 :]
    match = re.match(r"[^\s,\]\}#]+(?:[ \t]+[^\s,\]\}#]+)*", rest)
    return match.group(0) if match else rest.strip()
