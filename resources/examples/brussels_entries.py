"""The entries of the Brussels example, in three tables (see make_brussels.py)."""

from __future__ import annotations

from brussels_helpers import INFERRED, actors, cite, make_entry, uid, when

from timeline_editor.model.entities import Claim, HistoryItem, RelativeDate

WAR_ENTRIES = [
    make_entry(
        "war",
        "arm-aze",
        "karabakh",
        kind="period",
        title="Six weeks of fighting in Nagorno-Karabakh (2020 war)",
        when=when(
            "2020-09-27~/2020-11-10~", "six weeks of fighting in Nagorno-Karabakh last November"
        ),
        description="The article gives the length (six weeks) and the end (the ceasefire "
        "'last November', i.e. November 2020). Both days are background knowledge, not "
        "the article's: the war began on 27 September 2020 and ended with the ceasefire "
        "of 10 November 2020; hence approximate ends.",
        actor_ids=actors("armenia", "azerbaijan"),
        tags=("nagorno-karabakh", "war", "date-inferred"),
        citations=(
            cite("war", "to put an end to six weeks of fighting in Nagorno-Karabakh last November"),
            cite("war-2020", "since the 2020 war in Nagorno-Karabakh"),
        ),
    ),
    make_entry(
        "ceasefire",
        "russia",
        "karabakh",
        kind="event",
        title="Russia-brokered ceasefire signed by Armenia and Azerbaijan",
        when=when("2020-11-10", "last November; a year since the signing"),
        description="Day inferred: the article says only 'last November' and that 'it has "
        "been a year since the signing'; the trilateral statement is known to have been "
        "signed on 9-10 November 2020 and to have taken effect on 10 November. " + INFERRED,
        actor_ids=actors("armenia", "azerbaijan", "russia"),
        tags=("ceasefire", "russia-mediation", "date-inferred"),
        citations=(
            cite(
                "ceasefire",
                "The Russia-brokered ceasefire agreement that Armenia and Azerbaijan signed",
            ),
            cite(
                "ceasefire-year",
                "It has been a year since the signing of that trilateral statement",
            ),
        ),
    ),
    make_entry(
        "border-fighting",
        "arm-aze",
        "border",
        kind="event",
        title="Worst border fighting since the 2020 war",
        when=when("2021-11-16", "on November 16"),
        description="Year inferred (2021). " + INFERRED,
        actor_ids=actors("armenia", "azerbaijan"),
        tags=("border", "escalation"),
        citations=(
            cite(
                "border-fighting",
                "on November 16 had their worst fighting along their "
                "un-demarcated border since the 2020 war in Nagorno-Karabakh",
                1,
            ),
        ),
    ),
]

ROUTE_QUOTE = (
    "referred to a new route for a connection between ethnic Armenians inside "
    "Nagorno-Karabakh and Armenia that was understood to be approved within the next "
    "three years, with the agreement of the parties"
)

