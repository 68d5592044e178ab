"""The Timeline Project both ways: what its files hold comes in, and ours open in it."""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_editor.io.exporters.timeline_project_export import export_timeline_project
from timeline_editor.io.importers import ImportFileError, import_file
from timeline_editor.io.project_file import load_project
from timeline_editor.io.timeline_project_format import Span, span_of
from timeline_editor.model.daynum import day_number
from timeline_editor.model.entities import DateValue, Entry, Era, Lane, Project

FIXTURES = Path(__file__).parent / "fixtures" / "timeline_project"
EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"

# The Timeline Project 2.x reads its files with a validating parser: for each element (by
# its path), its children in this order, each once ("1"), at most once ("?") or any number
# ("*"); any other element holds text only.
SCHEMA: dict[str, list[tuple[str, str]]] = {
    "timeline": [
        ("version", "1"),
        ("timetype", "?"),
        ("eras", "?"),
        ("categories", "1"),
        ("events", "1"),
        ("view", "1"),
        ("now", "?"),
    ],
    "timeline/eras": [("era", "*")],
    "timeline/eras/era": [
        ("name", "1"),
        ("start", "1"),
        ("end", "1"),
        ("color", "1"),
        ("ends_today", "?"),
    ],
    "timeline/categories": [("category", "*")],
    "timeline/categories/category": [
        ("name", "1"),
        ("color", "1"),
        ("progress_color", "?"),
        ("done_color", "?"),
        ("font_color", "?"),
        ("parent", "?"),
    ],
    "timeline/events": [("event", "*")],
    "timeline/events/event": [
        ("start", "1"),
        ("end", "1"),
        ("text", "1"),
        ("progress", "?"),
        ("fuzzy", "?"),
        ("locked", "?"),
        ("ends_today", "?"),
        ("category", "?"),
        ("categories", "?"),
        ("description", "?"),
        ("labels", "?"),
        ("alert", "?"),
        ("hyperlink", "?"),
        ("icon", "?"),
        ("default_color", "?"),
        ("milestone", "?"),
    ],
    "timeline/events/event/categories": [("category", "*")],
    "timeline/view": [("displayed_period", "?"), ("hidden_categories", "?")],
    "timeline/view/displayed_period": [("start", "1"), ("end", "1")],
    "timeline/view/hidden_categories": [("name", "*")],
}


def _check_schema(element: ET.Element, path: str = "timeline") -> None:
    """Fail unless ``element`` follows SCHEMA: order, counts, no attributes."""
    assert not element.attrib, path
    rules = SCHEMA.get(path)
    children = list(element)
    if rules is None:
        assert not children, f"{path} holds elements"
        return
    position = 0
    for name, count in rules:
        seen = 0
        while position < len(children) and children[position].tag == name:
            _check_schema(children[position], f"{path}/{name}")
            position, seen = position + 1, seen + 1
        assert seen <= (1 if count in "1?" else len(children)), f"<{name}> repeated"
        assert seen >= (1 if count == "1" else 0), f"<{name}> missing in {path}"
    assert position == len(children), f"<{children[position].tag}> not expected here"


def test_colours_ongoing_events_hierarchy_alerts_icons_and_now_come_in() -> None:
    project = import_file(FIXTURES / "rich.timeline").project
    lanes = {lane.title: lane for lane in project.lanes}
    assert [(t, lane.colour) for t, lane in lanes.items()] == [
        ("Caucasus", "#0072b2"),
        ("Armenia", "#d55e00"),
        ("Syunik", "#009e73"),
        ("EU", "#cc79a7"),
    ]
    assert (lanes["Syunik"].model_extra or {})["timeline_project_parent"] == "Armenia"
    assert [(e.title, e.when.edtf, e.colour) for e in project.eras] == [
        ("2020 war", "2020-09-27/2020-11-10", "#c80000"),
        ("Ceasefire regime", "2020-11-10/..", "#008000"),
    ]
    entries = {e.title: e for e in project.entries}
    assert entries["Negotiations on the border commission"].when.edtf == "2021-11-19/.."
    brussels = entries["Brussels meeting"]
    assert brussels.description == (
        "Pashinian and Aliyev meet Michel.\n\n"
        "Alert (2021-12-14 09:00:00): Call the embassy about accreditation"
    )
    assert brussels.tags == ("summit", "eu-mediation")
    clash = entries["Border clash near Syunik"]
    assert clash.tags == ("category: Armenia", "category: Caucasus")
    assert clash.lane_id == lanes["Syunik"].id
    assert "icon" in clash.description
    assert entries["Sochi trilateral"].tags == ("category: Caucasus", "category: EU")
    assert project.as_of == "2021-11-20"


