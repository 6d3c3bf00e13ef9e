"""Property test: any Event comes back from any store exactly as it went in."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dotterel.records import Document, Event
from dotterel.store import DuckDBStore, EventStore, MemoryStore
from tests.strategies import record_strategies

# Storage must keep any value, schema-valid or not: wide offsets, free-text codes.
events = record_strategies(max_offset=2**40, any_code=True, doc_ids=st.just("doc")).events

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
    # Unique text and id per example so that the document is never skipped as already
    # stored, nor refused for reusing an id.
    stored = len(store.known_hashes())
    document = Document(doc_id=f"doc{stored}", text=f"{stored} {body}")
    run = store.start_run("test", [])
    assert store.add_batch([(document, batch, [])], [], run) == 1
    stored = store.query_events(doc_id="doc")[-len(batch) :]
    assert [e.to_dict() for e in stored] == [e.to_dict() for e in batch]
    assert store.documents()[-1].to_dict() == document.to_dict()
