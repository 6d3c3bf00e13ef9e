"""Which events take the story place, and which are located with their speaker or host
(``dotterel.events.context``)."""

from __future__ import annotations

from dotterel.events.context import (
    ContextRules,
    locate_in_story,
    locate_statements,
    locate_visits,
)
from dotterel.records import Entity, Event, Location, Span

TEXT = "x" * 200
RULES = ContextRules.shipped()
STORY = Location(name="Baghdad", country="IRQ", source="story")


def _event(
    event_type: str,
    actors: list[str],
    recipients: list[str] = (),  # type: ignore[assignment]
    evidence: str = "",
    location: Location | None = None,
) -> Event:
    text = evidence or TEXT
    return Event(
        doc_id="t",
        sentence_index=0,
        evidence=Span(text, 0, len(text)),
        trigger=Span(text[:1], 0, 1),
        event_type=event_type,
        actor=[Entity(text=c, start=0, end=1, code=c, country=c) for c in actors],
        recipient=[Entity(text=c, start=0, end=1, code=c, country=c) for c in recipients],
        location=location,
    )


def _where(event: Event) -> tuple[str | None, str | None] | None:
    return (event.location.country, event.location.source) if event.location else None


def test_a_domestic_event_takes_the_story_place() -> None:
    event = _event("COERCE", ["IRQ"], ["IRQ"])
    locate_in_story([event], STORY, rules=RULES)
    assert _where(event) == ("IRQ", "story")


def test_an_event_with_unknown_participants_takes_the_story_place() -> None:
    event = _event("ASSAULT", [])
    locate_in_story([event], STORY, rules=RULES)
    assert _where(event) == ("IRQ", "story")


def test_dealings_between_other_states_get_no_story_place() -> None:
    event = _event("CONSULT", ["IRN"], ["RUS"])
    locate_in_story([event], STORY, rules=RULES)
    assert event.location is None


def test_a_phone_call_is_not_put_at_a_third_countrys_venue() -> None:
    text = "Rouhani spoke by phone with Putin."
    event = _event("CONSULT", ["IRN"], ["RUS"], evidence=text)
    locate_in_story([event], STORY, venue=True, text=text, rules=RULES)
    assert event.location is None
    locate_statements([event], text, rules=RULES)
    assert _where(event) == ("IRN", "actor")


def test_a_meeting_takes_a_venue_the_lead_names() -> None:
    event = _event("CONSULT", ["ARM"], ["AZE"])
    locate_in_story(
        [event], Location(name="Paris", country="FRA"), venue=True, text=TEXT, rules=RULES
    )
    assert _where(event) == ("FRA", "story")


def test_a_statement_at_another_countrys_story_place_is_made_at_home() -> None:
    event = _event("ACCUSE", ["POL"], ["BLR"])
    locate_in_story([event], Location(name="Minsk", country="BLR"), rules=RULES)
    assert event.location is None
    locate_statements([event], rules=RULES)
    assert _where(event) == ("POL", "actor")


def test_a_statement_with_no_place_at_all_is_made_at_home() -> None:
    event = _event("SANCTION", ["USA"], ["CHN"])
    locate_statements([event], rules=RULES)
    assert _where(event) == ("USA", "actor")


def test_a_statement_the_text_places_keeps_its_place() -> None:
    place = Location(name="Baghdad", country="IRQ", source="reporting_clause")
    event = _event("REQUEST", ["IRN"], ["USA"], location=place)
    locate_statements([event], rules=RULES)
    assert _where(event) == ("IRQ", "reporting_clause")


def test_an_attack_with_no_place_is_not_put_in_the_attackers_country() -> None:
    event = _event("ASSAULT", ["RUS"], ["UKR"])
    locate_statements([event], rules=RULES)
    assert event.location is None


def test_talks_with_a_visiting_counterpart_are_at_the_hosts() -> None:
    text = "Li held talks with his visiting Pakistani counterpart Kasuri."
    start = text.index("Pakistani")
    guest = Entity(text="Pakistani counterpart", start=start, end=start + 21, country="PAK")
    host = Entity(text="Li", start=0, end=2, country="CHN")
    event = _event("CONSULT", ["CHN"], ["PAK"], evidence=text)
    locate_visits([event], text, [host, guest])
    assert _where(event) == ("CHN", "host")
