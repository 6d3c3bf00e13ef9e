"""The cue lists that decide factuality, claims and denials."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from dotterel.errors import DictionaryError
from dotterel.events.coder import EventCoder
from dotterel.events.cues import CUE_LISTS, Cues, load_cues, parse_cues
from dotterel.events.lexicon import load_lexicon
from dotterel.nlp.pipeline import build_nlp
from dotterel.records import Document


def test_every_cue_list_is_present_and_lower_case() -> None:
    cues = load_cues()
    for name in CUE_LISTS:
        words = getattr(cues, name)
        assert words, name
        assert all(word == word.lower() for word in words), name


def test_reporting_and_denial_verbs_are_kept_apart() -> None:
    cues = load_cues()
    assert {"say", "announce", "allege", "confirm"} <= cues.reporting_verbs
    assert {"deny", "dismiss", "refute"} <= cues.denial_verbs
    assert not cues.reporting_verbs & {"deny", "dismiss", "refute"}


def test_status_cues_cover_the_common_wordings() -> None:
    cues = load_cues()
    assert {"will", "shall"} <= cues.future_auxiliaries
    assert {"could", "might", "may"} <= cues.hypothetical_auxiliaries
    assert {"set", "expect", "plan"} <= cues.future_governors
    assert {"refuse", "fail", "decline"} <= cues.negating_governors
    assert {"upcoming", "imminent"} <= cues.future_modifiers
    assert "potential" in cues.hypothetical_modifiers
    assert "if" in cues.conditional_marks


def test_relation_nouns_need_a_verb() -> None:
    cues = load_cues()
    assert {"treaty", "agreement", "cooperation", "partnership"} <= cues.nominal_needs_verb
    assert "attack" not in cues.nominal_needs_verb


def test_a_missing_list_is_a_dictionary_error_naming_the_file() -> None:
    with pytest.raises(DictionaryError, match="my-cues.yaml") as caught:
        parse_cues("reporting_verbs: [say]\n", "my-cues.yaml")
    assert caught.value.code == "DOT200"


def test_invalid_yaml_is_a_dictionary_error() -> None:
    with pytest.raises(DictionaryError, match="not valid YAML"):
        parse_cues("reporting_verbs: [say\n", "broken.yaml")


# -- argument words: the coder reads them from the cues it is given ------------------


Parse = Callable[[str], Doc]


@pytest.fixture(scope="module")
def parse_to_actors() -> Parse:
    """The real pipeline up to the event coder (dateline, actors, coreference)."""
    nlp = build_nlp(components=("dotterel_dateline", "dotterel_actors", "dotterel_coref"))

    def parse(text: str) -> Doc:
        doc = nlp.make_doc(text)
        doc._.document = Document(doc_id="t", text=text, published="2025-03-04")
        for _, component in nlp.pipeline:
            doc = component(doc)
        return doc

    return parse


def _without(word: str, list_name: str) -> Cues:
    shipped = load_cues()
    lists = dict(shipped.lists)
    lists[list_name] = lists[list_name] - {word}
    return Cues(lists)


def test_crowd_words_decide_what_damage_is_a_riot(parse_to_actors: Parse) -> None:
    text = "Rioters torched government buildings in Nairobi on Monday."
    shipped = EventCoder(load_lexicon(), load_cues())(parse_to_actors(text))._.events
    assert ("PROTEST", "riot") in {(e.event_type, e.mode) for e in shipped}
    edited = EventCoder(load_lexicon(), _without("rioters", "crowd_words"))
    events = edited(parse_to_actors(text))._.events
    assert "riot" not in {e.mode for e in events}


def test_recipient_prepositions_decide_who_an_act_is_aimed_at(parse_to_actors: Parse) -> None:
    text = "Ghana protested to Togo over the border closure."
    shipped = EventCoder(load_lexicon(), load_cues())(parse_to_actors(text))._.events
    assert any(r.country_code == "TGO" for e in shipped for r in e.recipient)
    edited = EventCoder(load_lexicon(), _without("to", "recipient_preps"))
    events = edited(parse_to_actors(text))._.events
    assert not any(r.country_code == "TGO" for e in events for r in e.recipient)


def test_shipped_cues_hold_the_sector_envoy_and_governor_lists() -> None:
    cues = load_cues()
    assert "official" in cues.vague_sector_words
    assert "envoy" in cues.envoy_words
    assert "resume" in cues.actual_infinitive_governors


def test_an_infinitive_under_an_actual_governor_happened(parse_to_actors: Parse) -> None:
    text = "Police in Lima proceeded to arrest the protest leaders on Sunday."
    shipped = EventCoder(load_lexicon(), load_cues())(parse_to_actors(text))._.events
    assert "actual" in {e.factuality for e in shipped}
    edited = EventCoder(load_lexicon(), _without("proceed", "actual_infinitive_governors"))
    events = edited(parse_to_actors(text))._.events
    assert "actual" not in {e.factuality for e in events}
