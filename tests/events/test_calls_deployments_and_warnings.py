"""International acts told in the plain words of web news: phone calls between officials,
troops sent to a frontier, conditional warnings, offers made in a long sentence and the
answer to a diplomatic protest. Sentences written for these tests."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import of_type, triples

# -- phone calls ------------------------------------------------------------------


def test_speaking_to_a_counterpart_by_phone_is_a_call(coder: Coder) -> None:
    events = coder(
        "Chile's foreign minister spoke to his Argentine counterpart by phone on Friday."
    )
    assert ("CONSULT", ("CHL",), ("ARG",)) in triples(events)


def test_two_ministers_speaking_by_phone_consult_each_other(coder: Coder) -> None:
    events = coder("The Norwegian and Swedish defence ministers spoke by telephone on Friday.")
    assert ("CONSULT", ("NOR", "SWE"), ()) in triples(events)


def test_speaking_to_reporters_is_no_consultation(coder: Coder) -> None:
    events = coder("Chile's foreign minister spoke to reporters in Santiago on Friday.")
    assert not of_type(events, "CONSULT")


# -- troops sent to a frontier ----------------------------------------------------


def test_troops_sent_to_border_provinces_are_deployed_not_aid(coder: Coder) -> None:
    events = coder(
        "Bolivia's defence ministry said it had sent 900 more soldiers to the border "
        "provinces of Tarija and Potosí."
    )
    assert ("MOBILIZE", ("BOL",), ()) in triples(events)
    assert not of_type(events, "AID")


def test_troops_sent_to_a_named_neighbours_border_are_deployed_against_it(
    coder: Coder,
) -> None:
    events = coder("Kenya sends troops to Somali border after militant raids.")
    assert ("MOBILIZE", ("KEN",), ("SOM",)) in triples(events)


def test_troops_sent_to_another_state_are_still_military_aid(coder: Coder) -> None:
    events = coder("France sent troops to Chad on Monday.")
    assert ("AID", ("FRA",), ("TCD",)) in triples(events)


def test_stepped_up_patrols_and_ordered_reinforcements_are_deployments(coder: Coder) -> None:
    patrols = coder("Nepal's armed police said they had stepped up patrols along the river.")
    assert ("MOBILIZE", ("NPL",), ()) in triples(patrols)
    ordered = coder("Chad's army chief ordered reinforcements to the eastern frontier.")
    assert ("MOBILIZE", ("TCD",), ()) in triples(ordered)


# -- conditional coercion is a warning ---------------------------------------------


def test_could_cut_supplies_if_is_a_threat(coder: Coder) -> None:
    events = coder(
        "The prime minister said Austria could halt gas deliveries to Moldova if the "
        "payments stopped."
    )
    threat = of_type(events, "THREATEN")
    assert threat and threat[0].factuality == "actual"
    assert ("THREATEN", ("AUT",), ("MDA",)) in triples(events)
    assert not of_type(events, "SANCTION")


def test_commentators_conjecture_is_no_threat(coder: Coder) -> None:
    events = coder("Analysts said Serbia could attack Kosovo if the talks failed.")
    assert not of_type(events, "THREATEN")


# -- offers made after a long relative clause ---------------------------------------


def test_an_offer_after_a_relative_clause_keeps_its_maker(coder: Coder) -> None:
    events = coder(
        "Norway, which has brokered ceasefires between the army and rebel groups in "
        "Colombia, offered on Monday to host talks between Peru and Chile on fisheries."
    )
    assert ("AGREE", ("NOR",), ("CHL", "PER")) in triples(events)
    assert not [e for e in of_type(events, "CONSULT") if e.trigger.text == "talks"]


# -- answering a diplomatic protest ---------------------------------------------------


def test_rejecting_a_protest_answers_the_state_that_lodged_it(coder: Coder) -> None:
    events = coder(
        "Chile lodged a formal protest with Argentina on Monday. "
        "Argentina's foreign ministry rejected the protest in a statement."
    )
    assert ("REJECT", ("ARG",), ("CHL",)) in triples(events)


def test_an_infinitive_tagged_as_a_preposition_is_still_the_offer(coder: Coder) -> None:
    # The tagger reads this "to" as a preposition; the parse still marks it as aux.
    events = coder("Kenya offered on Tuesday to host talks between Uganda and Rwanda on trade.")
    assert ("AGREE", ("KEN",), ("RWA", "UGA")) in triples(events)
    assert not of_type(events, "CONSULT")


# -- closing a border; appeals to "both" -----------------------------------------------


def test_shutting_a_border_crossing_is_a_sanction(coder: Coder) -> None:
    events = coder("Uzbekistan shut the main border crossing with Tajikistan on Monday.")
    assert ("SANCTION", ("UZB",), ("TJK",)) in triples(events)


def test_urging_both_addresses_the_two_parties(coder: Coder) -> None:
    events = coder(
        "Kyrgyz and Tajik border guards exchanged fire on Sunday, and Tajikistan accused "
        "Kyrgyzstan of starting it. Kazakhstan urged both to show restraint."
    )
    assert ("REQUEST", ("KAZ",), ("KGZ", "TJK")) in triples(events)


# -- statements issued; meetings proposed ---------------------------------------------


def test_a_statement_congratulating_is_the_issuers_support(coder: Coder) -> None:
    events = coder(
        "Serbia and Kosovo signed a transit accord on Monday. Norway issued a statement "
        "congratulating Serbia."
    )
    assert ("SUPPORT", ("NOR",), ("SRB",)) in triples(events)


def test_a_note_describing_strikes_does_not_make_its_sender_the_striker(
    coder: Coder,
) -> None:
    events = coder(
        "Syrian jets bombed villages in Lebanon on Sunday. Lebanon handed Syria's envoy "
        "a protest note describing the strikes as a violation of its sovereignty."
    )
    assert not [e for e in of_type(events, "ASSAULT") if e.actor[0].country_code == "LBN"]


def test_a_meeting_hoped_for_is_an_offer_to_meet(coder: Coder) -> None:
    events = coder(
        "Peru and Chile traded accusations over the border on Monday. Peru's foreign "
        "minister said Peru hoped the two presidents could meet in Lima next month."
    )
    assert ("AGREE", ("CHL", "PER"), ()) in triples(events)
    assert not [e for e in of_type(events, "CONSULT") if e.trigger.text == "meet"]


def test_taking_a_dispute_to_a_council_asks_it_to_act(coder: Coder) -> None:
    events = coder("Gabon said it would take its case to the International Court of Justice.")
    assert ("REQUEST", ("GAB",), ("IGO",)) in triples(events)
