"""Building the evaluation report from each record's part: counts and sums in plain Python."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, get_args

from ksd_cli import __version__
from ksd_cli.config import Config
from ksd_cli.lifecycle import STATUSES, followers_by_potential, mapped_by
from ksd_cli.messages import Lang, message
from ksd_cli.models import JenisKerjaSama, JenisNaskah, Prioritas, Rekomendasi
from ksd_cli.naming import (
    FLAG_CODES,
    KATEGORI,
    NO_THRESHOLD,
    NOT_APPLICABLE,
    URUTAN_TAHAP,
    flag_title,
    jenis_title,
    kategori_title,
    naskah_title,
    record_region,
    rekomendasi_title,
    repository_name,
    repository_region,
    status_title,
    tahap_title,
    without_owner,
)
from ksd_cli.reference import ReferenceData
from ksd_cli.report.model import Cell, Column, ColumnKind, Figure, Period, Report, Share, Table
from ksd_cli.report.parts import (
    DAFTAR_MITRA,
    DAFTAR_TEMUAN,
    AgreementPart,
    PotentialPart,
    ReportPart,
    parts_of,
    report_part,
    urusan_nama,
)
from ksd_cli.stalled import Flag, InvalidRecord, invalid_records, stalled_result

if TYPE_CHECKING:
    from ksd_cli.loading import Progress
    from ksd_cli.repository import Repository
    from ksd_cli.validate import SoundRecords


def _t(key: str, lang: Lang, /, **args: object) -> str:
    """The report's catalog entry ``laporan.<key>`` in ``lang``."""
    return message(f"laporan.{key}", lang, **args)


def _column(key: str, lang: Lang, kind: ColumnKind = "teks", width: int = 14) -> Column:
    """A column headed by the catalog entry ``laporan.col.<key>``."""
    return Column(_t(f"col.{key}", lang), kind, width)


class _Worded(dict[str, str]):
    """``name(value, lang)`` by value, each worded once: ``worded[value]`` (thousands of rows)."""

    __slots__ = ("lang", "name")

    def __init__(self, name: Callable[[str, Lang], str], lang: Lang) -> None:
        super().__init__()
        self.name = name
        self.lang = lang

    def __missing__(self, value: str) -> str:
        found = self[value] = self.name(value, self.lang)
        return found


class _Titles:
    """Titles from :mod:`ksd_cli.naming` for one report: of flags, categories and stages."""

    __slots__ = ("flag", "kategori", "lang", "tahap")

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.flag = _Worded(flag_title, lang)
        self.kategori = _Worded(kategori_title, lang)
        self.tahap = _Worded(tahap_title, lang)


def build_report(
    sound: SoundRecords,
    config: Config,
    reference: ReferenceData,
    *,
    as_of: date,
    period: Period,
    data_commit: str | None = None,
    data_changed: bool = False,
    lang: Lang = "id",
) -> Report:
    """The evaluation report of the loaded records.

    Stage, status and findings are those on ``as_of``; events (documents signed, monev held,
    potentials mapped) are counted when dated within ``period`` and not after ``as_of``.
    ``data_commit`` names the commit of the data on the cover
    (see :func:`ksd_cli.gitio.head_commit`). Only the records without errors are counted;
    the others are listed as invalid.
    """
    loaded = sound.loaded
    parts = parts_of(
        loaded.records,
        config=config,
        as_of=as_of,
        period=period,
        lang=lang,
        reference=reference,
    )
    return report_of_parts(
        parts,
        config,
        reference,
        ids=sound.ids,
        named_potentials=sound.named_potentials,
        invalid=invalid_records(loaded, (r.source.rel for r in loaded.records)),
        as_of=as_of,
        period=period,
        data_commit=data_commit,
        data_changed=data_changed,
        lang=lang,
    )


