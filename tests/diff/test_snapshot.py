"""Snapshots of one side: records loaded from texts, the configuration as committed."""

from __future__ import annotations

import pytest

from ksd_cli.config import Config
from ksd_cli.diff.snapshot import config_from_text, snapshot_from_texts
from ksd_cli.errors import UserError

SAMPAH = "data/agreements/KSD-6402-2025-001.yaml"


def test_a_committed_configuration_is_read_and_a_missing_one_is_the_default() -> None:
    assert config_from_text(None, "main") == Config()
    read = config_from_text(b'\xef\xbb\xbf[daerah]\nkode = "64.02"\n', "main")
    assert read.daerah.kode == "64.02"


def test_a_bad_committed_configuration_names_the_revision_in_both_languages() -> None:
    with pytest.raises(UserError) as caught:
        config_from_text(b"[daerah\n", "main~1")
    assert caught.value.text("id") == "main~1:ksd.toml: konfigurasi tidak valid"
    assert caught.value.text("en") == "main~1:ksd.toml: invalid configuration"
    assert caught.value.hint


def test_records_that_do_not_load_are_kept_as_text_and_counted_invalid() -> None:
    broken = "data/agreements/KSD-6402-2025-002.yaml"
    snapshot = snapshot_from_texts(
        Config(), {SAMPAH: ("agreement", "id: [\n"), broken: ("agreement", None)}
    )
    assert sorted(snapshot.files) == [SAMPAH, broken]
    assert snapshot.files[SAMPAH].text == "id: [\n"
    assert all(f.loaded is None for f in snapshot.files.values())
    result = snapshot.load_result()
    assert result.records == () and result.invalid == frozenset({SAMPAH, broken})
