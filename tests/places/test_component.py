"""Event locations: own clause, reporting clause, dateline, never another sentence."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from dotterel.records import Entity

from .conftest import located, make_event

Run = Callable[..., Doc]
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def test_place_in_the_events_own_clause(run: Run) -> None:
    text = "The two foreign ministers met in Geneva on Monday."
    doc = run(text, [make_event(text, "met", "CONSULT")])
    assert located(doc) == [("Geneva", "CHE", "clause")]


def test_destination_of_a_visit(run: Run) -> None:
    text = "The Iranian president will travel to Moscow next month."
    doc = run(text, [make_event(text, "travel", "CONSULT")])
    assert located(doc) == [("Moscow", "RUS", "clause")]


def test_to_after_a_non_movement_is_not_a_location(run: Run) -> None:
    text = "Iran's ambassador to Russia praised the deal."
    doc = run(text, [make_event(text, "praised", "SUPPORT")])
    assert located(doc) == [None]


def test_participle_adjunct_of_the_reporting_verb(run: Run) -> None:
    text = (
        "Speaking at a news conference in Ankara, the minister said the two sides "
        "had agreed to a ceasefire."
    )
    doc = run(text, [make_event(text, "agreed", "AGREE")])
    assert located(doc) == [("Ankara", "TUR", "reporting_clause")]


def test_where_clause_refers_back_to_the_summit_city(run: Run) -> None:
    text = (
        "The pledge came at a summit in Nairobi on Friday, where the president "
        "announced a new aid package."
    )
    doc = run(text, [make_event(text, "package", "AID")])
    assert located(doc) == [("Nairobi", "KEN", "reporting_clause")]


def test_dateline_when_the_sentence_has_no_place(run: Run) -> None:
    text = "Officials signed the agreement on Tuesday."
    doc = run(text, [make_event(text, "signed", "AGREE")], dateline="KYIV")
    assert located(doc) == [("Kyiv", "UKR", "dateline")]


def test_place_of_another_sentence_is_never_used(run: Run) -> None:
    text = "Protesters gathered in Paris on Sunday. The government rejected the demands."
    doc = run(text, [make_event(text, "rejected", "REJECT")])
    assert located(doc) == [None]


def test_actor_place_is_not_its_own_events_location(run: Run) -> None:
    text = "Moscow said it would retaliate."
    actor = Entity(text="Moscow", start=0, end=6, code="RUSGOV", country="RUS")
    event = make_event(text, "retaliate", "THREATEN")
    event.actor = [actor]
    doc = run(text, [event], actors=[actor])
    assert located(doc) == [None]
    assert [p.location.country for p in doc._.places] == ["RUS"]


def test_attack_target_is_the_location(run: Run) -> None:
    text = "The army launched strikes on Kharkiv overnight."
    doc = run(text, [make_event(text, "strikes", "ASSAULT")])
    assert located(doc) == [("Kharkiv", "UKR", "clause")]


def test_meeting_name_locates_the_meeting(run: Run) -> None:
    text = "Leaders met at the Munich Security Conference to discuss aid."
    doc = run(text, [make_event(text, "met", "CONSULT")])
    assert located(doc) == [("Munich", "DEU", "clause")]


def test_us_state_in_the_story_moves_moscow_to_idaho(run: Run) -> None:
    text = "Police in Moscow, Idaho, arrested two men on Friday."
    doc = run(text, [make_event(text, "arrested", "COERCE")])
    assert located(doc) == [("Moscow", "USA", "clause")]


def test_actor_countries_are_context_for_places(run: Run) -> None:
    text = "The mayor of Atlanta criticised the governor. Protests spread across Georgia."
    doc = run(text, [])
    countries = {p.text: p.location.country for p in doc._.places}
    assert countries.get("Georgia") == "USA"
    text = "Tbilisi police dispersed crowds. Protests spread across Georgia."
    doc = run(text, [])
    assert {p.text: p.location.country for p in doc._.places}.get("Georgia") == "GEO"


def test_existing_locations_are_kept(run: Run) -> None:
    text = "The two foreign ministers met in Geneva on Monday."
    event = make_event(text, "met", "CONSULT")
    from dotterel.records import Location

    event.location = Location(name="Vienna", country="AUT", source="clause")
    doc = run(text, [event])
    assert located(doc) == [("Vienna", "AUT", "clause")]


@pytest.mark.skipif(not (SHARED / "gold" / "seed.jsonl").exists(), reason="no shared gold")
def test_seed_treaty_is_located_in_minsk_or_kazan(run: Run) -> None:
    record = json.loads((SHARED / "gold" / "seed.jsonl").read_text("utf-8").splitlines()[0])
    text = record["text"]
    allowed = next(e for e in record["events"] if e["type"] == "AGREE")["locations"]
    events = [
        make_event(text, "treaty", "AGREE", occurrence=0),  # Lavrov at the Minsk conference
        make_event(text, "signing", "AGREE", occurrence=1),  # Putin at the Kazan summit
    ]
    doc = run(text, events)
    got = located(doc)
    assert got[0] == ("Minsk", "BLR", "reporting_clause")
    assert got[1] == ("Kazan", "RUS", "reporting_clause")
    assert all(loc is not None and loc[1] in allowed for loc in got)


def test_a_place_named_as_written_beats_an_alternate_spelling() -> None:
    from dotterel.places.gazetteer import resolve

    found = resolve("Dili")
    assert found is not None and found.country == "TLS"
