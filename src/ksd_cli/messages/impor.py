"""Messages of ``ksd import`` beyond v1 registers: readers, SIKERJA, v1.1 columns, checks."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "impor.reader-missing": (
        "{file}: membaca berkas ini memerlukan paket Python {package}, yang belum terpasang",
        "{file}: reading this file needs the Python package {package}, which is not installed",
    ),
    "impor.reader-missing.hint": (
        "pasang dengan: pip install 'ksd-cli[register]' (atau pip install {package}); atau "
        "simpan ulang berkas sebagai .xlsx",
        "install it with: pip install 'ksd-cli[register]' (or pip install {package}); or save "
        "the file again as .xlsx",
    ),
    # ksd import --from sikerja
    "impor.sikerja.no-dir": (
        "{dir}: bukan folder; --from sikerja membaca folder berisi tabel ekspor SIKERJA",
        "{dir}: not a folder; --from sikerja reads a folder of SIKERJA's exported tables",
    ),
    "impor.sikerja.no-tables": (
        "{dir}: tidak ada permohonan.csv/.xlsx maupun kerjasama_manual.csv/.xlsx",
        "{dir}: neither permohonan.csv/.xlsx nor kerjasama_manual.csv/.xlsx is there",
    ),
    "impor.sikerja.no-tables.hint": (
        "ekspor tabel permohonan, permohonan_histori, permohonan_opd, kerjasama_manual, "
        "kerjasama_manual_opd, kategori, dan opd dari basis data SIKERJA, masing-masing ke "
        "berkas bernama tabelnya (permohonan.csv, ...)",
        "export the tables permohonan, permohonan_histori, permohonan_opd, kerjasama_manual, "
        "kerjasama_manual_opd, kategori and opd from SIKERJA's database, each to a file named "
        "after it (permohonan.csv, ...)",
    ),
    "impor.sikerja.zone": (
        "Cap waktu dibaca sebagai {source}, tanggal dicatat menurut {local}",
        "Timestamps read as {source}, dates recorded in {local}",
    ),
    "impor.sikerja.kategori-unknown": (
        "id_kategori {id} tidak ada di tabel kategori (ekspor juga kategori.csv)",
        "id_kategori {id} is not in the kategori table (export kategori.csv too)",
    ),
    "impor.sikerja.opd-unknown": (
        "id_opd {id} tidak ada di tabel opd; perangkat daerah ini dilewati",
        "id_opd {id} is not in the opd table; this OPD is left out",
    ),
    "impor.sikerja.histori-ignored": (
        'riwayat "{value}" tidak dikenali sebagai peristiwa; tidak diimpor',
        'history entry "{value}" is not recognised as an event; not imported',
    ),
    "impor.sikerja.bad-status": (
        'status "{value}" bukan status SIKERJA (0-9)',
        'status "{value}" is not a SIKERJA status (0-9)',
    ),
    "impor.sikerja.no-start": (
        "kerja sama telah ditandatangani tetapi tanggal_mulai kosong; tanggal "
        "penandatanganan tidak diketahui",
        "the cooperation is signed but tanggal_mulai is empty; the signing date is unknown",
    ),
    "impor.sikerja.ttd-from-start": (
        "SIKERJA tidak menyimpan tanggal penandatanganan; tanggal_mulai dipakai sebagai "
        "tanggal_ttd",
        "SIKERJA does not keep the signing date; tanggal_mulai is used as tanggal_ttd",
    ),
    "impor.sikerja.sumber": (
        "ksd import: sumber SIKERJA {table} {key}",
        "ksd import: sumber SIKERJA {table} {key}",
    ),
    "impor.bad-zone": (
        "--zona-waktu {value}: zona waktu tidak dikenal; tulis WIB, WITA, WIT, UTC, atau nama "
        "IANA seperti Asia/Makassar",
        "--timezone {value}: unknown time zone; write WIB, WITA, WIT, UTC or an IANA name "
        "such as Asia/Makassar",
    ),
    "impor.from-unknown": (
        'sumber "{value}" tidak dikenal; yang didukung: sikerja',
        'unknown source "{value}"; supported: sikerja',
    ),
    "impor.not-with-from": (
        "hanya untuk register; --from sikerja membaca tabel bernama tetap",
        "for registers only; --from sikerja reads tables of fixed names",
    ),
    "impor.skipped-records": ("Dilewati: {rows}", "Skipped: {rows}"),
    "impor.mapping-exists.hint": (
        "tambahkan --force untuk menggantinya, atau pilih nama lain dengan --write-mapping",
        "pass --force to replace it, or choose another name with --write-mapping",
    ),
    "impor.mapping-is-register": (
        "{file} adalah register yang diimpor; pemetaan tidak akan ditulis di atasnya, juga "
        "tidak dengan --force: pilih nama lain, misalnya pemetaan.toml",
        "{file} is the register being imported; the mapping is never written over it, not "
        "even with --force: choose another name, such as pemetaan.toml",
    ),
    # v1.1 columns of a register
    "impor.bad-kategori": (
        'kategori mitra "{value}" tidak dikenal; tulis misalnya "BUMN", "Perguruan tinggi", '
        '"Instansi vertikal"',
        'partner category "{value}" is unknown; write e.g. "BUMN", "Perguruan tinggi", '
        '"Instansi vertikal"',
    ),
    "impor.bad-peristiwa": (
        'peristiwa "{value}" tidak dikenal; tulis misalnya "Permohonan kerja sama", '
        '"Pembahasan TKKSD", "Ditolak"',
        'event "{value}" is unknown; write e.g. "Permohonan kerja sama", "Pembahasan TKKSD", '
        '"Ditolak"',
    ),
    "impor.bad-pendapatan": (
        'pendapatan "{value}" tidak terbaca; tulis jenis lalu nilai, misalnya "retribusi '
        '250.000.000" (jenis: {kinds})',
        'revenue "{value}" cannot be read; write the kind then the amount, e.g. "retribusi '
        '250.000.000" (kinds: {kinds})',
    ),
    "impor.peristiwa-no-date": (
        "peristiwa tanpa tanggal: isi juga kolom Tanggal Peristiwa Terakhir",
        "an event without a date: fill in the Tanggal Peristiwa Terakhir column too",
    ),
    "impor.too-many-values": (
        "{count} nilai untuk {partners} mitra; tulis satu nilai per mitra, dipisah titik koma",
        "{count} values for {partners} partners; write one value per partner, separated by "
        "semicolons",
    ),
    # matching a row to its record on a new import of the register
    "impor.not-at-position": (
        "baris {row} tidak dicocokkan dengan {id}, rekaman yang dulu diimpor dari baris ini: "
        "judul atau mitranya berbeda (baris disisipkan atau dipindah?); baris ini menjadi "
        "rekaman baru",
        "row {row} is not matched to {id}, the record once imported from this row: its title "
        "or partners differ (a row inserted or moved?); this row becomes a new record",
    ),
    "impor.shared-number": (
        "nomor {nomor} juga dipakai di baris {row} untuk kerja sama lain; periksa apakah salah "
        "ketik",
        "number {nomor} is also used on row {row} for another cooperation; check for a typo",
    ),
    "impor.duplicate-key": (
        "kunci {kunci} dipakai di baris {first} dan {row}: keduanya akan menimpa naskah yang "
        "sama; untuk naskah baru tulis kunci rekamannya saja, {id}, tanpa #",
        "key {kunci} is used on rows {first} and {row}: both would overwrite the same "
        "document; for a new document write the record's key alone, {id}, without #",
    ),
    "impor.duplicate-row": (
        "baris {row} sama persis dengan baris {first}; hapus salah satunya",
        "row {row} repeats row {first} cell for cell; delete one of them",
    ),
    "impor.no-judul-column": (
        "tidak ada kolom yang dikenali sebagai judul, jadi judul setiap baris kosong; judul "
        'kolom yang tidak dikenali: {headings}; tunjuk kolomnya dengan --map "JUDUL KOLOM=judul"',
        "no column is recognised as the title, so every row's title is empty; headings not "
        'recognised: {headings}; point to the column with --map "HEADING=judul"',
    ),
    # ksd export
    "impor.export-skipped": (
        "{count} rekaman tidak dapat dibaca dan tidak diekspor (jalankan `ksd validate`)",
        "{count} records do not load and are not exported (run `ksd validate`)",
    ),
    "impor.export-cut": (
        "{count} sel lebih panjang dari 32.767 karakter, batas Excel, dipotong: {cells}; "
        "ksd import tidak menimpa teks utuh rekaman dengan potongannya (ekspor ke CSV untuk "
        "teks utuh)",
        "{count} cells longer than 32,767 characters, Excel's limit, are cut: {cells}; "
        "ksd import does not overwrite a record's whole text with the cut one (export to CSV "
        "for the whole text)",
    ),
    "impor.cut-kept": (
        "{field}: sel ini berisi 32.767 karakter pertama teks rekaman (dipotong oleh Excel); "
        "teks utuh rekaman dipertahankan",
        "{field}: this cell holds the first 32,767 characters of the record's text (cut by "
        "Excel); the record's whole text is kept",
    ),
    # the repository's rules, run before anything is written
    "impor.rule": ("{code} {rule}: {text}", "{code} {rule}: {text}"),
}
