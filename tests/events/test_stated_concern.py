"""Concern stated about an act disapproves of it (PLOVER ACCUSE disapprove, as
"expressed concern"): "X said it was concerned by Y" (issue 11). Sentences are written
for these tests."""

from __future__ import annotations

from dotterel.records import Event
from tests.conftest import Coder
from tests.events.event_shapes import sides


def accusations(events: list[Event]) -> list[Event]:
    return [e for e in events if e.event_type == "ACCUSE"]


def test_concern_at_a_states_act_is_aimed_at_that_state(coder: Coder) -> None:
    text = "Germany's foreign ministry said it was concerned by the ban on the press in Mali."
    events = accusations(coder(text))
    assert [sides(e) for e in events] == [({"DEUGOV"}, {"MLIGOV"})]
    assert events[0].mode == "disapprove"


def test_concern_at_what_befalls_a_countrys_people_is_aimed_at_its_state(coder: Coder) -> None:
    text = "Canada said it was alarmed by the arrests of journalists in Ethiopia."
    events = accusations(coder(text))
    assert [sides(e)[1] for e in events] == [{"ETHGOV"}]


def test_speaker_stands_behind_it(coder: Coder) -> None:
    text = "The United Nations said it was deeply troubled by the killings of students in Chad."
    events = accusations(coder(text))
    assert events and {e.country_code for e in events[0].actor} == {"IGO"}
    assert sides(events[0])[1] == {"TCDGOV"}


def test_concern_at_a_named_force_is_aimed_at_it(coder: Coder) -> None:
    events = accusations(coder("Japan is worried about China's military build-up."))
    assert [sides(e) for e in events] == [({"JPNGOV"}, {"CHNMIL"})]


def test_concern_as_a_plain_verb_is_no_event(coder: Coder) -> None:
    assert not accusations(coder("The talks concerned trade between Japan and China."))
