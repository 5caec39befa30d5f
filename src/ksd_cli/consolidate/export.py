"""``ksd consolidate --export-db``: every region's records and findings, for SQL across regions.

A ``.parquet`` file holds one table, ``rekaman``: one row per record file of every region,
with its region, kind, status, stage, validity and the codes of its ``ksd stalled``
findings (a list). A ``.duckdb`` file holds every table: ``daerah`` (the row per region,
counts by kind, status and flag spread into ``jenis_*``, ``status_*``, ``temuan_*``,
``pemetaan_*``), ``rekaman``, ``temuan`` (one row per finding), ``selisih`` (every
disagreement of a mirrored pair, both positions), ``sepihak`` and ``belum_melapor``.
pyarrow (and duckdb for ``.duckdb``) are optional extras (``pip install
'ksd-cli[konsolidasi]'``), imported only here.
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
    rekaman: list[dict[str, object]] = []
    temuan: list[dict[str, object]] = []
    for region in result.read:
        assert region.figures is not None
        where = {"daerah": region.kode, "daerah_nama": region.nama, "sumber": region.label}
        codes: dict[str, list[str]] = {}
        for flag in region.figures.daftar_temuan:
            codes.setdefault(flag.path, []).append(flag.code)
            temuan.append(
                {
                    **where,
                    "path": flag.path,
                    "id": flag.id,
                    "kode": flag.code,
                    "kategori": flag.kategori,
                    "sejak": flag.since,
                    "hari": flag.days,
                    "batas": flag.threshold,
                }
            )
        for record in region.figures.rekaman:
            rekaman.append(
                {
                    **where,
                    "path": record.path,
                    "id": record.id,
                    "jenis": record.jenis,
                    "judul": record.judul,
                    "status": record.status,
                    "tahap": record.tahap,
                    "lolos_validasi": record.valid,
                    "temuan": codes.get(record.path, []),
                }
            )
    belum: list[dict[str, object]] = [
        {"kode": e.kode, "nama": e.nama, "tingkat": e.tingkat} for e in result.belum_melapor
    ]
    return {
        "daerah": daerah,
        "rekaman": rekaman,
        "temuan": temuan,
        "selisih": selisih,
        "sepihak": sepihak,
        "belum_melapor": belum,
    }


#: The export formats by file extension, and the library each needs.
LIBRARIES = {".parquet": "pyarrow", ".duckdb": "duckdb"}


def export_bytes(result: Consolidation, suffix: str) -> bytes:
    """The file's bytes: ``.parquet`` (the records) or ``.duckdb`` (every table)."""
    import pyarrow as pa

    found = tables(result)
    with tempfile.TemporaryDirectory(prefix="ksd-export-") as folder:
        target = Path(folder) / f"konsolidasi{suffix}"
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(found["rekaman"]), target)
        elif suffix == ".duckdb":
            import duckdb

            connection = duckdb.connect(str(target))
            try:
                for name, rows in found.items():
                    if not rows:
                        continue
                    connection.register("baris", pa.Table.from_pylist(rows))
                    # The table names are this module's own, never from the data.
                    connection.execute(f"CREATE TABLE {name} AS SELECT * FROM baris")
                    connection.unregister("baris")
            finally:
                connection.close()
        else:
            raise ValueError(f"cannot export to {suffix}")
        return target.read_bytes()
