"""Entry history merges as a union of items: a date change is one conflict, not two."""

from __future__ import annotations

from tests.samples import interchange_project
from timeline_editor.io.merge import merge_projects
from timeline_editor.model.entities import DateValue, Entry, HistoryItem, Project

EARLIER = HistoryItem(field="status", old="proposed", new="scheduled", at="2021-11-01")


def _set(project: Project, ident: str, **changes: object) -> Project:
    entries = tuple(e.model_copy(update=changes) if e.id == ident else e for e in project.entries)
    return project.model_copy(update={"entries": entries})


def _moscow(project: Project) -> Entry:
    return next(e for e in project.entries if e.id == "ent-moscow")


def _moved(project: Project, edtf: str, at: str) -> Project:
    """The Moscow meeting moved to ``edtf``, with the change appended to its history."""
    entry = _moscow(project)
    item = HistoryItem(field="when", old=entry.when.edtf, new=edtf, at=at)
    return _set(project, "ent-moscow", when=DateValue(edtf=edtf), history=(*entry.history, item))


def test_both_moved_the_date_one_conflict_and_both_history_items_kept() -> None:
    base = _set(interchange_project(), "ent-moscow", history=(EARLIER,))
    ours = _moved(base, "2021-12-20", "2021-11-25")
    theirs = _moved(base, "2022-01", "2021-11-27")
    result = merge_projects(ours, theirs, base)
    assert [(c.item_id, c.field) for c in result.conflicts] == [("ent-moscow", "when")]
    history = _moscow(result.merged).history
    assert [(h.new, h.at) for h in history] == [
        ("scheduled", "2021-11-01"),
        ("2021-12-20", "2021-11-25"),
        ("2022-01", "2021-11-27"),
    ]
    resolved, _ = result.resolve(["theirs"])
    assert _moscow(resolved).when.edtf == "2022-01"
    assert len(_moscow(resolved).history) == 3


def test_history_item_removed_on_one_side_stays_removed() -> None:
    base = _set(interchange_project(), "ent-moscow", history=(EARLIER,))
    ours = _set(base, "ent-moscow", history=())
    theirs = _moved(base, "2022-01", "2021-11-27")
    result = merge_projects(ours, theirs, base)
    assert result.conflicts == ()
    assert [h.new for h in _moscow(result.merged).history] == ["2022-01"]


def test_same_item_added_on_both_sides_appears_once() -> None:
    base = interchange_project()
    ours = _moved(base, "2022-01", "2021-11-27")
    theirs = _set(_moved(base, "2022-01", "2021-11-27"), "ent-moscow", title="Moscow summit")
    result = merge_projects(ours, theirs, base)
    assert result.conflicts == ()
    assert len(_moscow(result.merged).history) == 1
    assert _moscow(result.merged).title == "Moscow summit"


def test_two_way_merge_keeps_both_histories() -> None:
    base = interchange_project()
    ours = _moved(base, "2021-12-20", "2021-11-25")
    theirs = _moved(base, "2022-01", "2021-11-27")
    result = merge_projects(ours, theirs, None)
    assert "history" not in {c.field for c in result.conflicts}
    assert [h.new for h in _moscow(result.merged).history] == ["2021-12-20", "2022-01"]
