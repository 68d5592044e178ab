"""A small project after the seed article, shared by tests of the editor shell."""

from __future__ import annotations

from timeline_editor.model.entities import (
    Actor,
    Citation,
    DateValue,
    Entry,
    Lane,
    Place,
    Project,
    Source,
)
from timeline_editor.model.vocab import EntryKind, Reliability, Status

from .facts import (
    ALIYEV,
    HOTLINE,
    PASHINIAN,
    PESKOV,
    THREE_YEARS,
    brussels_meeting,
    route_deadline,
    trilateral_claims,
    war_period,
)


def small_project() -> Project:
    """Five entries: a meeting, a disputed trilateral, a window, a war, an undated hotline."""
    rfe = Source(id="s-rfe", title="RFE/RL article", reliability=Reliability.B)
    blog = Source(id="s-blog", title="A blog", reliability=Reliability.E)
    actors = (
        Actor(id="a-pash", name=PASHINIAN),
        Actor(id="a-aliyev", name=ALIYEV),
        Actor(id="a-peskov", name=PESKOV),
    )
    lanes = (Lane(id="l-eu", title="EU track"), Lane(id="l-ru", title="Russian track"))
    brussels = Place(id="p-bru", name="Brussels", country="Belgium")
    entries = (
        brussels_meeting(
            "e-brussels",
            lane_id="l-eu",
            actor_ids=("a-pash", "a-aliyev"),
            place_id="p-bru",
            tags=("summit",),
            citations=(Citation(source_id="s-rfe", quote="will meet in Brussels"),),
        ),
        Entry(
            id="e-moscow",
            kind=EntryKind.MEETING,
            title="Trilateral meeting in Moscow",
            when=DateValue(edtf="2021-12?", as_stated="being prepared"),
            status=Status.PROPOSED,
            lane_id="l-ru",
            description="Kremlin says it is being prepared.",
            claims=trilateral_claims("a-peskov", "a-pash"),
        ),
        route_deadline(
            "e-route",
            "Route to be agreed",
            citations=(Citation(source_id="s-blog", quote=THREE_YEARS),),
        ),
        war_period("e-war", "Second Karabakh war", lane_id="l-ru", tags=("war",)),
        Entry(id="e-hotline", title=HOTLINE, status=Status.PROPOSED),
    )
    return Project(
        title="Brussels meeting",
        as_of="2021-11-30",
        entries=entries,
        sources=(rfe, blog),
        actors=actors,
        places=(brussels,),
        lanes=lanes,
    )
