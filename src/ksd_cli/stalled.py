"""Stalled cooperation: the flags that say what is stuck, and why, as of a date.

Every threshold is policy (``[stalled]`` in ``ksd.toml``, per kind in ``[stalled.<jenis>]``),
never law. A flag is raised when the days elapsed exceed its threshold: on the threshold day
itself, not yet. ``akan_berakhir`` is a reminder, raised when the days left are the threshold
or fewer.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from ksd_cli.config import Config, Stalled, Thresholds
from ksd_cli.documents import is_operational
from ksd_cli.frozen import pickled_by_fields
from ksd_cli.idformat import date_text, number
from ksd_cli.lifecycle import (
    ENDED_STATUSES,
    DocumentState,
    Langkah,
    Lifecycle,
    deciding_documents,
    followers_by_potential,
    langkah,
    lifecycle,
)
from ksd_cli.loading import LoadResult, Record
from ksd_cli.messages import Lang, message
from ksd_cli.models import PERISTIWA_JAWABAN, PERISTIWA_PENAWARAN, Agreement, Potential
from ksd_cli.naming import (
    FLAG_CODES,
    JENIS_KB,
    KATEGORI,
    URUTAN_TAHAP,
    Kategori,
    naskah_short,
    partner_names,
    peristiwa_title,
    record_region,
    repository_region,
    without_owner,
)
from ksd_cli.reference import ReferenceData, load_reference

# v1.1: month-only dates; ages count from the end of the month (never a flag raised early).
from ksd_cli.tanggal import akhir, awal, hari_sejak, pasti_sebelum, pasti_sesudah

#: A value :func:`_shared` holds once: a string, or tuples of strings.
_Value = TypeVar("_Value", str, tuple[str, ...], tuple[str, str], tuple[tuple[str, str], ...])

if TYPE_CHECKING:
    from ksd_cli.repository import Repository, SourceFile
    from ksd_cli.validate import SoundRecords


@pickled_by_fields  # a worker of ``ksd stalled`` or ``ksd report`` sends back tens of thousands
@dataclass(frozen=True, slots=True)
class Flag:
    """One reason a cooperation (or a mapped potential) needs attention."""

    id: str
    judul: str
    code: str
    kategori: Kategori
    since: date
    days: int
    threshold: int
    stage: str | None
    mitra: tuple[str, ...]
    perangkat_daerah: tuple[str, ...]
    message: str
    path: str
    naskah: int | None = None
    #: Every document this finding covers (0-based): one, or several sharing it (one per cause).
    dokumen: tuple[int, ...] = ()

    @property
    def overdue(self) -> int:
        """Days past the threshold (for a reminder: how close the end is, larger = sooner)."""
        if self.kategori == "pengingat":
            return self.threshold - self.days
        return self.days - self.threshold

    def as_dict(self) -> dict[str, object]:
        """The stable JSON form (schema version 1)."""
        return {
            "id": self.id,
            "judul": self.judul,
            "code": self.code,
            "kategori": self.kategori,
            "since": self.since.isoformat(),
            "days": self.days,
            "threshold": self.threshold,
            "stage": self.stage,
            "mitra": list(self.mitra),
            "perangkat_daerah": list(self.perangkat_daerah),
            "naskah": self.naskah + 1 if self.naskah is not None else None,
            "dokumen": [d + 1 for d in self.dokumen],
            "path": self.path,
            "message": self.message,
        }


@dataclass(frozen=True)
class InvalidRecord:
    """A record file that could not be assessed because it does not load."""

    path: str
    errors: int


@dataclass(frozen=True)
class StalledResult:
    """All flags as of a date, most overdue first, with the records that could not be judged."""

    as_of: date
    flags: tuple[Flag, ...]
    records: int
    invalid: tuple[InvalidRecord, ...]
    schema_version: int = 1
    #: v1.1: records with a document in force whose end the source does not give
    #: (``berlaku_sampai: tidak_diketahui``); no flag can say when they expire.
    sampai_tidak_diketahui: tuple[str, ...] = ()

    def counts(self) -> dict[str, int]:
        """Number of flags per code, in code order, zeros included."""
        found = Counter(f.code for f in self.flags)
        return {code: found[code] for code in FLAG_CODES}

    def only(self, codes: Iterable[str]) -> StalledResult:
        """The same result keeping only the flags with these codes."""
        wanted = set(codes)
        kept = tuple(f for f in self.flags if f.code in wanted)
        return replace(self, flags=kept)

    def as_dict(self, *, lazy: bool = False) -> dict[str, object]:
        """The stable JSON form (schema version 1).

        ``lazy``: the flags as a generator of their forms (for ``jsonlayout.dump_indented``),
        so that the forms of a national register's flags are never all held at once.
        """
        flags = (f.as_dict() for f in self.flags)
        return {
            "schema_version": self.schema_version,
            "as_of": self.as_of.isoformat(),
            "flags": flags if lazy else list(flags),
            "summary": {
                "records": self.records,
                "flagged_records": len({f.id for f in self.flags}),
                "flags": len(self.flags),
                "by_code": self.counts(),
                "invalid_records": len(self.invalid),
            },
            "invalid_records": [{"path": r.path, "errors": r.errors} for r in self.invalid],
            "masa_berlaku_tidak_diketahui": list(self.sampai_tidak_diketahui),
        }


@dataclass(slots=True)
class _Subject:
    """What every flag of one record repeats.

    ``mitra`` may be left ``None`` and named by ``naming`` when the first flag is raised:
    ``ksd stalled`` names no partner of a record that raises no flag.
    """

    id: str
    judul: str
    stage: str | None
    mitra: tuple[str, ...] | None
    perangkat_daerah: tuple[str, ...]
    path: str
    lang: Lang
    naming: Callable[[], tuple[str, ...]] | None = None

    def flag(
        self,
        code: str,
        since: date,
        days: int,
        threshold: int,
        naskah: int | None = None,
        variant: str | None = None,
        **args: object,
    ) -> Flag:
        lang = self.lang
        for key, value in args.items():
            if isinstance(value, date):
                args[key] = _date_words(value, lang)
        # ``message`` with the sentence looked up once: every argument is already words.
        text = _sentence(code, variant, lang).format(
            days=_number_words(days, lang), threshold=_number_words(threshold, lang), **args
        )
        mitra = self.mitra
        if mitra is None:
            assert self.naming is not None, "a subject without partners names them"
            mitra = self.mitra = self.naming()
        return Flag(
            self.id,
            self.judul,
            code,
            KATEGORI[code],
            since,
            days,
            threshold,
            self.stage,
            mitra,
            self.perangkat_daerah,
            text,
            self.path,
            naskah,
            (naskah,) if naskah is not None else (),
        )


@functools.lru_cache(maxsize=64)
def _sentence(code: str, variant: str | None, lang: Lang) -> str:
    """The catalog's sentence of a flag (``message`` with no argument gives it unformatted)."""
    return message(f"stalled.{code}.{variant}" if variant else f"stalled.{code}", lang)


