"""The quicker ways ``ksd stalled`` takes give what the plain ways give, record by record.

``one_per_cause`` returns the flags as they are when no code repeats; the lifecycle derives
its signed, in-force and operational documents once; steps are listed only when needed; days
and dates are worded through a memo; the JSON writer lays each flag out from a template.
Each is held here to the plain way on a generated corpus with planted mistakes (and on the
sample), on several days.
"""

from __future__ import annotations

import dataclasses
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import MappingProxyType

import pytest
from helpers import generator
from hypothesis import given
from hypothesis import strategies as st

from ksd_cli import stalled, validate
from ksd_cli.documents import is_operational
from ksd_cli.idformat import date_text, number
from ksd_cli.jsonlayout import dumps_indented
from ksd_cli.lifecycle import DocumentState, Langkah, Lifecycle, _rejected, langkah, lifecycle
from ksd_cli.loading import LoadedRecord
from ksd_cli.messages import Lang
from ksd_cli.models import Agreement
from ksd_cli.naming import FLAG_CODES, KATEGORI, partner_names, without_owner
from ksd_cli.reference import load_reference
from ksd_cli.repository import open_repository
from ksd_cli.stalled import Flag, StalledResult, assess_record
from ksd_cli.stalled_output import flag_json, write_json
from ksd_cli.tanggal import TanggalBulan

DAYS = (date(2019, 3, 1), date(2025, 6, 30), date(2026, 11, 30), date(2031, 1, 1))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[LoadedRecord]]:
    root = tmp_path_factory.mktemp("quick") / "gen"
    generator().generate(root, 300, seed=11, invalid_every=7)
    return root, _sound(root)


def _sound(root: Path) -> list[LoadedRecord]:
    repo = open_repository(root)
    sound = validate.load_sound_records(repo, as_of=date(2025, 6, 30), lang="id", use_cache=False)
    return list(sound.loaded.records)


def _agreements(records: list[LoadedRecord]) -> list[Agreement]:
    """The corpus's agreements, the sample's and the proposals' (rejected ones among them)."""
    here = Path(__file__).parent
    records = records + _sound(here.parent) + _sound(here / "fixtures/stalled/proposals")
    return [r.record for r in records if isinstance(r.record, Agreement)]


def _plain_langkah(record: Agreement, as_of: date) -> tuple[Langkah, ...]:
    """Every step made, then those after ``as_of`` dropped (the way before)."""
    steps = [Langkah(e.tanggal, "tahap", e.tahap) for e in record.tahapan or ()]
    steps += [Langkah(p.tanggal, "peristiwa", p.jenis) for p in record.peristiwa or ()]
    steps += [
        Langkah(n.tanggal_ttd, "naskah", n.jenis)
        for n in record.naskah or ()
        if n.tanggal_ttd is not None
    ]
    steps += [Langkah(m.tanggal, "monev", "monev") for m in record.monev or ()]
    dprd = record.persetujuan_dprd
    if dprd is not None and dprd.tanggal_permohonan is not None:
        steps.append(Langkah(dprd.tanggal_permohonan, "dprd_permohonan", "persetujuan_dprd"))
    if dprd is not None and dprd.tanggal_keputusan is not None:
        steps.append(Langkah(dprd.tanggal_keputusan, "dprd_keputusan", "persetujuan_dprd"))
    return tuple(sorted((s for s in steps if s.tanggal <= as_of), key=lambda s: s.tanggal))


def _plain_rejected(record: Agreement, as_of: date) -> bool:
    steps = _plain_langkah(record, as_of)
    rejections = [s.tanggal for s in steps if s.kind == "peristiwa" and s.code == "ditolak"]
    return bool(rejections) and not any(s.tanggal > rejections[-1] for s in steps)


