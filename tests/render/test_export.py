"""Chart exports carry real content and survive hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from defusedxml import ElementTree
from PySide6.QtGui import QImage

from tests.render.charts import export_chart
from tests.samples import chart_project
from timeline_editor.io.project_file import load_project
from timeline_editor.layout.labels import clean_title
from timeline_editor.model.daynum import day_number, format_day
from timeline_editor.model.entities import DateValue, Entry, Project
from timeline_editor.render.export import ExportError

#: The day the exports are made, fixed so that a chart with nothing dated is too.
TODAY = day_number(2021, 11, 30)
HOSTILE = ('Say "hi" & <b>bye</b>\ttab\x01ctl', "Հայաստան ու Ադրբեջան", "Переговоры в Брюсселе")


def _svg_text(path: Path) -> str:
    root = ElementTree.parse(path).getroot()
    return "".join(node.text or "" for node in root.iter("{http://www.w3.org/2000/svg}text"))


def test_svg_has_every_title_and_the_legend(tmp_path: Path) -> None:
    project = chart_project()
    extra = tuple(
        Entry(id=f"h{i}", title=t, when=DateValue(edtf="2021-11-27")) for i, t in enumerate(HOSTILE)
    )
    project = project.model_copy(update={"entries": project.entries + extra})
    out = tmp_path / "chart.svg"
    export_chart(project, out, today=TODAY)
    text = _svg_text(out)
    for entry in project.entries:
        assert clean_title(entry.title) in text, entry.title
    assert "Legend" in text and "disputed (conflicting claims)" in text
    assert "As of 28 Nov 2021" in text
    assert 'font-family="DejaVu Sans, sans-serif"' in out.read_text(encoding="utf-8")


def test_png_size_and_content(tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    export_chart(chart_project(), out, today=TODAY, width=1200, scale=1.5)
    image = QImage(str(out))
    assert image.width() == 1800
    colours = {image.pixel(x, y) for x in range(0, 1800, 37) for y in range(0, image.height(), 23)}
    assert len(colours) > 20


def test_pdf_is_vector_and_nontrivial(tmp_path: Path) -> None:
    out = tmp_path / "chart.pdf"
    export_chart(chart_project(), out, today=TODAY, paper="letter")
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000


def _project(entries: list[tuple[str, str]]) -> Project:
    return Project(
        entries=tuple(
            Entry(id=f"e{i}", title=t, when=DateValue(edtf=d)) for i, (t, d) in enumerate(entries)
        )
    )


@pytest.mark.parametrize(
    "project",
    [
        Project(),
        _project([("Long " * 2000, "2021-11-16")]),
        _project([("Centuries", "[-0500..1500]"), ("Point", "1000-06-01")]),
        _project([("Zero", "2021-11-16/2021-11-16"), ("Open", "2021-11-19/")]),
        _project([(f"Same day {i}", "2021-11-16") for i in range(10_000)]),
        _project([("Undated only", "")]),
    ],
    ids=["empty", "long-title", "centuries", "zero-length", "ten-thousand", "undated"],
)
def test_bad_input_still_exports(tmp_path: Path, project: Project) -> None:
    for suffix in ("svg", "png"):
        out = tmp_path / f"x.{suffix}"
        export_chart(project, out, today=TODAY, scale=1.0)
        assert out.stat().st_size > 1000


def test_a_chart_with_nothing_dated_is_centred_on_the_day_passed_in(tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    export_chart(Project(), out, today=day_number(1600, 7, 1))
    assert "1600" in _svg_text(out) and "2021" not in _svg_text(out)
    export_chart(Project(as_of="1812-06-24"), out, today=day_number(1600, 7, 1))
    assert "1812" in _svg_text(out) and "1600" not in _svg_text(out)


def test_from_after_to_is_swapped(tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    export_chart(chart_project(), out, today=TODAY, start="2021-12-31", end="2021-11-01")
    assert "Pashinian–Aliyev" in _svg_text(out)


def test_failed_export_leaves_old_file(tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    out.write_bytes(b"old")

    def broken(entry: Entry) -> bool:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        export_chart(chart_project(), out, today=TODAY, predicate=broken)
    with pytest.raises(ExportError):
        export_chart(chart_project(), out, today=TODAY, width=5)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.png"]


def test_filter_and_lanes_apply(tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    export_chart(
        chart_project(),
        out,
        today=TODAY,
        lanes=["Azerbaijan"],
        predicate=lambda e: e.id != "war",
    )
    text = _svg_text(out)
    assert "Cancelled ministerial visit" in text
    assert "Second Karabakh war" not in text and "Sochi" not in text


def test_day_numbers_before_year_one(tmp_path: Path) -> None:
    start = format_day(day_number(-43, 3, 15))
    out = tmp_path / "x.svg"
    export_chart(_project([("Ides of March", start)]), out, today=TODAY)
    assert "BCE" in _svg_text(out)


def test_example_chart_tags_the_undated_disputed_trilateral(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "resources/examples"
    project = load_project(example / "brussels-2021.timeline.json")
    out = tmp_path / "brussels.svg"
    export_chart(project, out, today=TODAY)
    text = _svg_text(out)
    assert "Undated" in text and "disputed" in text.replace("disputed (conflicting", "")
    assert "1 source in its library" in text
