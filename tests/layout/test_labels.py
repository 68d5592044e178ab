"""Labels never overlap: they are shortened or hidden when there is no room."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.layout.labels import FixedMetrics, Slot, clean_title, place_row

METRICS = FixedMetrics(6.0)


def test_label_fits_after_a_point() -> None:
    slots = [Slot(0, 100, 109, "Border fighting"), Slot(1, 400, 409, "Talks")]
    labels = place_row(slots, 10, 0, 1000, METRICS)
    assert [lab.text for lab in labels] == ["Border fighting", "Talks"]
    assert labels[0].x >= 109


def test_crowded_label_is_shortened_then_hidden() -> None:
    slots = [
        Slot(0, 100, 109, "A very long meeting title"),
        Slot(1, 170, 179, "x"),
        Slot(2, 185, 194, "Hidden one"),
    ]
    labels = place_row(slots, 10, 0, 1000, METRICS)
    assert labels[0].text.endswith("…") and labels[0].x + labels[0].width <= 170
    assert 1 not in {lab.entry for lab in labels}


def test_title_inside_a_wide_bar() -> None:
    labels = place_row([Slot(0, 100, 400, "War")], 10, 0, 1000, METRICS)
    assert labels[0].x == 104


def test_badge_takes_room_before_the_title() -> None:
    labels = place_row([Slot(0, 100, 109, "Moscow", "disputed")], 10, 0, 1000, METRICS)
    assert labels[0].badge == "disputed" and labels[0].x > 109 + METRICS.width("disputed") * 0.8


def test_control_characters_and_length_are_cleaned() -> None:
    assert clean_title("a\tb\x01c") == "a b c"
    assert len(clean_title("x" * 10_000)) == 160


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 2000), st.integers(0, 300), st.text(max_size=40)), max_size=60
    )
)
def test_labels_never_overlap(items: list[tuple[int, int, str]]) -> None:
    items.sort()
    slots, last = [], -1.0
    for number, (x, w, title) in enumerate(items):
        x1 = max(float(x), last)
        slots.append(Slot(number, x1, x1 + w, title))
        last = x1 + w
    labels = place_row(slots, 10, 0, 2400, METRICS)
    for a, b in itertools.pairwise(labels):
        assert a.x + a.width <= b.x
    assert all(lab.x + lab.width <= 2400 for lab in labels)


def test_window_label_goes_after_the_bracket_when_it_fits() -> None:
    labels = place_row([Slot(0, 100, 300, "Route", thin=True)], 10, 0, 1000, METRICS)
    assert labels[0].x >= 300 and not labels[0].above


def test_window_label_without_room_after_sits_above_the_line() -> None:
    slots = [Slot(0, 100, 900, "New route to be agreed", thin=True)]
    labels = place_row(slots, 10, 0, 950, METRICS)
    assert labels[0].above and 100 < labels[0].x < 900
    assert labels[0].text == "New route to be agreed"
