"""An act someone began has happened: "began a hunger strike" is a protest under way,
not a plan (issue 11). Sentences are written for these tests."""

from __future__ import annotations

from tests.conftest import Coder


def test_a_hunger_strike_that_began_is_actual(coder: Coder) -> None:
    events = coder("Jailed activist Tendai Moyo began a hunger strike in Harare on Monday.")
    protests = [e for e in events if e.event_type == "PROTEST"]
    assert protests and {e.factuality for e in protests} == {"actual"}


def test_a_strike_that_will_begin_is_still_a_threat(coder: Coder) -> None:
    events = coder("Nurses in Lusaka will begin a strike against the health ministry next week.")
    assert {e.event_type for e in events} == {"THREATEN"}
