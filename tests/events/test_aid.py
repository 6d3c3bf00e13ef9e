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
