"""Event coding rules, one family at a time, on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import Coder
from tests.events.event_shapes import only, triples

# -- trigger lexicon: verbs, object patterns, nouns ------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Egypt condemned Israel on Monday.", ("ACCUSE", ("EGY",), ("ISR",))),
        ("Japan sent troops to Iraq in 2004.", ("AID", ("JPN",), ("IRQ",))),
        ("Germany imposed sanctions on Syria.", ("SANCTION", ("DEU",), ("SYR",))),
        ("Pakistani troops attacked Indian positions.", ("ASSAULT", ("PAK",), ("IND",))),
        ("Brazil urged Venezuela to free the prisoners.", ("REQUEST", ("BRA",), ("VEN",))),
        ("Kenya threatened Somalia with sanctions.", ("THREATEN", ("KEN",), ("SOM",))),
        ("Chile and Peru signed a trade agreement.", ("SUPPORT", ("CHL", "PER"), ())),
        ("Vietnam rejected a proposal from Cambodia.", ("REJECT", ("VNM",), ("KHM",))),
    ],
)
def test_verb_triggers_code_category_and_direction(
    coder: Coder, sentence: str, expected: tuple[str, tuple[str, ...], tuple[str, ...]]
) -> None:
    assert expected in triples(coder(sentence))


def test_object_pattern_decides_the_category(coder: Coder) -> None:
    events = coder("Canada lifted sanctions on Libya.")
    assert {e.event_type for e in events} & {"RETREAT", "CONCEDE"}
    assert "SANCTION" not in {e.event_type for e in events}


def test_nominal_trigger_with_possessor_and_target(coder: Coder) -> None:
    events = coder("The Turkish attack on Syrian towns drew criticism.")
    assault = only(events, "ASSAULT")
    assert assault.actor[0].country_code == "TUR"
    assert assault.recipient[0].country_code == "SYR"
    assert any(rule.startswith("noun:") for rule in assault.rules)


def test_relation_nouns_alone_are_not_events(coder: Coder) -> None:
    events = coder("The partnership between Norway and Sweden is old.")
    assert events == []


# -- argument patterns -----------------------------------------------------------


def test_passive_with_agent_puts_the_agent_first(coder: Coder) -> None:
    event = only(coder("Georgia was attacked by Russia in 2008."), "ASSAULT")
    assert [a.country_code for a in event.actor] == ["RUS"]
    assert [r.country_code for r in event.recipient] == ["GEO"]


def test_compound_actors_expand_to_every_conjunct(coder: Coder) -> None:
    event = only(coder("France, Italy and Spain condemned Iran."), "ACCUSE")
    assert {a.country_code for a in event.actor} == {"FRA", "ITA", "ESP"}


def test_gerund_of_an_accusation_takes_the_accused_as_actor(coder: Coder) -> None:
    events = coder("Belarus has been accused of supplying Russia with fuel.")
    aid = only(events, "AID")
    assert [a.country_code for a in aid.actor] == ["BLR"]
    assert [r.country_code for r in aid.recipient] == ["RUS"]


def test_participants_of_a_passive_agreement_come_from_between(coder: Coder) -> None:
    events = coder("A treaty between Ghana and Togo will be signed next week.")
    agree = only(events, "AGREE")
    assert {a.country_code for a in agree.actor + agree.recipient} == {"GHA", "TGO"}


def test_offer_takes_the_recipient_of_what_is_offered(coder: Coder) -> None:
    event = only(coder("Qatar offered to send aid to Sudan."), "AGREE")
    assert [r.country_code for r in event.recipient] == ["SDN"]


# -- factuality cues -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "event_type", "factuality"),
    [
        ("Poland attacked Belarus.", "ASSAULT", "actual"),
        ("Poland did not attack Belarus.", "ASSAULT", "negated"),
        ("Poland never attacked Belarus.", "ASSAULT", "negated"),
        ("Poland failed to attack Belarus.", "ASSAULT", "negated"),
        ("Poland could attack Belarus.", "ASSAULT", "hypothetical"),
        ("If talks fail, Poland could attack Belarus.", "ASSAULT", "hypothetical"),
        ("Poland may deploy troops near Belarus.", "MOBILIZE", "hypothetical"),
        ("Poland will deploy troops near Belarus.", "MOBILIZE", "future"),
        ("Poland is expected to deploy troops near Belarus.", "MOBILIZE", "future"),
    ],
)
def test_factuality_cues(coder: Coder, sentence: str, event_type: str, factuality: str) -> None:
    assert only(coder(sentence), event_type).factuality == factuality


def test_announced_coercion_is_a_threat_that_happened(coder: Coder) -> None:
    event = only(coder("Poland will attack Belarus."), "THREATEN")
    assert event.factuality == "actual"
    assert any(cue.startswith("plover:future-assault-is-threaten") for cue in event.cues)


def test_refusing_to_cooperate_is_a_rejection(coder: Coder) -> None:
    event = only(coder("Poland refused to meet Belarus."), "REJECT")
    assert [r.country_code for r in event.recipient] == ["BLR"]
    event = only(coder("Poland failed to sign the treaty with Belarus."), "REJECT")
    assert event.factuality == "actual"


def test_promised_cooperation_is_agree(coder: Coder) -> None:
    event = only(coder("Chile and Peru are set to sign a trade agreement."), "AGREE")
    assert event.factuality == "future"
    assert "SUPPORT" not in {e.event_type for e in coder("Chile and Peru will sign a pact.")}


def test_headline_infinitive_is_future(coder: Coder) -> None:
    event = only(coder("Chile, Peru to sign trade pact"), "AGREE")
    assert event.factuality == "future"


# -- claims and denials ----------------------------------------------------------


def test_reporting_verb_sets_the_claimant(coder: Coder) -> None:
    event = only(coder("Syrian officials said Turkey shelled Aleppo."), "ASSAULT")
    assert {c.country_code for c in event.claimed_by} == {"SYR"}


def test_according_to_sets_the_claimant(coder: Coder) -> None:
    event = only(coder("Ethiopia attacked Eritrea, according to Kenya."), "ASSAULT")
    assert {c.country_code for c in event.claimed_by} == {"KEN"}


def test_narrator_voice_has_no_claimant(coder: Coder) -> None:
    event = only(coder("Egypt condemned Israel on Monday."), "ACCUSE")
    assert event.claimed_by == []


def test_allegation_keeps_the_act_and_the_accuser(coder: Coder) -> None:
    events = coder("Ukraine alleged that Belarusian troops entered Russia.")
    aid = only(events, "AID")
    assert [a.country_code for a in aid.actor] == ["BLR"]
    assert {c.country_code for c in aid.claimed_by} == {"UKR"}


def test_denial_of_such_allegations_links_by_participant(coder: Coder) -> None:
    text = (
        "Washington accused Venezuela of sending weapons to Cuba. "
        "Separately, Brazil criticised Chile. Venezuela denied the allegations."
    )
    events = coder(text)
    aid = only(events, "AID")
    assert {d.country_code for d in aid.denied_by} == {"VEN"}
    criticism = [e for e in events if e.actor and e.actor[0].country_code == "BRA"]
    assert all(not e.denied_by for e in criticism)


def test_denial_is_not_an_event(coder: Coder) -> None:
    events = coder("Venezuela denied the allegations.")
    assert events == []


# -- one event per act per document ----------------------------------------------


def test_repeated_mentions_merge_into_one_record(coder: Coder) -> None:
    text = "Mali attacked Niger on Friday. The army said Mali attacked Niger near the border."
    assault = only(coder(text), "ASSAULT")
    assert len(assault.mentions) == 2


def test_every_event_explains_itself(coder: Coder) -> None:
    event = only(coder("Egypt condemned Israel on Monday."), "ACCUSE")
    assert "verb:condemn" in event.rules
    assert "arg:nsubj" in event.rules
    assert event.cameo and event.goldstein is not None and event.quad_class == 3


# -- context: datelines and bare role words -------------------------------------


def test_dateline_agency_is_not_the_subject(coder: Coder) -> None:
    event = only(
        coder("BEIJING, April 7 (AFP) - Chinese troops attacked Vietnamese posts."), "ASSAULT"
    )
    assert [a.country_code for a in event.actor] == ["CHN"]
    assert event.location is not None and event.location.country == "CHN"


def test_bare_role_words_take_the_country_of_the_place(coder: Coder) -> None:
    event = only(coder("Police arrested opposition activists in Harare on Monday."), "COERCE")
    assert [(a.code, a.why) for a in event.actor] == [("ZWECOP", "agent:placed-by-context")]


def test_unnamed_attackers_of_foreigners_are_coded_to_the_place(coder: Coder) -> None:
    event = only(coder("Two French soldiers were killed in Kabul on Sunday."), "ASSAULT")
    assert [a.country_code for a in event.actor] == ["AFG"]
    assert [r.country_code for r in event.recipient] == ["FRA"]


def test_the_state_where_an_untargeted_act_happens_is_its_target(coder: Coder) -> None:
    event = only(coder("Hamas threatened to resume attacks in Israel."), "THREATEN")
    assert [r.country_code for r in event.recipient] == ["ISR"]
    assert "arg:place-as-target" in event.rules


def test_an_object_under_a_particle_is_found(coder: Coder) -> None:
    event = only(coder("Afghan rebels kidnapped up to 16 Russian advisers."), "ASSAULT")
    assert [r.country_code for r in event.recipient] == ["RUS"]


def test_referential_it_after_be_takes_its_antecedent(coder: Coder) -> None:
    event = only(coder("Syria says it is willing to withdraw its troops from Lebanon."), "AGREE")
    assert [a.country_code for a in event.actor] == ["SYR"]
    assert [r.country_code for r in event.recipient] == ["LBN"]


def test_an_act_named_again_takes_its_actor_as_recipient(coder: Coder) -> None:
    text = (
        "Indian troops raided a Pakistani village on Tuesday. Pakistan condemned the raid. "
        "Nepal arrested two Chinese traders. China demanded their release."
    )
    events = coder(text)
    accuse = only(events, "ACCUSE")
    assert [r.country_code for r in accuse.recipient] == ["IND"]
    assert "arg:event-anaphor" in accuse.rules
    request = only(events, "REQUEST")
    assert [r.country_code for r in request.recipient] == ["NPL"]


def test_negated_carrier_verb_negates_the_noun(coder: Coder) -> None:
    event = only(coder("Japan will not resume food aid to Laos."), "AID")
    assert event.factuality == "negated"


def test_own_forces_sent_are_not_the_recipient(coder: Coder) -> None:
    events = coder("Pakistan deployed 70,000 troops along the border.")
    assert all(r.country_code != "PAK" for e in events for r in e.recipient)


def test_a_withdrawal_is_from_the_place_it_leaves(coder: Coder) -> None:
    event = only(coder("Syria pulled its troops out of Lebanon on Tuesday."), "RETREAT")
    assert [r.country_code for r in event.recipient] == ["LBN"]
