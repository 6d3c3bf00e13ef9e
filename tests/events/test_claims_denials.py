"""Denials: a denied gerund or a denied claim's own clause is denied by the denier, and
the claim noun's owner claims it (sentences written for these tests)."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import only


def test_denied_gerund_is_denied_by_the_subject(coder: Coder) -> None:
    events = coder("The Eritrean army denied sending troops into Sudan.")
    aid = only(events, "AID")
    assert [d.country_code for d in aid.denied_by] == ["ERI"]


def test_denied_reports_deny_the_clause_they_report(coder: Coder) -> None:
    events = coder(
        "Somalia's foreign minister denied reports in Kenyan media that Mogadishu was "
        "preparing to expel Kenyan diplomats."
    )
    (event,) = [e for e in events if {r.country_code for r in e.recipient} == {"KEN"}]
    assert [d.country_code for d in event.denied_by] == ["SOM"]
    assert [c.country_code for c in event.claimed_by] == ["KEN"]


def test_rejected_claims_deny_the_clause_not_earlier_events(coder: Coder) -> None:
    events = coder(
        "Tanzanian officials said delegations from Uganda and Kenya had met in Arusha. "
        "Uganda rejected claims that it had supplied weapons to rebels in Congo."
    )
    meeting = only(events, "CONSULT")
    assert meeting.denied_by == []
    aid = only(events, "AID")
    assert [d.country_code for d in aid.denied_by] == ["UGA"]


def test_act_given_only_inside_a_denial_is_negated(coder: Coder) -> None:
    events = coder("Ethiopia denied that its forces shelled Eritrean villages on Monday.")
    assault = only(events, "ASSAULT")
    assert assault.factuality == "negated"
    assert [d.country_code for d in assault.denied_by] == ["ETH"]


def test_claimed_act_that_is_denied_stays_actual_with_claimant_and_denier(coder: Coder) -> None:
    events = coder(
        "Eritrea accused Ethiopia of shelling its villages. "
        "Ethiopia denied that its forces shelled Eritrean villages on Monday."
    )
    assault = only(events, "ASSAULT")
    assert assault.factuality == "actual"
    assert [c.country_code for c in assault.claimed_by] == ["ERI"]
    assert [d.country_code for d in assault.denied_by] == ["ETH"]


def test_denial_answering_an_accusation_of_the_doer_keeps_the_act(coder: Coder) -> None:
    events = coder(
        "Malawi lodged a protest with Zambia on Monday. "
        "The Zambian army denied that its soldiers had shelled Malawian villages."
    )
    assault = only(events, "ASSAULT")
    assert assault.factuality == "actual"
    assert [d.country_code for d in assault.denied_by] == ["ZMB"]


def test_denied_accusation_is_the_one_told_before_not_a_new_act(coder: Coder) -> None:
    events = coder(
        "Somalia on Saturday rejected Kenyan accusations that it was arming militants. "
        "Kenya on Friday accused Somalia of arming militants."
    )
    accusations = [e for e in events if e.event_type == "ACCUSE"]
    assert len(accusations) == 1
    assert accusations[0].trigger.text == "accused"


def test_a_charge_denied_denies_the_act_charged_not_the_accusation(coder: Coder) -> None:
    events = coder(
        "Chad accused Sudan of arming rebels along the border, a charge Khartoum denies."
    )
    accusation = only(events, "ACCUSE")
    assert accusation.denied_by == []


def test_no_one_denies_what_they_claim(coder: Coder) -> None:
    events = coder(
        "Nepal's army said Indian soldiers had fired on a Nepali patrol near the border. "
        "Nepal's foreign ministry rejected the reports of a ceasefire."
    )
    assault = only(events, "ASSAULT")
    assert assault.denied_by == []
