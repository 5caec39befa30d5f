"""A deterministic corpus of hostile record files (issue 16), for tests/test_hostile.py.

Every entry is a record file someone could put in a pull request: broken YAML, hostile YAML
(recursive aliases, deep nesting, huge numbers, bad escapes, tags), values at and past the
bounds of the record format, encodings and line endings, and entries that are not regular
files (symbolic links, FIFOs). Each says which rule codes it must raise (``codes``: every one
of them at least once for that file; empty: the file must pass clean). The same call always
gives the same corpus, byte for byte.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

AGREEMENTS = "data/agreements"
POTENTIALS = "data/potentials"

#: A valid agreement; ``{id}`` is filled in per entry so that ids match file names.
AGREEMENT = """\
id: {id}
judul: Pengelolaan Sampah Regional
jenis: ksdd_sukarela
urusan:
  - "2.11"
pihak:
  - peran: pihak_kesatu
    tipe: pemda
    kode_wilayah: "64.02"
  - peran: pihak_kedua
    tipe: pemda
    kode_wilayah: "64.72"
naskah:
  - jenis: kesepakatan_bersama
    nomor:
      pihak_kesatu: 180/015/HK/III/2021
      pihak_kedua: 100.3.7/12/2021
    tanggal_ttd: 2021-03-15
    berlaku_sampai: 2026-03-14
    penandatangan:
      - peran: pihak_kesatu
        nama: H. Ahmad Fauzi, S.H.
        jabatan: Bupati Kutai Kartanegara
      - peran: pihak_kedua
        nama: Dr. Budi Santoso, M.Si.
        jabatan: Wali Kota Samarinda
