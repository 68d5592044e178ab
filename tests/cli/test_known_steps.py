"""export --known-on-steps: the briefing animation as a GIF or PNG frames, at one scale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import GifImagePlugin, Image

from timeline_editor.app import main
from timeline_editor.cli._known_steps import MAX_FRAMES, step_days
from timeline_editor.model.daynum import day_number

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/brussels-2021.timeline.json"
NOV = [day_number(2021, 11, d) for d in range(1, 31)]


def steps(out: Path | str, *more: str) -> list[str]:
    return ["export", str(EXAMPLE), "-o", str(out), "--width", "600", *more]


def test_step_days_end_on_the_last_day() -> None:
    assert step_days(NOV[0], NOV[20], "week") == [NOV[0], NOV[7], NOV[14], NOV[20]]
    assert step_days(NOV[0], NOV[2], "day") == NOV[:3]
    assert step_days(NOV[5], NOV[5], "day") == [NOV[5]]
    jan31 = day_number(2021, 1, 31)
    assert step_days(jan31, day_number(2021, 4, 30), "month") == [
        jan31,
        day_number(2021, 2, 28),
        day_number(2021, 3, 31),
        day_number(2021, 4, 30),
    ]


def test_a_gif_with_one_frame_per_week_at_one_size(tmp_path: Path) -> None:
    out = tmp_path / "brief.gif"
    args = steps(out, "--known-on-steps", "week", "--steps-from", "2021-11-01")
    assert main(args) == 0
    with Image.open(out) as gif:
        assert isinstance(gif, GifImagePlugin.GifImageFile)
        # 1, 8 and 15 November, then the last knowledge date (21 November).
        assert gif.n_frames == 4
        assert gif.size[0] == 600
        assert gif.info["loop"] == 0


def test_png_frames_into_a_folder_named_by_day(tmp_path: Path) -> None:
    folder = tmp_path / "frames"
    args = steps(f"{folder}/", "--known-on-steps", "day", "--steps-from", "2021-11-18")
    assert main(args) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"known-on-2021-11-{d}.png" for d in (18, 19, 20, 21)]
    assert all(Image.open(folder / name).size[0] == 600 for name in names)


def test_every_frame_draws_the_same_days_with_its_day_in_the_caption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline_editor.render import export

    calls: list[dict[str, Any]] = []
    real = export.render_chart

    def spy(project: Any, kind: str, **options: Any) -> bytes:
        calls.append(options | {"entries": len(project.entries)})
        return real(project, kind, **options)

    monkeypatch.setattr(export, "render_chart", spy)
    args = steps(f"{tmp_path}/f/", "--known-on-steps", "week", "--steps-from", "2021-10-25")
    assert main(args) == 0
    assert len({(c["start"], c["end"]) for c in calls}) == 1
    assert [c["caption_suffix"].split(" (")[0] for c in calls] == [
        "as known on 25 Oct 2021",
        "as known on 1 Nov 2021",
        "as known on 8 Nov 2021",
        "as known on 15 Nov 2021",
        "as known on 21 Nov 2021",
    ]
    assert [c["entries"] for c in calls] == sorted(c["entries"] for c in calls)


@pytest.mark.parametrize(
    ("more", "message"),
    [
        (["--steps-from", "2019-01-01"], f"more than {MAX_FRAMES} frames"),
        (["--steps-from", "2021-12-01"], "the steps start (2021-12-01) after they end"),
    ],
)
def test_too_many_or_no_frames_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], more: list[str], message: str
) -> None:
    out = tmp_path / "x.gif"
    assert main(steps(out, "--known-on-steps", "day", *more)) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_steps_need_a_gif_or_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(steps(tmp_path / "x.png", "--known-on-steps", "week")) == 2
    assert "an animated .gif or PNG frames into a folder" in capsys.readouterr().err


def test_known_on_and_steps_exclude_each_other(tmp_path: Path) -> None:
    args = steps(tmp_path / "x.gif", "--known-on-steps", "week", "--known-on", "2021-11-12")
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
