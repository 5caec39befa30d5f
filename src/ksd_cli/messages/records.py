"""Messages about records: reading, schema, references, consistency, stalled flags."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
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
    # Templates are bounded (issue 16 section 5)
    "template.limit": (
        "{where}: templat melampaui batas: {what}",
        "{where}: the template goes past a limit: {what}",
    ),
    "template.limit.hint": (
        "ksd membatasi templat agar satu templat tidak dapat menghabiskan waktu atau memori "
        "CI; sederhanakan templat itu",
        "ksd bounds templates so that one cannot exhaust the time or memory of CI; simplify "
        "the template",
    ),
    "template.where": ("{template}, baris {line}", "{template}, line {line}"),
    "template.where.unknown": ("templat", "template"),
    "template.limit.iterations": (
        "lebih dari {limit} putaran perulangan dalam satu render",
        "more than {limit} loop iterations in one render",
    ),
    "template.limit.output": (
        "keluaran lebih dari {limit} karakter",
        "output longer than {limit} characters",
    ),
    "template.limit.string": (
        "teks yang dibuat lebih dari {limit} karakter",
        "a text longer than {limit} characters",
    ),
    "template.limit.depth": (
        "panggilan makro bersarang lebih dari {limit} tingkat",
        "macro calls nested more than {limit} deep",
    ),
    "template.limit.recursion": (
        "rekursi terlalu dalam (templat yang meng-include, meng-extends atau memanggil "
        "dirinya sendiri)",
        "recursion too deep (a template that includes, extends or calls itself)",
    ),
    "template.limit.time": (
        "merender lebih lama dari {limit} detik",
        "rendering took longer than {limit} seconds",
    ),
    # ksd fmt (issue 16 section 6)
    "fmt.formatted": ("diformat", "formatted"),
    "fmt.would": ("perlu diformat", "would be formatted"),
    "fmt.failed": ("tidak dapat diformat", "cannot be formatted"),
    "fmt.summary.write": (
        "{changed} berkas diformat, {same} sudah rapi, {failed} gagal",
        "{changed} files formatted, {same} unchanged, {failed} failed",
    ),
    "fmt.summary.check": (
        "{changed} berkas perlu diformat, {same} sudah rapi, {failed} gagal",
        "{changed} files would be formatted, {same} unchanged, {failed} failed",
    ),
    "fmt.hint": ("jalankan `ksd fmt` untuk merapikannya", "run `ksd fmt` to format them"),
    "fmt.does-not-load": (
        "berkas tidak dapat dibaca: {problem}",
        "the file does not load: {problem}",
    ),
    "fmt.bug.load": (
        "hasil format tidak dapat dibaca ({parser}); berkas tidak diubah (kesalahan di ksd)",
        "the formatted text does not load ({parser}); file left untouched (a bug in ksd)",
    ),
    "fmt.bug.data": (
        "hasil format mengubah data di {where}; berkas tidak diubah (kesalahan di ksd)",
        "formatting would change the data at {where}; file left untouched (a bug in ksd)",
    ),
    "fmt.bug.comment": (
        "hasil format kehilangan komentar {comment}; berkas tidak diubah (kesalahan di ksd)",
        "formatting would lose the comment {comment}; file left untouched (a bug in ksd)",
    ),
    "fmt.bug.unstable": (
        "hasil format tidak stabil; berkas tidak diubah (kesalahan di ksd)",
        "formatting is not stable on this file; file left untouched (a bug in ksd)",
    ),
    "fmt.bug.value": (
        "perubahan nilai tidak sah di {loc}; berkas tidak diubah (kesalahan di ksd)",
        "unsafe value change at {loc}; file left untouched (a bug in ksd)",
    ),
    "fmt.changed": (
        "berkas berubah saat diformat; berkas tidak diubah",
        "the file changed while being formatted; file left untouched",
    ),
    "fmt.changed.hint": ("jalankan `ksd fmt` lagi", "run `ksd fmt` again"),
    "fmt.read-only": (
        "berkas hanya-baca (mode {mode}); ksd fmt tidak menulisnya",
        "the file is read-only (mode {mode}); ksd fmt does not write it",
    ),
    "fmt.read-only.hint": (
        "beri izin tulis (chmod u+w) bila berkas ini memang boleh diformat",
        "make it writable (chmod u+w) if this file may be formatted",
    ),
    "fmt.alias-order": (
        "kunci tidak dapat diurutkan: sebuah alias YAML (`*nama`) akan berada sebelum "
        "jangkarnya (`&nama`); berkas tidak diubah",
        "the keys cannot be put in order: a YAML alias (`*name`) would come before its anchor "
        "(`&name`); file left untouched",
    ),
    "fmt.alias-order.hint": (
        "tulis nilainya di tempat alias itu, atau pindahkan jangkarnya ke kunci yang lebih awal "
        "dalam urutan format rekaman",
        "write the value in place of the alias, or put the anchor on a key that comes earlier "
        "in the record format's order",
    ),
    "fmt.cannot-write": (
        "berkas tidak dapat ditulis: {error}; berkas tidak diubah",
        "the file cannot be written: {error}; file left untouched",
    ),
    "fmt.not-regular": (
        "bukan lagi berkas biasa; ksd fmt tidak menulisnya",
        "no longer a regular file; ksd fmt does not write it",
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
    # Records with errors, and what is read despite them (house-correct)
    "show.has-errors": (
        "Rekaman ini memiliki {count} galat; rekaman tidak dinilai dan tidak memunculkan "
        "temuan sampai galatnya diperbaiki (lihat `ksd validate`):",
        "This record has {count} error(s); it is not assessed and raises no flag until they "
        "are fixed (see `ksd validate`):",
    ),
    "stalled.fail-on": (
        "keluar dengan kode 1 karena temuan --fail-on: {flags}",
        "exit code 1 because of --fail-on flags: {flags}",
    ),
    "draft.record-has-errors": (
        "{path}: rekaman memiliki {count} galat; naskah tidak ditulis dari rekaman yang "
        "tidak valid:\n{findings}",
        "{path}: the record has {count} error(s); no naskah is drafted from an invalid "
        "record:\n{findings}",
    ),
    "draft.record-has-errors.hint": (
        "perbaiki galatnya (lihat `ksd validate {path}`), atau berikan --draft untuk tetap "
        "menulis rancangan",
        "fix the errors (see `ksd validate {path}`), or pass --draft to write a draft anyway",
    ),
    "draft.record-invalid.hint": (
        "perbaiki galatnya dulu (lihat `ksd validate {path}`)",
        "fix the errors first (see `ksd validate {path}`)",
    ),
    "init.written": ("dibuat: {path}", "written: {path}"),
    "init.skipped": ("sudah ada, dibiarkan: {path}", "exists, left as it is: {path}"),
    "init.next-steps": (
        "Langkah berikutnya:\n  cd {directory}\n"
        "  git init -b main && git add . && git commit -m 'Repositori data kerja sama'\n"
        "  ksd new agreement --jenis ksdd_sukarela --judul 'Judul kerja sama'",
        "Next steps:\n  cd {directory}\n"
        "  git init -b main && git add . && git commit -m 'Repositori data kerja sama'\n"
        "  ksd new agreement --jenis ksdd_sukarela --judul 'Judul kerja sama'",
    ),
    "init.files-exist": (
        "{target}: berkas sudah ada, tidak ada yang ditulis: {files}",
        "{target}: files exist, nothing written: {files}",
    ),
    "init.files-exist.hint": (
        "jalankan ksd init di folder kosong, atau --skip-existing untuk menulis hanya berkas "
        "yang belum ada",
        "run ksd init in an empty folder, or pass --skip-existing to write only the missing files",
    ),
    "init.source-unreadable": (
        "--ksd-source {source}: repositori git ksd tidak dapat dibaca ({error})",
        "--ksd-source {source}: the ksd git repository cannot be read ({error})",
    ),
    "new.mitra-not-a-code": (
        "--mitra {mitra}: kerja sama {jenis} bermitra dengan pemerintah daerah, yang disebut "
        "dengan kode wilayahnya (mis. 64.72)",
        "--mitra {mitra}: a {jenis} cooperation is with a regional government, named by its "
        "region code (e.g. 64.72)",
    ),
    "new.mitra-name.hint": (
        "bermitra dengan badan usaha, perguruan tinggi atau lembaga lain? berikan --jenis ksdpk "
        "(pihak ketiga) bersama --mitra dengan namanya",
        "a company, university or other body? pass --jenis ksdpk (third party) with --mitra "
        "naming it",
    ),
    "new.prompt.jenis": ("Jenis kerja sama ({choices})", "Kind of cooperation ({choices})"),
    "new.prompt.jenis-again": ("pilih salah satu: {choices}", "choose one of: {choices}"),
    "new.prompt.judul": ("Judul kerja sama", "Title of the cooperation"),
    "new.prompt.potensi": ("Potensi", "Potential"),
    "new.prompt.mitra-kode": (
        "Mitra: kode wilayah pemerintah daerah (mis. 64.72; kosongkan bila belum ada)",
        "Partner: region code of the regional government (e.g. 64.72; empty if none yet)",
    ),
    "new.prompt.mitra-nama": (
        "Mitra: nama (kosongkan bila belum ada)",
        "Partner: name (empty if none yet)",
    ),
    "new.fill-in": (
        "isi: {placeholders}\nlalu: ksd fmt && ksd validate",
        "fill in: {placeholders}\nthen: ksd fmt && ksd validate",
    ),
    "config.not-utf8": ("{file}: bukan teks UTF-8", "{file}: not UTF-8 text"),
    "config.invalid": ("{file}: konfigurasi tidak valid", "{file}: invalid configuration"),
    "config.syntax": ("sintaks TOML tidak valid: {problem}", "invalid TOML syntax: {problem}"),
    "config.unknown-key": (
        "kunci `{key}` tidak dikenal; kunci yang dikenal di sini: {keys}",
        "unknown key `{key}`; the keys known here: {keys}",
    ),
    "config.unknown-key.did-you-mean": (
        "kunci `{key}` tidak dikenal; maksudnya `{suggestion}`?",
        "unknown key `{key}`; did you mean `{suggestion}`?",
    ),
    "config.unquoted": (
        "kode `{raw}` tidak bertanda kutip, sehingga TOML membacanya sebagai angka; "
        'tulis: {key} = "{quoted}"',
        'code `{raw}` is not quoted, so TOML reads it as a number; write: {key} = "{quoted}"',
    ),
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
    "record-in-subfolder": (
        "berkas ini ada di subfolder `{folder}` dan tidak dibaca sebagai rekaman; rekaman "
        "disimpan satu berkas langsung di folder rekamannya",
        "this file is in the sub-folder `{folder}` and is not read as a record; records are "
        "kept one file each directly in their record folder",
    ),
    "record-in-subfolder.hint": (
        "pindahkan ke folder rekaman itu sendiri (kerja sama yang sudah berakhir tetap di sana "
        "dengan statusnya), atau keluarkan dari folder data",
        "move it into the record folder itself (an agreement that ended stays there, with its "
        "status), or out of the data folders",
    ),
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
        "{naskah} ditandatangani {tanggal} padahal {sebab}, tanpa persetujuan DPRD yang "
        "diputus sebelumnya",
        "the {naskah} is signed on {tanggal} while {sebab}, without a DPRD approval decided "
        "before it",
    ),
    "pks-tanpa-persetujuan-dprd.membebani": (
        "rencana kerja sama membebani masyarakat dan daerah",
        "the cooperation burdens the public and the region",
    ),
    "pks-tanpa-persetujuan-dprd.belum_teranggarkan": (
        "pendanaannya belum teranggarkan dalam APBD tahun berjalan",
        "its funding is not budgeted in the current APBD",
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
    # ksd import / ksd export (registers): ksd_cli.register
    "register.not-found": ("{file}: berkas tidak ditemukan", "{file}: file not found"),
    "register.unknown-format": (
        "{file}: jenis berkas tidak dikenal; ksd membaca .xlsx, .ods, .xls, dan .csv",
        "{file}: unknown file type; ksd reads .xlsx, .ods, .xls and .csv",
    ),
    "register.unreadable": (
        "{file}: berkas tidak dapat dibaca: {reason}",
        "{file}: the file cannot be read: {reason}",
    ),
    "register.no-sheet": (
        '{file}: tidak ada lembar "{sheet}"; lembar yang ada: {sheets}',
        '{file}: no sheet "{sheet}"; its sheets: {sheets}',
    ),
    "register.no-header": (
        "{file}: baris judul kolom tidak ditemukan di {rows} baris pertama",
        "{file}: no header row found in the first {rows} rows",
    ),
    "register.no-header.hint": (
        'judul kolom seperti "Judul", "Mitra Kerja Sama", "Tanggal Penandatanganan" '
        "dikenali; pakai --map KOLOM=FIELD untuk judul kolom lain",
        'headings such as "Judul", "Mitra Kerja Sama", "Tanggal Penandatanganan" are '
        "recognised; use --map COLUMN=FIELD for others",
    ),
    "register.bad-map": (
        "--map {value}: tulis KOLOM=FIELD (KOLOM judul kolom atau huruf kolom, FIELD salah "
        "satu dari: {fields}; - untuk mengabaikan kolom)",
        "--map {value}: write COLUMN=FIELD (COLUMN a heading or a column letter, FIELD one "
        "of: {fields}; - to ignore the column)",
    ),
    "register.bad-map.unknown": (
        '--map: "{value}" bukan judul kolom, huruf kolom, maupun field yang dikenal',
        '--map: "{value}" is no heading, column letter or field known',
    ),
    "register.bad-mapping-file": (
        "{file}: berkas pemetaan tidak sah: {reason}",
        "{file}: invalid mapping file: {reason}",
    ),
    "register.mapping": ("Pemetaan kolom ({where}):", "Column mapping ({where}):"),
    "register.mapping.column": (
        '  {cell} "{heading}" -> {field}',
        '  {cell} "{heading}" -> {field}',
    ),
    "register.mapping.ignored": (
        '  {cell} "{heading}" diabaikan',
        '  {cell} "{heading}" ignored',
    ),
    "register.mapping.derived": ("(turunan, tidak diimpor)", "(derived, not imported)"),
    "register.bad-date": (
        'tanggal "{value}" bukan tanggal yang sah',
        'date "{value}" is not a valid date',
    ),
    "register.month-only": (
        'tanggal "{value}" hanya sampai bulan; kolom ini memerlukan tanggal lengkap sampai hari',
        'date "{value}" gives only the month; this column needs a full date',
    ),
    "register.term-past-calendar": (
        'masa berlaku "{value}" dari {start} melewati tahun 9999; periksa tanggal mulainya',
        'term "{value}" from {start} runs past the year 9999; check its start',
    ),
    "register.term-too-long": (
        'masa berlaku "{value}" lebih dari 100 tahun; periksa selnya',
        'term "{value}" is longer than 100 years; check the cell',
    ),
    "register.bad-duration": (
        'masa berlaku "{value}" tidak terbaca; tulis misalnya "5 (lima) tahun" atau "6 bulan"',
        'term "{value}" cannot be read; write e.g. "5 (lima) tahun" or "6 bulan"',
    ),
    "register.bad-rupiah": (
        'nilai "{value}" bukan jumlah rupiah yang terbaca',
        '"{value}" is not an amount of rupiah that can be read',
    ),
    "register.rupiah-fraction": (
        'nilai "{value}" berisi pecahan rupiah; tulis jumlah penuh ("1.500.000") atau dengan '
        'satuannya ("1,5 M", "1,5 juta")',
        '"{value}" holds a fraction of a rupiah; write the whole amount ("1.500.000") or its '
        'scale ("1,5 M", "1,5 juta")',
    ),
    "register.bad-jenis-naskah": (
        'jenis naskah "{value}" tidak dikenal (KB, MoU, PKS, Nota Kesepakatan, Adendum...)',
        'document kind "{value}" is unknown (KB, MoU, PKS, Nota Kesepakatan, Adendum...)',
    ),
    "register.bad-urusan": (
        'urusan "{value}" bukan salah satu dari 32 urusan (nama atau kode seperti 2.11)',
        'urusan "{value}" is none of the 32 urusan (a name or a code such as 2.11)',
    ),
    "register.unknown-region": (
        'mitra "{value}" tampak sebagai pemerintah daerah tetapi tidak ditemukan di daftar '
        "kode wilayah",
        'partner "{value}" looks like a regional government but is not in the region code list',
    ),
    "register.partner-matched": (
        'mitra "{value}" dicocokkan dengan {nama} ({kode}, kemiripan {score})',
        'partner "{value}" matched to {nama} ({kode}, similarity {score})',
    ),
    "register.jenis-assumed": (
        "jenis naskah tidak disebut; dianggap {jenis}",
        "the document kind is not given; taken as {jenis}",
    ),
    "register.missing-value": (
        "{field} kosong; rekaman kerja sama memerlukannya",
        "{field} is empty; an agreement record needs it",
    ),
    "register.invalid-record": (
        "rekaman dari baris ini tidak sah: `{field}`: {problem}",
        "the record from this row is not valid: `{field}`: {problem}",
    ),
    "register.unknown-key": (
        "kunci {value} tidak ada di repositori; baris ini menjadi rekaman baru",
        "key {value} is not in the repository; this row becomes a new record",
    ),
    "register.sumber": (
        "ksd import: sumber {file}, {where}baris {rows}",
        "ksd import: sumber {file}, {where}baris {rows}",
    ),
    "register.summary": (
        "{created} dibuat, {updated} diperbarui, {unchanged} tidak berubah, {skipped} dilewati",
        "{created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped",
    ),
    "register.not-written": (
        "ada {errors} galat; tidak ada yang ditulis",
        "{errors} errors; nothing was written",
    ),
    "register.not-written.hint": (
        "perbaiki register, atau pakai --skip-invalid untuk melewati baris yang salah",
        "fix the register, or pass --skip-invalid to skip the bad rows",
    ),
    "register.write-failed.hint": (
        "rekaman yang sudah ditulis tetap utuh; setelah masalahnya diatasi, jalankan lagi"
        " perintah yang sama: rekaman itu dikenali dan tidak diubah",
        "the records already written are whole; once the cause is fixed, run the same"
        " command again: it finds them unchanged",
    ),
    "register.dry-run": ("(--dry-run: tidak ada yang ditulis)", "(--dry-run: nothing written)"),
    "register.skipped-rows": ("baris dilewati: {rows}", "rows skipped: {rows}"),
    "register.mapping-written": ("pemetaan ditulis ke {file}", "mapping written to {file}"),
    "register.exported": (
        "{rows} baris ditulis ke {file}",
        "{rows} rows written to {file}",
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
    # Summary line and other text output
    "summary": (
        "{files} berkas, {records} rekaman: {errors} galat, {warnings} peringatan",
        "files: {files}, records: {records}; errors: {errors}, warnings: {warnings}",
    ),
    "severity.error": ("galat", "error"),
    "severity.warning": ("peringatan", "warning"),
    # Hostile input: bounds on what a record file may hold (issue 16; kept together)
    "alias-bomb.nodes": (
        "berkas memuat lebih dari {limit} nilai (node); rekaman tidak sebesar itu, berkas "
        "tidak dibaca",
        "the file holds more than {limit} values (nodes); no record is that large, the file "
        "is not read",
    ),
    "unsupported-yaml.recursive-alias": (
        "alias yang menunjuk blok yang memuatnya sendiri (rekursif)",
        "an alias to the block that contains it (recursive)",
    ),
    "unsupported-yaml.long-number": (
        "angka lebih dari {limit} digit",
        "a number of more than {limit} digits",
    ),
    "too-deep": (
        "daftar dan mapping bersarang lebih dari {limit} tingkat; berkas tidak dibaca",
        "lists and mappings nest more than {limit} levels deep; the file is not read",
    ),
    "invalid-character": (
        "teks memuat karakter {char} (karakter kontrol atau bukan karakter) yang tidak boleh "
        "ada dalam rekaman",
        "the text holds the character {char} (a control character or noncharacter), which "
        "records cannot hold",
    ),
    "too-many-findings": (
        "dan {count} temuan lain di berkas ini (ditampilkan {limit} yang pertama)",
        "and {count} more findings in this file (the first {limit} are shown)",
    ),
    "out-of-range.between": (
        "harus di antara {low} dan {high}",
        "must be between {low} and {high}",
    ),
    "out-of-range.amount": (
        "harus paling besar {limit} (Rp1.000 triliun)",
        "must be at most {limit} (Rp1,000 trillion)",
    ),
    "kerja-sama-diri-sendiri": (
        "pihak `{peran}` dan `{lain}` sama-sama daerah {kode}; daerah tidak bekerja sama "
        "dengan dirinya sendiri",
        "parties `{peran}` and `{lain}` are both region {kode}; a region does not cooperate "
        "with itself",
    ),
}
