"""Colours and fonts of the chart: a colour-blind-safe palette that survives greyscale."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from .fonts import FAMILY, load_chart_fonts

#: Okabe–Ito: distinguishable with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D1F", "#000000")
FONT_FAMILY = FAMILY
#: OpenType features switched off in the chart font: standard and contextual ligatures.
NO_LIGATURES = ("liga", "clig")
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def make_font(pixel_size: int, *, bold: bool = False) -> QFont:
    """The chart font (an explicit family, so exports never fall back to "Sans Serif")."""
    load_chart_fonts()
    font = QFont(FONT_FAMILY)
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    # Hinting would follow the machine's fontconfig settings and change the widths.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # No "fi"/"ffi" ligature glyphs: a PDF would hold them as single characters, and a
    # search for "fighting" would not find "ﬁghting". Screen and files draw alike.
    for feature in NO_LIGATURES:
        font.setFeature(QFont.Tag(feature), 0)
    return font


class ChartStyle:
    """Colours and fonts; one instance serves the screen and every export."""

    def __init__(self) -> None:
        self.background = QColor("#ffffff")
        self.lane_even = QColor("#f4f5f7")
        self.lane_odd = QColor("#ffffff")
        self.grid = QColor("#e1e4e8")
        self.text = QColor("#1f2328")
        self.muted = QColor("#6e7781")
        self.dead = QColor("#9a9a9a")
        self.as_of = QColor("#b3261e")
        self.disputed = QColor("#8c3b00")
        self.selection = QColor("#111111")
        self.focus = QColor("#1a73e8")
        self.era = QColor(120, 120, 140, 34)
        self.label_px = 12
        self.small_px = 10
        self.axis_px = 11
        self.title_px = 20

    def lane_colour(self, lane: int, colour: str = "") -> QColor:
        """The lane's own colour, else the palette's in order."""
        if colour:
            return QColor(colour)
        return QColor(PALETTE[lane % len(PALETTE)])

    @property
    def label_font(self) -> QFont:
        """Font of entry labels."""
        return make_font(self.label_px)

    @property
    def small_font(self) -> QFont:
        """Font of badges and captions."""
        return make_font(self.small_px)

    @property
    def axis_font(self) -> QFont:
        """Font of tick labels."""
        return make_font(self.axis_px)

    @property
    def bold_font(self) -> QFont:
        """Font of context ticks and lane titles."""
        return make_font(self.axis_px, bold=True)
