"""The one escaping module: record text stays inert in Markdown, CSV, XML and terminals."""

from __future__ import annotations

import random
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ksd_cli import escaping
from ksd_cli.escaping import (
    csv_cell,
    markdown_cell,
    markdown_code,
    markdown_text,
    terminal_text,
    xml_text,
)

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[daerah] nama",
    "[klik](javascript:alert(1))",
    "![gambar](https://example.org/x.png)",
    "@admin tolong lihat",
    "## Pasal palsu",
    "> kutipan",
    "- butir",
    "+ butir",
    "1. nomor",
    "a | b | c",
    "`kode` dan ``dua``",
    "**tebal** _miring_ ~~coret~~",
    "baris satu\n## judul\n| a | b |\n<b>x</b>",
    "&lt;b&gt; entitas",
    "https://example.org <https://example.org>",
]


def _render(markdown: str) -> str:
    html: str = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown)
    return html


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_text_renders_as_the_literal_text_in_one_paragraph(text: str) -> None:
    html = _render(markdown_text(text))
    assert html.startswith("<p>") and html.count("<p>") == 1
    for tag in (
        "<a ",
        "<img",
        "<h",
        "<blockquote",
        "<ul",
        "<ol",
        "<em",
        "<strong",
        "<code",
        "<s>",
        "<script",
        "<b>",
        "<table",
    ):
        assert tag not in html, (text, html)


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_cell_keeps_a_table_row_of_three_cells(text: str) -> None:
    table = f"| a | b | c |\n|---|---|---|\n| x | {markdown_cell(text)} | z |\n"
    html = _render(table)
    assert html.count("<td>") == 3, (text, html)
    assert "<a " not in html and "<img" not in html and "<script" not in html


def test_markdown_text_reads_back_as_written() -> None:
    html = _render(markdown_text("[daerah] nama <b> *x* | y"))
    assert html == "<p>[daerah] nama &lt;b&gt; *x* | y</p>\n"


def test_javascript_scheme_and_mentions_are_broken() -> None:
    assert "javascript\\:" in markdown_text("javascript:alert(1)")
    assert "@\u200badmin" in markdown_text("@admin")


@pytest.mark.parametrize(
    "name",
    ["data/agreements/KSD-1.yaml", "a`b.yaml", "x``y\n## heading\n<b>z</b>.yaml", "`start", "a|b"],
)
def test_markdown_code_is_one_code_span_holding_the_name(name: str) -> None:
    span = markdown_code(name, in_table=True)
    row = f"| a | b |\n|---|---|\n| {span} | z |\n"
    html = _render(row)
    assert html.count("<td>") == 2 and html.count("<code>") == 1, html
    assert "<b>" not in html and "<h2" not in html


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://x")', "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "\uff1d1+1", "\uff20x"],
)
def test_csv_cell_neutralises_formula_starts(value: str) -> None:
    assert csv_cell(value) == "'" + value


def test_csv_cell_keeps_numbers_and_plain_text() -> None:
    assert csv_cell(-5) == -5
    assert csv_cell("Kota Samarinda") == "Kota Samarinda"
    assert csv_cell(None) == ""


def test_terminal_text_strips_escape_sequences_and_controls() -> None:
    hostile = "\x1b[2J\x1b[HOK\x1b]0;title\x07 \x9b31m\x07\x00\x01end\u202e"
    assert terminal_text(hostile) == "OK end"
    assert terminal_text("a\nb") == "a\nb"
    assert terminal_text("a\r\nb\tc", keep_newlines=False) == "a b c"


def test_xml_text_drops_what_xml_cannot_hold() -> None:
    assert xml_text("a\x00b\x01c\x1bd\ufffee\ud800f\tg\nh") == "abcdef\tg\nh"


# The quick paths: text that needs nothing is returned as it is, exactly as the full steps ------

