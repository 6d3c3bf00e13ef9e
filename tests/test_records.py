"""Records survive ``to_dict``/``from_dict`` and JSON without loss and fit the schema."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from dotterel.records import (
    PLOVER_TYPES,
    Document,
    Entity,
    Event,
    Span,
)
from dotterel.schema import load_event_schema
from tests.strategies import record_strategies

VALIDATOR = jsonschema.Draft202012Validator(load_event_schema())

STRATEGIES = record_strategies()
documents = STRATEGIES.documents
entities = STRATEGIES.entities
events = STRATEGIES.events
offset = st.integers(min_value=0, max_value=10_000)


def through_json(data: dict) -> dict:
    return json.loads(json.dumps(data))


@given(documents)
def test_document_round_trip(document: Document) -> None:
    assert Document.from_dict(document.to_dict()) == document
    assert Document.from_dict(through_json(document.to_dict())) == document


@given(entities)
def test_entity_round_trip(entity: Entity) -> None:
    assert Entity.from_dict(entity.to_dict()) == entity
    assert Entity.from_dict(through_json(entity.to_dict())) == entity


@given(events)
def test_event_round_trip_and_schema(event: Event) -> None:
    assert Event.from_dict(event.to_dict()) == event
    data = through_json(event.to_dict())
    assert Event.from_dict(data) == event
    assert data == event.to_dict()
    VALIDATOR.validate(data)


@given(st.text(min_size=1, max_size=20), offset, offset, st.sampled_from(PLOVER_TYPES))
def test_event_id_is_stable_and_depends_on_type(
    doc_id: str, start: int, end: int, event_type: str
) -> None:
    def make(kind: str, evidence: str = "a") -> Event:
        return Event(doc_id, 0, Span(evidence, 0, 1), Span("t", start, end), kind)

    assert make(event_type).event_id == make(event_type, evidence="other").event_id
    assert make(event_type).event_id.startswith("ev_")
    other = next(t for t in PLOVER_TYPES if t != event_type)
    assert make(other).event_id != make(event_type).event_id


def test_document_hash_ignores_surrounding_whitespace() -> None:
    assert (
        Document("a", "  Tanks rolled in.\n").content_hash
        == Document("b", "Tanks rolled in.").content_hash
    )
