"""Text at 80 columns, Markdown and JSON of the fixture's consolidation."""

from __future__ import annotations

import io
import json

from ksd_cli.consolidate import Consolidation
from ksd_cli.consolidate.render import as_dict, write_json, write_markdown, write_text

from .fixture import run


def test_json_is_the_result_serialised(result: Consolidation) -> None:
    stream = io.StringIO()
    write_json(result, stream)
    data = json.loads(stream.getvalue())
    assert data == json.loads(json.dumps(as_dict(result)))
    assert data["schema_version"] == 1
    assert data["as_of"] == "2025-06-30"
    assert [d["kode"] for d in data["daerah"]] == ["64", "64.02", "64.71", "64.72"]
    balikpapan = data["daerah"][2]
    assert balikpapan["validasi"]["rekaman_gagal"] == [
        {"path": "data/agreements/KSD-6471-2024-003.yaml", "id": "KSD-6471-2024-003", "errors": 1}
    ]
    assert data["belum_melapor"]["daerah"] == [
        {"kode": "64.03", "nama": "Kabupaten Berau", "tingkat": "kabupaten"}
    ]
    assert {p["selisih"][0]["kode"] for p in data["pasangan"]} == {"nomor", "tanggal_ttd"}


def test_text_names_both_positions_within_80_columns(result: Consolidation) -> None:
    stream = io.StringIO()
    write_text(result, stream, color=False)
    text = stream.getvalue()
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "kukar/data/agreements/KSD-6402-2023-001.yaml:19" in text
    assert "samarinda/data/agreements/KSD-6472-2023-004.yaml:19" in text
    assert "20 Agustus 2024" in text and "21 Agustus 2024" in text
    assert "64.03  Kabupaten Berau" in text  # the code padded to six
    assert "data/agreements/KSD-6471-2024-003.yaml" in text


def test_markdown_is_a_job_summary() -> None:
    result = run(lang="en")
    stream = io.StringIO()
    write_markdown(result, stream)
    text = stream.getvalue()
    assert text.startswith("# Consolidated Regional Cooperation\n")
    assert "## Summary per region" in text
    assert "| 64.71 | Kota Balikpapan | fails |" in text
    assert "Document numbers differ (Kesepakatan Bersama (KB), number of Kota Balikpapan)" in text
    assert "balikpapan/data/agreements/KSD-6471-2024-002.yaml:18" in text
    assert "| 64.03 | Kabupaten Berau |" in text
