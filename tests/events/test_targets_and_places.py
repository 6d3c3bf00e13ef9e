"""Places as targets and homes: acts in a territory are aimed at it, forces stationed or
arriving abroad keep their owner, minorities and unknown people are placed by where they
are, and bloc names are no place (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.conftest import Coder
from tests.events.event_shapes import Triple, only, triples


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # alerts in a territory are aimed at it
        ("Turkish troops remained on alert in northern Syria.", ("MOBILIZE", ("TUR",), ("SYR",))),
        # a concession made in a territory is made to it
        ("Indonesia lifted the curfew in East Timor on Friday.", ("CONCEDE", ("IDN",), ("TLS",))),
    ],
)
def test_an_act_in_a_territory_is_aimed_at_it(
    coder: Coder, sentence: str, expected: Triple
) -> None:
    assert expected in triples(coder(sentence))


def test_bloc_names_are_not_target_places(coder: Coder) -> None:
    events = coder("Sudan lifted the state of emergency in West Darfur on Monday.")
    assert all(r.country_code != "WST" for e in events for r in e.recipient)


def test_attack_outside_embassies_targets_their_states(coder: Coder) -> None:
    events = coder("Gunmen opened fire outside the French and Dutch embassies in Nairobi.")
    targets = {r.country_code for e in events if e.event_type == "ASSAULT" for r in e.recipient}
    assert targets >= {"FRA", "NLD"}


def test_act_in_defiance_of_someone_is_aimed_at_them(coder: Coder) -> None:
    events = coder(
        "Thousands of Burmese students blocked roads in Rangoon in defiance of the Thai government."
    )
    assert ("PROTEST", ("MMR",), ("THA",)) in triples(events)


def test_owned_forces_stationed_abroad_keep_their_owner(coder: Coder) -> None:
    events = coder("Syria has reinforced its troops in Lebanon, officials said.")
    assert ("MOBILIZE", ("SYR",), ("LBN",)) in triples(events)


def test_forces_from_listed_states_arriving_are_military_aid(coder: Coder) -> None:
    events = coder("Troops from Ghana, Nigeria and Senegal arrived in Liberia on Monday.")
    assert ("AID", ("GHA", "NGA", "SEN"), ("LBR",)) in triples(events)


def test_military_aid_planes_landing_at_an_airbase(coder: Coder) -> None:
    events = coder("Two Kuwaiti military planes carrying tents landed at Kabul's airport.")
    assert ("AID", ("KWT",), ("AFG",)) in triples(events)


def test_ethnic_minority_is_coded_where_it_lives(coder: Coder) -> None:
    events = coder("Police killed two ethnic Hungarians in clashes in northern Serbia on Sunday.")
    assault = only(events, "ASSAULT")
    assert {r.country_code for r in assault.recipient} == {"SRB"}


def test_unknown_person_acting_is_placed_by_the_story(coder: Coder) -> None:
    events = coder("In Chile, Judge Mario Fuentes opened an inquiry into Peruvian smugglers.")
    assert ("ACCUSE", ("CHL",), ("PER",)) in triples(events)
