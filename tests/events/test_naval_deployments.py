"""Naval deployments and escorts (PLOVER MOBILIZE): warships or patrol boats sent,
dispatched or deployed show force, and so does an escort by a state's ships, aircraft
or troops, which has no target. Sentences written for these tests."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import of_type, triples


def test_patrol_boats_sent_to_a_reef_are_a_deployment(coder: Coder) -> None:
    events = coder("Vietnam's coast guard said it had sent four patrol boats to the atoll.")
    assert ("MOBILIZE", ("VNM",), ()) in triples(events)
    assert not of_type(events, "AID")


def test_frigates_dispatched_and_deployed_are_deployments(coder: Coder) -> None:
    dispatched = coder("Norway dispatched two frigates to the northern fjords on Monday.")
    assert ("MOBILIZE", ("NOR",), ()) in triples(dispatched)
    deployed = coder("Portugal deployed a corvette off the Azores on Friday.")
    assert ("MOBILIZE", ("PRT",), ()) in triples(deployed)


def test_an_escort_is_a_one_sided_deployment(coder: Coder) -> None:
    events = coder("Spanish navy vessels escorted the Moroccan fishing fleet on Sunday.")
    assert ("MOBILIZE", ("ESP",), ()) in triples(events)
    assert not [e for e in of_type(events, "MOBILIZE") if e.recipient]


def test_a_passive_escort_is_coded_for_its_escorting_ships(coder: Coder) -> None:
    events = coder(
        "A Turkish drilling ship, escorted by three Turkish warships, reached the gulf on Tuesday."
    )
    assert ("MOBILIZE", ("TUR",), ()) in triples(events)


def test_soldiers_named_by_their_escort_duty_are_no_escort_by_their_killers(
    coder: Coder,
) -> None:
    events = coder(
        "Gunmen from the Islamic State ambushed a convoy in Niger on Monday, killing "
        "guards escorting the lorries."
    )
    assert not of_type(events, "MOBILIZE")
