"""View ▸ Known on: the window shows the chronology as it stood on a chosen day.

The chart, the table, the inspector, the counts and File ▸ Export follow the day. On
the chart, entries only possibly known are drawn faded (not left out), and entries
learnt in the seven days up to the day carry a green dot (the table: a green mark
beside the title). The legend's heading and an export's caption say "as known on D".

While a day is set the window does not edit: what it shows is the past, and an edit
made on an entry as it stood then would be written over the entry as it is now. Every
edit is refused with a message in the status bar saying how to return (Show
everything, Alt+End); undo and redo still work on the whole project. Opening
another project returns to everything.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from timeline_editor.layout.known import KnowledgeArrays
from timeline_editor.layout.known_day import DayLens, DayState
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.daynum import format_day
from timeline_editor.model.document import Document
from timeline_editor.model.entities import Entry, Project
from timeline_editor.model.knowledge import knowledge_dates
from timeline_editor.model.knowledge_view import as_known_on, known_caption
from timeline_editor.model.one_day import read_day
from timeline_editor.ui.canvas.timeline import TimelineCanvas
from timeline_editor.ui.inspector.dock import InspectorDock
from timeline_editor.ui.table.known_rows import DayRows
from timeline_editor.ui.table.view import ChronologyTable
from timeline_editor.ui.widgets.wording import counted
from timeline_editor.ui.window.known_bar import EVERYTHING_TEXT, KnownOnBar
from timeline_editor.ui.window.status import StatusLine

#: Milliseconds between two knowledge dates while playing.
PLAY_INTERVAL = 700


class GuardedUndoStack(QUndoStack):
    """An undo stack that refuses new commands while :attr:`refusal` says why."""

    def __init__(self, parent: QObject, document: Document) -> None:
        super().__init__(parent)
        self._document = document
        self.refusal = ""

    def push(self, cmd: QUndoCommand) -> None:
        """Push ``cmd``, unless edits are refused: then report why and drop it."""
        if not self.refusal:
            super().push(cmd)
            return
        if hasattr(cmd, "error"):
            cmd.error = f"{cmd.text()}: {self.refusal}"
        cmd.setObsolete(True)
        self._document.report_refusal(f"{self.refusal} ({cmd.text()})")


class KnownFollower:
    """Keeps the knowledge arrays in step with the document (made before any view)."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self.arrays: KnowledgeArrays | None = None
        document.subscribe(self._on_changed)

    def ensure(self) -> KnowledgeArrays:
        """The arrays, computed when first needed."""
        if self.arrays is None:
            self.arrays = KnowledgeArrays(self._document.project)
        return self.arrays

    def _on_changed(self, changes: ChangeSet) -> None:
        if self.arrays is None:
            return
        if changes.reset:
            self.arrays = None
            return
        position = partial(self._document.index_of, "entries")
        self.arrays.apply(self._document.project, changes, position)


