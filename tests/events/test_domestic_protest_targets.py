"""Protests and strikes at home: who they are aimed at and when a "strike" is a
stoppage of work (issue 11). Sentences are written for these tests."""

from __future__ import annotations

from dotterel.records import Event
from tests.conftest import Coder
from tests.events.event_shapes import sides


def protests(events: list[Event]) -> list[Event]:
    return [e for e in events if e.event_type == "PROTEST"]


def test_rally_outside_parliament_is_aimed_at_the_legislature(coder: Coder) -> None:
    events = protests(coder("Thousands of Malawian students rallied outside parliament on Friday."))
    assert [sides(e) for e in events] == [({"MWIEDU"}, {"MWILEG"})]
    assert "arg:protest-site" in events[0].rules


def test_rally_outside_a_ministry_building_is_aimed_at_the_ministry(coder: Coder) -> None:
    text = "Ghanaian nurses protested in front of the health ministry building in Accra."
    events = protests(coder(text))
    assert events and sides(events[0]) == ({"GHAHLH"}, {"GHAGOV"})


def test_rally_in_a_city_is_aimed_at_the_government(coder: Coder) -> None:
    events = protests(coder("Ghanaian nurses protested in Kumasi on Monday."))
    assert [sides(e) for e in events] == [({"GHAHLH"}, {"GHAGOV"})]


def test_rally_outside_a_foreign_embassy_is_aimed_at_its_state(coder: Coder) -> None:
    events = protests(coder("Ghanaian students rallied outside the French embassy in Accra."))
    assert events and {e.country_code for e in events[0].recipient} == {"FRA"}


def test_being_on_strike_is_a_labour_strike(coder: Coder) -> None:
    events = protests(coder("Zambian teachers have been on strike since early March."))
    assert [(e.mode, sides(e)) for e in events] == [("strike", ({"ZMBEDU"}, {"ZMBGOV"}))]


def test_a_military_strike_stays_an_assault(coder: Coder) -> None:
    events = coder("Israeli jets carried out a strike on targets in Gaza.")
    assert not protests(events)
    assert any(e.event_type == "ASSAULT" for e in events)
