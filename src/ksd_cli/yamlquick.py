"""A quick reader for the plain block YAML that records are written in.

Most record files are what ``ksd fmt`` writes or people write by hand: block mappings and lists,
one value per line, plain or quoted scalars without escapes, long texts as block scalars
(``>-``, ``|``), short lists in flow style (``urusan: ["2.10", "1.03"]``), comments. For those,
composing a node tree and building values from it (``yamlread``) is most of the cost of
validating. This reader walks the lines once and gives the same values, and the positions of
every value and key, without a node tree.

It is never the reference: it accepts a text only when every line is of the few shapes below and
nothing in it could make the two readers differ; on anything else it returns ``None`` and the
caller composes the file as before (``yamlread.read_document``). Among what it refuses: block
scalars other than the plain ones ``_block`` reads (kept final line breaks, indentation
indicators, a folded line more indented than the first...), quoted scalars over several lines
and plain ones that do not start as text, flow collections other than a one-line list of
scalars, anchors, aliases, tags, escapes in double quotes, keys that are not plain names,
duplicate keys, an empty list item, directives and document markers other than a first ``---``,
a carriage return that does not end a line, and any character the full reader would flag.
``tests/test_yamlquick.py`` holds the two readers equal, values and positions, on the sample
repository, generated registers and mutated files.
"""

from __future__ import annotations

import re
from typing import Any

from ksd_cli.yamlscalar import resolve_plain

#: Where a path's value and key stand: 1-based (line, column) pairs.
Place = tuple[int, int]

# A line's parts: its indentation; a dash and the spaces after it ("- ", or "-" alone at the
# end); then either a key line (a plain name, a colon, and the spaces and value after it) or
# whatever else the line holds. Every line matches once, empty ones too, in order.
_LINE = re.compile(
    r"^( *)(-(?: +|$))?(?:([A-Za-z_][A-Za-z0-9_]*):(?:( +)(.*))?$|(.*))$", re.MULTILINE
)
# What may not start a plain scalar in block context (YAML 1.2, c-indicator); "-", "?" and
# ":" may, when a non-space follows, and are checked apart.
_INDICATORS = frozenset(",[]{}#&*!|>'\"%@`")
# Characters the full reader would flag or read as a line break (``yamlread._BAD_CHARACTER``,
# with the tab, the BOM, carriage return and the Unicode line and paragraph separators). The
# noncharacters beyond the first plane are looked for apart, in text that is not ASCII: one
# class holding them all is six times slower to search.
_REFUSED = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufeff\u2028\u2029\ufffe\uffff]"
)
_REFUSED_ASTRAL = re.compile(
    "[" + "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(1, 17)) + "]"
)
# First characters of plain scalars that resolve to text whatever follows: not a digit, sign,
# dot, "~" or a letter that starts true/false/null (``yamlscalar.resolve_plain``).
_TEXT_FIRST = frozenset("ABCDEGHIJKLMOPQRSUVWXYZabcdeghijklmopqrsuvwxyz_/($")
#: Last characters after which a plain scalar is not simply its text: spaces, a colon.
_PLAIN_LAST = frozenset(" :")
#: Nesting kept well inside ``yamlread.MAX_DEPTH`` (each level here is a list or a mapping).
_MAX_LEVELS = 24
#: Longest plain scalar resolved here (``yamlread.MAX_INT_DIGITS`` guards longer numbers).
_MAX_PLAIN = 4_000


class _Refused(Exception):
    """The text is not of the shapes this reader accepts."""


class Quick:
    """A file's values and the places of its values and keys, by path."""

    __slots__ = ("data", "values", "keys", "empty")

    def __init__(
        self,
        data: dict[str, Any],
        values: dict[tuple[str | int, ...], Place],
        keys: dict[tuple[str | int, ...], Place],
        empty: set[tuple[str | int, ...]],
    ) -> None:
        self.data = data
        self.values = values
        self.keys = keys
        #: Paths whose value is written as nothing at all ("key:"): placed at their key.
        self.empty = empty

    def place(self, loc: tuple[str | int, ...], *, key: bool) -> Place | None:
        """Where ``locate`` would point for ``loc``, when the path exists; else ``None``."""
        found = self.values.get(loc)
        if found is None:
            return None
        if (key or loc in self.empty) and loc in self.keys:
            return self.keys[loc]
        return found


