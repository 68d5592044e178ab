"""A project with every case the chart must draw: periods, windows, disputed, undated, scripts."""

from __future__ import annotations

from timeline_editor.model.entities import (
    Actor,
    DateValue,
    Entry,
    Lane,
    Project,
)
from timeline_editor.model.vocab import EntryKind, Status

from .facts import (
    ALIYEV,
    BRUSSELS_DAY,
    BRUSSELS_TITLE,
    PASHINIAN,
    PESKOV,
    PUTIN,
    ROUTE_WINDOW,
    THREE_YEARS,
    WAR,
    trilateral_claims,
    war_era,
)


def _entry(ident: str, title: str, edtf: str, lane: str, **extra: object) -> Entry:
    data: dict[str, object] = {"id": ident, "title": title, "lane_id": lane}
    data["when"] = DateValue(edtf=edtf, as_stated=extra.pop("said", edtf))
    data.update(extra)
    return Entry.model_validate(data)


def chart_project() -> Project:
    """The Brussels 2021 cases: periods, windows, planned, cancelled, disputed, undated."""
    lanes = (
        Lane(id="arm", title="Armenia", colour="#0072B2"),
        Lane(id="aze", title="Azerbaijan", colour="#D55E00"),
        Lane(id="eu", title="EU / mediators", colour="#009E73"),
    )
    actors = (
        Actor(id="pashinian", name=PASHINIAN),
        Actor(id="aliyev", name=ALIYEV),
        Actor(id="putin", name=PUTIN),
        Actor(id="peskov", name=PESKOV),
    )
    disputed = trilateral_claims("peskov", "pashinian", ("c1", "c2"))
    entries = (
        _entry(
            "war",
            "Second Karabakh war",
            WAR,
            "aze",
            kind=EntryKind.PERIOD,
            actor_ids=("aliyev", "pashinian"),
        ),
        _entry(
            "ceasefire",
            "Trilateral ceasefire statement",
            "2020-11-10",
            "eu",
            kind=EntryKind.STATEMENT,
            actor_ids=("putin", "aliyev", "pashinian"),
        ),
        _entry(
            "route",
            "Transport route to be agreed",
            ROUTE_WINDOW,
            "eu",
            kind=EntryKind.DEADLINE,
            said=THREE_YEARS,
        ),
        _entry(
            "talks", "Border commission talks", "2021-05~/2021-07~", "arm", kind=EntryKind.PERIOD
        ),
        _entry("fight", "Border fighting", "2021-11-16", "arm", actor_ids=("aliyev", "pashinian")),
        _entry(
            "sochi",
            "Sochi trilateral meeting",
            "2021-11-26",
            "eu",
            kind=EntryKind.MEETING,
            actor_ids=("putin", "aliyev", "pashinian"),
        ),
        _entry(
            "moscow",
            "Moscow trilateral with Putin",
            "2021-12?",
            "eu",
            kind=EntryKind.MEETING,
            status=Status.PROPOSED,
            claims=disputed,
            actor_ids=("putin",),
        ),
        _entry(
            "brussels",
            BRUSSELS_TITLE,
            BRUSSELS_DAY,
            "eu",
            kind=EntryKind.MEETING,
            status=Status.SCHEDULED,
            actor_ids=("aliyev", "pashinian"),
        ),
        _entry(
            "summit",
            "Eastern Partnership summit",
            "2021-12-15/2021-12-16",
            "eu",
            kind=EntryKind.MEETING,
            status=Status.SCHEDULED,
        ),
        _entry(
            "hotline",
            "Defence-ministry hotline to be set up",
            "",
            "arm",
            said="to be set up",
            status=Status.PROPOSED,
        ),
        _entry("mission", "Monitoring mission", "2021-11-19/..", "arm", kind=EntryKind.PERIOD),
        _entry(
            "visit", "Cancelled ministerial visit", "2021-11-22", "aze", status=Status.CANCELLED
        ),
        _entry("talks2", "Deputy PM talks resume", "2021-1X", "aze"),
        _entry(
            "quote",
            'Statement "A & B" <draft>\twith tab',
            "2021-11-20",
            "arm",
            kind=EntryKind.STATEMENT,
        ),
        _entry("armstmt", "Հայաստանի հայտարարություն", "2021-11-24~", "arm"),
        _entry("ru", "Заявление МИД России", "2021-11-25", "eu"),
    )
    eras = (war_era("war-era"),)
    return Project(
        id="sample",
        title="Brussels meeting, December 2021",
        as_of="2021-11-28",
        lanes=lanes,
        actors=actors,
        entries=entries,
        eras=eras,
    )
