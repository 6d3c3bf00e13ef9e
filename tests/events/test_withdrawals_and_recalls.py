"""Withdrawals and recalls: who withdraws from where, withdrawn observers and recalled
ambassadors reduce relations with the host, and words that only look like leaving
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.conftest import Coder
from tests.events.event_shapes import Triple, triples


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # withdrawal nouns: who withdraws from where
        (
            "Kenya completed the withdrawal of its troops from Somalia.",
            ("RETREAT", ("KEN",), ("SOM",)),
        ),
        # withdrawing observers reduces relations (CAMEO 1662)
        ("Sweden withdrew its observers from Georgia.", ("SANCTION", ("SWE",), ("GEO",))),
    ],
)
def test_withdrawal_nouns_and_withdrawn_observers(
    coder: Coder, sentence: str, expected: Triple
) -> None:
    assert expected in triples(coder(sentence))


def test_withdrawal_of_forces_from_a_country(coder: Coder) -> None:
    events = coder("Vietnam sped up the withdrawal of some of its forces from Laos on Monday.")
    assert ("RETREAT", ("VNM",), ("LAO",)) in triples(events)


def test_forces_leaving_a_country_retreat_from_it(coder: Coder) -> None:
    events = coder("The last Ethiopian soldiers left Somalia on Tuesday.")
    assert ("RETREAT", ("ETH",), ("SOM",)) in triples(events)


def test_recalling_its_ambassador_targets_the_host_not_the_owner(coder: Coder) -> None:
    events = coder("Peru recalled its ambassador from Quito on Friday.")
    assert ("SANCTION", ("PER",), ("ECU",)) in triples(events)


def test_leaving_people_dead_is_a_toll_not_a_withdrawal(coder: Coder) -> None:
    events = coder("Kenyan troops clashed with Somali militiamen, leaving ten soldiers dead.")
    assert "RETREAT" not in {e.event_type for e in events}


def test_result_of_signing_is_not_a_second_event(coder: Coder) -> None:
    events = coder("Peru and Ecuador signed a peace treaty on Monday, formally ending their war.")
    assert "RETREAT" not in {e.event_type for e in events}