# Days, thresholds and dates recur from flag to flag: each worded once (in each process).
# Typed: a month-only date (``TanggalBulan``) equals the first of its month, but reads otherwise.
_date_words = functools.lru_cache(maxsize=8192, typed=True)(date_text)
_number_words = functools.lru_cache(maxsize=8192, typed=True)(number)


def agreement_flags(state: Lifecycle, thresholds: Thresholds, subject: _Subject) -> Iterator[Flag]:
    """The flags of one cooperation (none once it has ended or was stopped)."""
    if state.status in ENDED_STATUSES:
        return
    record, as_of = state.record, state.as_of
    expired_kb = False
    for kb in memorandum_documents(state):
        assert kb.naskah.tanggal_ttd is not None
        if state.continued(kb):
            continue  # renewed by a later KB-kind document: that one is judged instead
        followers = _followers(state, kb)
        if kb.ended and not any(
            f.naskah.tanggal_ttd is not None
            and kb.sampai is not None
            and not pasti_sesudah(f.naskah.tanggal_ttd, kb.sampai)
            for f in followers
        ):
            assert kb.sampai is not None
            expired_kb = True
            yield subject.flag(
                "kb_kedaluwarsa_tanpa_pks",
                kb.sampai,
                (as_of - kb.sampai).days,
                0,
                kb.position,
                _kb_variant(record),
                naskah_label=naskah_short(kb.naskah.jenis, subject.lang),
                ttd=kb.naskah.tanggal_ttd,
                sampai=kb.sampai,
            )
        elif not followers and not kb.ended:
            days = hari_sejak(kb.naskah.tanggal_ttd, as_of)
            if days > thresholds.kb_tanpa_pks:
                yield subject.flag(
                    "kb_tanpa_pks",
                    kb.naskah.tanggal_ttd,
                    days,
                    thresholds.kb_tanpa_pks,
                    kb.position,
                    _kb_variant(record),
                    naskah_label=naskah_short(kb.naskah.jenis, subject.lang),
                    ttd=kb.naskah.tanggal_ttd,
                )
    yield from _implementation_flags(state, thresholds, subject)
    yield from proposal_flags(state, thresholds, subject)
    # The documents whose validity is the cooperation's, as its status reads them: once a KB
    # or PKS is signed, a letter of intent's end date neither expires nor ends it.
    deciding = deciding_documents(state.signed)
    if state.status == "kedaluwarsa" and not expired_kb:
        last_end = max(d.sampai for d in deciding if d.sampai is not None)
        yield subject.flag("kedaluwarsa", last_end, (as_of - last_end).days, 0, sampai=last_end)
    for doc in deciding:
        if doc.sampai is None or not doc.in_force:
            continue
        left = (doc.sampai - as_of).days
        if left <= thresholds.akan_berakhir and not state.continued(doc):
            yield subject.flag(
                "akan_berakhir",
                doc.sampai,
                left,
                thresholds.akan_berakhir,
                doc.position,
                naskah_label=naskah_short(doc.naskah.jenis, subject.lang),
                sampai=doc.sampai,
            )
    dprd = record.persetujuan_dprd
    if (
        dprd is not None
        and dprd.diperlukan
        and dprd.tanggal_permohonan is not None
        and dprd.tanggal_permohonan <= as_of
        and dprd.hasil is None
        and (dprd.tanggal_keputusan is None or dprd.tanggal_keputusan > as_of)
    ):
        days = (as_of - dprd.tanggal_permohonan).days
        if days > thresholds.dprd_tertunda:
            yield subject.flag(
                "dprd_tertunda",
                dprd.tanggal_permohonan,
                days,
                thresholds.dprd_tertunda,
                diminta=dprd.tanggal_permohonan,
            )


