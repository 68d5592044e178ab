"""Counted nouns for the window's messages: "1 entry", "2 entries", never "1 entries"."""

from __future__ import annotations

#: Plurals that are not the singular plus "s".
_IRREGULAR = {"entry": "entries", "match": "matches", "new entry": "new entries"}


def plural(noun: str) -> str:
    """The plural of one of the window's nouns ("entry" → "entries", "source" → "sources")."""
    return _IRREGULAR.get(noun, noun + "s")


def counted(number: int, noun: str, many: str | None = None) -> str:
    """``number`` and ``noun`` in agreement: "1 entry", "0 entries", "3 conflicts"."""
    return f"{number} {noun if number == 1 else (many or plural(noun))}"