def build_report_in(
    repository: Repository,
    reference: ReferenceData,
    *,
    as_of: date,
    period: Period,
    data_commit: str | None = None,
    data_changed: bool = False,
    lang: Lang = "id",
    today: date | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> Report:
    """:func:`build_report` of the repository, each record's part made where it is loaded.

    The processes that parse the files send back each record's
    :class:`~ksd_cli.report.parts.ReportPart` instead of the record
    (``validate.load_assessed``), and the parts are cached under the as-of day and the
    period. ``today``, ``use_cache`` and ``progress`` as in
    ``validate.load_sound_records``. Without the cache, only the rules that find errors run:
    the report names the records with errors and counts their errors, never a warning.
    """
    from ksd_cli.validate import load_assessed

    assess = functools.partial(
        report_part, config=repository.config, as_of=as_of, period=period, lang=lang
    )
    assessed = load_assessed(
        repository,
        assess,
        as_of=as_of,
        lang=lang,
        today=today,
        use_cache=use_cache,
        progress=progress,
        # The cache's salt holds the configuration, the language and the rules' day, not
        # the day the report is as of nor its period.
        assess_key=f"report:{as_of.isoformat()}:{period.start.isoformat()}:{period.end.isoformat()}",
        # Every record's part, held packed beside the files' entries (a national report's
        # parent held both: about 435 MB at 100,000 agreements).
        packed=True,
        # Of the findings, only which records have errors and how many tell the report.
        errors_only=True,
    )
    return report_of_parts(
        [_part(a) for _, a in assessed.assessments],
        repository.config,
        reference,
        ids=assessed.ids,
        named_potentials=assessed.named_potentials,
        invalid=invalid_records(
            assessed.loaded, (source.rel for source, _ in assessed.assessments)
        ),
        as_of=as_of,
        period=period,
        data_commit=data_commit,
        data_changed=data_changed,
        lang=lang,
    )


def _part(value: object) -> ReportPart:
    assert isinstance(value, AgreementPart | PotentialPart)
    return value


def report_of_parts(
    parts: Sequence[ReportPart],
    config: Config,
    reference: ReferenceData,
    *,
    ids: Iterable[str],
    named_potentials: Iterable[str],
    invalid: tuple[InvalidRecord, ...],
    as_of: date,
    period: Period,
    data_commit: str | None = None,
    data_changed: bool = False,
    lang: Lang = "id",
) -> Report:
    """The report from the part of every record without errors (see :func:`build_report`).

    What needs every record is done here: the owning region (from ``ids``, every record's,
    sound or not), the partners named for it, which flags each agreement has, and which
    potentials are followed up (by a sound agreement, or named in ``named_potentials`` by one
    with errors).
    """
    ids = tuple(ids)
    named_potentials = frozenset(named_potentials)
    stalled = stalled_result(
        [p.stalled for p in parts],
        config,
        ids=ids,
        named_potentials=named_potentials,
        invalid=invalid,
        as_of=as_of,
    )
    agreements = [p for p in parts if isinstance(p, AgreementPart)]
    # The potentials mapped by the as-of date, as ``ksd mapping`` counts them.
    potentials = [p for p in parts if isinstance(p, PotentialPart) and mapped_by(p.tahun, as_of)]
    owner = repository_region(config, ids)
    daerah_nama = repository_name(config, owner, reference, lang, ids)
    counted_until = min(period.end, as_of)
    mitra = _mitra(agreements, owner)
    totals = _totals(agreements)
    rincian = {
        name: _rincian(totals, _links(name, agreements, mitra), name, lang)
        for name in ("urusan", "mitra", "perangkat_daerah")
    }
    del totals  # every agreement's sums (100,000 at a national scale), before the long tables
    titles = _Titles(lang)
    flags_of: dict[str, list[str]] = {}
    for flag in stalled.flags:
        flags_of.setdefault(flag.id, []).append(titles.flag[flag.code])
    daftar = _daftar_rows(agreements, mitra, flags_of)
    followed = followers_by_potential(
        (a.id, a.stalled.potensi) for a in agreements if a.stalled.potensi
    ).keys()
    flagged_potentials = {f.id for f in stalled.flags if f.code == "potensi_tanpa_tindak_lanjut"}
    # One rule for the headline and the table by year: a KB still young (not followed, its
    # kb_tanpa_pks time not run out) is outside the rate, neither converted nor not.
    kb_muda = sum(young for a in agreements for _, _, young in a.kb)
    kb = [followed for a in agreements for _, followed, _ in a.kb]
    konversi = Share(sum(kb), len(kb) - kb_muda)
    potensi_share = Share(sum(1 for p in potentials if p.id in followed), len(potentials))
    in_period_potentials = [
        p for p in potentials if period.start.year <= p.tahun <= counted_until.year
    ]
    events = _kegiatan_counts(agreements, in_period_potentials)
    tambahan = _tambahan(agreements, stalled.flags, owner, config, reference, period, lang)
    return Report(
        daerah_kode=owner,
        daerah_nama=daerah_nama,
        period=period,
        as_of=as_of,
        ksd_version=__version__,
        data_commit=data_commit,
        data_changed=data_changed,
        agreements=len(agreements),
        potentials=len(potentials),
        invalid=stalled.invalid,
        ikhtisar=_ikhtisar(agreements, konversi, potensi_share, stalled.flags, events, lang),
        konversi=konversi,
        menurut_jenis=_menurut_jenis(agreements, lang),
        menurut_status=_menurut_status(agreements, lang),
        menurut_tahap=_menurut_tahap(agreements, lang),
        kegiatan=_kegiatan(events, lang),
        konversi_per_tahun=_konversi_per_tahun(agreements, lang),
        temuan_per_kode=_temuan_per_kode(stalled.counts(), lang),
        menurut_urusan=rincian["urusan"],
        menurut_mitra=rincian["mitra"],
        menurut_perangkat_daerah=rincian["perangkat_daerah"],
        temuan=_temuan(stalled.flags, titles),
        akan_berakhir=_akan_berakhir(stalled.flags, agreements, lang),
        tindak_lanjut_potensi=potensi_share,
        potensi_per_urusan=_potensi_per_urusan(
            potentials, followed, in_period_potentials, reference, lang
        ),
        potensi_belum_ditindaklanjuti=_potensi_belum(
            [p for p in potentials if p.id not in followed and p.id not in named_potentials],
            flagged_potentials,
            lang,
        ),
        rekomendasi=_rekomendasi(agreements, lang),
        monev_terakhir=_monev_terakhir(agreements, lang),
        tanpa_monev=_tanpa_monev(agreements, lang),
        daftar=_daftar(daftar, lang),
        stalled=stalled,
        lang=lang,
        menurut_kategori_mitra=tambahan["menurut_kategori_mitra"],
        pembiayaan=tambahan["pembiayaan"],
        penilaian_monev=tambahan["penilaian_monev"],
        penilaian_per_kriteria=tambahan["penilaian_per_kriteria"],
        usulan=tambahan["usulan"],
        berbatasan=tambahan["berbatasan"],
        kelembagaan=tambahan["kelembagaan"],
        kb_muda=kb_muda,
    )


def _tambahan(
    agreements: Sequence[AgreementPart],
    flags: Sequence[Flag],
    owner: str | None,
    config: Config,
    reference: ReferenceData,
    period: Period,
    lang: Lang,
) -> dict[str, Table]:
    """The issue 13 tables: partner categories, costs and revenue, ratings, proposals, TKKSD."""
    from ksd_cli.report import evaluasi

    return {
        "menurut_kategori_mitra": evaluasi.menurut_kategori_mitra(agreements, owner, lang),
        "pembiayaan": evaluasi.pembiayaan(agreements, lang),
        "penilaian_monev": evaluasi.penilaian_monev(agreements, lang),
        "penilaian_per_kriteria": evaluasi.penilaian_per_kriteria(agreements, lang),
        "usulan": evaluasi.usulan(agreements, flags, lang),
        "berbatasan": evaluasi.berbatasan(agreements, config, reference, lang),
        "kelembagaan": evaluasi.kelembagaan(config, period, lang),
    }


# Sums over the agreements --------------------------------------------------------------------


class _Mitra(NamedTuple):
    """An agreement's partners named for its owner: each once as (code, name), and the names."""

    each: tuple[tuple[str, str], ...]
    teks: str


def _mitra(agreements: Sequence[AgreementPart], owner: str | None) -> list[_Mitra]:
    """Each agreement's partners named for ``owner``, worked out once per partners and owner.

    Without one owner (v1.1), each record's owner is the region its id names. A region's
    partners recur from record to record: the same partners give the same value.
    """
    known: dict[tuple[tuple[tuple[str, str], ...], str | None], _Mitra] = {}
    found: list[_Mitra] = []
    for a in agreements:
        partners = a.stalled.partners
        region = owner or record_region(a.id)
        named = known.get((partners, region))
        if named is None:
            pairs = without_owner(partners, region)
            teks = "; ".join([nama for _, nama in pairs])
            named = known[partners, region] = _Mitra(tuple(dict.fromkeys(pairs)), teks)
        found.append(named)
    return found


def _links(
    name: str, agreements: Sequence[AgreementPart], mitra: Sequence[_Mitra]
) -> Iterator[tuple[Iterable[tuple[str, str]], str]]:
    """One dimension of section II: each agreement's (code, name) links and its id, in order.

    ``mitra``: each agreement's :func:`_mitra`, each partner counted once per agreement.
    """
    if name == "urusan":
        return ((a.urusan, a.id) for a in agreements)
    if name == "mitra":
        return ((named.each, a.id) for a, named in zip(agreements, mitra, strict=True))
    # The organisations recur from record to record (one tuple held for each set of them).
    pairs: dict[tuple[str, ...], tuple[tuple[str, str], ...]] = {}
    return (
        (
            pairs.get(a.perangkat_daerah)
            or pairs.setdefault(a.perangkat_daerah, tuple([("", n) for n in a.perangkat_daerah])),
            a.id,
        )
        for a in agreements
    )


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# I. Ringkasan ----------------------------------------------------------------------------------


def _jumlah(lang: Lang) -> Column:
    return _column("jumlah-kerja-sama", lang, "bilangan", 12)


def _aktif(lang: Lang) -> Column:
    return _column("aktif", lang, "bilangan", 9)


def _nilai(lang: Lang) -> Column:
    return _column("nilai", lang, "rupiah", 20)


def _count_by(
    agreements: Sequence[AgreementPart], key: str, order: Iterable[str]
) -> dict[str, tuple[int, int, int]]:
    """Agreements, active ones and their value, by the part's ``key`` (every key of ``order``).

    Values of ``key`` outside ``order`` are not counted.
    """
    counts = {k: [0, 0, 0] for k in order}
    for a in agreements:
        found = counts.get(getattr(a, key))
        if found is not None:
            found[0] += 1
            found[1] += a.status == "aktif"
            found[2] += a.nilai or 0
    return {k: (n, aktif, nilai) for k, (n, aktif, nilai) in counts.items()}


def _menurut_jenis(agreements: Sequence[AgreementPart], lang: Lang) -> Table:
    counts = _count_by(agreements, "jenis", get_args(JenisKerjaSama))
    return Table(
        _t("table.menurut_jenis", lang),
        (_column("jenis-kerja-sama", lang, width=44), _jumlah(lang), _aktif(lang), _nilai(lang)),
        tuple((jenis_title(k, lang), *n) for k, n in counts.items()),
    )


def _menurut_status(agreements: Sequence[AgreementPart], lang: Lang) -> Table:
    counts = _count_by(agreements, "status", STATUSES)
    return Table(
        _t("table.menurut_status", lang),
        (_column("status", lang, width=44), _jumlah(lang), _nilai(lang)),
        tuple((status_title(k, lang), n, nilai) for k, (n, _, nilai) in counts.items()),
        note=f"{_t('note.status', lang)} {_t('note.status-dprd', lang)}",
    )


def _menurut_tahap(agreements: Sequence[AgreementPart], lang: Lang) -> Table:
    counts = Counter(a.tahap or "" for a in agreements)
    # "No stage yet" is a row only when some agreement has none.
    order = ("", *URUTAN_TAHAP) if counts[""] else URUTAN_TAHAP
    return Table(
        _t("table.menurut_tahap", lang),
        (_column("tahap-terakhir", lang, width=44), _jumlah(lang)),
        tuple((tahap_title(key or None, lang), counts[key]) for key in order),
    )


def _kegiatan_counts(
    agreements: Sequence[AgreementPart], potentials: Sequence[PotentialPart]
) -> dict[str, int]:
    """Events of the period by id: signed ``naskah.<jenis>``, ``monev``, ``potensi``, ``berakhir``.

    Keyed by id, not by label, so the summary finds its figures in any language.
    """
    counts: dict[str, int] = {f"naskah.{jenis}": 0 for jenis in get_args(JenisNaskah)}
    for a in agreements:
        for jenis in a.naskah_periode:
            counts[f"naskah.{jenis}"] += 1
    counts["monev"] = sum(len(a.monev_periode) for a in agreements)
    counts["potensi"] = len(potentials)
    counts["berakhir"] = sum(1 for a in agreements if a.berakhir_periode)
    return counts


def _kegiatan(counts: dict[str, int], lang: Lang) -> Table:
    rows = tuple(
        (
            message("naskah.signed", lang, naskah=naskah_title(key[len("naskah.") :], lang))
            if key.startswith("naskah.")
            else _t(f"kegiatan.{key}", lang),
            n,
        )
        for key, n in counts.items()
    )
    return Table(
        _t("table.kegiatan", lang),
        (_column("kegiatan", lang, width=44), _column("jumlah", lang, "bilangan", 12)),
        rows,
    )


def _konversi_per_tahun(agreements: Sequence[AgreementPart], lang: Lang) -> Table:
    years: dict[int, list[int]] = {}  # year: [KBs, followed by a PKS, young]
    for a in agreements:
        for year, followed, young in a.kb:
            counts = years.setdefault(year, [0, 0, 0])
            counts[0] += 1
            counts[1] += followed
            counts[2] += young
    # Only KBs older than the kb_tanpa_pks threshold count as "not converted"; the young
    # ones still have time and are shown apart, outside the rate.
    rows = tuple(
        (
            str(year),
            n,
            followed,
            n - followed - waiting,
            waiting,
            followed / (n - waiting) if n > waiting else None,
        )
        for year, (n, followed, waiting) in sorted(years.items())
    )
    return Table(
        _t("table.konversi_per_tahun", lang),
        (
            _column("tahun-kb", lang, width=12),
            _column("kb-ditandatangani", lang, "bilangan", 14),
            _column("diikuti-pks", lang, "bilangan", 12),
            _column("belum-diikuti-pks", lang, "bilangan", 14),
            _column("kb-muda", lang, "bilangan", 16),
            _column("rasio-konversi", lang, "persen", 12),
        ),
        rows,
        note=_t("note.konversi", lang),
    )


def _temuan_per_kode(counts: dict[str, int], lang: Lang) -> Table:
    return Table(
        _t("table.temuan_per_kode", lang),
        (
            _column("temuan", lang, width=32),
            _column("kode-temuan", lang, width=28),
            _column("kategori", lang, width=11),
            _column("jumlah", lang, "bilangan", 10),
        ),
        tuple(
            (flag_title(code, lang), code, kategori_title(KATEGORI[code], lang), counts[code])
            for code in FLAG_CODES
        ),
    )


def _ikhtisar(
    agreements: Sequence[AgreementPart],
    konversi: Share,
    potensi: Share,
    flags: Sequence[Flag],
    events: dict[str, int],
    lang: Lang,
) -> tuple[Figure, ...]:
    signed = sum(n for key, n in events.items() if key.startswith("naskah."))
    macet = sum(1 for f in flags if f.kategori == "macet")
    return (
        Figure(_t("fig.jumlah", lang), len(agreements)),
        Figure(_t("fig.aktif", lang), sum(1 for a in agreements if a.status == "aktif")),
        Figure(_t("fig.naskah", lang), signed),
        Figure(_t("fig.monev", lang), events["monev"]),
        Figure(_t("fig.konversi", lang), konversi.ratio, "persen"),
        Figure(_t("fig.nilai", lang), sum(a.nilai or 0 for a in agreements), "rupiah"),
        Figure(
            _t("fig.nilai-aktif", lang),
            sum(a.nilai_aktif for a in agreements),
            "rupiah",
        ),
        Figure(_t("fig.macet", lang), macet),
        Figure(_t("fig.pengingat", lang), len(flags) - macet),
        Figure(_t("fig.potensi", lang), potensi.ratio, "persen"),
    )


# II. Rincian ----------------------------------------------------------------------------------


def _totals(agreements: Sequence[AgreementPart]) -> dict[str, list[int]]:
    """What section II sums, by agreement id, summed once for its three tables.

    Agreements, active ones, documents and monev of the period, and value; an id that
    several agreements hold sums them all.
    """
    totals: dict[str, list[int]] = {}
    for a in agreements:
        sums = totals.setdefault(a.id, [0, 0, 0, 0, 0])
        sums[0] += 1
        sums[1] += a.status == "aktif"
        sums[2] += len(a.naskah_periode)
        sums[3] += len(a.monev_periode)
        sums[4] += a.nilai or 0
    return totals


def _rincian(
    totals: dict[str, list[int]],
    links: Iterable[tuple[Iterable[tuple[str, str]], str]],
    name: str,
    lang: Lang,
) -> Table:
    """Agreements, active ones, documents and monev of the period, value: by ``links``.

    ``totals``: those of each agreement id (:func:`_totals`); ``links``: the (code, name)
    links of each agreement of the dimension ``name``, with its id; a link counts every
    agreement with its id. Rows by count (most first), then name and code.
    """
    what = _t(f"what.{name}", lang)
    # Each link's sums listed under it (in the order links first name them), then added up
    # column by column: a national register has about 100,000 links in each dimension.
    members: dict[tuple[str, str], list[list[int]]] = {}
    for pairs, agreement_id in links:
        sums = totals[agreement_id]
        for pair in pairs:
            listed = members.get(pair)
            if listed is None:
                members[pair] = [sums]
            else:
                listed.append(sums)
    groups = [
        (pair, [sum(column) for column in zip(*each, strict=True)])
        for pair, each in members.items()
    ]
    groups.sort(key=lambda group: (-group[1][0], group[0][1], group[0][0]))
    rows: tuple[tuple[Cell, ...], ...] = tuple((kode, nama, *sums) for (kode, nama), sums in groups)
    return Table(
        _t("table.rincian", lang, what=what),
        (
            _column("kode", lang, width=9),
            _column(name.replace("_", "-"), lang, width=44),
            _jumlah(lang),
            _aktif(lang),
            _column("naskah-periode", lang, "bilangan", 16),
            _column("monev-periode", lang, "bilangan", 12),
            _nilai(lang),
        ),
        rows,
        note=_t("note.multi", lang, what=what),
    )


# III. Temuan, IV. Akan berakhir ---------------------------------------------------------------


def _temuan(flags: Sequence[Flag], titles: _Titles) -> Table:
    lang = titles.lang
    flag, kategori, tahap = titles.flag, titles.kategori, titles.tahap
    return Table(
        _t("table.temuan", lang),
        (
            _column("id", lang, width=20),
            _column("temuan", lang, width=24),
            _column("kode-temuan", lang, width=28),
            _column("kategori", lang, width=11),
            _column("judul", lang, width=40),
            _column("tahap", lang, width=20),
            _column("sejak", lang, "tanggal", 17),
            _column("hari", lang, "bilangan", 10),
            _column("batas-hari", lang, "bilangan", 11),
            _column("mitra", lang, width=30),
            _column("perangkat-daerah", lang, width=30),
            _column("keterangan", lang, width=70),
        ),
        tuple(
            (
                f.id,
                flag[f.code],
                f.code,
                kategori[f.kategori],
                f.judul,
                tahap[f.stage] if f.stage else "",
                f.since,
                f.days,
                f.threshold if f.code not in NO_THRESHOLD else NOT_APPLICABLE,
                "; ".join(f.mitra),
                "; ".join(f.perangkat_daerah),
                f.message,
            )
            for f in flags
        ),
        note=_t("note.temuan", lang),
    )


def _akan_berakhir(flags: Sequence[Flag], agreements: Sequence[AgreementPart], lang: Lang) -> Table:
    expiring = [f for f in flags if f.code == "akan_berakhir"]
    wanted = {f.id for f in expiring}
    documents = {
        (a.id, position): (title, nomor, signed)
        for a in agreements
        if a.id in wanted
        for position, title, nomor, signed in a.dokumen
    }
    rows = []
    for flag in sorted(expiring, key=lambda f: (f.days, f.id)):
        doc = documents.get((flag.id, flag.naskah)) if flag.naskah is not None else None
        rows.append(
            (
                flag.id,
                flag.judul,
                doc[0] if doc else "",
                doc[1] if doc else "",
                doc[2] if doc else None,
                flag.since,
                flag.days,
                flag.threshold,
                "; ".join(flag.mitra),
                "; ".join(flag.perangkat_daerah),
            )
        )
    return Table(
        _t("table.akan_berakhir", lang),
        (
            _column("id", lang, width=20),
            _column("judul", lang, width=40),
            _column("naskah", lang, width=22),
            _column("nomor", lang, width=36),
            _column("tanggal-ttd", lang, "tanggal", 17),
            _column("berlaku-sampai", lang, "tanggal", 17),
            _column("sisa-hari", lang, "bilangan", 10),
            _column("batas-hari", lang, "bilangan", 11),
            _column("mitra", lang, width=30),
            _column("perangkat-daerah", lang, width=30),
        ),
        tuple(rows),
        note=_t("note.akan_berakhir", lang),
    )


# V. Pemetaan potensi ----------------------------------------------------------------------------


def _potensi_per_urusan(
    potentials: Sequence[PotentialPart],
    followed: Collection[str],
    in_period: Sequence[PotentialPart],
    reference: ReferenceData,
    lang: Lang,
) -> Table:
    mapped = {p.id for p in in_period}
    priorities = get_args(Prioritas)
    by_urusan: dict[str, dict[str, int]] = {}
    for p in potentials:
        counts = by_urusan.setdefault(
            p.urusan, {**dict.fromkeys(priorities, 0), "jumlah": 0, "diikuti": 0, "periode": 0}
        )
        if p.prioritas in priorities:
            counts[p.prioritas] += 1
        counts["jumlah"] += 1
        counts["diikuti"] += p.id in followed
        counts["periode"] += p.id in mapped
    rows = tuple(
        (
            code,
            urusan_nama(code, reference),
            *[n[p] for p in priorities],
            n["jumlah"],
            n["diikuti"],
            _ratio(n["diikuti"], n["jumlah"]),
            n["periode"],
        )
        for code, n in sorted(by_urusan.items())
    )
    return Table(
        _t("table.potensi_per_urusan", lang),
        (
            _column("kode", lang, width=9),
            _column("urusan", lang, width=40),
            *(_column(f"prioritas.{p}", lang, "bilangan", 11) for p in get_args(Prioritas)),
            _column("jumlah-potensi", lang, "bilangan", 11),
            _column("ditindaklanjuti", lang, "bilangan", 13),
            _column("persen-ditindaklanjuti", lang, "persen", 14),
            _column("dipetakan-periode", lang, "bilangan", 13),
        ),
        rows,
        note=_t("note.potensi_per_urusan", lang),
    )


def _potensi_belum(potentials: Sequence[PotentialPart], flagged: set[str], lang: Lang) -> Table:
    rank = {p: i for i, p in enumerate(get_args(Prioritas))}
    ordered = sorted(potentials, key=lambda p: (rank[p.prioritas], p.tahun, p.id))
    rows = tuple((*p.belum, _t("yes" if p.id in flagged else "no", lang)) for p in ordered)
    return Table(
        _t("table.potensi_belum", lang),
        (
            _column("id", lang, width=20),
            _column("potensi", lang, width=50),
            _column("urusan", lang, width=28),
            _column("prioritas-only", lang, width=10),
            _column("tahun", lang, width=8),
            _column("perangkat-daerah", lang, width=30),
            _column("calon-mitra", lang, width=30),
            _column("lewat-batas", lang, width=14),
        ),
        rows,
    )


# VI. Monev -------------------------------------------------------------------------------------


def _rekomendasi(agreements: Sequence[AgreementPart], lang: Lang) -> Table:
    keys = [*get_args(Rekomendasi), ""]
    held = Counter(rekomendasi for a in agreements for rekomendasi in a.monev_periode)
    in_period = [held[key] for key in keys]
    total = sum(in_period)
    latest: dict[str, int] = dict.fromkeys(keys, 0)
    for a in agreements:
        if a.rekomendasi_terakhir is not None:
            latest[a.rekomendasi_terakhir] += 1
    rows = tuple(
        (rekomendasi_title(key or None, lang), n, _ratio(n, total), latest[key])
        for key, n in zip(keys, in_period, strict=True)
    )
    return Table(
        _t("table.rekomendasi", lang),
        (
            _column("rekomendasi", lang, width=20),
            _column("monev-periode", lang, "bilangan", 12),
            _column("persentase", lang, "persen", 11),
            _column("rekomendasi-terakhir", lang, "bilangan", 16),
        ),
        rows,
        note=_t("note.rekomendasi", lang),
    )


def _monev_terakhir(agreements: Sequence[AgreementPart], lang: Lang) -> Table:
    rows = tuple(a.monev_terakhir for a in agreements if a.monev_terakhir is not None)
    return Table(
        _t("table.monev_terakhir", lang),
        (
            _column("id", lang, width=20),
            _column("judul", lang, width=44),
            _column("jenis", lang, width=14),
            _column("tanggal-monev-terakhir", lang, "tanggal", 17),
            _column("periode-monev", lang, width=12),
            _column("capaian", lang, "persen", 10),
            _column("rekomendasi", lang, width=13),
            _column("monev-periode", lang, "bilangan", 11),
        ),
        rows,
    )


def _tanpa_monev(agreements: Sequence[AgreementPart], lang: Lang) -> Table:
    rows = tuple(a.tanpa_monev for a in agreements if a.tanpa_monev is not None)
    return Table(
        _t("table.tanpa_monev", lang),
        (
            _column("id", lang, width=20),
            _column("judul", lang, width=44),
            _column("jenis", lang, width=14),
            _column("tahap", lang, width=20),
            _column("status", lang, width=13),
            _column("berlaku-mulai", lang, "tanggal", 17),
            _column("berlaku-sampai", lang, "tanggal", 17),
            _column("monev-terakhir", lang, "tanggal", 17),
            _column("perangkat-daerah", lang, width=30),
        ),
        rows,
        note=_t("note.tanpa_monev", lang),
    )


# VII. Daftar kerja sama -------------------------------------------------------------------------


def _daftar_rows(
    agreements: Sequence[AgreementPart],
    mitra: Sequence[_Mitra],
    flags: dict[str, list[str]],
) -> tuple[tuple[Cell, ...], ...]:
    """Each agreement's row, with its partners and its findings' titles (in the flags' order)."""
    rows = []
    # The two cells set in a copy of the part's row (a third of the time of slicing it).
    for a, partners in zip(agreements, mitra, strict=True):
        row = list(a.daftar)
        row[DAFTAR_MITRA] = partners.teks
        found = flags.get(a.id)
        if found:
            row[DAFTAR_TEMUAN] = "; ".join(found)
        rows.append(tuple(row))
    return tuple(rows)


def _daftar(rows: tuple[tuple[Cell, ...], ...], lang: Lang) -> Table:
    return Table(
        _t("table.daftar", lang),
        (
            _column("id", lang, width=20),
            _column("judul", lang, width=44),
            _column("jenis", lang, width=14),
            _column("urusan", lang, width=28),
            _column("mitra", lang, width=30),
            _column("perangkat-daerah", lang, width=30),
            _column("tahap", lang, width=20),
            _column("status", lang, width=13),
            _column("ttd-kb", lang, "tanggal", 17),
            _column("ttd-pks", lang, "tanggal", 17),
            _column("berlaku-mulai", lang, "tanggal", 17),
            _column("berlaku-sampai", lang, "tanggal", 17),
            _column("nilai", lang, "rupiah", 20),
            _column("monev-terakhir", lang, "tanggal", 17),
            _column("capaian", lang, "persen", 10),
            _column("rekomendasi", lang, width=13),
            _column("temuan", lang, width=28),
            _column("nomor-naskah", lang, width=44),
            _column("dprd", lang, width=22),
            _column("sumber-dana", lang, width=24),
            _column("perencanaan", lang, width=30),
            _column("realisasi", lang, width=40),
            _column("kendala", lang, width=40),
        ),
        rows,
        note=_t("note.daftar", lang),
    )
