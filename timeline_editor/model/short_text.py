"""Titles shortened for one line of the window (the Undo menu, messages): at a word break.

"Delete entry 'Worst border fighting since…'", never "'…since th'": a cut word reads as
a typo. A single word longer than the room is cut inside it, still with the ellipsis.
"""

from __future__ import annotations

ELLIPSIS = "…"
#: Characters left off before the ellipsis: "since the 2020 war, …" reads as a stray comma.
_TRAILING = " ,;:.-–—"


def shortened(text: str, limit: int = 40) -> str:
    """``text`` in at most ``limit`` characters, cut at a word break with an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    keep = limit - len(ELLIPSIS)
    head = text[:keep]
    # A word that ends right at the cut is whole; else the cut one is left out.
    words = head if text[keep] in _TRAILING else head[: max(head.rfind(" "), 0)]
    if len(words.rstrip(_TRAILING)) < limit // 3:  # a break that would leave too little
        words = head
    return words.rstrip(_TRAILING) + ELLIPSIS
