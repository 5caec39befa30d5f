"""The cache's frozen values pickle as calls of their fields' maker: equal after the round trip."""

from __future__ import annotations

import copyreg
import io
import pickle
from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass, fields
from datetime import date

import pytest

from ksd_cli.cache import Entry
from ksd_cli.diagnostics import Diagnostic, Severity
from ksd_cli.facts import Facts
from ksd_cli.frozen import pickled_by_fields
from ksd_cli.registrations import Registration
from ksd_cli.stalled import Assessment, Flag

REGISTRATION = Registration("KSD-6402-2024-001", "Judul", "judul", date(2024, 1, 2), 2024, ("a",))
FACTS = Facts("KSD-6402-2024-001", "agreement", ("POT-6402-2024-001",), REGISTRATION, ("p",),
              ((("id",), 1, 5),))  # fmt: skip
FINDING = Diagnostic("data/a.yaml", 1, 1, "S001", "rule", Severity.ERROR, "message")
ENTRY = Entry((1, 2, 3, 4), "digest", FACTS, (FINDING,), (), "key")
FLAG = Flag("KSD-6402-2024-001", "Judul", "kb_tanpa_pks", "macet", date(2024, 1, 2), 400, 180,
            "kb", ("Kota Samarinda",), ("Bappeda",), "pesan", "data/a.yaml", 0, (0, 1))  # fmt: skip
ASSESSMENT = Assessment("KSD-6402-2024-001", False, (FLAG,), ("POT-1",), True, "64.02",
                        (("64.72", "Kota Samarinda"),))  # fmt: skip
#: The values workers and the cache pickle by the ten thousand, each made by its maker.
VALUES = [REGISTRATION, FACTS, ENTRY, Entry(None, "", None, (), ()), FLAG, ASSESSMENT,
          Assessment("POT-6402-2024-001", True, ())]  # fmt: skip


@pytest.mark.parametrize("value", VALUES)
def test_a_value_is_equal_after_the_round_trip_without_its_state_set(
    value: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def refused(self: object, state: object) -> None:
        raise AssertionError("unpickled through __setstate__")

    for cls in (Registration, Facts, Entry, Flag, Assessment):
        monkeypatch.setattr(cls, "__setstate__", refused)
    assert pickle.loads(data) == value  # noqa: S301 - the test's own bytes
    assert b"_from_fields" in data


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Pair:
    """Two fields, the second with a default."""

    first: str
    second: int = 2


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class One:
    """One field: its values are still a tuple."""

    only: tuple[str, ...]


def test_every_field_is_kept_in_order() -> None:
    assert pickle.loads(pickle.dumps(Pair("x", 3))) == Pair("x", 3)  # noqa: S301
    assert Pair("x").__reduce__() == (Pair._from_fields, ("x", 2))  # type: ignore[attr-defined]
    assert One(("a", "b")).__reduce__() == (One._from_fields, (("a", "b"),))  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(One(("a",)))) == One(("a",))  # noqa: S301


@pytest.mark.parametrize("value", VALUES)
def test_the_maker_gives_what_the_class_gives(value: object) -> None:
    maker, values = _reduced(value)
    made = maker(*values)
    assert type(made) is type(value)
    assert made == value
    assert hash(made) == hash(value)
    assert repr(made) == repr(value)  # the facts' key is a hash of their repr
    with pytest.raises(FrozenInstanceError):
        setattr(made, fields(made)[0].name, "other")  # type: ignore[arg-type]


def test_a_pickle_made_as_a_call_of_the_class_still_loads() -> None:
    # What the cache's files held before the maker: ``Entry(*fields)``, ``Facts(*fields)``.
    def by_class(value: object) -> tuple[type, tuple[object, ...]]:
        return type(value), _reduced(value)[1]

    table = copyreg.dispatch_table.copy()
    for cls in (Registration, Facts, Entry):
        table[cls] = by_class
    older = io.BytesIO()
    pickler = pickle.Pickler(older, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = table
    pickler.dump(ENTRY)
    assert b"_from_fields" not in older.getvalue()
    assert pickle.loads(older.getvalue()) == ENTRY  # noqa: S301


def test_a_class_with_a_post_init_is_refused() -> None:
    with pytest.raises(TypeError, match="__post_init__"):

        @pickled_by_fields
        @dataclass(frozen=True, slots=True)
        class Checked:
            value: int

            def __post_init__(self) -> None:
                pass


def _reduced(value: object) -> tuple[Callable[..., object], tuple[object, ...]]:
    reduced = value.__reduce__()
    assert isinstance(reduced, tuple)
    return reduced[0], reduced[1]