_MIXED = st.text(
    st.sampled_from(
        [*"abcXYZ019 ,.;:()/'\"%?-_@=+>#*[]|`~!&<\\", "\t", "\n", "\r", "\x1b", "\u00e9", "\u202e"]
    ),
    max_size=30,
)
#: Nearly plain: mostly what the quick path takes, and now and then what it must not take.
_NEARLY_PLAIN = st.builds(
    lambda head, tail: head + tail,
    st.sampled_from([*"aZ1 -_@>+=\u0661\u00b2", "", "javascript", "data ", "1."]),
    st.lists(
        st.sampled_from(
            [
                *"ab9 ,.()-$%'\"+=?^{}/;",
                *"_:@ *#&!|~<>[]`\\",
                "\t",
                "\n",
                "\u00e9",
                "\u00df",
                "\u0661",  # ARABIC-INDIC DIGIT ONE: a digit to ``\\d``
                "\u00b2",  # SUPERSCRIPT TWO: a digit to ``str.isdigit``, not to ``\\d``
                "\u4e00",
                "\u00a0",  # NO-BREAK SPACE: a space to ``str.split``
                "\u2028",
                "\u3000",
                "\u200b",  # ZERO WIDTH SPACE: kept, no space to ``str.split``
                "\u200e",
                "\u202e",
                "\u061c",
                "\u0085",
                "\x9b",
                "\x1b",
                "\ud800",
                "\ufeff",
                "javascript",
                "JavaScript",
                "vbscript",
                "data",
                " data",
            ]
        ),
        max_size=10,
    ).map("".join),
)
#: Each would be changed by one step of the full path.
_ALMOST = [
    "a_",
    "_a",
    "a _b",
    "a_b",  # not changed, but the quick path leaves every underscore to the full steps
    "data: x",
    "x data:y",
    "x javascript :y",
    "x JavaScript:y",
    "(vbscript:x)",
    "a  b",
    " a",
    "a ",
    "1. a",
    "1) a",
    "12.",
    "\u0661. a",
    "- a",
    "+ a",
    "= a",
    "-a",
    "a @b",
    "a\tb",
    "a\u00a0b",
    "a\u3000b",
    "a\u2028b",
    "a\u200eb",
    "a\u202eb",
    "a\u0085b",
    "a\x9bb",
    "a*b",
    "a&b",
    "a#b",
    "a!b",
]


@given(st.one_of(_MIXED, _NEARLY_PLAIN))
def test_markdown_text_quick_path_equals_the_full_steps(text: str) -> None:
    assert markdown_text(text) == escaping._inert_markdown(text)


@pytest.mark.parametrize("text", _ALMOST)
def test_texts_one_step_changes_do_not_take_the_quick_path(text: str) -> None:
    assert not escaping._plain_markdown(text)
    assert markdown_text(text) == escaping._inert_markdown(text)


@given(st.text(max_size=30))
def test_markdown_text_equals_the_full_steps_on_any_text(text: str) -> None:
    assert markdown_text(text) == escaping._inert_markdown(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kerja Sama Pengelolaan Sampah (2024)",
        "KSD-6402-2019-001",
        "Rp1.250.000",
        "33.22",
        "2024",
        "a:b",
        "x b:c",
        "datas: x",
        "metadata: x",
        "KB: Kabupaten Kutai Kartanegara 130/250/Kerma/VIII/2019, Kota Samarinda 180/061/Kerma",
        "Surat Pernyataan Kehendak: Deutsche Gesellschaft f\u00fcr Internationale Zusammenarbeit",
        "\u00c9cole 1+1=2 {x} 50% ^ $3 'a' \"b\" ?",
        "\u5408\u4f5c\u534f\u8bae \u0645\u0630\u0643\u0631\u0629 \u0661\u0662\u0663",
    ],
)
def test_plain_texts_take_the_quick_path(text: str) -> None:
    assert escaping._plain_markdown(text)
    assert markdown_text(text) == text == escaping._inert_markdown(text)


def test_every_character_the_quick_path_takes_is_left_as_it_is_by_the_full_steps() -> None:
    # Every code point, between two letters: those the quick path takes, the full steps keep.
    taken = [
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if escaping._plain_markdown(f"a{c}a") and c != " "
    ]
    assert len(taken) > 100_000  # letters and digits of every script
    for start in range(0, len(taken), 1000):
        text = "a" + "".join(taken[start : start + 1000])
        assert escaping._inert_markdown(text) == text
    # and at the start of a text, where a block could begin
    starts = [c for c in taken if escaping._plain_markdown(f"{c} a")]
    assert [c for c in starts if escaping._inert_markdown(f"{c} a") != f"{c} a"] == []
    assert [c for c in starts if escaping._inert_markdown(f"{c}. a") != f"{c}. a"] == [
        c for c in starts if not escaping._plain_markdown(f"{c}. a")
    ]


