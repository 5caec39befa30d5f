"""A table's rows written in rich's layout: the same text as rich's whole table, faster."""

from __future__ import annotations

import io
import random
import re
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.table import Table
from rich.text import Text

from ksd_cli import texttable
from ksd_cli.diagnostics import Diagnostic, Report, Severity
from ksd_cli.escaping import text_console
from ksd_cli.messages import Lang
from ksd_cli.texttable import print_table

#: Words as the stalled list has them, and some that lay out otherwise: wide letters, an
#: accent, words longer than a column, spaces around.
WORDS = [
    "KB",
    "tanpa",
    "PKS",
    "setelah",
    "2.365",
    "hari",
    "(batas",
    "180",
    "hari)",
    "Identifikasi",
    "Januari",
    "2019;",
    "Kabupaten",
    "Kutai",
    "Timur",
    "penandatanganan_kb",
    "KSD-6402-2019-045",
    "Perjanjian-Kerja-Sama-Penyelenggaraan-Pendidikan-Vokasi",
    "café",
    "漢字",
    "",
    " ",
]


def _stalled_table() -> Table:
    table = Table(title="Kerja sama yang perlu perhatian per 30 Juni 2025", expand=True)
    table.add_column("ID", no_wrap=True)
    table.add_column("Temuan", max_width=14)
    table.add_column("Hari", justify="right", no_wrap=True)
    table.add_column("Batas", justify="right", no_wrap=True)
    table.add_column("Keterangan", ratio=1)
    return table


def _plain_table() -> Table:
    table = Table()
    table.add_column("Kode")
    table.add_column("Nama", justify="right")
    table.add_column("Catatan", no_wrap=True)
    return table


def _rich_whole(
    make: Callable[[], Table],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str | None],
    **console: object,
) -> str:
    out = io.StringIO()
    table = make()
    for row, style in zip(rows, styles, strict=True):
        table.add_row(*[Text(cell) for cell in row], style=style)
    text_console(out, **console).print(table)  # type: ignore[arg-type]
    return out.getvalue()


def _written(
    make: Callable[[], Table],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str | None],
    **console: object,
) -> str:
    out = io.StringIO()
    print_table(text_console(out, **console), make, rows, styles)  # type: ignore[arg-type]
    return out.getvalue()


def _sentence(rng: random.Random, most: int, words: Sequence[str] = WORDS) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(0, most)))


def _rows(rng: random.Random, count: int, columns: int) -> list[tuple[str, ...]]:
    """Rows of any words in any column: columns squeezed to nothing, cut, folded."""
    return [
        tuple(_sentence(rng, 12 if c == columns - 1 else 3) for c in range(columns))
        for _ in range(count)
    ]


def _flag_rows(rng: random.Random, count: int) -> list[tuple[str, ...]]:
    """Rows as the stalled list has them; the sentences with odd words now and then."""
    return [
        (
            f"KSD-{rng.randint(1100, 9471)}-{rng.randint(2015, 2025)}-{rng.randint(1, 999):03}",
            rng.choice(["KB tanpa PKS", "Usulan tanpa kemajuan", "Akan berakhir", "Tanpa monev"]),
            f"{rng.randint(1, 4000):,}".replace(",", "."),
            rng.choice(["0", "90", "180", "365", "-"]),
            _sentence(rng, 25) + rng.choice(["", "", "", "\nbaris kedua", "   "]),
        )
        for _ in range(count)
    ]


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("width", [60, 80, 132])
@pytest.mark.parametrize("color", [False, True])
def test_the_stalled_table_is_rich_s_own(
    seed: int, width: int, color: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    rows = _flag_rows(rng, rng.randint(1, 80))
    styles = [rng.choice([None, "yellow"]) for _ in rows]
    expected = _rich_whole(_stalled_table, rows, styles, width=width, color=color)

    def whole(*args: object) -> None:
        raise AssertionError("printed by rich whole")

    monkeypatch.setattr(texttable, "_print_whole", whole)
    assert _written(_stalled_table, rows, styles, width=width, color=color) == expected


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("width", [40, 80])
def test_a_table_squeezed_past_drawing_is_rich_s_own(seed: int, width: int) -> None:
    rng = random.Random(seed)
    rows = _rows(rng, rng.randint(1, 40), 5)
    styles = [rng.choice([None, "yellow"]) for _ in rows]
    expected = _rich_whole(_stalled_table, rows, styles, width=width, color=True)
    assert _written(_stalled_table, rows, styles, width=width, color=True) == expected


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.sampled_from("ab é漢-\n"), max_size=30),
            st.text(st.sampled_from("xy z."), max_size=40),
            st.text(st.sampled_from("pq "), max_size=12),
        ),
        min_size=1,
        max_size=8,
    ),
    st.integers(min_value=24, max_value=100),
    st.booleans(),
)
def test_any_cells_are_laid_out_as_rich_lays_them_out(
    rows: list[tuple[str, str, str]], width: int, color: bool
) -> None:
    styles = ["bold" if i % 3 == 1 else None for i in range(len(rows))]
    expected = _rich_whole(_plain_table, rows, styles, width=width, color=color)
    assert _written(_plain_table, rows, styles, width=width, color=color) == expected


