"""A small realistic project (after the Brussels article) for interchange tests."""

from __future__ import annotations

from timeline_editor.model.entities import (
    Actor,
    Citation,
    DateValue,
    Entry,
    Lane,
    Project,
    Source,
)
from timeline_editor.model.vocab import (
    Confidence,
    EntryKind,
    Likelihood,
    Reliability,
    SourceKind,
    Status,
)

from .facts import (
    HOTLINE,
    PASHINIAN,
    PESKOV,
    brussels_meeting,
    route_deadline,
    trilateral_claims,
    war_era,
    war_period,
)


def interchange_project() -> Project:
    """Meetings, a deadline, a disputed trilateral, claims, graded sources, eras."""
    article = Source(
        id="src-article",
        kind=SourceKind.NEWS_ARTICLE,
        title="Pashinian & Aliyev to meet <Brussels>",
        container_title="Example News",
        url="https://example.org/article",
        issued="2021-11-29",
        reliability=Reliability.B,
    )
    kremlin = Source(id="src-kremlin", title="Peskov briefing", reliability=Reliability.C)
    quote = Citation(id="cit-1", source_id="src-article", quote="will meet on 15 December")
    peskov_said = Citation(id="cit-2", source_id="src-kremlin", quote="is being prepared")
    entries = (
        brussels_meeting(
            "ent-brussels",
            "Brussels meeting",
            lane_id="lane-diplomacy",
            actor_ids=("act-pashinian",),
            citations=(quote,),
            likelihood=Likelihood.VERY_LIKELY,
            confidence=Confidence.MODERATE,
            description="With Charles Michel.",
        ),
        Entry(
            id="ent-moscow",
            kind=EntryKind.MEETING,
            title="Moscow trilateral",
            when=DateValue(edtf="2021-12~", as_stated="in December"),
            status=Status.PROPOSED,
            claims=trilateral_claims(
                "act-peskov",
                "act-pashinian",
                ("clm-1", "clm-2"),
                said=DateValue(edtf="2021-11-08"),
                citation=peskov_said,
            ),
        ),
        route_deadline("ent-route", "Route agreed"),
        Entry(
            id="ent-fighting",
            title="Border fighting",
            when=DateValue(edtf="2021-11-16"),
            lane_id="lane-diplomacy",
            citations=(Citation(id="cit-3", source_id="src-article", locator="para 5"),),
        ),
        war_period("ent-war", "2020 war"),
        Entry(id="ent-hotline", title=HOTLINE, when=DateValue(as_stated="no date")),
        Entry(
            id="ent-cancelled",
            kind=EntryKind.MEETING,
            title="Cancelled summit",
            when=DateValue(edtf="2021-10-01/2021-10-02"),
            status=Status.CANCELLED,
        ),
    )
    return Project(
        id="proj-brussels",
        title="Brussels 2021",
        as_of="2021-11-29",
        entries=entries,
        sources=(article, kremlin),
        actors=(Actor(id="act-peskov", name=PESKOV), Actor(id="act-pashinian", name=PASHINIAN)),
        lanes=(Lane(id="lane-diplomacy", title="Diplomacy"),),
        eras=(war_era("era-war"),),
    )
