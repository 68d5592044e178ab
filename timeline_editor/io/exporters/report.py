"""Chronology reports in Markdown and HTML.

Entries in date order (undated at the end). Each heading gives the date in plain
words first ('19 Nov 2021 (uncertain)', 'between 1 and 10 Nov 2021', 'undated'),
then the source's own wording in quotes, then the title. Below: kind, status,
estimative likelihood and confidence, a "disputed" mark, the description, the
claims with their speakers and stances, and the sources the entry cites, one
line per source with each of its quotes as a numbered footnote (quote and
locator). The report ends with the source library and each source's Admiralty
grade. All text from the project is escaped (HTML) or backslash-escaped
(Markdown), so a title cannot inject markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.model.datewords import date_words
from timeline_editor.model.entities import Citation, DateValue, Entry, Project
from timeline_editor.model.queries import is_disputed
from timeline_editor.model.vocab import likelihood_label

from ._common import Lookup, date_order, grade_text, source_text


@dataclass
class Line:
    """A piece of text followed by footnote numbers."""

    text: str
    notes: list[int] = field(default_factory=list)


@dataclass
class Section:
    """One entry of the report: its date in words, the source's wording, its title…"""

    date: str
    stated: str
    title: str
    facts: str
    description: str
    claims: list[Line]
    sources: list[Line]


@dataclass
class Report:
    """Everything a report shows, before it is written as Markdown or HTML."""

    title: str
    intro: str
    sections: list[Section]
    footnotes: list[str]
    library: list[str]


def _facts(entry: Entry) -> str:
    facts = [entry.kind.value, entry.status.value]
    if entry.likelihood:
        facts.append(likelihood_label(entry.likelihood))
    if entry.confidence:
        facts.append(f"{entry.confidence.value} confidence")
    if is_disputed(entry):
        facts.append("DISPUTED")
    return " · ".join(facts)


def _note(citation: Citation, lookup: Lookup, notes: list[str], name_source: bool) -> int:
    """Add a footnote (quote, source unless the line names it, locator); its number."""
    parts = [f"“{citation.quote}”"] if citation.quote else []
    if name_source or (not parts and not citation.locator):
        source = lookup.sources.get(citation.source_id)
        parts.append((source.title or source.url) if source else citation.source_id)
    if citation.locator:
        parts.append(citation.locator)
    notes.append(" — ".join(" ".join(p.split()) for p in parts))
    return len(notes)


def _said(said: DateValue) -> str:
    """' (8 Nov 2021, “in early November”)' for when a claim was made, or ''."""
    parts = [date_words(said.edtf)] if said.edtf else []
    if said.as_stated:
        parts.append(f"“{said.as_stated}”")
    return f" ({', '.join(parts)})" if parts else ""


def _claims(entry: Entry, lookup: Lookup, notes: list[str]) -> list[Line]:
    claims = []
    for claim in entry.claims:
        retracted = " [retracted]" if claim.retracted else ""
        speaker = lookup.actor_name(claim.speaker_id)
        line = Line(f"{speaker} {claim.stance.value}{_said(claim.said)}: {claim.text}{retracted}")
        if claim.citation is not None:
            line.notes.append(_note(claim.citation, lookup, notes, name_source=True))
        claims.append(line)
    return claims


def _sources(entry: Entry, lookup: Lookup, notes: list[str]) -> list[Line]:
    """One line per cited source, in order of first citation, its quotes as footnotes."""
    lines: dict[str, Line] = {}
    for citation in entry.citations:
        line = lines.get(citation.source_id)
        if line is None:
            source = lookup.sources.get(citation.source_id)
            title = (source.title or source.url) if source else citation.source_id
            line = lines[citation.source_id] = Line(title)
        line.notes.append(_note(citation, lookup, notes, name_source=False))
    return list(lines.values())


def _section(entry: Entry, lookup: Lookup, notes: list[str]) -> Section:
    claims = _claims(entry, lookup, notes)
    return Section(
        date_words(entry.when.edtf),
        entry.when.as_stated,
        entry.title,
        _facts(entry),
        entry.description,
        claims,
        _sources(entry, lookup, notes),
    )