def test_only_the_rows_that_decide_the_widths_pass_through_rich(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = _flag_rows(random.Random(7), 2_000)
    added: list[int] = []
    original = Table.add_row

    def counted(self: Table, *cells: object, **options: object) -> None:
        added.append(1)
        original(self, *cells, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Table, "add_row", counted)
    written = _written(_stalled_table, rows, [None] * len(rows), width=100, color=False)
    assert len(added) <= 2 * 5  # a longest line and a longest word per column, at most
    monkeypatch.setattr(Table, "add_row", original)
    assert written == _rich_whole(_stalled_table, rows, [None] * len(rows), width=100, color=False)


def test_a_table_drawn_otherwise_is_printed_by_rich_whole() -> None:
    def lined() -> Table:
        table = _plain_table()
        table.show_lines = True
        return table

    rows = [("a", "b", "c"), ("panjang sekali teksnya", "x", "y")]
    assert not texttable._drawable(text_console(io.StringIO()), lined())
    expected = _rich_whole(lined, rows, [None, None], width=40, color=False)
    assert _written(lined, rows, [None, None], width=40, color=False) == expected
    assert "├" in expected  # the line between rows that this module does not draw


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        (
            "Identifikasi 8 Januari 2019; tidak ada",
            14,
            ["Identifikasi 8", "Januari 2019;", "tidak ada"],
        ),
        ("  dua spasi di depan", 10, ["  dua", "spasi di", "depan"]),
        ("   ", 5, [""]),
        ("kata-yang-terlalu-panjang", 10, None),  # rich cuts it with an ellipsis
    ],
)
def test_simple_lines_break_at_spaces_as_rich_does(
    text: str, width: int, lines: list[str] | None
) -> None:
    assert texttable._simple_lines(text, width, no_wrap=False) == lines


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from("ab  -."), max_size=60), st.integers(min_value=1, max_value=20))
def test_simple_lines_are_rich_s_lines_or_none_when_rich_cuts(text: str, width: int) -> None:
    console = text_console(io.StringIO(), width=80)
    wrapped = Text(text).wrap(console, width, justify="left", overflow="ellipsis")
    found = texttable._simple_lines(text, width, no_wrap=False)
    if found is None:  # a word rich cuts (the first with the spaces before it), or spaces alone
        words = [m.group().rstrip() for m in re.finditer(r"\s*\S+\s*", text)]
        assert any(len(w) > width for w in words) or (text.isspace() and len(text) > width)
        assert any(line.plain.rstrip().endswith("…") for line in wrapped) or text.isspace()
    else:
        assert found == [line.plain.rstrip() for line in wrapped]


@pytest.mark.parametrize(
    ("text", "simple"),
    [("KB tanpa PKS", True), ("–", True), ("café", True), ("漢字", False), ("e\u0301", False),
     ("baris\nbaru", False), ("tab\tdi dalam", False), ("spasi\u00a0keras", False)],
)  # fmt: skip
def test_text_of_one_cell_a_character_is_laid_out_here(text: str, simple: bool) -> None:
    assert texttable._one_cell_each(text) is simple


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from("ab  -.é漢\n"), max_size=90),
    st.integers(min_value=0, max_value=8),
    st.integers(min_value=10, max_value=60),
    st.booleans(),
)
def test_an_indented_line_is_rich_s_padding(
    text: str, indent: int, width: int, color: bool
) -> None:
    from rich.padding import Padding

    expected = io.StringIO()
    text_console(expected, color=color, width=width).print(
        Padding(Text(text), (0, 0, 0, indent), expand=False)
    )
    written = io.StringIO()
    texttable.print_indented(text_console(written, color=color, width=width), text, indent)
    assert written.getvalue() == expected.getvalue()


