"""The semantic diff for people: a terminal text and a Markdown pull-request comment."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, TextIO

from ksd_cli.diff.model import MISSING, DiffResult, RecordChange, RecordDiff, Side, Transition
from ksd_cli.messages import Lang, message

_MARK = {"added": "+", "removed": "-", "changed": "~", "flags": "!"}
_MD_MARK = {"added": "➕", "removed": "➖", "changed": "✏️", "flags": "⚠️"}


def _t(key: str, lang: Lang, **args: object) -> str:
    return message(f"diff.{key}", lang, **args)


def _side_label(side: Side, lang: Lang) -> str:
    if side.working_tree:
        return _t("working_tree", lang)
    if side.revision and side.short and not side.revision.startswith(side.short):
        return f"{side.revision} ({side.short})"
    return side.short or side.revision or "?"


def show_value(value: Any, limit: int = 70) -> str:
    """A value on one line for people: dates ISO, lists and mappings in flow form, shortened."""
    if value is MISSING or value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        text = "{" + ", ".join(f"{k}: {show_value(v, limit)}" for k, v in value.items()) + "}"
    elif isinstance(value, list):
        text = "[" + ", ".join(show_value(v, limit) for v in value) + "]"
    elif isinstance(value, datetime | date):
        text = value.isoformat()
    else:
        text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _arrow(transition: Transition, change: RecordChange = "changed") -> str:
    old, new = transition.old or "—", transition.new or "—"
    if change == "added":
        return new
    if change == "removed":
        return old
    return f"{old} → {new}" if transition.changed else new


def write_json(result: DiffResult, stream: TextIO) -> None:
    """The diff's stable JSON form (the language does not change it)."""
    json.dump(result.as_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def render_text(result: DiffResult, lang: Lang = "id") -> str:
    """The diff for a terminal: one block per record, most telling lines first."""
    lines = [
        f"ksd diff {_side_label(result.before, lang)} → {_side_label(result.after, lang)} · "
        f"{_t('as_of', lang)} {result.as_of.isoformat()}",
        _t(
            "summary",
            lang,
            changed=result.count("changed"),
            added=result.count("added"),
            removed=result.count("removed"),
        )
        + " · "
        + _t("flags", lang, raised=result.flags_raised, cleared=result.flags_cleared)
        + _unjudged(result, lang),
    ]
    if not result.records:
        lines += ["", _t("nothing", lang)]
    for record in result.records:
        lines.append("")
        lines.extend(_text_record(record, lang))
    return "\n".join(lines) + "\n"


def _unjudged(result: DiffResult, lang: Lang) -> str:
    """The summary's "not judged" count, when a record's flags are not judged on one side."""
    count = result.flags_unjudged
    return f", {_t('flags.unjudged', lang, count=count)}" if count else ""


def _text_record(record: RecordDiff, lang: Lang) -> list[str]:
    title = show_value(record.judul, 60)
    head = f"{_MARK[record.change]} {record.id}  {title}"
    if record.change in ("added", "removed"):
        head += f"  ({_t(record.change, lang)})"
    out = [head]
    if record.tahap is not None and record.status is not None:
        out.append(
            f"    {_t('tahap', lang)} {_arrow(record.tahap, record.change)} · "
            f"{_t('status', lang)} {_arrow(record.status, record.change)}"
        )
    width = max((len(f.path) for f in record.fields), default=0)
    for change in record.fields:
        if change.kind == "added":
            value = f"+ {show_value(change.new)}"
        elif change.kind == "removed":
            value = f"- {show_value(change.old)}"
        else:
            value = f"{show_value(change.old, 34)} → {show_value(change.new, 34)}"
        out.append(f"    {change.path.ljust(width)}  {value}")
    for flag in record.flags_raised:
        label = _t("raised" if flag.kategori == "macet" else "raised.pengingat", lang)
        out.append(f"    {label}  {flag.code}: {flag.message}")
    for flag in record.flags_cleared:
        out.append(f"    {_t('cleared', lang)}  {flag.code}")
    for flag in record.flags_unjudged:
        out.append(f"    {_t('unjudged', lang)}  {flag.code}")
    out.extend(f"    {line}" for line in _notes(record, lang))
    return out


def _notes(record: RecordDiff, lang: Lang) -> list[str]:
    notes = []
    if record.valid_before is False:
        notes.append(_t("invalid", lang, side=_t("before", lang)))
    if record.valid_after is False:
        notes.append(_t("invalid", lang, side=_t("after", lang)))
    if record.placeholders:
        notes.append(_t("placeholders", lang, paths=", ".join(record.placeholders)))
    return notes


def _cell(text: str) -> str:
    from ksd_cli.escaping import markdown_cell

    return markdown_cell(text)


def _code(text: str, *, in_table: bool = False) -> str:
    from ksd_cli.escaping import markdown_code

    return markdown_code(text, in_table=in_table)


def render_markdown(result: DiffResult, lang: Lang = "id") -> str:
    """The diff for a pull-request comment or ``$GITHUB_STEP_SUMMARY``."""
    before = _side_label(result.before, lang)
    after = _side_label(result.after, lang)
    out = [
        f"### {_t('md.title', lang)}: `{before}` → `{after}`",
        "",
        f"{_t('as_of', lang).capitalize()} {result.as_of.isoformat()} · **"
        + _t(
            "summary",
            lang,
            changed=result.count("changed"),
            added=result.count("added"),
            removed=result.count("removed"),
        )
        + "** · "
        + _t("flags", lang, raised=f"**{result.flags_raised}**", cleared=result.flags_cleared)
        + _unjudged(result, lang),
        "",
    ]
    if not result.records:
        out.append(_t("nothing", lang))
        return "\n".join(out) + "\n"
    out += [
        f"| | {_t('md.record', lang)} | {_t('tahap', lang).capitalize()} | "
        f"{_t('status', lang).capitalize()} | {_t('md.flags', lang)} |",
        "|---|---|---|---|---|",
    ]
    for record in result.records:
        tahap = _arrow(record.tahap, record.change) if record.tahap else ""
        status = _arrow(record.status, record.change) if record.status else ""
        if record.change == "changed" and record.tahap is not None and record.tahap.changed:
            tahap = f"**{tahap}**"
        if record.change == "changed" and record.status is not None and record.status.changed:
            status = f"**{status}**"
        flags = [f"⚠️ `{f.code}`" for f in record.flags_raised]
        flags += [f"✅ ~~`{f.code}`~~" for f in record.flags_cleared]
        flags += [f"❔ `{f.code}`" for f in record.flags_unjudged]
        out.append(
            f"| {_MD_MARK[record.change]} | **{record.id}** {_cell(show_value(record.judul, 60))} "
            f"| {tahap} | {status} | {' '.join(flags)} |"
        )
    for record in result.records:
        details = _md_details(record, lang)
        if details:
            out += ["", *details]
    return "\n".join(out) + "\n"


def _md_details(record: RecordDiff, lang: Lang) -> list[str]:
    if not (
        record.fields
        or record.flags_raised
        or record.flags_cleared
        or record.flags_unjudged
        or _notes(record, lang)
    ):
        return []
    out = [f"#### {record.id} — {_cell(show_value(record.judul, 80))}", "", _code(record.path), ""]
    if record.fields:
        out += [
            f"| {_t('md.field', lang)} | {_t('before', lang).capitalize()} | "
            f"{_t('after', lang).capitalize()} |",
            "|---|---|---|",
        ]
        for change in record.fields:
            out.append(
                f"| {_code(change.path, in_table=True)} | {_cell(show_value(change.old, 60))} | "
                f"{_cell(show_value(change.new, 60))} |"
            )
        out.append("")
    for flag in record.flags_raised:
        label = _t("raised" if flag.kategori == "macet" else "raised.pengingat", lang)
        out.append(f"- ⚠️ **{label}** `{flag.code}`: {_cell(flag.message)}")
    for flag in record.flags_cleared:
        out.append(f"- ✅ {_t('cleared', lang)} `{flag.code}`: {_cell(flag.message)}")
    for flag in record.flags_unjudged:
        out.append(f"- ❔ {_t('unjudged', lang)} `{flag.code}`: {_cell(flag.message)}")
    for note in _notes(record, lang):
        out.append(f"- ⚠️ {note}")
    return out
