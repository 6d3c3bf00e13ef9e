"""Streaming reads and outside events, on every store implementation."""

from __future__ import annotations

import pytest

from dotterel.records import Entity, Location, OutsideEvent
from dotterel.store import EventStore
from tests.store.conftest import doc, ent, event
from tests.store.test_store import _batch

FILTERS = [
    {},
    {"actor": "RUS"},
    {"recipient": "UKR"},
    {"event_type": "aid"},
    {"since": "2024-06-01"},
    {"until": "2024-05-31", "factuality": "actual"},
    {"doc_id": "kyiv"},
    {"limit": 2},
    {"limit": 0},
    {"actor": "DEU", "limit": 1},
]


@pytest.fixture
def stored(store: EventStore) -> EventStore:
    run = store.start_run("code", [])
    store.add_batch(_batch(), [], run)
    return store


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("chunk_size", [1, 2, 1000])
def test_iter_events_streams_what_query_events_returns(
    stored: EventStore, filters: dict, chunk_size: int
) -> None:
    expected = [e.to_dict() for e in stored.query_events(**filters)]
    streamed = [e.to_dict() for e in stored.iter_events(chunk_size=chunk_size, **filters)]
    assert streamed == expected


def test_events_come_with_their_documents_metadata(stored: EventStore) -> None:
    pairs = list(stored.iter_events_with_documents(chunk_size=2))
    assert [e.event_id for e, _d in pairs] == [e.event_id for e in stored.query_events()]
    by_id = {d.doc_id: d for d in stored.documents()}
    for coded, document in pairs:
        full = by_id[coded.doc_id]
        assert document.text == ""
        assert document.content_hash == full.content_hash
        assert (document.published, document.title) == (full.published, full.title)


def test_a_reused_doc_id_is_refused_so_no_event_id_repeats(store: EventStore) -> None:
    first = doc("same", "Russia threatened Ukraine.", published="2024-01-01")
    second = doc("same", "Russia threatened Ukraine again.", published="2024-02-01")
    items = [
        (d, [event(d, "threatened", "THREATEN", [ent("Russia", "RUS")])], [])
        for d in (first, second)
    ]
    run_id = store.start_run("code", [])
    store.add_batch(items, [], run_id)
    assert store.duplicate_event_ids() == set()
    assert [f.code for f in store.failures(run_id)] == ["DOT109"]
    published = [d.published for _e, d in store.iter_events_with_documents()]
    assert published == ["2024-01-01"]


def test_stream_survives_other_queries_between_chunks(stored: EventStore) -> None:
    seen = []
    for item in stored.iter_events(chunk_size=1):
        seen.append(item.event_id)
        stored.counts()
    assert len(seen) == 5


def _outside(number: int, dataset: str = "icews") -> OutsideEvent:
    return OutsideEvent(
        source_dataset=dataset,
        source_event_id=str(number),
        event_date="2018-01-0" + str(number),
        event_type="ACCUSE",
        cameo="112",
        goldstein=-2.0,
        quad_class=3,
        actor=[Entity("Russia", 0, 0, code="RUSGOV", country="RUS")],
        recipient=[Entity("Ukraine", 0, 0, code="UKR", country="UKR")],
        location=Location("Kyiv", country="UKR", lat=50.45, lon=30.52),
        story_id="9",
        sentence_number=number,
        publisher="Wire",
        fields={"Event ID": str(number), "Event Text": "Accuse"},
    )


def test_outside_events_are_kept_apart_and_read_back(stored: EventStore) -> None:
    before = stored.counts()
    run = stored.start_run("import-events", ["x.tsv"])
    rows = [_outside(1), _outside(2), _outside(3, "polecat")]
    assert stored.add_outside_events(rows, run) == 3
    assert [e.to_dict() for e in stored.outside_events()] == [r.to_dict() for r in rows]
    assert [e.source_event_id for e in stored.outside_events(source_dataset="icews")] == ["1", "2"]
    assert len(stored.outside_events(limit=1)) == 1
    # Dotterel's own events are untouched and do not see them.
    assert stored.counts()["events"] == before["events"]
    assert len(stored.query_events()) == 5


def test_importing_the_same_rows_again_adds_nothing(store: EventStore) -> None:
    run = store.start_run("import-events", [])
    assert store.add_outside_events([_outside(1), _outside(1)], run) == 1
    assert store.add_outside_events([_outside(1), _outside(2)], run) == 1
    assert len(store.outside_events()) == 2
