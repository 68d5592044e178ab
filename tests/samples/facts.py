"""What several samples say about the seed article, stated once: names, dates, wording."""

from __future__ import annotations

from typing import Any

from timeline_editor.model.entities import Claim, DateValue, Entry, Era
from timeline_editor.model.vocab import EntryKind, Stance, Status

PASHINIAN = "Nikol Pashinian"
ALIYEV = "Ilham Aliyev"
PESKOV = "Dmitry Peskov"
PUTIN = "Vladimir Putin"

BRUSSELS_TITLE = "Pashinian–Aliyev meeting in Brussels"
BRUSSELS_DAY = "2021-12-15"
WAR = "2020-09-27/2020-11-10"
ROUTE_WINDOW = "[2020-11-10..2023-11-10]"
THREE_YEARS = "within three years"
HOTLINE = "Hotline to be set up"


def brussels_meeting(ident: str, title: str = BRUSSELS_TITLE, **fields: Any) -> Entry:
    """The planned 15 December meeting in Brussels, as the article words its date."""
    when = DateValue(edtf=BRUSSELS_DAY, as_stated="on 15 December")
    return Entry(
        id=ident, kind=EntryKind.MEETING, title=title, when=when, status=Status.SCHEDULED, **fields
    )


def route_deadline(ident: str, title: str, **fields: Any) -> Entry:
    """The route to be agreed within three years of the ceasefire: a window, not a span."""
    fields.setdefault("when", DateValue(edtf=ROUTE_WINDOW, as_stated=THREE_YEARS))
    fields.setdefault("status", Status.PROPOSED)
    return Entry(id=ident, kind=EntryKind.DEADLINE, title=title, **fields)


def war_period(ident: str, title: str, **fields: Any) -> Entry:
    """The six weeks of the 2020 war as a period entry."""
    return Entry(id=ident, kind=EntryKind.PERIOD, title=title, when=DateValue(edtf=WAR), **fields)


def war_era(ident: str) -> Era:
    """The 2020 war as a background band."""
    return Era(id=ident, title="2020 war", when=DateValue(edtf=WAR))


def trilateral_claims(
    asserter: str, denier: str, ids: tuple[str, str] | None = None, **asserted: Any
) -> tuple[Claim, Claim]:
    """The Kremlin says the Moscow trilateral is being prepared; Armenia's PM says not agreed.

    ``asserted`` adds fields to the first claim; without ``ids`` both get fresh ones.
    """
    first: dict[str, Any] = {"id": ids[0], **asserted} if ids else asserted
    second: dict[str, Any] = {"id": ids[1]} if ids else {}
    return (
        Claim(speaker_id=asserter, stance=Stance.ASSERTS, text="being prepared", **first),
        Claim(speaker_id=denier, stance=Stance.DENIES, text="not agreed", **second),
    )
