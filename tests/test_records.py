"""Records survive ``to_dict``/``from_dict`` and JSON without loss and fit the schema."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from dotterel.records import (
    FACTUALITY_VALUES,
    PLOVER_TYPES,
    Document,
    Entity,
    Event,
    Location,
    Span,
)
from dotterel.schema import load_event_schema

VALIDATOR = jsonschema.Draft202012Validator(load_event_schema())

text = st.text(max_size=30)
maybe_text = st.none() | text
offset = st.integers(min_value=0, max_value=10_000)
code = st.none() | st.from_regex(r"[A-Z]{3}([A-Z]{3})?", fullmatch=True)
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
date = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")

spans = st.builds(Span, text=text, start=offset, end=offset)
entities = st.builds(
    Entity,
    text=text,
    start=offset,
    end=offset,
    code=code,
    country=code,
    role=maybe_text,
    canonical=maybe_text,
    why=maybe_text,
)
locations = st.builds(
    Location,
    name=text,
    country=code,
    lat=st.none() | st.floats(min_value=-90, max_value=90),
    lon=st.none() | st.floats(min_value=-180, max_value=180),
    source=maybe_text,
)
documents = st.builds(
    Document,
    doc_id=st.text(min_size=1, max_size=20),
    text=st.text(max_size=200),
    title=maybe_text,
    published=st.none() | date,
    outlet=maybe_text,
    url=maybe_text,
    language=st.sampled_from(["en", "de"]),
    source=maybe_text,
)
events = st.builds(
    Event,
    doc_id=st.text(min_size=1, max_size=20),
    sentence_index=st.integers(min_value=0, max_value=500),
    evidence=spans,
    trigger=spans,
    event_type=st.sampled_from(PLOVER_TYPES),
    mode=maybe_text,
    contexts=st.lists(text, max_size=3),
    cameo=st.none() | st.from_regex(r"[0-9]{2,4}", fullmatch=True),
    goldstein=st.none() | st.floats(min_value=-10, max_value=10),
    plover_score=st.none() | finite,
    quad_class=st.none() | st.integers(min_value=1, max_value=4),
    actor=st.lists(entities, max_size=3),
    recipient=st.lists(entities, max_size=3),
    factuality=st.sampled_from(FACTUALITY_VALUES),
    claimed_by=st.lists(entities, max_size=2),
    denied_by=st.lists(entities, max_size=2),
    event_date=st.none() | date,
    date_precision=st.sampled_from([None, "day", "week", "month", "year"]),
    date_source=st.sampled_from([None, "clause", "reporting_clause", "dateline", "published"]),
    location=st.none() | locations,
    confidence=st.floats(min_value=0, max_value=1),
    rules=st.lists(text, max_size=3),
    cues=st.lists(text, max_size=3),
    mentions=st.lists(spans, max_size=2),
)


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
