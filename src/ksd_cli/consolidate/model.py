"""The values of a consolidation: one row per region, mirrored records, regions not reporting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ksd_cli.mapping.model import Coverage
from ksd_cli.messages import Lang, Msg

#: Version of the JSON form of ``ksd consolidate``; bumped when a key changes meaning.
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class FailingRecord:
    """A record file of a region that does not validate: its path, id and number of errors."""

    path: str
    id: str
    errors: int


@dataclass(frozen=True)
class RecordRow:
    """One record of a region, for ``--export-db``: its file, id, kind, state and validity.

    ``jenis`` is the kind of cooperation of an agreement, ``potensi`` for a potential;
    ``status`` and ``tahap`` are an agreement's on the as-of date (``None`` for others and
    for a record that does not validate).
    """

    path: str
    id: str
    jenis: str | None
    judul: str | None
    status: str | None
    tahap: str | None
    valid: bool


@dataclass(frozen=True)
class FlagRow:
    """One ``ksd stalled`` finding of a region, for ``--export-db``."""

    path: str
    id: str
    code: str
    kategori: str
    since: date
    days: int
    threshold: int


@dataclass(frozen=True)
class RegionFigures:
    """One region's figures, with the definitions of ``ksd report`` and ``ksd mapping``.

    Counts are keyed by code (kind, status, stage, flag): the writers title them. ``tahap``
    has the key ``""`` for agreements that reached no stage yet.
    """

    perjanjian: int
    potensi: int
    menurut_jenis: dict[str, int]
    menurut_status: dict[str, int]
    menurut_tahap: dict[str, int]
    aktif: int
    kb_ditandatangani: int
    kb_diikuti_pks: int
    konversi: float | None
    temuan: dict[str, int]
    monev_periode: int
    berlaku_tanpa_monev: int
    cakupan: Coverage
    errors: int
    warnings: int
    gagal: tuple[FailingRecord, ...]
    #: Every record file and every finding, for ``--export-db`` (not in the JSON form).
    rekaman: tuple[RecordRow, ...] = ()
    daftar_temuan: tuple[FlagRow, ...] = ()
    #: Of ``kb_ditandatangani``, the KBs not followed yet and within their ``kb_tanpa_pks``
    #: time: outside ``konversi``, as in the report.
    kb_muda: int = 0

    @property
    def valid(self) -> bool:
        """Whether the repository validates (no error; warnings do not fail it)."""
        return self.errors == 0

    @property
    def macet(self) -> int:
        """Flags that say something is stuck (every flag but the reminder)."""
        return sum(n for code, n in self.temuan.items() if code != "akan_berakhir")


@dataclass(frozen=True)
class Region:
    """A consolidated repository: where it came from, whose it is, and its figures.

    ``figures`` is ``None`` when the repository could not be read; ``problem`` says why.
    ``label`` names the source as given (a folder, a URL with its revision).
    """

    label: str
    root: str | None
    kode: str | None
    nama: str
    tingkat: str | None
    commit_date: date | None
    figures: RegionFigures | None
    problem: Msg | str | None = None


@dataclass(frozen=True)
class Position:
    """Where a value is written: the region, its repository, the file, line and record id."""

    kode: str | None
    repository: str
    path: str
    line: int
    id: str

    def as_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {
            "daerah": self.kode,
            "repositori": self.repository,
            "path": self.path,
            "line": self.line,
            "id": self.id,
        }


@dataclass(frozen=True)
class Difference:
    """One disagreement of a mirrored pair: what differs, each side's value and position.

    ``code`` is one of :data:`DIFFERENCE_CODES`; ``dokumen`` names the document it is about
    (its kind, as a code) when it is about one.
    """

    code: str
    a: str
    b: str
    at_a: Position
    at_b: Position
    dokumen: str | None = None
    pihak: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {
            "kode": self.code,
            "dokumen": self.dokumen,
            "pihak": self.pihak,
            "a": {"nilai": self.a, **self.at_a.as_dict()},
            "b": {"nilai": self.b, **self.at_b.as_dict()},
        }


#: The kinds of disagreement between the two records of one cooperation, in reading order.
DIFFERENCE_CODES: tuple[str, ...] = (
    "tanggal_ttd",
    "nomor",
    "berlaku_mulai",
    "berlaku_sampai",
    "naskah_sepihak",
    "tahap",
    "status",
)

#: How a pair was matched: a record naming the other (``rekaman_mitra``), a shared
#: document number, or parties + kind + signing date + title alike.
MatchedBy = str
MATCHED_BY: tuple[MatchedBy, ...] = ("rekaman_mitra", "nomor", "kemiripan")


@dataclass(frozen=True)
class MirroredPair:
    """One cooperation recorded by two regions, matched, with the differences to resolve."""

    a: Position
    b: Position
    judul: str
    matched_by: MatchedBy
    differences: tuple[Difference, ...]

    def as_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {
            "a": self.a.as_dict(),
            "b": self.b.as_dict(),
            "judul": self.judul,
            "dicocokkan_dengan": self.matched_by,
            "selisih": [d.as_dict() for d in self.differences],
        }


@dataclass(frozen=True)
class OneSided:
    """A KSDD recorded by one region and not by its partner ("tercatat sepihak").

    ``partner_has_repository``: whether the partner's repository was among the sources.
    """

    at: Position
    judul: str
    mitra_kode: str
    mitra_nama: str
    partner_has_repository: bool

    def as_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {
            **self.at.as_dict(),
            "judul": self.judul,
            "mitra": {"kode": self.mitra_kode, "nama": self.mitra_nama},
            "mitra_punya_repositori": self.partner_has_repository,
        }


@dataclass(frozen=True)
class Expected:
    """A region expected to report: code, name with its level, level."""

    kode: str
    nama: str
    tingkat: str


@dataclass(frozen=True)
class Consolidation:
    """Many regions' repositories seen together as of one day.

    ``regions`` in the order of the sources; ``belum_melapor`` the expected regions without a
    repository, in code order; ``expected_rule`` how they were chosen (``provinsi``,
    ``semua`` or ``daftar``).
    """

    as_of: date
    regions: tuple[Region, ...]
    pairs: tuple[MirroredPair, ...]
    one_sided: tuple[OneSided, ...]
    belum_melapor: tuple[Expected, ...]
    expected_rule: str
    ksd_version: str
    lang: Lang = "id"
    schema_version: int = SCHEMA_VERSION

    @property
    def read(self) -> tuple[Region, ...]:
        """The regions whose repository could be read."""
        return tuple(r for r in self.regions if r.figures is not None)
