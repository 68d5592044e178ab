"""The quick EDTF check agrees with the full parser and never lets a bad date through."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.model import edtf_check
from timeline_editor.model.edtf import EdtfError, is_valid_edtf, parse_edtf
from timeline_editor.model.edtf_check import clear_cache, ensure_valid_edtf, is_common_valid

from .strategies import intervals, points, windows

FAST = settings(max_examples=400, deadline=None)


@st.composite
def near_dates(draw: st.DrawFn) -> str:
    """A plain date of the common shape, often with a month or day that does not exist."""
    text = f"{draw(st.integers(0, 9999)):04d}"
    if draw(st.booleans()):
        text += f"-{draw(st.integers(0, 13)):02d}"
        if draw(st.booleans()):
            text += f"-{draw(st.integers(0, 32)):02d}"
    return text + draw(st.sampled_from(["", "~", "?", "%"]))


ENDS = st.one_of(near_dates(), st.sampled_from(["", ".."]))
COMMON = st.one_of(near_dates(), st.builds(lambda a, b: f"{a}/{b}", ENDS, ENDS))


@FAST
@given(COMMON)
def test_common_shapes_agree_with_the_parser(text: str) -> None:
    assert is_common_valid(text) == is_valid_edtf(text)


@FAST
@given(st.one_of(points(), intervals(), windows(), st.text(max_size=12)))
def test_a_quick_yes_is_always_a_valid_date(text: str) -> None:
    if is_common_valid(text):
        parse_edtf(text)


@pytest.mark.parametrize(
    "text",
    ["", "2021", "2021-11", "2021-11-19", "2021-11~", "2020-02-29", "2021-12-01/2021-12",
     "2021-12-15/..", "/2021", "2021-05-31/2021-05"],
)  # fmt: skip
def test_common_valid_strings_take_the_quick_path(text: str) -> None:
    assert is_common_valid(text)


@pytest.mark.parametrize(
    "text",
    ["2021-02-29", "2021-13", "2021-00-10", "2021-12-15/2021-11-01", "../..", "/", "2021//",
     "[2021..2022]", "-0044", "201X", "Y12345", " 2021", "2021-1-5", "２０２１"],
)  # fmt: skip
def test_everything_else_goes_to_the_parser(text: str) -> None:
    assert not is_common_valid(text)


def test_ensure_valid_words_errors_like_the_parser() -> None:
    clear_cache()
    with pytest.raises(EdtfError, match="end 2021-11-01 is before start 2021-12-15"):
        ensure_valid_edtf("2021-12-15/2021-11-01")
    with pytest.raises(EdtfError, match="'abc' is not an EDTF date"):
        ensure_valid_edtf("abc")
    assert "abc" not in edtf_check._KNOWN_VALID


def test_valid_strings_are_remembered_and_the_cache_stays_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clear_cache()
    monkeypatch.setattr(edtf_check, "_MAX_KNOWN", 3)
    for text in ["2021", "[2021..2022]", "201X", "2021-05"]:
        ensure_valid_edtf(text)
    known = edtf_check._KNOWN_VALID
    assert known == {"2021-05"}
    ensure_valid_edtf("201X")
    assert known == {"2021-05", "201X"}
