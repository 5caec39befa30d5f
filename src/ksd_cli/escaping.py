"""Making record text inert in every output: Markdown, CSV, spreadsheets, XML and terminals.

Record text and file names come from pull requests: whatever they hold must reach a job
summary, a spreadsheet or a terminal as text, never as markup, a formula or a control
sequence. Every writer goes through the functions of this module; none keeps its own copy.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console

__all__ = [
    "csv_cell",
    "markdown_cell",
    "markdown_code",
    "markdown_text",
    "terminal_text",
    "text_console",
    "xml_text",
]

#: ESC-introduced sequences: CSI (``ESC [ ... final``), OSC/DCS/APC/PM/SOS strings up to
#: their terminator (BEL or ``ESC \\``), and two-character escapes.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[ -~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
#: C0 and C1 control characters and DEL, without tab and line feed (kept when asked).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_AND_LINES = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: Characters that reorder or hide text on screen (bidirectional overrides, "Trojan Source").
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
#: What XML 1.0 cannot hold (and so neither xlsx nor docx): C0 controls but tab, line feed
#: and carriage return; lone surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: ASCII punctuation that starts inline Markdown (emphasis, code, links, images, raw HTML,
#: autolinks, entities, strike-through, table columns). Each is escaped with a backslash.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*\[\]<>|~!&#])")
#: An underscore inside a word (``kb_tanpa_pks``) is no emphasis in GFM: only others are escaped.
_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
#: What would start a block (heading, quote, list, thematic break, setext) at a line start.
_BLOCK_START = re.compile(r"^(\s*)([-+=>]|\d{1,9}[.)](?=\s|$))")
#: Link schemes that run code when followed: ``javascript:``, ``vbscript:``, ``data:``.
_ACTIVE_SCHEME = re.compile(r"(?i)\b(javascript|vbscript|data)(\s*):")
#: ``@name`` pings a user or team on GitHub and GitLab.
_MENTION = re.compile(r"@(?=[A-Za-z0-9_-])")
_ZERO_WIDTH_SPACE = "\u200b"
#: Text that no step of :func:`markdown_text` but the block start and the scheme can
#: change: words of letters and digits of any script (``\w``, whose underscore is ruled out
#: apart) and ASCII punctuation that no step escapes, one space between words. Not a control,
#: bidirectional or other format character, nor a space of another kind (none is ``\w``).
_PLAIN_MARKDOWN = re.compile(r"[\w\"$%'()+,./:;=?^{}-]+(?: [\w\"$%'()+,./:;=?^{}-]+)*")
#: The ASCII characters of :data:`_PLAIN_MARKDOWN`'s words and the space between them, but
#: the underscore (ruled out apart): ``bytes.translate`` deletes them in one pass, quicker
#: than the pattern over a long text.
_PLAIN_ASCII = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789\"$%'()+,./:;=?^{}- "
#: What :data:`_ACTIVE_SCHEME` ends in: a scheme's last letter (the ``a`` of ``data``, the
#: ``t`` of the others; ignoring case, no other character matches them), spaces and ``:``.
#: Quicker to look for than the scheme, and found in almost no text.
_SCHEME_END = re.compile(r"[aAtT]\s*:")

#: Cell starts that spreadsheets read as a formula (OWASP "CSV injection"), with the
#: full-width forms some spreadsheet applications also accept.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


_SURROGATE = re.compile("[\ud800-\udfff]")


def terminal_text(value: object, *, keep_newlines: bool = True) -> str:
    """``value`` safe to print to a terminal: no escape sequence, no control character.

    ESC sequences are removed whole (so a title cannot clear the screen or set the window
    title), other C0/C1 controls and bidirectional overrides are dropped, and tabs become
    spaces. Line feeds stay when ``keep_newlines`` (the layout needs them), else they
    become spaces.
    """
    text = _ESCAPE_SEQUENCE.sub("", str(value)).replace("\r\n", "\n").replace("\t", " ")
    # A lone surrogate (from a "\ud800" escape in a record) cannot be written as UTF-8.
    text = _SURROGATE.sub("\ufffd", text)
    if keep_newlines:
        text = _CONTROL.sub("", text)
    else:
        text = _CONTROL_AND_LINES.sub(lambda m: " " if m.group() in "\n\r" else "", text)
    return _BIDI.sub("", text)


def markup_text(value: object, *, keep_newlines: bool = True) -> str:
    r"""``value`` as rich markup that shows it as typed, after :func:`terminal_text`.

    For text with no tag right after it (at the end of a line, in a table cell, before a
    space). rich's ``escape`` falls short of that twice: it adds a backslash after a
    trailing one (so that a tag right after stays a tag), which shows both, and it leaves a
    backslash before a bracket that opens no tag (``C:\[x``), which rich's markup then
    drops. Here each ``[`` gets the backslashes rich takes from it: before a bracket that
    opens a tag, the ones in front doubled and one more; before any other, one more.
    """
    text = terminal_text(value, keep_newlines=keep_newlines)
    if "[" not in text:
        return text

    def bracket(match: re.Match[str]) -> str:
        before = len(match.group(1))
        if _TAG_AFTER.match(text, match.end()):
            return "\\" * (2 * before + 1) + "["
        return "\\" * (before + 1) + "[" if before else "["

    return _BRACKET.sub(bracket, text)


#: A bracket and the backslashes right before it (what rich's markup reads as escapes).
_BRACKET = re.compile(r"(\\*)\[")
#: What makes a bracket open a tag in rich's markup (``rich.markup.RE_TAGS``, after ``[``).
_TAG_AFTER = re.compile(r"[a-z#/@][^[]*?]")


def text_console(
    stream: TextIO | None = None, *, color: bool | None = None, **options: Any
) -> Console:
    """The rich console every text form writes with: only ksd's own markup is ever markup.

    Record text still needs :func:`terminal_text` and ``rich.markup.escape``; the console adds
    that nothing in it is dressed up: no highlighting of numbers or paths, and no emoji codes
    (a title or a file name with ``:smile:`` in it is shown as typed, which ``escape`` alone
    does not give). ``color``: ``None`` follows the terminal, ``False`` never colours, ``True``
    always does. ``options`` go to ``Console`` (``soft_wrap``, ``width``).
    """
    from rich.console import Console

    return Console(
        file=stream,
        highlight=False,
        emoji=False,
        force_terminal=color,
        no_color=color is False or None,
        **options,
    )


def xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot hold (xlsx and docx are XML)."""
    if value.isascii() and value.isprintable():
        return value  # printable ASCII holds none of them: the common case, without a regex
    return _NOT_XML.sub("", value)


def markdown_text(value: object) -> str:
    r"""``value`` as inert inline Markdown on one line: shown exactly as written, never markup.

    Line breaks become spaces (no new block can start), control characters go, Markdown
    punctuation is backslash-escaped (emphasis, code spans, ``[links]``, ``![images]``,
    ``<raw html>``, entities, table pipes), what would start a block at the line start
    (``- + = >``, ``1.``) is escaped, ``javascript:``-like schemes are broken, and
    ``@mentions`` get a zero-width space so they notify no one.
    """
    if isinstance(value, str) and _plain_markdown(value):
        return value  # every step below leaves it as it is (a report has ~40,000 such texts)
    return _inert_markdown(value)


def _plain_markdown(text: str) -> bool:
    """Whether :func:`_inert_markdown` returns ``text`` as it is, told without its steps.

    A report's documents' numbers ("KB: Kabupaten Kutai Kartanegara 130/250/Kerma/VIII/2019")
    and names ("Deutsche Gesellschaft für ...") have a ``:`` or a letter beyond ASCII, and
    are distinct per agreement: some 7,600 texts at 10,000 agreements.
    """
    if text.isascii():
        words = (
            not text.encode().translate(None, _PLAIN_ASCII)
            and text != ""
            and not text.startswith(" ")
            and not text.endswith(" ")
            and "  " not in text
        )
    else:
        words = _PLAIN_MARKDOWN.fullmatch(text) is not None
    return (
        words
        and "_" not in text
        and _BLOCK_START.match(text) is None
        and (
            ":" not in text
            or _SCHEME_END.search(text) is None
            or _ACTIVE_SCHEME.search(text) is None
        )
    )


def _inert_markdown(value: object) -> str:
    """:func:`markdown_text` step by step."""
    text = " ".join(terminal_text(value, keep_newlines=False).split())
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _BLOCK_START.sub(_escape_block_start, text)
    text = _ACTIVE_SCHEME.sub(r"\1\2\\:", text)
    return _MENTION.sub("@" + _ZERO_WIDTH_SPACE, text)


def markdown_cell(value: object) -> str:
    """``value`` for one cell of a Markdown table: one line, inert, no column break."""
    return markdown_text(value)


def markdown_code(value: object, *, in_table: bool = False) -> str:
    """``value`` (a file name, a code) as a Markdown code span that nothing can break out of.

    The fence is one backtick longer than the longest run of backticks inside, line breaks
    become spaces, control characters go. In a table cell (``in_table``) pipes are escaped,
    which GitHub and GitLab honour inside code spans.
    """
    text = terminal_text(value, keep_newlines=False)
    if in_table:
        text = text.replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def csv_cell(value: object) -> object:
    """A CSV value that no spreadsheet runs: text starting like a formula gets a ``'``.

    Numbers pass unchanged; ``None`` is empty.
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"
