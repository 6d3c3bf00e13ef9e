"""Domestic events completed by their context (issue 11): the unnamed other side of a
protest, arrest or concession at home, a state named as a whole acting at home, and
domestic acts told apart by sector when duplicates are merged.

Sentences are written for these tests.
"""

from __future__ import annotations

from dotterel.events.context import domestic_recipients, domestic_states
from dotterel.events.merge import merge_key
from dotterel.records import Entity, Event, Span
from tests.conftest import Coder
from tests.events.event_shapes import of_type, sides


def test_protest_by_lawyers_with_no_target_is_aimed_at_the_government(coder: Coder) -> None:
    events = of_type(coder("Tunisian lawyers joined a sit-in on Monday."), "PROTEST")
    assert [sides(e) for e in events] == [({"TUNJUD"}, {"TUNGOV"})]


def test_arrest_by_a_state_named_as_a_whole_is_by_its_government_on_the_public(
    coder: Coder,
) -> None:
    events = of_type(coder("Iran arrests truckers' strike organisers."), "COERCE")
    assert [sides(e) for e in events] == [({"IRNGOV"}, {"IRNCVL"})]


def test_curfew_imposed_by_a_country_is_imposed_by_its_government(coder: Coder) -> None:
    events = of_type(coder("Ecuador imposed a curfew in Imbabura on Sunday."), "COERCE")
    assert [sides(e) for e in events] == [({"ECUGOV"}, {"ECUCVL"})]


def test_two_arrests_in_one_country_of_different_people_stay_two_events(
    coder: Coder,
) -> None:
    events = of_type(
        coder(
            "Georgian police arrested the opposition leader. "
            "Georgian police also arrested two journalists."
        ),
        "COERCE",
    )
    assert sorted(sides(e)[1].pop() for e in events) == ["GEOMED", "GEOOPP"]


def _event(event_type: str, actor: list[Entity], recipient: list[Entity]) -> Event:
    span = Span("x", 0, 1)
    return Event("d", 0, span, span, event_type, actor=actor, recipient=recipient)


def test_state_forces_protesting_get_no_implicit_target() -> None:
    police = Entity("police", 0, 6, code="KENCOP", country="KEN", role="COP")
    event = _event("PROTEST", [police], [])
    domestic_recipients([event])
    assert event.recipient == []


def test_concession_by_unions_is_made_to_the_government() -> None:
    unions = Entity("unions", 0, 6, code="NGALAB", country="NGA", role="LAB")
    event = _event("CONCEDE", [unions], [])
    domestic_recipients([event])
    assert sides(event) == ({"NGALAB"}, {"NGAGOV"})


def test_actors_of_two_countries_get_no_implicit_target() -> None:
    actors = [
        Entity("Kenyan police", 0, 6, code="KENCOP", country="KEN", role="COP"),
        Entity("Ugandan police", 7, 9, code="UGACOP", country="UGA", role="COP"),
    ]
    event = _event("COERCE", actors, [])
    domestic_recipients([event])
    assert event.recipient == []


def test_state_named_as_a_whole_is_its_government() -> None:
    # By name, alias or demonym alone: the modern sets code such sides GOV (565 of the
    # 633 state mentions with a sector), and a demonym with a role word ("Israeli
    # soldiers") is coded by that word, not here.
    iran = Entity("Iran", 0, 4, code="IRN", country="IRN", why="dict")
    israeli = Entity("Israeli", 5, 11, code="ISR", country="ISR", why="dict")
    event = _event("COERCE", [iran], [israeli])
    domestic_states([event])
    assert sides(event) == ({"IRNGOV"}, {"ISRGOV"})


def test_state_with_a_sector_keeps_it() -> None:
    army = Entity("Israeli soldiers", 0, 16, code="ISRMIL", country="ISR", role="MIL", why="dict")
    uae = Entity("UAE", 17, 20, code="ARE", country="ARE", why="dict")
    event = _event("ACCUSE", [army], [uae])
    domestic_states([event])
    assert sides(event) == ({"ISRMIL"}, {"AREGOV"})


def test_un_request_to_a_country_is_made_to_its_government(coder: Coder) -> None:
    events = of_type(
        coder("The Inter-American Commission on Human Rights urged Peru to respect rights."),
        "REQUEST",
    )
    assert [sides(e) for e in events] == [({"IGO"}, {"PERGOV"})]


def test_merge_key_tells_domestic_sides_apart_by_sector_only_at_home() -> None:
    police = Entity("police", 0, 6, code="GEOCOP", country="GEO", role="COP")
    opposition = Entity("leader", 7, 9, code="GEOOPP", country="GEO", role="OPP")
    press = Entity("journalists", 7, 9, code="GEOJRN", country="GEO", role="JRN")
    assert merge_key(_event("COERCE", [police], [opposition])) != merge_key(
        _event("COERCE", [police], [press])
    )
    russia = Entity("Russia", 0, 6, code="RUS", country="RUS")
    army = Entity("army", 0, 6, code="UKRMIL", country="UKR", role="MIL")
    troops = Entity("troops", 0, 6, code="UKRGOV", country="UKR", role="GOV")
    assert merge_key(_event("ASSAULT", [russia], [army])) == merge_key(
        _event("ASSAULT", [russia], [troops])
    )