def _kb_variant(record: Agreement) -> str | None:
    """A sinergi is followed by its nota kesepakatan: the sentence names it, not a "PKS"."""
    return "sinergi" if record.jenis == "sinergi" else None


def memorandum_documents(state: Lifecycle) -> tuple[DocumentState, ...]:
    """The signed documents that play the KB's part: a PKS (or its like) should follow them.

    A KB-kind document, except the nota kesepakatan of a ``sinergi`` (there it is the
    operational document); and a letter of intent when it is the only signed document.
    """
    signed = state.signed
    memoranda = tuple(
        d
        for d in signed
        if d.naskah.jenis in JENIS_KB and not is_operational(d.naskah, state.record)
    )
    if len(signed) == 1 and signed[0].naskah.jenis == "surat_pernyataan_kehendak":
        return signed
    return memoranda


def _followers(state: Lifecycle, kb: DocumentState) -> tuple[DocumentState, ...]:
    """Signed operational documents that follow ``kb``: by ``induk``, else signed after it."""
    assert kb.naskah.tanggal_ttd is not None
    return tuple(
        d
        for d in state.operational()
        if d.position != kb.position
        and (
            d.induk == kb.position
            or d.induk is None
            and d.naskah.tanggal_ttd is not None
            and not pasti_sebelum(d.naskah.tanggal_ttd, kb.naskah.tanggal_ttd)
        )
    )


