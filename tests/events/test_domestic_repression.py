"""Repression at home after the PLOVER manual and the modern test set's conventions:
crowd-control weapons, agentless arrests, shutdowns and states of emergency (issue 11).

Sentences are written for these tests.
"""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import of_type, sides

# ---------------------------------------------------------------- crowd control


def test_police_tear_gas_on_protesters_is_coerce_restrict(coder: Coder) -> None:
    events = coder("Police in Chile fired tear gas to disperse hundreds of striking miners.")
    coerced = of_type(events, "COERCE")
    assert coerced and coerced[0].mode == "restrict"
    assert sides(coerced[0])[0] == {"CHLCOP"}
    assert not of_type(events, "ASSAULT")


def test_water_cannon_with_no_named_target_falls_on_the_public(coder: Coder) -> None:
    events = of_type(coder("Police in Peru used water cannon against the marchers."), "COERCE")
    assert [sides(e) for e in events] == [({"PERCOP"}, {"PERCVL"})]


def test_live_ammunition_alongside_tear_gas_is_an_assault(coder: Coder) -> None:
    events = coder("Police in Malawi fired tear gas and live ammunition at protesters in Lilongwe.")
    assaults = of_type(events, "ASSAULT")
    assert assaults and assaults[0].mode == "firearms"
    assert sides(assaults[0]) == ({"MWICOP"}, {"MWICVL"})
    assert not of_type(events, "COERCE")


def test_rubber_bullets_stay_crowd_control(coder: Coder) -> None:
    events = coder("Police in Malawi fired tear gas and rubber bullets at students in Zomba.")
    assert [e.mode for e in of_type(events, "COERCE")] == ["restrict"]


def test_water_cannon_on_another_states_boat_is_an_assault(coder: Coder) -> None:
    events = coder("A Chinese coast guard vessel fired water cannon at a Vietnamese fishing boat.")
    assaults = of_type(events, "ASSAULT")
    assert assaults and assaults[0].mode == "crowd-control"
    assert {e.country_code for e in assaults[0].recipient} == {"VNM"}


# ---------------------------------------------------------------- agentless arrests


def test_arrest_reported_by_the_police_was_made_by_them(coder: Coder) -> None:
    events = of_type(coder("Police in Ghana said 35 people had been arrested in Accra."), "COERCE")
    assert [sides(e) for e in events] == [({"GHACOP"}, {"GHACVL"})]
    assert "arg:reporting-authority" in events[0].rules


def test_arrest_reported_by_a_ministry_was_made_by_the_government(coder: Coder) -> None:
    text = "Twelve students were detained in Bamako overnight, Mali's security ministry said."
    events = of_type(coder(text), "COERCE")
    assert events and sides(events[0])[0] == {"MLIGOV"}


def test_arrest_nobody_official_reports_was_made_by_the_police(coder: Coder) -> None:
    text = "More than 60 people were arrested in Lusaka, according to a Zambian rights group."
    events = of_type(coder(text), "COERCE")
    assert events and sides(events[0])[0] == {"ZMBCOP"}
    assert "arg:implicit-authority" in events[0].rules


def test_arrest_of_nobody_known_is_not_coded(coder: Coder) -> None:
    events = coder("A man was arrested for smuggling cigarettes, a local newspaper reported.")
    assert not of_type(events, "COERCE")


# ---------------------------------------------------------------- population-wide acts


def test_internet_shutdown_has_no_recipient(coder: Coder) -> None:
    text = "The Sudanese government shut down the internet across the country."
    events = of_type(coder(text), "COERCE")
    assert [sides(e) for e in events] == [({"SDNGOV"}, set())]
    assert events[0].mode == "withhold"


def test_declared_state_of_emergency_is_coerce_martial_law(coder: Coder) -> None:
    events = coder("Ecuador's president declared a state of emergency in three provinces.")
    coerced = of_type(events, "COERCE")
    assert [(e.mode, sides(e)) for e in coerced] == [("martial-law", ({"ECUGOV"}, set()))]


def test_state_of_mourning_is_no_coercion(coder: Coder) -> None:
    events = coder("Ecuador's president declared a state of mourning after the floods.")
    assert not of_type(events, "COERCE")


def test_named_target_of_a_cut_off_is_kept(coder: Coder) -> None:
    text = "Russia cut off electricity to the Ukrainian city of Kherson."
    events = of_type(coder(text), "COERCE")
    assert events and {e.country_code for e in events[0].recipient} == {"UKR"}


def test_agentless_shutdown_is_the_governments(coder: Coder) -> None:
    text = "Access to TikTok had been throttled in Cameroon since Friday, a monitoring group said."
    events = of_type(coder(text), "COERCE")
    assert [(e.mode, sides(e)[0]) for e in events] == [("withhold", {"CMRGOV"})]
    # The platform is no actor: the act has no coded recipient.
    assert not [r for r in events[0].recipient if r.code]


def test_shutdown_across_a_country_is_not_aimed_at_it(coder: Coder) -> None:
    text = "The Gabonese authorities shut down internet access across Gabon before the vote."
    events = of_type(coder(text), "COERCE")
    assert [sides(e) for e in events] == [({"GABGOV"}, set())]


def test_restored_internet_is_a_concession(coder: Coder) -> None:
    events = coder("Gabon's authorities restored internet access on Thursday evening.")
    assert of_type(events, "CONCEDE")


# ---------------------------------------------------------------- roads and pickets


def test_police_clearing_pickets_restrict_protesters(coder: Coder) -> None:
    events = of_type(coder("Chilean police cleared pickets set up by striking dockers."), "COERCE")
    assert [(e.mode, sides(e)[0]) for e in events] == [("restrict", {"CHLCOP"})]


def test_state_sealing_roads_restricts_movement(coder: Coder) -> None:
    events = of_type(coder("Kenyan police sealed off roads leading to the stadium."), "COERCE")
    assert [(e.mode, sides(e)) for e in events] == [("restrict", ({"KENCOP"}, {"KENCVL"}))]


def test_protesters_sealing_a_road_obstruct_it(coder: Coder) -> None:
    events = coder("Protesters in Lagos sealed off the main road to the airport.")
    assert [e.mode for e in events if e.event_type == "PROTEST"] == ["obstruct"]
    assert not of_type(events, "COERCE")


def test_clearing_the_way_is_no_event(coder: Coder) -> None:
    assert not coder("The Kenyan government cleared the way for new elections.")
