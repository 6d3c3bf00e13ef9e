"""A sentence whose subject is the actor in focus takes the day of the sentence before it,
though it opens with something else: a pronoun subject after an opening phrase, a
definite description repeating the previous sentence's subject, and a day given by a
relative clause on the previous sentence's subject.

Every sentence here is made up for the test (none comes from a gold file).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from dotterel.records import Event
from dotterel.time import component

from .placed_events import code_in_order

PUB = "2025-03-13"  # a Thursday
# The lead names Monday: without a rule, undated acts of the body take that day.
LEAD = "Bolivia recalls envoy\nBolivia recalled its ambassador from Santiago on Monday.\n\n"


def _code(nlp: Language, text: str, word: str, event_type: str) -> Event:
    (event,) = code_in_order(nlp, text, [(word, event_type, None, "actual")], PUB)
    return event


def _day(event: Event) -> tuple[str | None, str | None]:
    return event.event_date, event.date_source


def test_a_pronoun_subject_after_an_opening_phrase_continues_the_day(nlp: Language) -> None:
    text = LEAD + (
        "Chile's foreign minister rejected the protest on Wednesday. "
        "Speaking in Valparaiso, she accused Bolivia of stalling the border talks."
    )
    assert _day(_code(nlp, text, "accused", "ACCUSE")) == ("2025-03-12", "lead")
    text = LEAD + (
        "Chile's foreign ministry rejected the protest on Wednesday. "
        "In a statement posted online, it accused Bolivia of stalling the border talks."
    )
    assert _day(_code(nlp, text, "accused", "ACCUSE")) == ("2025-03-12", "lead")


def test_a_definite_description_picks_up_the_previous_subjects_day(nlp: Language) -> None:
    text = LEAD + (
        "Smugglers fired on a customs post near Colchane, the interior ministry said on "
        "Wednesday. The ministry blamed a Bolivian gang for the shooting."
    )
    assert _day(_code(nlp, text, "blamed", "ACCUSE")) == ("2025-03-12", "lead")


def test_a_description_with_another_head_is_no_continuation(nlp: Language) -> None:
    text = LEAD + (
        "Smugglers fired on a customs post near Colchane, the interior ministry said on "
        "Wednesday. The government blamed a Bolivian gang for the shooting."
    )
    assert _day(_code(nlp, text, "blamed", "ACCUSE")) == ("2025-03-10", "lead")


def test_a_relative_clause_on_the_previous_subject_dates_the_continuation(
    nlp: Language,
) -> None:
    text = LEAD + (
        "The Chilean president, who flew to Arica on Wednesday, dismissed the recall. "
        '"We have nothing to apologise for," she told reporters. '
        "She accused Bolivia of stirring up the dispute before its election."
    )
    assert _day(_code(nlp, text, "accused", "ACCUSE")) == ("2025-03-12", "lead")


def test_a_speakers_report_of_its_own_act_takes_the_announcement_day(nlp: Language) -> None:
    # Another deed of the story is named on Tuesday; the agency's own act is dated by the
    # day it announced it, not moved back to that day.
    text = LEAD + (
        "Floods cut the road to Oruro on Tuesday. "
        "The Red Cross said on Wednesday that it had sent 40 volunteers to the area."
    )
    assert _day(_code(nlp, text, "sent", "AID")) == ("2025-03-12", "reporting_clause")
    text = LEAD + (
        "Floods cut the road to Oruro on Tuesday. "
        "The minister said on Wednesday that his government had asked Peru for pumps."
    )
    assert _day(_code(nlp, text, "asked", "REQUEST")) == ("2025-03-12", "reporting_clause")


def test_a_third_partys_past_perfect_still_takes_the_earlier_day(nlp: Language) -> None:
    text = LEAD + (
        "The raid took place on Tuesday near Pisiga. "
        "The army said on Wednesday that smugglers had attacked a patrol."
    )
    assert _day(_code(nlp, text, "attacked", "ASSAULT")) == ("2025-03-11", "reporting_clause")


def test_a_confirmed_act_keeps_the_day_the_story_names_for_it(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = LEAD + (
        "Bolivian soldiers stopped a Chilean truck near Pisiga on Tuesday. "
        "The army confirmed on Wednesday that it had seized the truck."
    )
    assert _day(_code(nlp, text, "seized", "COERCE")) == ("2025-03-11", "reporting_clause")
    # Read as the speaker's own report, it would take the day of the confirmation.
    monkeypatch.setattr(component, "_CONFIRMING", frozenset())
    assert _day(_code(nlp, text, "seized", "COERCE")) == ("2025-03-12", "reporting_clause")