def _implementation_flags(
    state: Lifecycle, thresholds: Thresholds, subject: _Subject
) -> Iterator[Flag]:
    record, as_of = state.record, state.as_of
    operational = [d for d in state.operational() if d.in_force]
    if not operational:
        return  # nothing in force to carry out (the dates need not be listed)
    pelaksanaan = sorted(
        e.tanggal for e in record.tahapan or () if e.tahap == "pelaksanaan" and e.tanggal <= as_of
    )
    monev = sorted(m.tanggal for m in record.monev or () if m.tanggal <= as_of)
    for doc in operational:
        ttd = doc.naskah.tanggal_ttd
        assert ttd is not None
        if any(not pasti_sebelum(d, ttd) for d in (*pelaksanaan, *monev)):
            continue
        days = hari_sejak(ttd, as_of)
        if days > thresholds.pks_tanpa_pelaksanaan:
            yield subject.flag(
                "pks_tanpa_pelaksanaan",
                ttd,
                days,
                thresholds.pks_tanpa_pelaksanaan,
                doc.position,
                naskah_label=naskah_short(doc.naskah.jenis, subject.lang),
                ttd=ttd,
            )
    if pelaksanaan or monev:
        if monev:
            since, basis = monev[-1], "monev"
        elif pelaksanaan:
            since, basis = pelaksanaan[0], "pelaksanaan"
        days = hari_sejak(since, as_of)
        if days > thresholds.tanpa_monev:
            yield subject.flag(
                "tanpa_monev",
                since,
                days,
                thresholds.tanpa_monev,
                dasar=message(
                    f"stalled.tanpa_monev.{basis}",
                    subject.lang,
                    tanggal=date_text(since, subject.lang),
                ),
            )


# v1.1, before signing (issue 10 §1) -----------------------------------------------------------


def proposal_flags(state: Lifecycle, thresholds: Thresholds, subject: _Subject) -> Iterator[Flag]:
    """A cooperation with nothing signed that stopped: an offer unanswered, or no step at all.

    ``penawaran_tanpa_jawaban`` replaces ``usulan_tanpa_kemajuan`` for the same record: one
    finding per cause. A proposal with no dated step at all has nothing to count from.
    """
    if state.status in ENDED_STATUSES or state.signed:
        return
    steps = langkah(state.record, state.as_of)
    if not steps:
        return
    offers = [s for s in steps if s.kind == "peristiwa" and s.code in PERISTIWA_PENAWARAN]
    if offers and not any(_answers(s, offers[-1]) for s in steps):
        offer = offers[-1]
        days = hari_sejak(offer.tanggal, state.as_of)
        if days > thresholds.penawaran_tanpa_jawaban:
            yield subject.flag(
                "penawaran_tanpa_jawaban",
                offer.tanggal,
                days,
                thresholds.penawaran_tanpa_jawaban,
                langkah=step_text(offer, subject.lang),
                tanggal=offer.tanggal,
            )
            return
    last = steps[-1]
    days = hari_sejak(last.tanggal, state.as_of)
    if days > thresholds.usulan_tanpa_kemajuan:
        yield subject.flag(
            "usulan_tanpa_kemajuan",
            last.tanggal,
            days,
            thresholds.usulan_tanpa_kemajuan,
            langkah=step_text(last, subject.lang),
            tanggal=last.tanggal,
        )


_PENAWARAN = URUTAN_TAHAP.index("penawaran")


