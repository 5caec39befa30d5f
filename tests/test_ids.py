"""Record ids: matched in full, in ASCII digits only."""

from __future__ import annotations

import pytest

from ksd_cli.errors import UserError
from ksd_cli.ids import checked_id, is_record_id


@pytest.mark.parametrize("value", ["KSD-6402-2024-007", "KSD-64-2024-001", "POT-6402-2024-0123"])
def test_record_ids(value: str) -> None:
    assert is_record_id(value)
    assert checked_id(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "KSD-٦٤٠٢-2024-007",  # Arabic-Indic digits
        "KSD-６４０２-2024-007",  # full-width digits
        "KSD-6402-2024-007\n",  # trailing newline ($ would accept it)
        "KSD-6402-2024-07",
        "../../../outside/evil",
        "KSD-6402-2024-007/../../x",
    ],
)
def test_not_record_ids(value: str) -> None:
    assert not is_record_id(value)
    with pytest.raises(UserError, match="bukan id rekaman"):
        checked_id(value)


def test_the_kind_is_checked_when_asked() -> None:
    assert is_record_id("POT-6402-2024-001", "POT")
    assert not is_record_id("POT-6402-2024-001", "KSD")


def test_show_checks_the_id_first(capsys: pytest.CaptureFixture[str]) -> None:
    from ksd_cli.cli import main

    assert main(["show", "../ksd.toml", "--as-of", "2025-06-30", "--lang", "en"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "`../ksd.toml` is not a record id" in err