@pytest.mark.parametrize("as_of", DAYS)
def test_lifecycle_and_steps_are_those_derived_the_plain_way(
    corpus: tuple[Path, list[LoadedRecord]], as_of: date
) -> None:
    agreements = _agreements(corpus[1])
    assert len(agreements) > 250
    rejected = 0
    for record in agreements:
        state = lifecycle(record, as_of)
        assert state.signed == tuple(d for d in state.documents if d.signed)
        assert state.in_force == tuple(d for d in state.documents if d.in_force)
        assert state.operational() == tuple(
            d for d in state.signed if is_operational(d.naskah, record)
        )
        assert langkah(record, as_of) == _plain_langkah(record, as_of)
        assert _rejected(record, as_of) == _plain_rejected(record, as_of)
        rejected += _rejected(record, as_of)
    assert as_of < date(2024, 2, 1) or rejected  # the proposals fixture has rejected ones


@pytest.mark.parametrize("as_of", DAYS[1:3])
def test_lifecycle_values_set_at_once_are_the_dataclass_fields(
    corpus: tuple[Path, list[LoadedRecord]], as_of: date
) -> None:
    """The hand-written ``__init__`` of DocumentState and Lifecycle sets every field, no other."""
    seen = 0
    for record in _agreements(corpus[1]):
        state = lifecycle(record, as_of)
        assert list(vars(state)) == [f.name for f in dataclasses.fields(Lifecycle)]
        again = Lifecycle(*(getattr(state, f.name) for f in dataclasses.fields(state) if f.init))
        assert again == state and vars(again) == vars(state)
        for doc in state.documents:
            names = [f.name for f in dataclasses.fields(DocumentState)]
            assert list(vars(doc)) == names
            values = dataclasses.astuple(doc)
            assert DocumentState(*values) == doc
            assert vars(DocumentState(*values[:-1]))["sampai_tidak_diketahui"] is False
            with pytest.raises(dataclasses.FrozenInstanceError):
                doc.signed = not doc.signed  # type: ignore[misc]
            seen += 1
    assert seen > 250


@pytest.mark.parametrize("as_of", DAYS)
def test_one_per_cause_is_the_grouping_on_every_record(
    corpus: tuple[Path, list[LoadedRecord]], as_of: date
) -> None:
    _, records = corpus
    repo = open_repository(corpus[0])
    flagged = 0
    for loaded in records:
        record = loaded.record
        if not isinstance(record, Agreement):
            continue
        state = lifecycle(record, as_of)
        subject = stalled._Subject(record.id, record.judul, None, (), (), loaded.source.rel, "id")
        thresholds = repo.config.stalled.for_jenis(record.jenis)
        flags = list(stalled.agreement_flags(state, thresholds, subject))
        flagged += bool(flags)
        assert stalled.one_per_cause(flags, "id") == stalled.grouped_by_cause(flags, "id")
    assert flagged or as_of == DAYS[0]  # nothing old enough to flag in 2019


