"""Places from the text itself: the story place, clause locatives and back-references.

Each test is a golden text -> place pair for one pattern kind; the events are built by
hand so that only the places stage is judged.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from .conftest import located, make_event

Run = Callable[..., Doc]


def _story(doc: Doc) -> tuple[str, str | None] | None:
    place = doc._.story_setting.place
    return (place.name, place.country) if place is not None else None


# -- the story place ------------------------------------------------------------------


def test_story_place_from_the_lead(run: Run) -> None:
    text = (
        "Clashes spread in border region\n"
        "Soldiers and rebels fought in the town of Goma on Tuesday. The fighting "
        "continued overnight."
    )
    doc = run(text, [])
    assert _story(doc) == ("Goma", "COD")


def test_story_place_from_the_headline_when_the_lead_names_none(run: Run) -> None:
    text = (
        "Car bomb kills two soldiers in Baghdad\n"
        "A car bomb exploded near a military convoy on Tuesday, killing two soldiers."
    )
    doc = run(text, [])
    assert _story(doc) == ("Baghdad", "IRQ")


def test_countries_acting_in_the_lead_are_not_the_story_place(run: Run) -> None:
    text = (
        "China, Pakistan sign economic agreements\n"
        "China and Pakistan signed three agreements on Monday. China will provide "
        "grant aid to Pakistan."
    )
    doc = run(text, [])
    assert _story(doc) is None


def test_ambassador_to_a_country_is_not_a_setting(run: Run) -> None:
    text = "Saudi Arabia recalls envoy\nSaudi Arabia has recalled its ambassador to Denmark."
    doc = run(text, [])
    assert _story(doc) is None


def test_a_meeting_venue_in_the_lead_is_flagged(run: Run) -> None:
    text = (
        "Leaders end talks without deal\n"
        "Two days of talks between the presidents ended at a chateau near Paris on Saturday."
    )
    doc = run(text, [])
    assert _story(doc) == ("Paris", "FRA")
    assert doc._.story_setting.venue is True


def test_a_rally_is_not_a_meeting_venue(run: Run) -> None:
    text = "Thousands rally in Nairobi\nThousands of people rallied in Nairobi on Tuesday."
    doc = run(text, [])
    assert _story(doc) == ("Nairobi", "KEN")
    assert doc._.story_setting.venue is False


# -- "here" and "the city" ------------------------------------------------------------


def test_here_refers_to_the_story_place(run: Run) -> None:
    text = (
        "Protests in Manila\n"
        "Thousands of people marched in Manila on Friday. Police arrested ten "
        "protesters here on Saturday."
    )
    doc = run(text, [make_event(text, "arrested", "COERCE")])
    assert located(doc) == [("Manila", "PHL", "story")]


def test_here_refers_to_the_dateline_when_there_is_one(run: Run) -> None:
    text = "The two ministers held talks here on Monday."
    doc = run(text, [make_event(text, "talks", "CONSULT")], dateline="BEIJING")
    assert located(doc) == [("Beijing", "CHN", "dateline")]


def test_the_city_refers_to_the_story_place(run: Run) -> None:
    text = (
        "Unrest in Nairobi\n"
        "Protesters gathered in Nairobi on Tuesday. Police fired tear gas at crowds "
        "in the city."
    )
    doc = run(text, [make_event(text, "fired", "COERCE")])
    assert located(doc) == [("Nairobi", "KEN", "story")]


def test_here_without_a_story_place_or_dateline_stays_empty(run: Run) -> None:
    text = "The two ministers held talks here on Monday."
    doc = run(text, [make_event(text, "talks", "CONSULT")])
    assert located(doc) == [None]


# -- clause locatives -----------------------------------------------------------------


def test_province_of_a_name(run: Run) -> None:
    text = "Government forces shelled positions in the rebel-held province of Idlib."
    doc = run(text, [make_event(text, "shelled", "ASSAULT")])
    assert located(doc) == [("Idlib", "SYR", "clause")]


def test_direction_of_a_place(run: Run) -> None:
    text = "Israeli tanks fired shells east of Jabalia refugee camp on Sunday."
    doc = run(text, [make_event(text, "fired", "ASSAULT")])
    assert [(c, s) for _n, c, s in located(doc)] == [("PSE", "clause")]


def test_a_region_with_a_direction_word(run: Run) -> None:
    text = "Israeli aircraft struck targets in northern Gaza Strip overnight."
    doc = run(text, [make_event(text, "struck", "ASSAULT")])
    assert located(doc) == [("Gaza Strip", "PSE", "clause")]


def test_told_reporters_in_a_city_locates_the_statement(run: Run) -> None:
    text = "The minister told reporters in Baghdad that Iran must stop arming militias."
    doc = run(text, [make_event(text, "stop", "REQUEST")])
    assert located(doc) == [("Baghdad", "IRQ", "reporting_clause")]


def test_an_attack_is_located_at_its_target(run: Run) -> None:
    text = "Russian forces shelled Kharkiv on Tuesday."
    doc = run(text, [make_event(text, "shelled", "ASSAULT")])
    assert located(doc) == [("Kharkiv", "UKR", "clause")]


def test_a_country_as_an_attack_target_is_a_party_not_a_place(run: Run) -> None:
    text = "Hackers attacked Estonia last spring."
    doc = run(text, [make_event(text, "attacked", "ASSAULT")])
    assert located(doc) == [None]


def test_a_withdrawal_is_located_where_it_leaves_from(run: Run) -> None:
    text = "Rwanda completed the withdrawal of its troops from the Democratic Republic of Congo."
    doc = run(text, [make_event(text, "completed", "RETREAT")])
    assert [(c, s) for _n, c, s in located(doc)] == [("COD", "clause")]


def test_crossing_into_a_country(run: Run) -> None:
    text = "About 600 soldiers crossed into Lesotho early Tuesday."
    doc = run(text, [make_event(text, "crossed", "MOBILIZE")])
    assert located(doc) == [("Lesotho", "LSO", "clause")]


def test_a_meeting_at_its_venue(run: Run) -> None:
    text = "The two leaders met at the White House on Monday."
    doc = run(text, [make_event(text, "met", "CONSULT")])
    assert located(doc) == [("White House", "USA", "clause")]


def test_a_place_inside_what_is_discussed_is_a_topic_not_a_setting(run: Run) -> None:
    text = "Ministers meet\nThe ministers discussed the conflict in Ukraine on Monday."
    doc = run(text, [])
    assert _story(doc) is None


def test_a_headline_kept_apart_from_the_text_gives_the_story_place(nlp) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    text = "Gunmen killed at least twelve mourners on Saturday, officials said."
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "dotterel_places":
            doc._.events = []
            doc._.dateline = None
            doc._.actors = []
            doc._.document = SimpleNamespace(title="Terrorist attacks in Iraq", published=None)
        doc = proc(doc)
    assert _story(doc) == ("Iraq", "IRQ")
