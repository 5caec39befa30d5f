"""Every catalog key is used somewhere in ksd: a dead entry is a sentence nobody can see.

A key is used when its literal (``"stalled.title"``) appears in the source or the bundled
templates, when it belongs to a rule (keyed by the rule's name, ``name.variant``), or when it
lies under one of the :data:`DYNAMIC` prefixes, where code builds the key from a code or a
name (``f"tahap.{code}"``). Such a key counts as used when the rest of it, or its last part,
appears quoted in the source (the code the key is built from: ``"identifikasi"``) or in a
reference table, or is a number (numbered chapters).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import ksd_cli
from ksd_cli.jinja import bundled_templates
from ksd_cli.messages import CATALOG
from ksd_cli.rules import RULES

SOURCE = Path(ksd_cli.__file__).parent

#: Prefixes under which keys are built at run time, and where.
DYNAMIC: dict[str, str] = {
    "col": "stalled_output.py, reporters.py, report/build.py: column headers by name",
    "diff": "diff/render.py, cli/diff.py: f'diff.{kind}', f'diff.md.{part}'",
    "evaluasi": "report/evaluasi.py: _t(key), f'evaluasi.col.{key}' and friends",
    "flag": "naming.flag_title: f'flag.{code}'",
    "jenis": "naming: f'jenis.{code}'",
    "jenis-singkat": "naming: f'jenis-singkat.{code}'",
    "kategori": "naming.kategori_title: f'kategori.{kategori}'",
    "kategori-pihak": "naming: f'kategori-pihak.{code}'",
    "konsolidasi": "consolidate/render.py and excel.py: _t(key), f'col.{key}'",
    "langkah": "stalled.step_text: f'langkah.{kind}'",
    "lapdoc": "report/document.py: f'lapdoc.bab.{n}', f'lapdoc.tl.{code}'",
    "laporan": "report/build.py, excel.py, markdown.py: _t(key) is f'laporan.{key}'",
    "naskah": "naming: f'naskah.{jenis}'",
    "naskah-singkat": "naming: f'naskah-singkat.{jenis}'",
    "pemetaan": "mapping/markdown.py, consolidate/excel.py: f'pemetaan.col.{key}'",
    "peristiwa": "naming.peristiwa_title: f'peristiwa.{jenis}'",
    "prioritas": "naming: f'prioritas.{level}'",
    "rekomendasi": "naming: f'rekomendasi.{code}'",
    "rules.col": "cli/rules.py: f'rules.col.{name}'",
    "show": "cli/show.py: f'show.col.{name}', f'show.doc.{state}'",
    "sumber-dana": "naming.sumber_dana_title: f'sumber-dana.{code}'",
    "stalled": "stalled.py: f'stalled.{code}' and its variants",
    "status": "naming: f'status.{status}'",
    "tahap": "naming.tahap_title: f'tahap.{tahap}'",
    "type": "loading.py: f'type.{expected}'",
    "urusan": "rules/urusan_bukan_konkuren.py: f'urusan.{kelompok}' (reference/urusan_lain.csv)",
}


@cache
def _corpus() -> tuple[set[str], str]:
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted(SOURCE.rglob("*.py"))
        if p.relative_to(SOURCE).parts[0] != "messages"  # the catalog itself
    ]
    texts += [p.read_text(encoding="utf-8") for p in sorted(bundled_templates().rglob("*.j2"))]
    blob = "\n".join(texts)
    quoted = set(re.findall(r"""(?<=["'])([A-Za-z0-9_.\-]+)(?=["'])""", blob))
    tables = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((SOURCE / "reference").glob("*.csv"))
    )
    quoted |= set(re.findall(r"[A-Za-z0-9_\-]+", tables))
    return quoted, blob


def _used(key: str) -> bool:
    quoted, _ = _corpus()
    if key in quoted or key.split(".")[0] in {r.name for r in RULES}:
        return True
    for prefix in sorted(DYNAMIC, key=len, reverse=True):
        if key.startswith(prefix + "."):
            rest = key[len(prefix) + 1 :]
            last = rest.rsplit(".", 1)[-1]
            return rest in quoted or last in quoted or last.isdigit()
    return False


def test_every_catalog_key_is_used_somewhere() -> None:
    assert [key for key in CATALOG if not _used(key)] == []


def test_the_check_finds_a_dead_key() -> None:
    assert _used("stalled.title") and _used("tahap.identifikasi")
    assert not _used("draft.with-markers")  # deleted: naskah_siap.py replaced it
    assert not _used("tahap.tidak-ada-tahap-ini")
    assert not _used("laporan.table.rincian-all")


def test_every_dynamic_prefix_is_built_in_the_source() -> None:
    _, blob = _corpus()
    for prefix in DYNAMIC:
        assert f"{prefix}." in blob, prefix
