"""Saved versions: content hashes, lineage, the snapshot store and finding a merge base."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.samples import interchange_project
from timeline_editor.io import versions
from timeline_editor.io.merge import merge_projects
from timeline_editor.io.project_file import load_project
from timeline_editor.io.versions import (
    VersionStore,
    content_hash,
    find_base,
    merged_lineage,
    save_version,
    stamped,
)
from timeline_editor.model.entities import Project


def _retitle(project: Project, ident: str, title: str) -> Project:
    entries = tuple(
        e.model_copy(update={"title": title}) if e.id == ident else e for e in project.entries
    )
    return project.model_copy(update={"entries": entries})


@pytest.fixture
def store(tmp_path: Path) -> VersionStore:
    """A version store in a temporary folder."""
    return VersionStore(tmp_path / "versions")


def test_hash_ignores_lineage_and_sees_content() -> None:
    project = interchange_project()
    with_lineage = project.model_copy(update={"lineage": ("ab" * 16,)})
    assert content_hash(project) == content_hash(with_lineage)
    assert content_hash(_retitle(project, "ent-war", "x")) != content_hash(project)
    assert len(content_hash(project)) == versions.HASH_DIGITS


def test_stamp_appends_once_and_caps() -> None:
    project = interchange_project()
    once = stamped(project)
    assert once.lineage == (content_hash(project),)
    assert stamped(once) is once  # an unchanged project is not stamped again
    old = tuple(f"{i:032x}" for i in range(60))
    long = stamped(project.model_copy(update={"lineage": old}))
    assert len(long.lineage) == versions.LINEAGE_LIMIT
    assert long.lineage[-1] == content_hash(project)
    assert long.lineage[0] == old[11]


def test_save_of_unchanged_project_is_byte_identical(tmp_path: Path, store: VersionStore) -> None:
    path = tmp_path / "p.timeline.json"
    saved = save_version(interchange_project(), path, store)
    first = path.read_bytes()
    again = save_version(load_project(path), path, store)
    assert path.read_bytes() == first
    assert again.lineage == saved.lineage == (content_hash(saved),)
    assert store.get(content_hash(saved)) == saved.model_copy(update={"lineage": ()})


def test_a_snapshot_written_later_is_there_when_asked_for(
    tmp_path: Path, store: VersionStore
) -> None:
    path = tmp_path / "p.timeline.json"
    saved = save_version(interchange_project(), path, store, later=True)
    digest = content_hash(saved)
    assert store.has(digest)  # waits for the thread writing it
    assert store.get(digest) == saved.model_copy(update={"lineage": ()})
    blocked = VersionStore(tmp_path / "p.timeline.json" / "not-a-folder")
    again = save_version(_retitle(saved, "ent-war", "x"), path, blocked, later=True)
    blocked.wait()  # a store that cannot be written never stops a save
    assert load_project(path) == again


def test_old_file_without_lineage_loads(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    data = interchange_project().model_dump(mode="json")
    del data["lineage"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_project(path).lineage == ()


@pytest.mark.parametrize(
    "damage",
    [b"not gzip at all", gzip.compress(b"{broken json"), gzip.compress(b"{}")[:-6]],
    ids=["garbage", "bad-json", "truncated"],
)
def test_damaged_snapshot_reads_as_missing_and_is_replaced(
    store: VersionStore, damage: bytes
) -> None:
    project = interchange_project()
    digest = store.put(project)
    path = store.root / digest[:2] / f"{digest}.json.gz"
    path.write_bytes(damage)
    assert store.get(digest) is None
    assert not path.exists()
    store.put(project)
    assert store.get(digest) == project


def test_snapshot_under_the_wrong_hash_is_refused(store: VersionStore) -> None:
    digest = store.put(interchange_project())
    other = "f" * versions.HASH_DIGITS
    (store.root / "ff").mkdir()
    (store.root / digest[:2] / f"{digest}.json.gz").rename(store.root / "ff" / f"{other}.json.gz")
    assert store.get(other) is None


def test_unwritable_store_does_not_stop_a_save(tmp_path: Path) -> None:
    blocker = tmp_path / "versions"
    blocker.write_text("a file where the store folder should be")
    path = tmp_path / "p.json"
    saved = save_version(interchange_project(), path, VersionStore(blocker))
    assert load_project(path) == saved


def test_store_keeps_the_newest(store: VersionStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(versions, "MAX_SNAPSHOTS", 3)
    digests = [store.put(_retitle(interchange_project(), "ent-war", f"war {i}")) for i in range(5)]
    assert len(list(store.root.glob("*/*.json.gz"))) == 3
    assert store.has(digests[-1])


def test_find_base_from_the_store(store: VersionStore, tmp_path: Path) -> None:
    sent = save_version(interchange_project(), tmp_path / "a.json", store)
    ours = stamped(_retitle(sent, "ent-war", "ours"))
    theirs = stamped(_retitle(sent, "ent-moscow", "theirs"))
    found = find_base(ours, theirs, store)
    assert found.project == sent.model_copy(update={"lineage": ()})
    assert "last common version" in found.description
    result = merge_projects(ours, theirs, found.project)
    assert not result.conflicts
    titles = {e.id: e.title for e in result.merged.entries}
    assert titles["ent-war"] == "ours" and titles["ent-moscow"] == "theirs"


def test_find_base_missing_snapshot_then_sidecar(store: VersionStore, tmp_path: Path) -> None:
    sent = stamped(interchange_project())  # saved elsewhere: not in this store
    ours, theirs = stamped(_retitle(sent, "ent-war", "o")), stamped(_retitle(sent, "ent-war", "t"))
    missing = find_base(ours, theirs, store)
    assert missing.project is None and "not among the saved versions" in missing.description
    sidecar = tmp_path / "theirs.json.base"
    save_version(sent, sidecar, None)
    found = find_base(ours, theirs, store, [sidecar])
    assert found.project is not None and content_hash(found.project) == content_hash(sent)
    assert "theirs.json.base" in found.description


def test_no_common_version(store: VersionStore) -> None:
    ours = stamped(interchange_project())
    theirs = stamped(_retitle(interchange_project(), "ent-war", "unrelated history"))
    assert find_base(ours, theirs, store).description == "the copies share no saved version"
    plain = interchange_project()
    other = _retitle(plain, "ent-war", "other")
    assert "does not record" in find_base(plain, stamped(other), None).description


def test_merged_lineage_records_both_copies() -> None:
    sent = stamped(interchange_project())
    ours = stamped(_retitle(sent, "ent-war", "o"))
    theirs = stamped(_retitle(sent, "ent-moscow", "t"))
    lineage = merged_lineage(ours, theirs)
    assert lineage == (*ours.lineage, content_hash(theirs))
    assert len(set(lineage)) == len(lineage)
