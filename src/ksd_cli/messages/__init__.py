"""The message catalog: every sentence and title ksd shows, in Indonesian and English.

Messages are keyed by rule name (or ``name.variant``) and formatted with ``str.format``; the
entries live by area in this package's modules (records, labels, commands, report, rules;
``rules`` also holds the Indonesian page of each rule).
Indonesian is the default; ``--lang en`` or ``KSD_LANG=en`` selects English.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Literal

from ksd_cli.messages import (
    additions,
    commands,
    evaluasi,
    house,
    impor,  # ksd import: SIKERJA, v1.1 columns, readers (issue 11)
    konsolidasi,
    labels,
    lanjutan,
    laporan_dokumen,
    naskah,
    naskah_siap,
    pemakaian,
    pemetaan,
    proposals,
    records,
    report,
    rules,
    tampilan,
    v11,
)

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

#: The areas of the catalog, each a module with its own ``ENTRIES``.
AREAS = (
    records,
    labels,
    commands,
    report,
    rules,
    house,
    proposals,
    additions,
    naskah,
    pemetaan,
    laporan_dokumen,
    tampilan,
    pemakaian,
    v11,  # v1.1 remainder (issue 10): month dates, other urusan
    evaluasi,  # laporan evaluasi and pemetaan, the remainder (issue 13)
    naskah_siap,  # issue 12: naskah ready for paraf and signature
    impor,  # issue 11
    konsolidasi,
    lanjutan,  # cross-area follow-ups after the v1.1 merge
)
#: Every message, by key: (Indonesian, English). Each area keeps its entries in its own module.
CATALOG: dict[str, tuple[str, str]] = {k: v for area in AREAS for k, v in area.ENTRIES.items()}


class Term(str):
    """A message argument that is itself a catalog key, worded in the message's language.

    Lets a rule say *which* phrase applies (``Term("pks-tanpa-persetujuan-dprd.membebani")``)
    without holding the phrase itself.
    """

    __slots__ = ()


@dataclass(frozen=True, init=False)
class Msg:
    """A catalog message not yet worded: its key and arguments, worded later in any language.

    Core code raises and returns ``Msg`` values; whoever knows the user's language (the CLI,
    a renderer) words them with :func:`render`. Arguments that are themselves ``Msg`` or
    :class:`Term` values are worded in the same language.
    """

    key: str
    args: dict[str, object] = field(default_factory=dict)

    def __init__(self, key: str, /, **args: object) -> None:
        if key not in CATALOG:
            raise KeyError(f"no message {key!r} in the catalog")
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "args", args)


def render(words: Msg | str, lang: Lang) -> str:
    """``words`` in ``lang``: a ``Msg`` worded from the catalog, a string as it is."""
    if isinstance(words, str):
        return words
    return message(words.key, lang, **words.args)


def resolve_lang(explicit: str | None = None) -> Lang:
    """The language to speak: ``explicit``, else ``KSD_LANG``, else Indonesian."""
    value = (explicit or os.environ.get("KSD_LANG") or "id").strip().lower()[:2]
    return "en" if value == "en" else "id"


def env_lang() -> str | None:
    """``KSD_LANG`` when it is set to something (an empty value counts as unset)."""
    value = os.environ.get("KSD_LANG", "")
    return value if value.strip() else None


def chosen_lang(value: str | None) -> Lang | None:
    """The language of ``--lang`` ``value`` (else of ``KSD_LANG``); ``None`` for one not known.

    What the command line speaks, where it refuses anything but id and en as a usage error.
    """
    given = value if value is not None else env_lang()
    if given is not None and given.strip().lower() not in LANGS:
        return None
    return resolve_lang(value)


def boundary_lang(value: object) -> Lang:
    """The language a failure is worded in: ``--lang`` ``value`` or ``KSD_LANG`` when usable.

    Indonesian when neither is id or en: a failure is worded even where the language is wrong.
    """
    explicit = value if isinstance(value, str) and value.lower() in LANGS else None
    if explicit is None and (env_lang() or "id").strip().lower() not in LANGS:
        return "id"
    return resolve_lang(explicit)


def counted(keys: tuple[str, str], lang: Lang, n: int, /, **args: object) -> str:
    """The entry of ``keys`` (one, many) that fits ``n``: English says "1 record has"."""
    return message(keys[0] if n == 1 else keys[1], lang, **args)


def message(key: str, lang: Lang, /, **args: object) -> str:
    """The catalog entry ``key`` in ``lang``, formatted with ``args``."""
    text = CATALOG[key][LANGS.index(lang)]
    if not args:
        return text
    worded = {
        k: message(v, lang) if isinstance(v, Term) else render(v, lang) if isinstance(v, Msg) else v
        for k, v in args.items()
    }
    return text.format(**worded)
