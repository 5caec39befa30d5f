"""Drafting a naskah: pick the document, check the required data, render it, write it."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args

from ksd_cli import __version__
from ksd_cli.diagnostics import Diagnostic, Severity
from ksd_cli.draft import wording
from ksd_cli.draft.context import DraftContext, MissingField, build_context
from ksd_cli.draft.provenance import Provenance
from ksd_cli.errors import UserError
from ksd_cli.escaping import terminal_text
from ksd_cli.gitio import head_id
from ksd_cli.ids import is_record_id
from ksd_cli.loading import load_file
from ksd_cli.messages import Msg
from ksd_cli.models import Agreement, JenisNaskah, Naskah
from ksd_cli.naming import naskah_title
from ksd_cli.reference import load_reference
from ksd_cli.repository import RECORD_SUFFIXES, Repository, SourceFile, record_stem

OutputFormat = Literal["md", "docx", "pdf"]
JENIS_NASKAH: tuple[str, ...] = get_args(JenisNaskah)

#: The template of each kind of naskah; a data repository overrides one by its file name.
TEMPLATES: dict[str, str] = {
    "kesepakatan_bersama": "kesepakatan_bersama.md.j2",
    "nota_kesepahaman": "kesepakatan_bersama.md.j2",
    "nota_kesepakatan": "nota_kesepakatan.md.j2",
    "perjanjian_kerja_sama": "perjanjian_kerja_sama.md.j2",
    "adendum": "adendum.md.j2",
    # Not bundled: a letter of intent has no standard form; a repository may supply one.
    "surat_pernyataan_kehendak": "surat_pernyataan_kehendak.md.j2",
}

_MARKER = re.compile(r"\[\[[^\]]+\]\]")


class NaskahIncomplete(UserError):
    """Required data for the naskah is missing from the record (``--draft`` renders anyway)."""

    def __init__(self, source: str, missing: Sequence[MissingField]) -> None:
        lines = "\n".join(f"{source}: {m.path}: {m.message}" for m in missing)
        super().__init__(
            Msg("draft.incomplete.detail", count=len(missing), lines=lines),
            hint=Msg("draft.incomplete.hint-blanks"),
        )
        self.source = source
        self.missing = tuple(missing)


@dataclass(frozen=True)
class Selection:
    """The naskah chosen for drafting; ``new`` when it is not in the record yet."""

    agreement: Agreement
    index: int
    new: bool

    @property
    def naskah(self) -> Naskah:
        """The chosen document."""
        return (self.agreement.naskah or [])[self.index]


@dataclass(frozen=True)
class RenderedNaskah:
    """A rendered naskah: the Markdown (with provenance), and the bytes of the chosen format."""

    record_id: str
    source: str
    position: int
    new: bool
    jenis: str
    template: str
    title: str
    #: The template's output alone, without front matter or footer.
    body: str
    #: The Markdown file: front matter, a draft's note, body (a final has no provenance line).
    markdown: str
    output_format: OutputFormat
    content: bytes
    missing: tuple[MissingField, ...]
    provenance: Provenance
    #: Whether this kind of naskah occurs more than once in the record (names need the position).
    repeated_kind: bool
    #: The English text beside a foreign cooperation's naskah (``templates/en/``), else ``None``.
    english: str | None = None

    @property
    def markers(self) -> tuple[str, ...]:
        """The ``[[... belum diisi]]`` markers in the body, in order."""
        # Markers inside escaped record text (table cells) read ``\[\[...\]\]``.
        body = self.body.replace("\\[\\[", "[[").replace("\\]\\]", "]]")
        return tuple(_MARKER.findall(body))

    def default_filename(self) -> str:
        """``<ID>-<jenis>.md``, with ``-<position>`` when the record has several of the kind."""
        position = f"-{self.position}" if self.repeated_kind else ""
        return f"{self.record_id}-{self.jenis}{position}.{self.output_format}"


def find_record(repository: Repository, record_id: str) -> SourceFile:
    """The agreement file of ``record_id`` (``data/agreements/<id>.yaml``).

    ``record_id`` must be an agreement id: it never becomes a path of its own
    (``ksd draft ../../outside/evil`` is refused before anything is read).
    """
    folder = repository.agreements_dir
    valid = is_record_id(record_id, "KSD")
    if valid:
        for suffix in RECORD_SUFFIXES:
            path = folder / f"{record_id}{suffix}"
            if os.path.lexists(path):
                return repository.source_for(path)
    stems = {p: stem for p in folder.glob("*") if (stem := record_stem(p.name)) is not None}
    # Saved as "KSD-....YAML" (a Windows tool): the repository's listing reads it too.
    named = sorted(p for p, stem in stems.items() if valid and stem == record_id)
    if named:
        return repository.source_for(named[0])
    close = difflib.get_close_matches(record_id, sorted(stems.values()), n=1)
    hint = Msg("record.did-you-mean", id=close[0]) if close else Msg("record.not-found.hint")
    if not valid:
        raise UserError(Msg("id.invalid", value=record_id), hint=hint if close else None)
    raise UserError(
        Msg("record.not-found", id=record_id, folder=repository.relative(folder)), hint=hint
    )


def load_agreement(repository: Repository, record_id: str) -> tuple[SourceFile, Agreement]:
    """Read and validate one agreement; a record that fails the schema is a ``UserError``."""
    source = find_record(repository, record_id)
    max_bytes = repository.config.validate_.max_file_kb * 1024
    loaded, findings = load_file(source, max_bytes=max_bytes, lang="id")
    if loaded is None or not isinstance(loaded.record, Agreement):
        raise RecordHasErrors(source.rel, findings, draftable=False)
    return source, loaded.record


class RecordHasErrors(UserError):
    """The record has errors: no naskah is drafted from it (``--draft`` when it loads)."""

    def __init__(
        self, source: str, findings: Sequence[Diagnostic], *, draftable: bool = True
    ) -> None:
        errors = [f for f in findings if f.severity is Severity.ERROR] or list(findings)
        lines = "\n".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in errors)
        super().__init__(
            Msg("draft.record-has-errors", path=source, count=len(errors), findings=lines),
            hint=Msg(
                "draft.record-has-errors.hint" if draftable else "draft.record-invalid.hint",
                path=source,
            ),
        )
        self.source = source
        self.findings = tuple(errors)


def check_sound(
    repository: Repository, source: SourceFile, *, as_of: date, use_cache: bool = True
) -> None:
    """Refuse a record with errors (from loading or from any rule), listing every one."""
    from ksd_cli.validate import validate_repository

    report = validate_repository(
        repository, as_of=as_of, lang="id", paths=[source.rel], use_cache=use_cache
    )
    errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
    if errors:
        raise RecordHasErrors(source.rel, errors)


def select_naskah(agreement: Agreement, choice: int | str | None) -> Selection:
    """The naskah to draft.

    ``choice`` is a 1-based position in ``naskah``, a kind (the latest of that kind), or
    ``None`` (the latest entry). When the record has no naskah of the kind asked for (or
    none at all, for the default), a new one of that kind (a KB by default) is appended to a
    copy of the record, so that a PKS still finds the KB it follows.
    """
    documents = list(agreement.naskah or [])
    if choice is None:
        if documents:
            return Selection(agreement, len(documents) - 1, False)
        choice = "kesepakatan_bersama"
    if isinstance(choice, int):
        if not 1 <= choice <= len(documents):
            raise UserError(
                Msg("draft.no-such-naskah", id=agreement.id, choice=choice, count=len(documents)),
                hint=Msg("draft.no-such-naskah.hint"),
            )
        return Selection(agreement, choice - 1, False)
    if choice not in JENIS_NASKAH:
        raise UserError(
            Msg("draft.unknown-kind", choice=choice),
            hint=Msg("hint.one-of", choices=", ".join(JENIS_NASKAH)),
        )
    matches = [i for i, d in enumerate(documents) if d.jenis == choice]
    if matches:
        return Selection(agreement, matches[-1], False)
    extended = agreement.model_copy(
        update={"naskah": [*documents, Naskah.model_validate({"jenis": choice})]}
    )
    return Selection(extended, len(documents), True)


def prepare(
    repository: Repository,
    record_id: str,
    *,
    naskah: int | str | None = None,
    draft: bool = False,
) -> tuple[SourceFile, Selection, DraftContext]:
    """Load the record, select the naskah and build its template context."""
    source, agreement = load_agreement(repository, record_id)
    selection = select_naskah(agreement, naskah)
    context = build_context(
        selection.agreement,
        selection.index,
        load_reference(),
        owner_code=owner_code(repository, agreement),
        new=selection.new,
        draft=draft,
        sebutan_pihak=repository.config.naskah.sebutan_pihak,
        alamat_pemilik=repository.config.daerah.alamat,
    )
    return source, selection, context


def missing_fields(
    repository: Repository, record_id: str, *, naskah: int | str | None = None
) -> list[MissingField]:
    """Every required value the chosen naskah lacks, with its record path.

    Paths count positions from 1, as ``--naskah`` and ``induk`` do: ``naskah[2].nomor.pihak_kedua``.
    """
    return list(prepare(repository, record_id, naskah=naskah)[2].missing)


def render_naskah(
    repository: Repository,
    record_id: str,
    *,
    naskah: int | str | None = None,
    output_format: OutputFormat = "md",
    draft: bool = False,
    today: date,
    use_cache: bool = True,
) -> RenderedNaskah:
    """Render one naskah of a record as Markdown, Word, or PDF (Word through LibreOffice).

    Raises ``NaskahIncomplete`` when required data is missing, unless ``draft`` (then each
    gap shows as a ``[[... belum diisi]]`` marker). A naskah that is not in the record yet
    (a new KB for a record without documents) is always rendered as a draft. ``today`` is the
    generation date written in the provenance. ``use_cache``: whether the check for errors
    may use the record cache (see ``ksd_cli.cache``), and the templates be kept compiled there.
    """
    from jinja2 import TemplateNotFound

    from ksd_cli.jinja import make_environment

    source, selection, context = prepare(repository, record_id, naskah=naskah, draft=draft)
    if not draft:
        check_sound(repository, source, as_of=today, use_cache=use_cache)
    jenis = selection.naskah.jenis
    template_name = TEMPLATES[jenis]
    env = make_environment(repository, filters=wording.FILTERS, keep_compiled=use_cache)
    try:
        template = env.get_template(template_name)
    except TemplateNotFound:
        raise UserError(
            Msg(
                "draft.no-template",
                source=source.rel,
                posisi=context.naskah.posisi,
                title=naskah_title(jenis),
                jenis=jenis,
            ),
            hint=Msg(
                "draft.no-template.hint",
                path=f"{repository.config.paths.templates}/{template_name}",
            ),
        ) from None
    if context.missing and not (draft or selection.new):
        raise NaskahIncomplete(source.rel, context.missing)
    template_file = _override(repository, Path(template.filename or template_name))
    english_template = (
        _english_template(env, template_name) if context.kerja_sama.luar_negeri else None
    )
    if english_template is not None:
        context = replace(context, dwibahasa=True)
    english = (
        normalise_markdown(terminal_text(english_template.render(context.as_template_vars())))
        if english_template is not None
        else None
    )
    # Control characters and escape sequences from record text end up nowhere: not in the
    # Markdown (often printed to a terminal), not in the Word file (XML cannot hold them).
    body = normalise_markdown(terminal_text(template.render(context.as_template_vars())))
    title = document_title(context)
    provenance = Provenance(
        record_id=record_id,
        source=source.rel,
        position=context.naskah.posisi,
        jenis=jenis,
        template=template_name,
        template_file=template_file,
        ksd_version=__version__,
        commit=head_id(repository.root),
        generated=today,
        draft=draft or selection.new or bool(context.missing),
    )
    note = f"_{provenance.note()}_\n\n" if provenance.draft else ""
    # A foreign cooperation's Markdown holds the two texts as two parts, Indonesian first.
    both = f"{body}\n<!-- ksd:halaman-baru -->\n\n{english}" if english else body
    markdown = f"{provenance.front_matter(title)}\n{note}{with_blanks(both)}"
    if output_format in ("docx", "pdf"):
        from ksd_cli.draft.docx import markdown_to_docx

        content = markdown_to_docx(
            body,
            provenance,
            title=title,
            subject=context.kerja_sama.judul,
            paraf=[p.label for p in context.pihak],
            english=english,
        )
        if output_format == "pdf":
            from ksd_cli.office import docx_to_pdf

            content = docx_to_pdf(content)
    else:
        content = markdown.encode("utf-8")
    documents = selection.agreement.naskah or []
    return RenderedNaskah(
        record_id=record_id,
        source=source.rel,
        position=context.naskah.posisi,
        new=selection.new,
        jenis=jenis,
        template=template_name,
        title=title,
        body=body,
        english=english,
        markdown=markdown,
        output_format=output_format,
        content=content,
        missing=context.missing,
        provenance=provenance,
        repeated_kind=sum(d.jenis == jenis for d in documents) > 1,
    )


def _english_template(env: Any, template_name: str) -> Any:
    """The English template of a foreign cooperation's naskah, or ``None`` when there is none.

    ``en/<template>`` is looked up as any template is (the repository's own first); a kind
    without one is drafted in Indonesian alone. Numbering restarts, Article for Pasal.
    """
    from jinja2 import TemplateNotFound

    try:
        return env.get_template(f"en/{template_name}")
    except TemplateNotFound:
        return None


def write_naskah(rendered: RenderedNaskah, path: Path, *, force: bool = False) -> Path:
    """Write the rendered file to ``path`` atomically; an existing file needs ``force``."""
    from ksd_cli.outputs import write_output

    write_output(path, rendered.content, force=force)
    return path


def naskah_bytes(rendered: RenderedNaskah) -> bytes:
    """The output writer of ``ksd draft`` (see :mod:`ksd_cli.outputs`): the rendered file."""
    return rendered.content


def document_title(context: DraftContext) -> str:
    """The title on one line: "KESEPAKATAN BERSAMA ANTARA ... DAN ... TENTANG ..."."""
    parties = wording.gabung([p.nama for p in context.pihak])
    return wording.kapital(
        f"{context.naskah.sebutan} antara {parties} tentang {context.naskah.tentang}"
    )


def with_blanks(body: str) -> str:
    """The body with each ``[[...]]`` gap as a blank, named in a footnote at the end.

    The blank is Word's (:data:`ksd_cli.draft.docx.BLANK`), where a comment names the gap.

    Only a draft has gaps (a final with missing data is refused), so only a draft carries the
    footnotes; the text itself never shows a field name. One footnote per distinct gap.
    """
    from ksd_cli.draft.docx import BLANK

    notes: dict[str, int] = {}

    def blank(match: re.Match[str]) -> str:
        what = (match.group(1) or match.group(2)).replace("\\_", "_").lower()
        number = notes.setdefault(what, len(notes) + 1)
        return f"{BLANK}[^{number}]"

    text = _GAP.sub(blank, body)
    if not notes:
        return text
    footnotes = "\n".join(f"[^{n}]: {what}" for what, n in notes.items())
    return f"{text}\n{footnotes}\n"


#: A gap, as the template wrote it or escaped inside record text (a table cell).
_GAP = re.compile(r"\\\[\\\[(.+?)\\\]\\\]|\[\[([^\]]+)\]\]")


def normalise_markdown(text: str) -> str:
    """Template output tidied: no trailing spaces, at most one blank line, one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    tidy = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return tidy + "\n"


def owner_code(repository: Repository, agreement: Agreement) -> str | None:
    """The region that owns the repository: ``[daerah] kode``, else read from the record id."""
    if repository.config.daerah.kode:
        return repository.config.daerah.kode
    match = re.match(r"KSD-(\d{2})(\d{2})?-", agreement.id)
    if match is None:
        return None
    return match.group(1) + (f".{match.group(2)}" if match.group(2) else "")


def _override(repository: Repository, path: Path) -> str | None:
    """The template file relative to the root when the repository's own, else ``None``."""
    own = (repository.root / repository.config.paths.templates).resolve()
    return repository.relative(path) if own in path.resolve().parents else None
