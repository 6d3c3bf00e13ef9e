"""Fixtures and record builders shared by the store tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dotterel.records import Document, Entity, Event, Span
from dotterel.store import DuckDBStore, EventStore, MemoryStore


@pytest.fixture(params=["memory", "duckdb-memory", "duckdb-file"])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[EventStore]:
    """Every store implementation: the suite must pass identically on each."""
    if request.param == "memory":
        made: EventStore = MemoryStore()
    elif request.param == "duckdb-memory":
        made = DuckDBStore(":memory:")
    else:
        made = DuckDBStore(str(tmp_path / "events.duckdb"))
    with made:
        yield made


def doc(doc_id: str, text: str, published: str | None = "2024-05-02") -> Document:
    return Document(doc_id=doc_id, text=text, title=text.split(".")[0], published=published)


def ent(text: str, code: str | None, start: int = 0, country: str | None = None) -> Entity:
    return Entity(
        text=text,
        start=start,
        end=start + len(text),
        code=code,
        country=country,
        role=code[3:6] if code and len(code) >= 6 else None,
        canonical=text.upper() if code else None,
        why="test dictionary" if code else None,
    )


def event(
    document: Document,
    trigger: str,
    event_type: str,
    actors: list[Entity],
    recipients: list[Entity] | None = None,
    *,
    date: str | None = "2024-05-01",
    factuality: str = "actual",
) -> Event:
    start = document.text.index(trigger)
    return Event(
        doc_id=document.doc_id,
        sentence_index=0,
        evidence=Span(document.text, 0, len(document.text)),
        trigger=Span(trigger, start, start + len(trigger)),
        event_type=event_type,
        actor=actors,
        recipient=recipients or [],
        factuality=factuality,
        event_date=date,
        date_precision="day" if date else None,
        date_source="published" if date else None,
        rules=["test-rule"],
    )
