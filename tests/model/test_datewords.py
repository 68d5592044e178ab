"""Reports: readable dates in headings, one line per cited source, chronological order."""

from __future__ import annotations

import html.parser

import pytest

from timeline_editor.io.exporters.report import build_report, to_html, to_markdown
from timeline_editor.model.datewords import date_words
from timeline_editor.model.entities import Citation, DateValue, Entry, Project, Source


@pytest.mark.parametrize(
    ("edtf", "words"),
    [
        ("2021-11-19?", "19 Nov 2021 (uncertain)"),
        ("2021-11~", "Nov 2021 (approx.)"),
        ("2021%", "2021 (approx., uncertain)"),
        ("[2021-11-01..2021-11-10]", "between 1 and 10 Nov 2021"),
        ("[2020-11-10..2023-11-10]", "between 10 Nov 2020 and 10 Nov 2023"),
        ("2021-09~/2021-11-20", "Sep 2021 (approx.) – 20 Nov 2021"),
        ("2020-09-27/2020-11-10", "27 Sep – 10 Nov 2020"),
        ("2021-11-15/2021-11-19", "15–19 Nov 2021"),
        ("2021-11-19/..", "from 19 Nov 2021 (ongoing)"),
        ("2021-11-19/", "from 19 Nov 2021 (end unknown)"),
        ("[2020-11-10..]", "on or after 10 Nov 2020"),
        ("[..2021-11]", "on or before Nov 2021"),
        ("2021-1X", "Oct–Dec 2021"),
        ("-0044-03-15", "15 Mar 45 BC"),
        ("", "undated"),
        ("not a date", "not a date"),
    ],
)
def test_date_words(edtf: str, words: str) -> None:
    assert date_words(edtf) == words


def _project() -> Project:
    wire = Source(id="s-wire", title="Wire story")
    paper = Source(id="s-paper", title="Paper <b>")
    return Project(
        title="T",
        sources=(wire, paper),
        entries=(
            Entry(id="u", title="no date", when=DateValue(as_stated="not specified")),
            Entry(
                id="y",
                title="Spokesman speaks",
                when=DateValue(edtf="2021-11-19?", as_stated="yesterday"),
                citations=(
                    Citation(id="c1", source_id="s-wire", quote="said yesterday", locator="p1"),
                    Citation(id="c2", source_id="s-paper", quote="also said"),
                    Citation(id="c3", source_id="s-wire", quote="later added", locator="p4"),
                ),
            ),
            Entry(id="open", title="open end", when=DateValue(edtf="[2020-11-10..]")),
            Entry(id="w", title="window", when=DateValue(edtf="[2020-11-10..2023-11-10]")),
            Entry(id="x", title="<script>x</script>", when=DateValue(as_stated="a < b & c")),
        ),
    )


def test_markdown_heading_gives_date_words_then_wording_then_title() -> None:
    text = to_markdown(build_report(_project()))
    assert "## 19 Nov 2021 (uncertain) — “yesterday” — Spokesman speaks" in text
    assert "## undated — “not specified” — no date" in text
    assert "## between 10 Nov 2020 and 10 Nov 2023 — window" in text


def test_citations_grouped_by_source_with_quotes_as_footnotes() -> None:
    text = to_markdown(build_report(_project()))
    assert "- Sources: Wire story[^1][^3], Paper \\<b\\>[^2]" in text
    assert text.count("Wire story") == 2  # the source line and the library
    assert "[^1]: “said yesterday” — p1" in text
    assert "[^3]: “later added” — p4" in text


def test_a_single_source_is_singular() -> None:
    project = _project()
    entry = Entry(
        id="one",
        title="one source",
        when=DateValue(edtf="2021"),
        citations=(Citation(id="c9", source_id="s-wire", quote="q"),),
    )
    text = to_markdown(build_report(project.model_copy(update={"entries": (entry,)})))
    assert "- Source: Wire story[^1]" in text


def test_order_is_chronological_open_end_after_window_and_undated_last() -> None:
    titles = [s.title for s in build_report(_project()).sections]
    assert titles == ["window", "open end", "Spokesman speaks", "no date", "<script>x</script>"]


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_headings_escaped_and_footnote_marks_apart() -> None:
    page = to_html(build_report(_project()))
    parser = _Text()
    parser.feed(page)
    text = "".join(parser.text)
    assert "script" not in parser.tags and "b" not in parser.tags
    assert "undated — “a < b & c” — <script>x</script>" in text
    assert "19 Nov 2021 (uncertain) — “yesterday” — Spokesman speaks" in text
    assert "Wire story1,3" in text  # '1,3', not '13'
