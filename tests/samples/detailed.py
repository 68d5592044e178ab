"""A project with every detail filled in, for the inspector and source library tests."""

from __future__ import annotations

from timeline_editor.model.entities import (
    Actor,
    Citation,
    Claim,
    DateValue,
    Entry,
    HistoryItem,
    Lane,
    Place,
    Project,
    Source,
)
from timeline_editor.model.vocab import (
    ActorKind,
    Confidence,
    EntryKind,
    Likelihood,
    Reliability,
    SourceKind,
    Stance,
    Status,
)

from .facts import ALIYEV, PASHINIAN, PESKOV, ROUTE_WINDOW, route_deadline

RFERL_URL = "https://www.rferl.org/a/armenia-azerbaijan-brussels-meeting/31580001.html"


def _sources() -> tuple[Source, ...]:
    return (
        Source(
            id="s-rferl",
            title="EU official details planned Pashinian-Aliyev meeting",
            container_title="RFE/RL",
            author=("Heghine Buniatian",),
            issued="2021-11-26",
            url=RFERL_URL,
            reliability=Reliability.B,
        ),
        Source(
            id="s-tass",
            kind=SourceKind.OFFICIAL_STATEMENT,
            title="Peskov on a trilateral meeting",
            container_title="TASS",
            issued="2021-11-04",
            url="https://tass.com/politics/1357313",
            reliability=Reliability.C,
        ),
        Source(
            id="s-eu",
            kind=SourceKind.PRESS_RELEASE,
            title="Readout of President Michel's calls",
            container_title="European Council",
            issued="2021-11-19",
            reliability=Reliability.A,
        ),
    )


def _trilateral(disputed: bool) -> Entry:
    claims = [
        Claim(
            id="k-peskov",
            speaker_id="a-peskov",
            stance=Stance.ASSERTS,
            text="A trilateral meeting is being prepared in Moscow",
            said=DateValue(edtf="2021-11~", as_stated="early November"),
            citation=Citation(id="c-k1", source_id="s-tass"),
        )
    ]
    if disputed:
        claims.append(
            Claim(
                id="k-pashinian",
                speaker_id="a-pashinian",
                stance=Stance.DENIES,
                text="There is no agreement about any such meeting yet",
                said=DateValue(edtf="2021-11~"),
                citation=Citation(id="c-k2", source_id="s-rferl", locator="para 12"),
            )
        )
    return Entry(
        id="e-moscow",
        kind=EntryKind.MEETING,
        title="Putin-Aliyev-Pashinian trilateral in Moscow",
        when=DateValue(edtf="[2021-11-26..2022]", as_stated="any time soon"),
        status=Status.PROPOSED,
        lane_id="l-russia",
        actor_ids=("a-peskov", "a-pashinian"),
        place_id="p-moscow",
        tags=("trilateral",),
        citations=(
            Citation(
                id="c-moscow",
                source_id="s-rferl",
                quote="a trilateral meeting ... was being prepared in Moscow",
                locator="para 12",
                credibility=4,
            ),
        ),
        claims=tuple(claims),
        likelihood=Likelihood.ROUGHLY_EVEN,
        confidence=Confidence.LOW,
    )


def detailed_project(disputed: bool = True) -> Project:
    """Three entries: a (disputed) Moscow trilateral, a window deadline, an undated hotline."""
    deadline = route_deadline(
        "e-route",
        "New route agreed (within three years)",
        when=DateValue(edtf=ROUTE_WINDOW, as_stated="within the next three years"),
        status=Status.SCHEDULED,
        lane_id="l-route",
        citations=(Citation(id="c-route", source_id="s-rferl", credibility=2),),
        history=(HistoryItem(field="status", old="proposed", new="scheduled", at="2020-11-10"),),
    )
    hotline = Entry(
        id="e-hotline",
        title="Defence-ministers hotline set up",
        when=DateValue(as_stated="to be set up; no date given"),
        status=Status.PROPOSED,
        lane_id="l-route",
        citations=(Citation(id="c-hot", source_id="s-eu", quote="incident prevention mechanism"),),
    )
    return Project(
        title="Brussels meeting, November 2021",
        description="Chronology built from the RFE/RL article of 26 November 2021.",
        as_of="2021-11-26",
        entries=(_trilateral(disputed), deadline, hotline),
        sources=_sources(),
        actors=(
            Actor(id="a-peskov", name=PESKOV),
            Actor(id="a-pashinian", name=PASHINIAN),
            Actor(id="a-aliyev", name=ALIYEV),
            Actor(id="a-eu", name="European Council", kind=ActorKind.ORGANISATION),
        ),
        places=(Place(id="p-moscow", name="Moscow"), Place(id="p-brussels", name="Brussels")),
        lanes=(Lane(id="l-russia", title="Russia track"), Lane(id="l-route", title="Settlement")),
    )
