"""``timeline-editor merge`` without ``--base`` finds the last common version itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.samples import interchange_project
from timeline_editor.app import main
from timeline_editor.io.project_file import load_project
from timeline_editor.io.versions import VersionStore, content_hash, save_version
from timeline_editor.model.entities import Project
from timeline_editor.model.vocab import Status


def _edit(project: Project, ident: str, **changes: object) -> Project:
    entries = tuple(e.model_copy(update=changes) if e.id == ident else e for e in project.entries)
    return project.model_copy(update={"entries": entries})


@pytest.fixture
def copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A saved, B a copy of it; then A and B edited differently (each saved)."""
    monkeypatch.setenv("TIMELINE_EDITOR_HOME", str(tmp_path / "home"))
    store = VersionStore.default()
    a, b = tmp_path / "a.timeline.json", tmp_path / "b.timeline.json"
    sent = save_version(interchange_project(), a, store)
    shutil.copy(a, b)
    save_version(_edit(sent, "ent-moscow", status=Status.SCHEDULED), a, store)
    # The colleague saves on another computer: not in our store.
    save_version(_edit(load_project(b), "ent-moscow", title="Trilateral"), b, None)
    return a, b


def test_merge_finds_the_base(
    copies: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = copies
    out = tmp_path / "merged.timeline.json"
    assert main(["merge", str(a), str(b), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "base: the last common version" in err and "conflict" not in err
    merged = load_project(out)
    moscow = next(e for e in merged.entries if e.id == "ent-moscow")
    assert (moscow.title, moscow.status) == ("Trilateral", Status.SCHEDULED)
    theirs = load_project(b)
    assert content_hash(theirs) in merged.lineage
    assert merged.lineage[-1] == content_hash(merged)
    assert VersionStore.default().get(content_hash(theirs)) == theirs.model_copy(
        update={"lineage": ()}
    )


def test_two_way_when_asked(
    copies: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = copies
    out = tmp_path / "merged.timeline.json"
    assert main(["merge", str(a), str(b), "-o", str(out), "--two-way"]) == 1
    err = capsys.readouterr().err
    assert "two-way" in err and "conflict: entry" in err
    assert not out.exists()


def test_no_common_version_falls_back_to_two_way(
    copies: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = copies
    shutil.rmtree(tmp_path / "home")  # the store is gone: nothing to compare against
    out = tmp_path / "merged.timeline.json"
    assert main(["merge", str(a), str(b), "-o", str(out), "--prefer", "ours"]) == 0
    assert "base: none, two-way merge (the last common version is not among" in (
        capsys.readouterr().err
    )
    assert next(e for e in load_project(out).entries if e.id == "ent-moscow").title != "Trilateral"
