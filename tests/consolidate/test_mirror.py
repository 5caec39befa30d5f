"""Matching mirrored records by parties, kind, signing date and title; comparing documents."""

from __future__ import annotations

from datetime import date

from ksd_cli.consolidate.mirror import MirrorRecord, match_records, mirror_record, top_level_line
from ksd_cli.models import Agreement
from ksd_cli.reference import load_reference


def _record(
    owner: str, rid: str, judul: str, signed: str | None, pks: str | None = None
) -> MirrorRecord:
    naskah = []
    if signed:
        naskah.append({"jenis": "kesepakatan_bersama", "tanggal_ttd": signed})
    if pks:
        naskah.append({"jenis": "perjanjian_kerja_sama", "tanggal_ttd": pks})
    data = {
        "id": rid,
        "judul": judul,
        "jenis": "ksdd_sukarela",
        "urusan": ["2.11"],
        "pihak": [
            {"peran": "pihak_kesatu", "tipe": "pemda", "kode_wilayah": "64.02"},
            {"peran": "pihak_kedua", "tipe": "pemda", "kode_wilayah": "64.72"},
        ],
        "naskah": naskah or None,
    }
    record = Agreement.model_validate(data, strict=False)
    return mirror_record(
        record,
        owner=owner,
        repository=owner,
        root="/nonexistent",
        path=f"data/agreements/{rid}.yaml",
        text=f"id: {rid}\npihak: []\n",
        as_of=date(2025, 6, 30),
    )


def _match(*records: MirrorRecord):  # type: ignore[no-untyped-def]
    return match_records(list(records), present={"64.02", "64.72"}, reference=load_reference())


def test_alike_titles_and_close_dates_match() -> None:
    a = _record("64.02", "KSD-6402-2024-001", "Pengelolaan Sampah Regional", "2024-03-01")
    b = _record(
        "64.72", "KSD-6472-2024-001", "Kerja Sama Pengelolaan Sampah Regional", "2024-03-05"
    )
    pairs, one_sided = _match(a, b)
    assert [(p.matched_by, p.differences[0].code) for p in pairs] == [("kemiripan", "tanggal_ttd")]
    assert one_sided == ()


def test_dates_too_far_apart_or_titles_unlike_do_not_match() -> None:
    a = _record("64.02", "KSD-6402-2024-001", "Pengelolaan Sampah Regional", "2024-03-01")
    far = _record("64.72", "KSD-6472-2024-001", "Pengelolaan Sampah Regional", "2024-04-01")
    other = _record("64.72", "KSD-6472-2024-002", "Angkutan Sungai Mahakam", "2024-03-01")
    pairs, one_sided = _match(a, far, other)
    assert pairs == ()
    assert len(one_sided) == 3


def test_a_pks_one_side_lacks_and_the_stage_are_differences() -> None:
    a = _record(
        "64.02", "KSD-6402-2024-001", "Pengelolaan Sampah Regional", "2024-03-01", "2024-09-01"
    )
    b = _record("64.72", "KSD-6472-2024-001", "Pengelolaan Sampah Regional", "2024-03-01")
    (pair,), _ = _match(a, b)
    codes = [(d.code, d.dokumen, d.a, d.b) for d in pair.differences]
    assert ("naskah_sepihak", "perjanjian_kerja_sama", "2024-09-01", "–") in codes
    assert ("tahap", None, "penandatanganan_pks", "penandatanganan_kb") in codes


def test_a_record_pairs_with_one_record_per_partner() -> None:
    a = _record("64.02", "KSD-6402-2024-001", "Pengelolaan Sampah Regional", "2024-03-01")
    b1 = _record("64.72", "KSD-6472-2024-001", "Pengelolaan Sampah Regional", "2024-03-01")
    b2 = _record("64.72", "KSD-6472-2024-002", "Pengelolaan Sampah Regional", "2024-03-02")
    pairs, one_sided = _match(a, b1, b2)
    assert [(p.a.id, p.b.id) for p in pairs] == [("KSD-6402-2024-001", "KSD-6472-2024-001")]
    assert [o.at.id for o in one_sided] == ["KSD-6472-2024-002"]


def test_one_sided_records_point_at_their_pihak_line() -> None:
    a = _record("64.02", "KSD-6402-2024-001", "Pengelolaan Sampah Regional", "2024-03-01")
    _, (one,) = _match(a)
    assert (one.at.line, one.mitra_kode, one.partner_has_repository) == (2, "64.72", True)


def test_top_level_line() -> None:
    text = "# komentar\nid: X\njudul: Y\npihak:\n  - peran: a\n"
    assert top_level_line(text, "pihak") == 4
    assert top_level_line(text, "naskah") == 1
    assert top_level_line("id: X\n  pihak: nested\n", "pihak") == 1
