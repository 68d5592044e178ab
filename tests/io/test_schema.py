"""The checked-in JSON Schema matches the models."""

from __future__ import annotations

import json
from pathlib import Path

from tests.samples import raw_file_dict
from timeline_editor.io.schema import REGENERATE, SCHEMA_PATH, project_schema, schema_text

ROOT = Path(__file__).resolve().parents[2]


def test_checked_in_schema_is_current() -> None:
    checked_in = (ROOT / SCHEMA_PATH).read_text(encoding="utf-8")
    assert checked_in == schema_text(), f"the schema is stale; regenerate it with: {REGENERATE}"


def test_schema_describes_the_header_and_keeps_unknown_fields() -> None:
    schema = project_schema()
    properties = schema["properties"]
    assert isinstance(properties, dict)
    assert properties["format"]["const"] == "timeline-editor"
    assert schema["additionalProperties"] is True
    assert "URL" in json.dumps(schema)  # CSL names (aliases), as in the files


def test_schema_lists_every_top_level_field_of_a_file() -> None:
    properties = project_schema()["properties"]
    assert isinstance(properties, dict)
    known = {k for k in raw_file_dict() if not k.startswith("x_")}
    assert known <= set(properties)
