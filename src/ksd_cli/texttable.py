"""rich's layouts written fast: a table of many rows, indented lines, styled lines (issue 14).

rich lays a table out by measuring, wrapping and padding every cell through its segments:
some 150 microseconds a cell, over six seconds for the 7,500 flags ``ksd stalled`` prints
at 10,000 agreements (about a minute at 100,000). Here rich lays out a table of only the
rows that decide the columns' widths (for each column, the cell with the longest line and
the cell with the longest word: a column's width depends on nothing else) and prints its
title, header and borders as they are. The rows are written here as rich writes them: the
words wrapped where rich wraps them, each line justified and padded, the row's style around
each cell. A cell whose layout is not that simple (not one cell per printable character, a
word wider than its column) is laid out by rich itself (``Text.wrap``), and a table this
does not know how to draw is printed by rich whole. The same holds for lines indented in
rich's ``Padding`` and lines of styled pieces. What is written here goes to the console's
file directly. ``tests/test_texttable.py`` holds the output equal to rich's, with and
without colour, over many random tables, lines and widths.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

#: A colour sequence, as rich writes one.
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def print_table(
    console: Console,
    make_table: Callable[[], Table],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str | None],
) -> None:
    """Print the table ``make_table()`` with ``rows`` (plain text, no markup) as rich would.

    ``make_table`` gives the table with its columns and no rows (it is called again when
    rich must print the table whole); ``styles`` gives each row's style.
    """
    from rich.text import Text

    table = make_table()
    if not rows or not _drawable(console, table):
        _print_whole(console, table, rows, styles)
        return
    for index in _deciding(rows, len(table.columns)):
        table.add_row(*[Text(cell) for cell in rows[index]], style=styles[index])
    with console.capture() as capture:
        console.print(table)
    lines = capture.get().split("\n")
    plain = [_SGR.sub("", line) for line in lines]
    head = next((i for i, line in enumerate(plain) if line.startswith("┡")), None)
    foot = next((i for i, line in enumerate(plain) if line.startswith("└")), None)
    if head is None or foot is None or plain[foot + 1 :] != [""]:
        _print_whole(console, make_table(), rows, styles)
        return
    widths = [len(part) for part in plain[head].rstrip()[1:-1].split("╇")]
    if len(widths) != len(table.columns) or min(widths) < 3:
        _print_whole(console, make_table(), rows, styles)
        return
    cells = _CellLayout(console, table, widths)
    codes = _StyleCodes(console)
    out = console.file
    out.write("\n".join(lines[: head + 1]) + "\n")
    for row, style in zip(rows, styles, strict=True):
        out.write(_row_text(cells.lines(row), widths, codes(style)))
    out.write(lines[foot] + "\n")


def print_indented(console: Console, text: str, indent: int) -> None:
    """Print ``text`` (plain, not markup) indented by ``indent`` spaces, as rich prints it.

    That is ``console.print(Padding(Text(text), (0, 0, 0, indent), expand=False))``; a
    text of one-cell characters is written here, wrapped and padded as rich would, at a
    fraction of rich's cost (``ksd consolidate`` prints some 12,000 such lines for 50
    regions).
    """
    if text and _one_cell_each(text):
        width = console.width - indent
        if len(text) <= width:
            console.file.write(f"{' ' * indent}{text}\n")
            return
        # Wrapped, each line is padded to the width (rich pads the lines of a wrapped text).
        lines = _simple_lines(text, width, no_wrap=False) if width > 0 else None
        if lines is not None:
            console.file.write("".join(f"{' ' * indent}{line.ljust(width)}\n" for line in lines))
            return
    from rich.padding import Padding
    from rich.text import Text

    console.print(Padding(Text(text), (0, 0, 0, indent), expand=False))


class StyledLines:
    """Lines of styled pieces printed as rich prints them with ``soft_wrap`` (never wrapped).

    ``ksd validate``'s text form prints a line per finding through rich's markup: some 200
    microseconds each, most of a run's time when a register has thousands of findings. A
    line of printable text not ending in a space is written here, each piece between the
    colour sequences rich writes for its style; other lines are printed by rich.
    """

    def __init__(self, console: Console) -> None:
        self.console = console
        self.codes = _StyleCodes(console)

    def print(self, *pieces: tuple[str, str | None]) -> None:
        """Print one line of ``(text, style)`` pieces (plain text, not markup)."""
        line = "".join(text for text, _ in pieces)
        if line.isprintable() and not line[-1:].isspace():
            out = []
            for text, style in pieces:
                on, off = self.codes(style)
                out.append(f"{on}{text}{off}" if on and text else text)
            self.console.file.write("".join(out) + "\n")
            return
        from rich.text import Text

        self.console.print(Text.assemble(*[(t, s or "") for t, s in pieces]), soft_wrap=True)


def _print_whole(
    console: Console, table: Table, rows: Sequence[Sequence[str]], styles: Sequence[str | None]
) -> None:
    from rich.text import Text

    for row, style in zip(rows, styles, strict=True):
        table.add_row(*[Text(cell) for cell in row], style=style)
    console.print(table)


def _drawable(console: Console, table: Table) -> bool:
    """Whether this module draws ``table``'s rows as rich would: rich's default table layout."""
    from rich import box

    return (
        not console.legacy_windows
        and table.box is box.HEAVY_HEAD
        and table.show_header
        and table.show_edge
        and not table.show_footer
        and not table.show_lines
        and not table.leading
        and not table.row_styles
        and table.style in ("", "none")
        and not table.border_style
        and tuple(table.padding) == (0, 1, 0, 1)
        and table.pad_edge
        and not table.collapse_padding
        and all(
            c.justify in ("left", "right")
            and c.vertical == "top"
            and c.overflow == "ellipsis"
            and not c.style
            and not c.highlight
            for c in table.columns
        )
    )


def _deciding(rows: Sequence[Sequence[str]], columns: int) -> list[int]:
    """The rows whose cells decide the columns' widths, in their order.

    rich measures a cell of text by its longest line (the most it can use) and its longest
    word (the least it can be given); a column takes the largest of each over its cells.
    """
    chosen: set[int] = set()
    for column in range(columns):
        longest = widest = -1
        best_line = best_word = 0
        for index, row in enumerate(rows):
            text = row[column]
            if _one_cell_each(text):  # one line
                line = len(text)
                if line > longest:
                    longest, best_line = line, index
                if line <= widest:
                    continue  # no word of it is wider than the line
                words = text.split()
                word = max(map(len, words)) if words else line
            else:
                lines = text.splitlines()
                line = max(map(cell_len, lines)) if lines else 0
                if line > longest:
                    longest, best_line = line, index
                words = text.split()
                word = max(map(cell_len, words)) if words else line
            if word > widest:
                widest, best_word = word, index
        chosen.update((best_line, best_word))
    return sorted(chosen)


class _CellLayout:
    """Each cell's lines in its column, justified and padded to the column's inner width."""

    def __init__(self, console: Console, table: Table, widths: Sequence[int]) -> None:
        self.console = console
        self.columns = [
            (width - 2, column.justify == "right", column.no_wrap)
            for width, column in zip(widths, table.columns, strict=True)
        ]

    def lines(self, row: Sequence[str]) -> list[list[str]]:
        """Every cell's lines, in the order of the columns."""
        made = []
        for text, (width, right, no_wrap) in zip(row, self.columns, strict=True):
            lines = _simple_lines(text, width, no_wrap) if _one_cell_each(text) else None
            if lines is None:
                lines = self._rich_lines(text, width, right, no_wrap)
            elif right:
                lines = [line.rjust(width) for line in lines]
            else:
                lines = [line.ljust(width) for line in lines]
            made.append(lines)
        return made

    def _rich_lines(self, text: str, width: int, right: bool, no_wrap: bool) -> list[str]:
        """A cell laid out by rich itself (``Text.wrap``, as a table cell is)."""
        from rich.text import Text

        wrapped = Text(text).wrap(
            self.console,
            width,
            justify="right" if right else "left",
            overflow="ellipsis",
            no_wrap=no_wrap,
        )
        lines = []
        for line in wrapped:
            plain = line.plain
            short = width - cell_len(plain)
            lines.append(plain + " " * short if short > 0 else plain)
        return lines


