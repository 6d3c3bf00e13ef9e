"""An event's status sentence: an accuser's claim reads "Alleged by", a source's "According to".

The cue stems that make a claimant an accuser are data (``allegation_cue_stems`` in
``api/http/data/vocabulary.yaml``), read with the rest of the explorer's words.
"""

from __future__ import annotations

from dataclasses import replace

from dotterel.api.http.vocabulary import load_vocabulary, status_words
from dotterel.records import Entity, Event, Span


def claimed_event(cue: str) -> Event:
    span = Span(text="struck", start=0, end=6)
    return Event(
        doc_id="d",
        sentence_index=0,
        evidence=span,
        trigger=span,
        event_type="ASSAULT",
        claimed_by=[Entity(text="Ruritanian police", start=0, end=17, code="RURCOP")],
        cues=[cue],
    )


def test_an_accusing_cue_makes_the_claimant_an_accuser() -> None:
    assert "accus" in load_vocabulary().allegation_stems
    assert status_words(claimed_event("accused")) == "Alleged by Ruritanian police"


def test_a_plain_reporting_cue_names_a_source() -> None:
    assert status_words(claimed_event("said")) == "According to Ruritanian police"


def test_the_stems_come_from_the_vocabulary_passed_in() -> None:
    without = replace(load_vocabulary(), allegation_stems=())
    assert status_words(claimed_event("accused"), without) == "According to Ruritanian police"


def test_the_stems_are_not_served_as_vocabulary_words() -> None:
    assert "allegation_stems" not in load_vocabulary().to_dict()