RUSSIA_ENTRIES = [
    make_entry(
        "route",
        "russia",
        "karabakh",
        kind="deadline",
        title="New route between Nagorno-Karabakh and Armenia to be agreed",
        when=when("[2020-11-10..2023-11-10]", "within the next three years"),
        # Counted from the ceasefire: the window follows it if its day is corrected.
        relative_to=RelativeDate(anchor=uid("entry:ceasefire"), amount=3),
        status="scheduled",
        description="Counted from the ceasefire of 10 November 2020 (itself inferred). "
        "As of the article nothing had been reported about any agreement.",
        actor_ids=actors("armenia", "azerbaijan", "russia"),
        tags=("connectivity", "ceasefire", "date-inferred"),
        citations=(
            cite("route", ROUTE_QUOTE),
            cite(
                "route-nothing",
                "so far nothing has been reported about any agreement reached between the parties",
            ),
        ),
        likelihood="unlikely",
        confidence="low",
    ),
    make_entry(
        "peacekeepers",
        "russia",
        "karabakh",
        kind="event",
        title="Russian peacekeepers to be redeployed to protect the route",
        when=when("[2020-11-10..]", "after which (after the route is approved)"),
        status="proposed",
        description="Follows the approval of the route, which has no date yet.",
        actor_ids=actors("peacekeepers"),
        tags=("peacekeeping", "connectivity"),
        citations=(
            cite(
                "peacekeepers",
                "after which Russian peacekeepers would be redeployed to protect that route",
            ),
        ),
    ),
    make_entry(
        "trilateral",
        "russia",
        "moscow",
        kind="meeting",
        title="Putin–Aliyev–Pashinian trilateral meeting in Moscow",
        when=when("", "any time soon; before or after the Brussels meeting is unclear"),
        status="proposed",
        description="Disputed: the Kremlin says it is being prepared, Armenia's prime "
        "minister says there is no agreement. No date given.",
        actor_ids=actors("putin", "aliyev", "pashinian"),
        tags=("summit", "russia-mediation", "disputed"),
        claims=(
            Claim(
                id=uid("claim:peskov"),
                speaker_id=uid("actor:peskov"),
                stance="asserts",
                text="A trilateral meeting of the leaders of Russia, Armenia and Azerbaijan "
                "is being prepared in Moscow.",
                said=when("[2021-11-01..2021-11-10]", "In early November"),
                citation=cite(
                    "claim:peskov",
                    "In early November Kremlin spokesman Dmitry "
                    "Peskov said that a trilateral meeting of the leaders of "
                    "Russia, Armenia and Azerbaijan was being prepared in Moscow",
                    3,
                ),
            ),
            Claim(
                id=uid("claim:pashinian"),
                speaker_id=uid("actor:pashinian"),
                stance="denies",
                text="There is no agreement about any such meeting yet.",
                said=when("[2021-11-01..2021-11-20]", "Shortly after that announcement"),
                citation=cite(
                    "claim:pashinian",
                    "Shortly after that announcement Armenia’s "
                    "prime minister said that there was no agreement about any "
                    "such meeting yet",
                    3,
                ),
            ),
        ),
        citations=(
            cite(
                "trilateral",
                "It is still unclear whether Aliyev and Pashinian will have a "
                "tripartite meeting together with Russian President Vladimir Putin any "
                "time soon",
            ),
        ),
        likelihood="roughly_even",
        confidence="low",
    ),
]


