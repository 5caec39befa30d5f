"""Building the mapping from the potential records: one row per potential, grouped by urusan."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ksd_cli import __version__
from ksd_cli.idformat import date_text
from ksd_cli.lifecycle import lifecycle, mapped_by, tindak_lanjut
from ksd_cli.mapping.model import Coverage, FollowUp, Mapping, MappingRow, UrusanGroup
from ksd_cli.messages import Lang
from ksd_cli.models import Agreement, Potential
from ksd_cli.naming import party_name, repository_name, repository_region
from ksd_cli.stalled import find_stalled

if TYPE_CHECKING:
    from ksd_cli.config import Config
    from ksd_cli.reference import ReferenceData
    from ksd_cli.stalled import StalledResult
    from ksd_cli.validate import SoundRecords


def build_mapping(
    sound: SoundRecords,
    config: Config,
    reference: ReferenceData,
    *,
    as_of: date,
    tahun: int | None = None,
    lang: Lang = "id",
    stalled: StalledResult | None = None,
) -> Mapping:
    """The Rancangan Pemetaan Potensi on ``as_of``: every urusan, the potentials of ``tahun``.

    Without ``tahun`` every potential mapped up to the as-of year is listed. The follow-up
    state of each potential is that of the agreements naming it on ``as_of``; a potential that
    only an agreement with errors names counts as followed up (as in ``ksd stalled``).
    ``stalled``: ``find_stalled`` of these records on ``as_of``, when the caller has it.
    """
    records = sound.loaded.records
    agreements = [r.record for r in records if isinstance(r.record, Agreement)]
    potentials = [
        (item.source.rel, item.record)
        for item in records
        if isinstance(item.record, Potential)
        and (
            item.record.tahun == tahun if tahun is not None else mapped_by(item.record.tahun, as_of)
        )
    ]
    by_id = {a.id: a for a in agreements}
    follow_up = tindak_lanjut([p for _, p in potentials], agreements)
    if stalled is None:
        stalled = find_stalled(sound, config, reference, as_of=as_of, lang=lang)
    findings = {f.id: f.days for f in stalled.flags if f.code == "potensi_tanpa_tindak_lanjut"}
    rows: dict[str, list[MappingRow]] = {}
    for (path, potential), tl in zip(potentials, follow_up, strict=True):
        states = []
        for agreement_id in tl.agreements:
            state = lifecycle(by_id[agreement_id], as_of)
            states.append(
                FollowUp(
                    agreement_id, by_id[agreement_id].judul, state.tahap_terakhir, state.status
                )
            )
        followed = tl.ditindaklanjuti or potential.id in sound.named_potentials
        row = _row(potential, path, tuple(states), followed, findings.get(potential.id), reference)
        rows.setdefault(potential.urusan, []).append(row)
    groups = [
        UrusanGroup(u.kode, u.nama, u.kelompok, _ordered(rows.pop(u.kode, [])))
        for u in reference.urusan.values()
    ]
    # A supporting function (v1.1, validate warns) shows with its name; a code outside the
    # classification still shows (validate reports it).
    for k, v in sorted(rows.items()):
        lain = reference.urusan_lain.get(k)
        nama, kelompok = (lain.nama, lain.kelompok) if lain else (k, "")
        groups.append(UrusanGroup(k, nama, kelompok, _ordered(v)))
    owner = repository_region(config, sound.ids)
    wilayah = reference.wilayah.get(owner) if owner else None
    every = [r for g in groups for r in g.rows]
    coverage = Coverage(
        urusan=len(reference.urusan),
        urusan_terpetakan=sum(1 for g in groups if g.rows and g.kode in reference.urusan),
        potensi=len(every),
        potensi_rkpd=sum(1 for r in every if r.rkpd_tahun is not None),
        potensi_ditindaklanjuti=sum(1 for r in every if r.ditindaklanjuti),
        potensi_tanpa_tindak_lanjut=sum(1 for r in every if r.temuan_hari is not None),
    )
    invalid = sorted(
        p for p in sound.loaded.invalid if p.startswith(config.paths.potentials.strip("/") + "/")
    )
    return Mapping(
        daerah=owner,
        daerah_nama=repository_name(config, owner, reference, lang),
        tingkat=wilayah.tingkat if wilayah else None,
        kepala_daerah=wilayah.kepala_daerah if wilayah else "",
        tahun=tahun,
        as_of=as_of,
        groups=tuple(groups),
        coverage=coverage,
        invalid=tuple(invalid),
        lang=lang,
        ksd_version=__version__,
    )


def _ordered(rows: list[MappingRow]) -> tuple[MappingRow, ...]:
    """Within an urusan: high priority first, then by year and id."""
    rank = {"tinggi": 0, "sedang": 1, "rendah": 2}
    return tuple(sorted(rows, key=lambda r: (rank.get(r.prioritas, 3), r.tahun, r.id)))


def _row(
    potential: Potential,
    path: str,
    follow_ups: tuple[FollowUp, ...],
    followed: bool,
    finding_days: int | None,
    reference: ReferenceData,
) -> MappingRow:
    plan = potential.integrasi_perencanaan
    penetapan = potential.dokumen_penetapan
    return MappingRow(
        id=potential.id,
        tahun=potential.tahun,
        urusan=potential.urusan,
        sub_urusan=potential.sub_urusan,
        isu=potential.isu,
        potensi=potential.potensi,
        eksternalitas=potential.eksternalitas_lintas_daerah,
        perangkat_daerah=potential.perangkat_daerah,
        calon_mitra=tuple(party_name(m, reference) for m in potential.calon_mitra or ()),
        jenis_usulan=potential.jenis_usulan,
        bentuk_kerja_sama=potential.bentuk_kerja_sama,
        peran_daerah=potential.peran_daerah,
        prioritas=potential.prioritas,
        rpjmd=plan.rpjmd if plan else None,
        rkpd_tahun=plan.rkpd_tahun if plan else None,
        program=plan.program if plan else None,
        indikator=potential.indikator,
        target=potential.target,
        anggaran_indikatif=potential.anggaran_indikatif,
        tahun_rencana=potential.tahun_rencana,
        dokumen_penetapan=(
            f"{penetapan.jenis} Nomor {penetapan.nomor} ({date_text(penetapan.tanggal, 'id')})"
            if penetapan
            else None
        ),
        tindak_lanjut=follow_ups,
        ditindaklanjuti=followed,
        temuan_hari=finding_days,
        path=path,
    )
