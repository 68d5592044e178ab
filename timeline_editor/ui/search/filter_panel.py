"""The filter panel (a dock): which entries the canvas, the list and exports show."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QWidget,
)

from timeline_editor.layout.lanes import lane_rows
from timeline_editor.model.changes import ChangeSet
from timeline_editor.model.document import Document
from timeline_editor.model.edtf import EdtfError, parse_edtf
from timeline_editor.model.entities import Entry
from timeline_editor.model.filters import EntryFilter
from timeline_editor.model.vocab import (
    RELIABILITY_LABELS,
    EntryKind,
    LaneMode,
    Reliability,
    Status,
)

INVALID_STYLE = "background: #ffd7d7"
ID_ROLE = Qt.ItemDataRole.UserRole


def _check_list(parent: QWidget, items: Iterable[tuple[str, str]]) -> QListWidget:
    widget = QListWidget(parent)
    _fill_check_list(widget, items)
    return widget


def _fill_check_list(widget: QListWidget, items: Iterable[tuple[str, str]]) -> None:
    checked = _checked(widget)
    widget.blockSignals(True)
    widget.clear()
    for value, label in items:
        item = QListWidgetItem(label)
        item.setData(ID_ROLE, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.blockSignals(False)
    # As tall as its rows, up to six, so the panel stays compact.
    rows = min(max(widget.count(), 1), 6)
    widget.setFixedHeight(rows * max(widget.sizeHintForRow(0), 16) + 2 * widget.frameWidth())


def _checked(widget: QListWidget) -> set[str]:
    items = (widget.item(i) for i in range(widget.count()))
    return {str(i.data(ID_ROLE)) for i in items if i.checkState() == Qt.CheckState.Checked}


class FilterPanel(QDockWidget):
    """Filter criteria; emits ``filter_changed(EntryFilter)`` on every change."""

    filter_changed = Signal(object)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__("Filter", parent)
        self.setObjectName("filterDock")
        self._document = document
        #: How many entries carry each tag; None until the panel is first shown.
        self._tags: Counter[str] | None = None
        body = QWidget(self)
        self._build_fields(body)
        self._lay_out(body)
        scroll = QScrollArea(self)
        scroll.setAccessibleName("Filter")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self._refresh_choices()
        self._connect()
        self._unsubscribe = document.subscribe(self._on_document_changed)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    def _build_fields(self, body: QWidget) -> None:
        self.lanes = _check_list(body, [])
        self.kinds = _check_list(body, [(k.value, k.value) for k in EntryKind])
        self.statuses = _check_list(body, [(s.value, s.value) for s in Status])
        self.tag = QComboBox(body)
        self.actor = QComboBox(body)
        self.start = QLineEdit(body)
        self.end = QLineEdit(body)
        self.start.setPlaceholderText("from, e.g. 2021-11")
        self.end.setPlaceholderText("to, e.g. 2021-12-31")
        self.reliability = QComboBox(body)
        self.reliability.addItem("any", None)
        for grade in Reliability:
            self.reliability.addItem(
                f"{grade.value} or better ({RELIABILITY_LABELS[grade]})", grade
            )
        self.disputed = QCheckBox("Disputed only", body)
        self.unsourced = QCheckBox("Unsourced only", body)
        self.clear_button = QPushButton("Clear filter", body)
        self.clear_button.clicked.connect(self.clear)

    def _lay_out(self, body: QWidget) -> None:
        form = QFormLayout(body)
        for label, widget in (
            ("Lanes", self.lanes),
            ("Kinds", self.kinds),
            ("Status", self.statuses),
            ("Tag", self.tag),
            ("Actor", self.actor),
            ("From", self.start),
            ("To", self.end),
            ("Sources", self.reliability),
            ("", self.disputed),
            ("", self.unsourced),
            ("", self.clear_button),
        ):
            form.addRow(label, widget)

    def _connect(self) -> None:
        for check_list in (self.lanes, self.kinds, self.statuses):
            check_list.itemChanged.connect(self._emit)
        for combo in (self.tag, self.actor, self.reliability):
            combo.currentIndexChanged.connect(self._emit)
        for edit in (self.start, self.end):
            edit.textChanged.connect(self._emit)
        for box in (self.disputed, self.unsourced):
            box.toggled.connect(self._emit)

    def current_filter(self) -> EntryFilter:
        """The filter the panel shows (invalid date fields are ignored and marked)."""
        return EntryFilter(
            lane_ids=frozenset(_checked(self.lanes)),
            kinds=frozenset(EntryKind(v) for v in _checked(self.kinds)),
            statuses=frozenset(Status(v) for v in _checked(self.statuses)),
            tags=frozenset([self.tag.currentData()] if self.tag.currentData() else []),
            actor_ids=frozenset([self.actor.currentData()] if self.actor.currentData() else []),
            start_day=self._day(self.start, latest=False),
            end_day=self._day(self.end, latest=True),
            min_reliability=self.reliability.currentData(),
            disputed_only=self.disputed.isChecked(),
            unsourced_only=self.unsourced.isChecked(),
        )

    def clear(self) -> None:
        """Let every entry through."""
        self.blockSignals(True)
        for check_list in (self.lanes, self.kinds, self.statuses):
            for i in range(check_list.count()):
                check_list.item(i).setCheckState(Qt.CheckState.Unchecked)
        for combo in (self.tag, self.actor, self.reliability):
            combo.setCurrentIndex(0)
        self.start.clear()
        self.end.clear()
        self.disputed.setChecked(False)
        self.unsourced.setChecked(False)
        self.blockSignals(False)
        self._emit()

    @staticmethod
    def _day(edit: QLineEdit, latest: bool) -> int | None:
        text = edit.text().strip()
        edit.setStyleSheet("")
        edit.setToolTip("")
        if not text:
            return None
        try:
            parsed = parse_edtf(text)
        except EdtfError as exc:
            edit.setStyleSheet(INVALID_STYLE)
            edit.setToolTip(str(exc))
            return None
        return parsed.latest if latest else parsed.earliest

    def _refresh_choices(self, count: bool = False) -> None:
        project = self._document.project
        lanes = [(row.key, row.title) for row in lane_rows(project, LaneMode.LANE)]
        _fill_check_list(self.lanes, lanes)
        if self._tags is None and (count or self.isVisible()):
            self._tags = Counter(t for e in project.entries for t in e.tags)
        tags = sorted(self._tags or (), key=str.casefold)
        actors = sorted(((a.name, a.id) for a in project.actors), key=lambda p: p[0].casefold())
        self._fill_combo(self.tag, [(t, t) for t in tags])
        self._fill_combo(self.actor, actors)

    @staticmethod
    def _fill_combo(combo: QComboBox, choices: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("any", None)
        for label, value in choices:
            combo.addItem(label, value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _count_tags(self, changes: ChangeSet) -> bool:
        """Adjust the tag counts for edited entries; True when the set of tags changed."""
        tags = self._tags
        if tags is None:
            return False
        before = set(tags)
        find = self._document.find_entry
        for ident in changes.changed_ids("entries"):
            if "tags" in changes.fields_of(ident):
                old, new = changes.old(ident), find(ident)
                tags.subtract(old.tags if isinstance(old, Entry) else ())
                tags.update(new.tags if new is not None else ())
        for ident in changes.removed_ids("entries"):
            old = changes.old(ident)
            tags.subtract(old.tags if isinstance(old, Entry) else ())
        for ident in changes.added_ids("entries"):
            new = find(ident)
            tags.update(new.tags if new is not None else ())
        now = {tag for tag, count in tags.items() if count > 0}
        if len(now) != len(tags):
            self._tags = Counter({tag: tags[tag] for tag in now})
        return now != before

    def _on_document_changed(self, changes: ChangeSet) -> None:
        # Tags are counted once (when the panel is first shown) and then adjusted by
        # each edit's entries; the lists are filled again only when their choices change.
        if changes.reset:
            self._tags = None
        tags_changed = changes.touches("entries") and self._count_tags(changes)
        if changes.reset or tags_changed or changes.touches("lanes", "actors"):
            before = self.current_filter()
            self._refresh_choices()
            if self.current_filter() != before:
                self._emit()

    def showEvent(self, event: QShowEvent) -> None:
        """Count the tags the first time the panel is shown."""
        super().showEvent(event)
        if self._tags is None:
            self._refresh_choices(count=True)

    def _emit(self, *_args: object) -> None:
        self.filter_changed.emit(self.current_filter())
