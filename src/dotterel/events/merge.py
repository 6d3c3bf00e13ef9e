"""The ``dotterel_merge`` component: one record per act per document.

It runs last and merges or drops records, never completes them; completing events from
their context is the job of ``dotterel_context`` (:mod:`dotterel.events.context`), which
runs before it.

A headline, the lead and a quote often report the same act. Events of one document with
the same category, the same participants at country level (as a set for unordered
categories; by sector when they are all of one country) and the same factuality
merge into the earliest one, which keeps every
evidence span in ``mentions``, the union of claimants, deniers, rules and cues, the most
specific date and place, and the highest confidence.

A mention dated by its own sentence to another time is another act, not a repeat:
"strikes in September 2022" is not the headline's strike of this week, a treaty "signed in
March 2023" is not the one signed on Tuesday, and "cut ties in August 2021, accusing it of
hostile acts" (a participle dated by the clause it hangs on) is not this week's
accusation. Two clause dates must overlap; otherwise a date from the act's sentence
(clause or reporting clause) and any other date must lie within :data:`SAME_ACT_DAYS` of
each other, so a merged mention never carries its far-off date into the kept act.

An act told as background is history, not the story's news, when the story reports an
act of the same category between the same participants as current: "Poland expelled
Russian diplomats on Tuesday ... Poland had closed a Russian consulate in November". The
earlier act is known from its own reports (fusion merges reports of one event across
articles), so coding it again here double-counts the dyad and gives the current act a
second, older date. Such a background act is dropped, not folded into the current one:
it is another act, and its evidence would wrongly date or describe the current one. An
act is current when it is dated to a day within :data:`CURRENT_DAYS` of the story's day
(the publication date, else the latest day the dateline or lead gives); a month or a year
is too vague to make an act the story's news. An act is background when its own sentence
dates it (``date_source`` ``clause`` or ``reporting_clause``) to a year, month or day that
starts more than :data:`BACKGROUND_DAYS` before the story's day and ends before the current window.
Background acts that share their category and participants with no current act stay:
they are the only record of that dyad in the story.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.records import UNORDERED_TYPES, Entity, Event

SOURCE_RANK = {
    "clause": 0,
    "reporting_clause": 1,
    "dateline": 2,
    "lead": 2,
    "published": 3,
    None: 4,
}


#: How far a clause date may lie from a date taken from elsewhere for one act.
SAME_ACT_DAYS = 14

#: How far from the story's day an act may lie and still be the story's news.
CURRENT_DAYS = 7

#: How long before the story's day an act dated by its own clause is history.
BACKGROUND_DAYS = 30

#: Date sources that give the story's own days rather than the act's clause.
STORY_DAY_SOURCES = ("dateline", "lead", "published")

#: Date sources from the act's own sentence: its clause, or the clause reporting it.
OWN_SOURCES = ("clause", "reporting_clause")


def _period(event: Event) -> tuple[date, date] | None:
    """The days an event's date covers at its precision (a month, a year, or one day)."""
    if not event.event_date:
        return None
    try:
        day = date.fromisoformat(event.event_date[:10])
    except ValueError:
        return None
    if event.date_precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if event.date_precision == "month":
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return date(day.year, day.month, 1), following - timedelta(days=1)
    return day, day


def same_time(first: Event, second: Event) -> bool:
    """Whether two mentions' dates allow them to be one act (see the module's rule)."""
    own = (first.date_source in OWN_SOURCES, second.date_source in OWN_SOURCES)
    if not any(own):
        return True
    a, b = _period(first), _period(second)
    if a is None or b is None:
        return True
    gap = max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)
    clauses = first.date_source == "clause" and second.date_source == "clause"
    return gap == 0 if clauses else gap <= SAME_ACT_DAYS


def _codes(entities: list[Entity]) -> frozenset[str]:
    return frozenset(e.country_code or e.text.lower() for e in entities)


def _sector_codes(entities: list[Entity]) -> frozenset[str]:
    return frozenset((e.country_code or e.text.lower()) + (e.role or "") for e in entities)