def _answers(step: Langkah, offer: Langkah) -> bool:
    """Whether ``step`` answers the offer: a reply, a discussion or decision, a later stage.

    A ``penawaran`` stage event dated after the offer counts: it is how v1 records the answer.
    """
    if pasti_sebelum(step.tanggal, offer.tanggal) or step == offer:
        return False
    if step.kind == "peristiwa":
        return step.code in PERISTIWA_JAWABAN
    if step.kind == "tahap":
        later = URUTAN_TAHAP.index(step.code) > _PENAWARAN
        return later or step.code == "penawaran" and akhir(step.tanggal) > awal(offer.tanggal)
    return True  # a signature, a monev, a DPRD request: the proposal moved past the offer


def step_text(step: Langkah, lang: Lang) -> str:
    """How a sentence names a step: "Pembahasan TKKSD", "Penyusunan rancangan KB"."""
    if step.kind == "peristiwa":
        return peristiwa_title(step.code, lang)
    if step.kind == "tahap":
        return message(f"langkah.tahap.{step.code}", lang)
    if step.kind == "naskah":
        return message("langkah.naskah", lang, naskah=naskah_short(step.code, lang))
    return message(f"langkah.{step.kind}", lang)


def one_per_cause(flags: Iterable[Flag], lang: Lang) -> list[Flag]:
    """The flags of one record, those of one code on several documents made one finding.

    The finding keeps the most overdue document's dates and sentence and lists every document
    (``dokumen``), instead of one identical line per document.
    """
    flags = list(flags)
    if len({f.code for f in flags}) == len(flags):
        return flags  # one flag per code: nothing to make one (the common case)
    return grouped_by_cause(flags, lang)


def grouped_by_cause(flags: Iterable[Flag], lang: Lang) -> list[Flag]:
    """:func:`one_per_cause` in every case, without its check for no code repeated."""
    by_code: dict[str, list[Flag]] = {}
    for flag in flags:
        by_code.setdefault(flag.code, []).append(flag)
    kept: list[Flag] = []
    for members in by_code.values():
        if len(members) == 1 or any(m.naskah is None for m in members):
            kept.extend(members)
            continue
        first = max(members, key=lambda f: (f.overdue, -(f.naskah or 0)))
        positions = tuple(sorted(m.naskah for m in members if m.naskah is not None))
        text = message(
            "stalled.grouped",
            lang,
            text=first.message,
            count=len(positions),
            daftar=", ".join(str(p + 1) for p in positions),
        )
        kept.append(replace(first, message=text, dokumen=positions))
    return kept


# ------------------------------------------------------------------------------------------------


def potential_flags(
    potential: Potential, thresholds: Thresholds, as_of: date, subject: _Subject
) -> Iterator[Flag]:
    """``potensi_tanpa_tindak_lanjut`` for a high-priority potential, unless followed up.

    Whether an agreement follows it up needs every record: :func:`stalled_result` decides.
    """
    if potential.prioritas != "tinggi":
        return
    since = date(potential.tahun, 12, 31)
    days = (as_of - since).days
    if days > thresholds.potensi_tanpa_tindak_lanjut:
        yield subject.flag(
            "potensi_tanpa_tindak_lanjut",
            since,
            days,
            thresholds.potensi_tanpa_tindak_lanjut,
            tahun=potential.tahun,
        )


# One record at a time, then the whole -----------------------------------------------------------


@pickled_by_fields  # one for each record sent back
@dataclass(frozen=True, slots=True)
class Assessment:
    """What :func:`stalled_result` needs of one record, found where the record is loaded.

    An agreement's ``flags`` (one per cause), whether a document in force has no known end,
    the potentials it names (``potensi``), and its ``partners`` as ``partner_names`` gives
    them with no owner, so that they can be named again when the repository's owner is not
    the ``region`` they were named for. A potential's ``flags`` are those it raises when no
    agreement follows it up.
    """

    id: str
    potential: bool
    flags: tuple[Flag, ...]
    potensi: tuple[str, ...] = ()
    sampai_tidak_diketahui: bool = False
    region: str | None = None
    partners: tuple[tuple[str, str], ...] = ()

    def flags_for(self, owner: str | None) -> tuple[Flag, ...]:
        """The flags, their partners named as in a repository owned by ``owner``."""
        if self.potential or not self.flags:
            return self.flags
        region = owner or record_region(self.id)
        if region == self.region:
            return self.flags
        mitra = tuple(name for _, name in without_owner(self.partners, region))
        return tuple(replace(f, mitra=mitra) for f in self.flags)


