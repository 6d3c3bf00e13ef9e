"""Hypothesis strategies for Dotterel's records, shared by the round-trip tests.

:func:`record_strategies` gives schema-valid records by default; the store test widens
offsets and codes to check that storage keeps any value, valid or not.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class RecordStrategies:
    spans: st.SearchStrategy[Span]
    entities: st.SearchStrategy[Entity]
    locations: st.SearchStrategy[Location]
    documents: st.SearchStrategy[Document]
    events: st.SearchStrategy[Event]


def record_strategies(
    *,
    max_offset: int = 10_000,
    any_code: bool = False,
    doc_ids: st.SearchStrategy[str] | None = None,
) -> RecordStrategies:
    """Strategies for every record; ``any_code`` allows codes the schema would refuse,
    ``doc_ids`` fixes the events' document ids (default: any short text)."""
    text = st.text(max_size=30)
    maybe_text = st.none() | text
    offset = st.integers(min_value=0, max_value=max_offset)
    code = (
        maybe_text
        if any_code
        else st.none() | st.from_regex(r"[A-Z]{3}([A-Z]{3})?", fullmatch=True)
    )
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
        doc_id=st.text(min_size=1, max_size=20) if doc_ids is None else doc_ids,
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
    return RecordStrategies(spans, entities, locations, documents, events)
