"""Messages of drafting, templates, scaffolding and output files, once worded in two languages.

These replace the ``"id text / en text"`` strings the commands used to carry.
"""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "hint.one-of": ("salah satu dari: {choices}", "one of: {choices}"),
    # Templates
    "template.syntax": (
        "{where}: kesalahan sintaks templat: {problem}",
        "{where}: template syntax error: {problem}",
    ),
    "template.syntax.hint": (
        "lihat dokumentasi templat Jinja; templat ksd berjalan di dalam sandbox",
        "see the Jinja template documentation; ksd templates are sandboxed",
    ),
    "template.failed": ("{where}: {problem}", "{where}: {problem}"),
    "template.refused": ("ditolak oleh sandbox: {problem}", "refused by the sandbox: {problem}"),
    "template.missing": ("templat tidak ditemukan: {problem}", "template not found: {problem}"),
    "template.error": ("kesalahan templat: {problem}", "template error: {problem}"),
    "template.render-error": (
        "kesalahan saat merender: {problem}",
        "error while rendering: {problem}",
    ),
    "template.refused.hint": (
        "templat tidak boleh menjangkau bagian dalam Python (nama berawalan _) atau mengubah data",
        "templates may not reach Python internals (names starting with _) or change data",
    ),
    "template.undefined.hint": (
        "cocokkan nama variabel dengan yang diterima templat (docs/naskah.md)",
        "check the variable name against the ones the template receives (docs/naskah.md)",
    ),
    # Drafting a naskah
    "draft.incomplete": (
        "{count} data wajib naskah belum diisi",
        "{count} required values of the naskah are missing",
    ),
    "draft.incomplete.detail": (
        "{count} data wajib naskah belum diisi:\n{lines}",
        "{count} required values of the naskah are missing:\n{lines}",
    ),
    "draft.no-such-naskah": (
        "{id}: naskah ke-{choice} tidak ada; catatan ini mempunyai {count}",
        "{id}: there is no naskah {choice}; the record has {count}",
    ),
    "draft.no-such-naskah.hint": (
        "--naskah menerima posisi mulai dari 1, atau jenis seperti perjanjian_kerja_sama",
        "--naskah takes a position from 1, or a kind such as perjanjian_kerja_sama",
    ),
    "draft.unknown-kind": (
        "--naskah {choice}: jenis naskah tidak dikenal",
        "--naskah {choice}: unknown kind of naskah",
    ),
    "draft.no-template": (
        "{source}: naskah {posisi} adalah {title}; ksd tidak mempunyai templat untuk jenis {jenis}",
        "{source}: naskah {posisi} is a {title}; ksd has no template for the kind {jenis}",
    ),
    "draft.no-template.hint": (
        "tambahkan {path} ke repositori data (lihat docs/naskah.md), atau pilih naskah lain "
        "dengan --naskah",
        "add {path} to the data repository (see docs/naskah.md), or choose another naskah "
        "with --naskah",
    ),
    "draft.new": (
        "{id} belum memiliki naskah {jenis}; ditulis rancangan baru sebagai naskah[{position}]",
        "{id} has no naskah {jenis} yet; a new draft was written as naskah[{position}]",
    ),
    # Scaffolding (ksd init, ksd new)
    "region.unknown": ("kode wilayah tidak dikenal: {kode}", "unknown region code: {kode}"),
    "region.unknown.old-code": (
        "{kode} adalah kode sebelum 2022 untuk {nama}; kodenya sekarang {baru}",
        "{kode} is a pre-2022 code of {nama}; its code is now {baru}",
    ),
    "region.unknown.hint": (
        "provinsi berkode 2 digit (64), kabupaten/kota NN.NN (64.02), seperti dalam daftar "
        "kode Kemendagri",
        "a province has a 2-digit code (64), a kabupaten/kota NN.NN (64.02), as in "
        "Kemendagri's code list",
    ),
    "repo.owner-unknown": (
        "daerah pemilik repositori tidak diketahui",
        "the repository's region is unknown",
    ),
    "repo.owner-unknown.hint": (
        'tetapkan di ksd.toml: [daerah] kode = "64.02"',
        'set it in ksd.toml: [daerah] kode = "64.02"',
    ),
    "urusan.unknown": ("kode urusan tidak dikenal: {kode}", "unknown urusan code: {kode}"),
    "urusan.unknown.hint": (
        "kode urusan berbentuk 2.11 (lingkungan hidup); ksd rules R003 menyebut sumbernya",
        "urusan codes look like 2.11 (lingkungan hidup); ksd rules R003 names the source",
    ),
    "new.unknown-jenis": ("jenis tidak dikenal: {jenis}", "unknown kind: {jenis}"),
    "new.file-exists": ("{path}: berkas sudah ada", "{path}: the file exists"),
    # Output files
    "usage.format-mismatch": (
        "{format} tidak sesuai dengan nama berkas {output} ({suffix})",
        "{format} does not match the file name {output} ({suffix})",
    ),
    "usage.suffix-not-written": (
        "{output}: ksd {kind} tidak dapat menulis berkas {suffix}; format: {formats}",
        "{output}: ksd {kind} cannot write {suffix} files; formats: {formats}",
    ),
    "usage.binary-to-stdout": (
        "{format} tidak dapat ditulis ke stdout; sebutkan berkasnya",
        "{format} cannot be written to stdout; name a file",
    ),
    "usage.xlsx-to-stdout": (
        "xlsx tidak dapat ditulis ke stdout; sebutkan berkasnya, atau --format csv untuk stdout",
        "xlsx cannot be written to stdout; name a file, or --format csv for stdout",
    ),
    "usage.binary-needs-file": (
        "{format} memerlukan berkas: berikan --output BERKAS",
        "{format} needs a file: pass --output FILE",
    ),
    # Comparing revisions
    "diff.config-invalid": (
        "{revision}:{file}: konfigurasi tidak valid",
        "{revision}:{file}: invalid configuration",
    ),
    # The semantic diff's text and Markdown
    "diff.working_tree": ("pohon kerja", "working tree"),
    "diff.as_of": ("per", "as of"),
    "diff.summary": (
        "{changed} diubah, {added} ditambahkan, {removed} dihapus",
        "{changed} changed, {added} added, {removed} removed",
    ),
    "diff.flags": (
        "tanda macet: {raised} muncul, {cleared} teratasi",
        "stalled flags: {raised} raised, {cleared} cleared",
    ),
    "diff.nothing": ("Tidak ada perubahan rekaman.", "No record changed."),
    "diff.tahap": ("tahap", "stage"),
    "diff.status": ("status", "status"),
    "diff.raised": ("MACET BARU", "NEWLY STUCK"),
    "diff.raised.pengingat": ("PENGINGAT BARU", "NEW REMINDER"),
    "diff.cleared": ("teratasi", "cleared"),
    # A flag of a record with errors on the other side: not known there, so neither.
    "diff.unjudged": ("tidak dinilai", "not judged"),
    "diff.flags.unjudged": (
        "{count} tidak dinilai (rekaman tidak valid di salah satu sisi)",
        "{count} not judged (record invalid on one side)",
    ),
    "diff.added": ("ditambahkan", "added"),
    "diff.removed": ("dihapus", "removed"),
    "diff.invalid": (
        "tidak valid di sisi {side}: jalankan ksd validate",
        "invalid on the {side} side: run ksd validate",
    ),
    "diff.before": ("sebelum", "before"),
    "diff.after": ("sesudah", "after"),
    "diff.placeholders": (
        "isian `ksd new` belum diganti: {paths}",
        "`ksd new` placeholders still to fill: {paths}",
    ),
    "diff.md.title": ("Perubahan rekaman", "Record changes"),
    "diff.md.record": ("Rekaman", "Record"),
    "diff.md.flags": ("Tanda macet", "Stalled flags"),
    "diff.md.field": ("Kolom", "Field"),
    "diff.md.new": ("baru", "new"),
    "show.does-not-load.hint": ("jalankan ksd validate {path}", "run ksd validate {path}"),
    # Importing a register
    "register.mapping.where": ("{where}, baris {rows}", "{where}, rows {rows}"),
    # PDF through LibreOffice (naskah, laporan, pemetaan)
    "pdf.no-soffice": (
        "PDF dibuat melalui LibreOffice, tetapi LibreOffice (soffice) tidak terpasang",
        "PDF is made through LibreOffice, but LibreOffice (soffice) is not installed",
    ),
    "pdf.no-soffice.hint": (
        "pasang LibreOffice (mis. apt install libreoffice-writer), atau tulis --format docx "
        "dan simpan sebagai PDF dari Word",
        "install LibreOffice (e.g. apt install libreoffice-writer), or write --format docx "
        "and save it as PDF from Word",
    ),
    "pdf.failed": (
        "LibreOffice gagal mengubah dokumen menjadi PDF: {reason}",
        "LibreOffice could not convert the document to PDF: {reason}",
    ),
    "pdf.failed.hint": (
        "tulis --format docx dan simpan sebagai PDF dari Word atau LibreOffice",
        "write --format docx and save it as PDF from Word or LibreOffice",
    ),
}
