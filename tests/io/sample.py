"""A small realistic project (after the Brussels article) for interchange tests."""

from __future__ import annotations

from timeline_editor.model.entities import (
    Actor,
    Citation,
    Claim,
    DateValue,
    Entry,
    Era,
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
    Stance,
    Status,
)


def sample_project() -> Project:
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
    peskov = Actor(id="act-peskov", name="Dmitry Peskov")
    pashinian = Actor(id="act-pashinian", name="Nikol Pashinian")
    diplomacy = Lane(id="lane-diplomacy", title="Diplomacy")
    quote = Citation(id="cit-1", source_id="src-article", quote="will meet on 15 December")
    entries = (
        Entry(
            id="ent-brussels",
            kind=EntryKind.MEETING,
            title="Brussels meeting",
            when=DateValue(edtf="2021-12-15", as_stated="on 15 December"),
            status=Status.SCHEDULED,
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
            claims=(
                Claim(
                    id="clm-1",
                    speaker_id="act-peskov",
                    stance=Stance.ASSERTS,
                    text="being prepared",
                    said=DateValue(edtf="2021-11-08"),
                    citation=Citation(
                        id="cit-2", source_id="src-kremlin", quote="is being prepared"
                    ),
                ),
                Claim(
                    id="clm-2", speaker_id="act-pashinian", stance=Stance.DENIES, text="not agreed"
                ),
            ),
        ),
        Entry(
            id="ent-route",
            kind=EntryKind.DEADLINE,
            title="Route agreed",
            when=DateValue(edtf="[2020-11-10..2023-11-10]", as_stated="within three years"),
            status=Status.PROPOSED,
        ),
        Entry(
            id="ent-fighting",
            title="Border fighting",
            when=DateValue(edtf="2021-11-16"),
            lane_id="lane-diplomacy",
            citations=(Citation(id="cit-3", source_id="src-article", locator="para 5"),),
        ),
        Entry(
            id="ent-war",
            kind=EntryKind.PERIOD,
            title="2020 war",
            when=DateValue(edtf="2020-09-27/2020-11-10"),
        ),
        Entry(id="ent-hotline", title="Hotline to be set up", when=DateValue(as_stated="no date")),
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
        actors=(peskov, pashinian),
        lanes=(diplomacy,),
        eras=(Era(id="era-war", title="2020 war", when=DateValue(edtf="2020-09-27/2020-11-10")),),
    )
