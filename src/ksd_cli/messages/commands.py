"""Messages of the commands themselves: repositories, files, git, drafts, scaffolding."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # Usage errors (exit 2)
    "usage.invalid-value": (
        "nilai tidak sah untuk {option}: {problem}",
        "invalid value for {option}: {problem}",
    ),
    "usage.hint": ("lihat `{command} --help`", "see `{command} --help`"),
    "usage.not-a-date": ("{value} bukan tanggal YYYY-MM-DD", "{value} is not a date YYYY-MM-DD"),
    "usage.not-one-of": (
        "{value} bukan salah satu dari: {choices}",
        "{value} is not one of: {choices}",
    ),
    "usage.unknown-flag": (
        "temuan tidak dikenal {codes}; temuan: {known}",
        "unknown flag {codes}; flags: {known}",
    ),
    "usage.docx-to-stdout": (
        "dokumen Word tidak dapat ditulis ke stdout",
        "a Word document cannot be written to stdout",
    ),
    "usage.periode-or-range": (
        "berikan --periode atau --from dan --to, tidak keduanya",
        "give either --periode or --from and --to, not both",
    ),
    "usage.from-to-together": (
        "--from dan --to harus diberikan bersama",
        "--from and --to must be given together",
    ),
    "usage.not-a-year": ("{value} bukan tahun YYYY", "{value} is not a year YYYY"),
    "usage.year-out-of-range": (
        "tahun harus di antara {low} dan {high}, bukan {value}",
        "the year must be between {low} and {high}, not {value}",
    ),
    "usage.to-before-from": (
        "{end} lebih awal dari --from {start}",
        "{end} is before --from {start}",
    ),
    "usage.as-of-before-period": (
        "{as_of} lebih awal dari awal periode ({start}); tidak ada yang dilaporkan",
        "{as_of} is before the period starts ({start}); nothing to report",
    ),
    "usage.files-or-changed-since": (
        "berikan berkas rekaman atau --changed-since, tidak keduanya",
        "give either record files or --changed-since",
    ),
    "usage.naskah-from-one": ("posisi dihitung mulai 1", "positions count from 1"),
    "usage.naskah-choice": (
        "{value} bukan posisi dan bukan salah satu dari: {choices}",
        "{value} is neither a position nor one of: {choices}",
    ),
    "boundary.internal": (
        "galat internal (kesalahan ksd, bukan data Anda). Mohon laporkan beserta teks di "
        "bawah ini.",
        "internal error (a bug in ksd, not in your data). Please report it with the text below.",
    ),
    "boundary.output-failed": (
        "tidak dapat menulis keluaran: {reason}",
        "cannot write output: {reason}",
    ),
    # Files
    "file.exists": ("{path}: berkas sudah ada", "{path}: file exists"),
    "file.exists.hint": ("tambahkan --force untuk menggantinya", "pass --force to replace it"),
    # Repository and configuration
    "repo.no-records-in-folder": (
        "{path}: tidak ada berkas rekaman di folder ini",
        "{path}: no record files in this folder",
    ),
    "repo.file-not-found": ("{path}: berkas tidak ditemukan", "{path}: file not found"),
    "repo.not-a-record-file": ("{path}: bukan berkas rekaman", "{path}: not a record file"),
    "repo.not-a-record-file.hint": (
        "rekaman disimpan di {agreements}/ dan {potentials}/",
        "records live in {agreements}/ and {potentials}/",
    ),
    "repo.root-not-found": (
        "--root {root}: folder tidak ditemukan",
        "--root {root}: folder not found",
    ),
    "repo.not-found": ("tidak ada repositori data ksd di sini", "no ksd data repository here"),
    "repo.not-found.hint": (
        "jalankan ksd di dalam repositori (folder yang memuat ksd.toml atau data/agreements/), "
        "atau berikan --root FOLDER",
        "run ksd inside a repository (a folder with ksd.toml or data/agreements/), "
        "or pass --root DIR",
    ),
    "config.unknown-rules": (
        "{file}: [validate] ignore menyebut aturan yang tidak dikenal: {rules}",
        "{file}: [validate] ignore names unknown rules: {rules}",
    ),
    "rules.unknown": ("tidak ada aturan {code}", "no rule {code}"),
    "rules.list-hint": (
        "`ksd rules` menampilkan kode dan nama aturan",
        "`ksd rules` lists the rule codes and names",
    ),
    # git
    "git.invalid-revision": ("revisi tidak sah: {revision}", "invalid revision: {revision}"),
    "git.unknown-revision": ("revisi tidak dikenal: {revision}", "unknown revision: {revision}"),
    "git.unknown-revision.hint": (
        "sebutkan cabang, tag atau commit (git log --oneline menampilkannya); klon dengan "
        "--depth mungkin tidak memuat commit lama",
        "name a branch, a tag or a commit (git log --oneline lists them); a clone made with "
        "--depth may lack older commits",
    ),
    "git.no-default-branch": (
        "cabang utama tidak ditemukan (origin/HEAD, main, master)",
        "no default branch found (origin/HEAD, main, master)",
    ),
    "git.no-default-branch.hint": (
        "sebutkan revisi pembanding, misalnya ksd diff develop",
        "name the revision to compare with, e.g. ksd diff develop",
    ),
    "git.no-merge-base": (
        "{first} dan {second} tidak punya leluhur bersama",
        "{first} and {second} have no common ancestor",
    ),
    "git.no-merge-base.hint": (
        "sebutkan kedua revisi: ksd diff REV_A REV_B",
        "name both revisions: ksd diff REV_A REV_B",
    ),
    "git.missing": (
        "program git tidak ditemukan (tidak ada di PATH)",
        "the git program was not found (it is not on PATH)",
    ),
    "git.missing.hint": (
        "ksd diff, --changed-since dan sumber git ksd consolidate memerlukan git: pasang git "
        "(https://git-scm.com/downloads, atau `apt install git`) lalu coba lagi",
        "ksd diff, --changed-since and ksd consolidate's git sources need git: install it "
        "(https://git-scm.com/downloads, or `apt install git`) and try again",
    ),
    "git.not-a-repository": ("{root}: bukan repositori git", "{root}: not a git repository"),
    "git.not-a-repository.hint": (
        "ksd diff dan --changed-since membaca riwayat: jalankan di dalam klon git "
        "(git init, git clone)",
        "ksd diff and --changed-since read the history: run them inside a git clone "
        "(git init, git clone)",
    ),
    # show
    "show.does-not-load": (
        "{id}: rekaman tidak dapat dibaca ({where}: {problem})",
        "{id}: the record does not load ({where}: {problem})",
    ),
    "show.not-found": ("{id}: rekaman tidak ditemukan", "{id}: no such record"),
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
}
