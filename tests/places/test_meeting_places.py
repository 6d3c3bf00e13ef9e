"""Where meetings, agreements and movements happen when the parser hangs the place on
the other side, the deal or the object (``dotterel.places.component``)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from .conftest import located, make_event

Run = Callable[..., Doc]


def test_a_meeting_place_written_on_the_person_met(run: Run) -> None:
    text = "Iran's foreign minister met the Saudi envoy in Baghdad on Monday."
    doc = run(text, [make_event(text, "met", "CONSULT")])
    assert located(doc) == [("Baghdad", "IRQ", "clause")]


def test_talks_with_a_minister_in_a_city_are_held_there(run: Run) -> None:
    text = "A World Bank mission held talks with Kenya's finance minister in Nairobi on Thursday."
    doc = run(text, [make_event(text, "held", "CONSULT")])
    assert located(doc) == [("Nairobi", "KEN", "clause")]


def test_a_truce_between_two_sides_in_a_city_is_made_there(run: Run) -> None:
    text = "Qatar mediated a truce between the two neighbours in Doha last year."
    doc = run(text, [make_event(text, "mediated", "CONSULT")])
    assert located(doc) == [("Doha", "QAT", "clause")]


def test_the_other_side_of_a_deal_is_not_its_place(run: Run) -> None:
    text = "Egypt signed a gas deal with Israel on Monday."
    doc = run(text, [make_event(text, "signed", "AGREE")])
    assert located(doc) == [None]


def test_an_agreement_to_meet_is_located_at_the_meeting(run: Run) -> None:
    text = "The two presidents agreed to meet in Astana next month."
    doc = run(text, [make_event(text, "agreed", "AGREE")])
    assert located(doc) == [("Astana", "KAZ", "clause")]


def test_a_delegation_led_to_a_city_for_talks(run: Run) -> None:
    text = "The defence minister led a delegation to Nairobi for talks with the army chief."
    doc = run(text, [make_event(text, "talks", "CONSULT")])
    assert located(doc) == [("Nairobi", "KEN", "clause")]


def test_a_capital_the_tagger_takes_for_a_person_is_still_a_place(run: Run) -> None:
    # The small model labels "Hargeisa" PERSON here.
    text = "Officials met in Hargeisa on Monday."
    doc = run(text, [make_event(text, "met", "CONSULT")])
    assert located(doc) == [("Hargeysa", "SOM", "clause")]


def test_the_capital_of_a_country_named_before_it(run: Run) -> None:
    text = "The pact was signed at a ceremony in the Marshall Islands capital on Friday."
    doc = run(text, [make_event(text, "signed", "AGREE")])
    assert [(c, s) for _n, c, s in located(doc)] == [("MHL", "clause")]


def test_a_participle_on_a_noun_does_not_take_the_clauses_destination(run: Run) -> None:
    # The release did not happen in Paris; the flight there came after it.
    text = "The hostages freed by the militants were later flown to Paris."
    doc = run(text, [make_event(text, "freed", "RETREAT")])
    assert located(doc) == [None]


def test_a_march_through_a_city_happens_there(run: Run) -> None:
    text = "Thousands of protesters marched through Nairobi on Saturday."
    doc = run(text, [make_event(text, "marched", "PROTEST")])
    assert located(doc) == [("Nairobi", "KEN", "clause")]


def test_expulsions_through_a_crossing_happen_where_the_crossing_is(run: Run) -> None:
    text = "Turkey deported hundreds of Syrians through a border crossing in Hatay province."
    doc = run(text, [make_event(text, "deported", "COERCE")])
    assert [c for _n, c, _s in located(doc)] == ["TUR"]
