"""Scaffolding: a new data repository for a region (``ksd init``) and new records (``ksd new``).

``ksd new`` writes records that load and pass ``ksd validate`` as they are, so that a
cooperation can be committed at its first stage (identifikasi) and reviewed in a pull request.
What the analyst must still write is a placeholder starting with ``ISI:`` (a title, a partner's
name), which a reader cannot miss and ``ksd diff`` lists; defaults that look like real values
(the kind, the urusan, a partner region) are named in the record's ``catatan`` until checked.
"""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal, get_args

from ksd_cli import __version__
from ksd_cli.errors import UserError
from ksd_cli.messages import Msg
from ksd_cli.models import PLACEHOLDER, JenisKerjaSama
from ksd_cli.naming import repository_region, wilayah_name
from ksd_cli.reference import Wilayah, load_reference
from ksd_cli.repository import Kind, Repository

JENIS: tuple[str, ...] = get_args(JenisKerjaSama)
DEFAULT_JENIS = "ksdd_sukarela"
DEFAULT_URUSAN = "1.01"
DEFAULT_PRIORITAS = "sedang"
ZonaWaktu = Literal["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
_ZONA_LABEL = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
#: ``ksd init``: file in the data repository → bundled template.
INIT_FILES: dict[str, str | None] = {
    "ksd.toml": "ksd.toml",
    "README.md": "README.md",
    ".gitattributes": "gitattributes",
    ".gitignore": "gitignore",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".github/workflows/ksd.yml": "github-workflow.yml",
    ".gitlab-ci.yml": "gitlab-ci.yml",
    "data/agreements/.gitkeep": None,
    "data/potentials/.gitkeep": None,
}


# Regions -----------------------------------------------------------------------------------------


def region(kode: str) -> Wilayah:
    """The region with this code (``64.02``, also written ``6402``); unknown is a UserError."""
    text = kode.strip()
    if re.fullmatch(r"[0-9]{4}", text):
        text = f"{text[:2]}.{text[2:]}"
    reference = load_reference()
    found = reference.wilayah.get(text)
    if found is not None:
        return found
    old = reference.kode_lama.get(text)
    hint = (
        Msg("region.unknown.old-code", kode=text, nama=old.nama, baru=old.kode_baru)
        if old is not None
        else Msg("region.unknown.hint")
    )
    raise UserError(Msg("region.unknown", kode=kode), hint=hint)


def zona_waktu(kode: str) -> ZonaWaktu:
    """The region's time zone, from its province: WITA and WIT provinces, else WIB."""
    province = kode.split(".")[0]
    if province in _WITA:
        return "Asia/Makassar"
    if province in _WIT:
        return "Asia/Jayapura"
    return "Asia/Jakarta"


# ksd init ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaffoldFile:
    """A file to create, relative to the new repository's root."""

    path: str
    text: str


@dataclass(frozen=True)
class KsdSource:
    """Where a data repository installs ksd from (pip in CI, pre-commit on a laptop).

    By default the package index, pinned to this version (``url`` is ``None``). With
    ``ksd init --ksd-source URL`` a git repository (a URL or a local clone) at ``rev``, a
    tag or a commit that exists there: never a name made up.
    """

    url: str | None = None
    rev: str = __version__

    @property
    def requirement(self) -> str:
        """What ``pip install`` takes."""
        if self.url is None:
            return f"ksd-cli=={self.rev}"
        url = Path(self.url).as_uri() if Path(self.url).is_absolute() else self.url
        return f"ksd-cli @ git+{url}@{self.rev}"


def ksd_source(url: str | None) -> KsdSource:
    """The source of ksd for ``--ksd-source``: the index, or a git repository and its rev.

    The rev is read from the repository itself (``git ls-remote``): the tag of this version
    when it has one, else the commit its default branch points at. A local clone is named
    by its absolute path.
    """
    if not url:
        return KsdSource()
    local = Path(url).expanduser()
    if local.exists():
        url = str(local.resolve())
    try:
        listing = subprocess.run(
            ["git", "ls-remote", "--", url, "HEAD", f"v{__version__}"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UserError(Msg("init.source-unreadable", source=url, error=str(exc))) from None
    if listing.returncode != 0:
        error = listing.stderr.strip().splitlines()[-1:] or [""]
        raise UserError(Msg("init.source-unreadable", source=url, error=error[0]))
    pairs = (line.split("\t", 1) for line in listing.stdout.splitlines() if "\t" in line)
    refs = {ref: sha for sha, ref in pairs}
    if f"refs/tags/v{__version__}" in refs:
        return KsdSource(url, f"v{__version__}")
    if "HEAD" in refs:
        return KsdSource(url, refs["HEAD"])
    raise UserError(Msg("init.source-unreadable", source=url, error="no HEAD"))


def init_files(kode: str, *, source: KsdSource | None = None) -> list[ScaffoldFile]:
    """The files of a new data repository for region ``kode``, filled in."""
    source = source or KsdSource()
    wilayah = region(kode)
    zona = zona_waktu(wilayah.kode)
    values = {
        "KODE": wilayah.kode,
        "DIGITS": wilayah.kode.replace(".", ""),
        "NAMA": wilayah_name(wilayah),
        "PEMERINTAH": wilayah_name(wilayah),
        "ZONA_WAKTU": zona,
        "ZONA": _ZONA_LABEL[zona],
        "PIP_REQUIREMENT": source.requirement,
        "KSD_SOURCE": source.url or "",
        "KSD_REV": source.rev,
        "VERSION": __version__,
    }
    created = []
    for path, template in INIT_FILES.items():
        if template is not None and path == ".pre-commit-config.yaml" and source.url is None:
            template = "pre-commit-config-index.yaml"
        text = "" if template is None else _fill(_template(template), values)
        created.append(ScaffoldFile(path, text))
    return created


def _template(name: str) -> str:
    return files("ksd_cli").joinpath("scaffold_templates", name).read_text(encoding="utf-8")


def _fill(template: str, values: dict[str, str]) -> str:
    text = re.sub(r"@([A-Z_]+)@", lambda m: values.get(m.group(1), m.group(0)), template)
    left = re.findall(r"@[A-Z_]+@", text)
    assert not left, f"unfilled template values {left}"
    return text


@dataclass(frozen=True)
class InitResult:
    """What ``ksd init`` wrote, and what it left alone (``--skip-existing``)."""

    written: tuple[Path, ...]
    skipped: tuple[Path, ...]


def init_repository(
    target: Path, kode: str, *, source: KsdSource | None = None, skip_existing: bool = False
) -> InitResult:
    """Create a data repository in ``target``.

    When some of its files exist, nothing is written (naming them), unless ``skip_existing``:
    then only the missing files are written, to add ksd to a repository that has a README.
    """
    planned = init_files(kode, source=source)
    existing = [f.path for f in planned if (target / f.path).exists()]
    if existing and not skip_existing:
        raise UserError(
            Msg("init.files-exist", target=str(target), files=", ".join(existing)),
            hint=Msg("init.files-exist.hint"),
        )
    from ksd_cli.atomic import write_text_atomic

    written, skipped = [], []
    for item in planned:
        path = target / item.path
        if item.path in existing:
            skipped.append(path)
            continue
        write_text_atomic(path, item.text)
        written.append(path)
    return InitResult(tuple(written), tuple(skipped))


# ksd new -------------------------------------------------------------------------------------


def owner_code(repository: Repository) -> str:
    """The region that owns the repository: ``[daerah] kode``, else the one its ids agree on."""
    stems = [s.path.stem for s in repository.source_files()]
    owner = repository_region(repository.config, stems)
    if owner is None:
        raise UserError(Msg("repo.owner-unknown"), hint=Msg("repo.owner-unknown.hint"))
    return region(owner).kode


def next_id(existing: Iterable[str], prefix: str, kode: str, year: int) -> str:
    """The next free id ``PREFIX-<digits>-<year>-<seq>`` after the highest one in use."""
    digits = kode.replace(".", "")
    pattern = re.compile(rf"^{prefix}-{digits}-{year}-([0-9]+)$")
    used = [int(m.group(1)) for name in existing if (m := pattern.match(name))]
    return f"{prefix}-{digits}-{year}-{max(used, default=0) + 1:03d}"


def agreement_data(
    record_id: str,
    owner: Wilayah,
    *,
    jenis: str | None,
    judul: str | None,
    mitra: str | None,
    urusan: str | None,
    as_of: date,
) -> dict[str, Any]:
    """The fields of a new agreement, placeholders where the caller gave nothing."""
    unchecked = []
    if jenis is None:
        unchecked.append("jenis")
    if urusan is None:
        unchecked.append("urusan")
    kind = jenis or DEFAULT_JENIS
    partner = _partner(kind, owner, mitra)
    if mitra is None and kind in ("ksdd_wajib", "ksdd_sukarela"):
        unchecked.append("pihak kedua")
    data: dict[str, Any] = {
        "id": record_id,
        "judul": judul or f"{PLACEHOLDER} JUDUL KERJA SAMA",
        "jenis": kind,
        "urusan": [_urusan(urusan)],
        "pihak": [
            {"peran": "pihak_kesatu", "tipe": "pemda", "kode_wilayah": owner.kode},
            partner,
        ],
        "tahapan": [{"tahap": "identifikasi", "tanggal": as_of}],
    }
    if unchecked:
        data["catatan"] = (
            f"{PLACEHOLDER} periksa {', '.join(unchecked)} (nilai bawaan ksd new), lalu hapus "
            "catatan ini."
        )
    return data


def partner_region(mitra: str, jenis: str = DEFAULT_JENIS) -> Wilayah:
    """The partner region of a ``ksdd_*`` agreement, named by its code.

    A name (``PT Kaltim Lestari``) is not a code: the error says which kind takes a name.
    """
    if re.search(r"[^\d.\s]", mitra):
        raise UserError(
            Msg("new.mitra-not-a-code", mitra=mitra, jenis=jenis), hint=Msg("new.mitra-name.hint")
        )
    return region(mitra)


def _partner(jenis: str, owner: Wilayah, mitra: str | None) -> dict[str, Any]:
    if jenis in ("ksdd_wajib", "ksdd_sukarela"):
        if mitra is not None:
            code = partner_region(mitra, jenis).kode
            return {"peran": "pihak_kedua", "tipe": "pemda", "kode_wilayah": code}
        # A real code is required to pass; the owner's own, with a name no reader can miss.
        return {
            "peran": "pihak_kedua",
            "tipe": "pemda",
            "kode_wilayah": owner.kode,
            "nama": f"{PLACEHOLDER} NAMA DAN KODE WILAYAH PEMERINTAH DAERAH MITRA",
        }
    tipe, label = {
        "ksdpk": ("pihak_ketiga", "NAMA PIHAK KETIGA"),
        "ksdpl": ("pemda_luar_negeri", "NAMA PEMERINTAH DAERAH LUAR NEGERI"),
        "ksdll": ("lembaga_luar_negeri", "NAMA LEMBAGA LUAR NEGERI"),
        "sinergi": ("kementerian_lembaga", "NAMA KEMENTERIAN/LEMBAGA"),
    }[jenis]
    partner: dict[str, Any] = {
        "peran": "pihak_kedua",
        "tipe": tipe,
        "nama": mitra or f"{PLACEHOLDER} {label}",
    }
    if jenis in ("ksdpl", "ksdll"):
        partner["negara"] = f"{PLACEHOLDER} NEGARA"
    return partner


def _urusan(kode: str | None) -> str:
    if kode is None:
        return DEFAULT_URUSAN
    # A supporting function (v1.1, "5.02" keuangan) is accepted; validate warns (R008).
    if load_reference().cari_urusan(kode) is None:
        raise UserError(Msg("urusan.unknown", kode=kode), hint=Msg("urusan.unknown.hint"))
    return kode


def potential_data(
    record_id: str,
    owner: Wilayah,
    *,
    jenis: str | None,
    judul: str | None,
    urusan: str | None,
    year: int,
) -> dict[str, Any]:
    """The fields of a new mapped potential, placeholders where the caller gave nothing."""
    data: dict[str, Any] = {
        "id": record_id,
        "daerah": owner.kode,
        "tahun": year,
        "perangkat_daerah": f"{PLACEHOLDER} PERANGKAT DAERAH PENANGGUNG JAWAB",
        "urusan": _urusan(urusan) if urusan else f"{DEFAULT_URUSAN}",
        "isu": f"{PLACEHOLDER} ISU ATAU MASALAH LINTAS DAERAH",
        "potensi": judul or f"{PLACEHOLDER} POTENSI ATAU KEUNGGULAN DAERAH",
        "prioritas": DEFAULT_PRIORITAS,
    }
    if jenis is not None:
        data["jenis_usulan"] = jenis
    return data


def record_text(data: dict[str, Any], kind: Kind, header: str) -> str:
    """The canonical YAML of a new record, with a header comment (formatted by ``ksd fmt``)."""
    from ruamel.yaml import YAML

    from ksd_cli.fmt import format_text

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    stream = io.StringIO()
    yaml.dump(data, stream)  # keys in any order: format_text puts them in the format's
    comment = "".join(f"# {line}\n" for line in header.splitlines())
    return format_text(comment + stream.getvalue(), kind)


@dataclass(frozen=True)
class NewRecord:
    """A record written by ``ksd new``: where, and which placeholders remain to be filled."""

    path: Path
    id: str
    placeholders: tuple[str, ...]


def create_record(
    repository: Repository,
    kind: Kind,
    *,
    as_of: date,
    jenis: str | None = None,
    judul: str | None = None,
    mitra: str | None = None,
    urusan: str | None = None,
    year: int | None = None,
) -> NewRecord:
    """Write a new record with the next free id for the region and year (default: as-of year)."""
    from ksd_cli.atomic import write_text_atomic
    from ksd_cli.diff import placeholders

    if jenis is not None and jenis not in JENIS:
        raise UserError(
            Msg("new.unknown-jenis", jenis=jenis), hint=Msg("hint.one-of", choices=", ".join(JENIS))
        )
    owner = region(owner_code(repository))
    year = year or as_of.year
    folder = repository.agreements_dir if kind == "agreement" else repository.potentials_dir
    prefix = "KSD" if kind == "agreement" else "POT"
    stems = [p.stem for p in folder.iterdir()] if folder.is_dir() else []
    record_id = next_id(stems, prefix, owner.kode, year)
    if kind == "agreement":
        data = agreement_data(
            record_id, owner, jenis=jenis, judul=judul, mitra=mitra, urusan=urusan, as_of=as_of
        )
    else:
        data = potential_data(record_id, owner, jenis=jenis, judul=judul, urusan=urusan, year=year)
    header = f"Dibuat dengan `ksd new {kind}` pada {as_of.isoformat()}."
    if any(True for _ in placeholders(data)) or kind == "potential":
        check = "yang disebut di catatan" if kind == "agreement" else "(urusan, prioritas)"
        header += (
            ' Ganti setiap isian\n"ISI: ..." dan periksa nilai bawaan '
            f"{check},\nlalu jalankan ksd fmt dan ksd validate. Hapus komentar ini bila sudah "
            "selesai."
        )
    text = record_text(data, kind, header)
    path = folder / f"{record_id}.yaml"
    if path.exists():  # a file added between listing and writing
        raise UserError(Msg("new.file-exists", path=path))
    write_text_atomic(path, text)
    return NewRecord(path, record_id, tuple(placeholders(data)))
