"""A helper process for the kill tests: forks writers that save until they are killed.

Run as ``python -m tests.io.hostile.kill_worker FOLDER``. It imports the program once,
writes the first version, and then reads commands from stdin, one per line:

- ``save`` / ``autosave``: fork a writer that saves versions A and B in turn to
  ``FOLDER/project.timeline.json`` (or autosaves them in ``FOLDER/autosave``) until it
  is killed; prints the writer's process id;
- ``reap PID``: wait for that (killed) writer, so its process id is really gone;
  prints ``reaped``.

Forking from this warm process makes each writer start in milliseconds, so a test can
kill many of them within a few seconds.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from timeline_editor.io.autosave import AutosaveStore
from timeline_editor.io.project_file import save_project
from timeline_editor.model.entities import DateValue, Entry, Project

SESSION = "killtest"


def versions() -> tuple[Project, Project]:
    """Version A (small) and B (large enough that a write takes a while)."""
    small = Project(id="p", title="version A", entries=(Entry(id="e0", title="only"),))
    entries = tuple(
        Entry(id=f"e{i}", title=f"entry {i} " + "x" * 200, when=DateValue(edtf="2021-12-15"))
        for i in range(3000)
    )
    return small, Project(id="p", title="version B", entries=entries)


def _write_forever(mode: str, folder: Path, projects: tuple[Project, Project]) -> None:
    store = AutosaveStore(folder / "autosave")
    target = folder / "project.timeline.json"
    turn = 0
    while True:
        project = projects[turn % 2]
        if mode == "save":
            save_project(project, target)
        else:
            store.write(SESSION, project, None, None)
        turn += 1


def main() -> None:
    """Serve the commands described in the module docstring."""
    folder = Path(sys.argv[1])
    projects = versions()
    save_project(projects[0], folder / "project.timeline.json")
    save_project(projects[0], folder / "project.timeline.json")  # and a backup
    AutosaveStore(folder / "autosave").write(SESSION, projects[0], None, None)
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command in ("save", "autosave"):
            pid = os.fork()
            if pid == 0:
                try:
                    _write_forever(command, folder, projects)
                finally:
                    os._exit(1)
            print(pid, flush=True)
        elif command == "reap":
            os.waitpid(int(argument), 0)
            print("reaped", flush=True)


if __name__ == "__main__":
    main()