def assess_record(
    source: SourceFile,
    record: Record,
    *,
    config: Config,
    as_of: date,
    lang: Lang,
    reference: ReferenceData | None = None,
    state: Lifecycle | None = None,
    partners: Named | None = None,
) -> Assessment:
    """What one record without errors gives :func:`stalled_result` on ``as_of``.

    It needs no other record: the partners are named for the owner the record alone tells
    (``[daerah] kode``, else its id's region), and :meth:`Assessment.flags_for` names them
    again when the repository's owner differs. It runs in the workers that parse the files
    (``validate.load_assessed``), so ``reference`` is loaded there when not given.
    ``state``: the agreement's lifecycle on ``as_of`` when the caller derived it already;
    ``partners``: the agreement's :func:`named_partners` for the owner its id tells, likewise.
    """
    if reference is None:
        reference = load_reference()
    if isinstance(record, Potential):
        subject = _Subject(
            record.id,
            record.potensi,
            "identifikasi",
            (),
            _shared((record.perangkat_daerah,)),
            source.rel,
            lang,
        )
        thresholds = thresholds_for(config, record.jenis_usulan)
        return Assessment(
            record.id, True, tuple(potential_flags(record, thresholds, as_of, subject))
        )
    if state is None or state.record is not record or state.as_of != as_of:
        state = lifecycle(record, as_of)
    return _assess_agreement(
        source, record, config, lang, reference, state, partners_always=True, named=partners
    )


def assess_flags(
    source: SourceFile,
    record: Record,
    *,
    config: Config,
    as_of: date,
    lang: Lang,
    reference: ReferenceData | None = None,
) -> Assessment:
    """:func:`assess_record` as :func:`stalled_result` alone needs it (``ksd stalled``).

    An agreement that raises no flag is not given its ``region`` and ``partners``: they
    only name the partners of its flags again (the report, which lists every agreement's
    partners, calls :func:`assess_record`). Its partners are not even named, and the value
    sent back from the worker is that much smaller: :data:`NOTHING_TO_SAY` when it names no
    potential and every document in force has a known end.
    """
    if reference is None:
        reference = load_reference()
    if isinstance(record, Potential):
        return assess_record(
            source, record, config=config, as_of=as_of, lang=lang, reference=reference
        )
    state = lifecycle(record, as_of)
    return _assess_agreement(source, record, config, lang, reference, state, partners_always=False)


def _assess_agreement(
    source: SourceFile,
    record: Agreement,
    config: Config,
    lang: Lang,
    reference: ReferenceData,
    state: Lifecycle,
    *,
    partners_always: bool,
    named: Named | None = None,
) -> Assessment:
    known: list[Named] = [] if named is None else [named]

    def partners() -> Named:
        if not known:
            known.append(named_partners(record, owner_of(config, record), reference))
        return known[0]

    def mitra() -> tuple[str, ...]:
        return partners()[2]

    subject = _Subject(
        record.id,
        record.judul,
        state.tahap_terakhir,
        None,
        _shared(tuple(record.perangkat_daerah or ())),
        source.rel,
        lang,
        mitra,
    )
    thresholds = thresholds_for(config, record.jenis)
    flags = tuple(one_per_cause(agreement_flags(state, thresholds, subject), lang))
    potensi = tuple(record.potensi or ())
    unknown_end = any(d.sampai_tidak_diketahui for d in state.in_force)
    if partners_always or flags:
        region, found, _ = partners()
        return Assessment(record.id, False, flags, potensi, unknown_end, region, found)
    if potensi or unknown_end:
        return Assessment(record.id, False, flags, potensi, unknown_end)
    return NOTHING_TO_SAY


