"""A small project with every case the chart must draw (until the real example lands)."""

from __future__ import annotations

from timeline_editor.model.entities import (
    Actor,
    Claim,
    DateValue,
    Entry,
    Era,
    Lane,
    Project,
)
from timeline_editor.model.vocab import EntryKind, Stance, Status


def _entry(ident: str, title: str, edtf: str, lane: str, **extra: object) -> Entry:
    data: dict[str, object] = {"id": ident, "title": title, "lane_id": lane}
    data["when"] = DateValue(edtf=edtf, as_stated=extra.pop("said", edtf))
    data.update(extra)
    return Entry.model_validate(data)


def sample_project() -> Project:
    """The Brussels 2021 cases: periods, windows, planned, cancelled, disputed, undated."""
    lanes = (
        Lane(id="arm", title="Armenia", colour="#0072B2"),
        Lane(id="aze", title="Azerbaijan", colour="#D55E00"),
        Lane(id="eu", title="EU / mediators", colour="#009E73"),
    )
    actors = (
        Actor(id="pashinian", name="Nikol Pashinian"),
        Actor(id="aliyev", name="Ilham Aliyev"),
        Actor(id="putin", name="Vladimir Putin"),
        Actor(id="peskov", name="Dmitry Peskov"),
    )
    disputed = (
        Claim(id="c1", speaker_id="peskov", stance=Stance.ASSERTS, text="being prepared"),
        Claim(id="c2", speaker_id="pashinian", stance=Stance.DENIES, text="not agreed"),
    )
    entries = (
        _entry(
            "war",
            "Second Karabakh war",
            "2020-09-27/2020-11-10",
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
            "[2020-11-10..2023-11-10]",
            "eu",
            kind=EntryKind.DEADLINE,
            said="within three years",
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
            "Pashinian–Aliyev meeting in Brussels",
            "2021-12-15",
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
    eras = (Era(id="war-era", title="2020 war", when=DateValue(edtf="2020-09-27/2020-11-10")),)
    return Project(
        id="sample",
        title="Brussels meeting, December 2021",
        as_of="2021-11-28",
        lanes=lanes,
        actors=actors,
        entries=entries,
        eras=eras,
    )
