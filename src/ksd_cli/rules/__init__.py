"""The registry of rules: an explicit list, in code order (no scanning of the file system)."""

from __future__ import annotations

from types import MappingProxyType

from ksd_cli.rules import (
    alias_bomb,
    berlaku_terbalik,
    duplicate_id,
    duplicate_key,
    duplicate_peran,
    empty_file,
    file_too_large,
    id_mismatch,
    invalid_character,
    invalid_date,
    invalid_encoding,
    invalid_enum,
    invalid_id,
    invalid_induk,
    kerja_sama_diri_sendiri,
    ksdd_non_pemda,
    ksdd_wajib_pemda,
    ksdpk_tanpa_pihak_ketiga,
    luar_negeri_tanpa_mitra,
    missing_key,
    multiple_documents,
    not_a_mapping,
    old_kode_wilayah,
    out_of_range,
    penandatangan_tanpa_surat_kuasa,
    pks_sebelum_kb,
    pks_tanpa_persetujuan_dprd,
    sinergi_tanpa_kl,
    status_tanpa_berakhir,
    tab,
    tahapan_mundur,
    tanggal_mendatang,
    too_deep,
    too_many_findings,
    unknown_key,
    unknown_kode_wilayah,
    unknown_peran,
    unknown_potensi,
    unknown_urusan,
    unquoted_code,
    unreadable_file,
    unsupported_yaml,
    wrong_type,
    yaml_syntax,
)
from ksd_cli.rules.base import Rule

_MODULES = (
    yaml_syntax,
    duplicate_key,
    invalid_encoding,
    tab,
    empty_file,
    not_a_mapping,
    multiple_documents,
    alias_bomb,
    file_too_large,
    unsupported_yaml,
    unreadable_file,
    too_deep,
    invalid_character,
    too_many_findings,
    missing_key,
    unknown_key,
    wrong_type,
    unquoted_code,
    invalid_enum,
    invalid_date,
    invalid_id,
    id_mismatch,
    duplicate_id,
    duplicate_peran,
    out_of_range,
    unknown_kode_wilayah,
    old_kode_wilayah,
    unknown_urusan,
    unknown_potensi,
    unknown_peran,
    invalid_induk,
    ksdd_non_pemda,
    ksdd_wajib_pemda,
    ksdpk_tanpa_pihak_ketiga,
    sinergi_tanpa_kl,
    berlaku_terbalik,
    pks_sebelum_kb,
    tanggal_mendatang,
    tahapan_mundur,
    penandatangan_tanpa_surat_kuasa,
    pks_tanpa_persetujuan_dprd,
    status_tanpa_berakhir,
    luar_negeri_tanpa_mitra,
    kerja_sama_diri_sendiri,
)

RULES: tuple[Rule, ...] = tuple(sorted((m.RULE for m in _MODULES), key=lambda r: r.code))
BY_NAME: MappingProxyType[str, Rule] = MappingProxyType({r.name: r for r in RULES})
BY_CODE: MappingProxyType[str, Rule] = MappingProxyType({r.code: r for r in RULES})


def find_rule(code_or_name: str) -> Rule | None:
    """A rule by its code (``C006``, any case) or its name (``pks-sebelum-kb``)."""
    return BY_CODE.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())
