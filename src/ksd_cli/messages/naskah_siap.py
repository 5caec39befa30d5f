"""Messages of a naskah ready for paraf and signature (issue 12): what a draft still lacks."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # What a naskah lacks, one line per gap ("<file>: <record path>: <message>").
    "draft.missing.nama-pihak": (
        "nama {label} belum diisi (kode wilayah {kode} tidak dikenal)",
        "the name of {label} is missing (region code {kode} is not known)",
    ),
    "draft.missing.nomor": (
        "nomor naskah {label} belum diisi",
        "the document number of {label} is missing",
    ),
    "draft.missing.tanggal-ttd": (
        "tanggal penandatanganan belum diisi",
        "the date of signing is missing",
    ),
    "draft.missing.tempat-ttd": (
        "tempat penandatanganan belum diisi",
        "the place of signing is missing",
    ),
    "draft.missing.penandatangan": (
        "penandatangan {label} belum diisi (peran {peran}, nama, jabatan)",
        "the signatory of {label} is missing (peran {peran}, nama, jabatan)",
    ),
    "draft.missing.induk": (
        "naskah yang diubah adendum ini tidak ditemukan: isi induk dengan nomor urut naskah "
        "yang diubah",
        "the document this adendum amends is not found: set induk to the position of the "
        "amended naskah",
    ),
    "draft.missing.induk-nomor": (
        "nomor {jenis} yang dirujuk untuk {label} belum diisi",
        "the number of the {jenis} referred to is missing for {label}",
    ),
    "draft.missing.induk-tanggal": (
        "tanggal penandatanganan {jenis} yang dirujuk belum diisi",
        "the date of signing of the {jenis} referred to is missing",
    ),
    "draft.incomplete.hint-blanks": (
        "isi data itu di catatan, atau berikan --draft untuk menulis rancangan dengan titik-titik "
        "(........) di tempat data yang belum diisi",
        "fill them in the record, or pass --draft to write a draft with blanks (........) "
        "where values are missing",
    ),
    "draft.with-blanks": (
        "rancangan dengan {count} titik-titik (........) untuk data yang belum diisi; catatan "
        "kaki menyebut datanya",
        "a draft with {count} blanks (........) for the missing data; footnotes name each one",
    ),
}