EU_STATEMENTS = [
    make_entry(
        "michel-calls",
        "eu",
        kind="event",
        title="Michel's phone talks with Pashinian and Aliyev during the escalation",
        when=when("[2021-11-15..2021-11-19]", "during that escalation (the passing week)"),
        description="Called for urgent de-escalation. Day not given: within the week of "
        "the 16 November fighting and before the announcement of 19 November.",
        actor_ids=actors("michel", "pashinian", "aliyev"),
        tags=("eu-mediation", "escalation"),
        citations=(
            cite(
                "michel-calls",
                "calling for “urgent de-escalation and full respect of the ceasefire.”",
            ),
        ),
    ),
    make_entry(
        "eu-announcement",
        "eu",
        kind="statement",
        title="EU announces Michel's calls and the leaders' agreement to meet",
        when=when("2021-11-19", "On November 19"),
        description="Year inferred (2021). The two leaders agreed to meet on the sidelines "
        "of the Eastern Partnership summit. " + INFERRED,
        actor_ids=actors("eu", "michel"),
        tags=("eu-mediation", "announcement"),
        citations=(
            cite(
                "eu-announcement",
                "On November 19, the EU announced that Michel had "
                "telephone conversations with the leaders of Azerbaijan and Armenia about "
                "the situation in the region",
                1,
            ),
            cite(
                "eu-announcement-meet",
                "the two leaders agreed to meet on the sidelines "
                "of the EU’s Eastern Partnership summit",
                1,
            ),
        ),
    ),
    make_entry(
        "spokesman",
        "eu",
        kind="statement",
        title="Michel's spokesman: the leaders agreed to meet on 15 December",
        when=when("2021-11-19?", "yesterday"),
        description="'Yesterday' relative to the article, dated here to 20 November 2021, "
        "so 19 November; uncertain because the article's own date is inferred. Probably "
        "the same statement as the EU announcement of 19 November; the office also said "
        "the leaders agreed to a defence-ministers' communication line.",
        actor_ids=actors("spokesman", "council"),
        tags=("eu-mediation", "announcement", "date-inferred"),
        citations=(
            cite(
                "spokesman",
                "a spokesman for Charles Michel, the president of the "
                "European Council, said yesterday the two leaders had agreed to have on "
                "December 15",
                1,
            ),
            cite(
                "spokesman-office",
                "to discuss the regional situation and ways of "
                "overcoming tensions for a prosperous and stable South Caucasus, which the "
                "EU supports.",
                1,
            ),
        ),
    ),
    make_entry(
        "eu-official",
        "eu",
        kind="statement",
        title="Senior EU official briefs RFE/RL on the goals of the meeting",
        when=when("[2021-11-19..2021-11-20]", "not stated (after the announcement)"),
        description="Anonymous. Goal: confidence-building measures, especially "
        "connectivity (transport corridors). Format of the meeting still unclear.",
        actor_ids=actors("eu-official"),
        tags=("eu-mediation", "connectivity", "anonymous-source"),
        citations=(
            cite(
                "eu-official-goal",
                "“The goal is to bring Pashinian and Aliyev to the same "
                "table for confidence-building measures,” said the EU official.",
                3,
            ),
            cite(
                "eu-official-corridors",
                "We are talking here about transport corridors "
                "in Nagorno-Karabakh, transport projects involving both Armenia and "
                "Azerbaijan",
                3,
            ),
            cite(
                "eu-official-format",
                "It is not clear yet how their Brussels meetings will look like",
                3,
            ),
        ),
    ),
    make_entry(
        "rapport",
        "eu",
        kind="period",
        title="Michel speaks to both leaders 4-6 times",
        when=when("2021-09~/2021-11-20", "in the last couple of months"),
        description="'The last couple of months' before the article: from about September "
        "2021 to the as-of date.",
        actor_ids=actors("michel", "pashinian", "aliyev"),
        tags=("eu-mediation",),
        citations=(
            cite("rapport", "Michel has spoken to them 4-6 times in the last couple of months", 3),
        ),
    ),
]

