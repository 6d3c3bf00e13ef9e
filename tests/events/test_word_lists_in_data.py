"""Word lists of the coder's helpers are cues of ``data/cues.yaml``: editing the list
changes the coding. Sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from dotterel.events.coder import EventCoder
from dotterel.events.cues import Cues, load_cues
from dotterel.events.lexicon import load_lexicon
from dotterel.nlp.pipeline import build_nlp
from dotterel.records import Document

Parse = Callable[[str], Doc]


@pytest.fixture(scope="module")
def parse_to_actors() -> Parse:
    nlp = build_nlp(components=("dotterel_dateline", "dotterel_actors", "dotterel_coref"))

    def parse(text: str) -> Doc:
        doc = nlp.make_doc(text)
        doc._.document = Document(doc_id="t", text=text, published="2025-05-20")
        for _, component in nlp.pipeline:
            doc = component(doc)
        return doc

    return parse


def _without(word: str, list_name: str) -> Cues:
    lists = dict(load_cues().lists)
    lists[list_name] = lists[list_name] - {word}
    return Cues(lists)


def test_shipped_cues_hold_the_moved_lists() -> None:
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
