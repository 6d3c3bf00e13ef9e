"""Domestic events coded at sector level: protests, strikes, repression, cyber attacks,
resignations and concessions inside one country (issue 11, after the PLOVER manual).

Sentences are written for these tests; ``data/domestic_stories.jsonl`` holds 42 short
stories hand-coded before the coder was run on them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.events.syntax import sector_words
from dotterel.records import Event
from tests.conftest import Coder
from tests.events.event_shapes import sides

STORIES = Path(__file__).parent / "data" / "domestic_stories.jsonl"


def of_type(events: list[Event], event_type: str) -> list[Event]:
    found = [e for e in events if e.event_type == event_type]
    assert found, [(e.event_type, e.trigger.text) for e in events]
    return found


# -- one-sided domestic acts get their implicit counterpart ----------------------------


@pytest.mark.parametrize(
    ("sentence", "event_type", "actor", "recipient"),
    [
        # a protest with no named target is aimed at the government of the country
        (
            "Thousands of Chilean students marched through Santiago on Thursday.",
            "PROTEST",
            "CHLEDU",
            "CHLGOV",
        ),
        ("Kenyan protesters rallied in Mombasa on Friday.", "PROTEST", "KENCVL", "KENGOV"),
        # a curfew or a shutdown imposed by the state falls on the public
        (
            "Malian authorities imposed a night curfew in Bamako on Sunday.",
            "COERCE",
            "MLIGOV",
            "MLICVL",
        ),
        # a concession is made to the public
        (
            "The Peruvian government lifted the state of emergency in Lima.",
            "CONCEDE",
            "PERGOV",
            "PERCVL",
        ),
    ],
)
def test_one_sided_domestic_act_has_its_counterpart(
    coder: Coder, sentence: str, event_type: str, actor: str, recipient: str
) -> None:
    events = of_type(coder(sentence), event_type)
    assert any(sides(e) == ({actor}, {recipient}) for e in events), [sides(e) for e in events]


def test_named_target_wins_over_the_implicit_one(coder: Coder) -> None:
    event = of_type(coder("Indian police arrested twelve journalists in Srinagar."), "COERCE")[0]
    assert sides(event) == ({"INDCOP"}, {"INDMED"})
    assert "arg:implicit-counterpart" not in event.rules


def test_refused_concession_gets_no_implicit_counterpart(coder: Coder) -> None:
    # "would not lift" is a REJECT, which needs a named target like any other act.
    events = coder("The Egyptian government said it would not lift the ban on the group.")
    assert not any("arg:implicit-counterpart" in e.rules for e in events)


def test_a_state_protest_is_not_aimed_at_its_own_government(coder: Coder) -> None:
    events = coder("The Thai government will protest on Monday, officials said.")
    assert not any(
        e.event_type == "PROTEST" and "arg:implicit-counterpart" in e.rules for e in events
    )


# -- sector words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Spanish dock workers walked off the job on Monday.", "ESPLAB"),
        ("Striking nurses picketed hospitals across Ireland on Tuesday.", "IRLHLH"),
        ("Farmers blocked roads in Belgium with tractors on Monday.", "BELAGR"),
    ],
)
def test_sector_words_code_the_actor(coder: Coder, sentence: str, actor: str) -> None:
    events = of_type(coder(sentence), "PROTEST")
    assert any(actor in sides(e)[0] for e in events), [sides(e) for e in events]


def test_sector_words_include_generated_plurals() -> None:
    words = sector_words()
    assert words["striker"] == words["strikers"] == "LAB"
    assert words["rioters"] == "CVL"
    assert words["nurses"] == "HLH"
    assert "aid group" not in words  # NGO phrases are the actor component's


# -- triggers and their modes ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "event_type", "mode"),
    [
        ("Greek rail workers walked off the job on Tuesday.", "PROTEST", "strike"),
        ("Nigerian unions called a general strike over fuel prices.", "PROTEST", "strike"),
        ("The Iranian government shut down the internet in Tehran.", "COERCE", "withhold"),
        ("Hackers breached the database of the Kenyan tax authority.", "COERCE", "cyber"),
        (
            "A court in Cairo sentenced the activist to five years in prison.",
            "COERCE",
            "arrest",
        ),
        ("Police in Lagos held the journalist in custody for two days.", "COERCE", "arrest"),
        ("Cambodia's Supreme Court dissolved the main opposition party.", "COERCE", "restrict"),
        ("Ghana's president withdrew the tax bill after protests.", "CONCEDE", None),
        ("The Dutch prime minister tendered his resignation on Friday.", "RETREAT", "resign"),
    ],
)
def test_domestic_triggers(coder: Coder, sentence: str, event_type: str, mode: str | None) -> None:
    events = of_type(coder(sentence), event_type)
    assert mode is None or any(e.mode == mode for e in events), [e.mode for e in events]


def test_blocking_by_the_state_is_coercion_by_protesters_a_protest(coder: Coder) -> None:
    censor = coder("Turkey's telecom regulator blocked access to Wikipedia on Saturday.")
    assert [e.mode for e in censor if e.event_type == "COERCE"] == ["censor"]
    assert not [e for e in censor if e.event_type == "PROTEST"]
    protest = coder("Taxi drivers blocked roads in Madrid on Monday.")
    assert [e.mode for e in protest if e.event_type == "PROTEST"] == ["obstruct"]


# -- the hand-coded domestic stories --------------------------------------------------


@pytest.mark.slow
def test_domestic_stories_code_their_main_category(coder: Coder) -> None:
    """The labelled category is among the coded events of most stories (it was 10 of
    42 before the domestic rules; 36 when this test was written)."""
    stories = [json.loads(line) for line in STORIES.read_text().splitlines() if line.strip()]
    hits = sum(
        story["label"] in {e.event_type for e in coder(story["text"], story["published"])}
        for story in stories
    )
    assert hits / len(stories) >= 0.75
