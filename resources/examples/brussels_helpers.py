"""Helpers shared by the Brussels example's builder and its entry tables."""

from __future__ import annotations

import uuid
from typing import Any

from tests.seed import missing_seed_reason, seed_article_path
from timeline_editor.model.entities import Citation, DateValue, Entry

# The article is not shipped (its text belongs to its publisher): tests/seed.py finds a copy.
if (_MISSING := missing_seed_reason()) is not None:
    raise SystemExit(_MISSING)
ARTICLE = seed_article_path().read_text(encoding="utf-8")
NAMESPACE = uuid.UUID("6f1d2a40-5b7e-4c1e-9a51-0b8e2f3c7d10")
AS_OF = "2021-11-20"
INFERRED = (
    "The article states no year and no date of its own; it is dated here to Saturday "
    "20 November 2021 (see the project description)."
)


def uid(key: str) -> str:
    """A stable UUID for a key of this example."""
    return str(uuid.uuid5(NAMESPACE, key))


def paragraph_of(quote: str) -> int:
    """The 1-based paragraph of the article that holds ``quote`` verbatim."""
    paragraphs = [p for p in ARTICLE.split("\n") if p.strip()]
    for number, text in enumerate(paragraphs, start=1):
        if quote in text:
            return number
    raise ValueError(f"quote not in the article: {quote!r}")


def cite(key: str, quote: str, credibility: int = 2) -> Citation:
    """A citation of the article with a verbatim quote and its paragraph."""
    return Citation(
        id=uid(f"citation:{key}"),
        source_id=uid("source:rferl"),
        quote=quote,
        locator=f"paragraph {paragraph_of(quote)}",
        credibility=credibility,
    )


def when(edtf: str, as_stated: str) -> DateValue:
    """A date with the article's wording."""
    return DateValue(edtf=edtf, as_stated=as_stated)


def actors(*keys: str) -> tuple[str, ...]:
    """Actor ids of keys."""
    return tuple(uid(f"actor:{k}") for k in keys)


def make_entry(key: str, lane: str, place: str | None = None, **fields: Any) -> Entry:
    """An entry with a stable id in a lane (and optionally a place)."""
    return Entry(
        id=uid(f"entry:{key}"),
        lane_id=uid(f"lane:{lane}"),
        place_id=uid(f"place:{place}") if place else None,
        **fields,
    )
