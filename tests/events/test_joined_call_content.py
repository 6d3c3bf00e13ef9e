"""A clause joined to a trigger's content is content too: in "called on the authorities
to investigate the killings and to release those held" the release is what the call
asks for, not a release (or a promise of one) by the caller. Sentences written for
these tests."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import of_type, triples


def test_a_release_joined_to_a_call_is_part_of_the_request(coder: Coder) -> None:
    events = coder(
        "The UN human rights office called on the Zambian authorities to investigate "
        "the shootings and to release those detained."
    )
    assert ("REQUEST", ("IGO",), ("ZMB",)) in triples(events)
    assert not of_type(events, "AGREE")
    assert not of_type(events, "RETREAT")


def test_a_bare_joined_verb_after_urge_is_part_of_the_request(coder: Coder) -> None:
    events = coder("Amnesty urged Bolivia to lift the curfew and free the students.")
    assert ("REQUEST", ("NGO",), ("BOL",)) in triples(events)
    assert not of_type(events, "RETREAT")
    assert not of_type(events, "AGREE")


def test_a_release_joined_to_a_real_arrest_is_still_coded(coder: Coder) -> None:
    events = coder("Chilean police arrested 40 protesters and released 12 of them on Friday.")
    assert of_type(events, "COERCE")
    assert of_type(events, "RETREAT")