def test_each_kind_of_change_is_one_report_line_with_a_count_and_an_example() -> None:
    notes = import_file(FIXTURES / "rich.timeline").report.notes
    expected = [
        "changed (1): ongoing events (“ends today”) became open ends (EDTF 'X/..'); "
        "e.g. event 1 “Negotiations on the border commission”: from 2021-11-19",
        "dropped (1): icons (the images; a note in the description says there was one); "
        "e.g. event 3 “Border clash near Syunik”",
        "changed (2): events of sub-categories tagged with their parent categories "
        "('category: …'); e.g. event 3 “Border clash near Syunik”: Syunik",
        "dropped (1): event colours (an entry is drawn in its lane's colour); "
        "e.g. event 2 “Brussels meeting”: 255,0,0",
        "changed (1): the timeline's “now” became the project's as-of date; "
        "e.g. now: 2021-11-20 12:00:00 → 2021-11-20",
        "dropped (1): the saved view (displayed period, hidden categories); e.g. the file's <view>",
    ]
    for line in expected:
        assert line in notes
    assert any(n.startswith("changed (1): alerts became notes") for n in notes)
    assert any(n.startswith("dropped (1): “locked” flags") for n in notes)


def test_a_text_file_of_version_0_x_is_named_as_such() -> None:
    with pytest.raises(ImportFileError, match=r"text file of The Timeline Project 0\.9\.0") as info:
        import_file(FIXTURES / "old-0.9.timeline")
    assert "0.21.1" in str(info.value) and "malformed" not in str(info.value)


def test_the_example_project_exports_in_its_format_and_comes_back(tmp_path: Path) -> None:
    project = load_project(EXAMPLE)
    out = tmp_path / "brussels.timeline"
    notes = export_timeline_project(project, out)
    assert notes == [
        "left out 2 undated entries: “Putin–Aliyev–Pashinian trilateral meeting in Moscow”, "
        "“Direct communication line between defence ministers”"
    ]
    _check_schema(SafeET.fromstring(out.read_bytes(), forbid_dtd=True))
    back = import_file(out).project
    dated = [e for e in project.entries if e.when.edtf]

    def facts(entries: tuple[Entry, ...] | list[Entry]) -> list[tuple[str, ...]]:
        return [(e.title, e.when.edtf, e.when.as_stated, e.kind, e.status) for e in entries]

    assert facts(back.entries) == facts(dated)
    assert [e.description for e in back.entries] == [e.description for e in dated]
    assert [e.tags for e in back.entries] == [e.tags for e in dated]
    assert [(lane.title, lane.colour) for lane in back.lanes] == [
        (lane.title, lane.colour) for lane in project.lanes
    ]
    assert [(e.title, e.colour) for e in back.eras] == [(e.title, e.colour) for e in project.eras]
    assert back.as_of == project.as_of


def test_an_event_moved_in_the_timeline_project_is_read_from_its_new_times(
    tmp_path: Path,
) -> None:
    project = Project(entries=(Entry(title="Talks", when=DateValue(edtf="2021-11~")),))
    out = tmp_path / "t.timeline"
    export_timeline_project(project, out)
    text = out.read_text("utf-8")
    assert "<start>2021-11-01 00:00:00</start>" in text and "<fuzzy>True</fuzzy>" in text
    assert import_file(out).project.entries[0].when.edtf == "2021-11~"
    out.write_text(text.replace("2021-11-01 00:00:00", "2021-11-05 00:00:00"), "utf-8")
    entry = import_file(out).project.entries[0]
    assert entry.when.edtf == "2021-11-05~/2021-11-30~"
    assert "[Timeline Editor]" not in entry.description


@pytest.mark.parametrize(
    ("edtf", "span"),
    [
        ("2021-12-15", ((2021, 12, 15), (2021, 12, 15), False, False)),
        ("2021-11", ((2021, 11, 1), (2021, 11, 30), False, False)),
        ("2021-11-19?", ((2021, 11, 19), (2021, 11, 19), True, False)),
        ("2021-1X", ((2021, 10, 1), (2021, 12, 31), True, False)),
        ("2020-09-27~/2020-11-10", ((2020, 9, 27), (2020, 11, 10), True, False)),
        ("2021-11-19/..", ((2021, 11, 19), (2021, 11, 20), False, True)),
        ("2021-11-19/", ((2021, 11, 19), (2021, 11, 19), True, False)),
        ("[2020-11-10..2023-11-10]", ((2020, 11, 10), (2023, 11, 10), True, False)),
        ("[..2021-12]", ((2021, 12, 1), (2021, 12, 31), True, False)),
        ("-0043-03-15", ((-43, 3, 15), (-43, 3, 15), False, False)),
    ],
)
def test_dates_are_written_as_their_days_with_the_fuzzy_flag(
    edtf: str, span: tuple[tuple[int, int, int], tuple[int, int, int], bool, bool]
) -> None:
    first, last, fuzzy, ongoing = span
    as_of = day_number(2021, 11, 20)
    assert span_of(edtf, as_of) == Span(day_number(*first), day_number(*last), fuzzy, ongoing)


