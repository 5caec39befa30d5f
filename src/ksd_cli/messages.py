"""The message catalog: every sentence ksd says about records, in Indonesian and English.

Messages are keyed by rule name (or ``name.variant``) and formatted with ``str.format``.
Indonesian is the default; ``--lang en`` or ``KSD_LANG=en`` selects English.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

CATALOG: dict[str, tuple[str, str]] = {
    # The repository
    "config.path-outside": (
        '{file}: [paths] {key} = "{value}" menunjuk ke luar repositori; ksd hanya membaca '
        "dan menulis di dalam repositori",
        '{file}: [paths] {key} = "{value}" leads outside the repository; ksd reads and '
        "writes only inside it",
    ),
    "config.path-outside.hint": (
        "tulis jalur relatif terhadap akar repositori, tanpa `..` dan tanpa tautan simbolik "
        "ke luar",
        "write a path relative to the repository root, without `..` or links leading outside",
    ),
    "template.symlink": (
        "templat {path} adalah tautan simbolik; ksd tidak mengikuti tautan di folder templat",
        "template {path} is a symbolic link; ksd does not follow links in the templates folder",
    ),
    "template.symlink.hint": (
        "simpan templat sebagai berkas biasa di dalam folder templates/",
        "keep templates as regular files inside the templates/ folder",
    ),
    "template.not-a-file": (
        "templat {path} bukan berkas biasa",
        "template {path} is not a regular file",
    ),
    "id.invalid": (
        "`{value}` bukan id rekaman; id berbentuk KSD-<kode>-<tahun>-<urut> atau "
        "POT-<kode>-<tahun>-<urut>, misalnya KSD-6402-2024-007",
        "`{value}` is not a record id; ids look like KSD-<code>-<year>-<seq> or "
        "POT-<code>-<year>-<seq>, e.g. KSD-6402-2024-007",
    ),
    "record.not-found": (
        "{id}: rekaman kerja sama tidak ditemukan di {folder}/",
        "{id}: agreement not found in {folder}/",
    ),
    "record.not-found.hint": (
        "lihat `ksd stalled` atau isi folder itu",
        "see `ksd stalled` or the folder",
    ),
    "record.did-you-mean": ("maksudnya {id}?", "did you mean {id}?"),
    # The error boundary
    "boundary.hint-label": ("petunjuk", "hint"),
    "boundary.interrupted": ("dihentikan", "interrupted"),
    # Reading files
    "yaml-syntax": ("Sintaks YAML tidak valid: {problem}", "invalid YAML syntax: {problem}"),
    "duplicate-key": (
        "kunci `{key}` ditulis dua kali dalam satu blok; hanya yang pertama dipakai",
        "key `{key}` appears twice in one mapping; only the first is used",
    ),
    "invalid-encoding": (
        "berkas bukan teks UTF-8 yang sah (byte {byte} tidak dikenal); simpan ulang sebagai UTF-8",
        "file is not valid UTF-8 (unexpected byte {byte}); save it again as UTF-8",
    ),
    "tab": (
        "karakter tab tidak diterima di sini; YAML memakai spasi untuk indentasi dan "
        "pemisah (tab hanya boleh di dalam teks bertanda kutip)",
        "a tab is not accepted here; YAML uses spaces for indentation and separation "
        "(tabs only inside quoted text)",
    ),
    "unreadable-file": (
        "berkas tidak dapat dibaca: {reason}",
        "the file cannot be read: {reason}",
    ),
    "unreadable-file.symlink": (
        "tautan simbolik; ksd tidak mengikuti tautan (ganti dengan berkas biasa)",
        "a symbolic link; ksd does not follow links (replace it with a regular file)",
    ),
    "unreadable-file.special": (
        "bukan berkas biasa (FIFO, perangkat, atau soket)",
        "not a regular file (a FIFO, a device or a socket)",
    ),
    "unreadable-file.os": ("{error}", "{error}"),
    "empty-file": ("berkas kosong: tidak ada data rekaman", "empty file: no record data"),
    "not-a-mapping": (
        "isi berkas harus berupa pasangan kunci: nilai (mapping), bukan {found}",
        "the file must hold key: value pairs (a mapping), not {found}",
    ),
    "not-a-mapping.found": ("daftar atau nilai tunggal", "a list or a single value"),
    "multiple-documents": (
        "berkas memuat lebih dari satu dokumen YAML (`---`); satu berkas untuk satu rekaman",
        "the file holds more than one YAML document (`---`); one record per file",
    ),
    "alias-bomb": (
        "anchor/alias YAML mengembang menjadi lebih dari {limit} node; berkas tidak dibaca",
        "YAML anchors/aliases expand to more than {limit} nodes; the file is not read",
    ),
    "file-too-large": (
        "berkas berukuran {size_kb} KB, melebihi batas {limit_kb} KB ([validate] max_file_kb)",
        "file is {size_kb} KB, over the limit of {limit_kb} KB ([validate] max_file_kb)",
    ),
    "unsupported-yaml": (
        "bentuk YAML ini tidak didukung dalam rekaman: {what}",
        "this YAML construct is not supported in records: {what}",
    ),
    "unsupported-yaml.tag": ("tag `{tag}`", "tag `{tag}`"),
    "unsupported-yaml.complex-key": ("kunci yang bukan teks", "a key that is not plain text"),
    "unsupported-yaml.bad-merge": (
        "`<<` harus menunjuk mapping atau daftar mapping",
        "`<<` must point at a mapping or a list of mappings",
    ),
    # Schema
    "missing-key": ("kunci wajib `{key}` tidak ada", "required key `{key}` is missing"),
    "missing-key.kode_wilayah": (
        "pihak bertipe pemda wajib memiliki `kode_wilayah`",
        "a party of type pemda needs `kode_wilayah`",
    ),
    "missing-key.nama": (
        "pihak bertipe {tipe} wajib memiliki `nama`",
        "a party of type {tipe} needs `nama`",
    ),
    "unknown-key": ("kunci `{key}` tidak dikenal{suggestion}", "unknown key `{key}`{suggestion}"),
    "unknown-key.suggestion": ("; maksudnya `{key}`?", "; did you mean `{key}`?"),
    "unknown-key.allowed": ("; kunci yang boleh: {keys}", "; allowed keys: {keys}"),
    "wrong-type": (
        "`{field}` harus berupa {expected}, bukan {found}",
        "`{field}` must be {expected}, not {found}",
    ),
    "wrong-type.empty": ("`{field}` tidak boleh kosong", "`{field}` must not be empty"),
    "wrong-type.quote-hint": (
        'tulis dengan tanda kutip: {field}: "{raw}"',
        'quote it: {field}: "{raw}"',
    ),
    "wrong-type.bool-hint": ("gunakan true atau false", "use true or false"),
    "unquoted-code": (
        "kode `{raw}` ditulis tanpa tanda kutip sehingga dibaca sebagai angka {value}",
        "code `{raw}` is not quoted, so YAML reads it as the number {value}",
    ),
    "unquoted-code.hint": ('tulis: "{raw}"', 'write: "{raw}"'),
    "invalid-enum": (
        "nilai `{value}` tidak dikenal untuk `{field}`; pilihan: {expected}",
        "`{value}` is not a valid `{field}`; choose one of: {expected}",
    ),
    "invalid-date": (
        "`{value}` bukan tanggal yang sah; tulis tanggal ISO YYYY-MM-DD yang ada di kalender",
        "`{value}` is not a valid date; write a real ISO date YYYY-MM-DD",
    ),
    "invalid-date.time": (
        "`{field}` harus tanggal saja (YYYY-MM-DD), tanpa jam",
        "`{field}` must be a date (YYYY-MM-DD) without a time",
    ),
    "invalid-id": (
        "id `{value}` tidak sesuai pola {pattern}",
        "id `{value}` does not follow the pattern {pattern}",
    ),
    "id-mismatch": (
        "id `{value}` berbeda dengan nama berkas `{stem}`; nama berkas harus {value}.yaml",
        "id `{value}` differs from the file name `{stem}`; name the file {value}.yaml",
    ),
    "duplicate-id": (
        "id `{value}` juga dipakai di {other}",
        "id `{value}` is also used in {other}",
    ),
    "duplicate-peran": (
        "peran `{peran}` sudah dipakai pihak lain dalam rekaman ini",
        "role `{peran}` is already used by another party of this record",
    ),
    "out-of-range": ("`{field}` {condition}, bukan {value}", "`{field}` {condition}, not {value}"),
    "out-of-range.ge": ("harus paling kecil {limit}", "must be at least {limit}"),
    "out-of-range.le": ("harus paling besar {limit}", "must be at most {limit}"),
    "out-of-range.too_short": (
        "berisi paling sedikit {limit} butir",
        "must hold at least {limit} items",
    ),
    # References
    "unknown-kode-wilayah": (
        "kode wilayah `{value}` tidak ada dalam daftar Kepmendagri 300.2.2-2138 Tahun 2025",
        "region code `{value}` is not in the Kepmendagri 300.2.2-2138/2025 list",
    ),
    "old-kode-wilayah": (
        "kode wilayah `{value}` ({nama}) sudah diganti sejak pemekaran Papua 2022; "
        'gunakan "{baru}"',
        'region code `{value}` ({nama}) was replaced by the 2022 Papua split; use "{baru}"',
    ),
    "unknown-urusan": (
        "kode urusan `{value}` bukan salah satu dari 32 urusan pemerintahan konkuren",
        "urusan code `{value}` is not one of the 32 concurrent government affairs",
    ),
    "unknown-potensi": (
        "potensi `{value}` tidak ditemukan di {folder}",
        "potential `{value}` is not found in {folder}",
    ),
    "unknown-peran": (
        "peran `{value}` bukan pihak dalam rekaman ini (pihak: {known})",
        "role `{value}` names no party of this record (parties: {known})",
    ),
    "invalid-induk": (
        "induk {value} tidak menunjuk naskah sebelumnya (naskah ini nomor {position} dari {count})",
        "induk {value} does not point at an earlier document (this is document {position} "
        "of {count})",
    ),
    # Consistency
    "ksdd-non-pemda": (
        "kerja sama {jenis} hanya antarpemerintah daerah, tetapi `{peran}` bertipe {tipe}",
        "{jenis} is between regional governments only, but `{peran}` is of type {tipe}",
    ),
    "ksdd-wajib-pemda": (
        "ksdd_wajib memerlukan paling sedikit dua pihak pemda yang berbatasan; ada {count}",
        "ksdd_wajib needs at least two bordering pemda parties; found {count}",
    ),
    "ksdpk-tanpa-pihak-ketiga": (
        "ksdpk memerlukan pihak bertipe pihak_ketiga (badan usaha, perguruan tinggi, "
        "organisasi, perorangan)",
        "ksdpk needs a party of type pihak_ketiga (company, university, organisation, person)",
    ),
    "sinergi-tanpa-kl": (
        "sinergi memerlukan pihak bertipe kementerian_lembaga",
        "sinergi needs a party of type kementerian_lembaga",
    ),
    "luar-negeri-tanpa-mitra": (
        "{jenis} memerlukan pihak bertipe {tipe}",
        "{jenis} needs a party of type {tipe}",
    ),
    "berlaku-terbalik": (
        "berlaku_sampai {sampai} lebih awal dari berlaku_mulai {mulai}",
        "berlaku_sampai {sampai} is before berlaku_mulai {mulai}",
    ),
    "pks-sebelum-kb": (
        "PKS ditandatangani {pks} sebelum naskah induknya ({induk}, naskah {position}) "
        "ditandatangani {kb}",
        "the PKS is signed on {pks}, before the document it follows ({induk}, document "
        "{position}) was signed on {kb}",
    ),
    "tanggal-mendatang": (
        "tanggal {value} melewati tanggal pemeriksaan {as_of}; tanggal yang belum terjadi "
        "tidak boleh dicatat",
        "date {value} is after the as-of date {as_of}; events cannot be recorded ahead",
    ),
    "tahapan-mundur": (
        "tahap `{tahap}` bertanggal {tanggal}, lebih awal dari tahap sebelumnya `{prev}` "
        "({prev_tanggal})",
        "stage `{tahap}` is dated {tanggal}, before the earlier stage `{prev}` ({prev_tanggal})",
    ),
    "penandatangan-tanpa-surat-kuasa": (
        "{nama} ({jabatan}) menandatangani untuk {pihak} tanpa surat_kuasa dari kepala daerah",
        "{nama} ({jabatan}) signs for {pihak} without a surat_kuasa from the head of region",
    ),
    "pks-tanpa-persetujuan-dprd": (
        "PKS ditandatangani {tanggal} padahal pembiayaan {sebab}, tanpa persetujuan DPRD "
        "yang diputus sebelumnya",
        "the PKS is signed on {tanggal} while the financing {sebab}, without a DPRD "
        "approval decided before it",
    ),
    "pks-tanpa-persetujuan-dprd.membebani_masyarakat": (
        "membebani masyarakat",
        "burdens the public",
    ),
    "pks-tanpa-persetujuan-dprd.membebani_daerah": ("membebani daerah", "burdens the region"),
    "pks-tanpa-persetujuan-dprd.teranggarkan_apbd": (
        "belum dianggarkan dalam APBD",
        "is not budgeted in the APBD",
    ),
    "status-tanpa-berakhir": (
        "status `{status}` dicatat tanpa peristiwa tahap `berakhir` yang memberi tanggalnya",
        "status `{status}` is set without a `berakhir` event giving its date",
    ),
    # Stalled flags
    "stalled.kb_tanpa_pks": (
        "{naskah_label} ditandatangani {ttd}; belum ada PKS setelah {days} hari "
        "(batas {threshold} hari)",
        "{naskah_label} signed {ttd}; no PKS after {days} days (limit {threshold} days)",
    ),
    "stalled.kb_kedaluwarsa_tanpa_pks": (
        "{naskah_label} ditandatangani {ttd} telah berakhir {sampai} tanpa pernah "
        "ditindaklanjuti PKS",
        "{naskah_label} signed {ttd} ended {sampai} without ever being followed by a PKS",
    ),
    "stalled.pks_tanpa_pelaksanaan": (
        "{naskah_label} ditandatangani {ttd}; belum ada pelaksanaan maupun monev setelah "
        "{days} hari (batas {threshold} hari)",
        "{naskah_label} signed {ttd}; no implementation and no monev after {days} days "
        "(limit {threshold} days)",
    ),
    "stalled.tanpa_monev": (
        "{dasar}; belum ada monev lagi setelah {days} hari (batas {threshold} hari)",
        "{dasar}; no monev since, {days} days (limit {threshold} days)",
    ),
    "stalled.tanpa_monev.monev": ("Monev terakhir {tanggal}", "Last monev {tanggal}"),
    "stalled.tanpa_monev.pelaksanaan": (
        "Pelaksanaan dimulai {tanggal} dan belum pernah dimonev",
        "Implementation began {tanggal} and was never evaluated",
    ),
    "stalled.kedaluwarsa": (
        "Semua naskah telah berakhir (terakhir {sampai}); kerja sama belum diperpanjang "
        "dan belum dinyatakan berakhir ({days} hari)",
        "Every document has ended (the last on {sampai}); the cooperation was neither "
        "renewed nor declared ended ({days} days)",
    ),
    "stalled.akan_berakhir": (
        "{naskah_label} berakhir {sampai}, {days} hari lagi (pengingat {threshold} hari); "
        "belum ada adendum atau naskah lanjutan",
        "{naskah_label} ends {sampai}, in {days} days (reminder at {threshold} days); no "
        "adendum or follow-up document yet",
    ),
    "stalled.dprd_tertunda": (
        "Persetujuan DPRD dimohonkan {diminta}; belum ada keputusan setelah {days} hari "
        "(batas {threshold} hari)",
        "DPRD approval requested {diminta}; no decision after {days} days (limit {threshold} days)",
    ),
    "stalled.potensi_tanpa_tindak_lanjut": (
        "Potensi prioritas tinggi hasil pemetaan {tahun} belum ditindaklanjuti kerja sama "
        "apa pun; {days} hari sejak 31 Desember {tahun} (batas {threshold} hari)",
        "High-priority potential mapped in {tahun} has not led to any cooperation; {days} "
        "days since 31 December {tahun} (limit {threshold} days)",
    ),
    # Type names used in wrong-type messages
    "type.str": ("teks", "text"),
    "type.int": ("bilangan bulat", "a whole number"),
    "type.float": ("angka", "a number"),
    "type.bool": ("true atau false", "true or false"),
    "type.date": ("tanggal YYYY-MM-DD", "a date YYYY-MM-DD"),
    "type.list": ("daftar (- butir)", "a list (- items)"),
    "type.dict": ("pasangan kunci: nilai", "key: value pairs"),
    "type.none": ("kosong", "empty"),
    # Output files (``--output``, ``--format``, ``--force``)
    "output.exists": ("{path}: berkas sudah ada", "{path}: the file exists"),
    "output.exists.hint": (
        "tambahkan --force untuk menggantinya, atau pilih nama lain dengan --output",
        "pass --force to replace it, or choose another name with --output",
    ),
    "output.is-directory": (
        "{path} adalah folder; --output memerlukan nama berkas",
        "{path} is a folder; --output needs a file name",
    ),
    "output.no-folder": (
        "folder {folder} untuk {path} tidak ada; ksd tidak membuat folder sendiri",
        "the folder {folder} of {path} does not exist; ksd does not create folders",
    ),
    "output.no-folder.hint": (
        "buat foldernya dulu, atau pilih berkas di folder yang ada",
        "create the folder first, or write into a folder that exists",
    ),
    "output.name-too-long": (
        "nama berkas {name} lebih dari {limit} byte",
        "the file name {name} is longer than {limit} bytes",
    ),
    "output.cannot-write": (
        "{path}: berkas tidak dapat ditulis: {reason}",
        "{path}: the file cannot be written: {reason}",
    ),
    "output.not-a-file": (
        "{path} bukan berkas biasa; ksd hanya menulis berkas biasa",
        "{path} is not a regular file; ksd writes regular files only",
    ),
    # Summary line and other text output
    "summary": (
        "{files} berkas, {records} rekaman: {errors} galat, {warnings} peringatan",
        "files: {files}, records: {records}; errors: {errors}, warnings: {warnings}",
    ),
    "severity.error": ("galat", "error"),
    "severity.warning": ("peringatan", "warning"),
}


class Term(str):
    """A message argument that is itself a catalog key, worded in the message's language.

    Lets a rule say *which* phrase applies (``Term("pks-tanpa-persetujuan-dprd.membebani_daerah")``)
    without holding the phrase itself.
    """

    __slots__ = ()


@dataclass(frozen=True, init=False)
class Msg:
    """A catalog message not yet worded: its key and arguments, worded later in any language.

    Core code raises and returns ``Msg`` values; whoever knows the user's language (the CLI,
    a renderer) words them with :func:`render`. Arguments that are themselves ``Msg`` or
    :class:`Term` values are worded in the same language.
    """

    key: str
    args: dict[str, object] = field(default_factory=dict)

    def __init__(self, key: str, /, **args: object) -> None:
        if key not in CATALOG:
            raise KeyError(f"no message {key!r} in the catalog")
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "args", args)


def render(words: Msg | str, lang: Lang) -> str:
    """``words`` in ``lang``: a ``Msg`` worded from the catalog, a string as it is."""
    if isinstance(words, str):
        return words
    return message(words.key, lang, **words.args)


def resolve_lang(explicit: str | None = None) -> Lang:
    """The language to speak: ``explicit``, else ``KSD_LANG``, else Indonesian."""
    value = (explicit or os.environ.get("KSD_LANG") or "id").strip().lower()[:2]
    return "en" if value == "en" else "id"


def message(key: str, lang: Lang, /, **args: object) -> str:
    """The catalog entry ``key`` in ``lang``, formatted with ``args``."""
    text = CATALOG[key][LANGS.index(lang)]
    if not args:
        return text
    worded = {
        k: message(v, lang) if isinstance(v, Term) else render(v, lang) if isinstance(v, Msg) else v
        for k, v in args.items()
    }
    return text.format(**worded)
