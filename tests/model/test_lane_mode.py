"""LaneMode: what the chart's rows stand for, parsed from a user's word."""

from __future__ import annotations

import pytest

from timeline_editor.model.vocab import LaneMode, parse_lane_mode


@pytest.mark.parametrize("mode", list(LaneMode))
def test_each_mode_parses_from_its_word(mode: LaneMode) -> None:
    assert parse_lane_mode(mode.value) is mode


@pytest.mark.parametrize("text", ["colour", "Lane", "", "lanes"])
def test_a_bad_word_names_itself_and_the_allowed_ones(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_lane_mode(text)
    assert str(caught.value) == f"'{text}' is not a lane mode; use one of lane, actor, kind"
