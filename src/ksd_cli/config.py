"""``ksd.toml``: the repository's configuration, validated, with a default for every key."""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ksd_cli.errors import UserError
from ksd_cli.messages import Msg

CONFIG_FILE = "ksd.toml"
ZonaWaktu = Literal["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
Days = Annotated[int, Field(ge=0)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Daerah(_Section):
    """``[daerah]``: the region that owns the repository."""

    kode: str | None = None
    nama: str | None = None
    zona_waktu: ZonaWaktu = "Asia/Jakarta"


class Paths(_Section):
    """``[paths]``: where records and template overrides live, relative to the root."""

    agreements: str = "data/agreements"
    potentials: str = "data/potentials"
    templates: str = "templates"


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


class ThresholdOverrides(_Section):
    """Per-kind overrides of ``[stalled]``: any key, the rest inherited."""

    kb_tanpa_pks: Days | None = None
    pks_tanpa_pelaksanaan: Days | None = None
    tanpa_monev: Days | None = None
    akan_berakhir: Days | None = None
    dprd_tertunda: Days | None = None
    potensi_tanpa_tindak_lanjut: Days | None = None


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
        base = {name: getattr(self, name) for name in Thresholds.model_fields}
        override = getattr(self, jenis, None) if jenis else None
        if isinstance(override, ThresholdOverrides):
            base.update(override.model_dump(exclude_none=True))
        return Thresholds(**base)


class Config(_Section):
    """The whole of ``ksd.toml``."""

    daerah: Daerah = Daerah()
    paths: Paths = Paths()
    validate_: ValidateSettings = Field(ValidateSettings(), alias="validate")
    stalled: Stalled = Stalled()

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)

    def today(self) -> date:
        """Today's date in the region's time zone: the default as-of date."""
        from zoneinfo import ZoneInfo

        return datetime.now(ZoneInfo(self.daerah.zona_waktu)).date()


def load_config(root: Path) -> Config:
    """Read ``ksd.toml`` at ``root`` (defaults when absent); a bad file is a ``UserError``."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return Config()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise UserError(Msg("config.not-utf8", file=CONFIG_FILE)) from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{CONFIG_FILE}: {exc}") from None
    try:
        config = Config.model_validate(raw)
    except ValidationError as exc:
        details = "".join(
            f"\n  {'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
            for error in exc.errors()
        )
        raise UserError(Msg("config.invalid", file=CONFIG_FILE, details=details)) from None
    return config