EU_PLANS = [
    make_entry(
        "brussels",
        "eu",
        "brussels",
        kind="meeting",
        title="Pashinian–Aliyev meeting in Brussels, with Michel",
        when=when("2021-12-15", "on December 15"),
        status="scheduled",
        history=(
            HistoryItem(
                field="status",
                old="",
                new="scheduled",
                at="2021-11-19",
                source_id=uid("source:rferl"),
                note="Agreement announced by the EU",
            ),
        ),
        description="On the sidelines of the Eastern Partnership summit. Year inferred "
        "(2021). Who else attends (defence or foreign ministers) is not yet clear.",
        actor_ids=actors("pashinian", "aliyev", "michel"),
        tags=("summit", "eu-mediation", "planned"),
        citations=(
            cite("brussels", "the two leaders had agreed to have on December 15", 1),
            cite(
                "brussels-sidelines",
                "the two leaders agreed to meet on the sidelines of "
                "the EU’s Eastern Partnership summit",
                1,
            ),
        ),
        claims=(
            Claim(
                id=uid("claim:aze-mfa"),
                speaker_id=uid("actor:aze-mfa"),
                stance="asserts",
                text="Confirms the upcoming meeting in Brussels.",
                said=when("2021-11-20", "on Saturday"),
                citation=cite(
                    "claim:aze-mfa",
                    "Confirming the news of the upcoming meeting "
                    "in Brussels, the Azerbaijani Foreign Ministry said on Saturday",
                    1,
                ),
            ),
            Claim(
                id=uid("claim:arm-mfa"),
                speaker_id=uid("actor:arm-mfa"),
                stance="asserts",
                text="Confirms the upcoming meeting.",
                said=when("[2021-11-19..2021-11-20]", "has also confirmed"),
                citation=cite(
                    "claim:arm-mfa",
                    "The Armenian Foreign Ministry has also "
                    "confirmed the news of the upcoming meeting",
                    1,
                ),
            ),
        ),
        likelihood="very_likely",
        confidence="moderate",
    ),
    make_entry(
        "eap-summit",
        "eu",
        "brussels",
        kind="meeting",
        title="EU Eastern Partnership summit",
        when=when("2021-12-15", "the summit (date implied by the meeting on its sidelines)"),
        status="scheduled",
        description="The article gives no date for the summit itself; the Pashinian–Aliyev "
        "meeting on its sidelines on 15 December places it on that day at least.",
        actor_ids=actors("eu"),
        tags=("summit", "planned"),
        citations=(
            cite(
                "eap-summit",
                "we believe that the summit of the Eastern Partnership, and "
                "the meeting that will take place on the sidelines of this event will "
                "create additional opportunities",
                2,
            ),
        ),
    ),
    make_entry(
        "hotline",
        "arm-aze",
        kind="event",
        title="Direct communication line between defence ministers",
        when=when("", "not specified"),
        status="scheduled",
        description="Agreed 'to serve as an incident prevention mechanism'; the statement "
        "did not specify when the line could become operational.",
        actor_ids=actors("armenia", "azerbaijan", "council"),
        tags=("confidence-building", "undated"),
        citations=(
            cite(
                "hotline",
                "they also agreed to establish a direct communication line, at "
                "the level of defense ministers, “to serve as an incident prevention "
                "mechanism.”",
                2,
            ),
            cite(
                "hotline-when",
                "The statement did not specify when such a line could become operational.",
                1,
            ),
        ),
        likelihood="roughly_even",
        confidence="low",
    ),
    make_entry(
        "aze-mfa",
        "eu",
        kind="statement",
        title="Azerbaijani Foreign Ministry confirms the Brussels meeting",
        when=when("2021-11-20", "on Saturday"),
        description="Saturday of the week of the 16 November fighting: 20 November 2021 "
        "(inferred). Spokesperson Leyla Abdullayeva: the summit and the meeting 'will "
        "create additional opportunities'.",
        actor_ids=actors("aze-mfa", "abdullayeva"),
        tags=("confirmation", "date-inferred"),
        citations=(
            cite(
                "aze-mfa",
                "the Azerbaijani Foreign Ministry said on Saturday that Baku has "
                "repeatedly stated its position on the post-conflict situation in the region",
                1,
            ),
            cite(
                "aze-mfa-quote",
                "Azerbaijani Foreign Ministry spokesperson Leyla Abdullayeva said",
                1,
            ),
        ),
    ),
    make_entry(
        "arm-mfa",
        "eu",
        kind="statement",
        title="Armenian Foreign Ministry confirms the meeting, without comment",
        when=when("[2021-11-19..2021-11-20]", "has also confirmed (day not stated)"),
        description="Between the EU announcement and the article's (inferred) date.",
        actor_ids=actors("arm-mfa"),
        tags=("confirmation",),
        citations=(
            cite(
                "arm-mfa",
                "The Armenian Foreign Ministry has also confirmed the news of the "
                "upcoming meeting, but has not provided any further comments on that yet.",
                1,
            ),
        ),
    ),
]

ENTRIES = WAR_ENTRIES + RUSSIA_ENTRIES + EU_STATEMENTS + EU_PLANS
