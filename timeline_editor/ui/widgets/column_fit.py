"""Keep one column of a table or list wide: it takes the room the others leave, never
less than a share of the view.

Qt's own Stretch mode shrinks the stretched column to a few pixels once the other
columns fill the view (a long outlet name left the source title at "…"). Here the other
columns keep their widths and scroll off to the right instead, after the main one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView


class MainColumn(QObject):
    """Sizes ``column`` of ``view`` to the free width, at least ``share`` of the view.

    With ``squeeze``, that (last, least needed) column gives up width down to
    ``SQUEEZED_MIN`` before anything scrolls off to the right.
    """

    SQUEEZED_MIN = 90

    def __init__(
        self,
        view: QAbstractItemView,
        header: QHeaderView,
        column: int,
        share: float,
        squeeze: int | None = None,
    ) -> None:
        super().__init__(view)
        self._view, self._header = view, header
        self.column, self.share, self.squeeze = column, share, squeeze
        self._natural = 0
        header.setStretchLastSection(False)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)

    def set_natural_width(self, width: int) -> None:
        """The width the squeezable column would like (its contents' width)."""
        self._natural = width

    def fit(self) -> None:
        """Give the main column its width for the view's present size."""
        header = self._header
        room = self._view.viewport().width()
        others = sum(
            header.sectionSize(i)
            for i in range(header.count())
            if i not in (self.column, self.squeeze) and not header.isSectionHidden(i)
        )
        tail = self._natural if self.squeeze is not None else 0
        main = max(int(room * self.share), room - others - tail)
        header.resizeSection(self.column, main)
        if self.squeeze is not None:
            left = room - others - main
            header.resizeSection(self.squeeze, max(self.SQUEEZED_MIN, min(tail, left)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit when the view's viewport changes size."""
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
