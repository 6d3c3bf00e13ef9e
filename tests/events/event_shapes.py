"""Helpers shared by the event tests: an event set as (type, actor states, recipient
states) triples, an event's sides at sector level, and the events of a type."""

from __future__ import annotations

from dotterel.records import Entity, Event

Triple = tuple[str, tuple[str, ...], tuple[str, ...]]


def triples(events: list[Event]) -> set[Triple]:
    return {
        (
            e.event_type,
            tuple(sorted({a.country_code or "?" for a in e.actor})),
            tuple(sorted({r.country_code or "?" for r in e.recipient})),
        )
        for e in events
    }


def only(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in events]
    return found[0]


def sides(event: Event) -> tuple[set[str], set[str]]:
    """Actor and recipient codes at sector level ("KENCOP"; "?" for no country)."""

    def codes(entities: list[Entity]) -> set[str]:
        return {(e.country_code or "?") + (e.role or "") for e in entities}

    return codes(event.actor), codes(event.recipient)


def of_type(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type]
