"""``dumps_indented`` writes what ``json.dumps(..., indent=2, ensure_ascii=False)`` writes."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ksd_cli.jsonlayout import dump_indented, dumps_indented
from ksd_cli.stalled import Flag, InvalidRecord, StalledResult
from ksd_cli.stalled_output import write_json

ODD = [
    'kutip "ganda" dan \\ garis miring',
    "Kabupaten Kutai Kartanegara – Rp1.000.000 · ½ · 北京 · 😀",
    "\u00a0spasi tak putus\u2028pemisah baris\u2029",
    "kontrol \x00\x01\x1f\t\n\r\x7f",
    "</script> & <b>",
    "",
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(), inner, max_size=4)
        | st.tuples(inner, inner)
    ),
    max_leaves=30,
)


@given(values, st.integers(min_value=0, max_value=4))
def test_any_value_is_laid_out_as_the_standard_encoder_does(value: object, indent: int) -> None:
    assert dumps_indented(value, indent) == json.dumps(value, indent=indent, ensure_ascii=False)


@given(values, st.integers(min_value=0, max_value=4))
def test_written_to_a_stream_it_is_the_same_text(value: object, indent: int) -> None:
    out = io.StringIO()
    dump_indented(value, out, indent)
    assert out.getvalue() == json.dumps(value, indent=indent, ensure_ascii=False)


class _Writes(io.StringIO):
    """A stream that counts its writes."""

    writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def test_a_generator_is_a_list_and_its_items_are_written_as_they_come() -> None:
    out = _Writes()
    written_before_last: list[int] = []

    def items(n: int) -> Iterator[dict[str, object]]:
        for i in range(n):
            if i == n - 1:
                written_before_last.append(out.writes)
            yield {"n": i, "teks": ODD[i % len(ODD)], "daftar": [i, None, True]}

    dump_indented({"kosong": items(0), "isi": items(5_000), "akhir": []}, out)
    expected = {"kosong": [], "isi": list(items(5_000)), "akhir": []}
    assert out.getvalue() == json.dumps(expected, indent=2, ensure_ascii=False)
    # Most of the text was out before the last item was even made: never all held at once.
    assert written_before_last[0] >= 5


def test_a_dict_key_that_is_not_a_string_is_refused() -> None:
    with pytest.raises(TypeError, match="keys must be strings"):
        dumps_indented({1: "satu"})


def _flag(n: int, text: str, naskah: int | None, mitra: tuple[str, ...]) -> Flag:
    return Flag(
        f"KSD-6402-2021-{n:03}",
        text,
        "kb_tanpa_pks",
        "macet",
        date(2021, 3, 15),
        400 + n,
        365,
        None if n % 2 else "penandatanganan_kb",
        mitra,
        (text,) if n % 3 else (),
        f"{text} — pesan",
        f"data/agreements/{text}.yaml",
        naskah,
        (naskah, naskah + 2) if naskah is not None else (),
    )


def test_stalled_json_is_the_standard_encoders_text_for_odd_strings() -> None:
    flags = tuple(
        _flag(n, text, n if n % 2 else None, (text, ODD[0]) if n % 2 else ())
        for n, text in enumerate(ODD)
    )
    invalid = (InvalidRecord(ODD[0], 2), InvalidRecord(ODD[3], 1))
    for result in (
        StalledResult(date(2025, 6, 30), flags, 12, invalid, sampai_tidak_diketahui=tuple(ODD)),
        StalledResult(date(2025, 6, 30), (), 0, ()),
    ):
        out = io.StringIO()
        write_json(result, out)
        assert out.getvalue() == json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n"
