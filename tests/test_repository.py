"""Opening a data repository: its root, its configuration checked against the rule registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from ksd_cli.errors import UserError
from ksd_cli.repository import open_repository


def _ignore(repo: Path, names: str) -> None:
    config = repo / "ksd.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + f"\n[validate]\nignore = [{names}]\n",
        encoding="utf-8",
    )


def test_ignored_rules_may_be_named_by_code_or_name(sample_repo: Path) -> None:
    _ignore(sample_repo, '"c006", "pks-sebelum-kb"')
    assert open_repository(sample_repo).config.validate_.ignore == ["c006", "pks-sebelum-kb"]


def test_an_unknown_ignored_rule_is_a_user_error(sample_repo: Path) -> None:
    _ignore(sample_repo, '"C006", "no-such-rule", "X999"')
    with pytest.raises(UserError, match=r"ksd\.toml: .*unknown rules: no-such-rule, X999"):
        open_repository(sample_repo)
