"""The cache's frozen values pickle as calls of their class: equal after the round trip."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from datetime import date

import pytest

from ksd_cli.cache import Entry
from ksd_cli.diagnostics import Diagnostic, Severity
from ksd_cli.facts import Facts
from ksd_cli.frozen import pickled_by_fields
from ksd_cli.registrations import Registration

REGISTRATION = Registration("KSD-6402-2024-001", "Judul", "judul", date(2024, 1, 2), 2024, ("a",))
FACTS = Facts("KSD-6402-2024-001", "agreement", ("POT-6402-2024-001",), REGISTRATION, ("p",),
              ((("id",), 1, 5),))  # fmt: skip
FINDING = Diagnostic("data/a.yaml", 1, 1, "S001", "rule", Severity.ERROR, "message")
ENTRY = Entry((1, 2, 3, 4), "digest", FACTS, (FINDING,), (), "key")


@pytest.mark.parametrize("value", [REGISTRATION, FACTS, ENTRY, Entry(None, "", None, (), ())])
def test_a_value_is_equal_after_the_round_trip_without_its_state_set(
    value: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def refused(self: object, state: object) -> None:
        raise AssertionError("unpickled through __setstate__")

    for cls in (Registration, Facts, Entry):
        monkeypatch.setattr(cls, "__setstate__", refused)
    assert pickle.loads(data) == value  # noqa: S301 - the test's own bytes


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Pair:
    """Two fields, the second with a default."""

    first: str
    second: int = 2


def test_every_field_is_kept_in_order() -> None:
    assert pickle.loads(pickle.dumps(Pair("x", 3))) == Pair("x", 3)  # noqa: S301
    assert Pair("x").__reduce__() == (Pair, ("x", 2))