def merge_key(event: Event) -> tuple[object, ...]:
    """Events with equal keys report the same act. Inside one country (every participant
    of the same country) the sides are told apart by sector: police detaining journalists
    and a court jailing opposition leaders are two acts."""
    codes = _codes
    if len(_codes(event.actor + event.recipient)) == 1 and event.recipient:
        codes = _sector_codes
    if event.event_type in UNORDERED_TYPES or not event.recipient:
        participants: tuple[object, ...] = (codes(event.actor + event.recipient),)
    else:
        participants = (codes(event.actor), codes(event.recipient))
    return (event.event_type, event.factuality, *participants)


def dyad_key(event: Event) -> tuple[object, ...]:
    """The category and participants of :func:`merge_key`, whatever the factuality: a
    history of the dyad is a re-mention whether the current act happened or is planned."""
    event_type, _factuality, *participants = merge_key(event)
    return (event_type, *participants)


def _union(into: list[Entity], more: list[Entity]) -> None:
    for entity in more:
        if not any(e.code == entity.code and e.start == entity.start for e in into):
            into.append(entity)


def merge_events(events: list[Event]) -> list[Event]:
    """Merge repeated mentions of the same act; keeps document order of first mentions."""
    merged: list[Event] = []
    by_key: dict[tuple[object, ...], list[Event]] = {}
    for event in events:
        acts = by_key.setdefault(merge_key(event), [])
        kept = next((act for act in acts if same_time(act, event)), None)
        if kept is None:
            if not event.mentions:
                event.mentions = [event.evidence]
            acts.append(event)
            merged.append(event)
            continue
        kept.mentions.append(event.evidence)
        _union(kept.claimed_by, event.claimed_by)
        _union(kept.denied_by, event.denied_by)
        kept.rules.extend(r for r in event.rules if r not in kept.rules)
        kept.cues.extend(c for c in event.cues if c not in kept.cues)
        kept.confidence = max(kept.confidence, event.confidence)
        if SOURCE_RANK.get(event.date_source, 4) < SOURCE_RANK.get(kept.date_source, 4):
            kept.event_date = event.event_date
            kept.date_precision = event.date_precision
            kept.date_source = event.date_source
        if event.location is not None and (
            kept.location is None
            or SOURCE_RANK.get(event.location.source, 4) < SOURCE_RANK.get(kept.location.source, 4)
        ):
            kept.location = event.location
    return merged


def _story_day(events: list[Event], published: str | None) -> date | None:
    if published:
        try:
            return date.fromisoformat(published[:10])
        except ValueError:
            pass
    days = [
        period[1]
        for event in events
        if event.date_source in STORY_DAY_SOURCES and (period := _period(event)) is not None
    ]
    return max(days, default=None)


def drop_background(events: list[Event], published: str | None) -> list[Event]:
    """Drop acts told as background that repeat the dyad of a current act (see the
    module's rule); keeps the order of the rest."""
    today = _story_day(events, published)
    if today is None:
        return events
    window = timedelta(days=CURRENT_DAYS)
    current: set[tuple[object, ...]] = set()
    background: list[Event] = []
    for event in events:
        period = _period(event)
        if period is None:
            continue
        if period[0] == period[1] and abs(period[0] - today) <= window:
            current.add(dyad_key(event))
        elif (
            event.date_source in OWN_SOURCES
            and period[1] < today - window
            and (today - period[0]).days > BACKGROUND_DAYS
        ):
            background.append(event)
    dropped = [e for e in background if dyad_key(e) in current]
    return [e for e in events if not any(e is d for d in dropped)]


def _published(doc: Doc) -> str | None:
    document = doc._.document
    return getattr(document, "published", None) if document is not None else None


@Language.factory("dotterel_merge", assigns=["doc._.events"], requires=["doc._.events"])
def make_merger(nlp: Language, name: str) -> object:
    """Merge repeated mentions of one act per document; drop background repeats of a dyad.

    An act told as background (dated by its clause well before the story) that has the
    category and participants of a current act is dropped (see the module's rule)."""

    def merge(doc: Doc) -> Doc:
        doc._.events = drop_background(merge_events(doc._.events or []), _published(doc))
        return doc

    return merge
