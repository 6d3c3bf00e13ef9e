"""Property test: any Event comes back from any store exactly as it went in."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dotterel.records import PLOVER_TYPES, Document, Entity, Event, Location, Span
from dotterel.store import DuckDBStore, EventStore, MemoryStore

text = st.text(max_size=30)
maybe_text = st.none() | text
offsets = st.integers(min_value=0, max_value=2**40)
finite = st.floats(allow_nan=False, allow_infinity=False)
spans = st.builds(Span, text=text, start=offsets, end=offsets)
entities = st.builds(
    Entity,
    text=text,
    start=offsets,
    end=offsets,
    code=maybe_text,
    country=maybe_text,
    role=maybe_text,
    canonical=maybe_text,
    why=maybe_text,
)
locations = st.builds(
    Location,
    name=text,
    country=maybe_text,
    lat=st.none() | finite,
    lon=st.none() | finite,
    source=maybe_text,
)
events = st.builds(
    Event,
    doc_id=st.just("doc"),
    sentence_index=st.integers(min_value=0, max_value=10_000),
    evidence=spans,
    trigger=spans,
    event_type=st.sampled_from(PLOVER_TYPES),
    mode=maybe_text,
    contexts=st.lists(text, max_size=3),
    cameo=maybe_text,
    goldstein=st.none() | finite,
    plover_score=st.none() | finite,
    quad_class=st.none() | st.integers(min_value=0, max_value=4),
    actor=st.lists(entities, max_size=3),
    recipient=st.lists(entities, max_size=2),
    factuality=st.sampled_from(["actual", "future", "hypothetical", "negated"]),
    claimed_by=st.lists(entities, max_size=2),
    denied_by=st.lists(entities, max_size=2),
    event_date=st.none() | st.dates().map(lambda d: d.isoformat()),
    date_precision=st.none() | st.sampled_from(["day", "week", "month", "year"]),
    date_source=maybe_text,
    location=st.none() | locations,
    confidence=finite,
    rules=st.lists(text, max_size=3),
    cues=st.lists(text, max_size=3),
    mentions=st.lists(spans, max_size=2),
    event_id=st.text(min_size=1, max_size=20),
)

# One DuckDB connection for the whole property run: opening one per example is slow.
_STORES: dict[str, EventStore] = {}


def _store(kind: str) -> EventStore:
    if kind not in _STORES:
        _STORES[kind] = MemoryStore() if kind == "memory" else DuckDBStore(":memory:")
    return _STORES[kind]


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(events, min_size=1, max_size=4), body=st.text(min_size=1, max_size=40))
def test_events_round_trip_exactly(kind: str, batch: list[Event], body: str) -> None:
    store = _store(kind)
    # Unique text per example so that the document is never skipped as already stored.
    document = Document(doc_id="doc", text=f"{len(store.known_hashes())} {body}")
    run = store.start_run("test", [])
    assert store.add_batch([(document, batch, [])], [], run) == 1
    stored = store.query_events(doc_id="doc")[-len(batch) :]
    assert [e.to_dict() for e in stored] == [e.to_dict() for e in batch]
    assert store.documents()[-1].to_dict() == document.to_dict()
