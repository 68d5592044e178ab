"""One "known on" day over :class:`~.known.KnowledgeArrays`: masks, and entries as they stood.

Which entries show on day D is a comparison over arrays: known when their first
certain day is at most D (or D reaches the last knowledge day), possibly known when
only their first possible day is. Entries whose evidence is not all known by D (their
settle day lies after D) may have stood otherwise: those few are passed through
:func:`~timeline_editor.model.knowledge_view.entry_as_of`, and each answer is kept
with the span of days over which it holds, so that stepping the day by a day or a
week asks again only for the entries whose evidence changes in the step.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from timeline_editor.model.entities import Entry, Project
from timeline_editor.model.knowledge import evidence_days, known_from
from timeline_editor.model.knowledge_view import KnowledgeDay, entry_as_of
from timeline_editor.model.queries import as_of_day, is_disputed

from .known import KnowledgeArrays

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
States = npt.NDArray[np.int8]

UNKNOWN, POSSIBLE, KNOWN = 0, 1, 2
#: Entries learnt within this many days up to the day are marked "new".
NEW_DAYS = 7


@dataclass(eq=False)  # compared by identity: a view keeps the state it drew from
class DayState:
    """What is shown on :attr:`day`, per entry in project order."""

    day: int
    #: UNKNOWN, POSSIBLE or KNOWN per entry.
    state: States
    #: Known entries first known in the seven days up to the day.
    new: Bools
    #: Project position -> the entry as it stood on the day (only where it differs).
    overrides: dict[int, Entry] = field(default_factory=dict)
    #: The as-of day of the chronology on the day (the day itself when earlier).
    as_of: int | None = None
    #: Disputed on the day, per entry.
    disputed: Bools = field(default_factory=lambda: np.zeros(0, np.bool_))

    @property
    def shown(self) -> Bools:
        """Entries known or possibly known on the day."""
        mask: Bools = self.state > UNKNOWN
        return mask

    def counts(self, undated: Bools) -> tuple[int, int, int, int]:
        """Known, possibly known, disputed (of those) and undated (of those) entries."""
        shown = self.shown
        known = int(np.count_nonzero(self.state == KNOWN))
        dated = undated.copy()
        for number, entry in self.overrides.items():
            dated[number] = not entry.when.edtf
        return (
            known,
            int(np.count_nonzero(shown)) - known,
            int(np.count_nonzero(self.disputed & shown)),
            int(np.count_nonzero(dated & shown)),
        )


class DayLens:
    """Turns a day into a :class:`DayState`, remembering entries as they stood.

    Per entry (project position) it keeps the entry as it stood when last asked and
    the span of days ``[first, after)`` over which that holds, as arrays: a day then
    asks again only for the entries whose span it leaves, found by comparison.
    """

    def __init__(self, arrays: KnowledgeArrays) -> None:
        self.arrays = arrays
        self._version = -1
        self._forget()

    def _forget(self) -> None:
        arrays = self.arrays
        count = len(arrays.certain)
        # The days again in 32 bits: a day's comparisons read half the memory.
        self._possible, self._certain = _narrow(arrays.possible), _narrow(arrays.certain)
        self._since, self._settle = _narrow(arrays.known_from()), _narrow(arrays.settle)
        self._first = np.full(count, _TOP, np.int32)
        self._after = np.full(count, _BOTTOM, np.int32)
        self._differs = np.zeros(count, np.bool_)
        self._stood: dict[int, Entry] = {}
        #: Each asked entry's evidence days (when each piece is known), in order.
        self._days: dict[int, list[int]] = {}
        self._version = self.arrays.version

    def on(self, project: Project, day: int) -> DayState:
        """The state of ``project`` (which :attr:`arrays` follow) on ``day``."""
        arrays = self.arrays
        if arrays.version != self._version:  # an edit: what stood when may differ
            self._forget()
        end = arrays.end
        near = min(max(day, _BOTTOM + NEW_DAYS), _TOP - 1)  # the day, within 32 bits
        state: States = (self._possible <= near).view(np.int8) + (self._certain <= near).view(
            np.int8
        )
        if end is not None and day >= end:
            state[:] = KNOWN
        new = (state == KNOWN) & (self._since > near - NEW_DAYS)
        result = DayState(day, state, new, as_of=_as_of(project, day))
        result.overrides = self._overrides(project, day, state > UNKNOWN)
        result.disputed = arrays.disputed.copy()
        for number, entry in result.overrides.items():
            result.disputed[number] = bool(entry.claims) and is_disputed(entry)
        return result

    def _overrides(self, project: Project, day: int, shown: Bools) -> dict[int, Entry]:
        near = min(max(day, _BOTTOM), _TOP - 1)
        asked = shown & (self._settle > near)
        stale = asked & ((self._first > near) | (self._after <= near))
        numbers = np.flatnonzero(stale).tolist()
        if numbers:
            when = KnowledgeDay.of(self.arrays.facts, day)
            for number in numbers:
                self._remember(project.entries[number], number, when)
        return {n: self._stood[n] for n in np.flatnonzero(asked & self._differs).tolist()}

    def _remember(self, entry: Entry, number: int, when: KnowledgeDay) -> None:
        """The entry as it stood on the day, and the days over which that holds."""
        days = self._days.get(number)
        if days is None:  # kept: a dragged day asks the same entries again and again
            end, sources = self.arrays.end, self.arrays.facts.sources
            days = self._days[number] = sorted(
                known_from(d, end) for d in evidence_days(entry, sources)
            )
        past = bisect_right(days, when.day)
        self._first[number] = min(max(days[past - 1], _BOTTOM), _TOP) if past else _BOTTOM
        self._after[number] = min(max(days[past], _BOTTOM), _TOP) if past < len(days) else _TOP
        stood = entry_as_of(entry, when)
        self._differs[number] = stood is not entry
        if stood is not entry:
            self._stood[number] = stood


def _as_of(project: Project, day: int) -> int | None:
    """The chronology's as-of day on ``day``: its own, unless ``day`` is earlier."""
    own = as_of_day(project)
    return own if own is not None and own <= day else day


#: The 32-bit range the lens keeps days in (``ALWAYS`` and ``NEVER`` become its ends).
_BOTTOM, _TOP = -(2**31), 2**31 - 1


def _narrow(days: Ints) -> npt.NDArray[np.int32]:
    """``days`` in 32 bits, the ends of time at the ends of the range."""
    return np.clip(days, _BOTTOM, _TOP).astype(np.int32)
