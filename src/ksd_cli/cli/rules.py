"""``ksd rules``: list the rules, or explain one."""

from __future__ import annotations

import enum
import json
import sys
from typing import Annotated, Optional

import typer

from ksd_cli.cli.common import LangOption, language
from ksd_cli.errors import UserError
from ksd_cli.escaping import text_console
from ksd_cli.messages import Msg, message


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
    lang: LangOption = None,
) -> None:
    """List every rule with its code, name, severity and summary; or explain one rule.

    Pages are in the chosen language (--lang, KSD_LANG); a rule without an Indonesian page yet
    is explained in English.
    """
    from ksd_cli.messages.rules import has_page, rule_page, rule_summary
    from ksd_cli.rules import RULES, find_rule

    lang_ = language(lang)
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
                "summary": rule_summary(r.code, r.doc, lang_),
                "doc": rule_page(r.code, r.doc, lang_),
            }
            for r in selected
        ]
        json.dump({"schema_version": 1, "rules": rows}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from rich.markup import escape
    from rich.table import Table

    console = text_console()
    if code is not None:
        rule = selected[0]
        severity = message(f"severity.{rule.severity.value}", lang_)
        console.print(f"[bold]{rule.code} {rule.name}[/] ({severity})\n")
        if not has_page(rule.code, lang_):
            console.print(f"[italic]{escape(message('rules.no-page', lang_))}[/]\n")
        console.print(escape(rule_page(rule.code, rule.doc, lang_)))
        return
    table = Table(box=None, pad_edge=False)
    severities = [message(f"severity.{rule.severity.value}", lang_) for rule in selected]
    # Code, name and severity whole on one line (a name is what ``ksd rules NAME`` and
    # ``ignore`` take: at 80 columns the longest was cut to "penandatangan-tanpa-surat-ku…");
    # the summary wraps in what is left.
    for column, values in (
        ("code", [rule.code for rule in selected]),
        ("name", [rule.name for rule in selected]),
        ("severity", severities),
    ):
        table.add_column(
            message(f"rules.col.{column}", lang_),
            no_wrap=True,
            min_width=max(map(len, values), default=0),
        )
    table.add_column(message("rules.col.summary", lang_), overflow="fold")
    for rule in selected:
        table.add_row(
            rule.code,
            rule.name,
            message(f"severity.{rule.severity.value}", lang_),
            escape(rule_summary(rule.code, rule.doc, lang_)),
        )
    console.print(table)
