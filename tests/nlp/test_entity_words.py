"""The entity finder's word lists (``nlp/data/entity_words.yaml``) and the name words it
reads from the actor coder's file (``actors/data/actor_words.yaml``): what each list
makes the finder do, and that each word lives in one file."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dotterel.actors.words import ACTOR_WORDS
from dotterel.nlp.entities import ENTITY_WORDS, name_words
from dotterel.nlp.pipeline import build_nlp
from dotterel.records import Document


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(components=("dotterel_dateline",))


def ents(nlp: Language, text: str, label: str) -> list[str]:
    doc = nlp.make_doc(text)
    doc._.document = Document(doc_id="t", text=text, published="2025-06-04")
    for _, component in nlp.pipeline:
        doc = component(doc)
    return [e.text for e in doc.ents if e.label_ == label]


# -- time words ---------------------------------------------------------------------


def test_a_month_that_is_a_common_word_is_a_date_only_beside_a_number(nlp: Language) -> None:
    assert ents(nlp, "The committee may meet again soon.", "DATE") == []
    assert ents(nlp, "Veterans march through the old town.", "DATE") == []
    assert ents(nlp, "The committee will meet again on May 14.", "DATE") == ["May 14"]
    assert ents(nlp, "The troops left on March 3.", "DATE") == ["March 3"]


def test_a_short_month_name_needs_a_number_but_a_long_one_does_not(nlp: Language) -> None:
    assert ents(nlp, "The delegation may return in June 2026.", "DATE") == ["June 2026"]
    assert ents(nlp, "The delegation may return in June.", "DATE") == []
    assert ents(nlp, "The delegation returned in September.", "DATE") == ["September"]


def test_the_alone_makes_only_the_weekend_a_time_expression(nlp: Language) -> None:
    assert ents(nlp, "Talks collapsed over the weekend after the vote.", "DATE") == ["the weekend"]
    assert ents(nlp, "Talks collapsed during the week after the vote.", "DATE") == []


def test_a_time_expression_grows_over_of_but_does_not_end_with_it(nlp: Language) -> None:
    found = ents(nlp, "Fighting flared again at the end of last year in the valley.", "DATE")
    assert found == ["the end of last year"]
    assert all(not d.endswith((" of", "-")) for d in found)


# -- name words shared with the actor coder ----------------------------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Colonel Ivar Brandt told reporters the convoy had left.", "Ivar Brandt"),
        ("Sergeant Lenna Ostrow was detained at the border.", "Lenna Ostrow"),
        ("Major General Kasimir Ludd said the troops had withdrawn.", "Kasimir Ludd"),
        ("Judge Petra Vallin ordered the release of the activists.", "Petra Vallin"),
        ("President Amara Dosso thanked the donors.", "Amara Dosso"),
    ],
)
def test_ranks_and_titles_of_the_actor_word_lists_are_left_out_of_the_name(
    nlp: Language, text: str, person: str
) -> None:
    assert ents(nlp, text, "PERSON") == [person]


def test_every_title_word_is_in_one_file_only() -> None:
    shared = ACTOR_WORDS["title_words"] | ACTOR_WORDS["military_ranks"]
    assert not ENTITY_WORDS["name_titles"] & shared
    assert shared <= name_words().titles


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The court heard Mariana dos Reis in the morning.", "Mariana dos Reis"),
        ("Opposition leader Tomás do Amaral called a strike.", "Tomás do Amaral"),
        ("Police questioned Karim bin Haddad about the attack.", "Karim bin Haddad"),
    ],
)
def test_a_surname_joiner_of_the_actor_word_lists_keeps_the_name_whole(
    nlp: Language, text: str, person: str
) -> None:
    assert ents(nlp, text, "PERSON") == [person]


def test_every_joiner_is_in_one_file_only() -> None:
    assert not ENTITY_WORDS["name_joiners"] & ACTOR_WORDS["surname_joiners"]
    assert ACTOR_WORDS["surname_joiners"] <= name_words().joiners
