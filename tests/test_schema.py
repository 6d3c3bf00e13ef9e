"""The event JSON Schema accepts real records and rejects broken ones."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dotterel.records import PLOVER_TYPES, Entity, Event, Location, Span
from dotterel.schema import load_event_schema

TEXT = "Ruritania's navy blockaded the port of Zenda on 3 March, officials in Strelsau said."


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = load_event_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def full_event() -> Event:
    return Event(
        doc_id="doc-1",
        sentence_index=0,
        evidence=Span(TEXT, 0, len(TEXT)),
        trigger=Span("blockaded", 17, 26),
        event_type="COERCE",
        mode="blockade",
        contexts=["military"],
        cameo="1724",
        goldstein=-5.0,
        plover_score=-6.5,
        quad_class=4,
        actor=[Entity("Ruritania's navy", 0, 16, "RURMIL", "RUR", "MIL", "Ruritania", "demonym")],
        recipient=[Entity("Zenda", 39, 44, None, None, None, None, None)],
        factuality="actual",
        claimed_by=[Entity("officials in Strelsau", 57, 78, "RURGOV", "RUR", "GOV", None, None)],
        denied_by=[],
        event_date="2024-03-03",
        date_precision="day",
        date_source="clause",
        location=Location("Zenda", "RUR", 50.1, 14.4, "gazetteer"),
        confidence=0.8,
        rules=["coerce.blockade"],
        cues=["said"],
        mentions=[Span("blockaded", 17, 26)],
    )


def test_full_event_validates(validator: jsonschema.Draft202012Validator) -> None:
    validator.validate(full_event().to_dict())


def test_minimal_event_validates(validator: jsonschema.Draft202012Validator) -> None:
    event = Event("d", 2, Span("x", 0, 1), Span("x", 0, 1), "PROTEST")
    validator.validate(event.to_dict())


def test_schema_lists_exactly_the_plover_categories() -> None:
    assert load_event_schema()["properties"]["event_type"]["enum"] == list(PLOVER_TYPES)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("factuality", "alleged"),
        ("event_type", "DISAPPROVE"),
        ("quad_class", 5),
        ("event_date", "3 March 2024"),
        ("date_precision", "decade"),
        ("confidence", 1.5),
        ("sentence_index", -1),
        ("actor", [{"text": "x", "start": 0, "end": 1}]),  # entity fields missing
        ("location", {"name": "Zenda", "country": "RUR", "lat": 95.0, "lon": 0.0, "source": None}),
    ],
)
def test_bad_values_fail_validation(
    validator: jsonschema.Draft202012Validator, field: str, value: Any
) -> None:
    record = full_event().to_dict()
    record[field] = value
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(record)


def test_unknown_or_missing_top_level_fields_fail(
    validator: jsonschema.Draft202012Validator,
) -> None:
    record = full_event().to_dict()
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(record | {"severity": 3})
    del record["claimed_by"]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(record)


def test_example_record_in_docs_validates(validator: jsonschema.Draft202012Validator) -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / "events.md"
    block = re.search(r"```json\n(.*?)```", docs.read_text(encoding="utf-8"), re.S)
    assert block is not None
    record = json.loads(block.group(1))
    validator.validate(record)
    event = Event.from_dict(record)
    assert event.event_id == Event.make_id(event.doc_id, 17, 26, "COERCE")
    text = record["evidence"]["text"]
    for entity in event.actor + event.recipient + event.claimed_by:
        assert text[entity.start : entity.end] == entity.text
