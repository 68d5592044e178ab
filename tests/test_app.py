"""The entry point: sub-commands, --help/--version, and refusing to start a window it cannot."""

from __future__ import annotations

import pytest

from timeline_editor import __version__
from timeline_editor.app import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("validate", "info", "export", "import", "diff", "merge", "schema"):
        assert command in out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert "unknown command 'frobnicate'" in capsys.readouterr().err


def test_no_display_gives_a_message_not_a_qt_abort(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert main(["some.timeline.json"]) == 2
    assert "no display" in capsys.readouterr().err


def test_bad_option_of_a_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["export", "--width", "many", "x.timeline.json", "-o", "x.png"])
    assert stop.value.code == 2
    assert "not a whole number" in capsys.readouterr().err
