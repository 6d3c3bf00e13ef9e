"""``dotterel_entities``: dates and names found by rules, in place of the model's NER."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from dotterel.nlp.entities import ENTITY_WORD_LISTS, ENTITY_WORDS
from dotterel.nlp.pipeline import build_nlp
from dotterel.records import Document, Event


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(components=("dotterel_dateline",))


def ents(nlp: Language, text: str, published: str | None = "2025-06-04") -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    doc._.document = Document(doc_id="t", text=text, published=published)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return [(e.text, e.label_) for e in doc.ents]


def test_the_rules_replace_the_model_ner_and_model_mode_keeps_it() -> None:
    rules = build_nlp(components=("dotterel_dateline",))
    model = build_nlp(components=("dotterel_dateline",), entities="model")
    assert "dotterel_entities" in rules.pipe_names and "ner" not in rules.pipe_names
    assert "ner" in model.pipe_names and "dotterel_entities" not in model.pipe_names
    with pytest.raises(ValueError, match="entities"):
        build_nlp(components=(), entities="statistical")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoy arrived on Wednesday that week.", ["Wednesday"]),
        ("Officials said last year that the road was closed.", ["last year"]),
        ("The talks of March 3, 2025 failed.", ["March 3, 2025"]),
        ("Two days ago the ferry sank.", ["Two days ago"]),
        ("Shelling resumed on Sunday morning near the port.", ["Sunday morning"]),
        ("They met in mid-October to sign it.", ["mid-October"]),
        ("The 1987 accord still stands.", ["1987"]),
        ("The crowd dispersed over the weekend.", ["the weekend"]),
        ("A day later the minister resigned.", ["A day later"]),
    ],
)
def test_time_expressions_become_date_spans(nlp: Language, text: str, expected: list[str]) -> None:
    assert [t for t, label in ents(nlp, text) if label == "DATE"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "You may go now.",  # the modal, not the month
        "Thousands joined the march through the capital.",
        "Police detained 2000 protesters in the square.",  # a count, not a year
    ],
)
def test_words_that_only_look_like_dates_are_not_dates(nlp: Language, text: str) -> None:
    assert [t for t, label in ents(nlp, text) if label == "DATE"] == []


def test_a_weekday_is_a_date_even_without_a_publication_day(nlp: Language) -> None:
    assert ("Tuesday", "DATE") in ents(nlp, "The council voted on Tuesday.", published=None)


def test_names_are_labelled_by_what_they_hold(nlp: Language) -> None:
    found = ents(
        nlp,
        "Foreign Minister Halvard Tennesen told the Inter-American Commission on Human Rights "
        "in Quito that Tennesen would attend the Lisbon Summit on Oceans.",
    )
    assert ("Halvard Tennesen", "PERSON") in found
    assert ("Inter-American Commission on Human Rights", "ORG") in found
    assert ("Quito", "GPE") in found
    assert ("Tennesen", "PERSON") in found  # the surname of a person named before
    assert ("Lisbon Summit on Oceans", "EVENT") in found


def test_groups_demonyms_and_acronyms(nlp: Language) -> None:
    found = ents(nlp, "Kenyan officials said the Islamists had attacked a KDF post.")
    assert ("Kenyan", "NORP") in found
    assert ("Islamists", "NORP") in found
    assert ("KDF", "ORG") in found


def test_two_places_joined_by_and_are_two_names(nlp: Language) -> None:
    found = ents(nlp, "Envoys from Warsaw and Vilnius met on Friday.")
    assert ("Warsaw", "GPE") in found and ("Vilnius", "GPE") in found


def test_the_word_lists_are_all_present_and_lower_case() -> None:
    for name in ENTITY_WORD_LISTS:
        words = ENTITY_WORDS[name]
        assert words, name
        assert all(w == w.lower() for w in words), name


@settings(max_examples=40, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("Tuesday May 2025 March of the 3, -ago")), max_size=60)
)
def test_any_text_gives_entities_inside_one_sentence_without_overlap(
    nlp: Language, text: str
) -> None:
    doc = nlp.make_doc(text)
    doc._.document = Document(doc_id="t", text=text, published="2025-06-04")
    for _, component in nlp.pipeline:
        doc = component(doc)
    spans = list(doc.ents)
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start
    for span in spans:
        assert span.sent.start <= span.start and span.end <= span.sent.end


def test_events_are_dated_and_coded_through_the_rule_entities(coder) -> None:  # type: ignore[no-untyped-def]
    events: list[Event] = coder(
        "Chile recalled its ambassador from Peru on Monday, the foreign ministry said.",
        published="2025-06-04",
    )
    recalls = [e for e in events if e.event_type == "SANCTION"]
    assert recalls and recalls[0].event_date == "2025-06-02"