def test_a_plain_indented_line_is_written_without_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    def printed(*args: object, **kwargs: object) -> None:
        raise AssertionError("printed by rich")

    monkeypatch.setattr(Console, "print", printed)
    out = io.StringIO()
    console = text_console(out, width=30)
    texttable.print_indented(console, "Tanggal penandatanganan berbeda (KB)", 2)
    texttable.print_indented(console, "Tidak ada.", 4)
    assert out.getvalue() == (
        "  Tanggal penandatanganan     \n  berbeda (KB)                \n    Tidak ada.\n"
    )


# Styled lines (``ksd validate``'s text form) -----------------------------------------------------

STYLES = [None, "bold", "bold red", "yellow", "dim", "cyan"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.sampled_from("ab [/]\\é漢\n\t "), max_size=12), st.sampled_from(STYLES)
        ),
        min_size=1,
        max_size=6,
    ),
    st.integers(min_value=10, max_value=60),
    st.booleans(),
)
def test_a_styled_line_is_rich_s_own(
    pieces: list[tuple[str, str | None]], width: int, color: bool
) -> None:
    expected = io.StringIO()
    text_console(expected, color=color, width=width, soft_wrap=True).print(
        Text.assemble(*[(text, style or "") for text, style in pieces])
    )
    written = io.StringIO()
    texttable.StyledLines(text_console(written, color=color, width=width, soft_wrap=True)).print(
        *pieces
    )
    assert written.getvalue() == expected.getvalue()


def _rich_reporter_text(report: Report, lang: Lang, color: bool) -> str:
    """``ksd validate``'s text form printed by rich, line by line (the oracle).

    As it was printed before, through rich's markup, but for two things: ``escape`` doubles
    a backslash at the end of a text, and the markup printed both (a finding quoting a
    value that ends in one showed two); a line break a finding quotes is a space (one
    finding, one line).
    """
    from itertools import groupby

    from rich.markup import escape

    from ksd_cli.escaping import terminal_text
    from ksd_cli.messages import message
    from ksd_cli.reporters import TextReporter, utf8_safe

    out = io.StringIO()
    console = text_console(out, color=color, soft_wrap=True)
    style = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}
    label = message("boundary.hint-label", lang)
    for index, (path, group) in enumerate(groupby(report.diagnostics, key=lambda d: d.path)):
        if index:
            console.print()
        shown = terminal_text(utf8_safe(path), keep_newlines=False)
        for d in group:
            text = terminal_text(utf8_safe(d.message), keep_newlines=False)
            console.print(
                Text.assemble(
                    (f"{shown}:{d.line}:{d.column}", "bold"),
                    ": ",
                    (d.severity.value, style[d.severity]),
                    " ",
                    (d.code, "dim"),
                    f" {text}",
                )
            )
            if d.hint:
                hint = terminal_text(utf8_safe(d.hint), keep_newlines=False)
                console.print(Text.assemble("    ", (f"{label}:", "cyan"), f" {hint}"))
    if report.diagnostics:
        console.print()
    colour = "red" if report.errors else "yellow" if report.warnings else "green"
    summary = TextReporter(lang, color).summary(report)
    console.print(f"[bold {colour}]{escape(summary)}[/]")
    return out.getvalue()


MESSAGE_TEXT = st.text(st.sampled_from("ab [/]\\é漢\n\t\x1b\ud800 :"), max_size=40)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["data/a.yaml", "data/[b].yaml", "data/c d.yaml"]),
            st.integers(min_value=1, max_value=999),
            st.sampled_from(["error", "warning"]),
            MESSAGE_TEXT,
            st.none() | MESSAGE_TEXT,
        ),
        max_size=12,
    ),
    st.sampled_from(["id", "en"]),
    st.booleans(),
)
def test_the_validate_text_form_is_what_rich_prints(
    findings: list[tuple[str, int, str, str, str | None]], lang: Lang, color: bool
) -> None:
    from ksd_cli.reporters import TextReporter

    report = Report.build(
        [
            Diagnostic(path, line, 3, "S002", "unknown-key", Severity(sev), text, hint=hint)
            for path, line, sev, text, hint in findings
        ],
        files=3,
        records=3,
    )
    out = io.StringIO()
    TextReporter(lang, color).write(report, out)
    assert out.getvalue() == _rich_reporter_text(report, lang, color)


def test_a_message_that_ends_in_a_backslash_shows_one() -> None:
    from ksd_cli.reporters import TextReporter

    finding = Diagnostic("data/a.yaml", 4, 10, "S004", "unquoted-code", Severity.ERROR, "C:\\")
    out = io.StringIO()
    TextReporter("id", False).write(Report.build([finding], files=1, records=1), out)
    assert out.getvalue().splitlines()[0] == "data/a.yaml:4:10: error S004 C:\\"
