"""Attacks happen where they land; dealings among one state's own people happen in that
state; neither rule guesses where nothing is known (``dotterel.events.context``)."""

from __future__ import annotations

from dotterel.events.categories import POPULATION_WIDE
from dotterel.events.context import ContextRules, locate_in_story, locate_statements
from dotterel.records import Entity, Event, Location, Span

RULES = ContextRules.shipped()

TEXT = "x" * 120


def _side(code: str | None) -> Entity:
    return Entity(text=code or "union leaders", start=0, end=1, code=code, country=code)


def _event(event_type: str, actors: list[str | None], recipients: list[str | None]) -> Event:
    return Event(
        doc_id="t",
        sentence_index=0,
        evidence=Span(TEXT, 0, len(TEXT)),
        trigger=Span(TEXT[:1], 0, 1),
        event_type=event_type,
        actor=[_side(c) for c in actors],
        recipient=[_side(c) for c in recipients],
    )


def _where(event: Event) -> tuple[str | None, str | None] | None:
    return (event.location.country, event.location.source) if event.location else None


def test_shelling_of_another_states_positions_is_located_in_that_state() -> None:
    # "Eritrean artillery shelled Ethiopian positions overnight", no place named.
    event = _event("ASSAULT", ["ERI"], ["ETH"])
    locate_in_story([event], None, rules=RULES)
    assert _where(event) == ("ETH", "target")


def test_the_target_beats_a_story_place_in_the_attackers_country() -> None:
    # A story told from an Eritrean town; the shells landed across the border.
    event = _event("ASSAULT", ["ERI"], ["ETH"])
    locate_in_story([event], Location(name="Asmara", country="ERI", source="story"), rules=RULES)
    assert _where(event) == ("ETH", "target")


def test_a_story_place_in_the_targets_country_is_kept() -> None:
    event = _event("ASSAULT", ["ERI"], ["ETH"])
    locate_in_story([event], Location(name="Mekele", country="ETH", source="story"), rules=RULES)
    assert _where(event) == ("ETH", "story")


def test_an_attack_by_an_unknown_side_gets_no_target_place() -> None:
    event = _event("ASSAULT", [None], ["ETH"])
    locate_in_story([event], None, rules=RULES)
    assert event.location is None


def test_talks_between_a_government_and_its_unions_are_at_home() -> None:
    # "Cabinet ministers met union leaders for six hours of talks", no place named.
    event = _event("CONSULT", ["ECU"], [None])
    locate_statements([event], rules=RULES)
    assert _where(event) == ("ECU", "actor")


def test_police_against_their_own_citizens_are_at_home() -> None:
    event = _event("COERCE", ["ECU"], ["ECU"])
    locate_statements([event], rules=RULES)
    assert _where(event) == ("ECU", "actor")


def test_an_attack_on_an_unknown_side_is_not_put_at_home() -> None:
    event = _event("ASSAULT", ["ECU"], [None])
    locate_statements([event], rules=RULES)
    assert event.location is None


def test_a_one_sided_act_is_not_guessed_at_home() -> None:
    event = _event("AID", ["ECU"], [])
    locate_statements([event], rules=RULES)
    assert event.location is None


def test_a_planned_dealing_is_not_placed() -> None:
    event = _event("CONSULT", ["ECU"], ["ECU"])
    event.factuality = "future"
    locate_statements([event], rules=RULES)
    assert event.location is None


def test_two_foreign_armies_fighting_in_a_third_states_story_get_no_target_place() -> None:
    # "Ugandan forces shelled Rwandan positions near the airport" in a story set in a
    # Congolese city: the target's state would be a guess.
    event = _event("ASSAULT", ["UGA"], ["RWA"])
    locate_in_story([event], Location(name="Goma", country="COD", source="story"), rules=RULES)
    assert _where(event) != ("RWA", "target")


def test_an_envoys_demand_is_made_where_the_envoy_was_sent() -> None:
    # "A Qatari envoy pressed the government ..." in a story set in Sudan.
    text = "Qatari envoy pressed the government on Monday."
    actor = Entity(text="Qatari", start=0, end=6, code="QAT", country="QAT")
    event = _event("REQUEST", ["QAT"], ["SDN"])
    event.actor = [actor]
    locate_in_story(
        [event], Location(name="Khartoum", country="SDN", source="story"), text=text, rules=RULES
    )
    assert _where(event) == ("SDN", "story")


def test_an_envoys_demand_is_not_put_at_home() -> None:
    text = "Qatari envoy pressed the government on Monday."
    actor = Entity(text="Qatari", start=0, end=6, code="QAT", country="QAT")
    event = _event("REQUEST", ["QAT"], ["SDN"])
    event.actor = [actor]
    locate_statements([event], text, rules=RULES)
    assert event.location is None


def test_a_ministers_demand_at_another_states_story_place_is_still_made_at_home() -> None:
    text = "Qatari minister pressed the government on Monday."
    actor = Entity(text="Qatari", start=0, end=6, code="QAT", country="QAT")
    event = _event("REQUEST", ["QAT"], ["SDN"])
    event.actor = [actor]
    story = Location(name="Khartoum", country="SDN", source="story")
    locate_in_story([event], story, text=text, rules=RULES)
    locate_statements([event], text, rules=RULES)
    assert _where(event) == ("QAT", "actor")


def test_an_attack_in_a_story_set_at_a_summit_venue_is_at_the_target() -> None:
    # The lead names Vienna as the venue of talks; the shelling was at the border.
    event = _event("ASSAULT", ["ERI"], ["ETH"])
    locate_in_story(
        [event], Location(name="Vienna", country="AUT", source="story"), venue=True, rules=RULES
    )
    assert _where(event) == ("ETH", "target")


def _body_event(name: str, code: str) -> Event:
    event = _event("SANCTION", [None], ["LBR"])
    event.actor = [Entity(text=name, start=0, end=len(name), code=code)]
    return event


def test_a_security_council_decision_is_made_at_its_seat() -> None:
    # "The Security Council voted to extend the arms embargo on Liberia" in a story
    # set in Monrovia: the vote was in New York.
    event = _body_event("the Security Council", "IGOUNOGOV")
    locate_in_story([event], Location(name="Monrovia", country="LBR", source="story"), rules=RULES)
    assert _where(event) == ("USA", "seat")


def test_a_national_security_council_has_no_international_seat() -> None:
    event = _body_event("the National Security Council", "USAGOV")
    locate_in_story([event], None, rules=RULES)
    assert event.location is None


def test_a_regional_bodys_statement_is_issued_from_its_secretariat() -> None:
    # "The African Union welcomed the vote" with no place in a story set in Malawi.
    event = _body_event("The African Union", "IGOAFRAU")
    event.event_type = "SUPPORT"
    locate_in_story([event], Location(name="Lilongwe", country="MWI", source="story"), rules=RULES)
    assert _where(event) == ("ETH", "seat")


def test_a_nationwide_measure_with_no_place_is_in_the_imposing_state() -> None:
    # "The Malawian government cut mobile internet access on Sunday."
    event = _event("COERCE", ["MWI"], [])
    event.rules.append(POPULATION_WIDE)
    locate_statements([event], rules=RULES)
    assert _where(event) == ("MWI", "actor")


def test_a_one_sided_act_that_is_not_nationwide_gets_no_home_place() -> None:
    # "Malawian police fired tear gas", no place, no target: nothing says where.
    event = _event("COERCE", ["MWI"], [])
    locate_statements([event], rules=RULES)
    assert _where(event) is None
