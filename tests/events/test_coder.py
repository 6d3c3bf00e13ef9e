"""Event coding rules, one family at a time, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dotterel.records import Event
from tests.conftest import Coder


def triples(events: list[Event]) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {
        (
            e.event_type,
            tuple(sorted({a.country_code or "?" for a in e.actor})),
            tuple(sorted({r.country_code or "?" for r in e.recipient})),
        )
        for e in events
    }


def only(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger.text) for e in events]
    return found[0]


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


# -- session 2 rules: coordination, content, objects, places ----------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # coordinated nationality modifiers name both sides
        ("Indian and Chinese diplomats met in Geneva on Monday.", ("CONSULT", ("CHN", "IND"), ())),
        # joint manoeuvres are cooperation, single-state ones a show of force
        ("Spain held joint exercises with Morocco last week.", ("COOPERATE", ("ESP",), ("MAR",))),
        ("Iran began five days of naval drills near Oman.", ("MOBILIZE", ("IRN",), ("OMN",))),
        # the party of an object a phrase or two down
        ("Norway announced a suspension of air links with Mali.", ("SANCTION", ("NOR",), ("MLI",))),
        ("Japan suspended part of its aid program for Myanmar.", ("SANCTION", ("JPN",), ("MMR",))),
        # withdrawal nouns: who withdraws from where
        (
            "Kenya completed the withdrawal of its troops from Somalia.",
            ("RETREAT", ("KEN",), ("SOM",)),
        ),
        # inquiries target the doers of the act they examine
        (
            "Ghana opened an inquiry into abuses committed by Togolese soldiers.",
            ("ACCUSE", ("GHA",), ("TGO",)),
        ),
        # mediator and parties all take part in a mediation
        (
            "Oman's sultan launched a mediation effort between Iran and Bahrain.",
            ("CONSULT", ("BHR", "IRN", "OMN"), ()),
        ),
        # alerts in a territory are aimed at it
        ("Turkish troops remained on alert in northern Syria.", ("MOBILIZE", ("TUR",), ("SYR",))),
        # a concession made in a territory is made to it
        ("Indonesia lifted the curfew in East Timor on Friday.", ("CONCEDE", ("IDN",), ("TLS",))),
        # withdrawing observers reduces relations (CAMEO 1662)
        ("Sweden withdrew its observers from Georgia.", ("SANCTION", ("SWE",), ("GEO",))),
        ("Rebels in Chad rejected an appeal from Sudan to disarm.", ("REJECT", ("TCD",), ("SDN",))),
    ],
)
def test_argument_rules_added_in_session_two(
    coder: Coder, sentence: str, expected: tuple[str, tuple[str, ...], tuple[str, ...]]
) -> None:
    assert expected in triples(coder(sentence))


def test_agreed_manoeuvres_are_one_agreement(coder: Coder) -> None:
    events = coder("Peru and Chile agreed to hold joint naval exercises next year.")
    assert [e.event_type for e in events] == ["AGREE"]


def test_purpose_protest_is_the_same_protest(coder: Coder) -> None:
    events = coder("French farmers blocked a motorway to protest against German imports.")
    assert [e.event_type for e in events] == ["PROTEST"]


def test_owned_forces_stationed_abroad_keep_their_owner(coder: Coder) -> None:
    events = coder("Syria has reinforced its troops in Lebanon, officials said.")
    assert ("MOBILIZE", ("SYR",), ("LBN",)) in triples(events)


def test_ethnic_minority_is_coded_where_it_lives(coder: Coder) -> None:
    events = coder("Police killed two ethnic Hungarians in clashes in northern Serbia on Sunday.")
    assault = only(events, "ASSAULT")
    assert {r.country_code for r in assault.recipient} == {"SRB"}


def test_participle_after_passive_attack_belongs_to_the_attackers(coder: Coder) -> None:
    events = coder(
        "A market for Somali traders was attacked by Kenyan militiamen, killing nine people."
    )
    assert ("ASSAULT", ("KEN",), ("SOM",)) in triples(events)


def test_conditional_promise_of_aid_is_an_agreement(coder: Coder) -> None:
    events = coder("Denmark is ready to send medical supplies to Chad if the fighting spreads.")
    agree = only(events, "AGREE")
    assert agree.factuality == "future"


def test_opposing_a_proposal_rejects_it_but_opposing_a_move_disapproves(coder: Coder) -> None:
    assert ("REJECT", ("GRC",), ("TUR",)) in triples(
        coder("Greece is opposed to a Turkish proposal on the islands.")
    )


def test_bloc_names_are_not_target_places(coder: Coder) -> None:
    events = coder("Sudan lifted the state of emergency in West Darfur on Monday.")
    assert all(r.country_code != "WST" for e in events for r in e.recipient)


def test_act_in_defiance_of_someone_is_aimed_at_them(coder: Coder) -> None:
    events = coder(
        "Thousands of Burmese students blocked roads in Rangoon in defiance of the Thai government."
    )
    assert ("PROTEST", ("MMR",), ("THA",)) in triples(events)


def test_withdrawal_of_forces_from_a_country(coder: Coder) -> None:
    events = coder("Vietnam sped up the withdrawal of some of its forces from Laos on Monday.")
    assert ("RETREAT", ("VNM",), ("LAO",)) in triples(events)


def test_trailing_charge_accuses_and_claims(coder: Coder) -> None:
    events = coder(
        "Ugandan soldiers beat Kenyan traders at the border, a rights group charged on Friday."
    )
    assault = only(events, "ASSAULT")
    assert [c.code for c in assault.claimed_by] == ["NGO"]
    assert ("ACCUSE", ("NGO",), ("UGA",)) in triples(events)


def test_unknown_person_acting_is_placed_by_the_story(coder: Coder) -> None:
    events = coder("In Chile, Judge Mario Fuentes opened an inquiry into Peruvian smugglers.")
    assert ("ACCUSE", ("CHL",), ("PER",)) in triples(events)


def test_forces_leaving_a_country_retreat_from_it(coder: Coder) -> None:
    events = coder("The last Ethiopian soldiers left Somalia on Tuesday.")
    assert ("RETREAT", ("ETH",), ("SOM",)) in triples(events)


def test_forces_from_listed_states_arriving_are_military_aid(coder: Coder) -> None:
    events = coder("Troops from Ghana, Nigeria and Senegal arrived in Liberia on Monday.")
    assert ("AID", ("GHA", "NGA", "SEN"), ("LBR",)) in triples(events)


def test_refusal_drawn_from_someone_is_aimed_at_who_drew_it(coder: Coder) -> None:
    events = coder("Peru demanded talks on Monday, drawing a sharp refusal from Quito.")
    assert ("REJECT", ("ECU",), ("PER",)) in triples(events)


def test_attack_outside_embassies_targets_their_states(coder: Coder) -> None:
    events = coder("Gunmen opened fire outside the French and Dutch embassies in Nairobi.")
    targets = {r.country_code for e in events if e.event_type == "ASSAULT" for r in e.recipient}
    assert targets >= {"FRA", "NLD"}


def test_saying_never_to_agree_is_a_rejection(coder: Coder) -> None:
    events = coder("Georgia said it would never agree to Russian bases on its soil.")
    reject = only(events, "REJECT")
    assert reject.factuality == "actual"


def test_participle_modifier_is_said_of_its_noun(coder: Coder) -> None:
    events = coder(
        "Kenya handed over two Somali men suspected of plotting to attack Ethiopian targets."
    )
    assert all(
        a.country_code != "KEN" for e in events if e.event_type == "ASSAULT" for a in e.actor
    )


def test_condemning_an_act_does_not_borrow_an_earlier_target(coder: Coder) -> None:
    events = coder(
        "Chad condemned Sudan on Monday. The African Union condemned the takeover in Bissau."
    )
    au = [e for e in events if e.event_type == "ACCUSE" and e.actor[0].code.startswith("IGO")]
    assert all(r.country_code != "SDN" for e in au for r in e.recipient)


def test_on_behalf_of_names_no_party(coder: Coder) -> None:
    events = coder("Norway negotiated on behalf of the European Union with Iceland.")
    assert all(not r.code or not r.code.startswith("IGO") for e in events for r in e.recipient)


def test_leaving_people_dead_is_a_toll_not_a_withdrawal(coder: Coder) -> None:
    events = coder("Kenyan troops clashed with Somali militiamen, leaving ten soldiers dead.")
    assert "RETREAT" not in {e.event_type for e in events}


def test_recalling_its_ambassador_targets_the_host_not_the_owner(coder: Coder) -> None:
    events = coder("Peru recalled its ambassador from Quito on Friday.")
    assert ("SANCTION", ("PER",), ("ECU",)) in triples(events)


def test_reduced_passive_participle_takes_its_by_agent(coder: Coder) -> None:
    events = coder("Mali protested over a Malian trader beaten by Guinean soldiers.")
    assert ("ASSAULT", ("GIN",), ("MLI",)) in triples(events)


def test_military_aid_planes_landing_at_an_airbase(coder: Coder) -> None:
    events = coder("Two Kuwaiti military planes carrying tents landed at Kabul's airport.")
    assert ("AID", ("KWT",), ("AFG",)) in triples(events)


def test_voicing_outrage_at_an_act_accuses_its_doer(coder: Coder) -> None:
    events = coder("Jordan voiced outrage at Syria's shelling of the border town.")
    assert ("ACCUSE", ("JOR",), ("SYR",)) in triples(events)


def test_result_of_signing_is_not_a_second_event(coder: Coder) -> None:
    events = coder("Peru and Ecuador signed a peace treaty on Monday, formally ending their war.")
    assert "RETREAT" not in {e.event_type for e in events}


def test_claim_of_responsibility_names_the_attacker(coder: Coder) -> None:
    events = coder(
        "A car bomb exploded near a US convoy in Mosul on Monday, killing three American "
        "soldiers. Al-Qaeda claimed responsibility for the attack."
    )
    assault = only(events, "ASSAULT")
    assert assault.actor[0].code.startswith("IMG")


def test_blame_for_an_attack_is_the_accusers_claim(coder: Coder) -> None:
    events = coder(
        "A bombing killed twelve people at a market in Peshawar on Friday. "
        "Pakistan blamed al-Qaeda for the bombing."
    )
    assault = only(events, "ASSAULT")
    assert assault.actor[0].code.startswith("IMG")
    assert [c.country_code for c in assault.claimed_by] == ["PAK"]


def test_agentless_killing_of_unnamed_people_alone_is_not_kept(coder: Coder) -> None:
    assert "ASSAULT" not in {e.event_type for e in coder("A bomb killed nine people on Monday.")}
