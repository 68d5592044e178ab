"""Titles shortened for the Undo menu and messages: at a word break, with an ellipsis."""

from __future__ import annotations

import pytest

from timeline_editor.model.short_text import shortened


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Worst border fighting since the 2020 war", "Worst border fighting since the 2020 war"),
        (
            "Worst border fighting since the 2020 war between the two",
            "Worst border fighting since the 2020…",
        ),
        ("Worst border fighting since thirty-seven ago and more", "Worst border fighting since…"),
        (
            "Worst border fighting since the 2020 war! And more",
            "Worst border fighting since the 2020…",
        ),
        (
            "A word ending at the cut: thirty-six chars and more",
            "A word ending at the cut: thirty-six…",
        ),
        (
            "Ceasefire signed, after six weeks of fighting in 2020",
            "Ceasefire signed, after six weeks of…",
        ),
        ("x" * 60, "x" * 39 + "…"),  # one long word: cut inside it
    ],
)
def test_a_title_is_cut_at_a_word_break(text: str, short: str) -> None:
    assert shortened(text) == short
    assert len(shortened(text)) <= 40


def test_no_ellipsis_after_a_comma_and_a_short_limit() -> None:
    assert shortened("Talks, postponed, again and again and again", 20) == "Talks, postponed…"