def read_quick(text: str) -> Quick | None:
    """The values and places of ``text``, or ``None`` when the full reader must read it.

    Lines may end in CRLF, as files saved on Windows do, all of them or some: YAML reads a
    CRLF as a line feed, and a carriage return at the end of a line moves no place. A
    carriage return anywhere else is refused.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if _REFUSED.search(text) is not None:
        return None
    if not text.isascii() and _REFUSED_ASTRAL.search(text) is not None:
        return None
    try:
        return _read(text)
    except _Refused:
        return None


#: Keys the full reader reads as ``True``, ``False`` or ``None``, not as text.
_NOT_TEXT = frozenset(["true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"])
#: Lines read before handing a file to the full reader (a record has a hundred or so; the full
#: reader's bound on values, ``yamlread.MAX_EXPANDED_NODES``, is about ten times this).
_MAX_LINES = 10_000

# An open collection: its indent (a mapping's keys' column, a list's dashes'), the container,
# whether it is a mapping, its path, and whether the collection opened inside it is an
# indentless list ("key:\n- a": the dashes at the key's column).
_Open = list[Any]


def _read(text: str) -> Quick:
    values: dict[tuple[str | int, ...], Place] = {}
    keys: dict[tuple[str | int, ...], Place] = {}
    empty: set[tuple[str | int, ...]] = set()
    if text.count("\n") >= _MAX_LINES:
        raise _Refused
    # The enclosing collections, outermost first (a sentinel of indent -1 below the top
    # mapping); the innermost one is held apart in four variables, read on every line.
    stack: list[_Open] = []
    top_indent, top_is_map = -1, True
    top: Any = None
    top_path: tuple[str | int, ...] = ()
    # A key whose value is on the lines below, or nothing: (mapping, key, path, key column).
    pending: tuple[dict[str, Any], str, tuple[str | int, ...], int] | None = None
    root: dict[str, Any] | None = None
    started = False
    # The text's lines whole, split only when a block scalar needs them.
    raw: list[str] | None = None
    # A key's plain text that the lines below may continue: (mapping, key, key column), and
    # the empty lines met since its last line.
    plain: tuple[dict[str, Any], str, int] | None = None
    breaks = 0
    # Every line cut into its parts by one search over the whole text (see ``_LINE``).
    walk = enumerate(_LINE.findall(text), 1)
    for number, (spaces, dash, key, gap, value, other) in walk:
        if not dash and not key and (not other or other[0] == "#"):
            if other:
                plain = None  # a comment ends a plain text
            breaks += 1
            continue  # an empty line, or a comment
        indent = len(spaces)
        continued, plain = plain, None
        if pending is not None or root is None:
            if not started:
                started = True
                if not dash and not key and other[:3] == "---" and indent == 0:
                    rest = other[3:].lstrip(" ")
                    if rest and (len(rest) == len(other) - 3 or rest[0] != "#"):
                        raise _Refused  # "---x" is a scalar; "--- a: 1" has content
                    continue
            if pending is not None:
                mapping, name, path, column = pending
                pending = None
                if (dash and indent >= column) or (not dash and indent > column):
                    # The key's value is the collection that starts on this line.
                    container: Any = [] if dash else {}
                    mapping[name] = container
                    values[path] = (number, indent + 1)
                    stack.append(
                        [top_indent, top, top_is_map, top_path, bool(dash) and indent == column]
                    )
                    if len(stack) > _MAX_LEVELS:
                        raise _Refused
                    top_indent, top, top_is_map, top_path = indent, container, not dash, path
                else:
                    mapping[name] = None
                    values[path] = keys[path]
                    empty.add(path)
            if root is None:
                if dash:
                    raise _Refused  # a list at the top: the full reader words that finding
                root = top = {}
                top_indent = indent
                values[()] = (number, indent + 1)
                stack.append([-1, None, True, (), False])
        while top_indent > indent:
            top_indent, top, top_is_map, top_path, _ = stack.pop()
        if top_indent < 0:
            raise _Refused  # less indented than the top mapping
        if dash:
            if top_indent != indent or top_is_map:
                raise _Refused  # an item where a key should be, or at no list's column
            column = indent + len(dash)
            path = (*top_path, len(top))
            values[path] = (number, column + 1)
            if not key:
                if not other or other[0] == "#":
                    raise _Refused  # an empty item, or one whose value is on the lines below
                if other[:2] == "- " or other == "-":
                    raise _Refused  # "- - x"
                if other[0] in "|>":
                    if raw is None:
                        raw = text.split("\n")
                    item, taken = _block(raw, number, indent, other)
                    top.append(item)
                    for _ in range(taken):
                        next(walk)
                    continue
                top.append(_scalar(other))
                continue
            # "- key: value": a mapping whose keys stand at the first key's column.
            mapping = {}
            top.append(mapping)
            stack.append([top_indent, top, top_is_map, top_path, False])
            if len(stack) > _MAX_LEVELS:
                raise _Refused
            top_indent, top, top_is_map, top_path = column, mapping, True, path
        else:
            if top_indent != indent:
                if continued is not None and indent > continued[2] and not key:
                    # The key's plain text goes on, folded: a space for the line break,
                    # or a line feed for each empty line between.
                    mapping, name, _ = continued
                    mapping[name] = _continued(mapping[name], other, breaks)
                    plain, breaks = continued, 0
                    continue
                raise _Refused  # deeper than any open collection: a scalar over lines
            if not top_is_map:
                # A key at the dashes' column ends an indentless list (and nothing else).
                outer = stack[-1]
                if not outer[4] or outer[0] != indent:
                    raise _Refused
                top_indent, top, top_is_map, top_path, _ = stack.pop()
            if not key:
                raise _Refused
            column = indent
            mapping = top
            path = top_path
        if key in _NOT_TEXT or key in mapping:
            raise _Refused  # a key that is not text, or a duplicate: the full reader says so
        at = (*path, key)
        keys[at] = (number, column + 1)
        if not value or value[0] == "#":
            pending = (mapping, key, at, column)
            continue
        values[at] = (number, column + len(key) + len(gap) + 2)
        first = value[0]
        if (
            first == '"'
            and value[-1] == '"'
            and value.find('"', 1) == len(value) - 1
            and "\\" not in value
        ):
            mapping[key] = value[1:-1]  # quoted text, as _scalar reads it
        elif (
            first in _TEXT_FIRST
            and value[-1] not in _PLAIN_LAST
            and " #" not in value
            and ": " not in value
            and len(value) <= _MAX_PLAIN
        ):
            mapping[key] = value  # plain text, as _scalar reads it
            plain, breaks = (mapping, key, column), 0
        elif first in "|>":
            if raw is None:
                raw = text.split("\n")
            mapping[key], taken = _block(raw, number, column, value)
            for _ in range(taken):
                next(walk)  # the scalar's lines, read
        elif first == "[":
            mapping[key] = _flow_list(value, number, values[at][1], at, values)
        else:
            mapping[key] = _scalar(value)
    if root is None:
        raise _Refused  # nothing but comments: the full reader words the finding
    if pending is not None:
        mapping, name, path, _ = pending
        mapping[name] = None
        values[path] = keys[path]
        empty.add(path)
    return Quick(root, values, keys, empty)


def _scalar(text: str) -> Any:
    """The value of a one-line scalar (with any comment after it), or refusal."""
    first = text[0]
    if first == '"':
        if text[-1] == '"' and text.find('"', 1) == len(text) - 1 and "\\" not in text:
            return text[1:-1]  # the common case, checked in one go
        end = text.find('"', 1)
        if end < 0 or "\\" in text[1:end]:
            raise _Refused  # over several lines, or escapes
        _after(text, end + 1)
        return text[1:end]
    if first == "'":
        end = 1
        while True:
            end = text.find("'", end)
            if end < 0:
                raise _Refused
            if text[end + 1 : end + 2] != "'":
                break
            end += 2
        _after(text, end + 1)
        return text[1:end].replace("''", "'")
    if first in _INDICATORS:
        raise _Refused
    if first in "-?:" and (len(text) == 1 or text[1] == " "):
        raise _Refused
    comment = text.find(" #")
    value = (text if comment < 0 else text[:comment]).rstrip(" ")
    if ": " in value or value[-1] == ":" or len(value) > _MAX_PLAIN:
        raise _Refused
    if first in _TEXT_FIRST:
        return value  # no YAML 1.2 resolver takes a scalar starting so: it is text
    return resolve_plain(value)


def _continued(text: str, line: str, breaks: int) -> str:
    """A plain ``text`` with its next ``line`` (indentation removed) folded onto it."""
    if (
        line[0] in _INDICATORS
        or line[0] in "-?:"
        or line[-1] in _PLAIN_LAST
        or ": " in line
        or " #" in line
        or len(text) + len(line) >= _MAX_PLAIN
    ):
        raise _Refused
    fold = "\n" * breaks if breaks else " "
    return f"{text}{fold}{line}"


#: A list in flow style on one line, of scalars: no nested collection, no comment after it.
_FLOW_LIST = re.compile(r"\[[^\[\]{}#]*\]")


def _flow_list(
    value: str,
    number: int,
    column: int,
    path: tuple[str | int, ...],
    values: dict[tuple[str | int, ...], Place],
) -> list[Any]:
    """The list written ``value`` on line ``number`` (``["2.10", "1.03"]``, ``[opd, tkksd]``).

    ``column``: the 1-based column of its ``[``; the place of each item goes into ``values``.
    Items are plain text or numbers, or quoted without escapes; an empty item (``[a,,b]``,
    a trailing comma), a colon or a quote mark inside a plain item, a comma inside quotes
    are refused, as is anything more than a one-line list of scalars.
    """
    if _FLOW_LIST.fullmatch(value) is None:
        raise _Refused
    items: list[Any] = []
    inner = value[1:-1]
    if len(values) + inner.count(",") >= _MAX_LINES:
        # Values stay as few as lines: the full reader bounds them (and words the finding).
        raise _Refused
    if not inner.strip(" "):
        return items
    offset = 1
    for index, piece in enumerate(inner.split(",")):
        item = piece.strip(" ")
        if not item:
            raise _Refused
        values[(*path, index)] = (number, column + offset + len(piece) - len(piece.lstrip(" ")))
        items.append(_flow_item(item))
        offset += len(piece) + 1
    return items


def _flow_item(item: str) -> Any:
    """The value of one item of a flow list (spaces around it removed), or refusal."""
    first, last = item[0], item[-1]
    if first == '"':
        if len(item) < 2 or last != '"' or '"' in item[1:-1] or "\\" in item:
            raise _Refused
        return item[1:-1]
    if first == "'":
        if len(item) < 2 or last != "'" or "'" in item[1:-1].replace("''", ""):
            raise _Refused
        return item[1:-1].replace("''", "'")
    # In a flow collection "?" and ":" are indicators whatever follows them.
    if first in _INDICATORS or first in "?:" or first == "-" and (len(item) == 1 or item[1] == " "):
        raise _Refused
    if ":" in item or "'" in item or '"' in item or len(item) > _MAX_PLAIN:
        raise _Refused
    return item if first in _TEXT_FIRST else resolve_plain(item)


#: The block scalar headers read here: a style, then "-" to strip the last line break, or
#: nothing to keep one ("+", an indentation digit and comments after a header are refused).
_BLOCK_HEADERS = frozenset([">", ">-", "|", "|-"])


def _block(raw: list[str], number: int, parent: int, header: str) -> tuple[str, int]:
    """The value of the block scalar headed by ``header`` on line ``number`` (1-based).

    ``raw``: the text's lines; ``parent``: the column (0-based) of the scalar's key, or of
    its dash in a list. Returns the value and how many lines after the header it takes.
    Read as the full reader reads it: the first line's indentation is the scalar's; a
    literal scalar (``|``) keeps its lines and line breaks, a folded one (``>``) joins lines
    with a space, and a run of empty lines stands for that many line breaks; ``-`` strips
    the final line break. Anything less plain is refused: an empty scalar or one that
    starts with an empty line, a line only of spaces or ending in one, a folded line more
    indented than the first, a line other than a comment indented between the key and the
    scalar, a scalar that keeps its last line break and ends the text without one.
    """
    if header not in _BLOCK_HEADERS:
        raise _Refused
    count = len(raw)
    first = raw[number] if number < count else ""
    indent = len(first) - len(first.lstrip(" "))
    if indent <= parent or indent == len(first):
        raise _Refused  # empty, starting with an empty line, or a line of spaces
    folded = header[0] == ">"
    pad = " " * indent
    lines: list[str] = []
    at = number
    while at < count:
        line = raw[at]
        if not line:
            lines.append("")
            at += 1
            continue
        if line.startswith(pad):
            if line[-1] == " ":
                raise _Refused  # trailing spaces, or a line only of spaces
            if folded and line[indent] == " ":
                raise _Refused  # more indented than the first line of a folded scalar
            lines.append(line[indent:])
        else:
            column = len(line) - len(line.lstrip(" "))
            if column == len(line):
                raise _Refused  # a line only of spaces
            if column > parent and line[column] != "#":
                raise _Refused  # between the key and the scalar, and not a comment
            break
        at += 1
    if at == count and raw[-1] and header[-1] != "-":
        raise _Refused  # no line break after the last line
    while lines and not lines[-1]:
        lines.pop()
    if folded:
        pieces: list[str] = []
        breaks = 0
        for line in lines:
            if not line:
                breaks += 1
                continue
            if pieces:
                pieces.append("\n" * breaks if breaks else " ")
            pieces.append(line)
            breaks = 0
        value = "".join(pieces)
    else:
        value = "\n".join(lines)
    return (value if header[-1] == "-" else value + "\n"), at - number


def _after(text: str, end: int) -> None:
    """What follows a closing quote: nothing, spaces, or spaces and a comment."""
    rest = text[end:]
    if rest and rest.lstrip(" ")[:1] not in ("", "#"):
        raise _Refused
    if rest and rest[0] == "#":
        raise _Refused  # '"a"#b': no space before the comment
