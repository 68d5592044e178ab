"""User settings and recent files, kept as JSON under platformdirs.

``TIMELINE_EDITOR_HOME`` (or the ``home`` argument) moves everything under one folder,
which tests use so that they never touch the real home.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_data_dir, user_state_dir

from .atomic import atomic_write_bytes
from .safe_read import ReadRefusedError, read_file

APP_NAME = "timeline-editor"
HOME_VARIABLE = "TIMELINE_EDITOR_HOME"
SETTINGS_VERSION = 1
MAX_RECENT = 10
MAX_SETTINGS_BYTES = 4 * 1024 * 1024


def _home_override(home: Path | None) -> Path | None:
    if home is not None:
        return Path(home)
    value = os.environ.get(HOME_VARIABLE, "")
    return Path(value) if value else None


def config_dir(home: Path | None = None) -> Path:
    """Folder of the settings file."""
    base = _home_override(home)
    return base / "config" if base is not None else Path(user_config_dir(APP_NAME))


def state_dir(home: Path | None = None) -> Path:
    """Folder of volatile state such as autosave snapshots."""
    base = _home_override(home)
    return base / "state" if base is not None else Path(user_state_dir(APP_NAME))


def data_dir(home: Path | None = None) -> Path:
    """Folder of lasting data such as the store of saved versions."""
    base = _home_override(home)
    return base / "data" if base is not None else Path(user_data_dir(APP_NAME))


class Settings:
    """A small JSON key/value store plus the recent-files list.

    A missing or damaged settings file gives the defaults; the damaged file is left
    alone until the next :meth:`save` replaces it.
    """

    def __init__(self, home: Path | None = None) -> None:
        self.home = _home_override(home)
        self.path = config_dir(home) / "settings.json"
        self._data: dict[str, Any] = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(read_file(self.path, MAX_SETTINGS_BYTES).decode("utf-8"))
        except (ReadRefusedError, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict):
            return {}
        version = data.get("version", 0)
        # bool is an int subclass; a version of true or "2" is as damaged as a missing file.
        if not isinstance(version, int) or isinstance(version, bool) or version > SETTINGS_VERSION:
            return {}
        values = data.get("values", {})
        return values if isinstance(values, dict) else {}

    def get(self, key: str, default: Any = None) -> Any:
        """The stored value of ``key``, or ``default``."""
        return self._data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable value and write the file."""
        self._data[key] = value
        self.save()

    def save(self) -> None:
        """Write the settings file atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"version": SETTINGS_VERSION, "values": self._data}
        text = json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        atomic_write_bytes(self.path, text.encode("utf-8"))

    def recent_files(self) -> list[Path]:
        """Recently opened or saved project files, newest first."""
        stored = self.get("recent_files", [])
        if not isinstance(stored, list):
            return []
        return [Path(p) for p in stored if isinstance(p, str)][:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        """Put ``path`` at the front of the recent files."""
        name = str(Path(path).resolve())
        rest = [str(p) for p in self.recent_files() if str(p) != name]
        self.set("recent_files", [name, *rest][:MAX_RECENT])

    def remove_recent(self, path: Path) -> None:
        """Forget one recent file (for example one that no longer exists)."""
        name = str(Path(path).resolve())
        self.set("recent_files", [str(p) for p in self.recent_files() if str(p) != name])

    def clear_recent(self) -> None:
        """Forget every recent file."""
        self.set("recent_files", [])
