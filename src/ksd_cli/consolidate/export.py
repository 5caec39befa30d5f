"""``ksd consolidate --export-db``: the table per region as Parquet, for SQL across regions.

A ``.parquet`` file holds one table: one row per region, every figure a column (counts by
kind, status and flag code spread into ``jenis_*``, ``status_*``, ``temuan_*``,
``pemetaan_*``), readable by DuckDB, pandas or any Parquet reader. pyarrow is an optional
extra (``pip install 'ksd-cli[konsolidasi]'``), imported only here. :func:`tables` also
gives the findings as rows (``selisih``, ``sepihak``, ``belum_melapor``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ksd_cli.consolidate.model import Consolidation
from ksd_cli.messages import render


def tables(result: Consolidation) -> dict[str, list[dict[str, object]]]:
    """The rows of each table, as plain values (one dict per row, the same keys in each)."""
    lang = result.lang
    daerah = []
    for region in result.regions:
        f = region.figures
        row: dict[str, object] = {
            "sumber": region.label,
            "kode": region.kode,
            "nama": region.nama,
            "tingkat": region.tingkat,
            "commit_terakhir": region.commit_date,
            "masalah": render(region.problem, lang) if region.problem is not None else None,
            "terbaca": f is not None,
            "lolos_validasi": f.valid if f else None,
            "errors": f.errors if f else None,
            "warnings": f.warnings if f else None,
            "perjanjian": f.perjanjian if f else None,
            "aktif": f.aktif if f else None,
            "kb_ditandatangani": f.kb_ditandatangani if f else None,
            "kb_diikuti_pks": f.kb_diikuti_pks if f else None,
            "konversi": f.konversi if f else None,
            "monev_tahun_ini": f.monev_periode if f else None,
            "berlaku_tanpa_monev": f.berlaku_tanpa_monev if f else None,
            "potensi": f.potensi if f else None,
        }
        if f is not None:
            row.update({f"jenis_{k}": v for k, v in f.menurut_jenis.items()})
            row.update({f"status_{k}": v for k, v in f.menurut_status.items()})
            row.update({f"temuan_{k}": v for k, v in f.temuan.items()})
            row.update({f"pemetaan_{k}": v for k, v in f.cakupan.as_dict().items()})
        daerah.append(row)
    keys = list(dict.fromkeys(k for row in daerah for k in row))
    daerah = [{k: row.get(k) for k in keys} for row in daerah]
    selisih = [
        {
            "kode": d.code,
            "dokumen": d.dokumen,
            "judul": pair.judul,
            "dicocokkan_dengan": pair.matched_by,
            **{f"a_{k}": v for k, v in {"nilai": d.a, **d.at_a.as_dict()}.items()},
            **{f"b_{k}": v for k, v in {"nilai": d.b, **d.at_b.as_dict()}.items()},
        }
        for pair in result.pairs
        for d in pair.differences
    ]
    sepihak = [
        {
            **o.at.as_dict(),
            "judul": o.judul,
            "mitra_kode": o.mitra_kode,
            "mitra_nama": o.mitra_nama,
            "mitra_punya_repositori": o.partner_has_repository,
        }
        for o in result.one_sided
    ]
    belum: list[dict[str, object]] = [
        {"kode": e.kode, "nama": e.nama, "tingkat": e.tingkat} for e in result.belum_melapor
    ]
    return {"daerah": daerah, "selisih": selisih, "sepihak": sepihak, "belum_melapor": belum}


def export_bytes(result: Consolidation, suffix: str = ".parquet") -> bytes:
    """The Parquet file's bytes: the table per region."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if suffix != ".parquet":
        raise ValueError(f"cannot export to {suffix}")
    with tempfile.TemporaryDirectory(prefix="ksd-export-") as folder:
        target = Path(folder) / "konsolidasi.parquet"
        pq.write_table(pa.Table.from_pylist(tables(result)["daerah"]), target)
        return target.read_bytes()
