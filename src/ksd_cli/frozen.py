"""Frozen dataclasses that the cache holds by the ten thousand, made cheap to unpickle.

A frozen dataclass with slots unpickles through ``dataclasses``' own ``__setstate__``, which
lists the class's fields again for every object and sets each one from Python: about half
the time of reading the cache's index. :func:`pickled_by_fields` pickles such a class as a
call with its fields in order instead: not of the class itself, whose frozen ``__init__``
sets each field through ``object.__setattr__`` (a look-up of the field by name each time),
but of a maker that puts each value straight into its slot (about half the time again: the
index's 12,000 entries and their facts took ~40 ms of ~46 to unpickle).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")

#: The name of the maker :func:`pickled_by_fields` puts on a class (pickled by this name).
MAKER = "_from_fields"


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Make ``cls`` (a frozen dataclass with slots) pickle as ``cls._from_fields(*fields)``.

    The maker gives what ``cls(*fields)`` gives (the fields of these classes are all given,
    and none has a ``__post_init__``). A pickle made before, as ``cls(*fields)``, still loads.
    """
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    maker = _maker(cls, names)
    maker.__module__ = cls.__module__
    maker.__name__ = MAKER
    maker.__qualname__ = f"{cls.__qualname__}.{MAKER}"
    setattr(cls, MAKER, staticmethod(maker))

    # The fields read in C, as one tuple (``attrgetter`` of one name gives the value alone).
    values = attrgetter(*names) if len(names) > 1 else (lambda made: (getattr(made, names[0]),))

    def __reduce__(self: Any) -> tuple[Callable[..., T], tuple[Any, ...]]:  # noqa: N807 - pickle's name
        return maker, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


def _maker(cls: type[T], names: tuple[str, ...]) -> Callable[..., T]:
    """A function of the fields' values, in order, that makes the object without ``__init__``.

    Written out per class, as ``dataclasses`` writes ``__init__``: one call of each slot's
    setter, no loop.
    """
    if "__post_init__" in dir(cls):
        raise TypeError(f"{cls.__name__} has a __post_init__: pickle it by its class")
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    lines = [f"def make({', '.join(f'v{i}' for i in range(len(names)))}):", "    made = _new(_cls)"]
    for i, name in enumerate(names):
        # The slot's own descriptor (``slots=True``): its setter ignores the class's
        # ``__setattr__``, which a frozen dataclass makes refuse every write.
        scope[f"_put{i}"] = vars(cls)[name].__set__
        lines.append(f"    _put{i}(made, v{i})")
    lines.append("    return made")
    exec("\n".join(lines), scope)  # noqa: S102 - code made here from the fields' count
    made: Callable[..., T] = scope["make"]
    return made
