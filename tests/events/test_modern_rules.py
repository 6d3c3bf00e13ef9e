"""Coding rules found on modern international web news, on sentences written for these
tests (never taken from the evaluation sets)."""

from __future__ import annotations

from dotterel.records import Event
from tests.conftest import Coder
from tests.events.event_shapes import of_type


def triples(events: list[Event]) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {
        (
            e.event_type,
            tuple(sorted({a.country_code or "?" for a in e.actor})),
            tuple(sorted({r.country_code or "?" for r in e.recipient})),
        )
        for e in events
    }


# -- offers to bring parties together ----------------------------------------------


def test_an_offer_to_host_talks_is_made_to_the_parties(coder: Coder) -> None:
    events = coder("Norway offered to host talks between Ethiopia and Eritrea in Oslo.")
    assert ("AGREE", ("NOR",), ("ERI", "ETH")) in triples(events)


def test_offered_talks_are_not_a_meeting_that_took_place(coder: Coder) -> None:
    events = coder("Norway offered to host talks between Peru and Chile in Oslo.")
    assert not of_type(events, "CONSULT")
    agree = of_type(events, "AGREE")
    assert agree and {r.country_code for r in agree[0].recipient} == {"PER", "CHL"}


def test_talks_held_are_still_a_meeting(coder: Coder) -> None:
    events = coder("Peru and Chile held talks in Oslo on Monday.")
    assert ("CONSULT", ("CHL", "PER"), ()) in triples(events)


# -- announced reactions are threats -----------------------------------------------


def test_would_respond_is_a_threat_made(coder: Coder) -> None:
    events = coder("Kenya's foreign ministry said Kenya would respond to Uganda's provocation.")
    threats = of_type(events, "THREATEN")
    assert [(t.actor[0].country_code, t.recipient[0].country_code) for t in threats] == [
        ("KEN", "UGA")
    ]
    assert threats[0].factuality == "actual"


def test_would_act_if_is_a_conditional_threat(coder: Coder) -> None:
    events = coder("Chile's president said Chile would act if Peru moved troops to the border.")
    assert ("THREATEN", ("CHL",), ("PER",)) in triples(events)


def test_resolute_countermeasures_are_a_threat(coder: Coder) -> None:
    events = coder(
        "Vietnam's foreign ministry said Laos was stirring up trouble and warned that "
        "Hanoi would take resolute countermeasures."
    )
    assert ("THREATEN", ("VNM",), ("LAO",)) in triples(events)


def test_ordinary_measures_are_no_threat(coder: Coder) -> None:
    events = coder("Kenya's government said it would take measures to help farmers.")
    assert not of_type(events, "THREATEN")


def test_an_attack_met_with_a_crushing_response_threatens_the_attacker(coder: Coder) -> None:
    events = coder("Armenia said any attack by Azerbaijan would be met with a crushing response.")
    assert ("THREATEN", ("ARM",), ("AZE",)) in triples(events)


def test_a_reaction_already_made_is_no_threat(coder: Coder) -> None:
    events = coder("Egypt responded to the proposal from Sudan on Monday.")
    assert not of_type(events, "THREATEN")


def test_the_source_of_the_sentence_is_not_the_one_threatened(coder: Coder) -> None:
    events = coder("The army would respond if attacked again, Kenya said.")
    assert not [t for t in of_type(events, "THREATEN") if t.recipient]


# -- condemnations of an act told paragraphs before --------------------------------


def test_condemning_strikes_far_back_accuses_their_doer(coder: Coder) -> None:
    events = coder(
        "Turkish jets struck targets in northern Syria on Monday.\n\n"
        "Residents said the bombing lasted two hours.\n\n"
        "Aid groups said roads were closed.\n\n"
        "Schools in the area stayed shut on Tuesday.\n\n"
        "Prices of bread doubled in local markets.\n\n"
        "Syria's foreign ministry condemned the strikes."
    )
    assert ("ACCUSE", ("SYR",), ("TUR",)) in triples(events)


# -- "not A or B" negates both ----------------------------------------------------


def test_an_act_joined_by_or_to_a_negated_one_is_negated(coder: Coder) -> None:
    events = coder("Kenya said it would not expel Uganda's envoy or close its embassy in Kampala.")
    sanctions = of_type(events, "SANCTION")
    assert sanctions and all(e.factuality == "negated" for e in sanctions)


def test_an_act_joined_by_and_keeps_its_own_status(coder: Coder) -> None:
    events = coder("Kenya expelled Uganda's envoy and closed its embassy in Kampala.")
    assert all(e.factuality == "actual" for e in of_type(events, "SANCTION"))


# -- concern over an act is disapproval (PLOVER ACCUSE) ---------------------------


def test_expressed_concern_over_an_act_accuses_its_doer(coder: Coder) -> None:
    events = coder("Germany's foreign ministry expressed serious concern over Turkey's actions.")
    assert ("ACCUSE", ("DEU",), ("TUR",)) in triples(events)


def test_concerns_conveyed_to_a_government_accuse_it(coder: Coder) -> None:
    events = coder("Seoul conveyed its concerns to Tokyo through diplomatic channels.")
    assert ("ACCUSE", ("KOR",), ("JPN",)) in triples(events)


