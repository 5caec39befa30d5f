"""``ksd rules``: list the rules, or explain one."""

from __future__ import annotations

import enum
import inspect
import json
import sys
from typing import Annotated, Optional

import typer

from ksd_cli.errors import UserError
from ksd_cli.messages import Msg


class RulesFormat(enum.StrEnum):
    """Output formats of ``ksd rules``."""

    text = "text"
    json = "json"


def rules(
    code: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="A rule code (C006) or name (pks-sebelum-kb) to explain.", show_default=False
        ),
    ] = None,
    output_format: Annotated[RulesFormat, typer.Option("--format", "-f")] = RulesFormat.text,
) -> None:
    """List every rule with its code, name, severity and summary; or explain one rule."""
    from ksd_cli.rules import RULES, find_rule

    selected = RULES
    if code is not None:
        rule = find_rule(code)
        if rule is None:
            raise UserError(Msg("rules.unknown", code=repr(code)), hint=Msg("rules.list-hint"))
        selected = (rule,)
    if output_format is RulesFormat.json:
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "summary": r.summary,
                "doc": inspect.cleandoc(r.doc),
            }
            for r in selected
        ]
        json.dump({"schema_version": 1, "rules": rows}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(highlight=False)
    if code is not None:
        rule = selected[0]
        console.print(f"[bold]{rule.code} {rule.name}[/] ({rule.severity.value})\n")
        console.print(escape(inspect.cleandoc(rule.doc)))
        return
    table = Table(box=None, pad_edge=False)
    for column in ("code", "name", "severity", "summary"):
        table.add_column(column)
    for rule in selected:
        table.add_row(rule.code, rule.name, rule.severity.value, escape(rule.summary))
    console.print(table)
