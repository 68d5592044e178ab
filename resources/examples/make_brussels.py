"""Build ``brussels-2021.timeline.json`` by hand from the RFE/RL seed article.

Run once from the repository root
(``PYTHONPATH=. python resources/examples/make_brussels.py``);
the JSON it writes is the artefact and is committed. Ids are UUID5 values of fixed
keys, so running it again gives the same file. The article is not in the repository
(its text belongs to its publisher); it is read from where ``tests/seed.py`` finds it,
``../shared/seed/brussels-meeting-article.txt`` or ``$TIMELINE_EDITOR_SEED``, to give
each quote its paragraph.

Dating the article. It never states its year or its own date. The year is 2021: the
16 November fighting was the worst "since the 2020 war", and "it has been a year since
the signing" of the November 2020 ceasefire. The day: the Azerbaijani Foreign Ministry
confirmed the meeting "on Saturday", after the EU announcement of Friday 19 November,
and "the passing week" that saw the fighting of Tuesday 16 November is the week of
15-21 November, so that Saturday is 20 November 2021. A spokesman "said yesterday" that
the leaders had agreed to meet: read together with the 19 November announcement, the
article most probably appeared on Saturday 20 November 2021 (wire style keeps "on
Saturday" for the same day). That day is the project's as-of date. If it appeared a
day or two later, "yesterday" moves with it; the spokesman's statement is therefore
dated 2021-11-19 as uncertain (``?``).
"""

from __future__ import annotations

import json
from pathlib import Path

from brussels_entries import ENTRIES
from brussels_helpers import AS_OF, uid, when

from timeline_editor.model.entities import (
    Actor,
    Era,
    Lane,
    Place,
    Project,
    Source,
)
from timeline_editor.model.integrity import project_problems

OUT = Path(__file__).resolve().parent / "brussels-2021.timeline.json"


SOURCE = Source(
    id=uid("source:rferl"),
    kind="news_article",
    title="Senior EU official on the upcoming Pashinian-Aliyev meeting in Brussels "
    "(headline not in the copy held)",
    container_title="Radio Free Europe/Radio Liberty (RFE/RL)",
    publisher="RFE/RL",
    issued="2021-11-20?",
    language="en",
    reliability="B",
    note="The article's text is not included (it belongs to its publisher). Date of issue "
    "inferred: the article gives none (see the project description). RFE/RL: usually "
    "reliable (B); the EU official it quotes is anonymous.",
)

_ACTORS: list[tuple[str, str, str, str | None, str]] = [
    # key, name, kind, affiliation key, description
    ("armenia", "Armenia", "state", None, ""),
    ("azerbaijan", "Azerbaijan", "state", None, ""),
    ("russia", "Russia", "state", None, ""),
    ("eu", "European Union", "organisation", None, ""),
    ("council", "European Council", "organisation", "eu", ""),
    ("kremlin", "Kremlin", "organisation", "russia", "Office of the Russian president"),
    ("arm-mfa", "Armenian Foreign Ministry", "organisation", "armenia", ""),
    ("aze-mfa", "Azerbaijani Foreign Ministry", "organisation", "azerbaijan", ""),
    ("pashinian", "Nikol Pashinian", "person", "armenia", "Prime Minister of Armenia"),
    ("aliyev", "Ilham Aliyev", "person", "azerbaijan", "President of Azerbaijan"),
    ("michel", "Charles Michel", "person", "council", "President of the European Council"),
    ("spokesman", "Spokesman for Charles Michel", "person", "council", "Not named"),
    ("putin", "Vladimir Putin", "person", "russia", "President of Russia"),
    ("peskov", "Dmitry Peskov", "person", "kremlin", "Kremlin spokesman"),
    (
        "abdullayeva",
        "Leyla Abdullayeva",
        "person",
        "aze-mfa",
        "Spokesperson of the Azerbaijani Foreign Ministry",
    ),
    (
        "eu-official",
        "Senior EU official (anonymous)",
        "person",
        "eu",
        "Spoke to RFE/RL on condition of anonymity",
    ),
    ("peacekeepers", "Russian peacekeepers", "group", "russia", "In Nagorno-Karabakh"),
]

ACTORS = [
    Actor(
        id=uid(f"actor:{key}"),
        name=name,
        kind=kind,
        affiliation_id=uid(f"actor:{aff}") if aff else None,
        description=text,
    )
    for key, name, kind, aff, text in _ACTORS
]

PLACES = [
    Place(
        id=uid("place:brussels"),
        name="Brussels",
        country="Belgium",
        latitude=50.8467,
        longitude=4.3525,
    ),
    Place(
        id=uid("place:moscow"), name="Moscow", country="Russia", latitude=55.7558, longitude=37.6173
    ),
    Place(id=uid("place:karabakh"), name="Nagorno-Karabakh", latitude=39.82, longitude=46.75),
    Place(id=uid("place:border"), name="Armenia-Azerbaijan border (un-demarcated)"),
]

LANES = [
    Lane(id=uid("lane:arm-aze"), title="Armenia–Azerbaijan", colour="#8c564b"),
    Lane(id=uid("lane:eu"), title="EU track", colour="#1f5fbf"),
    Lane(id=uid("lane:russia"), title="Russia track", colour="#c0392b"),
]

ERAS = [
    Era(
        id=uid("era:2020-war"),
        title="2020 war",
        when=when(
            "2020-09-27~/2020-11-10~", "six weeks of fighting in Nagorno-Karabakh last November"
        ),
        colour="#f2d7d5",
    )
]


def build() -> Project:
    """The whole example project."""
    return Project(
        id=uid("project"),
        title="Pashinian–Aliyev meeting in Brussels, 2021",
        description=(
            "Chronology built by hand from one RFE/RL article of late November 2021 about "
            "a planned Pashinian–Aliyev meeting in Brussels on 15 December 2021. "
            "The article states neither its year nor its date. Year: 2021 (the 16 November "
            "fighting was the worst 'since the 2020 war'; 'a year since the signing' of the "
            "November 2020 ceasefire). Day: the Azerbaijani Foreign Ministry spoke 'on "
            "Saturday', after the EU announcement of Friday 19 November and within 'the "
            "passing week' of the 16 November fighting, so that Saturday is 20 November; "
            "a spokesman 'said yesterday', which fits an article of Saturday 20 November "
            "2021. As-of date: 2021-11-20 (inferred; an article of 21 or 22 November "
            "would shift 'yesterday' only). Days not in the article (27 September and "
            "10 November 2020) are background knowledge and are marked as such."
        ),
        as_of=AS_OF,
        entries=tuple(ENTRIES),
        sources=(SOURCE,),
        actors=tuple(ACTORS),
        places=tuple(PLACES),
        lanes=tuple(LANES),
        eras=tuple(ERAS),
    )


def main() -> None:
    """Build, check and write the example."""
    project = build()
    problems = project_problems(project)
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems))
    text = json.dumps(project.model_dump(mode="json"), indent=2, ensure_ascii=False)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(project.entries)} entries)")


if __name__ == "__main__":
    main()