"""

POTENTIAL = """\
id: {id}
daerah: "64.02"
tahun: 2021
perangkat_daerah: Dinas Lingkungan Hidup
urusan: "2.11"
isu: Sampah Kutai Kartanegara dan Samarinda dibuang ke TPA yang sama
potensi: TPA regional bersama di Kecamatan Muara Badak
prioritas: sedang
"""


@dataclass(frozen=True)
class Hostile:
    """One corpus entry: where it goes, what it holds, and the codes it must raise."""

    name: str
    rel: str
    codes: frozenset[str]
    data: bytes = b""
    #: Instead of ``data``: make the entry (a symbolic link, a FIFO) at this path.
    make: Callable[[Path], None] | None = field(default=None, compare=False)
    #: Large enough to be left out of the default run.
    slow: bool = False

    @property
    def record_id(self) -> str:
        """The id the file name gives."""
        return Path(self.rel).stem

    def write(self, root: Path) -> None:
        """Put the entry into the repository at ``root``."""
        path = root / self.rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.make is not None:
            self.make(path)
        else:
            path.write_bytes(self.data)


def _agreement(seq: int) -> tuple[str, str]:
    record_id = f"KSD-6402-2024-{seq:03d}"
    return f"{AGREEMENTS}/{record_id}.yaml", AGREEMENT.replace("{id}", record_id)


def _deep_flow(levels: int) -> str:
    return "[" * levels + "]" * levels


def _deep_block(levels: int) -> str:
    return "\n" + "".join("  " * (i + 1) + "a:\n" for i in range(levels))


def _bomb() -> str:
    lines = ["bom0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        lines.append(f"bom{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def corpus(*, include_slow: bool = False) -> list[Hostile]:
    """Every hostile entry, in a fixed order (the 50 MB file only with ``include_slow``)."""
    entries: list[Hostile] = []
    seq = 0

    def agreement(
        name: str, codes: set[str], change: Callable[[str], str] = lambda t: t, **kw: object
    ) -> None:
        nonlocal seq
        seq += 1
        rel, text = _agreement(seq)
        entries.append(Hostile(name, rel, frozenset(codes), change(text).encode("utf-8"), **kw))  # type: ignore[arg-type]

    def raw(name: str, codes: set[str], data: Callable[[str], bytes]) -> None:
        nonlocal seq
        seq += 1
        rel, text = _agreement(seq)
        entries.append(Hostile(name, rel, frozenset(codes), data(text)))

    def special(name: str, make: Callable[[Path], None]) -> None:
        nonlocal seq
        seq += 1
        rel, _ = _agreement(seq)
        entries.append(Hostile(name, rel, frozenset({"Y011"}), make=make))

    def add(extra: str) -> Callable[[str], str]:
        return lambda text: text + extra

    def swap(old: str, new: str) -> Callable[[str], str]:
        return lambda text: text.replace(old, new, 1)

    # Already handled before issue 16: the classic broken files.
    agreement("clean", set())
    agreement("syntax error", {"Y001"}, add("catatan: [unclosed\n"))
    agreement("duplicate keys", {"Y002"}, add("judul: Lagi\n"))
    raw("invalid utf-8", {"Y003"}, lambda t: t.encode() + b"catatan: \xff\xfe\n")
    raw("utf-16", {"Y003"}, lambda t: t.encode("utf-16"))
    raw("bom", set(), lambda t: b"\xef\xbb\xbf" + t.encode())
    agreement("crlf", set(), lambda t: t.replace("\n", "\r\n"))
    agreement("cr only", set(), lambda t: t.replace("\n", "\r"))  # CR breaks lines in YAML
    agreement("tab indentation", {"Y004"}, swap("    tipe: pemda", "\ttipe: pemda"))
    raw("nul byte", {"Y001"}, lambda t: t.encode() + b"catatan: a\x00b\n")
    raw("empty", {"Y005"}, lambda t: b"")
    raw("only a comment", {"Y005"}, lambda t: b"# nothing here\n")
    raw("non-mapping", {"Y006"}, lambda t: b"- a\n- b\n")
    raw("scalar document", {"Y006"}, lambda t: b"just text\n")
    agreement("multi-document", {"Y007"}, add("---\nid: lagi\n"))
    raw("alias bomb", {"Y008"}, lambda t: _bomb().encode())
    agreement("huge string", set(), add("catatan: " + "sampah " * 300_000 + "\n"))
    agreement("wrong types", {"S003"}, swap("judul: Pengelolaan Sampah Regional", "judul: [a, b]"))
    agreement("unquoted code", {"S004"}, swap('kode_wilayah: "64.72"', "kode_wilayah: 64.72"))
    agreement("custom scalar tag", {"Y010"}, add('catatan: !!python/name:os.system ""\n'))
    # Issue 16 section 2: one bad file never takes the others down.
    agreement("recursive sequence alias", {"Y010"}, add("ruang_lingkup: &a [*a]\n"))
    agreement("recursive mapping alias", {"Y010"}, add("pembiayaan: &a {x: *a}\n"))
    agreement("recursive merge", {"Y010"}, add("pembiayaan: &a\n  <<: *a\n"))
    agreement("deep flow sequences", {"Y012"}, add(f"catatan: {_deep_flow(1000)}\n"))
    agreement(
        "deep flow mappings", {"Y012"}, add("catatan: " + "{a: " * 1000 + "1" + "}" * 1000 + "\n")
    )
    agreement("deep block mappings", {"Y012"}, add("catatan:" + _deep_block(1000)))
    agreement("deep block sequences", {"Y012"}, add("catatan:\n" + "- " * 1000 + "1\n"))
    agreement("long integer", {"Y010", "S003"}, add("pembiayaan:\n  nilai: " + "9" * 5000 + "\n"))
    agreement("long integer in a list", {"Y010"}, add("catatan_lain: [" + "1" * 4400 + "]\n"))
    agreement("escape beyond unicode", {"Y001"}, add('catatan: "\\UFFFFFFFF"\n'))
    agreement("escape just past unicode", {"Y001"}, add('catatan: "\\U00110000"\n'))
    agreement("lone surrogate", {"Y013"}, add('catatan: "\\ud800"\n'))
    agreement("surrogate in a key", {"Y013"}, add('"\\udfff": 1\n'))
    agreement(
        "escape sequence",
        {"Y013"},
        swap("judul: Pengelolaan Sampah Regional", 'judul: "\\e[2J\\e[HOK"'),
    )
    agreement("control characters", {"Y013"}, add('catatan: "a\\x01b\\0c\\x7fd\\x9f"\n'))
    agreement("noncharacter", {"Y013"}, add('catatan: "\\ufffe"\n'))
    agreement(
        "many unknown keys", {"S002", "Y014"}, add("".join(f"k{i}: {i}\n" for i in range(20_000)))
    )
    agreement(
        "many nodes, no alias",
        {"Y008"},
        add("catatan: [" + ", ".join(["1"] * 110_000) + "]\n"),
    )
    agreement("tag on a mapping", {"Y010"}, add("pembiayaan: !foo {nilai: 1}\n"))
    agreement("tag on a sequence", {"Y010"}, add("ruang_lingkup: !bar [a]\n"))
    agreement(
        "python object on a collection",
        {"Y010"},
        add("catatan: !!python/object/apply:os.system [echo pwned]\n"),
    )
    # Section 3: bounds at validate.
    agreement(
        "date far ahead", {"S011"}, swap("berlaku_sampai: 2026-03-14", "berlaku_sampai: 9999-12-31")
    )
    agreement(
        "date before 1945", {"S011"}, swap("tanggal_ttd: 2021-03-15", "tanggal_ttd: 0001-01-01")
    )
    agreement("amount 10^30", {"S011"}, add("pembiayaan:\n  nilai: " + "1" + "0" * 30 + "\n"))
    agreement("negative amount", {"S011"}, add("pembiayaan:\n  nilai: -5\n"))
    agreement("rkpd year 0", {"S011"}, add("integrasi_perencanaan:\n  rkpd_tahun: 0\n"))
    agreement("amount infinite", {"S003"}, add("pembiayaan:\n  nilai: .inf\n"))
    agreement("capaian nan", {"S011"}, add("monev:\n  - tanggal: 2024-12-20\n    capaian: .nan\n"))
    agreement("self cooperation", {"C013"}, swap('kode_wilayah: "64.72"', 'kode_wilayah: "64.02"'))
    # Section 4: strict where the format is strict.
    agreement("compact date", {"S006"}, swap("tanggal_ttd: 2021-03-15", 'tanggal_ttd: "20210315"'))
    agreement("week date", {"S006"}, swap("tanggal_ttd: 2021-03-15", 'tanggal_ttd: "2021-W11-1"'))
    agreement(
        "impossible date", {"S006"}, swap("tanggal_ttd: 2021-03-15", "tanggal_ttd: 2023-02-30")
    )
    agreement("explicit nulls", set(), add("catatan: null\npembiayaan: ~\n"))
    agreement("null end date", set(), swap("berlaku_sampai: 2026-03-14", "berlaku_sampai: null"))
    agreement("required key null", {"S003"}, swap("judul: Pengelolaan Sampah Regional", "judul:"))
    agreement(
        "id with arabic digits", {"S007", "S008"}, swap("id: KSD-6402-2024", "id: KSD-٦٤٠٢-2024")
    )
    # Section 1 (done before): entries that are not regular files.
    special("symlink to /etc/passwd", lambda p: p.symlink_to("/etc/passwd"))
    special("symlink to /proc/self/environ", lambda p: p.symlink_to("/proc/self/environ"))
    special("dangling symlink", lambda p: p.symlink_to("does-not-exist.yaml"))
    special("symlink loop", lambda p: p.symlink_to(p.name))
    special("fifo", lambda p: os.mkfifo(p))
    # Potentials: the bounds of a potential.
    for name, old, new, codes in (
        ("potential year 0", "tahun: 2021", "tahun: 0", {"S011"}),
        ("potential year -5", "tahun: 2021", "tahun: -5", {"S011"}),
        ("potential year 10000", "tahun: 2021", "tahun: 10000", {"S011"}),
        ("potential clean", "tahun: 2021", "tahun: 2021", set()),
    ):
        seq += 1
        record_id = f"POT-6402-2024-{seq:03d}"
        text = POTENTIAL.replace("{id}", record_id).replace(old, new)
        entries.append(
            Hostile(name, f"{POTENTIALS}/{record_id}.yaml", frozenset(codes), text.encode())
        )
    # Valid layouts fmt once refused as "a bug in ksd" (comments where ruamel drops them).
    agreement(
        "flow parties with comments",
        set(),
        swap(
            'pihak:\n  - peran: pihak_kesatu\n    tipe: pemda\n    kode_wilayah: "64.02"\n'
            '  - peran: pihak_kedua\n    tipe: pemda\n    kode_wilayah: "64.72"\n',
            "pihak: [{peran: pihak_kesatu,  # kesatu\n    tipe: pemda, kode_wilayah: '64.02'},\n"
            "  {peran: pihak_kedua, tipe: pemda, kode_wilayah: '64.72'}]  # kedua\n",
        ),
    )
    agreement(
        "folded text, blank line, shallower comment",
        set(),
        add("catatan: >-\n    teks satu\n\n  # komentar\nobjek: x\n"),
    )
    agreement("folded list item with a comment", set(), add("ruang_lingkup:\n  - >-  # k\n    a\n"))
    # Record text that would be markup in a naskah, a job summary or a table.
    agreement(
        "markdown in record text",
        set(),
        add(
            'objek: "<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://x) @m `k`"\n'
            'ruang_lingkup:\n  - "## Pasal palsu"\n  - "| a | b |"\n'
        ),
    )
    if include_slow:
        agreement(
            "50 MB file",
            {"Y009"},
            add("catatan: |\n" + ("  " + "x" * 98 + "\n") * 500_000),
            slow=True,
        )
    return entries
