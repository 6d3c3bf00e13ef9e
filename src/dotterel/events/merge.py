"""The ``dotterel_merge`` component: one record per act per document.

It runs last, once places are known, so it also codes the perpetrator of violence with
no named agent (see :func:`attribute_unnamed_attackers`).

A headline, the lead and a quote often report the same act. Events of one document with
the same category, the same participants at country level (as a set for unordered
categories) and the same factuality merge into the earliest one, which keeps every
evidence span in ``mentions``, the union of claimants, deniers, rules and cues, the most
specific date and place, and the highest confidence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.actors.resolve import NON_STATE, country_name, story_country
from dotterel.places.gazetteer import resolve as resolve_place
from dotterel.records import Entity, Event, Location

UNORDERED_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
SOURCE_RANK = {"clause": 0, "reporting_clause": 1, "dateline": 2, "published": 3, None: 4}


def _codes(entities: list[Entity]) -> frozenset[str]:
    return frozenset(e.country_code or e.text.lower() for e in entities)


def merge_key(event: Event) -> tuple[object, ...]:
    """Events with equal keys report the same act."""
    if event.event_type in UNORDERED_TYPES or not event.recipient:
        participants: tuple[object, ...] = (_codes(event.actor + event.recipient),)
    else:
        participants = (_codes(event.actor), _codes(event.recipient))
    return (event.event_type, event.factuality, *participants)


def _union(into: list[Entity], more: list[Entity]) -> None:
    for entity in more:
        if not any(e.code == entity.code and e.start == entity.start for e in into):
            into.append(entity)


def attribute_unnamed_attackers(events: list[Event], places: list[Any] | None = None) -> None:
    """Violence by unnamed perpetrators against foreigners is coded to the country where
    it happened ("a roadside bomb near Samarra killed a US soldier" → IRQ → USA); against
    the country's own people the perpetrator stays unknown. The place is the event's, or
    else the first place named in its sentence."""
    for event in events:
        if any(a.code for a in event.actor) or "arg:no-agent" not in event.rules:
            continue
        if event.factuality != "actual":
            # A plot or a feared attack has no perpetrator to place.
            continue
        location = event.location or _first_place_in(event, places or [])
        if location is None:
            continue
        where = location.country
        if where and where not in {e.country_code for e in event.recipient}:
            event.actor = [
                Entity(
                    text=location.name,
                    start=event.trigger.start,
                    end=event.trigger.end,
                    code=where,
                    country=where,
                    why="location-of-attack",
                )
            ]
            event.rules.append("arg:attacker-from-location")


PERSON_UNRESOLVED = "ner:PERSON:unresolved"


def place_unplaced_agents(
    events: list[Event], dateline_country: str | None, story: str | None = None
) -> None:
    """Give bare role words ("police", "the army") the country of the story: a
    participant that of the event's place, else the country the document names most
    (``story``); a claimant that of the dateline (the reporter's vantage point), else
    the acting side's, else the event's place."""
    for event in events:
        place = event.location.country if event.location is not None else None
        where = place or story
        actors = [e.country for e in event.actor if e.country and e.country not in NON_STATE]
        # Unnamed "officials said": the reporter's vantage point, else the acting side.
        speaker = dateline_country or (actors[0] if actors else None) or place
        for entities, country in (
            (event.actor, where),
            (event.recipient, where),
            (event.claimed_by, speaker),
            (event.denied_by, speaker),
        ):
            for entity in entities:
                if entity.why == "agent:unplaced" and entity.code is None and country:
                    entity.country = country
                    entity.code = country + (entity.role or "")
                    entity.why = "agent:placed-by-context"
        for entity in event.actor + event.recipient:
            # A person the dictionaries do not know, taking part in the story ("Judge
            # Alejandro Rivera opened an inquiry"), is most likely of the country where
            # it happens.
            # One capitalised word ("Shan rebels") is as often a people as a person.
            full_name = len(entity.text.split()) > 1
            if entity.why == PERSON_UNRESOLVED and entity.code is None and where and full_name:
                entity.country = where
                entity.code = where
                entity.why = "name:placed-by-context"


# Acts done by saying something: without a place in the text they happen where the
# speaking side is, not where the reporter filed from.
VERBAL_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"})


def locate_statements(events: list[Event]) -> None:
    """ "ISLAMABAD (AFP) - Afghan President Karzai accused Pakistan ...": a statement by
    one state, placed only by another state's dateline, is located in the speaker's
    state."""
    for event in events:
        place = event.location
        if place is None or place.source != "dateline" or event.event_type not in VERBAL_TYPES:
            continue
        speakers = {e.country_code for e in event.actor if e.country_code}
        if len(speakers) != 1 or speakers & NON_STATE or place.country in speakers:
            continue
        speaker = speakers.pop()
        event.location = Location(
            name=country_name(speaker) or speaker, country=speaker, source="actor"
        )


def place_ethnic_groups(events: list[Event], text: str) -> None:
    """An ethnic group acting or acted upon in another country is coded to where it
    lives: "ethnic Albanians demonstrated in Serbia" → SRB (the CAMEO convention for
    minorities; the demonym alone names their kin state, not their own)."""
    for event in events:
        place = event.location
        if place is None or not place.country or place.source not in TARGET_SOURCES:
            continue
        for entities in (event.actor, event.recipient):
            for index, entity in enumerate(entities):
                before = text[: entity.start].rstrip().lower()
                if not before.endswith("ethnic") or entity.country in (None, place.country):
                    continue
                entities[index] = replace(
                    entity,
                    code=place.country + (entity.role or ""),
                    country=place.country,
                    why="ethnic:placed-by-event",
                )


def _first_place_in(event: Event, places: list[Any]) -> Location | None:
    """The first place of the event's sentence outside the victims' own country."""
    victims = {e.country_code for e in event.recipient}
    for mention in places:
        location = getattr(mention, "location", None)
        start = getattr(mention, "start", -1)
        if (
            location is not None
            and location.country not in victims
            and event.evidence.start <= start < event.evidence.end
        ):
            return location
    return None


NEEDS_TARGET = "arg:needs-target"
TARGET_SOURCES = frozenset({"clause", "reporting_clause"})


def target_by_place(events: list[Event]) -> list[Event]:
    """An attack, threat or arrest with no named target is aimed at the place where it
    happens when that is another country ("Israeli tanks fired at targets in Jericho"
    → PSE); with no such place the event is dropped, as a one-sided record would mislead."""
    kept = []
    for event in events:
        if NEEDS_TARGET not in event.rules or event.recipient:
            kept.append(event)
            continue
        place = event.location
        actor_countries = {e.country_code for e in event.actor}
        if (
            place is not None
            and place.country
            and place.source in TARGET_SOURCES
            and place.country not in actor_countries
        ):
            event.recipient = [
                Entity(
                    text=place.name,
                    start=event.trigger.start,
                    end=event.trigger.end,
                    code=place.country,
                    country=place.country,
                    why="place-as-target",
                )
            ]
            event.rules.append("arg:place-as-target")
            kept.append(event)
    return kept


# Acts that need no counterpart: a resignation, a mobilisation at home.
ONE_SIDED_TYPES = frozenset({"RETREAT", "MOBILIZE"})


def _has_counterpart(event: Event) -> bool:
    """Dyadic event data needs two sides. An agreement, meeting, demand or concession
    with one party and no one it is made to ("Iran vowed to resume enrichment") is a
    statement of intent, not a codable interaction; only acts that can be one-sided
    are kept alone."""
    if event.recipient or event.event_type in ONE_SIDED_TYPES:
        return True
    if any(cue.startswith("plover:future-retreat") for cue in event.cues):
        # A promise to resign or withdraw ("agreed to step down") stays one-sided.
        return True
    return len({e.country_code or e.text.lower() for e in event.actor}) > 1


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
        events = doc._.events or []
        dateline = doc._.dateline
        dateline_place = getattr(dateline, "place", None)
        dateline_country = None
        if dateline_place:
            found = resolve_place(dateline_place)
            dateline_country = found.country if found is not None else None
        place_unplaced_agents(events, dateline_country, story_country(doc._.actors or []))
        place_ethnic_groups(events, doc.text)
        locate_statements(events)
        attribute_unnamed_attackers(events, doc._.places)
        events = target_by_place(events)
        # Violence by nobody in particular that did not even happen ("if it is
        # attacked") says nothing about anyone.
        events = [
            e
            for e in events
            if e.factuality == "actual"
            or "arg:no-agent" not in e.rules
            or any(a.code for a in e.actor)
        ]
        events = [e for e in events if _has_counterpart(e)]
        doc._.events = merge_events(events)
        return doc

    return merge