def test_several_flags_of_one_code_are_still_made_one() -> None:
    one = Flag(
        "K", "J", "kb_tanpa_pks", "macet", date(2020, 1, 1), 400, 365, None, (), (), "m", "p"
    )
    flags = [replace(one, naskah=0, dokumen=(0,)), replace(one, naskah=1, dokumen=(1,))]
    kept = stalled.one_per_cause(flags, "id")
    assert kept == stalled.grouped_by_cause(flags, "id")
    assert len(kept) == 1 and kept[0].dokumen == (0, 1)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_assessments_are_those_worded_without_the_memo(
    corpus: tuple[Path, list[LoadedRecord]], lang: Lang, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, records = corpus
    config = open_repository(root).config
    reference = load_reference()

    def assess_all(as_of: date) -> list[stalled.Assessment]:
        return [
            assess_record(
                r.source, r.record, config=config, as_of=as_of, lang=lang, reference=reference
            )
            for r in records
        ]

    quick = {day: assess_all(day) for day in DAYS}
    monkeypatch.setattr(stalled, "_date_words", date_text)
    monkeypatch.setattr(stalled, "_number_words", number)
    for day in DAYS:
        assert assess_all(day) == quick[day]


def test_partners_named_once_per_set_of_parties_are_those_named_plainly(
    corpus: tuple[Path, list[LoadedRecord]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stalled, "_NAMED", {})
    reference = load_reference()
    agreements = _agreements(corpus[1])
    for owner in ("64.02", "64", None):
        for record in agreements * 2:  # the second time round, from the memo
            found = partner_names(record, None, reference)
            expected = (owner, found, tuple(n for _, n in without_owner(found, owner)))
            assert stalled.named_partners(record, owner, reference) == expected
    assert 0 < len(stalled._NAMED) < 3 * len(agreements)  # parties recur in the corpus
    # Names from other tables than the process's own are never remembered.
    other = replace(reference, wilayah=MappingProxyType({}))
    record = agreements[0]
    monkeypatch.setattr(stalled, "_NAMED", {})
    assert stalled.named_partners(record, None, other)[1] == partner_names(record, None, other)
    assert stalled._NAMED == {}


def test_a_month_only_date_is_worded_as_a_month_after_its_first_day() -> None:
    first, month = date(2018, 10, 1), TanggalBulan.dari(2018, 10)
    assert first == month  # equal, and hashed alike: the memo must tell them apart
    assert stalled._date_words(first, "id") == "1 Oktober 2018"
    assert stalled._date_words(month, "id") == "Oktober 2018"
    assert stalled._date_words(first, "id") == "1 Oktober 2018"


# The JSON of a flag --------------------------------------------------------------------------

texts = st.text(max_size=12)
flags = st.builds(
    Flag,
    id=texts,
    judul=texts,
    code=st.sampled_from(FLAG_CODES),
    kategori=st.sampled_from(sorted(set(KATEGORI.values()))),
    since=st.dates() | st.builds(TanggalBulan.dari, st.integers(1900, 2100), st.integers(1, 12)),
    days=st.integers(-(10**6), 10**6),
    threshold=st.integers(0, 10**4),
    stage=st.none() | texts,
    mitra=st.lists(texts, max_size=3).map(tuple),
    perangkat_daerah=st.lists(texts, max_size=3).map(tuple),
    message=texts,
    path=texts,
    naskah=st.none() | st.integers(0, 20),
    dokumen=st.lists(st.integers(0, 20), max_size=3).map(tuple),
)


@given(flags)
def test_a_flag_is_laid_out_as_the_standard_encoder_lays_it(flag: Flag) -> None:
    expected = dumps_indented([flag.as_dict()], 2).replace("\n", "\n  ")
    assert "[" + flag_json(flag) + "\n  ]" == expected


@given(st.lists(flags, max_size=4))
def test_the_written_json_is_the_standard_encoders(found: list[Flag]) -> None:
    result = StalledResult(date(2026, 11, 30), tuple(found), 7, ())
    out = io.StringIO()
    write_json(result, out)
    assert out.getvalue() == json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n"


def test_many_flags_are_written_in_batches_as_one_list(
    monkeypatch: pytest.MonkeyPatch, corpus: tuple[Path, list[LoadedRecord]]
) -> None:
    import ksd_cli.stalled_output as output

    monkeypatch.setattr(output, "_FLAGS_AT_ONCE", 3)
    result = stalled.find_stalled_in(
        open_repository(corpus[0]), as_of=date(2026, 11, 30), use_cache=False
    )
    assert len(result.flags) > 10
    out = io.StringIO()
    write_json(result, out)
    assert out.getvalue() == json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n"


# ``ksd stalled``'s own assessment ----------------------------------------------------------


@pytest.mark.parametrize("as_of", DAYS)
def test_the_stalled_assessment_is_the_full_one_but_for_unflagged_partners(
    corpus: tuple[Path, list[LoadedRecord]], as_of: date
) -> None:
    root, records = corpus
    here = Path(__file__).parent
    records = records + _sound(here.parent) + _sound(here / "fixtures/stalled/proposals")
    config = open_repository(root).config
    reference = load_reference()
    full, quick = [], []
    for r in records:
        kwargs = {"config": config, "as_of": as_of, "lang": "id", "reference": reference}
        whole = assess_record(r.source, r.record, **kwargs)  # type: ignore[arg-type]
        lean = stalled.assess_flags(r.source, r.record, **kwargs)  # type: ignore[arg-type]
        if whole.flags or whole.potential:
            assert lean == whole
        elif whole.potensi or whole.sampai_tidak_diketahui:
            assert lean == replace(whole, region=None, partners=())
        else:
            assert lean is stalled.NOTHING_TO_SAY
        full.append(whole)
        quick.append(lean)
    assert sum(bool(a.flags) for a in full) > 10 or as_of == DAYS[0]
    assert any(not a.flags and a.partners for a in full)
    assert stalled.NOTHING_TO_SAY in quick
    assert any(not a.flags and a.potensi for a in full)
    # Whoever owns the repository, the result is the same (partners named again or not).
    for owner in (None, "64.02", "99"):
        owned = config.model_copy(
            update={"daerah": config.daerah.model_copy(update={"kode": owner})}
        )
        found = [
            stalled.stalled_result(
                assessed,
                owned,
                ids=[a.id for a in assessed],
                named_potentials=(),
                invalid=(),
                as_of=as_of,
            )
            for assessed in (full, quick)
        ]
        assert found[0] == found[1]


def test_one_layout_tells_a_month_from_its_first_day_and_lays_shared_lists_out_once() -> None:
    one = Flag(
        "K",
        "J",
        "kb_tanpa_pks",
        "macet",
        date(2018, 10, 1),
        400,
        365,
        "x",
        ("A", "B"),
        ("C",),
        "m",
        "p",
    )
    month = replace(one, since=TanggalBulan.dari(2018, 10), mitra=("A", "B"), naskah=2)
    found = [one, month, replace(one, mitra=(), perangkat_daerah=("A", "B")), month, one]
    out = io.StringIO()
    write_json(StalledResult(date(2026, 11, 30), tuple(found), 5, ()), out)
    text = out.getvalue()
    assert '"since": "2018-10"' in text and '"since": "2018-10-01"' in text
    expected = StalledResult(date(2026, 11, 30), tuple(found), 5, ()).as_dict()
    assert text == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_flag_sentence_looked_up_once_is_the_message_formatted(lang: Lang) -> None:
    import string

    from ksd_cli.messages import CATALOG, message

    checked = 0
    for key in CATALOG:
        parts = key.split(".")
        if parts[0] != "stalled" or len(parts) not in (2, 3) or parts[1] not in FLAG_CODES:
            continue
        variant = parts[2] if len(parts) == 3 else None
        names = {n for _, n, _, _ in string.Formatter().parse(CATALOG[key][0]) if n}
        args = {name: f"<{name} {{x}}>" for name in names}
        assert stalled._sentence(parts[1], variant, lang).format(**args) == message(
            key, lang, **args
        )
        checked += 1
    assert checked > len(FLAG_CODES)  # every flag's sentence, and the variants


def test_thresholds_found_by_identity_are_those_of_the_table_asked() -> None:
    from typing import get_args

    from ksd_cli.config import parse_config
    from ksd_cli.models import JenisKerjaSama

    plain = parse_config("")
    strict = parse_config(
        "[stalled]\nkb_tanpa_pks = 30\n[stalled.ksdd_sukarela]\ntanpa_monev = 7\n"
    )
    kinds = [*get_args(JenisKerjaSama), None]
    for config in (plain, strict, plain):
        for jenis in kinds:
            found = stalled.thresholds_for(config, jenis)
            assert found == config.stalled.for_jenis(jenis)
            assert stalled.thresholds_for(config, jenis) is found
    assert stalled.thresholds_for(strict, "ksdd_sukarela").tanpa_monev == 7
    assert stalled.thresholds_for(plain, "ksdd_sukarela").kb_tanpa_pks != 30
