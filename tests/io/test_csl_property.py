"""Property: any CSL-JSON item goes through our source library and comes back as it was."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.io.test_csl import _canonical
from timeline_editor.io.exporters.csl_export import csl_items
from timeline_editor.io.importers import import_file

TYPES = ["article-journal", "chapter", "book", "thesis", "speech", "document", "dataset"]
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)
some_words = words.filter(lambda t: t.strip() == t and t != "")
part = st.one_of(some_words, st.integers(-100, 10_000))

structured = st.fixed_dictionaries(
    {"family": some_words},
    optional={
        "given": some_words,
        "non-dropping-particle": st.sampled_from(["van", "de", "von der"]),
        "dropping-particle": st.sampled_from(["de la", "d'"]),
        "suffix": st.sampled_from(["Jr.", "III"]),
    },
)
names = st.lists(st.one_of(structured, st.builds(lambda t: {"literal": t}, some_words)), max_size=3)
years = st.integers(-3000, 3000).filter(lambda y: y != 0)
day = st.tuples(years, st.integers(1, 12), st.integers(1, 28))
one_date = st.one_of(years.map(lambda y: [y]), day.map(lambda d: list(d[:2])), day.map(list))
dates = st.one_of(
    st.builds(lambda d: {"date-parts": [d]}, one_date),
    st.builds(lambda a, b: {"date-parts": [a, b]}, one_date, one_date),
    st.builds(lambda d: {"date-parts": [d], "circa": True}, one_date),
    st.builds(lambda d, s: {"date-parts": [d], "season": s}, one_date, st.integers(1, 4)),
    st.builds(lambda t: {"literal": t}, some_words),
)
items = st.fixed_dictionaries(
    {"type": st.sampled_from(TYPES)},
    optional={
        "title": words,
        "container-title": words,
        "publisher": words,
        "language": st.sampled_from(["en", "hy", "az", "ru", "x" * 60]),
        "note": words,
        "author": names,
        "editor": names,
        "issued": dates,
        "accessed": dates,
        "volume": part,
        "page": part,
        "ISBN": words,
        "citation-key": some_words,
        "custom": st.dictionaries(some_words, words, max_size=2),
        "kind": words,  # a name of ours, not a CSL one: kept all the same
    },
)


def _numbered(values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"id": f"item-{n}", **value} for n, value in enumerate(values)]


@settings(max_examples=80, deadline=None)
@given(st.lists(items, min_size=1, max_size=4).map(_numbered))
def test_csl_to_ours_to_csl_keeps_every_field(library: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.json"
        path.write_text(json.dumps(library), "utf-8")
        back = csl_items(import_file(path, "csl").project)
    assert [_canonical(item) for item in back] == [_canonical(item) for item in library]
