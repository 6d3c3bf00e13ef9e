"""State controls at home and their easing: censorship of the press, party bans, bail,
court rulings and authorised marches (issue 11, PLOVER COERCE, SANCTION and CONCEDE
modes). Sentences are written for these tests."""

from __future__ import annotations

import pytest

from dotterel.records import Event
from tests.conftest import Coder
from tests.events.event_shapes import sides

Coded = list[tuple[str | None, tuple[set[str], set[str]]]]


def coded(events: list[Event], event_type: str) -> Coded:
    return [(e.mode, sides(e)) for e in events if e.event_type == event_type]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ghana's media regulator suspended the private newspaper Accra Mirror for a month.",
        "Ghana's media regulator revoked the licence of private broadcaster Volta TV.",
        "Ghana's media regulator suspended the licence of the broadcaster Volta TV.",
    ],
)
def test_regulator_silencing_the_press_is_censorship(coder: Coder, sentence: str) -> None:
    events = coder(sentence)
    assert [m for m, _ in coded(events, "COERCE")] == ["censor"]
    assert coded(events, "COERCE")[0][1][0] == {"GHAGOV"}


def test_suspended_party_registration_is_a_ban(coder: Coder) -> None:
    events = coder("Ghana's election commission suspended the registration of the Unity Party.")
    assert [m for m, _ in coded(events, "COERCE")] == ["restrict"]


def test_banned_party_activities_are_a_ban(coder: Coder) -> None:
    events = coder("The Ghanaian government banned all activities of the Unity Party.")
    assert [m for m, _ in coded(events, "COERCE")] == ["restrict"]


def test_bail_refused_is_continued_detention(coder: Coder) -> None:
    events = coder("A Ghanaian court refused bail to the detained opposition leader on Monday.")
    assert coded(events, "COERCE") == [("arrest", ({"GHAJUD"}, {"GHAOPP"}))]


def test_court_striking_down_a_decision_sanctions_its_maker(coder: Coder) -> None:
    events = coder("Ghana's Supreme Court struck down the president's decision to delay the vote.")
    assert coded(events, "SANCTION") == [("convict", ({"GHAJUD"}, {"GHAGOV"}))]
    assert "arg:object-owner" in next(e for e in events if e.event_type == "SANCTION").rules


def test_authorised_march_is_a_concession(coder: Coder) -> None:
    events = coder("The Accra regional minister authorised the march on Saturday.")
    assert [s for _, s in coded(events, "CONCEDE")] == [({"GHAGOV"}, {"GHACVL"})]


def test_demand_for_someones_release_is_not_made_of_them(coder: Coder) -> None:
    text = (
        "Ghana's foreign minister condemned the arrest of Ghanaian sailors in Lome "
        "and demanded the sailors' immediate release."
    )
    requests = [e for e in coder(text) if e.event_type == "REQUEST"]
    assert all("arg:object-owner" not in e.rules for e in requests)
