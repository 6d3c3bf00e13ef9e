"""Wanting another side to do something is a demand on it (PLOVER REQUEST): "Ankara
wants Athens to pull its troops back". Wanting to do something oneself is not.
Sentences written for these tests."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import of_type, triples


def test_wanting_another_state_to_act_is_a_request_to_it(coder: Coder) -> None:
    events = coder("Ankara wants Greece to remove its troops from the eastern islands.")
    assert ("REQUEST", ("TUR",), ("GRC",)) in triples(events)


def test_a_reported_wish_is_a_request_too(coder: Coder) -> None:
    events = coder("Moscow wanted Kyiv to drop its bid to join NATO, officials said.")
    assert ("REQUEST", ("RUS",), ("UKR",)) in triples(events)


def test_wanting_to_act_oneself_is_no_request(coder: Coder) -> None:
    events = coder("Iran wants to join the bloc next year.")
    assert not of_type(events, "REQUEST")


def test_wanting_a_side_to_know_something_is_no_request(coder: Coder) -> None:
    events = coder("Pyongyang wants Seoul to know that its missiles can reach the capital.")
    assert not of_type(events, "REQUEST")
