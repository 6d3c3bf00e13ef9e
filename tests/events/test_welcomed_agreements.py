"""SUPPORT for an agreement: welcoming "the treaty", "the deal", "the signing" or "the
initialling" supports all its parties, on sentences written for these tests (never
taken from the evaluation sets)."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import of_type
from tests.events.test_modern_rules import triples


def test_welcoming_the_treaty_supports_both_signatories(coder: Coder) -> None:
    events = coder(
        "Kenya and Tanzania signed a border treaty on Monday. "
        "The African Union welcomed the treaty in a statement."
    )
    assert ("SUPPORT", ("IGO",), ("KEN", "TZA")) in triples(events)


def test_welcoming_the_deal_supports_its_parties(coder: Coder) -> None:
    events = coder(
        "Ghana and Togo signed a power supply deal in Accra on Tuesday. Germany welcomed the deal."
    )
    assert ("SUPPORT", ("DEU",), ("GHA", "TGO")) in triples(events)


def test_welcoming_the_initialling_later_supports_both_sides(coder: Coder) -> None:
    events = coder(
        "Chile and Peru initialled a trade protocol on Monday. "
        "The text cuts tariffs on copper and fruit. "
        "Farmers in both countries said they were worried. "
        "A second round of negotiations is planned. "
        "Business groups asked for more detail. "
        "The Organization of American States welcomed the initialling."
    )
    assert ("SUPPORT", ("IGO",), ("CHL", "PER")) in triples(events)


def test_the_signing_welcomed_paragraphs_later_is_the_lead_agreement(coder: Coder) -> None:
    events = coder(
        "Australia and Fiji signed a fisheries treaty on Monday. "
        "Fiji's fisheries minister called the text fair. "
        "Local fishermen said they had not been consulted. "
        "Some lawmakers asked for more time to read it. "
        "A vote is expected in June. "
        "The United States welcomed the signing."
    )
    support = [e for e in of_type(events, "SUPPORT") if e.trigger.text == "welcomed"]
    assert [sorted(r.country_code for r in e.recipient) for e in support] == [["AUS", "FJI"]]


def test_welcoming_releases_supports_those_who_freed_them(coder: Coder) -> None:
    events = coder(
        "Police in Kenya freed 40 detained activists on Monday. "
        "The UN human rights office welcomed the releases."
    )
    support = [e for e in of_type(events, "SUPPORT") if e.trigger.text == "welcomed"]
    assert [[r.country_code for r in e.recipient] for e in support] == [["KEN"]]
