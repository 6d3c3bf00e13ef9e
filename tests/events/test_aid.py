"""PLOVER AID: provision of personnel and material aid, on sentences written for these
tests (never taken from the evaluation sets)."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import of_type
from tests.events.test_modern_rules import triples

# -- experts, advisers and relief crews sent are personnel aid ----------------------


def test_experts_sent_to_a_capital_are_aid(coder: Coder) -> None:
    events = coder("Norway said on Friday that it had sent three experts to Lima.")
    assert ("AID", ("NOR",), ("PER",)) in triples(events)
    assert not of_type(events, "CONSULT")


def test_a_team_of_experts_sent_to_help_is_aid(coder: Coder) -> None:
    events = coder("Canada sent a team of forensic experts to help Ecuadorian investigators.")
    assert ("AID", ("CAN",), ("ECU",)) in triples(events)
    assert not of_type(events, "CONSULT")


def test_a_rescue_team_sent_abroad_is_aid(coder: Coder) -> None:
    events = coder("Chile sent two rescue teams to Peru after the landslide.")
    aid = of_type(events, "AID")
    assert [(a.actor[0].country_code, a.recipient[0].country_code) for a in aid] == [("CHL", "PER")]
    assert aid[0].factuality == "actual"


def test_a_plain_team_sent_is_still_a_visit(coder: Coder) -> None:
    events = coder("Brazil sent a team to Caracas to verify the handover.")
    assert ("CONSULT", ("BRA",), ("VEN",)) in triples(events)
    assert not of_type(events, "AID")


# -- consignments of aid arriving ----------------------------------------------------


def test_a_shipment_of_aid_arriving_is_aid_to_the_host(coder: Coder) -> None:
    events = coder("A shipment of Spanish medical aid arrived in Tegucigalpa on Monday.")
    aid = of_type(events, "AID")
    assert [(a.actor[0].country_code, a.recipient[0].country_code) for a in aid] == [("ESP", "HND")]
    assert aid[0].event_date == "2024-10-28"


def test_a_relief_convoy_reaching_a_country_is_aid(coder: Coder) -> None:
    events = coder("A Jordanian relief convoy reached Syria on Sunday.")
    assert ("AID", ("JOR",), ("SYR",)) in triples(events)


def test_an_airline_cargo_plane_landing_is_no_aid(coder: Coder) -> None:
    events = coder("An Ethiopian Airlines cargo plane landed in Nairobi on Tuesday.")
    assert not of_type(events, "AID")


def test_a_firm_cargo_ship_arriving_is_no_aid(coder: Coder) -> None:
    events = coder("A Chinese firm's cargo ship arrived in Mombasa on Tuesday.")
    assert not of_type(events, "AID")


def test_travellers_arriving_are_no_aid(coder: Coder) -> None:
    events = coder("A flight of Chinese tourists landed in Nairobi on Tuesday.")
    assert not of_type(events, "AID")
