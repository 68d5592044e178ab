"""Schema migrations of project files: ``@migration(n)`` upgrades version n to n + 1.

Migrations work on the parsed JSON (plain dicts and lists) before pydantic sees it, and
must keep every field they do not understand.

Version 0 is the first draft of the file format, written down while version 1 was being
designed; no released program wrote it. Its migration stays so that the upgrade path is
exercised by a real migration and files written by hand to that draft still open. It
differs from version 1 in:

* ``events`` instead of ``entries``;
* each event has ``date`` (an EDTF string) and ``date_text`` (the source's words)
  instead of the ``when`` object ``{"edtf": ..., "as_stated": ...}``;
* an event's ``lane`` and ``place`` (ids) are now ``lane_id`` and ``place_id``, and its
  ``sources`` (a list of ``{"source": id, "quote": ..., "where": ...}``) are now
  ``citations`` (``{"id": ..., "source_id": ..., "quote": ..., "locator": ...}``);
* a source's ``url`` and ``outlet`` are now the CSL names ``URL`` and ``container-title``.

Optional fields added since, that an older reader of the same version keeps verbatim (it
keeps unknown fields on load and save), do not raise the version: files without them stay
byte for byte the same, and nothing is lost when such a file passes through an older
program. So far: an entry's ``known_since`` and a source's ``text`` (its stored text:
paragraphs, origin, day read, SHA-256), each absent from the file while unset. A change
that alters what an existing field means, or renames or removes one, needs a version and
a migration here.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

JsonObject = dict[str, Any]
Migration = Callable[[JsonObject], JsonObject]

#: from_version -> function that returns the document at from_version + 1.
MIGRATIONS: dict[int, Migration] = {}


class MigrationError(ValueError):
    """A file that claims an old version but does not have that version's layout."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


def migration(from_version: int) -> Callable[[Migration], Migration]:
    """Register a function that upgrades a document from ``from_version`` by one."""

    def register(function: Migration) -> Migration:
        if from_version in MIGRATIONS:
            raise ValueError(f"two migrations from schema version {from_version}")
        MIGRATIONS[from_version] = function
        return function

    return register


def migrate(document: JsonObject, from_version: int, to_version: int) -> JsonObject:
    """Apply the registered migrations from ``from_version`` up to ``to_version``."""
    for version in range(from_version, to_version):
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError("schema_version", f"no migration from version {version}")
        document = step(document)
        document["schema_version"] = version + 1
    return document


def _rename(obj: JsonObject, old: str, new: str) -> None:
    """Rename a key in place, keeping its position (so the file diff stays small)."""
    if old not in obj or new in obj:
        return
    items = [(new if key == old else key, value) for key, value in obj.items()]
    obj.clear()
    obj.update(items)


def _list_of_objects(value: Any, where: str) -> list[JsonObject]:
    if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
        raise MigrationError(where, "a version 0 file needs a list of objects here")
    return value


def _v0_citation(old: JsonObject, where: str) -> JsonObject:
    if "source" not in old:
        raise MigrationError(f"{where}.source", "Field required")
    new: JsonObject = {"id": old.pop("id", None) or str(uuid.uuid4())}
    new["source_id"] = old.pop("source")
    new["quote"] = old.pop("quote", "")
    new["locator"] = old.pop("where", "")
    new.update(old)  # unknown fields stay
    return new


_V0_RENAMED = {"lane": "lane_id", "place": "place_id", "sources": "citations"}


def _refuse_clashes(event: JsonObject, where: str) -> None:
    """Old and new names of one field together: keeping either would lose the other."""
    pairs = [*_V0_RENAMED.items(), ("date", "when"), ("date_text", "when")]
    for old, new in pairs:
        if old in event and new in event:
            raise MigrationError(
                f"{where}.{new}", f"both '{old}' (version 0) and '{new}' are given; keep one"
            )


def _v0_event(event: JsonObject, where: str) -> JsonObject:
    _refuse_clashes(event, where)
    when: JsonObject | None = None
    if "when" not in event:
        when = {"edtf": event.pop("date", ""), "as_stated": event.pop("date_text", "")}
    items: list[tuple[str, Any]] = []
    for key, old in event.items():
        value = old
        if key == "sources":
            cited = _list_of_objects(old, f"{where}.sources")
            value = [_v0_citation(c, f"{where}.sources[{i}]") for i, c in enumerate(cited)]
        items.append((_V0_RENAMED.get(key, key), value))
        if key == "title" and when is not None:
            items.append(("when", when))
    result = dict(items)
    if when is not None:
        result.setdefault("when", when)
    return result


@migration(0)
def _v0_to_v1(document: JsonObject) -> JsonObject:
    """events -> entries, date/date_text -> when, sources -> citations, CSL source names."""
    if "events" in document:
        events = _list_of_objects(document["events"], "events")
        document["events"] = [_v0_event(e, f"events[{i}]") for i, e in enumerate(events)]
        _rename(document, "events", "entries")
    if "sources" in document:
        for source in _list_of_objects(document["sources"], "sources"):
            _rename(source, "url", "URL")
            _rename(source, "outlet", "container-title")
    return document