def _one_cell_each(text: str) -> bool:
    """Whether ``text`` is one line of printable characters, each one cell wide.

    Such text has no space but the ASCII one (other spaces are not printable), and rich
    measures it by its length: :func:`_simple_lines` lays it out.
    """
    return text.isprintable() and (text.isascii() or cell_len(text) == len(text))


def _simple_lines(text: str, width: int, no_wrap: bool) -> list[str] | None:
    """The lines of ``text`` (see :func:`_one_cell_each`) wrapped as rich wraps them, unpadded.

    ``None`` when rich would do more than break lines at spaces: a word (a line, when it
    does not wrap) wider than ``width``, which rich cuts with an ellipsis.
    """
    if no_wrap:
        line = text.rstrip()
        return [line] if len(line) <= width else None
    # rich puts on a line every word whose last letter is within ``width`` of the line's
    # start (a word takes the spaces after it along), and starts the next line with the next
    # word: the line is cut at the last space before its ``width``-th character.
    lines: list[str] = []
    start, end = 0, len(text)
    while end - start > width:
        cut = start + width
        if text[cut] != " ":
            cut = text.rfind(" ", start, cut)
        line = text[start:cut].rstrip() if cut > start else ""
        if not line:
            return None  # a word wider than the line: rich cuts it
        lines.append(line)
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if start < end or not lines:
        lines.append(text[start:].rstrip())
    return lines


class _StyleCodes:
    """The colour sequences rich writes around a cell of a row's style (none without colour)."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.known: dict[str | None, tuple[str, str]] = {None: ("", "")}

    def __call__(self, style: str | None) -> tuple[str, str]:
        found = self.known.get(style)
        if found is None:
            from rich.text import Text

            with self.console.capture() as capture:
                self.console.print(Text("x", style=style or ""), end="")
            before, _, after = capture.get().partition("x")
            found = self.known[style] = (before, after)
        return found


def _row_text(cells: list[list[str]], widths: Sequence[int], codes: tuple[str, str]) -> str:
    """A row's lines between the table's borders, each cell's lines topmost."""
    on, off = codes
    height = max(len(lines) for lines in cells)
    if not on:
        # Without colour a cell's missing line is its width of spaces, as a line of spaces
        # padded by one on each side: the row is each line of its cells joined (a national
        # register's 76,000 flags are 425,000 such lines).
        padded = [
            lines + [" " * (width - 2)] * (height - len(lines)) if len(lines) < height else lines
            for lines, width in zip(cells, widths, strict=True)
        ]
        return "".join(f"│ {' │ '.join(line)} │\n" for line in zip(*padded, strict=True))
    out = []
    for index in range(height):
        parts = []
        for lines, width in zip(cells, widths, strict=True):
            if index < len(lines):
                if on:
                    parts.append(f"{on} {off}{on}{lines[index]}{off}{on} {off}")
                else:
                    parts.append(f" {lines[index]} ")
            elif on:
                parts.append(f"{on}{' ' * width}{off}")
            else:
                parts.append(" " * width)
        out.append("│" + "│".join(parts) + "│\n")
    return "".join(out)
