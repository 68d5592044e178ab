"""The JSON Schema of project files, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from timeline_editor.model.entities import SCHEMA_VERSION, Project

#: Where the checked-in copy lives, relative to the repository root.
SCHEMA_PATH = Path("resources/schema/timeline-editor.schema.json")

#: The command that regenerates the checked-in copy.
REGENERATE = f"python -m timeline_editor schema -o {SCHEMA_PATH}"


def project_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) that a project file satisfies."""
    schema = Project.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"Timeline Editor project file, schema version {SCHEMA_VERSION}. "
        f"Generated from the models; regenerate with: {REGENERATE}",
        **schema,
    }


def schema_text() -> str:
    """The schema as stable, pretty-printed, newline-terminated text."""
    return json.dumps(project_schema(), indent=2, ensure_ascii=False) + "\n"
