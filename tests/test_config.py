"""ksd.toml: every problem at its line and column, with a did-you-mean and the quoting hint."""

from __future__ import annotations

import pytest

from ksd_cli.config import ConfigError, parse_config

TOML = """\
# Konfigurasi
[daerah]
kode = 6402
nama = "Kabupaten Kutai Kartanegara"

[stalled]
kb_tanpa_pk = 365

[stalled.ksdpk]
  akan_berakhr = 30
[paths]
agreements = 5
"""


def problems(text: str, lang: str = "id") -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    return caught.value.text(lang).splitlines()  # type: ignore[arg-type]


def test_every_problem_has_its_position_a_suggestion_or_the_quoting_hint() -> None:
    assert problems(TOML) == [
        "ksd.toml: konfigurasi tidak valid",
        "ksd.toml:3:8: [daerah] kode: kode `6402` tidak bertanda kutip, sehingga TOML membacanya "
        'sebagai angka; tulis: kode = "64.02"',
        "ksd.toml:7:1: [stalled] kb_tanpa_pk: kunci `kb_tanpa_pk` tidak dikenal; maksudnya "
        "`kb_tanpa_pks`?",
        "ksd.toml:10:3: [stalled.ksdpk] akan_berakhr: kunci `akan_berakhr` tidak dikenal; "
        "maksudnya `akan_berakhir`?",
        "ksd.toml:12:14: [paths] agreements: Input should be a valid string",
    ]
    assert problems(TOML, "en")[2] == (
        "ksd.toml:7:1: [stalled] kb_tanpa_pk: unknown key `kb_tanpa_pk`; did you mean "
        "`kb_tanpa_pks`?"
    )


def test_an_unknown_key_without_a_close_one_lists_the_known_keys() -> None:
    assert problems("[daerah]\nwarna = 'biru'\n")[1] == (
        "ksd.toml:2:1: [daerah] warna: kunci `warna` tidak dikenal; kunci yang dikenal di "
        "sini: kode, nama, zona_waktu, berbatasan, alamat"
    )
    assert problems("[daerha]\n")[1] == (
        "ksd.toml:1:1: daerha: kunci `daerha` tidak dikenal; maksudnya `daerah`?"
    )


def test_a_float_code_is_quoted_as_written_and_syntax_errors_have_positions() -> None:
    assert problems("[daerah]\nkode = 64.02\n")[1].endswith('tulis: kode = "64.02"')
    assert problems("[daerah]\nkode = 6402\n", "en")[1].endswith('write: kode = "64.02"')
    assert problems("[daerah\nkode = 1\n")[1].startswith("ksd.toml:1:8: sintaks TOML tidak valid")
    assert problems("x = [\n")[1].startswith("ksd.toml:1:1: sintaks TOML tidak valid")
