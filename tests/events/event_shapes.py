"""Helpers shared by the event tests: an event set as (type, actor states, recipient
states) triples, and the one event of a type."""

from __future__ import annotations

from dotterel.records import Event

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