def test_an_act_raising_concerns_accuses_no_one(coder: Coder) -> None:
    events = coder("Chinese troops arrived in Laos, raising concerns among the neighbours.")
    assert not of_type(events, "ACCUSE")


# -- welcoming "the step" ----------------------------------------------------------


def test_welcoming_the_step_supports_those_who_took_it(coder: Coder) -> None:
    events = coder(
        "Ethiopia and Eritrea agreed on Monday to reopen their border. Kenya welcomed the step."
    )
    assert ("SUPPORT", ("KEN",), ("ERI", "ETH")) in triples(events)


def test_welcoming_a_step_with_nothing_before_names_no_one(coder: Coder) -> None:
    events = coder("Kenya welcomed the step.")
    assert not [e for e in of_type(events, "SUPPORT") if e.recipient]


# -- "both sides" are the story's two main parties --------------------------------


def test_urging_both_sides_is_a_request_to_the_two_parties(coder: Coder) -> None:
    events = coder(
        "Ethiopian troops shelled Eritrean positions on Monday. Eritrea accused Ethiopia "
        "of aggression. Kenya urged both sides to show restraint."
    )
    assert ("REQUEST", ("KEN",), ("ERI", "ETH")) in triples(events)


def test_an_offer_of_talks_between_the_two_governments_goes_to_both(coder: Coder) -> None:
    events = coder(
        "Peru accused Chile of moving troops to the border. Chile rejected the claim. "
        "Brazil offered to host talks between the two governments in Brasilia."
    )
    # One offer to each party (the modern sets' convention), not an AGREE CHL–PER too.
    assert ("AGREE", ("BRA",), ("CHL",)) in triples(events)
    assert ("AGREE", ("BRA",), ("PER",)) in triples(events)
    assert ("AGREE", ("BRA",), ("CHL", "PER")) not in triples(events)


def test_both_sides_with_no_story_before_stay_unknown(coder: Coder) -> None:
    events = coder("Kenya urged both sides to show restraint.")
    assert not [e for e in events if {r.country_code for r in e.recipient} - {None}]


# -- a refusal stated is a rejection (PLOVER REJECT) -------------------------------


def test_would_not_extradite_is_a_rejection(coder: Coder) -> None:
    events = coder("Serbia's government said it would not extradite the suspects to Croatia.")
    reject = of_type(events, "REJECT")
    assert ("REJECT", ("SRB",), ("HRV",)) in triples(events)
    assert reject[0].factuality == "actual"


def test_will_never_negotiate_is_a_rejection(coder: Coder) -> None:
    events = coder("Ghana said it will never negotiate with Togo over the border.")
    assert ("REJECT", ("GHA",), ("TGO",)) in triples(events)


def test_an_act_reported_as_not_done_is_negated_not_rejected(coder: Coder) -> None:
    events = coder("Norway did not send weapons to Ukraine last year.")
    assert not of_type(events, "REJECT")
    assert all(e.factuality == "negated" for e in of_type(events, "AID"))


# -- announced aid is promised aid --------------------------------------------------


def test_announced_aid_package_is_a_promise(coder: Coder) -> None:
    events = coder("Japan's foreign minister announced a new aid package for Sudan on Monday.")
    assert ("AGREE", ("JPN",), ("SDN",)) in triples(events)
    assert not of_type(events, "AID")


def test_delivered_aid_is_still_aid(coder: Coder) -> None:
    events = coder("Norway delivered an aid package to Sudan on Monday.")
    assert ("AID", ("NOR",), ("SDN",)) in triples(events)


# -- shows of force -------------------------------------------------------------------


def test_a_test_fired_missile_is_a_show_of_force(coder: Coder) -> None:
    events = coder("Pakistan test-fired a ballistic missile on Tuesday.")
    assert ("MOBILIZE", ("PAK",), ()) in triples(events)


def test_drills_launched_around_an_island_are_aimed_at_it(coder: Coder) -> None:
    events = coder("China's navy launched large-scale drills around Taiwan on Monday.")
    assert ("MOBILIZE", ("CHN",), ("TWN",)) in triples(events)


def test_launching_an_attack_is_still_an_attack(coder: Coder) -> None:
    events = coder("Egypt launched an attack on Sudan on Monday.")
    assert ("ASSAULT", ("EGY",), ("SDN",)) in triples(events)


# -- verbs joined by "and" share their object --------------------------------------


def test_verbs_joined_by_and_share_the_last_ones_object(coder: Coder) -> None:
    events = coder("France condemned and sanctioned Iran on Monday.")
    assert {("ACCUSE", ("FRA",), ("IRN",)), ("SANCTION", ("FRA",), ("IRN",))} <= triples(events)


def test_a_verb_with_its_own_object_keeps_it(coder: Coder) -> None:
    events = coder("Chile recalled its ambassador from Lima and expelled Bolivia's envoy.")
    assert ("SANCTION", ("CHL",), ("PER",)) in triples(events)
    assert ("SANCTION", ("CHL",), ("BOL", "PER")) not in triples(events)


def test_both_sides_of_a_domestic_story_are_not_two_states(coder: Coder) -> None:
    events = coder(
        "Peru's police arrested protest leaders in Lima on Monday. Peru's government "
        "accused Bolivia of funding the protests. The United States urged calm. "
        "Peru's bishops offered to mediate between the two sides."
    )
    assert not [e for e in events if "arg:both-sides" in e.rules]