def build_report(project: Project) -> Report:
    """The report's content in date order."""
    lookup = Lookup.of(project)
    notes: list[str] = []
    sections = [_section(e, lookup, notes) for e in date_order(project)]
    library = [f"{source_text(s)} — reliability {grade_text(s)}" for s in project.sources]
    intro = f"Knowledge as of {date_words(project.as_of)}." if project.as_of else ""
    if project.description:
        intro = f"{project.description}\n\n{intro}".strip()
    return Report(project.title, intro, sections, notes, library)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """Markdown-escaped inline text (line breaks become spaces)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_line(line: Line) -> str:
    return md(line.text) + "".join(f"[^{n}]" for n in line.notes)


def _sources_word(s: Section) -> str:
    return "Source" if len(s.sources) == 1 else "Sources"


def _md_heading(s: Section) -> str:
    stated = f" — “{md(s.stated)}”" if s.stated else ""
    return f"{md(s.date)}{stated} — {md(s.title or '(untitled)')}"


def to_markdown(report: Report) -> str:
    """The report as Markdown (CommonMark with footnotes)."""
    out = [f"# {md(report.title)}", ""]
    if report.intro:
        out += [md(report.intro), ""]
    for s in report.sections:
        out += [f"## {_md_heading(s)}", "", f"*{md(s.facts)}*", ""]
        out += [md(p) + "\n" for p in s.description.split("\n\n") if p.strip()]
        out += [f"- {_md_line(c)}" for c in s.claims]
        if s.sources:
            out.append(f"- {_sources_word(s)}: " + ", ".join(_md_line(x) for x in s.sources))
        out.append("")
    out += ["## Sources", ""] + [f"- {md(x)}" for x in report.library] + [""]
    out += [f"[^{n}]: {md(text)}" for n, text in enumerate(report.footnotes, 1)]
    return "\n".join(out).rstrip() + "\n"


def _html_line(line: Line) -> str:
    # A comma between the marks, else notes 1 and 2 read as note 12.
    refs = "<sup>,</sup>".join(
        f'<sup><a href="#fn{n}" id="ref{n}">{n}</a></sup>' for n in line.notes
    )
    return html.escape(line.text) + refs


def _html_section(s: Section) -> list[str]:
    stated = f" — <span class=stated>“{html.escape(s.stated)}”</span>" if s.stated else ""
    title = html.escape(s.title or "(untitled)")
    out = [
        "<section>",
        f"<h2><span class=date>{html.escape(s.date)}</span>{stated} — {title}</h2>",
        f"<p class=facts>{html.escape(s.facts)}</p>",
    ]
    out += [f"<p>{html.escape(p)}</p>" for p in s.description.split("\n\n") if p.strip()]
    items = [f"<li>{_html_line(c)}</li>" for c in s.claims]
    if s.sources:
        lines = ", ".join(_html_line(x) for x in s.sources)
        items.append(f"<li>{_sources_word(s)}: {lines}</li>")
    if items:
        out += ["<ul>", *items, "</ul>"]
    return [*out, "</section>"]


def to_html(report: Report) -> str:
    """The report as a standalone HTML page."""
    title = html.escape(report.title)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{title}</title>",
        "<style>body{font-family:sans-serif;max-width:50em;margin:auto}"
        ".facts,.stated{color:#555;font-style:italic}.stated{font-weight:normal}"
        ".date{color:#246}</style>",
        f"</head><body><h1>{title}</h1>",
    ]
    if report.intro:
        out.append(f"<p>{html.escape(report.intro)}</p>")
    for section in report.sections:
        out += _html_section(section)
    out += ["<h2>Sources</h2>", "<ul>"]
    out += [f"<li>{html.escape(x)}</li>" for x in report.library] + ["</ul>"]
    if report.footnotes:
        out.append('<h2>Notes</h2><ol class="footnotes">')
        out += [
            f'<li id="fn{n}">{html.escape(t)} <a href="#ref{n}">↩</a></li>'
            for n, t in enumerate(report.footnotes, 1)
        ]
        out.append("</ol>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def export_markdown(project: Project, path: Path) -> None:
    """Write the chronology report as Markdown."""
    atomic_write_bytes(path, to_markdown(build_report(project)).encode("utf-8"))


def export_html(project: Project, path: Path) -> None:
    """Write the chronology report as HTML."""
    atomic_write_bytes(path, to_html(build_report(project)).encode("utf-8"))
