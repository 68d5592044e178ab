"""Three-way merge of two edited copies, and the entry-level diff."""

from __future__ import annotations

import pytest

from tests.samples import interchange_project
from timeline_editor.io.diff import diff_projects, format_diff
from timeline_editor.io.merge import MergeError, merge_projects
from timeline_editor.model.entities import Citation, DateValue, Entry, Project, Source
from timeline_editor.model.vocab import Status


def _edit(project: Project, ident: str, **changes: object) -> Project:
    entries = tuple(e.model_copy(update=changes) if e.id == ident else e for e in project.entries)
    return project.model_copy(update={"entries": entries})


def _entry(project: Project, ident: str) -> Entry:
    return next(e for e in project.entries if e.id == ident)


def test_disjoint_edits_are_all_applied() -> None:
    base = interchange_project()
    ours = _edit(base, "ent-brussels", status=Status.CONFIRMED)
    theirs = _edit(base, "ent-brussels", title="Brussels summit")
    theirs = _edit(theirs, "ent-fighting", description="Heavy losses")
    theirs = theirs.model_copy(update={"title": "Brussels 2021 (rev.)"})
    result = merge_projects(ours, theirs, base)
    assert result.conflicts == ()
    merged = result.merged
    assert _entry(merged, "ent-brussels").status == Status.CONFIRMED
    assert _entry(merged, "ent-brussels").title == "Brussels summit"
    assert _entry(merged, "ent-fighting").description == "Heavy losses"
    assert merged.title == "Brussels 2021 (rev.)"
    assert "entry 'Brussels meeting': title taken from theirs" in result.applied
    assert "entry 'Border fighting': description taken from theirs" in result.applied


def test_same_field_conflict_is_offered_both_ways() -> None:
    base = interchange_project()
    ours = _edit(base, "ent-moscow", when=DateValue(edtf="2021-12-20"))
    theirs = _edit(base, "ent-moscow", when=DateValue(edtf="2022-01"))
    result = merge_projects(ours, theirs, base)
    [conflict] = result.conflicts
    assert (conflict.item_id, conflict.field) == ("ent-moscow", "when")
    assert conflict.ours["edtf"] == "2021-12-20"
    assert conflict.theirs["edtf"] == "2022-01"
    assert conflict.base["edtf"] == "2021-12~"
    assert _entry(result.merged, "ent-moscow").when.edtf == "2021-12-20"
    resolved, _ = result.resolve(["theirs"])
    assert _entry(resolved, "ent-moscow").when.edtf == "2022-01"
    assert "ours 2021-12-20, theirs 2022-01" in conflict.describe()


def test_delete_versus_edit_is_a_whole_item_conflict() -> None:
    base = interchange_project()
    ours = base.model_copy(
        update={"entries": tuple(e for e in base.entries if e.id != "ent-route")}
    )
    theirs = _edit(base, "ent-route", status=Status.LAPSED)
    result = merge_projects(ours, theirs, base)
    [conflict] = result.conflicts
    assert (conflict.field, conflict.ours is None, conflict.theirs["status"]) == (
        "",
        True,
        "lapsed",
    )
    assert "ent-route" not in {e.id for e in result.merged.entries}
    kept, _ = result.resolve(["theirs"])
    ids = [e.id for e in kept.entries]
    assert _entry(kept, "ent-route").status == Status.LAPSED
    assert ids.index("ent-route") == [e.id for e in base.entries].index("ent-route")


def test_untouched_item_removed_by_theirs_is_removed() -> None:
    base = interchange_project()
    theirs = base.model_copy(update={"entries": base.entries[1:]})
    result = merge_projects(base, theirs, base)
    assert result.conflicts == ()
    assert base.entries[0].id not in {e.id for e in result.merged.entries}


def test_both_added_entries_and_citations_are_kept() -> None:
    base = interchange_project()
    ours = base.model_copy(update={"entries": (*base.entries, Entry(id="ours-new", title="A"))})
    theirs = base.model_copy(update={"entries": (Entry(id="theirs-new", title="B"), *base.entries)})
    ours = _edit(ours, "ent-war", citations=(Citation(id="c-ours", source_id="src-article"),))
    theirs = _edit(theirs, "ent-war", citations=(Citation(id="c-theirs", source_id="src-kremlin"),))
    result = merge_projects(ours, theirs, base)
    assert result.conflicts == ()
    ids = [e.id for e in result.merged.entries]
    assert ids[0] == "theirs-new" and ids[-1] == "ours-new"
    war = _entry(result.merged, "ent-war")
    assert [c.id for c in war.citations] == ["c-ours", "c-theirs"]


def test_source_removed_by_theirs_but_cited_by_ours_is_kept() -> None:
    base = interchange_project().model_copy(
        update={"sources": (*interchange_project().sources, Source(id="src-extra", title="Extra"))}
    )
    theirs = base.model_copy(update={"sources": base.sources[:2]})
    ours = _edit(base, "ent-war", citations=(Citation(id="c-x", source_id="src-extra"),))
    result = merge_projects(ours, theirs, base)
    assert "src-extra" in {s.id for s in result.merged.sources}
    assert any("Extra" in line and "still used" in line for line in result.applied)


def test_unrelated_project_is_refused() -> None:
    other = Project(id="someone-else", title="Other chronology")
    with pytest.raises(MergeError, match="different project"):
        merge_projects(interchange_project(), other, None)


def test_two_way_merge_without_base_is_conservative() -> None:
    base = interchange_project()
    ours = _edit(base, "ent-brussels", status=Status.CONFIRMED)
    theirs = base.model_copy(update={"entries": base.entries[1:]})
    result = merge_projects(ours, theirs, None)
    assert "ent-brussels" in {e.id for e in result.merged.entries}
    assert result.conflicts == ()
    theirs2 = _edit(base, "ent-brussels", status=Status.POSTPONED)
    assert [c.field for c in merge_projects(ours, theirs2, None).conflicts] == ["status"]


def test_resolve_needs_one_choice_per_conflict() -> None:
    base = interchange_project()
    result = merge_projects(
        _edit(base, "ent-war", title="x"), _edit(base, "ent-war", title="y"), base
    )
    with pytest.raises(ValueError, match="1 conflicts but 0 choices"):
        result.resolve([])


def test_diff_lists_added_removed_and_changed_fields() -> None:
    a = interchange_project()
    b = _edit(a, "ent-moscow", status=Status.CANCELLED)
    b = b.model_copy(update={"entries": (*b.entries[1:], Entry(id="new-1", title="New thing"))})
    diff = diff_projects(a, b)
    text = format_diff(diff, "a.json", "b.json")
    assert '- entry "Brussels meeting" (ent-brussels) removed' in text
    assert '+ entry "New thing" (new-1) added' in text
    assert '~ entry "Moscow trilateral" (ent-moscow) changed' in text
    assert "    status: proposed -> cancelled" in text
    assert "1 added, 1 removed, 1 changed items" in text
    assert diff_projects(a, a).empty
    assert "no differences" in format_diff(diff_projects(a, a))
