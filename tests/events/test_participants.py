"""Who acts and who is acted on: coordinated modifiers, mediators and parties, the agent
of a passive or a participle, and the party behind a refusal or an appeal (sentences
written for these tests)."""

from __future__ import annotations

import pytest

from tests.conftest import Coder
from tests.events.event_shapes import Triple, triples


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # coordinated nationality modifiers name both sides
        ("Indian and Chinese diplomats met in Geneva on Monday.", ("CONSULT", ("CHN", "IND"), ())),
        # the party of an object a phrase or two down
        ("Norway announced a suspension of air links with Mali.", ("SANCTION", ("NOR",), ("MLI",))),
        ("Japan suspended part of its aid program for Myanmar.", ("SANCTION", ("JPN",), ("MMR",))),
        # mediator and parties all take part in a mediation
        (
            "Oman's sultan launched a mediation effort between Iran and Bahrain.",
            ("CONSULT", ("BHR", "IRN", "OMN"), ()),
        ),
        ("Rebels in Chad rejected an appeal from Sudan to disarm.", ("REJECT", ("TCD",), ("SDN",))),
    ],
)
def test_participants_from_modifiers_objects_and_mediations(
    coder: Coder, sentence: str, expected: Triple
) -> None:
    assert expected in triples(coder(sentence))


def test_participle_after_passive_attack_belongs_to_the_attackers(coder: Coder) -> None:
    events = coder(
        "A market for Somali traders was attacked by Kenyan militiamen, killing nine people."
    )
    assert ("ASSAULT", ("KEN",), ("SOM",)) in triples(events)


def test_reduced_passive_participle_takes_its_by_agent(coder: Coder) -> None:
    events = coder("Mali protested over a Malian trader beaten by Guinean soldiers.")
    assert ("ASSAULT", ("GIN",), ("MLI",)) in triples(events)


def test_participle_modifier_is_said_of_its_noun(coder: Coder) -> None:
    events = coder(
        "Kenya handed over two Somali men suspected of plotting to attack Ethiopian targets."
    )
    assert all(
        a.country_code != "KEN" for e in events if e.event_type == "ASSAULT" for a in e.actor
    )


def test_refusal_drawn_from_someone_is_aimed_at_who_drew_it(coder: Coder) -> None:
    events = coder("Peru demanded talks on Monday, drawing a sharp refusal from Quito.")
    assert ("REJECT", ("ECU",), ("PER",)) in triples(events)


def test_on_behalf_of_names_no_party(coder: Coder) -> None:
    events = coder("Norway negotiated on behalf of the European Union with Iceland.")
    assert all(not r.code or not r.code.startswith("IGO") for e in events for r in e.recipient)