#: An agreement's owning region, its partners as ``partner_names`` gives them with no owner,
#: and the names of those that are not the owner: each value shared (:func:`_shared`).
Named = tuple[str | None, tuple[tuple[str, str], ...], tuple[str, ...]]

#: :data:`Named` per owning region and parties (type, region code, name), with this
#: process's reference tables: parties recur from record to record (a region's partners).
_NAMED: dict[tuple[str | None, tuple[tuple[str, str | None, str | None], ...]], Named] = {}


def owner_of(config: Config, record: Agreement) -> str | None:
    """The owner ``record`` alone tells: ``[daerah] kode``, else its id's region."""
    return repository_region(config, (record.id,))


def named_partners(record: Agreement, region: str | None, reference: ReferenceData) -> Named:
    """The :data:`Named` of ``record`` owned by ``region``, named once per set of parties.

    A party's name is all ``partner_names`` reads of it; only names from this process's
    own reference tables (``load_reference``) are remembered.
    """
    key = (region, tuple([(p.tipe, p.kode_wilayah, p.nama) for p in record.pihak]))
    known = _NAMED.get(key) if reference is load_reference() else None
    if known is not None:
        return known
    found = _shared(tuple([_shared(p) for p in partner_names(record, None, reference)]))
    names = _shared(tuple([n for _, n in without_owner(found, region)]))
    value = (_shared(region) if region is not None else None, found, names)
    if reference is load_reference() and len(_NAMED) < 4096:
        _NAMED[key] = value
    return value


#: The thresholds by kind of the last ``[stalled]`` table asked (see :func:`thresholds_for`).
_THRESHOLDS: dict[str | None, Thresholds] = {}
_THRESHOLDS_OF: list[Stalled] = []


def thresholds_for(config: Config, jenis: str | None) -> Thresholds:
    """``config.stalled.for_jenis(jenis)``, without hashing the table for every record.

    ``for_jenis`` is cached by the ``[stalled]`` table, which is hashed field by field at
    each call (1-3 us, asked once or twice for every record); the table is frozen, so the
    one last asked is known by identity.
    """
    stalled = config.stalled
    if not _THRESHOLDS_OF or _THRESHOLDS_OF[0] is not stalled:
        _THRESHOLDS.clear()
        _THRESHOLDS_OF[:] = [stalled]
    found = _THRESHOLDS.get(jenis)
    if found is None:
        found = _THRESHOLDS[jenis] = stalled.for_jenis(jenis)
    return found


#: What :func:`assess_flags` gives of every agreement that tells :func:`stalled_result`
#: nothing: no flag, no potential named, no document in force without a known end. One value
#: held for all, sent back from a worker once in each batch (its ``id`` is no record's).
NOTHING_TO_SAY = Assessment("", False, ())


@functools.lru_cache(maxsize=4096, typed=True)
def _shared(value: _Value) -> _Value:
    """The first value equal to ``value`` met (in this process), to be held in its place.

    Partners, regions and organisations recur from record to record. Each record read
    gives its own copies; one copy held for all keeps an assessment small where it is held
    by the hundred thousand (``ksd stalled``'s parent), and pickled once in each batch of
    results a worker sends back. Equal values only: nothing else depends on it.
    """
    return value


