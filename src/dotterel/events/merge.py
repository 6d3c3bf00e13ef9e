"""The ``dotterel_merge`` component: one record per act per document.

It runs last and only merges; completing events from their context is the job of
``dotterel_context`` (:mod:`dotterel.events.context`), which runs before it.

A headline, the lead and a quote often report the same act. Events of one document with
the same category, the same participants at country level (as a set for unordered
categories; by sector when they are all of one country) and the same factuality
merge into the earliest one, which keeps every
evidence span in ``mentions``, the union of claimants, deniers, rules and cues, the most
specific date and place, and the highest confidence.

A mention dated by its own clause to another time is another act, not a repeat: "strikes
in September 2022" is not the headline's strike of this week, and a treaty "signed in
March 2023" is not the one signed on Tuesday. Two clause dates must overlap; a clause
date and a date from elsewhere (reporting clause, lead, dateline, publication) must lie
within :data:`SAME_ACT_DAYS` of each other.
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
    own = (first.date_source == "clause", second.date_source == "clause")
    if not any(own):
        return True
    a, b = _period(first), _period(second)
    if a is None or b is None:
        return True
    gap = max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)
    return gap == 0 if all(own) else gap <= SAME_ACT_DAYS


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


@Language.factory("dotterel_merge", assigns=["doc._.events"], requires=["doc._.events"])
def make_merger(nlp: Language, name: str) -> object:
    """Merge repeated mentions of one act into one record per act per document."""

    def merge(doc: Doc) -> Doc:
        doc._.events = merge_events(doc._.events or [])
        return doc

    return merge
