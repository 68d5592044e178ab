"""Controlled vocabularies: kinds, statuses, stances, estimative terms and grades."""

from __future__ import annotations

from enum import StrEnum


class EntryKind(StrEnum):
    """What an entry is."""

    EVENT = "event"
    MEETING = "meeting"
    DEADLINE = "deadline"
    PERIOD = "period"
    STATEMENT = "statement"


class Status(StrEnum):
    """Where a planned (or past) thing stands."""

    PROPOSED = "proposed"
    SCHEDULED = "scheduled"
    CONFIRMED = "confirmed"
    OCCURRED = "occurred"
    POSTPONED = "postponed"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    LAPSED = "lapsed"


#: Statuses drawn struck through and greyed.
DEAD_STATUSES = frozenset({Status.CANCELLED, Status.LAPSED})


class Stance(StrEnum):
    """How a speaker stands towards what an entry says."""

    ASSERTS = "asserts"
    DENIES = "denies"
    HEDGES = "hedges"


class Likelihood(StrEnum):
    """ICD 203 estimative terms."""

    ALMOST_NO_CHANCE = "almost_no_chance"
    VERY_UNLIKELY = "very_unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN = "roughly_even"
    LIKELY = "likely"
    VERY_LIKELY = "very_likely"
    ALMOST_CERTAIN = "almost_certain"


#: ICD 203 percentage bands (inclusive low, high) for each term.
LIKELIHOOD_BANDS: dict[Likelihood, tuple[int, int]] = {
    Likelihood.ALMOST_NO_CHANCE: (1, 5),
    Likelihood.VERY_UNLIKELY: (5, 20),
    Likelihood.UNLIKELY: (20, 45),
    Likelihood.ROUGHLY_EVEN: (45, 55),
    Likelihood.LIKELY: (55, 80),
    Likelihood.VERY_LIKELY: (80, 95),
    Likelihood.ALMOST_CERTAIN: (95, 99),
}

#: The words ICD 203 uses (the first of each pair).
LIKELIHOOD_LABELS: dict[Likelihood, str] = {
    Likelihood.ALMOST_NO_CHANCE: "almost no chance (remote)",
    Likelihood.VERY_UNLIKELY: "very unlikely (highly improbable)",
    Likelihood.UNLIKELY: "unlikely (improbable)",
    Likelihood.ROUGHLY_EVEN: "roughly even chance",
    Likelihood.LIKELY: "likely (probable)",
    Likelihood.VERY_LIKELY: "very likely (highly probable)",
    Likelihood.ALMOST_CERTAIN: "almost certain (nearly certain)",
}


def likelihood_label(term: Likelihood) -> str:
    """Human text of a term with its band, e.g. 'likely (probable), 55-80%'."""
    low, high = LIKELIHOOD_BANDS[term]
    return f"{LIKELIHOOD_LABELS[term]}, {low}-{high}%"


class Confidence(StrEnum):
    """Analytic confidence, kept apart from likelihood."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Reliability(StrEnum):
    """Admiralty (NATO) source reliability grade."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


RELIABILITY_LABELS: dict[Reliability, str] = {
    Reliability.A: "completely reliable",
    Reliability.B: "usually reliable",
    Reliability.C: "fairly reliable",
    Reliability.D: "not usually reliable",
    Reliability.E: "unreliable",
    Reliability.F: "reliability cannot be judged",
}

#: Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
CREDIBILITY_LABELS: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


class SourceKind(StrEnum):
    """What a source is; :data:`CSL_TYPES` maps each to a CSL-JSON type."""

    NEWS_ARTICLE = "news_article"
    JOURNAL_ARTICLE = "journal_article"
    CHAPTER = "chapter"
    OFFICIAL_STATEMENT = "official_statement"
    PRESS_RELEASE = "press_release"
    INTERVIEW = "interview"
    REPORT = "report"
    TREATY = "treaty"
    SOCIAL_POST = "social_post"
    WEBPAGE = "webpage"
    BOOK = "book"
    OTHER = "other"


CSL_TYPES: dict[SourceKind, str] = {
    SourceKind.NEWS_ARTICLE: "article-newspaper",
    SourceKind.JOURNAL_ARTICLE: "article-journal",
    SourceKind.CHAPTER: "chapter",
    SourceKind.OFFICIAL_STATEMENT: "document",
    SourceKind.PRESS_RELEASE: "document",
    SourceKind.INTERVIEW: "interview",
    SourceKind.REPORT: "report",
    SourceKind.TREATY: "treaty",
    SourceKind.SOCIAL_POST: "post",
    SourceKind.WEBPAGE: "webpage",
    SourceKind.BOOK: "book",
    SourceKind.OTHER: "document",
}


class ActorKind(StrEnum):
    """What an actor is."""

    PERSON = "person"
    STATE = "state"
    ORGANISATION = "organisation"
    GROUP = "group"
    OTHER = "other"


class LaneMode(StrEnum):
    """What the chart's rows (and the list's groups) stand for."""

    LANE = "lane"
    ACTOR = "actor"
    KIND = "kind"


#: The row key of entries in no lane (or, by actor, with no actor); also the filter's
#: "no lane" among the lane ids it accepts.
NO_LANE = ""


def parse_lane_mode(text: str) -> LaneMode:
    """The lane mode ``text`` names; a ValueError naming the allowed ones otherwise."""
    try:
        return LaneMode(text)
    except ValueError:
        allowed = ", ".join(mode.value for mode in LaneMode)
        raise ValueError(f"'{text}' is not a lane mode; use one of {allowed}") from None


class Relation(StrEnum):
    """How a date relative to another entry's is counted (see ``model/relative_dates``)."""

    WITHIN_AFTER = "within_after"
    WITHIN_BEFORE = "within_before"
    AFTER = "after"
    BEFORE = "before"


class TimeUnit(StrEnum):
    """The unit of a relative date's amount."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
