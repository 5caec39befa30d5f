"""One record's story as of a date: its timeline, documents, status and flags."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Literal

from ksd_cli.config import Config
from ksd_cli.diagnostics import Diagnostic
from ksd_cli.errors import UserError
from ksd_cli.ids import checked_id
from ksd_cli.lifecycle import Lifecycle, TindakLanjut, lifecycle, tindak_lanjut
from ksd_cli.loading import LoadedRecord
from ksd_cli.messages import Lang, Msg
from ksd_cli.models import Agreement, Peristiwa, Potential
from ksd_cli.naming import party_name
from ksd_cli.reference import ReferenceData
from ksd_cli.repository import record_stem
from ksd_cli.stalled import Flag, find_stalled
from ksd_cli.validate import SoundRecords


@dataclass(frozen=True)
class Baris:
    """One line of the timeline: a stage first reached, or an event before signing (v1.1)."""

    kind: Literal["tahap", "peristiwa"]
    code: str
    tanggal: date
    keterangan: str | None = None


@dataclass(frozen=True)
class PihakView:
    """A party of an agreement as ``ksd show`` tells it: its role, kind and display name.

    ``nama`` is the region's name from the code list for a known ``pemda``, else the
    record's ``nama`` (``naming.party_name``); ``kategori`` is v1.1's, when recorded.
    """

    peran: str
    tipe: str
    kode_wilayah: str | None
    nama: str
    kategori: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The JSON form of one party: its fields, in their order."""
        return asdict(self)


@dataclass(frozen=True)
class AgreementView:
    """What ``ksd show`` tells about an agreement."""

    item: LoadedRecord
    state: Lifecycle
    flags: tuple[Flag, ...]
    #: The record's errors: when there are any, it is not assessed and raises no flag.
    errors: tuple[Diagnostic, ...] = ()
    #: The parties, in the record's order.
    pihak: tuple[PihakView, ...] = ()

    @property
    def peristiwa(self) -> tuple[Peristiwa, ...]:
        """The events before signing on or before the as-of date, oldest first."""
        record = self.item.record
        assert isinstance(record, Agreement)
        events = (p for p in record.peristiwa or () if p.tanggal <= self.state.as_of)
        return tuple(sorted(events, key=lambda p: p.tanggal))

    @property
    def linimasa(self) -> tuple[Baris, ...]:
        """The stages reached and the events before signing, in the order they happened.

        Stages keep their own order; an event on the same day as a stage comes after it.
        """
        rows = [Baris("tahap", t, d) for t, d in self.state.tanggal_tahap]
        rows += [Baris("peristiwa", p.jenis, p.tanggal, p.keterangan) for p in self.peristiwa]
        return tuple(sorted(rows, key=lambda r: r.tanggal))

    def as_dict(self) -> dict[str, object]:
        """The stable JSON form (schema version 1).

        v1.1 added ``peristiwa`` and ``linimasa``, and ``pihak`` came later: every addition
        is a new key, and no key changes its meaning.
        """
        record = self.item.record
        assert isinstance(record, Agreement)
        return {
            "schema_version": 1,
            "kind": "agreement",
            "id": record.id,
            "judul": record.judul,
            "jenis": record.jenis,
            "path": self.item.source.rel,
            "as_of": self.state.as_of.isoformat(),
            "status": self.state.status,
            "tahap_terakhir": self.state.tahap_terakhir,
            "pihak": [p.as_dict() for p in self.pihak],
            "tahapan": [
                {"tahap": t, "tanggal": d.isoformat()} for t, d in self.state.tanggal_tahap
            ],
            "peristiwa": [
                {"jenis": p.jenis, "tanggal": p.tanggal.isoformat(), "keterangan": p.keterangan}
                for p in self.peristiwa
            ],
            "linimasa": [
                {"langkah": r.kind, "kode": r.code, "tanggal": r.tanggal.isoformat()}
                for r in self.linimasa
            ],
            "naskah": [
                {
                    "nomor_urut": d.position + 1,
                    "jenis": d.naskah.jenis,
                    "nomor": dict(d.naskah.nomor or {}),
                    "tanggal_ttd": _iso(d.naskah.tanggal_ttd) if d.signed else None,
                    "berlaku_mulai": _iso(d.mulai),
                    "berlaku_sampai": (
                        "tidak_diketahui" if d.sampai_tidak_diketahui else _iso(d.sampai)
                    ),
                    "induk": d.induk + 1 if d.induk is not None else None,
                    "berlaku": d.in_force,
                }
                for d in self.state.documents
            ],
            "flags": [f.as_dict() for f in self.flags],
            "errors": [e.as_dict() for e in self.errors],
        }


@dataclass(frozen=True)
class PotentialView:
    """What ``ksd show`` tells about a mapped potential."""

    item: LoadedRecord
    follow_up: TindakLanjut
    as_of: date
    flags: tuple[Flag, ...]
    #: The record's errors: when there are any, it is not assessed and raises no flag.
    errors: tuple[Diagnostic, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """The stable JSON form (schema version 1)."""
        potential = self.follow_up.potential
        return {
            "schema_version": 1,
            "kind": "potential",
            "id": potential.id,
            "potensi": potential.potensi,
            "isu": potential.isu,
            "urusan": potential.urusan,
            "prioritas": potential.prioritas,
            "tahun": potential.tahun,
            "path": self.item.source.rel,
            "as_of": self.as_of.isoformat(),
            "ditindaklanjuti_oleh": list(self.follow_up.agreements),
            "flags": [f.as_dict() for f in self.flags],
            "errors": [e.as_dict() for e in self.errors],
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def show_record(
    sound: SoundRecords,
    record_id: str,
    config: Config,
    reference: ReferenceData,
    *,
    as_of: date,
    lang: Lang,
) -> AgreementView | PotentialView:
    """The view of one record; a ``UserError`` when it does not exist or does not load.

    A record that loads but has errors is shown with them, and without flags.
    """
    checked_id(record_id)
    loaded = sound.loaded
    every = (*loaded.records, *sound.unsound)
    item = next((r for r in every if r.record.id == record_id), None)
    if item is None:
        broken = [
            d for d in loaded.diagnostics if record_stem(d.path.rpartition("/")[2]) == record_id
        ]
        if broken:
            raise UserError(
                Msg(
                    "show.does-not-load",
                    id=record_id,
                    where=f"{broken[0].path}:{broken[0].line}:{broken[0].column}",
                    problem=broken[0].message,
                ),
                hint=Msg("show.does-not-load.hint", path=broken[0].path),
            )
        raise UserError(Msg("show.not-found", id=record_id))
    errors = tuple(sound.errors.get(item.source.rel, ()))
    flags = tuple(
        f
        for f in find_stalled(sound, config, reference, as_of=as_of, lang=lang).flags
        if f.path == item.source.rel
    )
    if isinstance(item.record, Potential):
        agreements = [r.record for r in loaded.records if isinstance(r.record, Agreement)]
        follow = tindak_lanjut([item.record], agreements)[0]
        return PotentialView(item, follow, as_of, flags, errors)
    record = item.record
    assert isinstance(record, Agreement)
    pihak = tuple(
        PihakView(p.peran, p.tipe, p.kode_wilayah, party_name(p, reference), p.kategori)
        for p in record.pihak
    )
    return AgreementView(item, lifecycle(record, as_of), flags, errors, pihak)
