"""The seed store, ingested once per session, and record builders for export tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.api import demo_inputs
from dotterel.ingest import read_inputs
from dotterel.nlp.pipeline import Extraction, Extractor
from dotterel.records import Document, Event
from dotterel.store import DuckDBStore


@pytest.fixture(scope="session")
def seed_db(extractor: Extractor, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A DuckDB store holding the gold seed article and the bundled demo samples."""
    seed = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold" / "seed.jsonl"
    inputs = [str(seed)] if seed.exists() else []
    inputs += demo_inputs()
    documents = [d for d in read_inputs(inputs) if isinstance(d, Document)]
    path = str(tmp_path_factory.mktemp("seed") / "seed.duckdb")
    with DuckDBStore(path) as store:
        run = store.start_run("ingest", inputs)
        batch = [
            (r.document, r.events, r.mentions)
            for r in extractor.extract(documents)
            if isinstance(r, Extraction)
        ]
        store.add_batch(batch, [], run)
    return path


@pytest.fixture(scope="session")
def seed_events(seed_db: str) -> list[Event]:
    with DuckDBStore(seed_db) as store:
        events = store.query_events()
    assert len(events) >= 10, "the seed store should hold the seed article's events"
    return events


def dyad_count(events: list[Event]) -> int:
    """Lines a one-dyad-per-line format writes for these events."""
    return sum(max(len(e.actor), 1) * max(len(e.recipient), 1) for e in events)
