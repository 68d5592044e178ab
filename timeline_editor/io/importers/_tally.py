"""One report line per kind of thing an import changed, dropped or kept out of sight.

Record-by-record problems (a record skipped or repaired) stay in
:attr:`ImportReport.problems`. What an importer does to *every* record of a kind — an
alert turned into a note, a CSL type with no kind of ours, an icon left out — would
drown them, so it is counted here and written as one note per kind, with the count
and the first record it happened to::

    changed (2): ongoing events became open ends (EDTF 'X/..'); e.g. event 3 “Talks”
    dropped (1): icons (the images); e.g. event 1 “Summit”: a note says it had one
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ._common import ImportReport

#: The three verbs a line starts with.
CHANGED, DROPPED, KEPT = "changed", "dropped", "kept, not shown"


@dataclass
class Tally:
    """Counts of changed or dropped things by kind, with the first example of each."""

    _counts: dict[tuple[str, str], int] = field(default_factory=dict)
    _examples: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, verb: str, what: str, example: str) -> None:
        """Count one ``what`` (``verb`` is CHANGED, DROPPED or KEPT); keep the first example."""
        key = (verb, what)
        self._counts[key] = self._counts.get(key, 0) + 1
        self._examples.setdefault(key, example)

    def count(self, verb: str, what: str) -> int:
        """How many of ``what`` were counted under ``verb``."""
        return self._counts.get((verb, what), 0)

    def lines(self) -> list[str]:
        """The report lines, in the order the kinds were first met."""
        return [
            f"{verb} ({count}): {what}; e.g. {self._examples[(verb, what)]}"
            for (verb, what), count in self._counts.items()
        ]

    def write(self, report: ImportReport) -> None:
        """Add the lines to ``report``'s notes."""
        for line in self.lines():
            report.note(line)


def _short(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def example(where: str, title: str, detail: str = "") -> str:
    """'event 3 “Talks”: detail' — the record that shows what a report line means."""
    shown = _short(title, 60)
    text = f"{where} “{shown}”" if shown else where
    return f"{text}: {_short(detail, 80)}" if detail else text
