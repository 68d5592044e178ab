"""Special files are refused by every reader at once, saying what they are.

A named pipe would block ``open`` until a writer comes, ``/dev/zero`` never ends, a link
loop used to raise a traceback. Every reader goes through ``io/safe_read.py``; the
watchdog fails a test that blocks instead of hanging the suite.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.io.hostile.conftest import SPECIAL_KINDS
from timeline_editor.app import main
from timeline_editor.io import safe_read
from timeline_editor.io.autosave import AutosaveStore
from timeline_editor.io.importers import FORMATS, ImportFileError, guess_format, import_file
from timeline_editor.io.project_file import ProjectFileError, load_project
from timeline_editor.io.safe_read import ReadRefusedError, read_file
from timeline_editor.io.settings import Settings

KINDS = sorted(SPECIAL_KINDS)

pytestmark = pytest.mark.usefixtures("watchdog")


@pytest.mark.parametrize("kind", KINDS)
def test_the_guarded_read_names_what_the_path_is(special: Callable[[str], Path], kind: str) -> None:
    path = special(kind)
    with pytest.raises(ReadRefusedError) as caught:
        read_file(path, 1000)
    assert SPECIAL_KINDS[kind] in caught.value.reason
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("kind", KINDS)
def test_project_files_refuse_special_paths(special: Callable[[str], Path], kind: str) -> None:
    path = special(kind)
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert SPECIAL_KINDS[kind] in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("fmt", [*FORMATS, None])
@pytest.mark.parametrize("kind", KINDS)
def test_every_importer_refuses_special_paths(
    special: Callable[[str], Path], kind: str, fmt: str | None
) -> None:
    path = special(kind)
    with pytest.raises(ImportFileError) as caught:
        import_file(path, fmt)
    assert SPECIAL_KINDS[kind] in str(caught.value)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("kind", KINDS)
def test_the_format_guess_refuses_special_paths(special: Callable[[str], Path], kind: str) -> None:
    with pytest.raises(ImportFileError, match="cannot read"):
        guess_format(special(kind))


@pytest.mark.parametrize("kind", ["fifo", "loop", "folder"])
def test_settings_and_autosave_records_at_special_paths_are_ignored(
    special: Callable[[str], Path], tmp_path: Path, kind: str
) -> None:
    path = special(kind)
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").symlink_to(path)
    assert Settings(home).recent_files() == []
    store = AutosaveStore(tmp_path / "auto")
    store.folder.mkdir()
    (store.folder / "s1.meta.json").symlink_to(path)
    assert store.snapshots() == []


def test_every_format_has_a_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline_editor.io.importers import _text

    monkeypatch.setattr(_text, "MAX_BYTES", 100)
    names = {"timelinejs": "a.json", "timelinejs-csv": "b.csv", "timeline-project": "c.timeline"}
    for fmt in FORMATS:
        path = tmp_path / names.get(fmt, f"{fmt}.txt")
        path.write_bytes(b"x" * 101)
        with pytest.raises(ImportFileError, match="the limit is 100 bytes"):
            import_file(path, fmt)


def test_a_file_that_grows_while_read_is_cut_at_the_limit(tmp_path: Path) -> None:
    # /proc files announce size 0 and hold more: the read still stops at limit + 1 bytes.
    with pytest.raises(ReadRefusedError, match="grew past the limit"):
        read_file(Path("/proc/self/maps"), 10)
    assert len(read_file(Path("/proc/self/maps"), 10**6)) > 10


def test_a_path_swapped_for_a_pipe_after_the_check_is_not_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    path = tmp_path / "swap.json"
    path.write_text("{}", encoding="utf-8")
    real_check = safe_read.check_readable

    def check_then_swap(checked: Path, limit: int) -> os.stat_result:
        info = real_check(checked, limit)
        checked.unlink()
        os.mkfifo(checked)
        return info

    monkeypatch.setattr(safe_read, "check_readable", check_then_swap)
    with pytest.raises(ReadRefusedError, match="replaced while being opened"):
        read_file(path, 1000)


COMMANDS = {
    "validate": lambda p, out: ["validate", str(p)],
    "info": lambda p, out: ["info", str(p)],
    "export": lambda p, out: ["export", str(p), "-o", str(out / "x.csv")],
    "import": lambda p, out: ["import", str(p), "-o", str(out / "x.timeline.json")],
    "diff": lambda p, out: ["diff", str(p), str(p)],
    "merge": lambda p, out: ["merge", str(p), str(p), "-o", str(out / "m.timeline.json")],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("kind", KINDS)
def test_commands_exit_1_quickly_with_the_reason(
    special: Callable[[str], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    command: str,
) -> None:
    path = special(kind)
    out = tmp_path / "out"
    out.mkdir()
    started = time.monotonic()
    assert main(COMMANDS[command](path, out)) == 1
    assert time.monotonic() - started < 2.0
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert SPECIAL_KINDS[kind] in text
    assert "Traceback" not in text
    assert list(out.iterdir()) == []
