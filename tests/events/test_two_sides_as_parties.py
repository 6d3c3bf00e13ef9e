"""The two sides of a story as event participants: states coded as governments, and a
third party's unordered act with both sides is one act with each (sentences written for
these tests)."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import of_type


def test_both_sides_are_the_governments_of_the_two_states(coder: Coder) -> None:
    events = coder(
        "Ghanaian troops fired on Togolese border posts on Monday. Togo accused Ghana "
        "of aggression. Nigeria urged both sides to show restraint."
    )
    (request,) = [e for e in of_type(events, "REQUEST") if e.actor[0].country_code == "NGA"]
    assert sorted((r.country_code, r.role, r.code) for r in request.recipient) == [
        ("GHA", "GOV", "GHAGOV"),
        ("TGO", "GOV", "TGOGOV"),
    ]


def test_a_call_with_both_leaders_is_no_meeting_between_them(coder: Coder) -> None:
    events = coder(
        "Ghanaian troops fired on Togolese border posts on Monday. Togo accused Ghana "
        "of aggression. Ghana rejected the accusation. Nigeria's foreign minister spoke "
        "by telephone with both leaders on Tuesday."
    )
    consult = of_type(events, "CONSULT")
    pairs = {
        frozenset({a.country_code for a in e.actor} | {r.country_code for r in e.recipient})
        for e in consult
    }
    assert frozenset({"NGA", "GHA"}) in pairs and frozenset({"NGA", "TGO"}) in pairs
    assert all(len(e.recipient) == 1 for e in consult)


def test_the_acts_split_per_side_keep_ids_of_their_own(coder: Coder) -> None:
    events = coder(
        "Ghanaian troops fired on Togolese border posts on Monday. Togo accused Ghana "
        "of aggression. Ghana rejected the accusation. Nigeria's foreign minister spoke "
        "by telephone with both leaders on Tuesday."
    )
    consult = of_type(events, "CONSULT")
    assert len(consult) == 2
    # The store keys events on their ids: two sides sharing one id would lose one.
    assert len({e.event_id for e in consult}) == 2
    assert len({e.event_id for e in events}) == len(events)
