"""The ``dotterel_merge`` component: one record per act per document.

It runs last and only merges; completing events from their context is the job of
``dotterel_context`` (:mod:`dotterel.events.context`), which runs before it.

A headline, the lead and a quote often report the same act. Events of one document with
the same category, the same participants at country level (as a set for unordered
categories; by sector when they are all of one country) and the same factuality
merge into the earliest one, which keeps every
evidence span in ``mentions``, the union of claimants, deniers, rules and cues, the most
specific date and place, and the highest confidence.
"""

from __future__ import annotations

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
    merged: dict[tuple[object, ...], Event] = {}
    for event in events:
        key = merge_key(event)
        kept = merged.get(key)
        if kept is None:
            if not event.mentions:
                event.mentions = [event.evidence]
            merged[key] = event
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
    return list(merged.values())


@Language.factory("dotterel_merge", assigns=["doc._.events"], requires=["doc._.events"])
def make_merger(nlp: Language, name: str) -> object:
    """spaCy factory for the merge step."""

    def merge(doc: Doc) -> Doc:
        doc._.events = merge_events(doc._.events or [])
        return doc

    return merge
