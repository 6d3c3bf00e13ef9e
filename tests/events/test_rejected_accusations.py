"""Rejecting an accusation: a REJECT of the accuser (PLOVER codes the refusal of a
charge as REJECT), while a bare claim or report with no accuser stays only a denial
(sentences written for these tests)."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import only, triples


def test_rejected_criticism_is_reject_of_the_critic(coder: Coder) -> None:
    events = coder(
        "Ghana accused Togo of harbouring smugglers on Monday. "
        "Togo's foreign minister rejected the criticism on Tuesday."
    )
    assert ("REJECT", ("TGO",), ("GHA",)) in triples(events)


def test_dismissed_allegations_are_reject_of_the_accuser(coder: Coder) -> None:
    events = coder(
        "Peru accused Bolivia of arming coca growers. Bolivia dismissed the allegations."
    )
    assert ("REJECT", ("BOL",), ("PER",)) in triples(events)


def test_rejected_reports_stay_a_denial(coder: Coder) -> None:
    events = coder("Uganda rejected reports that it had supplied weapons to rebels in Congo.")
    assert not [e for e in events if e.event_type == "REJECT"]
    aid = only(events, "AID")
    assert [d.country_code for d in aid.denied_by] == ["UGA"]


def test_rejected_charge_answers_a_charge_against_the_rejecter(coder: Coder) -> None:
    events = coder(
        "Chile accused Argentina of arming smugglers. Bolivia criticised Peru over the "
        "dispute. Argentina rejected the charge."
    )
    found = triples(events)
    assert ("REJECT", ("ARG",), ("CHL",)) in found
    assert ("REJECT", ("ARG",), ("BOL",)) not in found
