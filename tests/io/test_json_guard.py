"""The NaN/Infinity guard finds the words wherever they are, however many false starts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.io.json_guard import may_hold_non_finite


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", False),
        (b'{"x": 1}', False),
        (b'{"x": NaN}', True),
        (b'{"x": -Infinity}', True),
        (b'{"t": "November, NATO, Iran, Inf"}', False),
        (b"N" * 1000 + b"NaN", True),  # many false starts before the word
        (b"Nov " * 1000 + b"I" * 1000 + b"Infinity", True),
        (b"Nov " * 1000 + b"Na", False),  # cut off at the very end
        (b"NaN", True),
    ],
)
def test_non_finite_words_are_found(data: bytes, expected: bool) -> None:
    assert may_hold_non_finite(data) is expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([b"N", b"a", b"NaN", b"I", b"nfinity", b"Infinit", b"x"])))
def test_agrees_with_a_plain_substring_search(parts: list[bytes]) -> None:
    data = b"".join(parts)
    assert may_hold_non_finite(data) == (b"NaN" in data or b"Infinity" in data)
