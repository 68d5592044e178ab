"""A small project after the seed article, shared by tests of the editor shell."""

from __future__ import annotations

from timeline_editor.model.entities import (
    Actor,
    Citation,
    Claim,
    DateValue,
    Entry,
    Lane,
    Place,
    Project,
    Source,
)
from timeline_editor.model.vocab import EntryKind, Reliability, Stance, Status


def brussels_project() -> Project:
    """Five entries: a meeting, a disputed trilateral, a window, a war, an undated hotline."""
    rfe = Source(id="s-rfe", title="RFE/RL article", reliability=Reliability.B)
    blog = Source(id="s-blog", title="A blog", reliability=Reliability.E)
    actors = (
        Actor(id="a-pash", name="Nikol Pashinian"),
        Actor(id="a-aliyev", name="Ilham Aliyev"),
        Actor(id="a-peskov", name="Dmitry Peskov"),
    )
    lanes = (Lane(id="l-eu", title="EU track"), Lane(id="l-ru", title="Russian track"))
    brussels = Place(id="p-bru", name="Brussels", country="Belgium")
    entries = (
        Entry(
            id="e-brussels",
            kind=EntryKind.MEETING,
            title="Pashinian–Aliyev meeting in Brussels",
            when=DateValue(edtf="2021-12-15", as_stated="on 15 December"),
            status=Status.SCHEDULED,
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
            claims=(
                Claim(speaker_id="a-peskov", stance=Stance.ASSERTS, text="being prepared"),
                Claim(speaker_id="a-pash", stance=Stance.DENIES, text="not agreed"),
            ),
        ),
        Entry(
            id="e-route",
            kind=EntryKind.DEADLINE,
            title="Route to be agreed",
            when=DateValue(edtf="[2020-11-10..2023-11-10]", as_stated="within three years"),
            status=Status.PROPOSED,
            citations=(Citation(source_id="s-blog", quote="within three years"),),
        ),
        Entry(
            id="e-war",
            kind=EntryKind.PERIOD,
            title="Second Karabakh war",
            when=DateValue(edtf="2020-09-27/2020-11-10"),
            lane_id="l-ru",
            tags=("war",),
        ),
        Entry(id="e-hotline", title="Hotline to be set up", status=Status.PROPOSED),
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