def stalled_result(
    assessments: Sequence[Assessment],
    config: Config,
    *,
    ids: Iterable[str],
    named_potentials: Iterable[str],
    invalid: tuple[InvalidRecord, ...],
    as_of: date,
) -> StalledResult:
    """Every flag of the records assessed (those without errors), most overdue first.

    What needs every record is done here: the owning region (from ``ids``, every record's,
    sound or not), and which potentials are followed up (by a sound agreement, or named in
    ``named_potentials`` by one with errors).
    """
    owner = repository_region(config, ids)
    agreements = [a for a in assessments if not a.potential]
    flags = [f for a in agreements for f in a.flags_for(owner)]
    followed = followers_by_potential((a.id, a.potensi) for a in agreements if a.potensi).keys()
    named = set(named_potentials)
    for a in assessments:
        if a.potential and a.id not in followed and a.id not in named:
            flags.extend(a.flags)
    flags.sort(key=lambda f: (f.kategori != "macet", -f.overdue, f.id, f.code))
    return StalledResult(
        as_of,
        tuple(flags),
        len(assessments),
        invalid,
        sampai_tidak_diketahui=tuple(sorted(a.id for a in agreements if a.sampai_tidak_diketahui)),
    )


def find_stalled(
    sound: SoundRecords,
    config: Config,
    reference: ReferenceData,
    *,
    as_of: date,
    lang: Lang = "id",
    states: Iterable[Lifecycle] = (),
) -> StalledResult:
    """Every flag of every record without errors on ``as_of``, most overdue first.

    A record with errors raises no flag (it is listed as invalid); a potential that such a
    record names still counts as followed up. ``states`` are lifecycles the caller derived
    already (the report does, for its own tables): those of these very records on ``as_of``
    are used instead of deriving them again.
    """
    known = {s.record.id: s for s in states if s.as_of == as_of}
    loaded = sound.loaded
    assessments = [
        assess_record(
            r.source,
            r.record,
            config=config,
            as_of=as_of,
            lang=lang,
            reference=reference,
            state=known.get(r.record.id),
        )
        for r in loaded.records
    ]
    return stalled_result(
        assessments,
        config,
        ids=sound.ids,
        named_potentials=sound.named_potentials,
        invalid=invalid_records(loaded, (r.source.rel for r in loaded.records)),
        as_of=as_of,
    )


def find_stalled_in(
    repository: Repository,
    *,
    as_of: date,
    lang: Lang = "id",
    today: date | None = None,
    use_cache: bool = True,
) -> StalledResult:
    """:func:`find_stalled` on the repository, each record assessed where it is loaded.

    The processes that parse the files send back each record's :class:`Assessment` instead
    of the record (``validate.load_assessed``). ``today`` and ``use_cache`` as in
    ``validate.load_sound_records``. Without the cache, only the rules that find errors run:
    the result names the records with errors and counts their errors, never a warning.
    """
    from ksd_cli.validate import load_assessed

    assess = functools.partial(assess_flags, config=repository.config, as_of=as_of, lang=lang)
    assessed = load_assessed(
        repository,
        assess,
        as_of=as_of,
        lang=lang,
        today=today,
        use_cache=use_cache,
        # The cache's salt holds the configuration, the language and the rules' day, not
        # the day the flags are counted to.
        assess_key=f"stalled:{as_of.isoformat()}",
        # Of the findings, only which records have errors and how many tell the result.
        errors_only=True,
    )
    assessments = [_assessment(a) for _, a in assessed.assessments]
    return stalled_result(
        assessments,
        repository.config,
        ids=assessed.ids,
        named_potentials=assessed.named_potentials,
        invalid=invalid_records(
            assessed.loaded, (source.rel for source, _ in assessed.assessments)
        ),
        as_of=as_of,
    )


def _assessment(value: object) -> Assessment:
    assert isinstance(value, Assessment)
    return value


def invalid_records(loaded: LoadResult, sound: Iterable[str]) -> tuple[InvalidRecord, ...]:
    """Files that gave no record or have errors (a file with only a duplicate key gave one)."""
    assessed = set(sound)
    errors = Counter(d.path for d in loaded.diagnostics if d.severity.value == "error")
    return tuple(InvalidRecord(path, errors[path]) for path in sorted(loaded.invalid - assessed))


def validate_flag_codes(codes: Sequence[str]) -> list[str]:
    """The codes that are not flag codes (for a usage error)."""
    return [c for c in codes if c not in FLAG_CODES]
