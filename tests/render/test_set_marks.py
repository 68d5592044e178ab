"""Either/or and all-of marks as painted: hollow linked candidates, solid linked members."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter

from tests.samples.sets import sets_project
from timeline_editor.layout.scene import MarkBox
from timeline_editor.layout.setmembers import MemberShare
from timeline_editor.layout.visual import Mark
from timeline_editor.model.daynum import day_number
from timeline_editor.render.export import render_chart
from timeline_editor.render.legend import legend_size, sets_on
from timeline_editor.render.markbatch import paint_marks
from timeline_editor.render.marks import paint_mark, window_line_y
from timeline_editor.render.setmarks import spread
from timeline_editor.render.style import ChartStyle

WHITE = QColor("#ffffff").rgb()
ENDS = (MemberShare(0.0, 0.0, True), MemberShare(1.0, 1.0, True))
BAR_H = 14.0


def _paint(mark: Mark, shares: tuple[MemberShare, ...] = ENDS, batch: bool = False) -> QImage:
    image = QImage(260, 60, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    style = ChartStyle()
    box = MarkBox(0, 0, 30.0, 230.0, 30.0, 230.0, 26.0, int(mark))
    colour = QColor("#1f77b4")
    if batch:
        paint_marks(painter, [box], {0: colour}, style, bar_h=BAR_H, min_w=9.0, left=0, right=260)
    else:
        paint_mark(
            painter, box, colour, style, bar_h=BAR_H, min_w=9.0, shares=shares, background=None
        )
    painter.end()
    return image


def _line_y() -> int:
    return round(window_line_y(26.0, BAR_H / 2))


def _ink(image: QImage, x: int, y: int) -> bool:
    return image.pixel(x, y) != WHITE


def test_either_or_candidates_are_hollow_markers_on_a_dashed_line() -> None:
    image = _paint(Mark.SET_ONE)
    y = _line_y()
    for x in (30, 230):
        assert not _ink(image, x, y)  # hollow: the candidate's centre is blank
        assert _ink(image, x + 4, y) or _ink(image, x - 4, y)  # its ring
    along = [_ink(image, x, y) for x in range(60, 200)]
    assert any(along) and not all(along)  # dashed: ink and gaps


def test_all_of_members_are_solid_marks_on_a_solid_line() -> None:
    image = _paint(Mark.SET_ALL)
    y = _line_y()
    for x in (30, 230):
        assert _ink(image, x, y)  # solid member
    assert all(_ink(image, x, y) for x in range(60, 200))  # a solid line joins them


def test_members_wider_than_a_marker_are_bars_across_their_span() -> None:
    shares = (MemberShare(0.0, 0.0, True), MemberShare(0.5, 1.0, False))
    image = _paint(Mark.SET_ALL, shares)
    y = _line_y()
    assert all(_ink(image, x, y - 2) for x in range(135, 225))  # above the line: the bar


def test_the_batch_leaves_sets_to_their_own_pass() -> None:
    image = _paint(Mark.SET_ONE, batch=True)
    assert not any(_ink(image, x, y) for x in range(0, 260, 3) for y in range(0, 60, 3))


def test_close_candidates_are_spread_apart_around_their_middle() -> None:
    assert spread([10.0, 12.0]) == [5.5, 16.5]
    assert spread([0.0, 50.0]) == [0.0, 50.0]
    moved = spread([100.0, 101.0, 102.0])
    assert moved[1] - moved[0] >= 11 and sum(moved) == 303.0


def test_the_legend_explains_sets_only_when_the_chart_has_them() -> None:
    plain = MarkBox(0, 0, 0, 1, 0, 1, 0, int(Mark.POINT))
    either = MarkBox(1, 0, 0, 1, 0, 1, 0, int(Mark.SET_ONE | Mark.PLANNED))
    assert sets_on([plain]) == Mark.NONE
    assert sets_on([plain, either]) == Mark.SET_ONE
    narrow = 262.0
    assert legend_size(narrow, Mark.SET_ONE)[1] > legend_size(narrow)[1]


def test_an_exported_chart_draws_the_sets_and_explains_them_only_then() -> None:
    project = sets_project()
    today = day_number(2021, 11, 29)
    svg = render_chart(project, "svg", today=today, start="2021-10-01", end="2022-06-15")
    text = svg.decode()
    assert "either/or: one of these dates" in text and "all of these dates" in text
    plain = project.model_copy(update={"entries": project.entries[3:]})
    text = render_chart(plain, "svg", today=today, start="2021-10-01", end="2022-06-15").decode()
    assert "either/or" not in text and "all of these dates" not in text
