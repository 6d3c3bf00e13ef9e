"""Which event type the wording picks: joint manoeuvres against a show of force, one
agreement or protest for one act, conditional and refused promises, and killings with
nobody to code (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.conftest import Coder
from tests.events.event_shapes import Triple, only, triples


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # joint manoeuvres are cooperation, single-state ones a show of force
        ("Spain held joint exercises with Morocco last week.", ("COOPERATE", ("ESP",), ("MAR",))),
        ("Iran began five days of naval drills near Oman.", ("MOBILIZE", ("IRN",), ("OMN",))),
    ],
)
def test_joint_exercises_cooperate_and_drills_mobilize(
    coder: Coder, sentence: str, expected: Triple
) -> None:
    assert expected in triples(coder(sentence))


def test_agreed_manoeuvres_are_one_agreement(coder: Coder) -> None:
    events = coder("Peru and Chile agreed to hold joint naval exercises next year.")
    assert [e.event_type for e in events] == ["AGREE"]


def test_purpose_protest_is_the_same_protest(coder: Coder) -> None:
    events = coder("French farmers blocked a motorway to protest against German imports.")
    assert [e.event_type for e in events] == ["PROTEST"]


def test_conditional_promise_of_aid_is_an_agreement(coder: Coder) -> None:
    events = coder("Denmark is ready to send medical supplies to Chad if the fighting spreads.")
    agree = only(events, "AGREE")
    assert agree.factuality == "future"


def test_opposing_a_proposal_rejects_it_but_opposing_a_move_disapproves(coder: Coder) -> None:
    assert ("REJECT", ("GRC",), ("TUR",)) in triples(
        coder("Greece is opposed to a Turkish proposal on the islands.")
    )


def test_saying_never_to_agree_is_a_rejection(coder: Coder) -> None:
    events = coder("Georgia said it would never agree to Russian bases on its soil.")
    reject = only(events, "REJECT")
    assert reject.factuality == "actual"


def test_agentless_killing_of_unnamed_people_alone_is_not_kept(coder: Coder) -> None:
    assert "ASSAULT" not in {e.event_type for e in coder("A bomb killed nine people on Monday.")}
