"""The one a demand or an accusation is addressed to may be a bare state role word:
"urged the authorities to ...", "accused security forces of ...". Such an object is the
addressee, not an instrument the speaker moves (as the troops in "deployed troops"
are), and it belongs to the country the story is about, not to the city where the
words were said. Sentences written for these tests."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import of_type, triples


def test_accused_security_forces_is_an_accusation_of_the_story_country(coder: Coder) -> None:
    events = coder(
        "Teachers went on strike across Zambia on Monday. A UN rights expert accused "
        "security forces of beating striking teachers in Lusaka."
    )
    assert ("ACCUSE", ("IGO",), ("ZMB",)) in triples(events)


def test_an_addressee_is_not_placed_where_the_appeal_was_made(coder: Coder) -> None:
    events = coder(
        "Police in Malawi detained 30 students after protests in Lilongwe on Tuesday. "
        "The students had marched against fee increases across Malawi. "
        "The UN human rights office in Geneva urged the security forces to show restraint."
    )
    requests = of_type(events, "REQUEST")
    assert requests
    assert ("REQUEST", ("IGO",), ("MWI",)) in triples(events)
    assert not any(r.country_code == "CHE" for e in requests for r in e.recipient)


def test_troops_deployed_are_still_no_recipient(coder: Coder) -> None:
    events = coder("Chad deployed soldiers along the northern border on Friday.")
    assert not any(r.role == "MIL" for e in of_type(events, "MOBILIZE") for r in e.recipient)


def test_a_state_ordering_troops_commands_its_own_forces(coder: Coder) -> None:
    events = coder(
        "Peru's president condemned the attack and ordered troops to guard the embassies."
    )
    assert not any(r.role == "MIL" for e in of_type(events, "REQUEST") for r in e.recipient)