def test_markdown_text_equals_the_full_steps_on_a_large_generated_set_of_texts() -> None:
    # Texts shaped like a report's (documents' numbers, names beyond ASCII), with pieces that
    # one step or another changes mixed in: 20,000 of them, a tenth taking the quick path.
    rng = random.Random(14)
    words = [
        "KB:",
        "PKS:",
        "Kabupaten",
        "Kutai",
        "130/250/Kerma/VIII/2019,",
        "180/155/PKS-Kerma/VI/2025;",
        "Gesellschaft",
        "f\u00fcr",
        "M\u00fcnchen",
        "S\u00e3o",
        "\u5408\u4f5c",
        "\u0661.",
        "33.22",
        "1.",
        "2)",
        "-",
        "+",
        "=",
        ">",
        "#",
        "javascript:",
        "JavaScript",
        ":",
        "data",
        "vbscript :x",
        "x:y",
        "@tim",
        "a@b",
        "_",
        "kb_tanpa_pks",
        "_x_",
        "*",
        "[a](b)",
        "<b>",
        "a|b",
        "~",
        "!",
        "&amp;",
        "`x`",
        "\\",
        "50%",
        "$3",
        "{x}",
        "^",
        "'a'",
        '"b"',
        "?",
    ]
    gaps = [
        " ",
        " ",
        " ",
        " ",
        "",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\u00a0",
        "\u200b",
        "\u200e",
        "\u202e",
        "\u2028",
        "\x1b[31m",
        "\x00",
        "\x7f",
        "\x85",
        "\ud800",
        "\ufeff",
    ]
    texts = []
    for _ in range(20_000):
        pieces = [rng.choice(words) for _ in range(rng.randint(1, 8))]
        gap = rng.choice(gaps) if rng.random() < 0.3 else " "
        texts.append(gap.join(pieces) if rng.random() < 0.5 else " ".join(pieces))
    quick = [t for t in texts if escaping._plain_markdown(t)]
    assert len(quick) > 2_000
    assert [t for t in texts if markdown_text(t) != escaping._inert_markdown(t)] == []


@given(st.text(max_size=30))
def test_xml_text_quick_path_equals_the_regex(text: str) -> None:
    assert xml_text(text) == escaping._NOT_XML.sub("", text)


def _plain_by_the_pattern(text: str) -> bool:
    """``_plain_markdown`` told by the pattern alone, as for a text beyond ASCII."""
    return (
        escaping._PLAIN_MARKDOWN.fullmatch(text) is not None
        and "_" not in text
        and escaping._BLOCK_START.match(text) is None
        and (":" not in text or escaping._ACTIVE_SCHEME.search(text) is None)
    )


@given(st.text(st.sampled_from([chr(c) for c in range(128)]), max_size=30))
def test_an_ascii_text_is_told_plain_as_the_pattern_tells_it(text: str) -> None:
    assert escaping._plain_markdown(text) == _plain_by_the_pattern(text)


@pytest.mark.parametrize("text", ["", " ", "a", "a b", "a  b", " a", "a ", "a_b", "a:b", "a\tb"])
def test_ascii_edges_are_told_plain_as_the_pattern_tells_them(text: str) -> None:
    assert escaping._plain_markdown(text) == _plain_by_the_pattern(text)


def test_only_a_schemes_last_letter_ends_an_active_scheme() -> None:
    # ``_SCHEME_END`` stands for ``_ACTIVE_SCHEME`` only if nothing but ``a``/``A`` ends
    # ``data`` and nothing but ``t``/``T`` ends ``javascript`` and ``vbscript`` (a
    # character that matches a letter ignoring case, as ``ſ`` matches ``s``, would not do).
    search = escaping._ACTIVE_SCHEME.search
    every = [chr(c) for c in range(sys.maxunicode + 1)]
    assert [c for c in every if search(f"dat{c}:")] == ["A", "a"]
    assert [c for c in every if search(f"vbscrip{c} :")] == ["T", "t"]
    assert search("javaſcript:")  # the reason for the question


def _rendered(markup: str) -> str:
    """What a plain, wide rich console shows for ``markup``."""
    import io

    out = io.StringIO()
    escaping.text_console(out, color=False, width=400, soft_wrap=True).print(markup)
    return out.getvalue().removesuffix("\n")


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(list("ab [/]\\:#@=*_")), max_size=14))
def test_markup_text_shows_the_text_as_typed(text: str) -> None:
    # At the end of a line, before plain text, after a tag (spaces at the end aside: rich
    # keeps or drops them as it lays the line out).
    shown = escaping.markup_text(text)
    assert _rendered(shown).rstrip() == text.rstrip()
    assert _rendered(f"{shown} ekor") == f"{text} ekor"
    assert _rendered(f"[bold]x[/] {shown}").rstrip() == f"x {text}".rstrip()


def test_markup_text_shows_one_trailing_backslash_where_escape_showed_two() -> None:
    from rich.markup import escape

    assert _rendered(escape("C:\\")) == "C:\\\\"  # why markup_text exists
    assert _rendered(escape("C:\\[x")) == "C:[x"  # and why it is not escape
    assert _rendered(escaping.markup_text("C:\\")) == "C:\\"
    assert _rendered(escaping.markup_text("C:\\\\")) == "C:\\\\"
    assert _rendered(escaping.markup_text("C:\\[x")) == "C:\\[x"
    assert _rendered(escaping.markup_text("\\[bold]x[/]")) == "\\[bold]x[/]"
    assert escaping.markup_text("a\x1b[31mb\nc", keep_newlines=False) == "ab c"