class KnownOnController(QObject):
    """The "Known on" day of one window, and everything that follows it."""

    day_changed = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        document: Document,
        follower: KnownFollower,
        views: tuple[TimelineCanvas, ChronologyTable, InspectorDock, StatusLine],
    ) -> None:
        super().__init__(window)
        self._document = document
        self._follower = follower
        self.canvas, self.table, self.inspector, self.status = views
        self.day: int | None = None
        self.state: DayState | None = None
        self._lens: DayLens | None = None
        self.bar = KnownOnBar(window)
        window.addToolBar(self.bar)
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_INTERVAL)
        self._timer.timeout.connect(self._tick)
        self._connect()
        document.subscribe(self._on_changed)

    def _connect(self) -> None:
        acts = self.bar.actions_by_name
        steps = {"known_day_back": -1, "known_day_forward": 1}
        steps |= {"known_week_back": -7, "known_week_forward": 7}
        for name, days in steps.items():
            acts[name].triggered.connect(partial(self.step, days))
        acts["known_first"].triggered.connect(self.first)
        acts["known_play"].triggered.connect(self.toggle_play)
        acts["known_everything"].triggered.connect(self.show_everything)
        self.bar.stop_key.activated.connect(self.stop)
        self.bar.day_entered.connect(self.enter_text)
        self.canvas.overview.known_moved.connect(self.set_day)

    def fill_menu(self, menu: QMenu) -> QMenu:
        """Add View ▸ Known on to ``menu``."""
        return self.bar.fill_menu(menu)

    # -- choosing the day ---------------------------------------------------------------

    def enter_text(self, text: str) -> bool:
        """A day typed in the field; False (and a message) when it is not one day."""
        value = text.strip()
        if not value or value.lower() == EVERYTHING_TEXT:
            self.set_day(None)
            return True
        try:
            day = read_day(value)
        except ValueError as exc:
            self._say(f"Known on: {exc}")
            return False
        self.set_day(day)
        return True

    def step(self, days: int) -> None:
        """Move the day by ``days`` (from the last knowledge date when none is set)."""
        if self.day is not None:
            self.set_day(self.day + days)
            return
        dates = knowledge_dates(self._document.project)
        if dates:
            self.set_day(dates[-1] + min(days, 0))

    def first(self) -> None:
        """The first knowledge date."""
        dates = knowledge_dates(self._document.project)
        if dates:
            self.set_day(dates[0])

    def show_everything(self) -> None:
        """The whole project, as it is (and editable again)."""
        self.stop()
        self.set_day(None)

    def set_day(self, day: int | None) -> None:
        """Show the chronology as known on ``day`` (None: everything)."""
        if day == self.day and (day is None or self.state is not None):
            return
        self.day = day
        self._refresh()
        self.day_changed.emit(day)

    # -- playing ------------------------------------------------------------------------

    def toggle_play(self) -> None:
        """Play from the first knowledge date (or on from the day shown), or stop."""
        if self._timer.isActive():
            self.stop()
            return
        dates = knowledge_dates(self._document.project)
        if not dates:
            self._say("Known on: nothing in this project is dated")
            return
        if self.day is None or self.day >= dates[-1]:
            self.set_day(dates[0])
        self._timer.start()
        self.bar.set_playing(True)

    def stop(self) -> None:
        """Stop playing (the day stays)."""
        self._timer.stop()
        self.bar.set_playing(False)

    def playing(self) -> bool:
        """True while the days are being stepped through."""
        return self._timer.isActive()

    def _tick(self) -> None:
        dates = knowledge_dates(self._document.project)
        later = [d for d in dates if self.day is None or d > self.day]
        if not later:
            self.stop()
            return
        self.set_day(later[0])
        if len(later) == 1:
            self.stop()

    # -- following ----------------------------------------------------------------------

    def _refresh(self) -> None:
        day = self.day
        self.bar.show_day("" if day is None else format_day(day))
        self.canvas.overview.set_known(day)
        stack = self.canvas.undo_stack
        if day is None:
            self.state = None
            self._apply(None, "")
            if isinstance(stack, GuardedUndoStack):
                stack.refusal = ""
            return
        arrays = self._follower.ensure()
        if self._lens is None or self._lens.arrays is not arrays:
            self._lens = DayLens(arrays)
        self.state = self._lens.on(self._document.project, day)
        self._apply(self.state, known_caption(day))
        if isinstance(stack, GuardedUndoStack):
            # The way back first: the status bar's counts may leave room for little else.
            stack.refusal = (
                "View ▸ Known on ▸ Show Everything (Alt+End) to edit; the window shows "
                f"the chronology {known_caption(day)}"
            )

    def _apply(self, state: DayState | None, caption: str) -> None:
        self.canvas.set_known_day(state, caption)
        if state is None:
            self.table.set_known(None)
        else:
            self.table.set_known(DayRows(state, self.table.source.project_positions(), caption))
        self.inspector.lens = None if state is None else self._entry_as_known
        self.inspector.show_entries(self.inspector.shown_ids())
        self.status.set_known_text("" if state is None else self._counts(state, caption))

    def _entry_as_known(self, entry: Entry) -> Entry:
        state = self.state
        if state is None:
            return entry
        number = self._document.index_of("entries", entry.id)
        return state.overrides.get(number, entry)

    def _counts(self, state: DayState, caption: str) -> str:
        arrays = self._follower.ensure()
        known, possible, disputed, undated = state.counts(arrays.undated)
        total = len(self._document.project.entries)
        words = f"{caption}: {known} of {counted(total, 'entry')}"
        if possible:
            words += f" · {possible} possibly known (faded)"
        return f"{words} · {disputed} disputed · {undated} undated"

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.reset:
            self.show_everything()
        elif self.day is not None:
            self._refresh()

    def export_project(self) -> tuple[Project, str]:
        """What File ▸ Export writes: the chronology certainly known on the day, and its caption."""
        project = self._document.project
        if self.day is None:
            return project, ""
        known = as_known_on(project, self.day)
        return known.certain_project(), known_caption(self.day, len(known.possible))

    def _say(self, text: str) -> None:
        window = self.parent()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10000)
