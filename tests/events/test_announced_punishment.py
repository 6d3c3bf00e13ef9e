"""Punishment an official announces for those who break the law ("will be arrested",
"would be prosecuted", "will face the full force of the law") is a warning made now
(PLOVER THREATEN, actual), not an arrest or a prosecution that happened. Sentences
written for these tests."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import of_type, only, sides


def test_those_responsible_would_be_prosecuted_is_a_threat(coder: Coder) -> None:
    events = coder(
        "Chile's interior minister said on Monday that those responsible for the looting "
        "in Valparaíso would be prosecuted."
    )
    threat = only(events, "THREATEN")
    assert threat.factuality == "actual"
    actor, recipient = sides(threat)
    assert actor == {"CHLGOV"}
    assert recipient and all(r.endswith("CVL") for r in recipient)
    assert not of_type(events, "COERCE")


def test_anyone_who_will_be_arrested_is_a_threat_by_the_speaker(coder: Coder) -> None:
    events = coder(
        '"Anyone found blocking a highway will be arrested," Peru\'s interior minister said.'
    )
    threat = only(events, "THREATEN")
    assert sides(threat)[0] == {"PERGOV"}
    assert threat.factuality == "actual"


def test_facing_the_full_force_of_the_law_is_a_threat(coder: Coder) -> None:
    events = coder(
        "Bolivian police said that protesters who burn public buildings will face the "
        "full force of the law."
    )
    threat = only(events, "THREATEN")
    assert sides(threat)[0] == {"BOLCOP"}


def test_a_quoted_warning_takes_the_speaker_of_the_previous_sentence(coder: Coder) -> None:
    events = coder(
        '"We will not let rioters hold the country hostage," Ecuador\'s defence minister '
        'told reporters in Quito. "Those who attack soldiers will be dealt with by the law."'
    )
    threat = only(events, "THREATEN")
    assert sides(threat)[0] == {"ECUGOV"}


def test_a_promise_not_to_prosecute_is_no_threat(coder: Coder) -> None:
    events = coder(
        "Colombia's justice minister said the marchers would not be prosecuted for "
        "blocking the road."
    )
    assert not of_type(events, "THREATEN")
