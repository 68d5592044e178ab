"""A small project that uses every collection, claims, citations and nested unknown fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from timeline_editor.model.entities import Project

from .facts import BRUSSELS_DAY, BRUSSELS_TITLE, WAR


def raw_file_dict() -> dict[str, Any]:
    """The sample project as the JSON a colleague's newer tool might have written."""
    return {
        "format": "timeline-editor",
        "schema_version": 1,
        "id": "p-1",
        "title": "Brussels track — Ереван · Bakı",
        "as_of": "2021-11-20",
        "x_project_note": {"nested": [1, 2, {"deep": True}]},
        "entries": [
            {
                "id": "e-1",
                "kind": "meeting",
                "title": BRUSSELS_TITLE,
                "when": {"edtf": BRUSSELS_DAY, "as_stated": "15 December", "x_tz": "CET"},
                "status": "scheduled",
                "lane_id": "l-1",
                "actor_ids": ["a-1", "a-2"],
                "place_id": "pl-1",
                "citations": [{"id": "c-1", "source_id": "s-1", "quote": "on 15 December"}],
                "x_colour_hint": "blue",
            },
            {
                "id": "e-2",
                "kind": "meeting",
                "title": "Moscow trilateral",
                "when": {"edtf": "", "as_stated": "not specified"},
                "status": "proposed",
                "claims": [
                    {
                        "id": "k-1",
                        "speaker_id": "a-1",
                        "stance": "asserts",
                        "citation": {"id": "c-2", "source_id": "s-1", "x_page": 2},
                    },
                    {"id": "k-2", "speaker_id": "a-2", "stance": "denies", "x_tone": "firm"},
                ],
            },
            {
                "id": "e-3",
                "kind": "period",
                "title": "Six weeks of fighting",
                "when": {"edtf": "2020-09-27~/2020-11-10~", "as_stated": "six weeks"},
            },
        ],
        "sources": [{"id": "s-1", "type": "news_article", "URL": "https://example.org/a"}],
        "actors": [{"id": "a-1", "name": "Kremlin spokesman"}, {"id": "a-2", "name": "PM"}],
        "places": [{"id": "pl-1", "name": "Brussels", "latitude": 50.85, "longitude": 4.35}],
        "lanes": [{"id": "l-1", "title": "EU track"}],
        "eras": [{"id": "r-1", "title": "2020 war", "when": {"edtf": WAR}}],
    }


def raw_file_project() -> Project:
    """The raw file's project, validated (its unknown fields kept)."""
    return Project.model_validate(raw_file_dict())


def write_json(path: Path, document: Any) -> Path:
    """Write any JSON value (compact, UTF-8) and return the path."""
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path