def test_untrusted_text_is_escaped_and_control_characters_removed(tmp_path: Path) -> None:
    title = "</text><script>alert(1)</script> & \x07bell"
    project = Project(
        entries=(
            Entry(title=title, when=DateValue(edtf="2021-11-16"), description="a ]]> b"),
            Entry(title="(5)Not a sub-event", when=DateValue(edtf="2021-11-17")),
        )
    )
    out = tmp_path / "hostile.timeline"
    export_timeline_project(project, out)
    root = SafeET.fromstring(out.read_bytes(), forbid_dtd=True)
    _check_schema(root)
    assert root.findtext("events/event/text") == title.replace("\x07", "")
    back = import_file(out).project.entries
    assert [e.title for e in back] == [title.replace("\x07", ""), "(5)Not a sub-event"]
    assert back[0].description == "a ]]> b"


def test_the_category_hierarchy_goes_back_parents_first(tmp_path: Path) -> None:
    project = import_file(FIXTURES / "rich.timeline").project
    lanes = list(project.lanes)
    project = project.model_copy(update={"lanes": (lanes[2], lanes[3], lanes[1], lanes[0])})
    out = tmp_path / "h.timeline"
    export_timeline_project(project, out)
    categories = SafeET.fromstring(out.read_bytes()).findall("categories/category")
    assert [(c.findtext("name"), c.findtext("parent")) for c in categories] == [
        ("Caucasus", None),
        ("Armenia", "Caucasus"),
        ("Syunik", "Armenia"),
        ("EU", None),
    ]
    assert categories[0].findtext("color") == "0,114,178"


def test_dates_the_format_cannot_hold_are_left_out_with_a_note(tmp_path: Path) -> None:
    project = Project(
        lanes=(Lane(id="l1", title="Same"), Lane(id="l2", title="Same")),
        entries=(
            Entry(title="Ice age", when=DateValue(edtf="Y-20000")),
            Entry(title="Kept", when=DateValue(edtf="2021"), lane_id="l2"),
        ),
        eras=(Era(title="Someday", when=DateValue(edtf="")),),
    )
    out = tmp_path / "far.timeline"
    notes = export_timeline_project(project, out)
    assert notes == [
        "left out 1 undated or out-of-range era: “Someday”",
        "left out 1 entry dated outside the years 4713 BC to AD 9989: “Ice age”",
    ]
    root = SafeET.fromstring(out.read_bytes())
    assert [c.findtext("name") for c in root.findall("categories/category")] == [
        "Same",
        "Same (2)",
    ]
    assert root.findtext("events/event/category") == "Same (2)"


def test_the_schema_check_knows_the_format() -> None:
    # Our fixture in the format as The Timeline Project writes it passes; shuffled, it fails.
    root = SafeET.fromstring((FIXTURES / "rich.timeline").read_bytes())
    _check_schema(root)
    event = root.find("events/event")
    assert event is not None
    start = event[0]
    event.remove(start)
    event.append(start)
    with pytest.raises(AssertionError, match="<start> missing"):
        _check_schema(root)


def _as_xml_reads(text: str) -> str:
    """What an XML reader gives back for ``text``: no control characters, CR as LF."""
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=60, deadline=None)
@given(title=st.text(max_size=40), description=st.text(max_size=80), stated=st.text(max_size=30))
def test_any_text_goes_out_as_well_formed_xml_and_comes_back(
    title: str, description: str, stated: str
) -> None:
    entry = Entry(
        title=title, description=description, when=DateValue(edtf="2021-11~", as_stated=stated)
    )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "t.timeline"
        export_timeline_project(Project(entries=(entry,)), out)
        _check_schema(SafeET.fromstring(out.read_bytes(), forbid_dtd=True))
        back = import_file(out).project.entries[0]
    assert back.title == _as_xml_reads(title).strip()
    assert back.description == _as_xml_reads(description).strip()
    assert back.when.edtf == "2021-11~"
    assert back.when.as_stated == " ".join(_as_xml_reads(stated).split())


def test_tags_with_commas_and_milestones_come_back_in_order(tmp_path: Path) -> None:
    tags = ("Armenia, Azerbaijan", "milestone", "talks")
    project = Project(entries=(Entry(title="x", when=DateValue(edtf="2021-11-16"), tags=tags),))
    out = tmp_path / "t.timeline"
    export_timeline_project(project, out)
    assert import_file(out).project.entries[0].tags == tags
