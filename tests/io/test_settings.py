"""Settings and recent files under a private home."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_editor.io.settings import MAX_RECENT, Settings, config_dir, state_dir


def test_env_variable_moves_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_EDITOR_HOME", str(tmp_path))
    assert config_dir() == tmp_path / "config"
    assert state_dir() == tmp_path / "state"
    assert Settings().path == tmp_path / "config" / "settings.json"


def test_values_survive_a_restart(tmp_path: Path) -> None:
    Settings(tmp_path).set("window/state", "AAEC")
    assert Settings(tmp_path).get("window/state") == "AAEC"
    assert Settings(tmp_path).get("missing", 7) == 7


def test_damaged_file_gives_defaults(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    settings.path.parent.mkdir(parents=True)
    settings.path.write_text("{not json", encoding="utf-8")
    assert Settings(tmp_path).get("x") is None
    settings.path.write_text('{"version": 99, "values": {"x": 1}}', encoding="utf-8")
    assert Settings(tmp_path).get("x") is None


@pytest.mark.parametrize(
    "text",
    [
        '{"version": "2", "values": {"x": 1}}',
        '{"version": null, "values": {"x": 1}}',
        '{"version": [1], "values": {"x": 1}}',
        '{"version": true, "values": {"x": 1}}',
        "[" * 100_000 + "]" * 100_000,
    ],
)
def test_odd_settings_give_defaults(tmp_path: Path, text: str) -> None:
    settings = Settings(tmp_path)
    settings.path.parent.mkdir(parents=True)
    settings.path.write_text(text, encoding="utf-8")
    assert Settings(tmp_path).get("x") is None


def test_recent_files_newest_first_without_duplicates(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    for name in ["a", "b", "a"]:
        settings.add_recent(tmp_path / f"{name}.json")
    assert [p.name for p in Settings(tmp_path).recent_files()] == ["a.json", "b.json"]
    settings.remove_recent(tmp_path / "a.json")
    assert [p.name for p in settings.recent_files()] == ["b.json"]
    for index in range(MAX_RECENT + 5):
        settings.add_recent(tmp_path / f"{index}.json")
    assert len(settings.recent_files()) == MAX_RECENT
    settings.clear_recent()
    assert settings.recent_files() == []
