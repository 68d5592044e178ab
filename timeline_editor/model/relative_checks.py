"""Checks of a whole project's relative dates, for ``validate`` and the inspector.

A file is read as written: nothing here changes a date. A circle of relations is an
error (no edit in this program can make one; another tool or a hand edit did); an
anchor that is gone, has no date to count from, or a date that is not what its relation
gives now (another program moved the anchor) are warnings, and the file stays valid.
"""

from __future__ import annotations

from .entities import Entry, Project
from .integrity import Problem
from .relative_dates import RelationError, circle, relation_words, resolve


def anchor_note(entry: Entry, anchor: Entry | None) -> str:
    """What is wrong with ``entry``'s relation now, in a few words ("" when it holds)."""
    relative = entry.relative_to
    if relative is None:
        return ""
    if anchor is None:
        return "anchor gone: the date stays as it was last counted"
    try:
        given = resolve(relative, anchor)
    except RelationError as exc:
        return f"{exc}; the date stays as it was last counted"
    if given != entry.when.edtf:
        return f"the relation gives {given} now, not {entry.when.edtf}"
    return ""


def relation_problems(project: Project) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) of the project's relative dates, each at its place in the file."""
    by_id = {entry.id: entry for entry in project.entries}
    errors: list[Problem] = []
    warnings: list[Problem] = []
    circles: set[frozenset[str]] = set()
    for index, entry in enumerate(project.entries):
        relative = entry.relative_to
        if relative is None:
            continue
        where = f"entries[{index}].relative_to"
        chain = circle(entry, relative.anchor, by_id.get)
        if chain is not None:
            ids = frozenset(e.id for e in chain)
            if ids not in circles:
                circles.add(ids)
                route = " → ".join(f"'{e.title or e.id}'" for e in chain)
                errors.append(Problem(f"{where}.anchor", f"dates count in a circle: {route}"))
            continue
        anchor = by_id.get(relative.anchor)
        note = anchor_note(entry, anchor)
        if note:
            words = relation_words(relative, anchor)
            warnings.append(Problem(where, f"'{entry.title or entry.id}' ({words}): {note}"))
    return errors, warnings
