"""``ksd.toml``: the repository's configuration, validated, with a default for every key."""

from __future__ import annotations

import difflib
import functools
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ksd_cli import CONFIG_FILE as CONFIG_FILE
from ksd_cli.errors import UserError
from ksd_cli.messages import Lang, Msg, render

ZonaWaktu = Literal["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
Days = Annotated[int, Field(ge=0)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Daerah(_Section):
    """``[daerah]``: the region that owns the repository."""

    kode: str | None = None
    nama: str | None = None
    zona_waktu: ZonaWaktu = "Asia/Jakarta"
    # issue 13: the regions that border this one (region codes), for the coverage of the
    # mandatory cooperation (KSDD wajib) in the laporan evaluasi. No citable adjacency list
    # of Indonesian regions was found to ship, so the region writes its own.
    berbatasan: list[str] = []
    # issue 12 (naskah): where the region's government is seated, for "berkedudukan di" in a
    # naskah when the record's own party has no ``alamat``. ksd ships no list of the seats.
    alamat: str | None = None


class Paths(_Section):
    """``[paths]``: where records and template overrides live, relative to the root."""

    agreements: str = "data/agreements"
    potentials: str = "data/potentials"
    templates: str = "templates"


class NaskahSettings(_Section):
    """``[naskah]``: how ``ksd draft`` words the naskah."""

    #: The first party's label: "PIHAK KESATU" (default) or "PIHAK PERTAMA", as some partners
    #: (ministries, Bappenas templates) write it.
    sebutan_pihak: Literal["kesatu", "pertama"] = "kesatu"


class ValidateSettings(_Section):
    """``[validate]``: rules switched off, and the largest file read."""

    ignore: list[str] = []
    max_file_kb: Annotated[int, Field(ge=1)] = 5120


class Thresholds(_Section):
    """Days after which a cooperation counts as stalled (policy, not law)."""

    kb_tanpa_pks: Days = 365
    pks_tanpa_pelaksanaan: Days = 180
    tanpa_monev: Days = 365
    akan_berakhir: Days = 90
    dprd_tertunda: Days = 45
    potensi_tanpa_tindak_lanjut: Days = 365
    # v1.1, before signing: a proposal that stopped, an offer nobody answered
    usulan_tanpa_kemajuan: Days = 180
    penawaran_tanpa_jawaban: Days = 60


class ThresholdOverrides(_Section):
    """Per-kind overrides of ``[stalled]``: any key, the rest inherited."""

    kb_tanpa_pks: Days | None = None
    pks_tanpa_pelaksanaan: Days | None = None
    tanpa_monev: Days | None = None
    akan_berakhir: Days | None = None
    dprd_tertunda: Days | None = None
    potensi_tanpa_tindak_lanjut: Days | None = None
    usulan_tanpa_kemajuan: Days | None = None
    penawaran_tanpa_jawaban: Days | None = None


class Stalled(Thresholds):
    """``[stalled]`` with its per-kind tables ``[stalled.ksdpk]`` and so on."""

    ksdd_wajib: ThresholdOverrides | None = None
    ksdd_sukarela: ThresholdOverrides | None = None
    ksdpk: ThresholdOverrides | None = None
    ksdpl: ThresholdOverrides | None = None
    ksdll: ThresholdOverrides | None = None
    sinergi: ThresholdOverrides | None = None

    def for_jenis(self, jenis: str | None) -> Thresholds:
        """The thresholds in force for one kind of cooperation."""
        return _thresholds(self, jenis)


@functools.lru_cache(maxsize=64)
def _thresholds(stalled: Stalled, jenis: str | None) -> Thresholds:
    """``Stalled.for_jenis``, built once per kind (``ksd stalled`` asks for every record)."""
    base = {name: getattr(stalled, name) for name in Thresholds.model_fields}
    override = getattr(stalled, jenis, None) if jenis else None
    if isinstance(override, ThresholdOverrides):
        base.update(override.model_dump(exclude_none=True))
    return Thresholds(**base)


class Laporan(_Section):
    """``[laporan]``: the kop and the sign-off of the documents ksd writes (all optional).

    A name left out is a blank to fill in the document, never a refusal.
    """

    sekretariat: str = "Sekretariat Daerah"
    bagian: str = "Bagian Kerja Sama"
    alamat: str | None = None
    penandatangan_jabatan: str | None = None
    penandatangan_nama: str | None = None
    penandatangan_pangkat: str | None = None
    penandatangan_nip: str | None = None
    tempat: str | None = None


# --- issue 13: the institutions of cooperation, shown in the laporan evaluasi -------------------
class RapatTkksd(_Section):
    """One meeting of the TKKSD (Tim Koordinasi Kerja Sama Daerah)."""

    tanggal: date
    agenda: str | None = None


class Kelembagaan(_Section):
    """``[kelembagaan]``: the TKKSD's decree and meetings (all optional)."""

    tkksd_keputusan: str | None = None
    tkksd_tanggal: date | None = None
    rapat: list[RapatTkksd] = []


# --- end of issue 13 ------------------------------------------------------------------------------


class Config(_Section):
    """The whole of ``ksd.toml``."""

    daerah: Daerah = Daerah()
    paths: Paths = Paths()
    validate_: ValidateSettings = Field(ValidateSettings(), alias="validate")
    stalled: Stalled = Stalled()
    naskah: NaskahSettings = NaskahSettings()
    laporan: Laporan = Laporan()
    kelembagaan: Kelembagaan = Kelembagaan()  # issue 13

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)

    def today(self) -> date:
        """Today's date in the region's time zone: the default as-of date."""
        from ksd_cli.answers import today_in

        return today_in(self.daerah.zona_waktu)


def load_config(root: Path) -> Config:
    """Read ``ksd.toml`` at ``root`` (defaults when absent); a bad file is a ``UserError``."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return Config()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(Msg("config.not-utf8", file=CONFIG_FILE)) from None
    return parse_config(text, CONFIG_FILE)


@dataclass(frozen=True)
class ConfigProblem:
    """One problem of ``ksd.toml``, at its line and column, worded later."""

    line: int
    column: int
    where: str
    words: Msg | str


class ConfigError(UserError):
    """``ksd.toml`` is not valid: every problem, each at ``file:line:column`` like a finding."""

    def __init__(self, file: str, problems: list[ConfigProblem]) -> None:
        self.file = file
        self.problems = tuple(problems)
        super().__init__(Msg("config.invalid", file=file))

    def text(self, lang: Lang) -> str:
        """The heading, then one line per problem."""
        lines = [render(self.words, lang)]
        for p in self.problems:
            where = f"{p.where}: " if p.where else ""
            lines.append(f"{self.file}:{p.line}:{p.column}: {where}{render(p.words, lang)}")
        return "\n".join(lines)


def parse_config(text: str, file: str = CONFIG_FILE) -> Config:
    """The configuration in ``text``; a ``ConfigError`` naming each problem's position."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", str(exc))
        end = re.search(r"\s*\(at end of document\)$", str(exc))
        cut = match or end
        problem = str(exc)[: cut.start()] if cut is not None else str(exc)
        line, column = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        if end:
            line = max(1, len(text.splitlines()))
        raise ConfigError(
            file, [ConfigProblem(line, column, "", Msg("config.syntax", problem=problem))]
        ) from None
    try:
        return Config.model_validate(raw)
    except ValidationError as exc:
        problems = [_problem(error, text) for error in exc.errors()]
        raise ConfigError(file, sorted(problems, key=lambda p: (p.line, p.column))) from None


def _problem(error: Any, text: str) -> ConfigProblem:
    loc = tuple(str(part) for part in error["loc"])
    table, key = loc[:-1], loc[-1] if loc else ""
    at_value = error["type"] != "extra_forbidden"
    line, column, raw = _position(text, table, key, at_value=at_value)
    where = f"[{'.'.join(table)}] {key}" if table else key
    if error["type"] == "extra_forbidden":
        fields = _fields_of(table)
        close = difflib.get_close_matches(key, fields, n=1)
        words: Msg | str = (
            Msg("config.unknown-key.did-you-mean", key=key, suggestion=close[0])
            if close
            else Msg("config.unknown-key", key=key, keys=", ".join(fields))
        )
    elif key == "kode" and isinstance(error.get("input"), int | float):
        written = raw or str(error["input"])
        words = Msg("config.unquoted", key=key, raw=written, quoted=_as_code(key, written))
    else:
        words = error["msg"]
    return ConfigProblem(line, column, where, words)


def _as_code(key: str, raw: str) -> str:
    """How an unquoted number was meant: a region code ``6402`` is written ``64.02``."""
    if key == "kode" and re.fullmatch(r"[0-9]{4}", raw):
        return f"{raw[:2]}.{raw[2:]}"
    return raw


def _fields_of(table: tuple[str, ...]) -> list[str]:
    """The keys a table of ``ksd.toml`` takes (by their names in the file)."""
    model: Any = Config
    for name in table:
        field = next((f for n, f in model.model_fields.items() if (f.alias or n) == name), None)
        inner = getattr(field, "annotation", None)
        candidates = [inner, *getattr(inner, "__args__", ())]
        model = next(
            (c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None
        )
        if model is None:
            return []
    return [f.alias or n for n, f in model.model_fields.items()]


_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"^(\s*)(\"?)([A-Za-z0-9_-]+)\2\s*=\s*(.*?)\s*(?:#.*)?$")


def _position(
    text: str, table: tuple[str, ...], key: str, *, at_value: bool = False
) -> tuple[int, int, str | None]:
    """Line and column of ``key`` in ``[table]``, and its value as written.

    When the key is not written there: the table's header (1:1 without one). The column is
    the key's for an unknown key, the value's for a wrong value.
    ``tomllib`` keeps no positions; the configuration is small and flat, so its lines are read
    again: table headers and ``key = value`` lines.
    """
    wanted = ".".join(table)
    current = ""
    header: tuple[int, int] | None = (1, 1) if not table else None
    for number, line in enumerate(text.splitlines(), 1):
        if heading := _HEADER.match(line):
            current = ".".join(part.strip().strip('"') for part in heading.group(1).split("."))
            if current == wanted:
                header = (number, line.index("[") + 1)
            continue
        if current == wanted and (assignment := _KEY.match(line)) and assignment.group(3) == key:
            column = (assignment.start(4) if at_value else len(assignment.group(1))) + 1
            return number, column, assignment.group(4) or None
    line_, column_ = header or (1, 1)
    return line_, column_, None
