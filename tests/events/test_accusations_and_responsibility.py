"""Accusations and responsibility: inquiries, charges, outrage and blame accuse the doer
of an act, claims of responsibility name the attacker, and a condemnation borrows no
earlier target (sentences written for these tests)."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import only, triples


def test_inquiry_targets_the_doers_of_the_act_it_examines(coder: Coder) -> None:
    events = coder("Ghana opened an inquiry into abuses committed by Togolese soldiers.")
    assert ("ACCUSE", ("GHA",), ("TGO",)) in triples(events)


def test_trailing_charge_accuses_and_claims(coder: Coder) -> None:
    events = coder(
        "Ugandan soldiers beat Kenyan traders at the border, a rights group charged on Friday."
    )
    assault = only(events, "ASSAULT")
    assert [c.code for c in assault.claimed_by] == ["NGO"]
    assert ("ACCUSE", ("NGO",), ("UGA",)) in triples(events)


def test_voicing_outrage_at_an_act_accuses_its_doer(coder: Coder) -> None:
    events = coder("Jordan voiced outrage at Syria's shelling of the border town.")
    assert ("ACCUSE", ("JOR",), ("SYR",)) in triples(events)


def test_condemning_an_act_does_not_borrow_an_earlier_target(coder: Coder) -> None:
    events = coder(
        "Chad condemned Sudan on Monday. The African Union condemned the takeover in Bissau."
    )
    au = [e for e in events if e.event_type == "ACCUSE" and e.actor[0].code.startswith("IGO")]
    assert all(r.country_code != "SDN" for e in au for r in e.recipient)


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
