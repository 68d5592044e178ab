"""Chronology reports in Markdown and HTML.

Entries in date order (undated at the end), each with its date as the source
stated it, kind, status, estimative likelihood and confidence, a "disputed" mark,
the description, the claims with their speakers and stances, and the sources it
cites. Every citation becomes a numbered footnote holding its verbatim quote and
locator. The report ends with the source library and each source's Admiralty
grade. All text from the project is escaped (HTML) or backslash-escaped
(Markdown), so a title cannot inject markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from timeline_editor.io.atomic import atomic_write_bytes
from timeline_editor.model.entities import Citation, Entry, Project
from timeline_editor.model.queries import is_disputed
from timeline_editor.model.vocab import likelihood_label

from ._common import Lookup, date_label, date_order, grade_text, source_text


@dataclass
class Line:
    """A piece of text followed by footnote numbers."""

    text: str
    notes: list[int] = field(default_factory=list)


@dataclass
class Section:
    """One entry of the report."""

    date: str
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


def _note(citation: Citation, lookup: Lookup, notes: list[str]) -> int:
    source = lookup.sources.get(citation.source_id)
    parts = [f"“{citation.quote}”"] if citation.quote else []
    parts.append(source.title or source.url if source else citation.source_id)
    if citation.locator:
        parts.append(citation.locator)
    notes.append(" — ".join(" ".join(p.split()) for p in parts))
    return len(notes)


def _section(entry: Entry, lookup: Lookup, notes: list[str]) -> Section:
    claims = []
    for claim in entry.claims:
        said = f" ({claim.said.as_stated or claim.said.edtf})" if claim.said.edtf else ""
        retracted = " [retracted]" if claim.retracted else ""
        text = f"{lookup.actor_name(claim.speaker_id)} {claim.stance.value}{said}: {claim.text}"
        line = Line(text + retracted)
        if claim.citation is not None:
            line.notes.append(_note(claim.citation, lookup, notes))
        claims.append(line)
    sources = []
    for citation in entry.citations:
        source = lookup.sources.get(citation.source_id)
        title = (source.title or source.url) if source else citation.source_id
        sources.append(Line(title, [_note(citation, lookup, notes)]))
    return Section(
        date_label(entry), entry.title, _facts(entry), entry.description, claims, sources
    )


def build_report(project: Project) -> Report:
    """The report's content in date order."""
    lookup = Lookup.of(project)
    notes: list[str] = []
    sections = [_section(e, lookup, notes) for e in date_order(project)]
    library = [f"{source_text(s)} — reliability {grade_text(s)}" for s in project.sources]
    intro = f"Knowledge as of {project.as_of}." if project.as_of else ""
    if project.description:
        intro = f"{project.description}\n\n{intro}".strip()
    return Report(project.title, intro, sections, notes, library)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """Markdown-escaped inline text (line breaks become spaces)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_line(line: Line) -> str:
    return md(line.text) + "".join(f"[^{n}]" for n in line.notes)


def to_markdown(report: Report) -> str:
    """The report as Markdown (CommonMark with footnotes)."""
    out = [f"# {md(report.title)}", ""]
    if report.intro:
        out += [md(report.intro), ""]
    for s in report.sections:
        out += [f"## {md(s.date)} — {md(s.title or '(untitled)')}", "", f"*{md(s.facts)}*", ""]
        out += [md(p) + "\n" for p in s.description.split("\n\n") if p.strip()]
        out += [f"- {_md_line(c)}" for c in s.claims]
        if s.sources:
            out.append("- Sources: " + ", ".join(_md_line(x) for x in s.sources))
        out.append("")
    out += ["## Sources", ""] + [f"- {md(x)}" for x in report.library] + [""]
    out += [f"[^{n}]: {md(text)}" for n, text in enumerate(report.footnotes, 1)]
    return "\n".join(out).rstrip() + "\n"


def _html_line(line: Line) -> str:
    refs = "".join(f'<sup><a href="#fn{n}" id="ref{n}">{n}</a></sup>' for n in line.notes)
    return html.escape(line.text) + refs


def _html_section(s: Section) -> list[str]:
    out = [
        "<section>",
        f"<h2><span class=date>{html.escape(s.date)}</span> — {html.escape(s.title)}</h2>",
        f"<p class=facts>{html.escape(s.facts)}</p>",
    ]
    out += [f"<p>{html.escape(p)}</p>" for p in s.description.split("\n\n") if p.strip()]
    items = [f"<li>{_html_line(c)}</li>" for c in s.claims]
    if s.sources:
        items.append("<li>Sources: " + ", ".join(_html_line(x) for x in s.sources) + "</li>")
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
        ".facts{color:#555;font-style:italic}.date{color:#246}</style>",
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
