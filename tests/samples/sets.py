"""A small project with set dates and a season: the either/or screenshot's project."""

from __future__ import annotations

from timeline_editor.model.entities import DateValue, Entry, Lane, Project
from timeline_editor.model.vocab import EntryKind, Status

EITHER_OR = "[2021-12-14,2021-12-15]"
ALL_OF = "{2021-10-12,2021-11-25,2022-01}"
SPRING = "2022-21"


def sets_project() -> Project:
    """An either/or meeting, an all-of series of visits, a season and two plain entries."""
    lanes = (Lane(id="l-eu", title="EU track"), Lane(id="l-border", title="Border"))
    entries = (
        Entry(
            id="e-brussels",
            kind=EntryKind.MEETING,
            title="Pashinian–Aliyev meeting in Brussels",
            when=DateValue(edtf=EITHER_OR, as_stated="on 14 or 15 December"),
            status=Status.SCHEDULED,
            lane_id="l-eu",
        ),
        Entry(
            id="e-visits",
            title="EU envoy's visits to the region",
            when=DateValue(edtf=ALL_OF, as_stated="in October, late November and January"),
            lane_id="l-eu",
        ),
        Entry(
            id="e-commission",
            title="Delimitation commission to begin work",
            when=DateValue(edtf=SPRING, as_stated="in the spring of 2022"),
            status=Status.PROPOSED,
            lane_id="l-border",
        ),
        Entry(
            id="e-fighting",
            title="Border fighting",
            when=DateValue(edtf="2021-11-16", as_stated="on 16 November"),
            lane_id="l-border",
        ),
        Entry(
            id="e-sochi",
            kind=EntryKind.MEETING,
            title="Trilateral meeting in Sochi",
            when=DateValue(edtf="2021-11-26"),
            lane_id="l-eu",
        ),
    )
    return Project(
        id="p-sets",
        title="Either/or dates and a season",
        as_of="2021-11-29",
        entries=entries,
        lanes=lanes,
    )
